"""Records → Initiatives: the register of legislative initiatives pledged at the encounter."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtWidgets import QWidget

from encounter_desk.core import i18n
from encounter_desk.core.errors import Refusal
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP
from encounter_desk.event import delegations as delegation_admin
from encounter_desk.event import participants, sittings
from encounter_desk.records import initiatives
from encounter_desk.records.initiatives import InitiativeRow
from encounter_desk.storage.database import Database
from encounter_desk.ui.records.initiative_form import InitiativeDialog
from encounter_desk.ui.widgets.rows_model import fit_columns
from encounter_desk.ui.widgets.table_model import Column, RecordTableModel
from encounter_desk.ui.widgets.table_page import FormTablePage
from encounter_desk.ui.widgets.workspace import AppContext


class InitiativesModel(RecordTableModel):
    CONTEXT = "InitiativesModel"
    DELEGATION, SPONSORS, TITLE, KIND, TARGET, STATUS, SITTING, DESCRIPTION = range(8)
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("InitiativesModel", "Delegation")),
        Column(QT_TRANSLATE_NOOP("InitiativesModel", "Lawmakers")),
        Column(QT_TRANSLATE_NOOP("InitiativesModel", "Title")),
        Column(QT_TRANSLATE_NOOP("InitiativesModel", "Kind")),
        Column(QT_TRANSLATE_NOOP("InitiativesModel", "Target date"), kind="date"),
        Column(QT_TRANSLATE_NOOP("InitiativesModel", "Status")),
        Column(QT_TRANSLATE_NOOP("InitiativesModel", "Session"), kind="number"),
        Column(QT_TRANSLATE_NOOP("InitiativesModel", "Description")),
    )
    COUNTS = (QT_TRANSLATE_NOOP("InitiativesModel", "{total} initiatives"),
              QT_TRANSLATE_NOOP("InitiativesModel", "{shown} of {total} initiatives"),
              QT_TRANSLATE_NOOP("InitiativesModel", "1 initiative"))
    DELETE = staticmethod(initiatives.delete_initiative)
    NAMED = QT_TRANSLATE_NOOP("InitiativesModel", "the initiative “{title}”")

    def fetch(self) -> list[InitiativeRow]:
        return initiatives.list_initiatives(self.db)

    def display(self, row: InitiativeRow, column: int) -> Any:
        lang = i18n.language()
        if column == self.DELEGATION:
            return row.delegation(lang)
        if column == self.SPONSORS:
            return row.sponsor_names()
        if column == self.TITLE:
            return row.title_in()
        if column == self.KIND:
            return initiatives.kind_label(row.kind.value, lang)
        if column == self.TARGET:
            return row.target_date.isoformat() if row.target_date else ""
        if column == self.STATUS:
            return initiatives.status_label(row.status.value, lang)
        if column == self.SITTING:
            return row.sitting_number if row.sitting_number is not None else ""
        return " ".join(row.description_in().split())

    def edit_value(self, row: InitiativeRow, column: int) -> Any:
        if column == self.TARGET:
            return row.target_date
        if column == self.SITTING:
            return row.sitting_number
        return None

    def sort_value(self, row: InitiativeRow, column: int) -> Any:
        if column == self.DELEGATION:
            return row.delegation_order
        return super().sort_value(row, column)

    def tooltip(self, row: InitiativeRow, column: int) -> str | None:
        if column == self.DESCRIPTION and row.description:
            return row.description_in()
        return super().tooltip(row, column)


class InitiativesPage(FormTablePage):
    """The whole register (every sitting); new ones default to the sitting chosen above."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.register = InitiativesModel(context.db)
        super().__init__(self.register, context.messages, InitiativesModel.DELEGATION, parent)
        self.db: Database = context.db
        self.sitting_id: int | None = None

    def retranslate(self) -> None:
        super().retranslate()
        self.add_button.setText(self.tr("Add initiative…"))

    def set_sitting(self, sitting_id: int | None) -> None:
        self.sitting_id = sitting_id

    def fit_columns(self, limit: int = 300) -> None:
        """Short columns to their contents; names and title wrap; the description takes
        the rest of the width."""
        self.table.setWordWrap(True)
        fit_columns(self.table, ((InitiativesModel.SPONSORS, 230), (InitiativesModel.TITLE, 280),
                                 (InitiativesModel.DELEGATION, 170)))

    def refresh(self) -> None:
        try:
            super().refresh()
        except Refusal as exc:
            self.messages.warn(self, self.tr("Initiatives"), str(exc))

    def open_form(self, row: InitiativeRow | None) -> None:
        try:
            delegations = delegation_admin.list_delegations(self.db)
            people = participants.list_participants(self.db)
            sessions = sittings.list_sittings(self.db)
        except Refusal as exc:
            self.messages.warn(self, self.tr("Initiatives"), str(exc))
            return
        current = next((s for s in sessions if s.id == self.sitting_id), None)
        self.show_form(InitiativeDialog(
            self, delegations, people, sessions, lambda values: self._submit(row, values), row,
            sitting_id=self.sitting_id, default_date=current.date if current else None))

    def _submit(self, row: InitiativeRow | None, values: dict[str, Any]) -> str | None:
        return self.save_form(row, partial(initiatives.create_initiative, self.db),
                              partial(initiatives.update_initiative, self.db),
                              InitiativesModel.TITLE, values)
