"""Records → Minutes: Final and Approve are refused until the session is adjourned; approving
asks at which session, and the minutes then say so."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialogButtonBox, QLabel, QPushButton
from sqlalchemy import select

from encounter_desk.demo import build as demo
from encounter_desk.event import sittings
from encounter_desk.records import attendance, sitting_life
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import Participant
from encounter_desk.ui.records import RecordsWorkspace
from encounter_desk.ui.widgets.workspace import AppContext

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

MOMENT = dt.datetime(2017, 9, 5, 15, tzinfo=dt.UTC)


@pytest.fixture
def records(qtbot, db: Database, messages):  # noqa: ANN201
    demo.build_demo(db)
    workspace = RecordsWorkspace(AppContext(db, messages), clock=lambda: MOMENT,
                                 open_file=lambda path: None)
    qtbot.addWidget(workspace)
    workspace.resize(1280, 800)
    workspace.show()
    qtbot.waitExposed(workspace)
    workspace.tabs.setCurrentWidget(workspace.minutes)
    return workspace


def click(qtbot, page, name: str) -> None:
    qtbot.mouseClick(page.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def test_final_and_approve_are_refused_until_the_session_is_adjourned(qtbot, records, db,
                                                                     messages, tmp_path):
    rows = sittings.list_sittings(db)
    first, second = rows[0], rows[1]
    records.select(second.id)  # sitting 2: not held yet
    page = records.minutes
    final = page.findChild(QCheckBox, "minutesFinal")
    final.setChecked(True)
    assert not final.isChecked()  # refused: a draft it stays
    status = page.findChild(QLabel, "minutesStatus").text()
    assert "Session 2 was not held" in status
    click(qtbot, page, "approveMinutes")
    assert page.dialog is None  # nothing asked
    assert messages.warnings()[-1][1].startswith("Session 2 was not held")

    with db.read() as s:
        everyone = [p.id for p in s.scalars(select(Participant))]
    for pid in everyone:
        attendance.mark(db, second.id, pid, "present", source="manual", desk="test")
    sitting_life.open_sitting(db, second.id)  # opened, not adjourned yet
    final.setChecked(True)
    assert not final.isChecked()
    assert "Session 2 has not been adjourned yet" in page.findChild(QLabel, "minutesStatus").text()
    click(qtbot, page, "approveMinutes")
    assert page.dialog is None
    assert "has not been adjourned yet" in messages.warnings()[-1][1]

    # Sitting 1 was adjourned: Final is allowed and approving asks where.
    records.select(first.id)
    final.setChecked(True)
    assert final.isChecked()
    click(qtbot, page, "approveMinutes")
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    where = dialog.findChild(QComboBox, "approvedAt")
    assert where.currentData() == second.id  # the next session, by default
    assert [where.itemData(i) for i in range(where.count())] == [r.id for r in rows]
    dialog.grab().save(str(tmp_path / "approval_dialog.png"))  # looked at
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert page.dialog is None
    life = sitting_life.sitting_life(db, first.id)
    assert life.approved_in_number == 2 and life.approved_at == MOMENT
    assert "approved at session 2" in page.findChild(QLabel, "minutesStatus").text()
    summary = page.findChild(QLabel, "minutesSummary").text()
    assert "Approved at session 2 on 5 September 2017" in summary


def test_approval_at_a_session_not_held_is_refused_inside_the_form(qtbot, records, db):
    rows = sittings.list_sittings(db)
    records.select(rows[0].id)
    page = records.minutes
    click(qtbot, page, "approveMinutes")
    dialog = page.dialog
    where = dialog.findChild(QComboBox, "approvedAt")
    where.setCurrentIndex(where.findData(rows[3].id))  # sitting 4: never opened
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    error = dialog.findChild(QLabel, "formError")
    assert error.isVisible() and "Session 4 was not held" in error.text()
    assert sitting_life.sitting_life(db, rows[0].id).approved_at is None  # nothing written
