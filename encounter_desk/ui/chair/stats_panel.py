"""How many times and how long each person and each delegation has spoken today.

Helps the chair be fair: the totals of the session's day (every sitting held that day,
points of order included, a speech on the floor counted with its time so far), from
:func:`encounter_desk.chair.commands.speaking_stats`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTabWidget, QWidget

from encounter_desk.chair.clock import format_duration
from encounter_desk.chair.queries import SpeakerTotals, SpeakingStats

COL_NAME = 0
COL_SPEECHES = 1
COL_TIME = 2
COLUMNS = 3

Index = QModelIndex | QPersistentModelIndex


class TotalsModel(QAbstractTableModel):
    """One row per person (or delegation): name, number of speeches, time spoken."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[SpeakerTotals] = []

    def set_rows(self, rows: Sequence[SpeakerTotals]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {COL_NAME: self.tr("Name"), COL_SPEECHES: self.tr("Speeches"),
                COL_TIME: self.tr("Time")}.get(section)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_NAME:
                return row.label()
            if col == COL_SPEECHES:
                return str(row.speeches)
            if col == COL_TIME:
                return format_duration(row.seconds)
        if role == Qt.ItemDataRole.TextAlignmentRole and col != COL_NAME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class StatsPanel(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speakingStats")
        self.people = TotalsModel(self)
        self.delegations = TotalsModel(self)
        self.people_view = self._view(self.people)
        self.delegations_view = self._view(self.delegations)
        self.addTab(self.people_view, "")
        self.addTab(self.delegations_view, "")
        self.retranslate()

    def _view(self, model: TotalsModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        view.setWordWrap(False)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = view.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_SPEECHES, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TIME, QHeaderView.ResizeMode.ResizeToContents)
        return view

    def retranslate(self) -> None:
        self.setTabText(0, self.tr("Today by person"))
        self.setTabText(1, self.tr("Today by delegation"))

    def show_stats(self, stats: SpeakingStats) -> None:
        self.people.set_rows(stats.people)
        self.delegations.set_rows(stats.delegations)
