"""A form in a dialog that never blocks, and says inside itself what a job refused.

Every form of the app (a new participant, a walk-in, an agreement, an initiative) works the
same way: it only collects values; ``submit(values)`` saves them through a job and returns
None, or the refusal's sentence, which the form shows under its fields while it keeps the
values for a correction (nothing was written). Opened with ``open()``: the event loop never
stops.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLayout, QWidget

from encounter_desk.ui.widgets.layout import problem_label, vbox

Submit = Callable[[dict[str, Any]], str | None]
"""Saves a form's values; returns None, or the sentence saying why nothing was saved."""

Row = tuple[str, QWidget | QLayout] | tuple[QWidget]
"""A row of a form: ``(label, field)`` (label "" leaves its column empty), or ``(widget,)``
across the whole row."""


class FormDialog(QDialog):
    """Rows of fields in :attr:`form`, the problem line, and the buttons. Subclasses add
    their rows and say what :meth:`values` the form holds."""

    OK = QDialogButtonBox.StandardButton.Ok
    SAVE = QDialogButtonBox.StandardButton.Save

    def __init__(self, parent: QWidget | None, submit: Submit, name: str,
                 ok: QDialogButtonBox.StandardButton = SAVE,
                 ok_text: str = "") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.submit = submit
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.error = problem_label("formError", bold=True)
        self.error.hide()
        self.buttons = QDialogButtonBox(ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(ok)
        if ok_text:
            self.ok_button.setText(ok_text)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.body = vbox(self.form, self.error, self.buttons, parent=self)

    def add_rows(self, *rows: Row) -> None:
        """Add ``rows`` to :attr:`form`, in order."""
        for row in rows:
            self.form.addRow(*row)

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def save(self) -> None:
        """Submit the values; close when they were saved, else say why and stay open."""
        problem = self.submit(self.values())
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        self.error.hide()
        super().accept()

    def accept(self) -> None:
        self.save()
