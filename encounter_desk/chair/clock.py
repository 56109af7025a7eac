"""The speech clock: pure arithmetic over injected time sources, never a count of ticks.

Two clocks, each used for what it is good at
--------------------------------------------
* **The wall clock** (UTC ``datetime``, default :func:`encounter_desk.storage.models.utcnow`) is
  what the *record* keeps. The services store a speech's real start, the start of the
  current pause, the seconds already spent paused, and its end as wall-clock moments
  (:class:`SpeechTiming`). Those moments are what the minutes print and what a restart
  reads: after a crash, ``elapsed = now_wall - started_at - paused_seconds`` (minus the
  pause still running, if any) — see :meth:`SpeechTiming.elapsed_at`.
* **The monotonic clock** (seconds as ``float``, default :func:`time.monotonic`) is what the
  *display* runs on. Nobody can set it, so it never jumps when the laptop's time is changed
  or corrected in the middle of a speech.

A :class:`SpeechClock` joins them. It is *anchored* once per speech: when the speech starts
in this window, or when the window first learns of a speech already running (after a
restart), from the stored wall-clock record. From then on it mirrors each transition
(pause, resume, stop, a new limit) on its own monotonic timeline and never re-reads the
wall clock for that speech, so the display neither drifts nor jumps. :meth:`SpeechClock.follow`
does this from what the services return, so a view only has to hand it each fresh
:class:`SpeechTiming`.

No tick counting
----------------
Elapsed time is always ``base + (now - running_since)``: the seconds banked by earlier
running stretches plus the current one, each a difference of two readings of the same
clock. A timer that repaints the screen ten times a second only *reads* the clock; missed
or late timer events change nothing. Over an hour of speeches the error is that of float
subtraction (nanoseconds), far inside the 0.1 s the room can see.

The face of the clock
---------------------
``state(now)`` gives a :class:`ClockState`: elapsed, remaining (negative past zero, None
for a stopwatch) and a :class:`Phase`. A countdown shows the remaining time rounded *up*
("0:01" until the very end), so it reads "0:00" never while time is left: at zero it turns
to overtime and counts up, "+0:00", "+0:12" (see :func:`format_remaining`).
"""

from __future__ import annotations

import datetime as dt
import math
import time
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from encounter_desk.chair.errors import SpeakerListError
from encounter_desk.core.clock import Clock, Monotonic
from encounter_desk.core.i18n import translate
from encounter_desk.storage.models.base import utcnow

WallClock = Clock

DEFAULT_WARNING_SECONDS = 30


class Phase(StrEnum):
    IDLE = "idle"  # no speech on the clock
    RUNNING = "running"  # counting down, more than the warning time left
    WARNING = "warning"  # counting down, in the last ``warning_seconds``
    OVERTIME = "overtime"  # running past the limit (counts up in red)
    STOPWATCH = "stopwatch"  # running without a limit
    PAUSED = "paused"  # stopped for now (a pause, a point of order)
    STOPPED = "stopped"  # the speech ended; the final time stays on the face


# --- formatting --------------------------------------------------------------------------


def format_seconds(seconds: int) -> str:
    """``m:ss`` (``h:mm:ss`` from one hour) for a whole, non-negative number of seconds."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def format_remaining(remaining: float) -> str:
    """What a countdown shows: "2:41", "0:05" while time is left, "+0:12" past zero.

    Time left is rounded up (2:40.2 left shows "2:41"; "0:01" lasts until zero); overtime
    is rounded down, so the face reads "+0:00" for the first second after zero.
    """
    if remaining > 0:
        return format_seconds(math.ceil(remaining - 1e-9))
    return "+" + format_seconds(math.floor(-remaining + 1e-9))


def format_elapsed(elapsed: float) -> str:
    """What a stopwatch shows: whole seconds elapsed, rounded down."""
    return format_seconds(math.floor(max(0.0, elapsed) + 1e-9))


def format_duration(seconds: float | None) -> str:
    """A recorded duration for tables and minutes ("3:07"), rounded to the nearest second."""
    if seconds is None:
        return ""
    return format_seconds(round(max(0.0, seconds)))


# --- the face at one moment --------------------------------------------------------------


@dataclass(frozen=True)
class ClockState:
    """The clock at one moment: everything a face needs to draw itself."""

    phase: Phase
    elapsed: float
    limit_seconds: int | None
    warning_seconds: int

    @property
    def remaining(self) -> float | None:
        """Seconds left (negative past the limit); None for a stopwatch."""
        if self.limit_seconds is None:
            return None
        return self.limit_seconds - self.elapsed

    @property
    def is_stopwatch(self) -> bool:
        return self.limit_seconds is None

    @property
    def overtime(self) -> bool:
        remaining = self.remaining
        return remaining is not None and remaining <= 0 and self.phase != Phase.IDLE

    @property
    def warning(self) -> bool:
        """In the last ``warning_seconds`` of a countdown (also while paused there)."""
        remaining = self.remaining
        return (
            remaining is not None
            and 0 < remaining <= self.warning_seconds
            and self.phase != Phase.IDLE
        )

    @property
    def text(self) -> str:
        """The face: the remaining time, "+m:ss" in overtime, the elapsed time for a stopwatch."""
        if self.phase == Phase.IDLE:
            return format_seconds(self.limit_seconds or 0)
        remaining = self.remaining
        if remaining is None:
            return format_elapsed(self.elapsed)
        return format_remaining(remaining)


class _Speaking(Protocol):
    """A speech's clock as a face reads it: a stored record or a live clock."""

    @property
    def started(self) -> bool: ...
    @property
    def running(self) -> bool: ...
    @property
    def ended(self) -> bool: ...
    @property
    def limit_seconds(self) -> int | None: ...


