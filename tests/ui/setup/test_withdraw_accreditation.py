"""Setup: a scanned person is never deleted; their accreditation is withdrawn and given back."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPushButton

from encounter_desk.desk import badges, checkin
from encounter_desk.desk.verdict import VerdictKind
from encounter_desk.event import participants
from encounter_desk.ui.setup.pages import ParticipantsPage
from encounter_desk.ui.widgets.workspace import AppContext

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def test_withdraw_then_reinstate_from_setup(qtbot, messages, event_db):
    page = ParticipantsPage(AppContext(event_db, messages))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    ana = next(p for p in participants.list_participants(event_db) if p.first_surname == "Pérez")
    code = badges.badge_code_for(event_db, ana.id)
    checkin.check_in(event_db, code, desk="Mesa 1")
    page.select_source_row(page.participants.row_of_id(ana.id))
    page.delete_current()  # messages answer yes: the job refuses, nothing is deleted
    assert messages.kinds()[-1] == "warn" and "withdraw" in messages.said[-1][2]
    assert participants.get_participant(event_db, ana.id).id == ana.id

    button = page.findChild(QPushButton, "withdrawAccreditation")
    assert button.text() == "Withdraw accreditation…"
    button.click()
    page.withdraw_dialog.setTextValue("Sustituida por su suplente")
    page.withdraw_dialog.accept()
    assert participants.get_participant(event_db, ana.id).withdrawn_reason == (
        "Sustituida por su suplente")
    assert button.text() == "Reinstate accreditation…"
    verdict = checkin.check_in_participant(event_db, ana.id, desk="Mesa 1")
    assert verdict.kind is VerdictKind.WITHDRAWN

    button.click()  # asks; the recording bridge says yes
    assert participants.get_participant(event_db, ana.id).withdrawn_at is None
    assert button.text() == "Withdraw accreditation…"
