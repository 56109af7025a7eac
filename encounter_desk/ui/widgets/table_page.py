"""One list on screen: a filter box, the table (sorted, filtered), add/delete and a count."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from encounter_desk.core.errors import Refusal
from encounter_desk.ui.widgets.delegates import ChoiceDelegate
from encounter_desk.ui.widgets.form_dialog import FormDialog
from encounter_desk.ui.widgets.layout import hbox, named, vbox
from encounter_desk.ui.widgets.messages import MessageBridge
from encounter_desk.ui.widgets.retranslating import Retranslating
from encounter_desk.ui.widgets.sort_proxy import CollatingProxy
from encounter_desk.ui.widgets.table_model import RecordTableModel

FIT_ROWS = 200
"""Rows beyond those on screen that fitting a column to its contents measures."""


def sorted_table(proxy: CollatingProxy, sort_column: int, name: str = "", *,
                 extended: bool = False, row_padding: int = 10) -> QTableView:
    """A table of ``proxy`` sorted by ``sort_column``, rows chosen whole (several at once
    when ``extended``), columns the user can widen."""
    table = named(QTableView(), name) if name else QTableView()
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.sortByColumn(sort_column, Qt.SortOrder.AscendingOrder)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if extended
                           else QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + row_padding)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    # Fitting a column measures the rows on screen and this many more (Qt's default, 1,000,
    # cost a third of a second on a 10,000-person roll call each time it was laid out).
    table.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
    return table


def filter_box(name: str = "") -> QLineEdit:
    box = named(QLineEdit(), name) if name else QLineEdit()
    box.setClearButtonEnabled(True)
    return box


class TablePage(Retranslating, QWidget):
    """A :class:`RecordTableModel` shown through a :class:`CollatingProxy`."""

    current_row_changed = Signal(object)
    """The row object under the cursor, or None."""

    def __init__(
        self,
        model: RecordTableModel,
        messages: MessageBridge,
        sort_column: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.messages = messages
        self.proxy = CollatingProxy(self)
        self.proxy.setSourceModel(model)

        self.filter_box = filter_box()
        self.filter_box.textChanged.connect(self._filter_changed)

        self.table = sorted_table(self.proxy, sort_column)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self._choices = ChoiceDelegate(self.table)
        for number, column in enumerate(model.COLUMNS):
            if column.kind == "choice":
                self.table.setItemDelegateForColumn(number, self._choices)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_row)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self.delete_current)
        self.count_label = QLabel()

        self.buttons = hbox(self.add_button, self.delete_button, None, self.count_label)
        vbox(self.filter_box, (self.table, 1), self.buttons, parent=self)

        model.error_raised.connect(self._show_error)
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
            signal.connect(self._update_count)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                       self.proxy.layoutChanged):
            signal.connect(self._update_count)
        self.retranslate()

    # --- texts ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.filter_box.setPlaceholderText(self.tr("Filter: type part of any cell (accents and case ignored)"))
        self.add_button.setText(self.tr("Add"))
        self.delete_button.setText(self.tr("Delete…"))
        self.model.retranslate()
        self._update_count()

    def _update_count(self, *_args) -> None:  # noqa: ANN002
        self.count_label.setText(self.model.count_text(self.proxy.rowCount(), self.model.rowCount()))
        self.delete_button.setEnabled(self.current_row() is not None)

    # --- rows ----------------------------------------------------------------------------

    _fit_pending = False

    def refresh(self) -> None:
        self.model.refresh()
        if self.isVisible():
            self.fit_columns()
        else:  # measuring every cell of a hidden table slows the app's start: wait until shown
            self._fit_pending = True

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        if self._fit_pending:
            self._fit_pending = False
            self.fit_columns()

    def fit_columns(self, limit: int = 300) -> None:
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            if header.sectionSize(column) > limit:
                header.resizeSection(column, limit)

    def current_row(self) -> object | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        source = self.proxy.mapToSource(index)
        return self.model.row_at(source.row())

    def select_source_row(self, row: int, column: int = 0) -> None:
        index = self.proxy.mapFromSource(self.model.index(row, column))
        if index.isValid():
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)

    def add_row(self) -> None:
        row = self.model.add_row()
        if row is not None:
            self.select_source_row(row, self._first_editable())
            self.table.edit(self.table.currentIndex())

    def delete_current(self) -> None:
        row = self.current_row()
        if row is None:
            return
        label = self.model.describe(row)
        self.messages.ask(
            self,
            self.tr("Delete"),
            self.tr("Delete {name}? This cannot be undone.").format(name=label),
            lambda: self._delete(row.id),
            yes_text=self.tr("Delete"),
        )

    def _delete(self, row_id: int) -> None:
        number = self.model.row_of_id(row_id)
        if number is not None:
            self.model.remove_row(number)

    def _first_editable(self) -> int:
        for number, column in enumerate(self.model.COLUMNS):
            if column.field and column.kind != "check":
                return number
        return 0

    def _filter_changed(self, value: str) -> None:
        self.proxy.set_filter_text(value)
        self._update_count()

    def _current_changed(self, *_args) -> None:  # noqa: ANN002
        self.delete_button.setEnabled(self.current_row() is not None)
        self.current_row_changed.emit(self.current_row())

    def _show_error(self, message: str) -> None:
        self.messages.warn(self, self.tr("Not saved"), message)


class FormTablePage(TablePage):
    """A list whose rows are added and edited in a form (a
    :class:`~encounter_desk.ui.widgets.form_dialog.FormDialog`), not in the cells: "Edit…"
    beside "Add", and a double click, open the row's form. Subclasses build the form in
    :meth:`open_form`."""

    def __init__(self, model: RecordTableModel, messages: MessageBridge, sort_column: int = 0,
                 parent: QWidget | None = None) -> None:
        super().__init__(model, messages, sort_column, parent)
        self.dialog: FormDialog | None = None
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(self.edit_current)
        self.buttons.insertWidget(1, self.edit_button)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.doubleClicked.connect(lambda _index: self.edit_current())
        self.current_row_changed.connect(lambda row: self.edit_button.setEnabled(row is not None))
        self.edit_button.setEnabled(False)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        if hasattr(self, "edit_button"):  # not while TablePage builds itself
            self.edit_button.setText(self.tr("Edit…"))

    def open_form(self, row: object | None) -> None:
        """Open the form of ``row`` (None: a new row)."""
        raise NotImplementedError

    def add_row(self) -> None:
        self.open_form(None)

    def edit_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self.open_form(row)

    def show_form(self, dialog: FormDialog) -> None:
        """Show ``dialog`` (not modal to the app) in place of the form already open."""
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._form_closed)
        dialog.open()

    def _form_closed(self, _result: int) -> None:
        self.dialog = None

    def save_form(self, row: Any | None, create: Callable[..., Any],
                  update: Callable[..., Any], column: int, values: dict[str, Any]) -> str | None:
        """A form's submit: ``create(**values)`` for a new row (``row`` None), else
        ``update(row.id, **values)``; the saved row is then shown selected at ``column``.
        None, or the refusal's sentence for the form to show."""
        try:
            saved = create(**values) if row is None else update(row.id, **values)
        except Refusal as exc:
            return str(exc)
        self.select_saved(saved.id, column)
        return None

    def select_saved(self, row_id: int, column: int) -> None:
        """Show the list again with the row just saved selected."""
        self.model.refresh()
        number = self.model.row_of_id(row_id)
        if number is not None:
            self.select_source_row(number, column)
        self.fit_columns()