def face(speech: _Speaking, elapsed: float, warning_seconds: int) -> ClockState:
    """The face of ``speech`` once it has lasted ``elapsed`` seconds: its phase, and the rest."""
    limit = speech.limit_seconds
    if not speech.started:
        phase = Phase.IDLE
    elif speech.ended:
        phase = Phase.STOPPED
    elif not speech.running:
        phase = Phase.PAUSED
    elif limit is None:
        phase = Phase.STOPWATCH
    elif limit - elapsed <= 0:
        phase = Phase.OVERTIME
    elif limit - elapsed <= warning_seconds:
        phase = Phase.WARNING
    else:
        phase = Phase.RUNNING
    return ClockState(phase, elapsed, limit, warning_seconds)


def alerts(before: ClockState | None, after: ClockState) -> list[str]:
    """Moments crossed between two readings of a running clock: "warning" and "zero".

    For the optional sounds (a chime at the warning, a double beep at zero): a view keeps
    its last reading and asks after each repaint. A late repaint that jumps straight past
    both reports both.
    """
    if before is None or after.phase in (Phase.IDLE, Phase.STOPPED):
        return []
    if after.limit_seconds is None or before.limit_seconds is None:
        return []
    out = []
    was, now = before.remaining, after.remaining
    assert was is not None and now is not None
    if after.warning_seconds > 0 and was > after.warning_seconds >= now:
        out.append("warning")
    if was > 0 >= now:
        out.append("zero")
    return out


# --- the stored record of a speech -------------------------------------------------------


class TimedRecord(Protocol):
    """What keeps a speech's moments (``Speech`` rows, the chair's entries, the minutes)."""

    started_at: dt.datetime | None
    paused_at: dt.datetime | None
    paused_seconds: float | None
    ended_at: dt.datetime | None
    limit_seconds: int | None


@dataclass(frozen=True)
class SpeechTiming:
    """A speech's clock as the database keeps it: wall-clock UTC moments.

    ``paused_seconds`` holds the pauses already over; ``paused_at`` the start of the pause
    still running (None while speaking).
    """

    started_at: dt.datetime | None
    paused_at: dt.datetime | None = None
    paused_seconds: float = 0.0
    ended_at: dt.datetime | None = None
    limit_seconds: int | None = None

    @classmethod
    def of(cls, record: TimedRecord) -> SpeechTiming:
        """The timing of anything that keeps a speech's moments: a stored speech, an entry."""
        return cls(
            started_at=record.started_at,
            paused_at=record.paused_at,
            paused_seconds=record.paused_seconds or 0.0,
            ended_at=record.ended_at,
            limit_seconds=record.limit_seconds,
        )

    @property
    def started(self) -> bool:
        return self.started_at is not None

    @property
    def ended(self) -> bool:
        return self.ended_at is not None

    @property
    def running(self) -> bool:
        return self.started and not self.ended and self.paused_at is None

    def elapsed_at(self, now: dt.datetime) -> float:
        """Seconds spoken by ``now``: from the stored moments, whatever happened in between."""
        if self.started_at is None:
            return 0.0
        # A speech ends with its last pause folded into paused_seconds (see speakers).
        end = self.ended_at or self.paused_at or now
        elapsed = (end - self.started_at).total_seconds() - self.paused_seconds
        return max(0.0, elapsed)

    def state_at(
        self, now: dt.datetime, warning_seconds: int = DEFAULT_WARNING_SECONDS
    ) -> ClockState:
        return face(self, self.elapsed_at(now), warning_seconds)


# --- the live clock ----------------------------------------------------------------------


