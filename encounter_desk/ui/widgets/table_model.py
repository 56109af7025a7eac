"""The base of every editable list: a ``QAbstractTableModel`` over plain service rows.

A subclass names its columns (``NAME = 1``…), lists them in ``COLUMNS`` and says how to
fetch, show, save, add and remove rows through a service; the base does the Qt plumbing.
Edits that a service refuses come back as :attr:`RecordTableModel.error_raised`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
    Signal,
)

from encounter_desk.core import names as text
from encounter_desk.core.errors import Refusal
from encounter_desk.storage.database import Database

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""A value that sorts in Spanish order: collation key for text, numbers as numbers."""
FILTER_ROLE = Qt.ItemDataRole.UserRole + 2
"""The cell's text folded (accents and case removed) for the filter box."""
CHOICES_ROLE = Qt.ItemDataRole.UserRole + 3
"""For a choice column: [(label, value), …] offered by the combo box editor."""
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 4

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    header: str
    """English header, marked with QT_TRANSLATE_NOOP in the model's context."""
    field: str | None = None
    """The service field this column edits; None: read-only."""
    kind: str = "text"
    """text | number | date | time | check | choice"""


class RecordTableModel(QAbstractTableModel):
    CONTEXT = "RecordTableModel"
    COLUMNS: tuple[Column, ...] = ()
    COUNTS: tuple[str, ...] = ()
    """How the count under the table reads, marked with QT_TRANSLATE_NOOP in ``CONTEXT``:
    every row shown ("{total} sessions"), some filtered out ("{shown} of {total} sessions"),
    and optionally exactly one ("1 agreement")."""
    UPDATE: Callable[..., Any] | None = None
    """The job that saves a changed field: ``UPDATE(db, row_id, **{field: value})``."""
    DELETE: Callable[[Database, int], Any] | None = None
    """The job that deletes a row: ``DELETE(db, row_id)``."""
    NAMED: str | None = None
    """How a question to the user names a row ("session {number}"), marked with
    QT_TRANSLATE_NOOP in ``CONTEXT``; its placeholders are the row's fields. None: the
    row's first column."""

    error_raised = Signal(str)
    """A change was refused; the argument is the message for the user."""

    def __init__(self, db: Database, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.db = db
        self._rows: list[Any] = []
        self.reset_next = False
        """Set when the rows' look changed though the rows did not (a time zone): the next
        refresh resets the model."""

    # --- to implement ------------------------------------------------------------------

    def fetch(self) -> list[Any]:
        raise NotImplementedError

    def display(self, row: Any, column: int) -> Any:
        field = self.COLUMNS[column].field
        return getattr(row, field) if field else ""

    def save(self, row: Any, field: str, value: Any) -> Any:
        """Save one changed field through the job; returns the row as saved."""
        assert self.UPDATE is not None, f"{type(self).__name__} has no UPDATE job"
        return self.UPDATE(self.db, row.id, **{field: value})

    def create(self) -> Any:
        """A new row, made by the job; a table whose rows come from a form refuses."""
        raise Refusal(QCoreApplication.translate("RecordTableModel", "Use the form."),
                      "table.use_form")

    def remove(self, row: Any) -> None:
        assert self.DELETE is not None, f"{type(self).__name__} has no DELETE job"
        self.DELETE(self.db, row.id)

    def describe(self, row: Any) -> str:
        """How a row is named in a question to the user (see :attr:`NAMED`)."""
        if self.NAMED is None:
            return str(self.display(row, 0))
        return QCoreApplication.translate(self.CONTEXT, self.NAMED).format_map(_Fields(row))

    def count_text(self, shown: int, total: int) -> str:
        if not self.COUNTS:
            return f"{shown} / {total}"
        every, some, *one = self.COUNTS
        text = one[0] if one and shown == total == 1 else every if shown == total else some
        return QCoreApplication.translate(self.CONTEXT, text).format(shown=shown, total=total)

    # --- overridable details -----------------------------------------------------------

    def edit_value(self, row: Any, column: int) -> Any:
        field = self.COLUMNS[column].field
        return getattr(row, field) if field else None

    def sort_value(self, row: Any, column: int) -> Any:
        kind = self.COLUMNS[column].kind
        value = self.display(row, column) if kind in ("text", "choice") else self.edit_value(row, column)
        if kind == "number":
            return value if isinstance(value, int) else 0
        if kind == "check":
            return 1 if value else 0
        if isinstance(value, dt.date | dt.time):
            return value.isoformat()
        return text.collation_key(str(value or ""))

    def choices(self, column: int) -> list[tuple[str, Any]]:
        return []

    def tooltip(self, row: Any, column: int) -> str | None:
        value = self.display(row, column)
        if isinstance(value, str) and len(value) > 40:
            return value
        return None

    # --- the rows ----------------------------------------------------------------------

    def refresh(self) -> bool:
        """Read the rows again; whether the model was reset. The same rows in the same order
        (a mark, a name corrected, another desk's write): only the rows that differ are said
        changed, so a view keeps its selection and scroll and a sorting proxy moves only
        those (a reset of a 10,000-person roll call re-sorted all of it: over a second)."""
        rows = list(self.fetch())
        old = self._rows
        if self.reset_next or len(rows) != len(old) or not rows or any(
                before.id != after.id for before, after in zip(old, rows, strict=True)):
            self.reset_next = False
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
            return True
        self._rows = rows
        last = len(self.COLUMNS) - 1
        for number, (before, after) in enumerate(zip(old, rows, strict=True)):
            if before != after:
                self.dataChanged.emit(self.index(number, 0), self.index(number, last))
        return False

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_of_id(self, row_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row.id == row_id:
                return number
        return None

    def add_row(self) -> int | None:
        """Create a row through the service; returns its number or None if refused."""
        try:
            new = self.create()
        except Refusal as exc:
            self.error_raised.emit(str(exc))
            return None
        return self.append(new)

    def append(self, new: Any) -> int:
        position = len(self._rows)
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.append(new)
        self.endInsertRows()
        return position

    def remove_row(self, row: int) -> bool:
        try:
            self.remove(self._rows[row])
        except Refusal as exc:
            self.error_raised.emit(str(exc))
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        return True

    def retranslate(self) -> None:
        """Headers and labels in the current language (after a language switch)."""
        if self.COLUMNS:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self.COLUMNS) - 1)
            )

    def tr_header(self, column: int) -> str:
        return QCoreApplication.translate(self.CONTEXT, self.COLUMNS[column].header)

    # --- Qt's interface ----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr_header(section)
        return super().headerData(section, orientation, role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = self.COLUMNS[index.column()]
        if column.field:
            if column.kind == "check":
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            else:
                flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        column = index.column()
        kind = self.COLUMNS[column].kind
        if role == Qt.ItemDataRole.DisplayRole:
            return None if kind == "check" else str(_shown(self.display(row, column)))
        if role == Qt.ItemDataRole.EditRole:
            return _to_qt(self.edit_value(row, column))
        if role == Qt.ItemDataRole.CheckStateRole and kind == "check":
            checked = bool(self.edit_value(row, column))
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and kind == "number":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column)
        if role == SORT_ROLE:
            return self.sort_value(row, column)
        if role == FILTER_ROLE:
            return "" if kind == "check" else text.fold(str(_shown(self.display(row, column))))
        if role == CHOICES_ROLE and kind == "choice":
            return self.choices(column)
        if role == ROW_ID_ROLE:
            return row.id
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return False
        column = self.COLUMNS[index.column()]
        if not column.field:
            return False
        if column.kind == "check":
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            value = _is_checked(value)
        elif role != Qt.ItemDataRole.EditRole:
            return False
        else:
            value = _from_qt(value)
        row = self._rows[index.row()]
        if value == self.edit_value(row, index.column()):
            return True
        try:
            saved = self.save(row, column.field, value)
        except Refusal as exc:
            self.error_raised.emit(str(exc))
            return False
        number = index.row()
        self._rows[number] = saved
        self.dataChanged.emit(self.index(number, 0), self.index(number, len(self.COLUMNS) - 1))
        return True


