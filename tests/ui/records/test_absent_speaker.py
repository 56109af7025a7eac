"""Marking absent someone who had the floor at the sitting asks first (the minutes record
their speech)."""

from __future__ import annotations

import pytest
from helpers.chair_room import ChairRoom

from encounter_desk.chair import commands as speakers
from encounter_desk.records import attendance
from encounter_desk.storage.models import AttendanceStatus
from encounter_desk.ui.records.attendance_page import AttendancePage
from encounter_desk.ui.widgets.workspace import AppContext

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture
def page(tmp_path, qtbot, messages):
    room = ChairRoom(tmp_path / "event.sqlite")
    room.add("ana")
    speakers.start_next(room.db, room.sitting, room.item)  # Ana has the floor
    page = AttendancePage(AppContext(room.db, messages), clock=room.db.clock)
    qtbot.addWidget(page)
    page.set_sitting(room.sitting)
    page.show()
    page.room = room
    yield page
    room.db.close()


def _select(page, participant_id):
    page.select_participant(participant_id)
    assert page.selected_ids() == [participant_id]


@pytest.mark.parametrize("answer", [False, True])
def test_marking_absent_a_speaker_asks_first(page, messages, answer):
    room = page.room
    messages.answer_yes = answer
    _select(page, room.p["ana"])
    page.mark_selected(AttendanceStatus.ABSENT)
    assert messages.said[-1][0] == "ask" and "had the floor" in messages.said[-1][2]
    mark = attendance.attendance_of(room.db, room.sitting, room.p["ana"])
    assert (mark is not None and mark.status == AttendanceStatus.ABSENT) is answer


def test_marking_absent_someone_who_did_not_speak_asks_nothing(page, messages):
    room = page.room
    _select(page, room.p["jorge"])
    page.mark_selected(AttendanceStatus.ABSENT)
    assert not [said for said in messages.said if said[0] == "ask"]
    assert attendance.attendance_of(room.db, room.sitting, room.p["jorge"]).status == (
        AttendanceStatus.ABSENT)
