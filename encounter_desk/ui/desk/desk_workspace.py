"""The Registration desk: the scan field, the verdict, and beside them search, walk-ins, counts.

The scan field has the keyboard whenever the desk is idle: after every verdict, after the
search box is emptied, when the desk is shown, when the verdict returns to "ready". It
never takes it from the clerk who is typing a name or a reason, or filling the walk-in
form. Every verdict (scan, search, walk-in) comes from :mod:`encounter_desk.desk.checkin`
synchronously (a few milliseconds) and is shown in the same panel; nothing here is modal.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from encounter_desk.core import i18n
from encounter_desk.core.clock import utcnow
from encounter_desk.core.errors import Refusal
from encounter_desk.desk import checkin, walk_in
from encounter_desk.desk.checkin import Clock, Verdict
from encounter_desk.desk.lookup import DeskPerson, delegation_flags, desk_people
from encounter_desk.event import badge_code, sittings
from encounter_desk.event.badge_reading import strip_wrapping
from encounter_desk.event.delegations import list_delegations
from encounter_desk.event.people_search import SearchIndex
from encounter_desk.records import attendance
from encounter_desk.records.attendance import DoorVerdict
from encounter_desk.storage.database import DatabaseError
from encounter_desk.ui.desk import identity
from encounter_desk.ui.desk.badge_printing import BadgePrinting
from encounter_desk.ui.desk.camera_view import CameraView, camera_problem
from encounter_desk.ui.desk.counts_panel import CountsPanel
from encounter_desk.ui.desk.door import DoorSelector, as_checkin
from encounter_desk.ui.desk.scan_field import ScanField
from encounter_desk.ui.desk.search_panel import SearchPanel
from encounter_desk.ui.desk.sounds import VerdictSound
from encounter_desk.ui.desk.style import READY
from encounter_desk.ui.desk.verdict_panel import DEFAULT_HOLD_SECONDS, VerdictPanel
from encounter_desk.ui.desk.walk_in_dialog import WalkInDialog
from encounter_desk.ui.records.counts_widget import AttendanceCountsWidget
from encounter_desk.ui.widgets.files import FileOpener, open_with_system
from encounter_desk.ui.widgets.layout import hbox, heading, named, show_status, vbox, wrapped
from encounter_desk.ui.widgets.not_recorded import NotRecordedPanel
from encounter_desk.ui.widgets.search_loading import SearchLoading
from encounter_desk.ui.widgets.texts import Texts
from encounter_desk.ui.widgets.workspace import AppContext, Workspace

log = logging.getLogger(__name__)


def typing_place(widget: QWidget) -> bool:
    """A widget the clerk types into (a search box, a form's field)."""
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
        return not widget.isReadOnly()
    return isinstance(widget, QAbstractSpinBox)

Judged = TypeVar("Judged", Verdict, DoorVerdict)

DOUBLE_READ_SECONDS = 2.0
"""The same badge read again at this desk within this time is one scan read twice."""

COUNTS_REFRESH_MS = 15_000
"""Other desks scan into the same file: the counts are read again this often."""


class DeskWorkspace(BadgePrinting, Workspace):
    """The Registration desk of the open event, at the desk named ``desk_name``."""

    KEY = "desk"

    verdict_shown = Signal(object)  # Verdict, or DoorVerdict at a session's door

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        desk_name: str | None = None,
        clock: Clock | None = None,
        hold_seconds: float | None = None,
        open_file: FileOpener | None = None,
        badge_folder: Path | None = None,
        sound: VerdictSound | None = None,
    ) -> None:
        """Without ``desk_name`` and ``hold_seconds`` the desk uses the ones saved in this
        laptop's settings; ``clock``, ``open_file`` and ``sound`` are injected by tests."""
        super().__init__(context, parent)
        self.setObjectName("deskWorkspace")
        self.db = context.db
        self.messages = context.messages
        desk_name = desk_name or identity.saved_desk_name()
        if hold_seconds is None:
            hold_seconds = identity.saved_hold_seconds(DEFAULT_HOLD_SECONDS)
        self.clock = clock
        self.desk_name = desk_name
        self.open_file: FileOpener = open_file or open_with_system
        """How a printed badge is opened (tests replace it to catch the file)."""
        self.badge_folder = badge_folder
        self.sound = sound or VerdictSound()
        self.walk_in_dialog: WalkInDialog | None = None
        self._last_read: tuple[str, dt.datetime] | None = None
        """The text of the last scan and when: a double read is not a second scan."""
        self.last_badge: Path | None = None

        self.texts = texts = Texts()
        self.heading = heading(name="deskHeading")
        self.status = wrapped("deskStatus")
        self.sound_box = texts.text(
            named(QCheckBox(), "deskSound"), lambda: self.tr("Sound"),
            lambda: self.tr("Beep once to admit, three times to stop the queue."))
        self.sound_box.setChecked(self.sound.enabled)
        self.sound_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.walk_in_button = texts.button("walkInButton", lambda: self.tr("New participant…"),
                                           clicked=self.start_walk_in)
        self.print_button = texts.text(self.make_print_button(), lambda: self.tr("Print…"))
        self.camera_button = texts.button(
            "deskCamera", lambda: self.tr("Camera…"),
            lambda: self.tr("Read badges with the laptop's camera."), clicked=self.start_camera)
        self.camera_view: CameraView | None = None
        self.door_box = texts.tip(
            DoorSelector(), lambda: self.tr("Where scans go: the event check-in, or the door of "
                                            "a session (records attendance at that session)"))
        for widget in (self.walk_in_button, self.print_button, self.camera_button, self.door_box):
            widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # the scan field keeps the keyboard

        self.scan_label = texts.label(
            lambda: self.tr("Scan a badge (the field below always listens):"))
        self.scan_field = texts.placeholder(ScanField(), lambda: self.tr("Waiting for the scanner…"))
        self.verdict_panel = VerdictPanel(hold_seconds=hold_seconds)
        self.not_recorded = NotRecordedPanel(covers=self.verdict_panel)
        self._known_people: dict[int, DeskPerson] = {}
        self.search = SearchPanel(SearchIndex(), self._lookup)
        self.search_loading = SearchLoading(self.db, self.search, self._problem, self)
        self.counts_panel = CountsPanel()
        self.door_counts = AttendanceCountsWidget(self.db)
        self.door_counts.hide()

        header = hbox(self.heading, (self.status, 1), self.door_box, self.sound_box,
                      self.walk_in_button, self.print_button, self.camera_button)
        left = vbox(self.scan_label, self.scan_field, (self.verdict_panel, 1),
                    (self.not_recorded, 1))
        right = vbox((self.search, 3), (self.counts_panel, 2), (self.door_counts, 2))
        vbox(header, (hbox((left, 3), (right, 2)), 1), parent=self)

        self.counts_timer = QTimer(self)
        self.counts_timer.setInterval(COUNTS_REFRESH_MS)
        self.counts_timer.timeout.connect(self.refresh_counts)

        context.desk_name_changed.connect(self.set_desk_name)
        self.scan_field.scanned.connect(self.scan)
        self.scan_field.empty_enter.connect(self.search_what_was_read)
        self.search.code_typed.connect(lambda raw: self.scan(raw))
        self.search.check_in_requested.connect(self.check_in_person)
        self.search.undo_requested.connect(self.undo)
        self.search.reprint_requested.connect(self.reprint_badge)
        self.search.print_requested.connect(self.reprint_on_printer)
        self.search.reissue_requested.connect(self.reissue_badge)
        self.search.cleared.connect(self.take_keyboard)
        self.verdict_panel.returned_to_ready.connect(self.refocus)
        self.sound_box.toggled.connect(self._sound_toggled)
        self.door_box.currentIndexChanged.connect(lambda _n: self._door_changed())

        self.retranslate()
        self.refresh()

    # --- identity and texts ---------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Registration desk")

    def set_desk_name(self, name: str) -> None:
        """The name recorded on every scan from now on, and shown in the heading."""
        self.desk_name = name.strip() or self.desk_name
        self._set_heading()

    def _set_heading(self) -> None:
        door = self.door_box.sitting()
        if door is not None:
            self.heading.setText(self.tr("Door of session {number} — {desk}").format(
                number=door.number, desk=self.desk_name))
            return
        self.heading.setText(self.tr("Registration desk — {desk}").format(desk=self.desk_name))

    # --- the door of a session ----------------------------------------------------------------

    @property
    def door_sitting_id(self) -> int | None:
        """The session whose door this desk is, or None: the event check-in."""
        return self.door_box.sitting_id()

    def set_door(self, sitting_id: int | None) -> None:
        """Scan for the door of ``sitting_id`` (None: back to the event check-in)."""
        self.door_box.choose(sitting_id)

    def _door_changed(self) -> None:
        at_door = self.door_sitting_id is not None
        self.counts_panel.setVisible(not at_door)
        self.door_counts.setVisible(at_door)
        self.door_counts.set_sitting(self.door_sitting_id)
        self._last_read = None
        self.verdict_panel.show_ready()
        self._set_heading()
        self.take_keyboard()

    def retranslate(self) -> None:
        self.texts.retranslate()
        self._fill_doors()
        self.search.retranslate()
        self.counts_panel.retranslate()

    # --- data ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read everything again (of the search index, only the people changed since)."""
        try:
            self.search_loading.follow()
            self.verdict_panel.flags = delegation_flags(self.db)
            self._fill_doors(sittings.list_sittings(self.db))
        except Refusal as exc:
            self._problem(str(exc))
            return
        self.refresh_counts()

    def _fill_doors(self, rows: Sequence[sittings.SittingRow] | None = None) -> None:
        self.door_box.fill(self.door_box.rows if rows is None else rows, i18n.language())
        self._set_heading()

    def refresh_counts(self) -> None:
        if self.door_sitting_id is not None:
            self.door_counts.refresh()
            return
        try:
            self.counts_panel.set_counts(checkin.counts(self.db))
        except Refusal as exc:
            self._problem(str(exc))

    def _lookup(self, ids: Sequence[int]) -> list[DeskPerson]:
        """The people a search found, with their checked-in state. When the database cannot
        be read (the server is gone) the names still come from memory, as last seen, so the
        clerk can still find a person; the problem is shown."""
        try:
            people = desk_people(self.db, ids)
        except Refusal as exc:
            self._problem(str(exc))
            return [self._known_people.get(pid) or self._from_index(pid) for pid in ids
                    if pid in self.search.index.entries]
        self._known_people.update((p.id, p) for p in people)
        return people

    def _from_index(self, participant_id: int) -> DeskPerson:
        entry = self.search.index.entries[participant_id]
        return DeskPerson(id=entry.id, title="", display_name=entry.display_name,
                          delegation_code="", delegation_es="", delegation_en="",
                          delegation_iso2="", institution="", checked_in_at=None,
                          checked_in_desk="")

    # --- the verdict path -----------------------------------------------------------------

    def scan(self, raw: str, scan_uid: str | None = None,
             source: str = "scanner") -> Verdict | DoorVerdict | None:
        """One code read by the scanner (or typed, or by the camera: ``source`` "camera"):
        judge, record, show. At a session's door the scan records attendance at that
        session instead. The same badge read again within DOUBLE_READ_SECONDS, while its
        verdict is still up, is not a second scan: the verdict stays, marked "read twice"."""
        wrapping = identity.scanner_wrapping()
        if any(wrapping):  # this laptop's scanner adds a prefix or suffix to every code
            raw = strip_wrapping(raw, *wrapping)
        now = (self.clock or utcnow)()
        text = badge_code.normalise(raw).upper()
        last, self._last_read = self._last_read, (text, now)
        if (source == "scanner" and last is not None and last[0] == text
                and self.verdict_panel.state != READY
                and (now - last[1]).total_seconds() <= DOUBLE_READ_SECONDS):
            self.verdict_panel.mark_read_twice()
            self.take_keyboard()
            return self.verdict_panel.verdict or self.verdict_panel.door
        self.verdict_panel.read_text = raw.strip()
        if self.door_sitting_id is not None:
            sitting_id = self.door_sitting_id
            return self._judge(lambda: attendance.record_door_scan(
                self.db, sitting_id, raw, desk=self.desk_name, scan_uid=scan_uid,
                clock=self.clock), self.show_door_verdict)
        return self._judge(lambda: checkin.check_in(
            self.db, raw, desk=self.desk_name, scan_uid=scan_uid, source=source,
            clock=self.clock), self.show_verdict)

    def search_what_was_read(self) -> None:
        """Enter after "not a badge": the text read goes to the name search."""
        verdict = self.verdict_panel.verdict
        if verdict is None or verdict.kind is not checkin.VerdictKind.NOT_A_BADGE:
            return
        self.search.field.setText(self.verdict_panel.read_text)
        self.search.field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.verdict_panel.show_ready()

    def take_scan(self, raw: str, scan_uid: str) -> bool:
        """A scanner's burst caught wherever the keyboard was (the app's ScanBursts): the
        same verdict path as the scan field; the keys never reached the widget they hit."""
        self.scan(raw, scan_uid)
        return True

    def check_in_person(self, participant_id: int) -> Verdict | DoorVerdict | None:
        """A person chosen from the search results: the same verdict path as a scan."""
        self._last_read = None
        if self.door_sitting_id is not None:
            sitting_id = self.door_sitting_id
            verdict = self._judge(lambda: attendance.record_door_participant(
                self.db, sitting_id, participant_id, desk=self.desk_name, clock=self.clock),
                self.show_door_verdict)
        else:
            verdict = self._judge(lambda: checkin.check_in_participant(
                self.db, participant_id, desk=self.desk_name, source="search",
                clock=self.clock), self.show_verdict)
        if verdict is not None:
            self.search.clear()
        return verdict

    def _judge(self, call: Callable[[], Judged], show: Callable[[Judged], None]) -> Judged | None:
        """Record a verdict with ``call`` and ``show`` it; when it could not be recorded, say
        why, and never leave on screen a verdict the database does not hold."""
        try:
            verdict = call()
        except Refusal as exc:
            log.warning("desk: not recorded: %s", exc)
            self._problem(str(exc))
            if isinstance(exc, DatabaseError):
                self.not_recorded.show_failure(exc)
            self.take_keyboard()
            return None
        show(verdict)
        return verdict

    def show_door_verdict(self, verdict: DoorVerdict) -> None:
        self._present(verdict, lambda: self.verdict_panel.show_door_verdict(verdict),
                      as_checkin(verdict.kind))
        if verdict.kind.present:
            self.door_counts.refresh()
        self.take_keyboard()

    def show_verdict(self, verdict: Verdict) -> None:
        self._present(verdict, lambda: self.verdict_panel.show_verdict(verdict), verdict.kind)
        if verdict.admitted or verdict.kind is checkin.VerdictKind.ALREADY_CHECKED_IN:
            self.refresh_counts()
            self.search.refresh_results()
        self.take_keyboard()

    def _present(self, verdict: Verdict | DoorVerdict, draw: Callable[[], None],
                 sound: checkin.VerdictKind) -> None:
        """The verdict first, painted at once; its signal and sound; the counts can follow."""
        self.status.clear()
        self.not_recorded.clear()
        draw()
        if self.verdict_panel.isVisible():
            self.verdict_panel.repaint()
        self.verdict_shown.emit(verdict)
        self.sound.play(sound)

    def undo(self, participant_id: int, reason: str) -> None:
        try:
            undone = checkin.undo_check_in(
                self.db, participant_id, reason, desk=self.desk_name, clock=self.clock)
        except Refusal as exc:
            self.search.undo_failed(str(exc))
            return
        self._last_read = None  # the same badge next is a new scan, not a double read
        person = next((p for p in self.search.model.people if p.id == participant_id), None)
        name = person.full_title_name if person is not None else str(participant_id)
        self.search.close_undo()
        self.search.refresh_results()
        self.refresh_counts()
        self._say(self.tr("Check-in of {name} undone: {reason}").format(
            name=name, reason=undone.reason))
        if self.isVisible():  # the undo is done: the next badge must land (the name stays)
            self.scan_field.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- the camera (optional extra) --------------------------------------------------------

    def start_camera(self) -> CameraView | None:
        """Open the camera view; without the camera extra, say how to add it."""
        problem = camera_problem()
        if problem is not None:
            self.messages.inform(self, self.tr("Camera"), problem)
            return None
        if self.camera_view is None:
            view = CameraView(self)
            view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            view.code_read.connect(lambda text: self.scan(text, source="camera"))
            view.destroyed.connect(lambda: setattr(self, "camera_view", None))
            self.camera_view = view
            view.show()
            view.start()
        return self.camera_view

    # --- walk-ins -------------------------------------------------------------------------

    def start_walk_in(self) -> WalkInDialog:
        """Open the new-participant form (not modal to the app: ``open()``)."""
        if self.walk_in_dialog is not None:
            self.walk_in_dialog.raise_()
            return self.walk_in_dialog
        try:
            delegations = list_delegations(self.db)
        except Refusal as exc:
            delegations = []
            self._problem(str(exc))
        dialog = WalkInDialog(self, delegations, self._register_walk_in)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._walk_in_closed)
        self.walk_in_dialog = dialog
        dialog.open()
        return dialog

    def _walk_in_closed(self, _result: int) -> None:
        self.walk_in_dialog = None
        self.take_keyboard()

    def _register_walk_in(self, values: dict[str, Any]) -> str | None:
        try:
            done = walk_in.register_walk_in(self.db, values, desk=self.desk_name, clock=self.clock)
        except Refusal as exc:  # a bad value, or the file refused it: nothing was written
            return str(exc)
        with contextlib.suppress(Refusal):  # the walk-in into the search (or at the next refresh)
            self.search_loading.follow()
        self.show_verdict(done.verdict)
        self.print_badge(done.participant)
        return None

    # --- focus, sound, status ---------------------------------------------------------------

    def desk_idle(self) -> bool:
        """True when nobody is typing anywhere else on the desk."""
        if self.search.busy or self.walk_in_dialog is not None:
            return False
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is not self.window():
            return False
        focus = QApplication.focusWidget()
        if isinstance(focus, QDialog) or (focus is not None and isinstance(focus.window(), QDialog)):
            return False
        return True

    def take_keyboard(self) -> None:
        """After a desk action (a verdict, a check-in from the search, an undo, a walk-in, a
        door switch, the tab shown): the scan field has the keyboard, unless the clerk is
        busy elsewhere (a name in the search box, the undo reason, a dialog)."""
        if self.isVisible() and self.desk_idle():
            self.scan_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def refocus(self) -> None:
        """Something happened that the clerk did not do (the end of the verdict hold, a
        reload after another desk's scan): the scan field takes the keyboard only from
        nothing, or from a widget that is not a place to type."""
        focus = QApplication.focusWidget()
        if focus is not None and focus is not self.scan_field and typing_place(focus):
            return
        self.take_keyboard()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.counts_timer.start()
        self.take_keyboard()

    def hideEvent(self, event) -> None:  # noqa: ANN001, N802
        self.counts_timer.stop()
        super().hideEvent(event)

    def _sound_toggled(self, enabled: bool) -> None:
        self.sound.set_enabled(enabled)
        self.take_keyboard()

    def set_hold_seconds(self, seconds: float) -> None:
        self.verdict_panel.set_hold_seconds(seconds)

    def _say(self, message: str) -> None:
        show_status(self.status, message)

    def _problem(self, message: str) -> None:
        log.warning("desk: %s", message)
        show_status(self.status, message, problem=True)
