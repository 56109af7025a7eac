"""Records → Attendance: the keyboard roll call of one sitting beside its live counts.

Arrow keys move through the list; one key marks the selected person (or every selected
person) and moves to the next: P present, E or J (justificada) excused, A absent (the same
letters in Spanish: presente, justificada, ausente), Delete clears a mark made by mistake.
Every mark goes through :mod:`encounter_desk.records.attendance` at once.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QPushButton,
    QWidget,
)

from encounter_desk.chair.presence import speeches_given
from encounter_desk.core.clock import Clock
from encounter_desk.core.errors import Refusal
from encounter_desk.records import attendance
from encounter_desk.storage.models import AttendanceSource, AttendanceStatus
from encounter_desk.ui.desk import identity
from encounter_desk.ui.records.counts_widget import AttendanceCountsWidget
from encounter_desk.ui.records.roll_call_model import RollCallModel
from encounter_desk.ui.widgets.layout import hbox, named, pane, side_by_side, vbox, wrapped
from encounter_desk.ui.widgets.retranslating import Retranslating
from encounter_desk.ui.widgets.sort_proxy import CollatingProxy
from encounter_desk.ui.widgets.table_page import filter_box, sorted_table
from encounter_desk.ui.widgets.texts import Texts
from encounter_desk.ui.widgets.workspace import AppContext

log = logging.getLogger(__name__)

MARK_KEYS: dict[int, AttendanceStatus | None] = {
    Qt.Key.Key_P: AttendanceStatus.PRESENT,
    Qt.Key.Key_E: AttendanceStatus.EXCUSED,
    Qt.Key.Key_J: AttendanceStatus.EXCUSED,
    Qt.Key.Key_A: AttendanceStatus.ABSENT,
    Qt.Key.Key_Delete: None,
    Qt.Key.Key_Backspace: None,
}
"""Roll-call keys; None clears the mark."""


class AttendancePage(Retranslating, QWidget):
    marks_changed = Signal()

    def __init__(self, context: AppContext, clock: Clock | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = context.db
        self.messages = context.messages
        self.clock = clock
        self.sitting_id: int | None = None

        self.model = RollCallModel(self.db, self)
        self.proxy = CollatingProxy(self)
        self.proxy.setSourceModel(self.model)

        self.texts = texts = Texts()
        self.filter_box = texts.placeholder(filter_box("rollCallFilter"), lambda: self.tr(
            "Filter: name, delegation, status… (accents and case ignored)"))
        self.filter_box.textChanged.connect(self._filter_changed)
        self.filter_box.returnPressed.connect(self._to_list)
        self.source_label = texts.label(lambda: self.tr("Record as"))
        self.source_box = named(QComboBox(), "markSource")

        self.table = sorted_table(self.proxy, RollCallModel.DELEGATION, "rollCall",
                                  extended=True, row_padding=8)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.installEventFilter(self)

        self.hint = texts.text(wrapped("rollCallKeys"), lambda: self.tr(
            "Keys: P present · E or J excused (justificada) · A absent · Delete clears the "
            "mark · ↑ ↓ move. The next person is selected after each mark."))
        self.present_button = texts.text(QPushButton(), lambda: self.tr("Present (P)"))
        self.excused_button = texts.text(QPushButton(), lambda: self.tr("Excused (E/J)"))
        self.absent_button = texts.text(QPushButton(), lambda: self.tr("Absent (A)"))
        self.clear_button = texts.text(QPushButton(), lambda: self.tr("Clear mark"))
        self.rest_absent_button = texts.button("restAbsent",
                                               lambda: self.tr("Everyone not marked: absent"))
        self.count_label = QLabel()
        for button, status in ((self.present_button, AttendanceStatus.PRESENT),
                               (self.excused_button, AttendanceStatus.EXCUSED),
                               (self.absent_button, AttendanceStatus.ABSENT),
                               (self.clear_button, None)):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _checked=False, s=status: self.mark_selected(s))
        self.rest_absent_button.clicked.connect(self.mark_rest_absent)

        self.counts = AttendanceCountsWidget(self.db)

        top = hbox((self.filter_box, 1), self.source_label, self.source_box)
        buttons = hbox(self.present_button, self.excused_button, self.absent_button,
                       self.clear_button, self.rest_absent_button, None, self.count_label)
        splitter = side_by_side(pane(top, (self.table, 1), self.hint, buttons), self.counts,
                                (3, 2), (820, 440))
        vbox(splitter, parent=self, margins=0)

        for signal in (self.proxy.modelReset, self.proxy.rowsInserted, self.proxy.rowsRemoved,
                       self.proxy.layoutChanged, self.model.dataChanged):
            signal.connect(self._update_count)
        self.retranslate()

    # --- texts ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.texts.retranslate()
        current = self.source_box.currentData()
        self.source_box.clear()
        self.source_box.addItem(self.tr("Roll call"), AttendanceSource.ROLL_CALL.value)
        self.source_box.addItem(self.tr("Manual mark"), AttendanceSource.MANUAL.value)
        if current is not None:
            self.source_box.setCurrentIndex(self.source_box.findData(current))
        self.model.retranslate()
        self.counts.retranslate()
        self._update_count()

    def _update_count(self, *_args: object) -> None:
        self.count_label.setText(
            self.model.count_text(self.proxy.rowCount(), self.model.rowCount()))

    # --- data ----------------------------------------------------------------------------

    def set_sitting(self, sitting_id: int | None) -> None:
        self.sitting_id = sitting_id
        self.refresh()

    def refresh(self) -> None:
        """Read the roll call again. The same people as before (a mark, a scan at the door,
        another desk's write): only the rows that changed are redrawn, the selection, the
        scroll and the widths as they were; else the view is laid out anew."""
        selected = self.selected_ids()
        try:
            reset = self.model.set_sitting(self.sitting_id)
        except Refusal as exc:
            self.messages.warn(self, self.tr("Attendance"), str(exc))
            reset = True
        self.counts.set_sitting(self.sitting_id)
        if reset:
            if selected:
                self.select_participant(selected[0])
            elif self.proxy.rowCount():
                self.table.setCurrentIndex(self.proxy.index(0, RollCallModel.NAME))
            self.fit_columns()
        self._update_count()

    def fit_columns(self) -> None:
        self.table.resizeColumnsToContents()
        for column, widest in RollCallModel.WIDEST.items():
            if self.table.columnWidth(column) > widest:
                self.table.setColumnWidth(column, widest)
        self.table.horizontalScrollBar().setValue(0)

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        return [self.model.row_at(self.proxy.mapToSource(self.proxy.index(r, 0)).row()).id
                for r in rows]

    def select_participant(self, participant_id: int) -> None:
        number = self.model.row_of_id(participant_id)
        if number is None:
            return
        index = self.proxy.mapFromSource(self.model.index(number, RollCallModel.NAME))
        if index.isValid():
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)

    # --- marking -------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if event.key() in MARK_KEYS and modifiers in (
                    Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
                self.mark_selected(MARK_KEYS[event.key()])
                return True
        return super().eventFilter(watched, event)

    def _source(self) -> str:
        return self.source_box.currentData() or AttendanceSource.ROLL_CALL.value

    def mark_selected(self, status: AttendanceStatus | None) -> bool:
        """Mark everyone selected (None: clear), then select the next person."""
        if self.sitting_id is None:
            return False
        view_rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not view_rows and self.table.currentIndex().isValid():
            view_rows = [self.table.currentIndex().row()]
        if not view_rows:
            return False
        ids = self.selected_ids()
        spoke = [pid for pid in ids if status == AttendanceStatus.ABSENT
                 and speeches_given(self.db, self.sitting_id, pid)]
        if spoke:  # the minutes would show a speech by someone absent: ask first
            self.messages.ask(
                self, self.tr("Mark absent"),
                self.tr("People who had the floor at this session: {count} of those "
                        "selected. The minutes record their speeches. Mark them absent all "
                        "the same?").format(count=len(spoke)),
                lambda: self._mark(view_rows, ids, status), yes_text=self.tr("Mark absent"))
            return False
        return self._mark(view_rows, ids, status)

    def _mark(self, view_rows: list[int], ids: list[int], status: AttendanceStatus | None,
              ) -> bool:
        try:
            if status is None:
                for pid in ids:
                    attendance.clear_mark(self.db, self.sitting_id, pid)
                    self.model.clear(pid)
            elif len(ids) == 1:
                self.model.apply(attendance.mark(
                    self.db, self.sitting_id, ids[0], status, source=self._source(),
                    desk=identity.saved_desk_name(), clock=self.clock))
            else:
                for done in attendance.mark_many(
                        self.db, self.sitting_id, {pid: status for pid in ids},
                        source=self._source(), desk=identity.saved_desk_name(),
                        clock=self.clock):
                    self.model.apply(done)
        except Refusal as exc:
            log.info("mark refused: %s", exc)
            self.messages.warn(self, self.tr("Not recorded"), str(exc))
            return False
        following = min(view_rows[-1] + 1, self.proxy.rowCount() - 1)
        self.table.clearSelection()
        self.table.setCurrentIndex(self.proxy.index(following, RollCallModel.NAME))
        self.table.scrollTo(self.table.currentIndex())
        self.table.horizontalScrollBar().setValue(0)
        self.counts.refresh()
        self.marks_changed.emit()
        return True

    def mark_rest_absent(self) -> None:
        """After the roll call: everyone still not marked is absent (one transaction)."""
        if self.sitting_id is None:
            return
        rest = [row.id for row in self.model.rows() if row.entry.status is None]
        if not rest:
            self.messages.inform(self, self.tr("Attendance"),
                                 self.tr("Everyone on the list is marked already."))
            return

        def mark() -> None:
            try:
                done = attendance.mark_many(
                    self.db, self.sitting_id, dict.fromkeys(rest, AttendanceStatus.ABSENT),
                    source=self._source(), desk=identity.saved_desk_name(), clock=self.clock)
            except Refusal as exc:
                self.messages.warn(self, self.tr("Not recorded"), str(exc))
                return
            for mark_done in done:
                self.model.apply(mark_done)
            self.counts.refresh()
            self.marks_changed.emit()

        self.messages.ask(
            self, self.tr("Attendance"),
            self.tr("Mark the {count} people not marked yet as absent?").format(count=len(rest)),
            mark, yes_text=self.tr("Mark absent"))

    def _to_list(self) -> None:
        """Enter in the filter box: to the first person found, ready for the keys."""
        if self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, RollCallModel.NAME))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _filter_changed(self, value: str) -> None:
        self.proxy.set_filter_text(value)
        self._update_count()
