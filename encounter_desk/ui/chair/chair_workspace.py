"""The Chair workspace: run a sitting's list of speakers with the clock and the room's screen.

On top (:mod:`~encounter_desk.ui.chair.top_bar`), the session and agenda item and the list's
settings. Left, the list (:mod:`~encounter_desk.ui.chair.list_panel`): add a speaker (name,
delegation or badge; the kind of intervention), the waiting speakers in order (drag or
Alt+Up/Down to reorder, Delete to withdraw). Right, the floor
(:mod:`~encounter_desk.ui.chair.floor_panel`): the clock, the buttons the chair presses
during a speech (each with a key, see :mod:`~encounter_desk.ui.chair.shortcuts`), who speaks
and the secretary's summary line, a live preview of the room's screen, and today's speaking
totals. The parts only hold widgets; this module loads the list and carries out the
chair's actions.

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
from PySide6.QtWidgets import QWidget

from encounter_desk.chair import commands as speakers
from encounter_desk.chair.clock import ClockState, Monotonic, WallClock, alerts
from encounter_desk.chair.queries import ListSnapshot
from encounter_desk.core import i18n
from encounter_desk.core.errors import Refusal
from encounter_desk.event import delegations as delegation_admin
from encounter_desk.event import sittings
from encounter_desk.storage.models import SpeechKind, SpeechState
from encounter_desk.ui.chair import shortcuts
from encounter_desk.ui.chair.floor_panel import FloorPanel
from encounter_desk.ui.chair.floor_state import FloorState
from encounter_desk.ui.chair.help_overlay import HelpOverlay
from encounter_desk.ui.chair.list_panel import ListPanel
from encounter_desk.ui.chair.presence_note import PresenceNote
from encounter_desk.ui.chair.projector import ProjectorWindow
from encounter_desk.ui.chair.request_actions import RequestActions
from encounter_desk.ui.chair.sitting_life_bar import SittingLifeBar
from encounter_desk.ui.chair.sounds import ClockSounds
from encounter_desk.ui.chair.speaker_search import SpeakerSearch
from encounter_desk.ui.chair.times_dialog import TimesChoice, TimesDialog
from encounter_desk.ui.chair.top_bar import ChairTopBar
from encounter_desk.ui.shell import settings
from encounter_desk.ui.widgets.layout import side_by_side, vbox
from encounter_desk.ui.widgets.workspace import AppContext, Workspace

log = logging.getLogger(__name__)

PROJECTOR_LANGUAGE_KEY = "chair/projector_language"
STEP_SECONDS = 30


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
        self.sounds = sounds or ClockSounds()
        saved_language = settings.app_settings().value(PROJECTOR_LANGUAGE_KEY)
        self.floor = FloorState(
            monotonic=monotonic,
            wall=wall or self.db.clock,
            projector_language=(
                saved_language if saved_language in ("es", "en") else i18n.language()),
            parent=self,
        )
        self.sitting_id: int | None = None
        self.item_id: int | None = None
        self._last_reading: ClockState | None = None
        self._last_speech: int | None = None
        self.projector: ProjectorWindow | None = None
        self.times_dialog: TimesDialog | None = None
        self._build()
        self.speaker_search = SpeakerSearch(self.db, self.add_panel, self.messages, self)
        self._connect()
        self.shortcuts = shortcuts.install(self, self._shortcut_handlers())
        self.help = HelpOverlay(self)
        self.retranslate()
        self.refresh()
        self.floor.start_ticking()

    # --- building ------------------------------------------------------------------------

    def _build(self) -> None:
        self.top = ChairTopBar(self.floor.projector_language, self.sounds.enabled)
        self.list_panel = ListPanel()
        self.floor_panel = FloorPanel(self.floor, self.db)
        # The parts the chair's keys, the tests and the screenshots reach directly.
        self.sitting_box, self.item_box = self.top.sitting_box, self.top.item_box
        self.sound_box = self.top.sound_box
        self.add_panel, self.queue = self.list_panel.add_panel, self.list_panel.queue
        self.queue_model = self.list_panel.queue_model
        panel = self.floor_panel
        self.clock_widget, self.current_panel = panel.clock_widget, panel.current_panel
        self.pause_button, self.preview = panel.pause_button, panel.preview
        self.stats, self.attendance_counts = panel.stats, panel.attendance_counts
        self.requests = RequestActions(self.db, self.queue, self.add_panel, self._act, self)
        self.presence = PresenceNote(self.db)
        self.list_panel.layout().insertWidget(1, self.presence)  # under the add field
        self.splitter = side_by_side(self.list_panel, self.floor_panel, (1, 1), (580, 680))
        self.life_bar = SittingLifeBar(self.db, self.messages)  # open, recess, adjourn
        self.life_bar.changed.connect(self.reload)
        vbox(self.top, self.life_bar, (self.splitter, 1), parent=self, margins=6)

    def _connect(self) -> None:
        top, queue, floor = self.top, self.list_panel, self.floor_panel
        top.sitting_box.chosen.connect(self.select)
        top.item_box.activated.connect(lambda _n: self._item_chosen())
        top.closed_toggle.clicked.connect(self.toggle_list_closed)
        top.times_button.clicked.connect(self.open_times)
        top.sound_box.toggled.connect(self.sounds.set_enabled)
        top.only_present.clicked.connect(lambda on: self._act(
            lambda: speakers.set_only_present(self.db, self.sitting_id, self.item_id, on)))
        self.presence.marked.connect(lambda _pid: self.attendance_counts.refresh())
        self.presence.refused.connect(self._warn)
        top.projector_language.activated.connect(lambda _n: self._projector_language_chosen())
        top.projector_button.clicked.connect(self.show_projector)
        top.help_button.clicked.connect(self.toggle_help)
        queue.add_panel.add_requested.connect(self.add_person)
        queue.add_panel.badge_scanned.connect(self.add_badge)
        queue.queue.move_requested.connect(self.move_speaker)
        queue.queue.withdraw_requested.connect(self.withdraw)
        queue.queue.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        queue.up_button.clicked.connect(lambda: self._move_selected(-1))
        queue.down_button.clicked.connect(lambda: self._move_selected(+1))
        queue.withdraw_button.clicked.connect(self._withdraw_selected)
        queue.readd_button.clicked.connect(self.readd_last)
        queue.give_floor_button.clicked.connect(self.give_floor_to_selected)
        floor.next_button.clicked.connect(self.next_speaker)
        floor.pause_button.clicked.connect(self.toggle_pause)
        floor.end_button.clicked.connect(self.end_speech)
        floor.add_time_button.clicked.connect(lambda: self.add_time(STEP_SECONDS))
        floor.remove_time_button.clicked.connect(lambda: self.add_time(-STEP_SECONDS))
        floor.current_panel.language_chosen.connect(self.set_language)
        floor.current_panel.summary_saved.connect(self.set_summary)
        floor.current_panel.reason_requested.connect(self.requests.edit_reason)
        self.floor.ticked.connect(self._on_tick)

    def _shortcut_handlers(self) -> dict[str, Callable[[], None]]:
        return {
            "next": self.next_speaker,
            "pause": self.toggle_pause,
            "add_time": lambda: self.add_time(STEP_SECONDS),
            "remove_time": lambda: self.add_time(-STEP_SECONDS),
            "end": self.end_speech,
            "point_of_order": lambda: self.prepare(SpeechKind.POINT_OF_ORDER),
            "point_reason": self.current_panel.reason_button.click,
            "right_of_reply": lambda: self.prepare(SpeechKind.RIGHT_OF_REPLY),
            "question": lambda: self.prepare(SpeechKind.QUESTION),
            "find": lambda: self.prepare(SpeechKind.STATEMENT),
            "readd": self.readd_last,
            "undo_withdraw": self.requests.undo_withdraw,
            "mark_present": self.presence.mark_present,
            "give_floor": self.give_floor_to_selected,
            "toggle_list": self.toggle_list_closed,
            "times": self.open_times,
            "queue": self.queue.setFocus,
            "open_sitting": lambda: self.life_bar.open_sitting(),
            "suspend_sitting": lambda: self.life_bar.suspend(),
            "resume_sitting": lambda: self.life_bar.resume(),
            "adjourn_sitting": lambda: self.life_bar.adjourn(),
            "projector": self.show_projector,
            "projector_off": self.close_projector,
            "help": self.toggle_help,
        }

    # --- texts ---------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Chair")

    def retranslate(self) -> None:
        self.top.retranslate()
        self.list_panel.retranslate()
        self.floor_panel.retranslate()
        self.presence.retranslate()
        self.help.retranslate()
        if self.sitting_box.rows:
            self.sitting_box.show_sittings(self.sitting_id)
            self._fill_items()
        self._update_buttons()

    # --- loading -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Sessions, delegations and the list read again; the search takes only who changed."""
        try:
            rows = sittings.list_sittings(self.db)
            delegations = delegation_admin.list_delegations(self.db)
            self.speaker_search.follow()  # only the people changed since the last look
        except Refusal as exc:
            self._warn(exc)
            return
        self.sitting_box.set_rows(rows)
        self.delegations = delegations
        self.add_panel.set_delegations(delegations)
        if self.sitting_id not in self.sitting_box.rows:
            self.sitting_id = self._first_sitting()
            self.item_id = None
        self.sitting_box.show_sittings(self.sitting_id)
        self._fill_items()
        self.attendance_counts.set_sitting(self.sitting_id)
        self.reload()

    def _first_sitting(self) -> int | None:
        """The sitting with a speech on the floor (a restart), else the last one chosen."""
        for sitting_id in self.sitting_box.rows:
            try:
                if speakers.current_speech(self.db, sitting_id) is not None:
                    return sitting_id
            except Refusal:
                continue
        return self.sitting_box.saved()

    def _fill_items(self) -> None:
        self.item_box.clear()
        if self.sitting_id is None:
            return
        try:
            items = sittings.list_agenda_items(self.db, self.sitting_id)
        except Refusal as exc:
            self._warn(exc)
            items = []
        ids = self.top.show_items(items)
        if self.item_id not in ids:
            self.item_id = self._item_on_floor(ids) or ids[0]
        self.item_box.setCurrentIndex(ids.index(self.item_id))

    def _item_on_floor(self, ids: list[Any]) -> int | None:
        if self.sitting_id is None:
            return None
        try:
            current = speakers.current_speech(self.db, self.sitting_id)
        except Refusal:
            return None
        if current is not None and current.entry.agenda_item_id in ids:
            return current.entry.agenda_item_id
        return None

    def select(self, sitting_id: int, item_id: int | None = None) -> None:
        """Show the list of ``sitting_id`` (and agenda item ``item_id``, default the first)."""
        self.sitting_id = sitting_id
        self.item_id = item_id
        self.sitting_box.show_sittings(sitting_id)
        self._fill_items()
        self.attendance_counts.set_sitting(sitting_id)
        self.life_bar.set_sitting(sitting_id)
        self.reload()

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
        except Refusal as exc:
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
        self._update_buttons()

    def _show_stats(self) -> None:
        row = self.sitting_box.row()
        if row is None:
            return
        try:
            self.stats.show_stats(speakers.speaking_stats(self.db, row.date))
        except Refusal as exc:
            log.warning("speaking totals unavailable: %s", exc)

    def _update_buttons(self) -> None:
        """What the chair can press now, and the texts that say the list's state."""
        snapshot = self.floor.snapshot
        self.top.show_list(snapshot)
        self.list_panel.show_count(snapshot)
        self.list_panel.enable_for_selection()
        self.floor_panel.show_floor(snapshot)

    # --- the clock's tick ----------------------------------------------------------------

    def _on_tick(self) -> None:
        reading = self.floor.clock.state()
        self.sounds.play(alerts(self._last_reading, reading))
        self._last_reading = reading
        if self.floor.snapshot is not None and self.floor.snapshot.current is not None:
            self.current_panel.show_budget(self.floor.clock.elapsed())

    # --- actions -------------------------------------------------------------------------

    def _warn(self, exc: Refusal) -> None:
        log.info("chair action refused: %s", exc)
        self.messages.warn(self, self.tr("Chair"), str(exc))

    def _act(self, action: Callable[[], Any]) -> Any:
        """Run one service call; say why when it is refused; show the list as it is now."""
        try:
            result = action()
        except Refusal as exc:
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
        request = self.add_panel.request()  # the kind, the speech answered, the reason

        def add() -> Any:
            entry = speakers.add_speaker(
                self.db, self.sitting_id, self.item_id, participant_id, **request)
            current = self.floor.snapshot.current if self.floor.snapshot else None
            if (request["kind"] == SpeechKind.POINT_OF_ORDER and current is not None
                    and current.entry.kind != SpeechKind.POINT_OF_ORDER
                    and current.entry.state == SpeechState.SPEAKING):
                # A point of order is heard at once: the speaker's clock pauses meanwhile.
                speakers.start_speech(self.db, entry.id)
            return entry

        if self._act(add) is not None:
            self.add_panel.reset_after_add()
            person = self.add_panel.person(participant_id)
            self.presence.check(self.sitting_id, participant_id,
                                person.display_name if person else "")

    def add_badge(self, raw: str) -> None:
        try:
            participant_id = speakers.participant_from_badge(self.db, raw)
        except Refusal as exc:
            self._warn(exc)
            return
        self.add_person(participant_id)

    def take_scan(self, raw: str, _scan_uid: str) -> bool:
        """A scanner's burst wherever the keyboard was in the chair: find the speaker and
        add them, as Ctrl+F and a scan do."""
        self.add_badge(raw)
        return True

    def withdraw(self, speech_id: int) -> None:
        self.requests.withdraw(speech_id)

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
        row = self.sitting_box.row()
        if snapshot is None or row is None:
            return
        dialog = TimesDialog(
            snapshot.settings, row.default_speaking_seconds, self.delegations,
            snapshot.budgets, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.apply_times(dialog.values()))
        self.times_dialog = dialog
        dialog.open()

    def apply_times(self, choice: TimesChoice) -> None:
        self._act(lambda: choice.apply(self.db, self.sitting_id, self.item_id))

    # --- the room's screen, sounds, help -------------------------------------------------

    def show_projector(self) -> ProjectorWindow:
        if self.projector is None:
            self.projector = ProjectorWindow(self.floor, self)
        self.projector.show_on_room_screen()
        return self.projector

    def close_projector(self) -> None:
        if self.projector is not None:
            self.projector.close_room_screen()

    def _projector_language_chosen(self) -> None:
        language = self.top.projector_language.currentData()
        self.floor.set_projector_language(language)
        settings.remember(PROJECTOR_LANGUAGE_KEY, language)

    def toggle_help(self) -> None:
        self.help.toggle()
