"""Live counts beside the scanner: checked in / expected, by delegation and by category."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from encounter_desk.core import i18n
from encounter_desk.desk.checkin import CheckInCounts, GroupCount

_Index = QModelIndex | QPersistentModelIndex


class GroupCountsModel(QAbstractTableModel):
    """One row per group: its name, and "checked in / expected"."""

    GROUP, COUNT = range(2)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups: list[GroupCount] = []
        self.heading = ""

    def set_groups(self, groups: Sequence[GroupCount]) -> None:
        self.beginResetModel()
        self.groups = list(groups)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.groups)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == self.GROUP:
            return self.heading
        if section == self.COUNT:
            return self.tr("In / all")
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or not 0 <= index.row() < len(self.groups):
            return None
        group = self.groups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == self.GROUP:
                return group.label(i18n.language())
            if index.column() == self.COUNT:
                return f"{group.checked_in} / {group.expected}"
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def set_heading(self, heading: str) -> None:
        self.heading = heading
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 1)


def _table(model: GroupCountsModel, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.verticalHeader().hide()
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    header = view.horizontalHeader()
    header.setSectionResizeMode(GroupCountsModel.GROUP, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(GroupCountsModel.COUNT, QHeaderView.ResizeMode.ResizeToContents)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 6)
    return view


class CountsPanel(QFrame):
    """Checked in / expected, overall and per group; fed with :meth:`set_counts`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskCounts")
        self.counts: CheckInCounts | None = None
        self.total = QLabel()
        self.total.setObjectName("deskCountsTotal")
        font = self.total.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.total.setFont(font)
        self.by_delegation = GroupCountsModel(self)
        self.by_category = GroupCountsModel(self)
        self.delegation_view = _table(self.by_delegation, "deskCountsByDelegation")
        self.category_view = _table(self.by_category, "deskCountsByCategory")
        tables = QHBoxLayout()
        tables.addWidget(self.delegation_view, 1)
        tables.addWidget(self.category_view, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.total)
        layout.addLayout(tables, 1)
        self.retranslate()

    def set_counts(self, counts: CheckInCounts) -> None:
        self.counts = counts
        self.by_delegation.set_groups(counts.by_delegation)
        self.by_category.set_groups(counts.by_category)
        self._set_total()

    def _set_total(self) -> None:
        if self.counts is None:
            self.total.setText("")
            return
        self.total.setText(self.tr("Checked in: {checked} / {expected}").format(
            checked=self.counts.checked_in, expected=self.counts.expected))

    def retranslate(self) -> None:
        self.by_delegation.set_heading(self.tr("Delegation"))
        self.by_category.set_heading(self.tr("Category"))
        self._set_total()
        for model in (self.by_delegation, self.by_category):
            if model.groups:
                model.dataChanged.emit(model.index(0, 0), model.index(len(model.groups) - 1, 0))
