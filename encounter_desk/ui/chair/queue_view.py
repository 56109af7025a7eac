"""The list of waiting speakers (objectName ``speakerQueue``), reordered by mouse or keyboard.

Drag a row to its new place, or move the selected speaker with Alt+Up / Alt+Down (also
Ctrl+Up / Ctrl+Down); Delete withdraws them. The view only asks (signals); the workspace
calls the services and hands back the new order, and the view keeps the same speaker
selected across the refresh.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from encounter_desk.ui.chair.queue_model import (
    COL_DELEGATION,
    COL_KIND,
    COL_NOTE,
    COL_ORDER,
    COL_SPEAKER,
    COL_TIME,
    QueueModel,
)

MOVE_MODIFIERS = (Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier)


class QueueView(QTableView):
    move_requested = Signal(int, int)  # speech id, new index among the waiting
    withdraw_requested = Signal(int)  # speech id

    def __init__(self, model: QueueModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speakerQueue")
        self.setModel(model)
        self.queue = model
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(COL_ORDER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_SPEAKER, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_TIME, QHeaderView.ResizeMode.ResizeToContents)
        # The speaker's name takes what is left: the delegation and the note get a set width
        # the chair may drag (fitted to their contents they left a name three letters at
        # 1024 pixels: "Hon. …Marín").
        char = self.fontMetrics().averageCharWidth()
        header.setSectionResizeMode(COL_KIND, QHeaderView.ResizeMode.ResizeToContents)
        for column, chars in ((COL_DELEGATION, 12), (COL_NOTE, 12)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(column, chars * char)
        header.setStretchLastSection(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # both ends of a name show
        model.move_requested.connect(self.move_requested)

    def selected_id(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        entry = self.queue.entry(rows[0].row()) if rows else None
        return entry.id if entry is not None else None

    def select_speech(self, speech_id: int | None) -> None:
        row = self.queue.row_of(speech_id) if speech_id is not None else -1
        if row < 0:
            self.clearSelection()
            return
        index = self.queue.index(row, COL_SPEAKER)
        self.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.scrollTo(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        speech_id = self.selected_id()
        key = event.key()
        if speech_id is not None:
            mods = event.modifiers()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and any(mods & m for m in MOVE_MODIFIERS):
                row = self.queue.row_of(speech_id)
                target = row - 1 if key == Qt.Key.Key_Up else row + 1
                if 0 <= target < self.queue.rowCount():
                    self.move_requested.emit(speech_id, target)
                event.accept()
                return
            if key == Qt.Key.Key_Delete:
                self.withdraw_requested.emit(speech_id)
                event.accept()
                return
        super().keyPressEvent(event)
