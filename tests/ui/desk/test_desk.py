"""The Registration desk, driven like a clerk with a handheld scanner would drive it.

Every scan is typed into the real ``scanInput`` field key by key, ended by Enter (or Tab),
exactly what a scanner does through the keyboard.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QTableView
from sqlalchemy import func, select

from encounter_desk.desk import badges, checkin
from encounter_desk.desk.checkin import VerdictKind
from encounter_desk.event import badge_code, participants
from encounter_desk.event import delegations as delegation_admin
from encounter_desk.event import event as events
from encounter_desk.storage.database import Database, open_database, sqlite_url
from encounter_desk.storage.models import Scan, Sitting
from encounter_desk.ui.desk import sounds
from encounter_desk.ui.desk.desk_workspace import DeskWorkspace
from encounter_desk.ui.desk.search_panel import SearchResultsModel
from encounter_desk.ui.desk.style import LOOKS
from encounter_desk.ui.desk.verdict_panel import VerdictPanel
from encounter_desk.ui.widgets.messages import MessageBridge
from encounter_desk.ui.widgets.workspace import AppContext

# The offscreen platform says it cannot pass size hints on to a window system: not ours.
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

T0 = dt.datetime(2017, 9, 4, 14, 5, tzinfo=dt.UTC)  # 09:05 in Tapachula (America/Mexico_City)
LONG_NAME = ("María de los Ángeles", "Fernández de Córdoba y Villaseñor-Echeverría")


class Clock:
    def __init__(self, start: dt.datetime = T0) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


def details(code: str) -> events.EventDetails:
    return events.EventDetails(
        code=code,
        name_es="I Encuentro Parlamentario de la CRM",
        name_en="I RCM Parliamentary Encounter",
        short_name_es="Encuentro CRM",
        short_name_en="RCM Encounter",
        start_date=dt.date(2017, 9, 4),
        end_date=dt.date(2017, 9, 6),
        city="Tapachula",
        timezone="America/Mexico_City",
    )


@dataclass
class DeskData:
    db: Database
    clock: Clock
    delegations: dict[str, int]
    ana: int  # a plain lawmaker
    long: int  # the longest name of the encounter
    head: int  # head of delegation, with a desk note
    replaced: int  # whose badge was reissued
    other_event_code: str

    def badge(self, pid: int) -> str:
        return badges.badge_code_for(self.db, pid)

    def old_badge(self, pid: int, serial: int = 1) -> str:
        with self.db.read() as session:
            event = events.require_event(session)
            return badge_code.make_code(secret_hex=event.secret, event_code=event.code,
                                        participant_id=pid, serial=serial)


@pytest.fixture
def desk_data(db: Database, tmp_path: Path) -> DeskData:
    events.create_event(db, details("RCM-EP-2017"))
    delegations = {d.code: d.id for d in delegation_admin.list_delegations(db)}

    def add(**values) -> int:
        return participants.create_participant(db, **values).id

    ana = add(title="Dip.", given_names="Ana Lucía", first_surname="Pérez", second_surname="Núñez",
              delegation_id=delegations["SV"], category="lawmaker", gender="F")
    long = add(title="Dip.", given_names=LONG_NAME[0], first_surname=LONG_NAME[1],
               delegation_id=delegations["MX"], category="lawmaker")
    head = add(title="Sen.", given_names="Jorge", first_surname="González", second_surname="Ibáñez",
               delegation_id=delegations["GT"], category="lawmaker", is_head_of_delegation=True,
               desk_note="Silla de ruedas: acompañar al salón")
    replaced = add(title="Hon.", given_names="Patricia", first_surname="Tremblay",
                   delegation_id=delegations["CA"], category="lawmaker")
    add(given_names="Amy", first_surname="Pope", institution="OIM / IOM", category="international")
    badges.reissue_badge(db, replaced)
    with db.write() as session:
        session.add(Sitting(number=1, title_es="Inauguración", title_en="Opening",
                            date=dt.date(2017, 9, 4), scheduled_start=dt.time(10, 0),
                            scheduled_end=dt.time(12, 0), room="Salón Tapachula"))
    other = open_database(sqlite_url(tmp_path / "other.sqlite"), actor="tester@desk")
    events.create_event(other, details("OTHER-2017"))
    them = participants.create_participant(other, given_names="Ana Lucía", first_surname="Pérez",
                                           second_surname="Núñez")
    other_code = badges.badge_code_for(other, them.id)
    other.close()
    return DeskData(db, Clock(), delegations, ana, long, head, replaced, other_code)


@pytest.fixture
def desk(qtbot, desk_data: DeskData, tmp_path: Path) -> DeskWorkspace:
    opened: list[Path] = []
    widget = DeskWorkspace(AppContext(desk_data.db, MessageBridge()), desk_name="Mesa 1",
                           clock=desk_data.clock, open_file=opened.append, badge_folder=tmp_path / "badges")
    widget.opened = opened  # type: ignore[attr-defined]
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def scan_field(desk: DeskWorkspace) -> QLineEdit:
    field = desk.findChild(QLineEdit, "scanInput")
    assert field is not None
    return field


def panel(desk: DeskWorkspace) -> VerdictPanel:
    found = desk.findChild(VerdictPanel, "verdictPanel")
    assert found is not None
    return found


def scanner_types(qtbot, desk: DeskWorkspace, code: str, end=Qt.Key.Key_Return) -> None:
    """What a handheld scanner does: a burst of characters, then Enter (or Tab)."""
    field = scan_field(desk)
    qtbot.keyClicks(field, code)
    qtbot.keyClick(field, end)


def type_text(field: QLineEdit, text: str) -> None:
    """Key events carrying any text (accents, ¿, ñ), as the platform sends them: what a
    scanner types through a mismatched keyboard layout, or a clerk writing Spanish.
    (QTest's keyClicks maps only ASCII characters to keys.)"""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                field, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def scan_count(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count(Scan.id)))


def headline(desk: DeskWorkspace) -> str:
    return desk.findChild(QLabel, "verdictHeadline").text()


# --- every verdict through the real field ----------------------------------------------------

def test_a_badge_scanned_admits_with_name_delegation_and_first_session(qtbot, desk, desk_data):
    field = scan_field(desk)
    assert QApplication.focusWidget() is field
    assert panel(desk).state == "ready"
    assert "Ready" in headline(desk)

    scanner_types(qtbot, desk, desk_data.badge(desk_data.ana))

    shown = panel(desk)
    assert shown.state == "admitted"
    assert headline(desk) == "ADMITTED"
    assert shown.findChild(QLabel, "verdictName").text() == "Dip. Ana Lucía Pérez Núñez"
    assert shown.findChild(QLabel, "verdictDelegation").text() == "El Salvador"
    assert shown.findChild(QLabel, "verdictFlag").pixmap() is not None
    assert not shown.findChild(QLabel, "verdictFlag").pixmap().isNull()
    extra = shown.findChild(QLabel, "verdictExtra").text()
    assert "session 1" in extra and "Opening" in extra and "10:00" in extra
    assert "09:05:00" in shown.findChild(QLabel, "verdictFooter").text()  # venue time
    assert "Mesa 1" in shown.findChild(QLabel, "verdictFooter").text()
    # The field cleared itself and kept the keyboard for the next badge.
    assert field.text() == ""
    assert QApplication.focusWidget() is field
    with desk_data.db.read() as session:
        recorded = session.scalar(select(Scan))
    assert (recorded.verdict, recorded.desk, recorded.source) == ("admitted", "Mesa 1", "scanner")
    assert checkin.is_checked_in(desk_data.db, desk_data.ana)


def test_head_of_delegation_with_a_note_is_admitted_with_attention(qtbot, desk, desk_data):
    scanner_types(qtbot, desk, desk_data.badge(desk_data.head))
    assert panel(desk).state == "admitted_attention"
    assert headline(desk) == "ADMITTED — ATTENTION"
    detail = desk.findChild(QLabel, "verdictDetail").text()
    assert "Head of delegation" in detail
    assert "Silla de ruedas: acompañar al salón" in detail


def test_a_second_scan_says_when_and_where_never_checks_out(qtbot, desk, desk_data):
    code = desk_data.badge(desk_data.ana)
    scanner_types(qtbot, desk, code)
    desk_data.clock.advance(600)
    desk.set_desk_name("Mesa 2")
    scanner_types(qtbot, desk, code)
    assert panel(desk).state == "already_checked_in"
    assert headline(desk) == "ALREADY CHECKED IN"
    detail = desk.findChild(QLabel, "verdictDetail").text()
    assert detail == "Checked in at 09:05 (desk Mesa 1)"
    assert "Mesa 2" in desk.findChild(QLabel, "deskHeading").text()
    assert checkin.is_checked_in(desk_data.db, desk_data.ana)


def test_an_old_badge_after_a_reissue_is_replaced(qtbot, desk, desk_data):
    scanner_types(qtbot, desk, desk_data.old_badge(desk_data.replaced, serial=1))
    assert panel(desk).state == "replaced"
    assert headline(desk) == "BADGE REPLACED"
    assert desk.findChild(QLabel, "verdictName").text() == "Hon. Patricia Tremblay"
    assert "newer badge (number 2)" in desk.findChild(QLabel, "verdictDetail").text()
    assert not checkin.is_checked_in(desk_data.db, desk_data.replaced)
    # The new badge works.
    scanner_types(qtbot, desk, desk_data.badge(desk_data.replaced))
    assert panel(desk).state == "admitted"


def test_a_badge_of_another_event(qtbot, desk, desk_data):
    scanner_types(qtbot, desk, desk_data.other_event_code)
    assert panel(desk).state == "wrong_event"
    assert headline(desk) == "WRONG EVENT"
    assert "another event" in desk.findChild(QLabel, "verdictDetail").text()
    assert desk.findChild(QLabel, "verdictName").isHidden()


def test_a_tampered_code_is_forged(qtbot, desk, desk_data):
    code = desk_data.badge(desk_data.ana)
    last = code[-1]
    tampered = code[:-1] + ("0" if last != "0" else "1")
    scanner_types(qtbot, desk, tampered)
    assert panel(desk).state == "forged"
    assert headline(desk) == "FORGED OR DAMAGED"
    assert not checkin.is_checked_in(desk_data.db, desk_data.ana)


def test_a_genuine_code_of_nobody_is_unknown(qtbot, desk, desk_data):
    code = desk_data.old_badge(99_999, serial=1)
    scanner_types(qtbot, desk, code)
    assert panel(desk).state == "unknown"
    assert headline(desk) == "UNKNOWN BADGE"
    assert "no participant" in desk.findChild(QLabel, "verdictDetail").text()


@pytest.mark.parametrize("transform", [str.lower, str.swapcase], ids=["lowercase", "caps-lock"])
def test_lowercase_and_caps_lock_codes_admit(qtbot, desk, desk_data, transform):
    code = desk_data.badge(desk_data.ana)
    scanner_types(qtbot, desk, transform(code))
    assert panel(desk).state == "admitted"
    with desk_data.db.read() as session:
        assert session.scalar(select(Scan.raw)) == transform(code)


def test_tab_ends_a_scan_and_keeps_the_keyboard(qtbot, desk, desk_data):
    scanner_types(qtbot, desk, desk_data.badge(desk_data.ana), end=Qt.Key.Key_Tab)
    assert panel(desk).state == "admitted"
    assert scan_field(desk).text() == ""
    assert QApplication.focusWidget() is scan_field(desk)


def test_garbage_and_very_long_input_are_refused_and_recorded(qtbot, desk, desk_data):
    field = scan_field(desk)
    qtbot.keyClicks(field, "hola ")
    type_text(field, "¿qué tal? ñ")
    qtbot.keyClicks(field, "'{}-")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert panel(desk).state == "not_a_badge"  # words, not a damaged code
    long_input = "X" * 3000
    field.setText(long_input)  # a stuck key: keyClicks of 3000 keys would only be slower
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert panel(desk).state == "not_a_badge"
    assert field.text() == ""
    with desk_data.db.read() as session:
        lengths = session.scalars(select(Scan.raw_length).order_by(Scan.id)).all()
    assert lengths == [len("hola ¿qué tal? ñ'{}-"), 3000]
    # Enter alone is no scan at all.
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert scan_count(desk_data.db) == 2


def test_two_quick_scans_back_to_back_give_two_verdicts(qtbot, desk, desk_data):
    seen = []
    desk.verdict_shown.connect(seen.append)
    field = scan_field(desk)
    # Two bursts with nothing in between: no waiting, no event loop turn of our own.
    qtbot.keyClicks(field, desk_data.badge(desk_data.ana))
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.keyClicks(field, desk_data.badge(desk_data.long))
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert [v.kind for v in seen] == [VerdictKind.ADMITTED, VerdictKind.ADMITTED]
    assert [v.participant.id for v in seen] == [desk_data.ana, desk_data.long]
    assert field.text() == ""
    assert panel(desk).findChild(QLabel, "verdictName").text() == "Dip. " + " ".join(LONG_NAME)
    assert scan_count(desk_data.db) == 2


def test_the_verdict_holds_then_returns_to_ready_when_its_timer_fires(qtbot, desk, desk_data):
    shown = panel(desk)
    assert shown.hold_timer.interval() == 6000
    scanner_types(qtbot, desk, desk_data.badge(desk_data.ana))
    assert shown.hold_timer.isActive()
    assert shown.state == "admitted"
    shown.hold_timer.timeout.emit()  # the few seconds have passed
    assert shown.state == "ready"
    assert "Ready" in headline(desk)
    assert QApplication.focusWidget() is scan_field(desk)
    desk.set_hold_seconds(3)
    assert shown.hold_timer.interval() == 3000


def test_every_verdict_has_its_own_colour_word_and_symbol():
    kinds = [k.value for k in VerdictKind]
    assert len({LOOKS[k].background for k in kinds}) == len(kinds)
    assert len({LOOKS[k].symbol for k in kinds}) == len(kinds)
    words = VerdictPanel()
    try:
        assert len({words.headline_text(k) for k in VerdictKind}) == len(kinds)
    finally:
        words.deleteLater()


# --- beside the scanner ------------------------------------------------------------------

def test_search_as_you_type_then_check_in_from_the_result(qtbot, desk, desk_data):
    search = desk.findChild(QLineEdit, "deskSearch")
    results = desk.findChild(QTableView, "deskSearchResults")
    search.setFocus()
    qtbot.keyClicks(search, "gonzales ibanes")  # no accents, two typos
    assert QApplication.focusWidget() is search  # the desk does not take the keyboard back
    model = results.model()
    assert model.rowCount() == 1
    assert model.data(model.index(0, SearchResultsModel.NAME)) == "Sen. Jorge González Ibáñez"
    assert model.data(model.index(0, SearchResultsModel.DELEGATION)) == "Guatemala"
    assert model.data(model.index(0, SearchResultsModel.STATE)) == "not yet"
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert panel(desk).state == "admitted_attention"
    assert desk.findChild(QLabel, "verdictName").text() == "Sen. Jorge González Ibáñez"
    assert "search by name" in desk.findChild(QLabel, "verdictFooter").text()
    # The search emptied itself and the scanner has the keyboard again.
    assert search.text() == ""
    assert QApplication.focusWidget() is scan_field(desk)
    # Searching again shows the check-in.
    qtbot.keyClicks(search, "guatemala")
    assert model.data(model.index(0, SearchResultsModel.STATE)) == "✔ 09:05 · Mesa 1"
    # And a second check-in from the result is the same verdict path: already checked in.
    desk.findChild(QPushButton, "deskCheckIn").click()
    assert panel(desk).state == "already_checked_in"


def test_search_finds_by_institution_and_results_pass_the_model_tester(
        qtbot, qtmodeltester, desk):
    search = desk.findChild(QLineEdit, "deskSearch")
    qtbot.keyClicks(search, "oim")
    model = desk.findChild(QTableView, "deskSearchResults").model()
    assert model.rowCount() == 1
    assert model.data(model.index(0, SearchResultsModel.NAME)) == "Amy Pope"
    qtmodeltester.check(model, force_py=True)


def test_a_code_scanned_into_the_search_box_is_still_a_scan(qtbot, desk, desk_data):
    search = desk.findChild(QLineEdit, "deskSearch")
    search.setFocus()
    qtbot.keyClicks(search, desk_data.badge(desk_data.ana).lower())
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert panel(desk).state == "admitted"
    assert search.text() == ""
    assert QApplication.focusWidget() is scan_field(desk)


def test_undo_a_check_in_needs_a_reason_and_keeps_both_in_the_log(qtbot, desk, desk_data):
    scanner_types(qtbot, desk, desk_data.badge(desk_data.ana))
    search = desk.findChild(QLineEdit, "deskSearch")
    qtbot.keyClicks(search, "perez nunez")
    results = desk.findChild(QTableView, "deskSearchResults")
    results.selectRow(0)
    desk.findChild(QPushButton, "deskUndo").click()
    reason = desk.findChild(QLineEdit, "undoReason")
    assert reason.isVisible()
    assert QApplication.focusWidget() is reason
    desk.findChild(QPushButton, "undoConfirm").click()  # no reason yet
    assert "reason" in desk.search.undo_error.text()
    assert checkin.is_checked_in(desk_data.db, desk_data.ana)
    type_text(reason, "Escaneó el gafete equivocado")
    qtbot.keyClick(reason, Qt.Key.Key_Return)
    assert not checkin.is_checked_in(desk_data.db, desk_data.ana)
    assert not reason.isVisible()
    assert "undone" in desk.findChild(QLabel, "deskStatus").text()
    model = results.model()
    assert model.data(model.index(0, SearchResultsModel.STATE)) == "not yet"
    assert desk.counts_panel.counts.checked_in == 0
    with desk_data.db.read() as session:
        first = session.scalar(select(Scan))
    assert first.undo_reason == "Escaneó el gafete equivocado"
    assert first.undone_by.endswith("@ Mesa 1")
    # The person can be admitted again; the log holds both scans.
    search.clear()
    scanner_types(qtbot, desk, desk_data.badge(desk_data.ana))
    assert panel(desk).state == "admitted"
    assert scan_count(desk_data.db) == 2


def test_walk_in_registers_checks_in_and_prints_a_badge(qtbot, desk, desk_data):
    dialog = desk.start_walk_in()
    assert dialog.isVisible()
    desk.scan_field.setFocus()
    assert desk.desk_idle() is False  # the form is being filled: the scanner waits
    dialog.fields.title.setText("Dip.")
    dialog.fields.given_names.setText("Guadalupe")
    dialog.fields.first_surname.setText("Zúñiga")
    dialog.fields.second_surname.setText("Peña")
    dialog.fields.delegation.setCurrentIndex(dialog.fields.delegation.findData(desk_data.delegations["HN"]))
    assert dialog.fields.category.currentData() is None  # never assumed
    dialog.ok_button.click()
    assert "category" in dialog.findChild(QLabel, "formError").text()
    assert dialog.isVisible() and desk.opened == []
    dialog.fields.category.setCurrentIndex(dialog.fields.category.findData("lawmaker"))
    dialog.fields.email.setText("not an address")
    dialog.ok_button.click()
    assert "not an email address" in dialog.findChild(QLabel, "formError").text()
    assert dialog.isVisible()
    assert desk.opened == []
    dialog.fields.email.setText("gzuniga@congreso.hn")
    dialog.fields.desk_note.setPlainText("Llega sin gafete")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert panel(desk).state == "admitted_attention"
    assert desk.findChild(QLabel, "verdictName").text() == "Dip. Guadalupe Zúñiga Peña"
    assert "walk-in" in desk.findChild(QLabel, "verdictFooter").text()
    assert len(desk.opened) == 1
    pdf = desk.opened[0]
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")
    with desk_data.db.read() as session:
        source = session.scalar(select(Scan.source))
    assert source == "walk-in"
    # Findable at once, and counted.
    qtbot.keyClicks(desk.findChild(QLineEdit, "deskSearch"), "zuniga pena")
    model = desk.findChild(QTableView, "deskSearchResults").model()
    assert model.rowCount() == 1
    assert model.data(model.index(0, SearchResultsModel.STATE)).startswith("✔")
    assert desk.counts_panel.counts.checked_in == 1
    assert desk.counts_panel.counts.expected == 6


def test_counts_update_after_each_scan_and_on_refresh(qtbot, desk, desk_data):
    counts = desk.findChild(QLabel, "deskCountsTotal")
    assert counts.text() == "Checked in: 0 / 5"
    scanner_types(qtbot, desk, desk_data.badge(desk_data.ana))
    assert counts.text() == "Checked in: 1 / 5"
    by_delegation = desk.findChild(QTableView, "deskCountsByDelegation").model()
    rows = {by_delegation.data(by_delegation.index(r, 0)): by_delegation.data(by_delegation.index(r, 1))
            for r in range(by_delegation.rowCount())}
    assert rows["El Salvador"] == "1 / 1"
    assert rows["Mexico"] == "0 / 1"
    labels = [by_delegation.data(by_delegation.index(r, 0)) for r in range(by_delegation.rowCount())]
    assert labels.index("Canada") < labels.index("El Salvador") < labels.index("Guatemala")
    by_category = desk.findChild(QTableView, "deskCountsByCategory").model()
    cats = {by_category.data(by_category.index(r, 0)): by_category.data(by_category.index(r, 1))
            for r in range(by_category.rowCount())}
    assert cats == {"Lawmaker": "1 / 4", "International organization": "0 / 1"}
    # Another desk admits someone in the same file: refresh() shows it.
    checkin.check_in(desk_data.db, desk_data.badge(desk_data.long), desk="Mesa 2",
                     clock=desk_data.clock)
    desk.refresh()
    assert counts.text() == "Checked in: 2 / 5"


def test_sound_is_off_by_default_and_the_toggle_is_remembered(qtbot, desk, desk_data):
    beeps = []
    desk.sound._beep = lambda: beeps.append(1)
    assert desk.sound_box.isChecked() is False
    scanner_types(qtbot, desk, desk_data.badge(desk_data.ana))
    assert beeps == []
    desk.sound_box.click()
    assert sounds.VerdictSound.saved() is True
    scanner_types(qtbot, desk, desk_data.badge(desk_data.long))
    assert len(beeps) == 1
    desk_data.clock.advance(5)  # back a moment later (within 2 s it is one scan read twice)
    scanner_types(qtbot, desk, desk_data.badge(desk_data.long))  # already checked in
    assert len(beeps) == 4
    assert QApplication.focusWidget() is scan_field(desk)


def test_the_desk_speaks_spanish_after_a_language_change(qtbot, desk, desk_data):
    from encounter_desk.ui.shell.translations import Translators

    scanner_types(qtbot, desk, desk_data.badge(desk_data.ana))
    translators = Translators()
    translators.install("es")
    QCoreApplication.sendPostedEvents()  # the LanguageChange events
    QApplication.processEvents()
    try:
        assert "Mesa 1" in desk.findChild(QLabel, "deskHeading").text()
        assert desk.findChild(QLabel, "verdictDelegation").text() == "El Salvador"
        # The Spanish catalogue's own words, whichever of them the catalogue holds.
        from encounter_desk.core import i18n
        expected = i18n.in_language("es").translate("VerdictPanel", "ADMITTED")
        assert expected != "ADMITTED"  # the catalogue has it
        assert headline(desk) == expected
        assert desk.findChild(QLineEdit, "deskSearch").placeholderText() == i18n.in_language(
            "es").translate("SearchPanel", "Name, delegation or institution…")
        assert desk.counts_panel.by_category.data(
            desk.counts_panel.by_category.index(0, 0)) == i18n.in_language("es").translate(
            "Category", "Lawmaker")
    finally:
        translators.install("en")
        QCoreApplication.sendPostedEvents()


def test_the_desk_in_the_main_window_takes_its_name_from_the_settings(qtbot, desk_data):
    from encounter_desk.ui.desk import identity

    identity.save_desk_name("  Mesa   3 ")
    context = AppContext(desk_data.db, MessageBridge())
    widget = DeskWorkspace(context)
    qtbot.addWidget(widget)
    assert widget.KEY == "desk" and widget.title() == "Registration desk"
    assert widget.desk_name == "Mesa 3"
    verdict = widget.scan(desk_data.badge(desk_data.ana))
    assert verdict.desk == "Mesa 3"
    # An import elsewhere in the app: the desk reloads (a new person is findable).
    participants.create_participant(desk_data.db, given_names="Xóchitl", first_surname="Gálvez")
    context.records_changed.emit()
    assert widget.counts_panel.counts.expected == 6
    assert [h.display_name for h in widget.search.index.search("xochitl")] == ["Xóchitl Gálvez"]


def test_a_double_read_keeps_the_first_verdict_marked_read_twice(qtbot, desk, desk_data):
    code = desk_data.badge(desk_data.ana)
    scanner_types(qtbot, desk, code)
    assert panel(desk).state == "admitted"
    desk_data.clock.advance(0.06)  # the scanner read the same badge twice, 60 ms apart
    scanner_types(qtbot, desk, code)
    assert panel(desk).state == "admitted"
    assert panel(desk).footer.text().endswith("read twice")
    assert scan_count(desk_data.db) == 1
    desk_data.clock.advance(3)  # shown again later: a new scan, already checked in
    scanner_types(qtbot, desk, code)
    assert panel(desk).state == "already_checked_in"
    assert "read twice" not in panel(desk).footer.text()
    assert scan_count(desk_data.db) == 2


def test_text_that_is_no_badge_goes_to_the_search_with_one_key(qtbot, desk, desk_data):
    field = scan_field(desk)
    type_text(field, "González")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert panel(desk).state == "not_a_badge"
    assert "NOT A BADGE" in panel(desk).text() and "“González”" in panel(desk).text()
    assert QApplication.focusWidget() is field
    qtbot.keyClick(field, Qt.Key.Key_Return)  # Enter: search for it
    search = desk.findChild(QLineEdit, "deskSearch")
    assert search.text() == "González"
    assert QApplication.focusWidget() is search
    assert desk.search.model.people[0].id == desk_data.head
    assert panel(desk).state == "ready"


def test_a_configured_scanner_prefix_and_suffix_are_stripped(qtbot, desk, desk_data):
    from encounter_desk.ui.desk import identity

    identity.save_scanner_wrapping("#", "!")
    try:
        scanner_types(qtbot, desk, "#" + desk_data.badge(desk_data.ana) + "!")
        assert panel(desk).state == "admitted"
        scanner_types(qtbot, desk, "]Q1" + desk_data.badge(desk_data.long) + "!")
        assert panel(desk).state == "admitted"  # the AIM identifier too, prefix or not
        assert panel(desk).verdict.participant.id == desk_data.long
    finally:
        identity.save_scanner_wrapping("", "")


def test_reloads_and_the_end_of_the_hold_never_take_the_keyboard_from_the_search_box(
        qtbot, desk, desk_data):
    search = desk.findChild(QLineEdit, "deskSearch")
    scanner_types(qtbot, desk, desk_data.badge(desk_data.ana))
    search.setFocus()  # the clerk clicks the search box, about to type a name
    assert QApplication.focusWidget() is search
    desk.refresh()  # the file watcher: another desk scanned
    assert QApplication.focusWidget() is search
    panel(desk).hold_timer.timeout.emit()  # the verdict's hold ends
    assert panel(desk).state == "ready"
    assert QApplication.focusWidget() is search
    # The clerk empties the box by hand: the scan field listens again.
    type_text(search, "x")
    search.clear()
    assert QApplication.focusWidget() is scan_field(desk)


def test_reprint_and_reissue_a_badge_from_a_search_result(qtbot, desk, desk_data):
    asked = []

    class Yes:
        def ask(self, parent, title, text, on_yes, yes_text=None):  # noqa: ANN001
            asked.append(text)
            on_yes()

    old = desk_data.badge(desk_data.ana)
    desk.search.reprint_requested.emit(desk_data.ana)
    assert len(desk.opened) == 1 and desk.opened[0].suffix == ".pdf"
    assert desk_data.badge(desk_data.ana) == old  # the same code: the old print still admits
    desk.messages = Yes()
    desk.search.reissue_requested.emit(desk_data.ana)
    assert asked and "Pérez" in asked[0]
    assert len(desk.opened) == 2
    assert desk_data.badge(desk_data.ana) != old
    scanner_types(qtbot, desk, old)
    assert panel(desk).state == "replaced"
    assert QApplication.focusWidget() is scan_field(desk)
