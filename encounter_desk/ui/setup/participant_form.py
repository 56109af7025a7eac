"""Add participant: the few fields a new person needs; the rest is edited in the table."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from encounter_desk.core import i18n
from encounter_desk.core.i18n import translate
from encounter_desk.event.delegations import DelegationRow
from encounter_desk.storage.models import CATEGORY_LABELS, GENDER_LABELS


class AddParticipantDialog(QDialog):
    """``submit(values)`` saves and returns an error message, or None when saved."""

    def __init__(
        self,
        parent: QWidget | None,
        delegations: list[DelegationRow],
        submit: Callable[[dict[str, Any]], str | None],
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle(self.tr("Add participant"))
        self.title = QLineEdit()
        self.given_names = QLineEdit()
        self.first_surname = QLineEdit()
        self.second_surname = QLineEdit()
        lang = i18n.language()
        self.delegation = QComboBox()
        self.delegation.addItem(self.tr("(no delegation)"), "")
        for d in delegations:
            self.delegation.addItem(d.name(lang), d.id)
        self.category = QComboBox()
        for value, label in CATEGORY_LABELS.items():
            self.category.addItem(translate("Category", label), value.value)
        self.gender = QComboBox()
        self.gender.addItem(self.tr("(not stated)"), "")
        for value, label in GENDER_LABELS.items():
            self.gender.addItem(translate("Gender", label), value.value)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")

        form = QFormLayout()
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("Given names:"), self.given_names)
        form.addRow(self.tr("First surname:"), self.first_surname)
        form.addRow(self.tr("Second surname:"), self.second_surname)
        form.addRow(self.tr("Delegation:"), self.delegation)
        form.addRow(self.tr("Category:"), self.category)
        form.addRow(self.tr("Gender:"), self.gender)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title.text(),
            "given_names": self.given_names.text(),
            "first_surname": self.first_surname.text(),
            "second_surname": self.second_surname.text(),
            "delegation_id": self.delegation.currentData() or None,
            "category": self.category.currentData(),
            "gender": self.gender.currentData() or None,
        }

    def accept(self) -> None:
        problem = self._submit(self.values())
        if problem:
            self.error.setText(problem)
            return
        super().accept()
