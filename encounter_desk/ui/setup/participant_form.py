"""Add participant: the few fields a new person needs; the rest is edited in the table."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from encounter_desk.event.delegations import DelegationRow
from encounter_desk.ui.widgets.form_dialog import Submit
from encounter_desk.ui.widgets.participant_form import ParticipantDialog


class AddParticipantDialog(ParticipantDialog):
    """``submit(values)`` saves and returns an error message, or None when saved."""

    def __init__(self, parent: QWidget | None, delegations: Sequence[DelegationRow],
                 submit: Submit) -> None:
        super().__init__(parent, delegations, submit, "addParticipantDialog")
        self.ok_button.setText(self.tr("Add"))
        self.setWindowTitle(self.tr("Add participant"))
