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
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from encounter_desk.chair.clock import format_seconds
from encounter_desk.chair.point_reasons import reason_note
from encounter_desk.chair.queries import QueueEntry
from encounter_desk.ui.chair.looks import kind_look
from encounter_desk.ui.widgets.rows_model import RowsModel

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


class QueueModel(RowsModel):
    COLUMN_COUNT = COLUMNS
    RIGHT = frozenset({COL_ORDER, COL_TIME})
    move_requested = Signal(int, int)  # speech id, index among the waiting (0: next)

    # --- data ----------------------------------------------------------------------------

    @property
    def entries(self) -> list[QueueEntry]:
        return self.rows

    def set_entries(self, entries: Sequence[QueueEntry]) -> None:
        self.set_rows(entries)

    def entry(self, row: int) -> QueueEntry | None:
        return self.row(row)

    def row_of(self, speech_id: int) -> int:
        return next((n for n, e in enumerate(self.entries) if e.id == speech_id), -1)

    def headers(self) -> list[str]:
        return ["#", self.tr("Kind"), self.tr("Speaker"), self.tr("Delegation"), self.tr("Time"),
                self.tr("Note")]

    def _note(self, e: QueueEntry) -> str:
        parts = []
        if e.first_of_sitting:
            parts.append(self.tr("★ first"))
        if e.replies_to_name:
            parts.append(self.tr("↩ {name}").format(name=e.replies_to_name))
        if note := reason_note(e.reason, e.reason_text):
            parts.append(note)
        return " · ".join(parts)

    def _tooltip(self, e: QueueEntry) -> str:
        lines = [f"{e.speaker} — {e.delegation_name()}", e.kind_label]
        if e.replies_to_name:
            lines.append(self.tr("Answers {name}").format(name=e.replies_to_name))
        if e.first_of_sitting:
            lines.append(self.tr("First speech in this session"))
        if note := reason_note(e.reason, e.reason_text):
            lines.append(self.tr("Reason: {reason}").format(reason=note))
        return "\n".join(lines)

    def display(self, number: int, column: int) -> str:
        e = self.entries[number]
        if column == COL_ORDER:
            return str(number + 1)
        if column == COL_KIND:
            return f"{kind_look(e.kind).symbol} {e.kind_label}"
        if column == COL_SPEAKER:
            return e.speaker
        if column == COL_DELEGATION:
            return e.delegation_name()
        if column == COL_TIME:
            return self.tr("no limit") if e.limit_seconds is None else format_seconds(e.limit_seconds)
        return self._note(e)

    def role_data(self, number: int, column: int, role: int) -> Any:  # noqa: ANN401
        e = self.entries[number]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(e)
        if role == SPEECH_ID_ROLE:
            return e.id
        if column == COL_KIND and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(kind_look(e.kind).background))
        if column == COL_KIND and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(kind_look(e.kind).foreground))
        if role == Qt.ItemDataRole.FontRole and column == COL_SPEAKER and number == 0:
            font = QFont()
            font.setBold(True)
            return font
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
