"""Setup → Participants: the participants of the event as an editable table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from encounter_desk.core import i18n
from encounter_desk.core.errors import Refusal
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, translate
from encounter_desk.event import delegations as delegation_admin
from encounter_desk.event import participants
from encounter_desk.event.participants import ParticipantRow
from encounter_desk.storage.models import CATEGORY_LABELS, GENDER_LABELS
from encounter_desk.ui.widgets.table_model import Column, RecordTableModel


class ParticipantsModel(RecordTableModel):
    CONTEXT = "ParticipantsModel"
    TITLE, NAME, DELEGATION, CATEGORY, GENDER, HEAD = range(6)
    INSTITUTION, POSITION, EMAIL, PHONE, NOTE = range(6, 11)
    GIVEN_NAMES, FIRST_SURNAME, SECOND_SURNAME, CHAMBER, COMMITTEE = range(11, 16)
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("ParticipantsModel", "Title"), "title"),
        Column(QT_TRANSLATE_NOOP("ParticipantsModel", "Name")),
        Column(QT_TRANSLATE_NOOP("ParticipantsModel", "Delegation"), "delegation_id", "choice"),
        Column(QT_TRANSLATE_NOOP("ParticipantsModel", "Category"), "category", "choice"),
        Column(QT_TRANSLATE_NOOP("ParticipantsModel", "Gender"), "gender", "choice"),
        Column(QT_TRANSLATE_NOOP("ParticipantsModel", "Head"), "is_head_of_delegation", "check"),
        Column(QT_TRANSLATE_NOOP("ParticipantsModel", "Institution"), "institution"),
        Column(QT_TRANSLATE_NOOP("ParticipantsModel", "Position"), "position"),
        Column(QT_TRANSLATE_NOOP("ParticipantsModel", "Email"), "email"),
        Column(QT_TRANSLATE_NOOP("ParticipantsModel", "Phone"), "phone"),
        Column(QT_TRANSLATE_NOOP("ParticipantsModel", "Desk note"), "desk_note"),
        Column(QT_TRANSLATE_NOOP("ParticipantsModel", "Given names"), "given_names"),
        Column(QT_TRANSLATE_NOOP("ParticipantsModel", "First surname"), "first_surname"),
        Column(QT_TRANSLATE_NOOP("ParticipantsModel", "Second surname"), "second_surname"),
        Column(QT_TRANSLATE_NOOP("ParticipantsModel", "Chamber"), "chamber"),
        Column(QT_TRANSLATE_NOOP("ParticipantsModel", "Committee"), "committee"),
    )
    COUNTS = (QT_TRANSLATE_NOOP("ParticipantsModel", "{total} participants"),
              QT_TRANSLATE_NOOP("ParticipantsModel", "{shown} of {total} participants"))
    UPDATE = staticmethod(participants.update_participant)
    DELETE = staticmethod(participants.delete_participant)

    _delegations: list[delegation_admin.DelegationRow] = []
    """The choices of the delegation column, read with the participants."""

    def fetch(self) -> list[ParticipantRow]:
        self._delegations = delegation_admin.list_delegations(self.db)
        return participants.list_participants(self.db)

    def delegations(self) -> list[delegation_admin.DelegationRow]:
        return list(self._delegations)

    def display(self, row: ParticipantRow, column: int) -> Any:
        lang = i18n.language()
        if column == self.NAME:
            return row.sort_name
        if column == self.DELEGATION:
            return row.delegation_name(lang)
        if column == self.CATEGORY:
            label = CATEGORY_LABELS.get(row.category)
            return translate("Category", label) if label else row.category
        if column == self.GENDER:
            label = GENDER_LABELS.get(row.gender) if row.gender else None
            return translate("Gender", label) if label else ""
        return super().display(row, column)

    def edit_value(self, row: ParticipantRow, column: int) -> Any:
        if column == self.GENDER:
            return row.gender or ""
        if column == self.DELEGATION:
            return row.delegation_id if row.delegation_id is not None else ""
        return super().edit_value(row, column)

    def sort_value(self, row: ParticipantRow, column: int) -> Any:
        if column == self.NAME:
            return row.sort_key
        if column == self.DELEGATION:
            return row.delegation_order
        return super().sort_value(row, column)

    def tooltip(self, row: ParticipantRow, column: int) -> str | None:
        if column == self.NAME:
            return QCoreApplication.translate(
                "ParticipantsModel", "{name}. Change the name in the columns Given names, First surname and "
                "Second surname."
            ).format(name=row.display_name)
        return super().tooltip(row, column)

    def choices(self, column: int) -> list[tuple[str, Any]]:
        lang = i18n.language()
        if column == self.DELEGATION:
            none = QCoreApplication.translate("ParticipantsModel", "(no delegation)")
            return [(none, "")] + [(d.name(lang), d.id) for d in self._delegations]
        if column == self.CATEGORY:
            return [(translate("Category", label), value.value) for value, label in CATEGORY_LABELS.items()]
        if column == self.GENDER:
            unknown = QCoreApplication.translate("ParticipantsModel", "(not stated)")
            return [(unknown, "")] + [
                (translate("Gender", label), value.value) for value, label in GENDER_LABELS.items()
            ]
        return []

    def create(self) -> ParticipantRow:
        raise Refusal(QCoreApplication.translate("ParticipantsModel", "Use the Add participant form."),
                      "participant.use_form")

    def create_from(self, values: dict[str, Any]) -> int:
        """Register a participant from the add form; the job's Refusal says what is wrong."""
        return self.append(participants.create_participant(self.db, **values))

    def describe(self, row: ParticipantRow) -> str:
        return row.display_name
