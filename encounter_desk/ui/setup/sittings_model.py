"""Setup → Sittings: the sittings ("sessions") of the event and the agenda of each."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication

from encounter_desk.core.errors import Refusal
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP
from encounter_desk.event import participants, sittings
from encounter_desk.event.sittings import AgendaItemRow, SittingRow
from encounter_desk.ui.widgets.table_model import Column, RecordTableModel, SittingTableModel


class SittingsModel(RecordTableModel):
    CONTEXT = "SittingsModel"
    NUMBER, TITLE_ES, TITLE_EN, DATE, START, END, ROOM = range(7)
    SPEAKING, WARNING, CHAIR, ITEMS = range(7, 11)
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("SittingsModel", "No."), "number", "number"),
        Column(QT_TRANSLATE_NOOP("SittingsModel", "Title (Spanish)"), "title_es"),
        Column(QT_TRANSLATE_NOOP("SittingsModel", "Title (English)"), "title_en"),
        Column(QT_TRANSLATE_NOOP("SittingsModel", "Date"), "date", "date"),
        Column(QT_TRANSLATE_NOOP("SittingsModel", "Start"), "scheduled_start", "time"),
        Column(QT_TRANSLATE_NOOP("SittingsModel", "End"), "scheduled_end", "time"),
        Column(QT_TRANSLATE_NOOP("SittingsModel", "Room"), "room"),
        Column(QT_TRANSLATE_NOOP("SittingsModel", "Speaking time (s)"), "default_speaking_seconds", "number"),
        Column(QT_TRANSLATE_NOOP("SittingsModel", "Warning (s)"), "warning_seconds", "number"),
        Column(QT_TRANSLATE_NOOP("SittingsModel", "Chair"), "chair_id", "choice"),
        Column(QT_TRANSLATE_NOOP("SittingsModel", "Agenda items"), None, "number"),
    )
    COUNTS = (QT_TRANSLATE_NOOP("SittingsModel", "{total} sessions"),
              QT_TRANSLATE_NOOP("SittingsModel", "{shown} of {total} sessions"))
    UPDATE = staticmethod(sittings.update_sitting)
    DELETE = staticmethod(sittings.delete_sitting)
    NAMED = QT_TRANSLATE_NOOP("SittingsModel", "session {number}")

    _people: list[tuple[str, int]] = []
    """The choices of the chair column, read with the sittings."""

    def fetch(self) -> list[SittingRow]:
        self._people = [
            (f"{p.sort_name} ({p.delegation_code})" if p.delegation_code else p.sort_name, p.id)
            for p in participants.list_participants(self.db)
        ]
        return sittings.list_sittings(self.db)

    def display(self, row: SittingRow, column: int) -> Any:
        if column == self.CHAIR:
            return row.chair_name
        if column == self.ITEMS:
            return row.agenda_items
        return super().display(row, column)

    def edit_value(self, row: SittingRow, column: int) -> Any:
        if column == self.CHAIR:
            return row.chair_id if row.chair_id is not None else ""
        if column == self.END and row.scheduled_end is None:
            start = dt.datetime.combine(row.date, row.scheduled_start)
            return (start + dt.timedelta(hours=1)).time()
        if column == self.ITEMS:
            return row.agenda_items
        return super().edit_value(row, column)

    def choices(self, column: int) -> list[tuple[str, Any]]:
        if column == self.CHAIR:
            return [(QCoreApplication.translate("SittingsModel", "(no chair)"), "")] + self._people
        return []

    def create(self) -> SittingRow:
        return sittings.create_sitting(self.db)

    def update_item_count(self, sitting_id: int) -> None:
        """Re-read one sitting after its agenda changed."""
        number = self.row_of_id(sitting_id)
        if number is None:
            return
        for fresh in sittings.list_sittings(self.db):
            if fresh.id == sitting_id:
                self._rows[number] = fresh
                self.dataChanged.emit(self.index(number, 0), self.index(number, len(self.COLUMNS) - 1))


class AgendaModel(SittingTableModel):
    """The agenda items of one sitting (none selected: empty)."""

    CONTEXT = "AgendaModel"
    NUMBER, TITLE_ES, TITLE_EN = range(3)
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("AgendaModel", "No."), "number", "number"),
        Column(QT_TRANSLATE_NOOP("AgendaModel", "Agenda item (Spanish)"), "title_es"),
        Column(QT_TRANSLATE_NOOP("AgendaModel", "Agenda item (English)"), "title_en"),
    )
    COUNTS = (QT_TRANSLATE_NOOP("AgendaModel", "{total} agenda items"),
              QT_TRANSLATE_NOOP("AgendaModel", "{shown} of {total} agenda items"))
    UPDATE = staticmethod(sittings.update_agenda_item)
    DELETE = staticmethod(sittings.delete_agenda_item)
    NAMED = QT_TRANSLATE_NOOP("AgendaModel", "agenda item {number}")

    def fetch_sitting(self, sitting_id: int) -> list[AgendaItemRow]:
        return sittings.list_agenda_items(self.db, sitting_id)

    def create(self) -> AgendaItemRow:
        if self.sitting_id is None:
            raise Refusal(QCoreApplication.translate("AgendaModel", "Choose a session first."),
                          "agenda.no_sitting")
        return sittings.create_agenda_item(self.db, self.sitting_id)