class SpeechClock:
    """One speech's clock for a face (chair's window, projector), on the monotonic clock.

    ``monotonic`` returns seconds (default :func:`time.monotonic`); ``wall`` returns aware
    UTC datetimes (default ``utcnow``) and is read only to anchor a speech that started
    elsewhere or before a restart. Both are injected, so tests move fake clocks.

    Driving it by hand: ``start(limit)``, ``pause()``, ``resume()``, ``stop()``,
    ``add_time(±s)``, ``set_limit(s | None)``, ``state()``. Driving it from the services:
    ``follow(timing, speech_id=...)`` after every call that returns a speech.
    """

    def __init__(
        self,
        *,
        monotonic: Monotonic = time.monotonic,
        wall: WallClock = utcnow,
        warning_seconds: int = DEFAULT_WARNING_SECONDS,
    ) -> None:
        self._monotonic = monotonic
        self._wall = wall
        self.warning_seconds = warning_seconds
        self.speech_id: int | None = None
        self.limit_seconds: int | None = None
        self._started = False
        self._stopped = False
        self._banked = 0.0  # seconds of the running stretches already over
        self._running_since: float | None = None  # monotonic reading when the current stretch began

    # -- reading --

    @property
    def started(self) -> bool:
        return self._started

    @property
    def running(self) -> bool:
        return self._running_since is not None

    @property
    def ended(self) -> bool:
        """The speech ended: the face keeps its final time."""
        return self._stopped

    def elapsed(self, now: float | None = None) -> float:
        if self._running_since is None:
            return self._banked
        now = self._monotonic() if now is None else now
        return self._banked + max(0.0, now - self._running_since)

    def state(self, now: float | None = None) -> ClockState:
        return face(self, self.elapsed(now), self.warning_seconds)

    # -- driving by hand --

    def reset(self, limit_seconds: int | None = None) -> None:
        """Back to idle, showing ``limit_seconds`` (the next speaker's time)."""
        self.speech_id = None
        self.limit_seconds = limit_seconds
        self._started = False
        self._stopped = False
        self._banked = 0.0
        self._running_since = None

    def start(
        self,
        limit_seconds: int | None,
        *,
        speech_id: int | None = None,
        elapsed: float = 0.0,
        running: bool = True,
    ) -> None:
        """A new speech on the clock (``limit_seconds`` None: a stopwatch)."""
        self.reset(limit_seconds)
        self.speech_id = speech_id
        self._started = True
        self._banked = max(0.0, elapsed)
        if running:
            self._running_since = self._monotonic()

    def pause(self) -> None:
        if self._running_since is None:
            return
        now = self._monotonic()
        self._banked += max(0.0, now - self._running_since)
        self._running_since = None

    def resume(self) -> None:
        if not self._started or self._stopped or self._running_since is not None:
            return
        self._running_since = self._monotonic()

    def stop(self) -> None:
        """The speech ended: the face keeps its final time."""
        self.pause()
        if self._started:
            self._stopped = True

    def add_time(self, seconds: int) -> None:
        """Give (``seconds`` > 0) or take (< 0) time while the clock runs; never below zero."""
        if self.limit_seconds is None:
            raise SpeakerListError(
                translate(
                    "Clock", "A stopwatch has no limit to change; set a speaking time first."
                ),
                code="clock.stopwatch",
            )
        self.limit_seconds = max(0, self.limit_seconds + int(seconds))

    def set_limit(self, limit_seconds: int | None) -> None:
        self.limit_seconds = None if limit_seconds is None else max(0, int(limit_seconds))

    # -- driving from the record --

    def load(self, timing: SpeechTiming, *, speech_id: int | None = None) -> None:
        """Anchor on a stored speech: its elapsed time by the wall clock, then monotonic."""
        if not timing.started:
            self.reset(timing.limit_seconds)
            self.speech_id = speech_id
            return
        self.start(
            timing.limit_seconds,
            speech_id=speech_id,
            elapsed=timing.elapsed_at(self._wall()),
            running=timing.running,
        )
        if timing.ended:
            self._stopped = True

    def follow(self, timing: SpeechTiming | None, *, speech_id: int | None = None) -> None:
        """Mirror the record after a service call, without ever jumping.

        Another speech (or none before): anchor anew with :meth:`load`. The same speech:
        apply only what changed — pause, resume, end, a new limit — on the monotonic
        timeline, so a speech's face is continuous from its start to its end.
        """
        if timing is None:
            self.reset()
            return
        same = self._started and speech_id is not None and speech_id == self.speech_id
        if not same:
            self.load(timing, speech_id=speech_id)
            return
        self.set_limit(timing.limit_seconds)
        if timing.ended:
            self.stop()
        elif timing.running:
            self._stopped = False
            self.resume()
        else:
            self.pause()
