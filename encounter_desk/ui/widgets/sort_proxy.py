"""Sorting in Spanish order and filtering that ignores accents and case, for every table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from encounter_desk.core import names as text
from encounter_desk.ui.widgets.table_model import FILTER_ROLE, SORT_ROLE


class CollatingProxy(QSortFilterProxyModel):
    """Sorts by the source model's ``SORT_ROLE`` (Spanish collation keys, numbers as
    numbers) and keeps the rows whose cells contain every word typed in the filter box,
    compared folded: "nunez" finds "Núñez"."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
        self._needles: list[str] = []

    def set_filter_text(self, value: str) -> None:
        self.beginFilterChange()
        self._needles = text.fold(value).split()
        self.endFilterChange()

    def filter_text(self) -> str:
        return " ".join(self._needles)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        if not self._needles:
            return True
        model = self.sourceModel()
        haystack = " ".join(
            str(model.data(model.index(source_row, column, source_parent), FILTER_ROLE) or "")
            for column in range(model.columnCount(source_parent))
        )
        return all(needle in haystack for needle in self._needles)

    def lessThan(self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        return _key(left.data(SORT_ROLE)) < _key(right.data(SORT_ROLE))


def _key(value: Any) -> tuple:
    if value is None or value == "":
        return (1, 0, "")
    if isinstance(value, bool | int | float):
        return (0, 0, value)
    return (0, 1, str(value))
