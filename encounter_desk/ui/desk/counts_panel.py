"""Live counts beside the scanner: checked in / expected, by delegation and by category."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFrame,
    QWidget,
)

from encounter_desk.core import i18n
from encounter_desk.desk.checkin import CheckInCounts, GroupCount
from encounter_desk.ui.widgets.layout import hbox, heading, vbox
from encounter_desk.ui.widgets.rows_model import RowsModel, rows_view


class GroupCountsModel(RowsModel):
    """One row per group: its name, and "checked in / expected"."""

    GROUP, COUNT = range(2)
    COLUMN_COUNT = 2
    RIGHT = frozenset({COUNT})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = ""

    @property
    def groups(self) -> list[GroupCount]:
        return self.rows

    def headers(self) -> list[str]:
        return [self.heading, self.tr("In / all")]

    def display(self, number: int, column: int) -> str:
        group = self.groups[number]
        if column == self.GROUP:
            return group.label(i18n.language())
        return f"{group.checked_in} / {group.expected}"

    def set_heading(self, heading: str) -> None:
        self.heading = heading
        self.retranslate()


class CountsPanel(QFrame):
    """Checked in / expected, overall and per group; fed with :meth:`set_counts`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskCounts")
        self.counts: CheckInCounts | None = None
        self.total = heading(1.6, "deskCountsTotal")
        self.by_delegation = GroupCountsModel(self)
        self.by_category = GroupCountsModel(self)
        self.delegation_view, self.category_view = (
            rows_view(model, name, selectable=False, row_padding=6)
            for model, name in ((self.by_delegation, "deskCountsByDelegation"),
                                (self.by_category, "deskCountsByCategory")))
        vbox(self.total, (hbox((self.delegation_view, 1), (self.category_view, 1)), 1),
             parent=self, margins=0)
        self.retranslate()

    def set_counts(self, counts: CheckInCounts) -> None:
        self.counts = counts
        self.by_delegation.set_rows(counts.by_delegation)
        self.by_category.set_rows(counts.by_category)
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
