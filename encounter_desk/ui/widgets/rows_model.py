"""The base of every read-only list on screen: a ``QAbstractTableModel`` over plain rows.

A subclass names its columns (``NAME, DELEGATION = range(2)``, ``COLUMN_COUNT = 2``),
gives their headers in the current language (:meth:`RowsModel.headers`, with ``self.tr`` so
the words stay in the subclass's context) and the text of each cell
(:meth:`RowsModel.display`); anything else a cell shows (a tooltip, a colour, a font)
comes from :meth:`RowsModel.role_data`. The rows are replaced all at once with
:meth:`RowsModel.set_rows` (a model reset), or in place with :meth:`RowsModel.update_rows`
(rows added or removed at the end, the others changed: what a list refreshed on every
keystroke wants, the view keeping its selection and columns). Editable lists use
:class:`~encounter_desk.ui.widgets.table_model.RecordTableModel` instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

AnyIndex = QModelIndex | QPersistentModelIndex
RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class RowsModel(QAbstractTableModel):
    COLUMN_COUNT = 0
    RIGHT: frozenset[int] = frozenset()
    """The columns aligned right (numbers, times)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []

    # --- to implement ------------------------------------------------------------------

    def headers(self) -> Sequence[str]:
        """The column headers, translated."""
        raise NotImplementedError

    def display(self, number: int, column: int) -> Any:  # noqa: ANN401 - a cell's text
        """The text of row ``number``'s cell in ``column``."""
        raise NotImplementedError

    def role_data(self, number: int, column: int, role: int) -> Any:  # noqa: ANN401
        """What the cell shows for any other ``role`` (None: Qt's default)."""
        return None

    # --- the rows ----------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def update_rows(self, rows: Sequence[Any]) -> None:
        """Replace the rows without a reset: the rows beyond the new count are removed (or
        the new ones beyond the old count inserted) and the others' cells changed."""
        new, old = list(rows), len(self.rows)
        if len(new) < old:
            self.beginRemoveRows(QModelIndex(), len(new), old - 1)
            del self.rows[len(new):]
            self.endRemoveRows()
        elif len(new) > old:
            self.beginInsertRows(QModelIndex(), old, len(new) - 1)
            self.rows = self.rows + new[old:]
            self.endInsertRows()
        self.rows = new
        kept = min(old, len(new))
        if kept:
            self.dataChanged.emit(self.index(0, 0), self.index(kept - 1, self.columnCount() - 1))

    def row(self, number: int) -> Any:  # noqa: ANN401 - one of the rows, or None
        return self.rows[number] if 0 <= number < len(self.rows) else None

    def retranslate(self) -> None:
        """Headers and cells in the current language (after a language switch)."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.rows) - 1, self.columnCount() - 1))

    # --- Qt's interface ----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: ANN401
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = self.headers()
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: ANN401
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        number, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(number, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.RIGHT:
            return RIGHT_ALIGNED
        return self.role_data(number, column, role)


def rows_view(model: RowsModel, name: str = "", *, stretch: int = 0, selectable: bool = True,
              row_padding: int | None = None, view: QTableView | None = None,
              widths: Mapping[int, int] | None = None) -> QTableView:
    """A read-only table of ``model``: no row numbers, column ``stretch`` takes the width
    left and the others fit their contents; rows are chosen whole (or, not ``selectable``,
    never, and the table never takes the keyboard). ``row_padding`` pixels are added to the
    text's height for each row (None: the style's height); ``view`` is a QTableView
    subclass to set up instead of a plain one. ``widths`` gives columns a width in average
    characters instead (the person may still drag it): fitting the contents measures every
    cell again whenever the rows change, too slow for a list that follows each keystroke."""
    view = read_only_table(model, name, selectable=selectable, view=view)
    if row_padding is not None:
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + row_padding)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    widths = widths or {}
    for column in range(model.COLUMN_COUNT):
        if column == stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        elif column in widths:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, view.fontMetrics().averageCharWidth() * widths[column])
        else:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return view


def read_only_table(model: QAbstractTableModel, name: str = "", *, selectable: bool = True,
                    view: QTableView | None = None) -> QTableView:
    """A table of ``model`` without row numbers that never edits: rows are chosen whole,
    one at a time (or, not ``selectable``, never, and the table never takes the keyboard)."""
    view = view if view is not None else QTableView()
    if name:
        view.setObjectName(name)
    view.setModel(model)
    view.verticalHeader().hide()
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    if selectable:
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    else:
        view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return view


def fit_columns(view: QTableView, widest: Iterable[tuple[int, int]]) -> None:
    """Columns as wide as their contents but none wider than its ``(column, pixels)``
    limit (their text wraps instead), rows as tall as their text."""
    view.resizeColumnsToContents()
    for column, pixels in widest:
        if view.columnWidth(column) > pixels:
            view.setColumnWidth(column, pixels)
    view.resizeRowsToContents()
