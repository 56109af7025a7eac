"""How many times and how long each person and each delegation has spoken today.

Helps the chair be fair: the totals of the session's day (every sitting held that day,
points of order included, a speech on the floor counted with its time so far), from
:func:`encounter_desk.chair.commands.speaking_stats`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView, QTabWidget, QWidget

from encounter_desk.chair.clock import format_duration
from encounter_desk.chair.queries import SpeakerTotals, SpeakingStats
from encounter_desk.ui.widgets.rows_model import RowsModel, rows_view

COL_NAME = 0
COL_SPEECHES = 1
COL_TIME = 2
COLUMNS = 3


class TotalsModel(RowsModel):
    """One row per person (or delegation): name, number of speeches, time spoken."""

    COLUMN_COUNT = COLUMNS
    RIGHT = frozenset({COL_SPEECHES, COL_TIME})
    rows: list[SpeakerTotals]

    def headers(self) -> list[str]:
        return [self.tr("Name"), self.tr("Speeches"), self.tr("Time")]

    def display(self, number: int, column: int) -> str:
        row = self.rows[number]
        if column == COL_NAME:
            return row.label()
        if column == COL_SPEECHES:
            return str(row.speeches)
        return format_duration(row.seconds)

    def role_data(self, number: int, column: int, role: int) -> str | None:
        """The whole name in a tooltip: the column may show it elided."""
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_NAME:
            return self.rows[number].label()
        return None


class StatsPanel(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speakingStats")
        # Every tab shows (its title elided on a narrow screen), never behind arrows.
        self.setUsesScrollButtons(False)
        self.setElideMode(Qt.TextElideMode.ElideRight)
        self.people = TotalsModel(self)
        self.delegations = TotalsModel(self)
        self.people_view = self._view(self.people)
        self.delegations_view = self._view(self.delegations)
        self.addTab(self.people_view, "")
        self.addTab(self.delegations_view, "")
        self.retranslate()

    def _view(self, model: TotalsModel) -> QTableView:
        view = rows_view(model, stretch=COL_NAME, row_padding=8)
        view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        return view

    def retranslate(self) -> None:
        self.setTabText(0, self.tr("Today by person"))
        self.setTabText(1, self.tr("Today by delegation"))
        for number in range(self.count()):
            self.setTabToolTip(number, self.tabText(number))

    def show_stats(self, stats: SpeakingStats) -> None:
        self.people.set_rows(stats.people)
        self.delegations.set_rows(stats.delegations)
