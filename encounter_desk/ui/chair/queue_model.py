"""The waiting speakers of a list as a Qt table: order, kind, speaker, delegation, time.

Read-only rows over :class:`~encounter_desk.chair.queries.QueueEntry`; the order is
changed by the services, never in the model. A drag and drop inside the table is turned
into :attr:`QueueModel.move_requested` (speech id, index among the waiting) for the
workspace to carry out with :func:`encounter_desk.chair.commands.move_to`; the model then shows
the new order when the workspace hands it the fresh snapshot.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from encounter_desk.chair.clock import format_seconds
from encounter_desk.chair.queries import QueueEntry
from encounter_desk.ui.chair.looks import kind_look

COL_ORDER = 0
COL_KIND = 1
COL_SPEAKER = 2
COL_DELEGATION = 3
COL_TIME = 4
COL_NOTE = 5
COLUMNS = 6

SPEECH_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MIME_TYPE = "application/x-encounter-desk-speech"

Index = QModelIndex | QPersistentModelIndex


class QueueModel(QAbstractTableModel):
    move_requested = Signal(int, int)  # speech id, index among the waiting (0: next)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.entries: list[QueueEntry] = []

    # --- data ----------------------------------------------------------------------------

    def set_entries(self, entries: Sequence[QueueEntry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> QueueEntry | None:
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def row_of(self, speech_id: int) -> int:
        return next((n for n, e in enumerate(self.entries) if e.id == speech_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            COL_ORDER: "#",
            COL_KIND: self.tr("Kind"),
            COL_SPEAKER: self.tr("Speaker"),
            COL_DELEGATION: self.tr("Delegation"),
            COL_TIME: self.tr("Time"),
            COL_NOTE: self.tr("Note"),
        }.get(section)

    def _note(self, e: QueueEntry) -> str:
        parts = []
        if e.first_of_sitting:
            parts.append(self.tr("★ first"))
        if e.replies_to_name:
            parts.append(self.tr("↩ {name}").format(name=e.replies_to_name))
        return " · ".join(parts)

    def _tooltip(self, e: QueueEntry) -> str:
        lines = [f"{e.speaker} — {e.delegation_name()}", e.kind_label]
        if e.replies_to_name:
            lines.append(self.tr("Answers {name}").format(name=e.replies_to_name))
        if e.first_of_sitting:
            lines.append(self.tr("First speech in this session"))
        return "\n".join(lines)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        e = self.entries[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(e)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_ORDER:
                return str(index.row() + 1)
            if col == COL_KIND:
                return f"{kind_look(e.kind).symbol} {e.kind_label}"
            if col == COL_SPEAKER:
                return e.speaker
            if col == COL_DELEGATION:
                return e.delegation_name()
            if col == COL_TIME:
                if e.limit_seconds is None:
                    return self.tr("no limit")
                return format_seconds(e.limit_seconds)
            if col == COL_NOTE:
                return self._note(e)
        if role == SPEECH_ID_ROLE:
            return e.id
        if col == COL_KIND and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(kind_look(e.kind).background))
        if col == COL_KIND and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(kind_look(e.kind).foreground))
        if role == Qt.ItemDataRole.FontRole and col == COL_SPEAKER and index.row() == 0:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_ORDER, COL_TIME):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    # --- drag and drop -------------------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsDropEnabled
        )

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows:
            data.setData(MIME_TYPE, QByteArray(str(self.entries[rows[0]].id).encode()))
        return data

    def canDropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return action == Qt.DropAction.MoveAction and data.hasFormat(MIME_TYPE)

    def drop_index(self, speech_id: int, row: int, parent: Index) -> int | None:
        """Where a speech dropped at (row, parent) goes among the waiting, or None."""
        source = self.row_of(speech_id)
        if source < 0:
            return None
        if row < 0:
            row = parent.row() if parent.isValid() else len(self.entries)
        if source < row:
            row -= 1  # the speech leaves its own place first
        row = max(0, min(row, len(self.entries) - 1))
        return None if row == source else row

    def dropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        try:
            speech_id = int(bytes(data.data(MIME_TYPE).data()).decode())
        except ValueError:  # not one of our drags
            return False
        target = self.drop_index(speech_id, row, parent)
        if target is None:
            return False
        self.move_requested.emit(speech_id, target)
        # False: the view must not remove the dragged row itself; the new order comes back
        # from the services with the next snapshot.
        return False