class SittingTableModel(RecordTableModel):
    """The rows of one sitting (none chosen: no rows): the roll call, the agenda, the
    agreements. Subclasses read them in :meth:`fetch_sitting`."""

    sitting_id: int | None = None

    def set_sitting(self, sitting_id: int | None) -> bool:
        """Show ``sitting_id``'s rows (read again); whether the model was reset."""
        if sitting_id != self.sitting_id:
            self.reset_next = True  # another sitting's rows: nothing of the view to keep
        self.sitting_id = sitting_id
        return self.refresh()

    def fetch(self) -> list[Any]:
        return [] if self.sitting_id is None else self.fetch_sitting(self.sitting_id)

    def fetch_sitting(self, sitting_id: int) -> list[Any]:
        raise NotImplementedError


def _shown(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, dt.date | dt.time) and not isinstance(value, dt.datetime):
        return value.strftime("%H:%M") if isinstance(value, dt.time) else value.isoformat()
    return value


def _to_qt(value: Any) -> Any:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return QDate(value.year, value.month, value.day)
    if isinstance(value, dt.time):
        return QTime(value.hour, value.minute)
    return value


def _from_qt(value: Any) -> Any:
    if isinstance(value, QDate):
        return dt.date(value.year(), value.month(), value.day()) if value.isValid() else None
    if isinstance(value, QTime):
        return dt.time(value.hour(), value.minute()) if value.isValid() else None
    return value


def _is_checked(value: Any) -> bool:
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    try:
        return int(value) == Qt.CheckState.Checked.value
    except (TypeError, ValueError):
        return bool(value)


class _Fields(dict):
    """A row's fields and properties by name, for ``str.format_map`` (an initiative's
    ``title`` is a property: the title as the delegation gave it)."""

    def __init__(self, row: Any) -> None:
        super().__init__()
        self.row = row

    def __missing__(self, name: str) -> Any:
        return getattr(self.row, name)
