"""New participant at the desk (a walk-in): the form.

The dialog only collects the values; ``submit(values)`` (the desk) registers, checks in and
prints, and returns a sentence when something is wrong, which the form shows and keeps
the values for a correction. Opened with ``open()``: the event loop never stops.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from encounter_desk.core import i18n
from encounter_desk.core.i18n import translate
from encounter_desk.event.delegations import DelegationRow
from encounter_desk.storage.models import CATEGORY_LABELS, GENDER_LABELS


class WalkInDialog(QDialog):
    """``submit(values)`` returns an error message, or None when the person was registered."""

    def __init__(
        self,
        parent: QWidget | None,
        delegations: Sequence[DelegationRow],
        submit: Callable[[dict[str, Any]], str | None],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("walkInDialog")
        self._submit = submit
        self.setWindowTitle(self.tr("New participant (walk-in)"))
        self.setMinimumWidth(520)
        self.title = QLineEdit()
        self.given_names = QLineEdit()
        self.first_surname = QLineEdit()
        self.second_surname = QLineEdit()
        lang = i18n.language()
        self.delegation = QComboBox()
        self.delegation.addItem(self.tr("(no delegation)"), None)
        for d in delegations:  # already in the canonical order
            self.delegation.addItem(d.name(lang), d.id)
        self.category = QComboBox()
        for value, label in CATEGORY_LABELS.items():
            self.category.addItem(translate("Category", label), value.value)
        self.institution = QLineEdit()
        self.position = QLineEdit()
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.gender = QComboBox()
        self.gender.addItem(self.tr("(not stated)"), None)
        for value, label in GENDER_LABELS.items():
            self.gender.addItem(translate("Gender", label), value.value)
        self.desk_note = QPlainTextEdit()
        self.desk_note.setTabChangesFocus(True)
        self.desk_note.setFixedHeight(64)
        self.desk_note.setPlaceholderText(
            self.tr("Shown at every scan, e.g. head of delegation, wheelchair user"))
        self.error = QLabel()
        self.error.setObjectName("walkInError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.hint = QLabel(self.tr("The person is checked in and the badge opens for printing "
                                   "as soon as you register them."))
        self.hint.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("Given names:"), self.given_names)
        form.addRow(self.tr("First surname:"), self.first_surname)
        form.addRow(self.tr("Second surname:"), self.second_surname)
        form.addRow(self.tr("Delegation:"), self.delegation)
        form.addRow(self.tr("Category:"), self.category)
        form.addRow(self.tr("Institution:"), self.institution)
        form.addRow(self.tr("Position:"), self.position)
        form.addRow(self.tr("Email:"), self.email)
        form.addRow(self.tr("Phone:"), self.phone)
        form.addRow(self.tr("Gender:"), self.gender)
        form.addRow(self.tr("Desk note:"), self.desk_note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Register, check in and print badge"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.given_names.setFocus()

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title.text(),
            "given_names": self.given_names.text(),
            "first_surname": self.first_surname.text(),
            "second_surname": self.second_surname.text(),
            "delegation_id": self.delegation.currentData(),
            "category": self.category.currentData(),
            "institution": self.institution.text(),
            "position": self.position.text(),
            "email": self.email.text(),
            "phone": self.phone.text(),
            "gender": self.gender.currentData(),
            "desk_note": self.desk_note.toPlainText(),
        }

    def accept(self) -> None:
        problem = self._submit(self.values())
        if problem:
            self.error.setText(problem)
            return
        super().accept()
