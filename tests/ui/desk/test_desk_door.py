"""The desk switched to a session's door: a scanner burst records attendance at that session
(present since…, already present, refusals), never the event check-in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit
from sqlalchemy import func, select

from encounter_desk.demo import build as demo
from encounter_desk.desk import badges
from encounter_desk.desk.lookup import venue_zone
from encounter_desk.event import event as events
from encounter_desk.event import participants, sittings
from encounter_desk.records import attendance
from encounter_desk.storage.database import Database, open_database, sqlite_url
from encounter_desk.storage.models import AttendanceSource, AttendanceStatus, CheckIn, Scan
from encounter_desk.ui.desk.desk_workspace import DeskWorkspace
from encounter_desk.ui.desk.verdict_panel import VerdictPanel
from encounter_desk.ui.records.counts_widget import AttendanceCountsWidget
from encounter_desk.ui.widgets.messages import MessageBridge
from encounter_desk.ui.widgets.workspace import AppContext

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


class Clock:
    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def door(qtbot, db: Database, tmp_path: Path):  # noqa: ANN201
    demo.build_demo(db)
    second = sittings.list_sittings(db)[1]  # not held yet: nobody marked
    zone = venue_zone(events.load_event(db).timezone)
    clock = Clock(dt.datetime.combine(second.date, dt.time(15, 12), zone).astimezone(dt.UTC))
    desk = DeskWorkspace(AppContext(db, MessageBridge()), desk_name="Puerta 1", clock=clock,
                         open_file=lambda _p: None, badge_folder=tmp_path / "badges")
    qtbot.addWidget(desk)
    desk.resize(1280, 800)
    desk.show()
    qtbot.waitExposed(desk)
    people = {p.sort_name: p for p in participants.list_participants(db)}
    return desk, db, second, clock, people


def scanner_types(qtbot, desk: DeskWorkspace, code: str) -> None:
    field = desk.findChild(QLineEdit, "scanInput")
    assert QApplication.focusWidget() is field
    qtbot.keyClicks(field, code)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def panel(desk: DeskWorkspace) -> VerdictPanel:
    return desk.findChild(VerdictPanel, "verdictPanel")


def label(desk: DeskWorkspace, name: str) -> str:
    return desk.findChild(QLabel, name).text()


def checkins(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count(CheckIn.id)))


def choose_door(desk: DeskWorkspace, sitting_id: int | None) -> None:
    box = desk.findChild(QComboBox, "deskDoor")
    box.setCurrentIndex(box.findData(sitting_id))


def lawmaker(people: dict, db: Database) -> participants.ParticipantRow:
    return next(p for p in people.values() if p.category == "lawmaker")


def test_a_scan_at_the_door_marks_present_and_never_checks_in(qtbot, door):
    desk, db, second, clock, people = door
    person = lawmaker(people, db)
    before = checkins(db)
    choose_door(desk, second.id)
    assert label(desk, "deskHeading") == "Door of session 2 — Puerta 1"
    counts = desk.findChild(AttendanceCountsWidget, "attendanceCounts")
    assert counts.isVisible() and counts.counts.present == 0
    assert QApplication.focusWidget() is desk.findChild(QLineEdit, "scanInput")

    scanner_types(qtbot, desk, badges.badge_code_for(db, person.id))
    assert panel(desk).door.kind is attendance.DoorVerdictKind.PRESENT
    assert panel(desk).state == "admitted"  # the green look of an admission
    assert label(desk, "verdictHeadline") == "PRESENT — SESSION 2"
    assert label(desk, "verdictName") == f"{person.title} {person.display_name}".strip()
    assert label(desk, "verdictDetail") == "Present since 15:12"
    assert "door of session 2" in label(desk, "verdictFooter")
    mark = attendance.attendance_of(db, second.id, person.id)
    assert mark.status is AttendanceStatus.PRESENT and mark.source is AttendanceSource.SCAN
    assert mark.desk == "Puerta 1"
    assert checkins(db) == before  # attendance only: the event check-in is the desk's job
    assert counts.counts.present == 1

    # A second scan later is not a toggle: the first arrival time stands.
    clock.now += dt.timedelta(minutes=20)
    scanner_types(qtbot, desk, badges.badge_code_for(db, person.id))
    assert label(desk, "verdictHeadline") == "ALREADY PRESENT"
    assert label(desk, "verdictDetail") == "Present since 15:12"
    assert panel(desk).state == "already_checked_in"
    assert counts.counts.present == 1


def test_refusals_at_the_door_are_logged_against_the_session(qtbot, door, tmp_path):
    desk, db, second, _clock, people = door
    person = lawmaker(people, db)
    choose_door(desk, second.id)
    good = badges.badge_code_for(db, person.id)
    forged = good[:-3] + ("AAA" if not good.endswith("AAA") else "BBB")
    scanner_types(qtbot, desk, forged)
    assert label(desk, "verdictHeadline") == "FORGED OR DAMAGED"
    assert panel(desk).state == "forged"
    badges.reissue_badge(db, person.id)  # the badge in hand is now the old one
    scanner_types(qtbot, desk, good)
    assert label(desk, "verdictHeadline") == "BADGE REPLACED"
    assert panel(desk).state == "replaced"
    other = open_database(sqlite_url(tmp_path / "other.sqlite"), actor="tester")
    events.create_event(other, events.EventDetails(
        code="OTHER-2017", name_es="Otro", name_en="Other", short_name_es="Otro",
        short_name_en="Other", start_date=dt.date(2017, 9, 4), end_date=dt.date(2017, 9, 5)))
    someone = participants.create_participant(other, given_names="Ana", first_surname="Pérez")
    foreign = badges.badge_code_for(other, someone.id)
    other.close()
    scanner_types(qtbot, desk, foreign)
    assert label(desk, "verdictHeadline") == "WRONG EVENT"
    assert attendance.attendance_of(db, second.id, person.id) is None
    with db.read() as session:
        logged = session.scalars(select(Scan.verdict).where(Scan.sitting_id == second.id)).all()
    assert logged[0] == "forged" and logged[-1] == "wrong_event" and len(logged) == 3


def test_search_at_the_door_and_back_to_the_event_check_in(qtbot, door):
    desk, db, second, _clock, people = door
    person = next(p for p in people.values() if p.category == "lawmaker"
                  and p.delegation_code == "GT")
    # Marked excused at the roll call, then walks in after all: a scan proves presence.
    attendance.mark(db, second.id, person.id, "excused", source="roll_call")
    choose_door(desk, second.id)
    search = desk.findChild(QLineEdit, "deskSearch")
    search.setFocus()
    qtbot.keyClicks(search, f"{person.first_surname} {person.given_names}".lower())
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert label(desk, "verdictHeadline") == "PRESENT — SESSION 2"
    assert attendance.attendance_of(db, second.id, person.id).status is AttendanceStatus.PRESENT
    assert search.text() == ""

    before = checkins(db)
    choose_door(desk, None)
    assert label(desk, "deskHeading") == "Registration desk — Puerta 1"
    assert not desk.findChild(AttendanceCountsWidget, "attendanceCounts").isVisible()
    scanner_types(qtbot, desk, badges.badge_code_for(db, person.id))
    assert panel(desk).door is None
    assert panel(desk).state in ("admitted", "admitted_attention", "already_checked_in")
    assert checkins(db) == before + (0 if panel(desk).state == "already_checked_in" else 1)
