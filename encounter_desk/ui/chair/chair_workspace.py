"""The Chair workspace: run a sitting's list of speakers with the clock and the room's screen.

Left, the list: add a speaker (name, delegation or badge; the kind of intervention), the
waiting speakers in order (drag or Alt+Up/Down to reorder, Delete to withdraw). Right, the
floor: the clock, the buttons the chair presses during a speech (each with a key, see
:mod:`~encounter_desk.ui.chair.shortcuts`), who speaks and the secretary's summary line,
a live preview of the room's screen, and today's speaking totals.

Every action is one service call (:mod:`encounter_desk.chair.commands`) followed by a fresh
snapshot handed to the shared :class:`~encounter_desk.ui.chair.floor_state.FloorState`;
a refused action is explained through the message bridge and changes nothing. Opening a
sitting reads the speech on the floor from the database, so after a crash or a restart
the clock resumes with the time really spoken.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from encounter_desk.chair import commands as speakers
from encounter_desk.chair.clock import ClockState, Monotonic, WallClock, alerts
from encounter_desk.chair.queries import ListSnapshot
from encounter_desk.core import i18n
from encounter_desk.core.errors import Refusal
from encounter_desk.event import delegations as delegation_admin
from encounter_desk.event import participants, sittings
from encounter_desk.event.people_search import SearchIndex
from encounter_desk.storage.database import DatabaseError
from encounter_desk.storage.models import SpeechKind, SpeechState
from encounter_desk.ui.chair import shortcuts
from encounter_desk.ui.chair.add_speaker_panel import AddSpeakerPanel
from encounter_desk.ui.chair.clock_widget import ClockWidget
from encounter_desk.ui.chair.current_speech_panel import CurrentSpeechPanel
from encounter_desk.ui.chair.floor_state import FloorState
from encounter_desk.ui.chair.help_overlay import HelpOverlay
from encounter_desk.ui.chair.projector import ProjectorView, ProjectorWindow
from encounter_desk.ui.chair.queue_model import QueueModel
from encounter_desk.ui.chair.queue_view import QueueView
from encounter_desk.ui.chair.sitting_life_bar import SittingLifeBar
from encounter_desk.ui.chair.sounds import ClockSounds, save_sound_enabled, sound_enabled_setting
from encounter_desk.ui.chair.stats_panel import StatsPanel
from encounter_desk.ui.chair.times_dialog import TimesDialog
from encounter_desk.ui.records.counts_widget import AttendanceCountsWidget
from encounter_desk.ui.shell.settings import app_settings
from encounter_desk.ui.widgets.sitting_choice import fill_sitting_box, saved_sitting
from encounter_desk.ui.widgets.workspace import AppContext, Workspace

log = logging.getLogger(__name__)

SITTING_KEY = "chair/sitting"
PROJECTOR_LANGUAGE_KEY = "chair/projector_language"
STEP_SECONDS = 30
_FAILURES = (Refusal, ValueError, DatabaseError, SQLAlchemyError)


class ChairWorkspace(Workspace):
    KEY = "chair"

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        monotonic: Monotonic = time.monotonic,
        wall: WallClock | None = None,
        sounds: ClockSounds | None = None,
    ) -> None:
        """``monotonic`` and ``wall`` drive the clock (tests inject fake ones); the wall
        clock defaults to the event file's own clock (``db.clock``)."""
        super().__init__(context, parent)
        self.setObjectName("chairWorkspace")
        self.db = context.db
        self.messages = context.messages
        self.sounds = sounds or ClockSounds(enabled=sound_enabled_setting())
        saved_language = app_settings().value(PROJECTOR_LANGUAGE_KEY)
        self.floor = FloorState(
            monotonic=monotonic,
            wall=wall or self.db.clock,
            projector_language=(
                saved_language if saved_language in ("es", "en") else i18n.language()),
            parent=self,
        )
        self.sitting_id: int | None = None
        self.item_id: int | None = None
        self.sitting_rows: dict[int, sittings.SittingRow] = {}
        self._last_reading: ClockState | None = None
        self._last_speech: int | None = None
        self.projector: ProjectorWindow | None = None
        self.times_dialog: TimesDialog | None = None
        self._build()
        self._connect()
        self.shortcuts = shortcuts.install(self, self._shortcut_handlers())
        self.help = HelpOverlay(self)
        self.retranslate()
        self.refresh()
        self.floor.start_ticking()

    # --- building ------------------------------------------------------------------------

    def _button(self, name: str) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        return button

    def _build(self) -> None:
        # top bar
        self.sitting_label = QLabel()
        self.sitting_box = QComboBox()
        self.sitting_box.setObjectName("sittingSelector")
        self.sitting_box.setMinimumContentsLength(18)
        self.sitting_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.item_label = QLabel()
        self.item_box = QComboBox()
        self.item_box.setObjectName("agendaItemSelector")
        self.item_box.setMinimumContentsLength(18)
        self.item_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.closed_toggle = self._button("listClosedToggle")
        self.closed_toggle.setCheckable(True)
        self.times_button = self._button("timesButton")
        self.sound_box = QCheckBox()
        self.sound_box.setObjectName("chairSound")
        self.sound_box.setChecked(self.sounds.enabled)
        self.projector_language_label = QLabel()
        self.projector_language = QComboBox()
        self.projector_language.setObjectName("projectorLanguage")
        self.projector_language.addItem("Español", "es")
        self.projector_language.addItem("English", "en")
        self.projector_language.setCurrentIndex(
            self.projector_language.findData(self.floor.projector_language))
        self.projector_button = self._button("showProjectorButton")
        self.help_button = self._button("helpButton")
        self.help_button.setText("?")
        self.help_button.setFixedWidth(36)
        top = QHBoxLayout()
        for widget in (self.sitting_label, self.sitting_box, self.item_label):
            top.addWidget(widget)
        top.addWidget(self.item_box, 1)
        for widget in (self.closed_toggle, self.times_button, self.sound_box,
                       self.projector_language_label, self.projector_language,
                       self.projector_button, self.help_button):
            top.addWidget(widget)

        # left: adding and the queue
        self.add_panel = AddSpeakerPanel()
        self.queue_model = QueueModel(self)
        self.queue = QueueView(self.queue_model)
        self.queue_heading = QLabel()
        font = self.queue_heading.font()
        font.setBold(True)
        self.queue_heading.setFont(font)
        self.up_button = self._button("moveUpButton")
        self.down_button = self._button("moveDownButton")
        self.withdraw_button = self._button("withdrawButton")
        self.readd_button = self._button("readdButton")
        self.give_floor_button = self._button("giveFloorButton")
        queue_buttons = QHBoxLayout()
        for widget in (self.up_button, self.down_button, self.withdraw_button,
                       self.readd_button, self.give_floor_button):
            queue_buttons.addWidget(widget)
        queue_buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.add_panel)
        left_layout.addWidget(self.queue_heading)
        left_layout.addWidget(self.queue, 1)
        left_layout.addLayout(queue_buttons)

        # right: the floor
        self.clock_widget = ClockWidget(self.floor)
        self.clock_widget.setMinimumHeight(150)
        self.next_button = self._button("nextSpeakerButton")
        self.next_button.setMinimumHeight(44)
        bold = self.next_button.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        self.next_button.setFont(bold)
        self.pause_button = self._button("pauseButton")
        self.end_button = self._button("endSpeechButton")
        self.add_time_button = self._button("addTimeButton")
        self.remove_time_button = self._button("removeTimeButton")
        controls = QVBoxLayout()
        controls.addWidget(self.next_button)
        controls.addWidget(self.pause_button)
        time_row = QHBoxLayout()
        time_row.addWidget(self.remove_time_button)
        time_row.addWidget(self.add_time_button)
        controls.addLayout(time_row)
        controls.addWidget(self.end_button)
        controls.addStretch(1)
        clock_row = QHBoxLayout()
        clock_row.addWidget(self.clock_widget, 3)
        clock_row.addLayout(controls, 2)

        self.current_panel = CurrentSpeechPanel()
        self.preview_box = QGroupBox()
        self.preview = ProjectorView(
            self.floor, letterbox=self.palette().window().color().name())
        self.preview.setObjectName("projectorPreview")
        self.preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        preview_layout = QVBoxLayout(self.preview_box)
        preview_layout.setContentsMargins(4, 4, 4, 4)
        preview_layout.addWidget(self.preview)
        self.stats = StatsPanel()
        self.attendance_counts = AttendanceCountsWidget(self.db)  # live attendance, quorum
        self.stats.addTab(self.attendance_counts, "")
        bottom = QHBoxLayout()
        bottom.addWidget(self.preview_box, 3)
        bottom.addWidget(self.stats, 2)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(clock_row)
        right_layout.addWidget(self.current_panel)
        right_layout.addLayout(bottom, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setSizes([540, 720])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        self.life_bar = SittingLifeBar(self.db, self.messages)  # open, recess, adjourn
        self.life_bar.changed.connect(self.reload)
        layout.addWidget(self.life_bar)
        layout.addWidget(self.splitter, 1)

    def _connect(self) -> None:
        self.sitting_box.activated.connect(lambda _n: self._sitting_chosen())
        self.item_box.activated.connect(lambda _n: self._item_chosen())
        self.closed_toggle.clicked.connect(self.toggle_list_closed)
        self.times_button.clicked.connect(self.open_times)
        self.sound_box.toggled.connect(self._sound_toggled)
        self.projector_language.activated.connect(lambda _n: self._projector_language_chosen())
        self.projector_button.clicked.connect(self.show_projector)
        self.help_button.clicked.connect(self.toggle_help)
        self.add_panel.add_requested.connect(self.add_person)
        self.add_panel.badge_scanned.connect(self.add_badge)
        self.queue.move_requested.connect(self.move_speaker)
        self.queue.withdraw_requested.connect(self.withdraw)
        self.queue.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.up_button.clicked.connect(lambda: self._move_selected(-1))
        self.down_button.clicked.connect(lambda: self._move_selected(+1))
        self.withdraw_button.clicked.connect(self._withdraw_selected)
        self.readd_button.clicked.connect(self.readd_last)
        self.give_floor_button.clicked.connect(self.give_floor_to_selected)
        self.next_button.clicked.connect(self.next_speaker)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.end_button.clicked.connect(self.end_speech)
        self.add_time_button.clicked.connect(lambda: self.add_time(STEP_SECONDS))
        self.remove_time_button.clicked.connect(lambda: self.add_time(-STEP_SECONDS))
        self.current_panel.language_chosen.connect(self.set_language)
        self.current_panel.summary_saved.connect(self.set_summary)
        self.floor.ticked.connect(self._on_tick)

    def _shortcut_handlers(self) -> dict[str, Callable[[], None]]:
        return {
            "next": self.next_speaker,
            "pause": self.toggle_pause,
            "add_time": lambda: self.add_time(STEP_SECONDS),
            "remove_time": lambda: self.add_time(-STEP_SECONDS),
            "end": self.end_speech,
            "point_of_order": lambda: self.prepare(SpeechKind.POINT_OF_ORDER),
            "right_of_reply": lambda: self.prepare(SpeechKind.RIGHT_OF_REPLY),
            "question": lambda: self.prepare(SpeechKind.QUESTION),
            "find": lambda: self.prepare(SpeechKind.STATEMENT),
            "readd": self.readd_last,
            "queue": self.queue.setFocus,
            "open_sitting": lambda: self.life_bar.open_sitting(),
            "suspend_sitting": lambda: self.life_bar.suspend(),
            "resume_sitting": lambda: self.life_bar.resume(),
            "adjourn_sitting": lambda: self.life_bar.adjourn(),
            "projector": self.show_projector,
            "help": self.toggle_help,
        }

    # --- texts ---------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Chair")

    def retranslate(self) -> None:
        self.sitting_label.setText(self.tr("Session"))
        self.item_label.setText(self.tr("Item"))
        self.times_button.setText(self.tr("Speaking times…"))
        self.sound_box.setText(self.tr("Sounds"))
        self.sound_box.setToolTip(self.tr("A chime at the warning, a double beep at zero"))
        self.projector_language_label.setText(self.tr("Projector language"))
        self.projector_button.setText(self.tr("Room screen"))
        self.help_button.setToolTip(self.tr("Keyboard shortcuts (F1)"))
        self.up_button.setText(self.tr("Up"))
        self.down_button.setText(self.tr("Down"))
        self.withdraw_button.setText(self.tr("Withdraw"))
        self.readd_button.setText(self.tr("Re-add last"))
        self.give_floor_button.setText(self.tr("Give the floor"))
        self.give_floor_button.setToolTip(
            self.tr("Give the floor to the selected speaker, out of turn"))
        self.next_button.setText(self.tr("Next speaker  (F5)"))
        self.end_button.setText(self.tr("End speech  (F8)"))
        self.add_time_button.setText(self.tr("+30 s  (F7)"))
        self.remove_time_button.setText(self.tr("−30 s"))
        self.preview_box.setTitle(self.tr("Room screen (what the projector shows)"))
        self.add_panel.retranslate()
        self.current_panel.retranslate()
        self.stats.retranslate()
        self.stats.setTabText(self.stats.indexOf(self.attendance_counts), self.tr("Attendance"))
        self.help.retranslate()
        if self.sitting_rows:
            self._fill_sittings()
            self._fill_items()
        self._update_texts()

    def _update_texts(self) -> None:
        snapshot = self.floor.snapshot
        waiting = len(snapshot.waiting) if snapshot is not None else 0
        self.queue_heading.setText(self.tr("Waiting to speak: {count}").format(count=waiting))
        closed = snapshot is not None and snapshot.closed
        self.closed_toggle.setChecked(closed)
        self.closed_toggle.setText(
            self.tr("List closed") if closed else self.tr("List open"))
        self.closed_toggle.setToolTip(
            self.tr("Reopen the list to new statements") if closed
            else self.tr("Close the list to new statements"))
        paused = snapshot is not None and snapshot.current is not None and snapshot.current.paused
        self.pause_button.setText(self.tr("Resume  (F6)") if paused else self.tr("Pause  (F6)"))

    # --- loading -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read everything again: sessions, people, and the list on screen."""
        try:
            rows = sittings.list_sittings(self.db)
            people = participants.list_participants(self.db)
            delegations = delegation_admin.list_delegations(self.db)
            index = SearchIndex.load(self.db)
        except _FAILURES as exc:
            self._warn(exc)
            return
        self.sitting_rows = {row.id: row for row in rows}
        self.delegations = delegations
        self.add_panel.set_people(index, people, delegations)
        if self.sitting_id not in self.sitting_rows:
            self.sitting_id = self._first_sitting()
            self.item_id = None
        self._fill_sittings()
        self._fill_items()
        self.attendance_counts.set_sitting(self.sitting_id)
        self.reload()

    def _first_sitting(self) -> int | None:
        """The sitting with a speech on the floor (a restart), else the last one chosen."""
        for sitting_id in self.sitting_rows:
            try:
                if speakers.current_speech(self.db, sitting_id) is not None:
                    return sitting_id
            except _FAILURES:
                continue
        return saved_sitting(SITTING_KEY, self.sitting_rows)

    def _fill_sittings(self) -> None:
        fill_sitting_box(self.sitting_box, self.sitting_rows, self.sitting_id)

    def _fill_items(self) -> None:
        self.item_box.clear()
        if self.sitting_id is None:
            return
        try:
            items = sittings.list_agenda_items(self.db, self.sitting_id)
        except _FAILURES as exc:
            self._warn(exc)
            items = []
        lang = i18n.language()
        for item in items:
            self.item_box.addItem(
                self.tr("{number}. {title}").format(number=item.number, title=item.title(lang)),
                item.id)
        if not items:
            self.item_box.addItem(self.tr("The session (no agenda items)"), None)
        ids = [self.item_box.itemData(n) for n in range(self.item_box.count())]
        if self.item_id not in ids:
            self.item_id = self._item_on_floor(ids) or ids[0]
        self.item_box.setCurrentIndex(ids.index(self.item_id))

    def _item_on_floor(self, ids: list[Any]) -> int | None:
        if self.sitting_id is None:
            return None
        try:
            current = speakers.current_speech(self.db, self.sitting_id)
        except _FAILURES:
            return None
        if current is not None and current.entry.agenda_item_id in ids:
            return current.entry.agenda_item_id
        return None

    def select(self, sitting_id: int, item_id: int | None = None) -> None:
        """Show the list of ``sitting_id`` (and agenda item ``item_id``, default the first)."""
        self.sitting_id = sitting_id
        self.item_id = item_id
        self._fill_sittings()
        self._fill_items()
        self.attendance_counts.set_sitting(sitting_id)
        self.life_bar.set_sitting(sitting_id)
        self.reload()

    def _sitting_chosen(self) -> None:
        sitting_id = self.sitting_box.currentData()
        if sitting_id is None or sitting_id == self.sitting_id:
            return
        settings = app_settings()
        settings.setValue(SITTING_KEY, sitting_id)
        settings.sync()
        self.select(sitting_id)

    def _item_chosen(self) -> None:
        self.item_id = self.item_box.currentData()
        self.reload()

    def reload(self) -> None:
        """Read the list on screen again and show it everywhere (chair, preview, room)."""
        if self.sitting_id is None:
            self.floor.show(None)
            self._show(None)
            return
        try:
            snapshot = speakers.list_snapshot(self.db, self.sitting_id, self.item_id)
        except _FAILURES as exc:
            self._warn(exc)
            return
        self.floor.show(snapshot)
        self._show(snapshot)

    def _show(self, snapshot: ListSnapshot | None) -> None:
        selected = self.queue.selected_id()
        self.queue_model.set_entries(snapshot.waiting if snapshot is not None else [])
        self.queue.select_speech(selected)
        current = snapshot.current if snapshot is not None else None
        last = snapshot.done[-1] if snapshot is not None and snapshot.done else None
        self.current_panel.show_speech(current, last)
        if snapshot is not None:
            answerable = list(reversed(snapshot.done))
            if current is not None and current.entry.kind != SpeechKind.POINT_OF_ORDER:
                answerable.insert(0, current.entry)
            answerable = [e for e in answerable if e.kind != SpeechKind.POINT_OF_ORDER]
            self.add_panel.set_answerable(answerable)
        speech_id = current.entry.id if current is not None else None
        if speech_id != self._last_speech:
            self._last_speech = speech_id
            self._last_reading = None
        self._show_stats()
        self._update_texts()
        self._update_buttons()

    def _show_stats(self) -> None:
        row = self.sitting_rows.get(self.sitting_id) if self.sitting_id is not None else None
        if row is None:
            return
        try:
            self.stats.show_stats(speakers.speaking_stats(self.db, row.date))
        except _FAILURES as exc:
            log.warning("speaking totals unavailable: %s", exc)

    def _update_buttons(self) -> None:
        snapshot = self.floor.snapshot
        current = snapshot.current if snapshot is not None else None
        waiting = bool(snapshot and snapshot.waiting)
        hands_back = current is not None and current.interrupted is not None
        self.next_button.setEnabled(waiting or hands_back)
        for button in (self.pause_button, self.end_button, self.add_time_button,
                       self.remove_time_button):
            button.setEnabled(current is not None)
        selected = self.queue.selected_id() is not None
        for button in (self.up_button, self.down_button, self.withdraw_button,
                       self.give_floor_button):
            button.setEnabled(selected)
        self.closed_toggle.setEnabled(snapshot is not None)
        self.times_button.setEnabled(snapshot is not None)

    # --- the clock's tick ----------------------------------------------------------------

    def _on_tick(self) -> None:
        reading = self.floor.clock.state()
        self.sounds.play(alerts(self._last_reading, reading))
        self._last_reading = reading
        if self.floor.snapshot is not None and self.floor.snapshot.current is not None:
            self.current_panel.show_budget(self.floor.clock.elapsed())

    # --- actions -------------------------------------------------------------------------

    def _warn(self, exc: Exception) -> None:
        log.info("chair action refused: %s", exc)
        self.messages.warn(self, self.tr("Chair"), str(exc))

    def _act(self, action: Callable[[], Any]) -> Any:
        """Run one service call; say why when it is refused; show the list as it is now."""
        try:
            result = action()
        except _FAILURES as exc:
            self._warn(exc)
            result = None
        self.reload()
        return result

    def _ready(self) -> bool:
        return self.sitting_id is not None and self.floor.snapshot is not None

    def _when_open(self, action: Callable[[], Any]) -> None:
        """Run ``action`` in an open sitting; outside one, ask first."""
        if self.life_bar.is_open():
            self._act(action)
            return
        self.messages.ask(self, self.tr("Chair"), self.tr(
            "The session is not open. Give the floor anyway?"),
            lambda: self._act(action), self.tr("Give the floor"))

    def next_speaker(self) -> None:
        if self._ready():
            self._when_open(lambda: speakers.start_next(self.db, self.sitting_id, self.item_id))

    def give_floor_to_selected(self) -> None:
        speech_id = self.queue.selected_id()
        if speech_id is not None:
            self._when_open(lambda: speakers.start_speech(self.db, speech_id))

    def toggle_pause(self) -> None:
        if self._ready():
            self._act(lambda: speakers.toggle_pause(self.db, self.sitting_id))

    def end_speech(self) -> None:
        if self._ready():
            self._act(lambda: speakers.end_current(self.db, self.sitting_id))

    def add_time(self, seconds: int) -> None:
        if self._ready():
            self._act(lambda: speakers.add_time(self.db, self.sitting_id, seconds))

    def prepare(self, kind: SpeechKind) -> None:
        """Get the add field ready for ``kind`` (the shortcuts for points of order etc.)."""
        self.add_panel.focus_for(kind)

    def add_person(self, participant_id: int) -> None:
        if not self._ready():
            return
        kind = self.add_panel.kind()
        replies_to = self.add_panel.replies_to()

        def add() -> Any:
            entry = speakers.add_speaker(
                self.db, self.sitting_id, self.item_id, participant_id, kind=kind,
                replies_to_id=replies_to)
            current = self.floor.snapshot.current if self.floor.snapshot else None
            if (kind == SpeechKind.POINT_OF_ORDER and current is not None
                    and current.entry.kind != SpeechKind.POINT_OF_ORDER
                    and current.entry.state == SpeechState.SPEAKING):
                # A point of order is heard at once: the speaker's clock pauses meanwhile.
                speakers.start_speech(self.db, entry.id)
            return entry

        if self._act(add) is not None:
            self.add_panel.reset_after_add()

    def add_badge(self, raw: str) -> None:
        try:
            participant_id = speakers.participant_from_badge(self.db, raw)
        except _FAILURES as exc:
            self._warn(exc)
            return
        self.add_person(participant_id)

    def withdraw(self, speech_id: int) -> None:
        self._act(lambda: speakers.withdraw(self.db, speech_id))

    def _withdraw_selected(self) -> None:
        speech_id = self.queue.selected_id()
        if speech_id is not None:
            self.withdraw(speech_id)

    def move_speaker(self, speech_id: int, index: int) -> None:
        self._act(lambda: speakers.move_to(self.db, speech_id, index))
        self.queue.select_speech(speech_id)

    def _move_selected(self, step: int) -> None:
        speech_id = self.queue.selected_id()
        if speech_id is None:
            return
        row = self.queue_model.row_of(speech_id) + step
        if 0 <= row < self.queue_model.rowCount():
            self.move_speaker(speech_id, row)

    def readd_last(self) -> None:
        if self._ready():
            self._act(lambda: speakers.readd_last(self.db, self.sitting_id, self.item_id))

    def toggle_list_closed(self) -> None:
        snapshot = self.floor.snapshot
        if snapshot is None:
            return
        if snapshot.closed:
            self._act(lambda: speakers.reopen_list(self.db, self.sitting_id, self.item_id))
        else:
            self._act(lambda: speakers.close_list(self.db, self.sitting_id, self.item_id))

    def set_language(self, speech_id: int, language: str) -> None:
        self._act(lambda: speakers.set_language(self.db, speech_id, language))

    def set_summary(self, speech_id: int, summary: str) -> None:
        saved = self._act(lambda: speakers.set_summary(self.db, speech_id, summary))
        panel = self.current_panel
        if saved is not None and panel.entry is not None and panel.entry.id == speech_id:
            panel.summary.setText(saved.summary)  # as kept: spaces tidied

    def open_times(self) -> None:
        snapshot = self.floor.snapshot
        row = self.sitting_rows.get(self.sitting_id) if self.sitting_id is not None else None
        if snapshot is None or row is None:
            return
        dialog = TimesDialog(
            snapshot.settings, row.default_speaking_seconds, self.delegations,
            snapshot.budgets, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.apply_times(dialog.values()))
        self.times_dialog = dialog
        dialog.open()

    def apply_times(self, choice) -> None:  # noqa: ANN001 - a TimesChoice
        limits = choice.limits

        def apply() -> None:
            speakers.set_list_times(
                self.db, self.sitting_id, self.item_id,
                statement=None if choice.statement_from_sitting else limits[SpeechKind.STATEMENT],
                reply=limits[SpeechKind.RIGHT_OF_REPLY],
                question=limits[SpeechKind.QUESTION],
                point_of_order=limits[SpeechKind.POINT_OF_ORDER],
            )
            for delegation_id, seconds in choice.budgets.items():
                speakers.set_budget(self.db, self.sitting_id, self.item_id, delegation_id, seconds)

        self._act(apply)

    # --- the room's screen, sounds, help -------------------------------------------------

    def show_projector(self) -> ProjectorWindow:
        if self.projector is None:
            self.projector = ProjectorWindow(self.floor, self)
        self.projector.show_on_room_screen()
        return self.projector

    def _projector_language_chosen(self) -> None:
        language = self.projector_language.currentData()
        self.floor.set_projector_language(language)
        settings = app_settings()
        settings.setValue(PROJECTOR_LANGUAGE_KEY, language)
        settings.sync()

    def _sound_toggled(self, on: bool) -> None:
        self.sounds.enabled = on
        save_sound_enabled(on)

    def toggle_help(self) -> None:
        self.help.toggle()
