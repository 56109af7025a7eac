"""What the chair's window and the room's screen share: one list, one clock, one tick.

A :class:`FloorState` holds the :class:`~encounter_desk.chair.queries.ListSnapshot` of
the list the chair is running and the one :class:`~encounter_desk.chair.clock.SpeechClock` of
the speech on the floor. Every face (the chair's clock, the projector, its preview in the
chair's window) reads these same two objects, so they cannot disagree: the projector shows
the same speaker, the same next speakers and the same second as the chair.

The tick (:attr:`FloorState.ticked`, ten times a second) only asks the faces to repaint;
what they draw is read from the clock, which computes the time from its monotonic source.
A late or missed tick changes nothing but when the next repaint happens. Tests call
:meth:`FloorState.tick` after moving their fake clocks instead of waiting for the timer.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from encounter_desk.chair.clock import Monotonic, SpeechClock, WallClock
from encounter_desk.chair.queries import ListSnapshot
from encounter_desk.core.config import LANGUAGES

TICK_MS = 100


class FloorState(QObject):
    changed = Signal()
    """A new snapshot: another speaker, another order, another list."""
    ticked = Signal()
    """Time to repaint the faces (the time itself comes from the clock)."""
    projector_language_changed = Signal(str)

    def __init__(
        self,
        *,
        monotonic: Monotonic = time.monotonic,
        wall: WallClock | None = None,
        projector_language: str = "es",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        kwargs: dict[str, Callable] = {"monotonic": monotonic}
        if wall is not None:
            kwargs["wall"] = wall
        self.clock = SpeechClock(**kwargs)
        self.snapshot: ListSnapshot | None = None
        self.projector_language = projector_language
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)

    def start_ticking(self) -> None:
        self.timer.start()

    def stop_ticking(self) -> None:
        self.timer.stop()

    def tick(self) -> None:
        self.ticked.emit()

    def show(self, snapshot: ListSnapshot | None) -> None:
        """Show ``snapshot``; the clock follows its speech on the floor without jumping."""
        self.snapshot = snapshot
        current = snapshot.current if snapshot is not None else None
        if current is not None:
            self.clock.warning_seconds = current.warning_seconds
            self.clock.follow(current.timing, speech_id=current.entry.id)
        else:
            if snapshot is not None:
                self.clock.warning_seconds = snapshot.settings.warning_seconds
            waiting = snapshot.waiting if snapshot is not None else []
            # Nobody on the floor: the face shows the next speaker's time, ready to start.
            self.clock.reset(waiting[0].limit_seconds if waiting else None)
        self.changed.emit()

    def set_projector_language(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(language)
        if language != self.projector_language:
            self.projector_language = language
            self.projector_language_changed.emit(language)
            self.changed.emit()
