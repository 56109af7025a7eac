"""New participant at the desk (a walk-in): the participant form, with contact details.

The dialog only collects the values; ``submit(values)`` (the desk) registers, checks in and
prints, and returns a sentence when something is wrong, which the form shows and keeps
the values for a correction. Opened with ``open()``: the event loop never stops.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from encounter_desk.event.delegations import DelegationRow
from encounter_desk.ui.widgets.form_dialog import Submit
from encounter_desk.ui.widgets.layout import wrapped
from encounter_desk.ui.widgets.participant_form import ParticipantDialog


class WalkInDialog(ParticipantDialog):
    """``submit(values)`` returns an error message, or None when the person was registered."""

    def __init__(self, parent: QWidget | None, delegations: Sequence[DelegationRow],
                 submit: Submit) -> None:
        super().__init__(parent, delegations, submit, "walkInDialog", contact=True)
        self.ok_button.setText(self.tr("Register, check in and print badge"))
        self.setWindowTitle(self.tr("New participant (walk-in)"))
        self.setMinimumWidth(520)
        self.hint = wrapped(text=self.tr("The person is checked in and the badge opens for "
                                         "printing as soon as you register them."))
        self.body.insertWidget(0, self.hint)
        # The category is chosen, never assumed (the first entry would be Lawmaker).
        self.fields.category.insertItem(0, self.tr("(choose a category)"), None)
        self.fields.category.setCurrentIndex(0)
