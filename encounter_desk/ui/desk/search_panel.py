"""Beside the scanner: find a person by name as you type, check them in, undo a check-in.

The search runs on every keystroke over an in-memory :class:`~encounter_desk.event.people_search.SearchIndex`
(accents, case and typos forgiven; delegation and institution words count too). A check-in
from a result goes through the same verdict path as a scan; the panel only asks for it
(:attr:`check_in_requested`). Undoing a check-in needs a reason, typed in a small form
under the results: no dialog, so the scanner is never blocked.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QWidget,
)

from encounter_desk.core import i18n
from encounter_desk.desk.lookup import DeskPerson
from encounter_desk.event import badge_code
from encounter_desk.event.people_search import SearchIndex
from encounter_desk.ui.widgets.layout import (
    enlarge,
    hbox,
    heading,
    named,
    problem_label,
    vbox,
    wrapped,
)
from encounter_desk.ui.widgets.rows_model import RowsModel, rows_view
from encounter_desk.ui.widgets.texts import Texts

RESULT_LIMIT = 20


class SearchResultsModel(RowsModel):
    """The people found: title and name, delegation, checked-in state.

    The results change on every keystroke: they are updated in place (no reset) and each
    row's texts are worked out once, not on every paint."""

    NAME, DELEGATION, STATE = range(3)
    COLUMN_COUNT = 3
    PersonIdRole = Qt.ItemDataRole.UserRole + 1
    WIDTHS = {DELEGATION: 26, STATE: 15}
    """The columns beside the name, in average characters (the name takes the rest)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cells: list[tuple[str, str, str]] = []

    @property
    def people(self) -> list[DeskPerson]:
        return self.rows

    def set_people(self, people: Sequence[DeskPerson]) -> None:
        self._cells = self._texts(people)
        self.update_rows(people)

    def _texts(self, people: Sequence[DeskPerson]) -> list[tuple[str, str, str]]:
        language = i18n.language()
        return [(person.full_title_name, person.delegation(language) or person.institution,
                 self.state_text(person)) for person in people]

    def retranslate(self) -> None:
        self._cells = self._texts(self.people)
        super().retranslate()

    def headers(self) -> list[str]:
        return [self.tr("Name"), self.tr("Delegation"), self.tr("Checked in")]

    def display(self, number: int, column: int) -> str:
        return self._cells[number][column]

    def role_data(self, number: int, column: int, role: int) -> object:
        person = self.people[number]
        if role == self.PersonIdRole:
            return person.id
        if role == Qt.ItemDataRole.ToolTipRole and column == self.DELEGATION:
            return person.institution or None
        return None

    def state_text(self, person: DeskPerson) -> str:
        if person.checked_in_at is None:
            return self.tr("not yet")
        return self.tr("✔ {time} · {desk}").format(
            time=person.checked_in_at.strftime("%H:%M"), desk=person.checked_in_desk)

    def person(self, row: int) -> DeskPerson | None:
        return self.row(row)


class SearchField(QLineEdit):
    """Down moves into the results; Escape clears."""

    move_down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Down:
            self.move_down.emit()
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)


class ResultsView(QTableView):
    """Enter checks the current person in."""

    activated_row = Signal(int)
    painted_at = 0.0
    """``time.perf_counter()`` when the results were last painted (for the benchmark)."""

    def paintEvent(self, event) -> None:  # noqa: ANN001, N802
        super().paintEvent(event)
        self.painted_at = time.perf_counter()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            current = self.currentIndex()
            if current.isValid():
                self.activated_row.emit(current.row())
                return
        super().keyPressEvent(event)


class SearchPanel(QWidget):
    """Search as you type, with check-in and undo for the person chosen."""

    check_in_requested = Signal(int)
    """A participant id to check in (same verdict path as a scan)."""
    undo_requested = Signal(int, str)
    """A participant id and the reason given."""
    code_typed = Signal(str)
    """A badge code arrived in the search box (the scanner fired while it had the keyboard)."""
    cleared = Signal()
    """The search box was emptied: the desk is idle again."""
    reprint_requested = Signal(int)
    """Print the person's current badge again (damaged, or never collected)."""
    print_requested = Signal(int)
    """The same, straight to a printer (Qt's print dialog)."""
    reissue_requested = Signal(int)
    """A lost badge: a new one, the old one refused as replaced."""

    def __init__(
        self,
        index: SearchIndex,
        lookup: Callable[[Sequence[int]], list[DeskPerson]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._index = index
        self.needs_index: Callable[[], None] = lambda: None
        """Called before the index is used: the desk finishes loading it there if needed."""
        self._lookup = lookup
        self._people: dict[int, DeskPerson] = {}
        """The people already looked up, until :meth:`refresh_results` (a keystroke reads
        only the people it has not shown yet: no database round trip for most)."""
        self._undo_person: DeskPerson | None = None

        self.texts = texts = Texts()
        self.title = texts.text(heading(1.2), lambda: self.tr("Find a participant"))
        self.field = texts.placeholder(named(SearchField(), "deskSearch"),
                                       lambda: self.tr("Name, delegation or institution…"))
        self.field.setClearButtonEnabled(True)
        enlarge(self.field, 1.3)
        self.model = SearchResultsModel(self)
        self.view = rows_view(self.model, "deskSearchResults", stretch=SearchResultsModel.NAME,
                              view=ResultsView(), widths=SearchResultsModel.WIDTHS)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.check_in_button = texts.button("deskCheckIn", lambda: self.tr("Check in"))
        self.undo_button = texts.button("deskUndo", lambda: self.tr("Undo check-in…"))
        self.empty = named(QLabel(), "deskSearchEmpty")

        # The undo form: a reason, then the confirmation.
        self.undo_form = named(QFrame(), "deskUndoForm")
        self.undo_form.setFrameShape(QFrame.Shape.StyledPanel)
        self.undo_label = wrapped()
        self.undo_reason = texts.placeholder(named(QLineEdit(), "undoReason"),
                                             lambda: self.tr("Why? (required)"))
        self.undo_confirm = texts.button("undoConfirm", lambda: self.tr("Undo check-in"))
        self.undo_cancel = texts.text(QPushButton(), lambda: self.tr("Cancel"))
        self.undo_error = problem_label()
        vbox(self.undo_label, self.undo_reason, self.undo_error,
             hbox(None, self.undo_cancel, self.undo_confirm), parent=self.undo_form)
        self.undo_form.hide()

        vbox(self.title, self.field, (self.view, 1),
             hbox((self.empty, 1), self.undo_button, self.check_in_button), self.undo_form,
             parent=self, margins=0)

        self.field.textChanged.connect(self._search)
        self.field.returnPressed.connect(self._enter_in_field)
        self.field.move_down.connect(self._focus_results)
        self.view.activated_row.connect(self._check_in_row)
        self.view.doubleClicked.connect(lambda index: self._check_in_row(index.row()))
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.check_in_button.clicked.connect(lambda: self._check_in_row(self._current_row()))
        self.undo_button.clicked.connect(lambda: self.start_undo(self._current_row()))
        self.undo_confirm.clicked.connect(self._confirm_undo)
        self.undo_reason.returnPressed.connect(self._confirm_undo)
        self.undo_cancel.clicked.connect(self.close_undo)
        self.retranslate()
        self._update_buttons()

    # --- texts -------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.texts.retranslate()
        if self._undo_person is not None:
            self._set_undo_label(self._undo_person)
        self._update_empty()
        self.model.retranslate()
        self.refresh_results()

    # --- searching -----------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """The clerk is using the panel (typing a name or a reason): leave the keyboard here."""
        return bool(self.field.text().strip()) or self._undo_person is not None

    @property
    def index(self) -> SearchIndex:
        self.needs_index()
        return self._index

    def set_index(self, index: SearchIndex, *, search: bool = True) -> None:
        """Search ``index`` from now on (and, ``search``, again for what is typed)."""
        self._index = index
        if search:
            self.refresh_results()

    def _search(self, query: str, *, by_clerk: bool = True) -> None:
        if not query.strip():
            self.model.set_people([])
            self.close_undo()
            self._update_empty()
            self._update_buttons()
            if by_clerk:
                self.cleared.emit()
            return
        ids = [hit.id for hit in self.index.search(query, RESULT_LIMIT)]
        missing = [pid for pid in ids if pid not in self._people]
        if missing:
            self._people.update((person.id, person) for person in self._lookup(missing))
        self.model.set_people([self._people[pid] for pid in ids if pid in self._people])
        if self.model.people:
            self.view.selectRow(0)
        self._update_empty()
        self._update_buttons()

    def refresh_results(self) -> None:
        """Search again (someone's checked-in state may have changed)."""
        self._people.clear()
        row = self._current_row()
        self._search(self.field.text(), by_clerk=False)
        if 0 <= row < len(self.model.people):
            self.view.selectRow(row)

    def _update_empty(self) -> None:
        if self.field.text().strip() and not self.model.people:
            self.empty.setText(self.tr("Nobody found."))
        else:
            self.empty.setText("")

    def _current_row(self) -> int:
        index = self.view.currentIndex()
        if index.isValid():
            return index.row()
        return 0 if self.model.people else -1

    def _update_buttons(self) -> None:
        person = self.model.person(self._current_row())
        self.check_in_button.setEnabled(person is not None)
        self.undo_button.setEnabled(person is not None and person.checked_in)

    def _focus_results(self) -> None:
        if self.model.people:
            self.view.setFocus()
            self.view.selectRow(max(0, self._current_row()))

    def _enter_in_field(self) -> None:
        query = self.field.text().strip()
        parsed = badge_code.parse_code(query) if " " not in query else None
        if parsed:
            # A scanner fired while the search box had the keyboard: it is a scan.
            self.field.clear()
            self.code_typed.emit(query)
            return
        self._check_in_row(self._current_row())

    # --- acting --------------------------------------------------------------------------

    def _check_in_row(self, row: int) -> None:
        person = self.model.person(row)
        if person is not None:
            self.check_in_requested.emit(person.id)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        person = self.model.person(index.row()) if index.isValid() else None
        if person is None:
            return
        self.view.selectRow(index.row())
        menu = QMenu(self)
        check_in = QAction(self.tr("Check in"), menu)
        check_in.triggered.connect(lambda: self._check_in_row(index.row()))
        undo = QAction(self.tr("Undo check-in…"), menu)
        undo.setEnabled(person.checked_in)
        undo.triggered.connect(lambda: self.start_undo(index.row()))
        reprint = QAction(self.tr("Print the badge again"), menu)
        reprint.triggered.connect(lambda: self.reprint_requested.emit(person.id))
        print_action = QAction(self.tr("Print the badge on a printer…"), menu)
        print_action.setObjectName("printBadgeAction")
        print_action.triggered.connect(lambda: self.print_requested.emit(person.id))
        reissue = QAction(self.tr("Badge lost: issue a new one…"), menu)
        reissue.triggered.connect(lambda: self.reissue_requested.emit(person.id))
        menu.addAction(check_in)
        menu.addAction(undo)
        menu.addSeparator()
        menu.addAction(reprint)
        menu.addAction(print_action)
        menu.addAction(reissue)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def start_undo(self, row: int) -> None:
        """Open the reason form for the person on ``row`` (when checked in)."""
        person = self.model.person(row)
        if person is None or not person.checked_in:
            return
        self._undo_person = person
        self._set_undo_label(person)
        self.undo_reason.clear()
        self.undo_error.clear()
        self.undo_form.show()
        self.undo_reason.setFocus()

    def _set_undo_label(self, person: DeskPerson) -> None:
        self.undo_label.setText(
            self.tr("Undo the check-in of {name} (at {time}, desk {desk})? Say why:").format(
                name=person.full_title_name,
                time=person.checked_in_at.strftime("%H:%M") if person.checked_in_at else "?",
                desk=person.checked_in_desk,
            )
        )

    def _confirm_undo(self) -> None:
        if self._undo_person is None:
            return
        reason = self.undo_reason.text().strip()
        if not reason:
            self.undo_error.setText(self.tr("Give a reason to undo a check-in."))
            self.undo_reason.setFocus()
            return
        self.undo_requested.emit(self._undo_person.id, reason)

    def undo_failed(self, message: str) -> None:
        self.undo_error.setText(message)

    def close_undo(self) -> None:
        was_open = self._undo_person is not None
        self._undo_person = None
        self.undo_form.hide()
        self.undo_reason.clear()
        self.undo_error.clear()
        if was_open and not self.field.text().strip():
            self.cleared.emit()

    def clear(self) -> None:
        self.close_undo()
        self.field.clear()
