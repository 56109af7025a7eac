"""A person's details as a form, and the dialog that registers them: the same fields, words
and choices at the desk (a walk-in) and in Setup (Add participant)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from encounter_desk.core import i18n
from encounter_desk.core.i18n import translate
from encounter_desk.event.delegations import DelegationRow
from encounter_desk.storage.models import CATEGORY_LABELS, GENDER_LABELS
from encounter_desk.ui.widgets.form_dialog import FormDialog, Submit


class ParticipantForm(QWidget):
    """Title, names, delegation, category and gender; with ``contact`` also institution,
    position, email, phone and the note shown at every scan."""

    def __init__(self, delegations: Sequence[DelegationRow], contact: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.contact = contact
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
        self.gender = QComboBox()
        self.gender.addItem(self.tr("(not stated)"), None)
        for value, label in GENDER_LABELS.items():
            self.gender.addItem(translate("Gender", label), value.value)
        self.institution = QLineEdit()
        self.position = QLineEdit()
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.desk_note = QPlainTextEdit()
        self.desk_note.setTabChangesFocus(True)
        self.desk_note.setFixedHeight(64)
        self.desk_note.setPlaceholderText(
            self.tr("Shown at every scan, e.g. head of delegation, wheelchair user"))

        contact_rows = [
            (self.tr("Institution:"), self.institution),
            (self.tr("Position:"), self.position),
            (self.tr("Email:"), self.email),
            (self.tr("Phone:"), self.phone),
        ]
        rows = [
            (self.tr("Title:"), self.title),
            (self.tr("Given names:"), self.given_names),
            (self.tr("First surname:"), self.first_surname),
            (self.tr("Second surname:"), self.second_surname),
            (self.tr("Delegation:"), self.delegation),
            (self.tr("Category:"), self.category),
            *(contact_rows if contact else []),
            (self.tr("Gender:"), self.gender),
            *([(self.tr("Desk note:"), self.desk_note)] if contact else []),
        ]
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        for label, field in rows:
            form.addRow(label, field)
        if not contact:  # kept (hidden) so that every form has the same fields
            for _label, field in (*contact_rows, (None, self.desk_note)):
                field.setParent(self)
                field.hide()

    def values(self) -> dict[str, Any]:
        """The fields as :func:`encounter_desk.event.participants.create_participant` takes them."""
        values = {
            "title": self.title.text(),
            "given_names": self.given_names.text(),
            "first_surname": self.first_surname.text(),
            "second_surname": self.second_surname.text(),
            "delegation_id": self.delegation.currentData(),
            "category": self.category.currentData(),
            "gender": self.gender.currentData(),
        }
        if self.contact:
            values.update(
                institution=self.institution.text(),
                position=self.position.text(),
                email=self.email.text(),
                phone=self.phone.text(),
                desk_note=self.desk_note.toPlainText(),
            )
        return values


class ParticipantDialog(FormDialog):
    """A :class:`ParticipantForm` in a dialog; ``submit(values)`` registers the person."""

    def __init__(self, parent: QWidget | None, delegations: Sequence[DelegationRow],
                 submit: Submit, name: str, contact: bool = False) -> None:
        super().__init__(parent, submit, name, FormDialog.OK)
        self.fields = ParticipantForm(delegations, contact)
        self.form.addRow(self.fields)
        self.fields.given_names.setFocus()

    def values(self) -> dict[str, Any]:
        return self.fields.values()
