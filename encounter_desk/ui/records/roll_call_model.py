"""The roll call of one sitting as a table: everyone expected, by delegation in canonical
order, with their mark (present with arrival time, excused, absent, or not marked yet)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from encounter_desk.core import i18n
from encounter_desk.core import names as text
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP
from encounter_desk.event import event as events
from encounter_desk.records import attendance
from encounter_desk.records.attendance import AttendanceMark, RollCallEntry
from encounter_desk.storage.models import AttendanceStatus
from encounter_desk.ui.widgets.table_model import Column, SittingTableModel

STATUS_COLOURS = {
    AttendanceStatus.PRESENT: "#c8e6c9",
    AttendanceStatus.EXCUSED: "#ffecb3",
    AttendanceStatus.ABSENT: "#ffcdd2",
}
STATUS_ORDER = {AttendanceStatus.PRESENT: 0, AttendanceStatus.EXCUSED: 1,
                AttendanceStatus.ABSENT: 2, None: 3}


@dataclass(frozen=True)
class RollCallRow:
    id: int
    """The participant's id."""
    position: int
    """Place in the roll call (delegations in canonical order, then surname)."""
    delegation_es: str
    delegation_en: str
    entry: RollCallEntry


class RollCallModel(SittingTableModel):
    CONTEXT = "RollCallModel"
    TITLE, NAME, DELEGATION, STATUS, ARRIVAL, SOURCE, ROLE = range(7)
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("RollCallModel", "Title")),
        Column(QT_TRANSLATE_NOOP("RollCallModel", "Name")),
        Column(QT_TRANSLATE_NOOP("RollCallModel", "Delegation")),
        Column(QT_TRANSLATE_NOOP("RollCallModel", "Status")),
        Column(QT_TRANSLATE_NOOP("RollCallModel", "Arrived"), kind="time"),
        Column(QT_TRANSLATE_NOOP("RollCallModel", "Source")),
        Column(QT_TRANSLATE_NOOP("RollCallModel", "Role")),
    )
    COUNTS = (QT_TRANSLATE_NOOP("RollCallModel", "{total} people"),
              QT_TRANSLATE_NOOP("RollCallModel", "{shown} of {total} people"))
    WIDEST = {TITLE: 90, NAME: 230, DELEGATION: 140, STATUS: 140, ARRIVAL: 60, SOURCE: 150,
              ROLE: 320}
    """Widest each column opens at (pixels); the user may widen it."""

    zone: dt.tzinfo = dt.UTC
    """The venue's time zone, for the arrival times (read with the roll call)."""

    def fetch_sitting(self, sitting_id: int) -> list[RollCallRow]:
        event = events.load_event(self.db)
        zone = attendance.zone_of(event.timezone if event is not None else "UTC")
        if zone != self.zone:  # every arrival time reads differently
            self.zone, self.reset_next = zone, True
        rows: list[RollCallRow] = []
        for group in attendance.roll_call(self.db, sitting_id):
            for entry in group.entries:
                rows.append(RollCallRow(entry.participant_id, len(rows), group.name_es,
                                        group.name_en, entry))
        return rows

    # --- cells ---------------------------------------------------------------------------

    def arrival(self, entry: RollCallEntry) -> str:
        if entry.arrived_at is None:
            return ""
        return entry.arrived_at.astimezone(self.zone).strftime("%H:%M")

    def display(self, row: RollCallRow, column: int) -> Any:
        e = row.entry
        lang = i18n.language()
        if column == self.TITLE:
            return e.title
        if column == self.NAME:
            return e.name
        if column == self.DELEGATION:
            return i18n.pick(lang, row.delegation_es, row.delegation_en)
        if column == self.STATUS:
            return attendance.status_label(e.status, lang)
        if column == self.ARRIVAL:
            return self.arrival(e)
        if column == self.SOURCE:
            return attendance.source_label(e.source, lang)
        return e.role

    def edit_value(self, row: RollCallRow, column: int) -> Any:
        return None

    def sort_value(self, row: RollCallRow, column: int) -> Any:
        if column == self.DELEGATION:
            return row.position
        if column == self.NAME:
            return text.collation_key(row.entry.sort_name or row.entry.name)
        if column == self.STATUS:
            return STATUS_ORDER[row.entry.status]
        if column == self.ARRIVAL:
            return row.entry.arrived_at.isoformat() if row.entry.arrived_at else ""
        return super().sort_value(row, column)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (index.isValid() and index.column() == self.STATUS
                and 0 <= index.row() < len(self._rows)
                and role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole)):
            status = self._rows[index.row()].entry.status
            if status is None:
                return None
            if role == Qt.ItemDataRole.BackgroundRole:
                return QColor(STATUS_COLOURS[status])
            return QColor("#1a1a1a")
        return super().data(index, role)

    def describe(self, row: RollCallRow) -> str:
        return f"{row.entry.title} {row.entry.name}".strip()

    # --- marks ---------------------------------------------------------------------------

    def apply(self, mark: AttendanceMark) -> None:
        """Show a mark the service just stored."""
        self._set(mark.participant_id, mark.status, mark.arrived_at, mark.source)

    def clear(self, participant_id: int) -> None:
        self._set(participant_id, None, None, None)

    def _set(self, participant_id: int, status: Any, arrived: Any, source: Any) -> None:
        number = self.row_of_id(participant_id)
        if number is None:
            return
        row = self._rows[number]
        entry = dataclasses.replace(row.entry, status=status, arrived_at=arrived, source=source)
        self._rows[number] = dataclasses.replace(row, entry=entry)
        self.dataChanged.emit(self.index(number, 0), self.index(number, len(self.COLUMNS) - 1))
