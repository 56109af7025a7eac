"""Setup → Delegations: the event's delegations, in the RCM's canonical order."""

from __future__ import annotations

from typing import Any

from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, translate
from encounter_desk.event import delegations as delegation_admin
from encounter_desk.event.delegations import DelegationRow
from encounter_desk.storage.models import DELEGATION_KIND_LABELS
from encounter_desk.ui.widgets.table_model import Column, RecordTableModel


class DelegationsModel(RecordTableModel):
    CONTEXT = "DelegationsModel"
    ORDER, CODE, NAME_ES, NAME_EN, KIND, PARTICIPANTS = range(6)
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("DelegationsModel", "Order"), "canonical_order", "number"),
        Column(QT_TRANSLATE_NOOP("DelegationsModel", "Code"), "code"),
        Column(QT_TRANSLATE_NOOP("DelegationsModel", "Name (Spanish)"), "name_es"),
        Column(QT_TRANSLATE_NOOP("DelegationsModel", "Name (English)"), "name_en"),
        Column(QT_TRANSLATE_NOOP("DelegationsModel", "Kind"), "kind", "choice"),
        Column(QT_TRANSLATE_NOOP("DelegationsModel", "Participants"), None, "number"),
    )
    COUNTS = (QT_TRANSLATE_NOOP("DelegationsModel", "{total} delegations"),
              QT_TRANSLATE_NOOP("DelegationsModel", "{shown} of {total} delegations"))
    UPDATE = staticmethod(delegation_admin.update_delegation)
    DELETE = staticmethod(delegation_admin.delete_delegation)

    def fetch(self) -> list[DelegationRow]:
        return delegation_admin.list_delegations(self.db)

    def display(self, row: DelegationRow, column: int) -> Any:
        if column == self.KIND:
            label = DELEGATION_KIND_LABELS.get(row.kind)
            return translate("DelegationKind", label) if label else row.kind
        if column == self.PARTICIPANTS:
            return row.participants
        return super().display(row, column)

    def edit_value(self, row: DelegationRow, column: int) -> Any:
        if column == self.PARTICIPANTS:
            return row.participants
        return super().edit_value(row, column)

    def choices(self, column: int) -> list[tuple[str, Any]]:
        if column == self.KIND:
            return [
                (translate("DelegationKind", label), kind.value)
                for kind, label in DELEGATION_KIND_LABELS.items()
            ]
        return []

    def create(self) -> DelegationRow:
        return delegation_admin.create_delegation(self.db)

    def describe(self, row: DelegationRow) -> str:
        return row.name_es if row.name_es == row.name_en else f"{row.name_es} / {row.name_en}"
