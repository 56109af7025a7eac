"""How the chair's screens mark each kind of intervention and each phase of the clock.

Colour is never the only sign: every kind also has its own symbol and its written name,
and every phase of the clock its own caption ("Paused", "Stopwatch"), so the difference
reads the same to a colour-blind chair and from the back of a hall. Colours are dark
enough for white text (amber takes black text).
"""

from __future__ import annotations

from dataclasses import dataclass

from encounter_desk.chair.clock import ClockState, Phase
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, in_language
from encounter_desk.storage.models import SpeechKind


@dataclass(frozen=True)
class Look:
    background: str
    foreground: str
    symbol: str = ""


KIND_LOOKS: dict[SpeechKind, Look] = {
    SpeechKind.STATEMENT: Look("#1565c0", "#ffffff", "\u25cf"),  # ●
    SpeechKind.POINT_OF_ORDER: Look("#ef6c00", "#000000", "!"),
    SpeechKind.RIGHT_OF_REPLY: Look("#6a1b9a", "#ffffff", "\u21a9"),  # ↩
    SpeechKind.QUESTION: Look("#00695c", "#ffffff", "?"),
}


def kind_look(kind: SpeechKind | str) -> Look:
    return KIND_LOOKS[SpeechKind(kind)]


# The faces of the clock: one name per look, so tests and screenshots can say which.
IDLE = "idle"
NORMAL = "normal"
WARNING = "warning"
OVERTIME = "overtime"
PAUSED = "paused"
OVERTIME_CAPTION = QT_TRANSLATE_NOOP("ClockFace", "Time is up")
"""The one word for a speaker past their time, on the chair's clock and the room's."""


def overtime_caption(lang: str | None = None) -> str:
    """:data:`OVERTIME_CAPTION` in ``lang`` (default: the app's language)."""
    return in_language(lang).translate("ClockFace", OVERTIME_CAPTION)
STOPWATCH = "stopwatch"
STOPPED = "stopped"

CLOCK_LOOKS: dict[str, Look] = {
    IDLE: Look("#263238", "#b0bec5"),
    NORMAL: Look("#1b5e20", "#ffffff"),
    WARNING: Look("#ffb300", "#000000"),
    OVERTIME: Look("#c62828", "#ffffff"),
    PAUSED: Look("#455a64", "#ffffff"),
    STOPWATCH: Look("#0d47a1", "#ffffff"),
    STOPPED: Look("#37474f", "#eceff1"),
}


PHASE_LOOKS: dict[Phase, str] = {
    Phase.IDLE: IDLE,
    Phase.RUNNING: NORMAL,
    Phase.WARNING: WARNING,
    Phase.OVERTIME: OVERTIME,
    Phase.STOPWATCH: STOPWATCH,
    Phase.PAUSED: PAUSED,
    Phase.STOPPED: STOPPED,
}
"""The face each phase of the clock shows (the clock already says paused before the time
left, and overtime before the warning)."""


def clock_look_name(reading: ClockState) -> str:
    """Which face a reading shows."""
    return PHASE_LOOKS.get(reading.phase, NORMAL)


def clock_look(reading: ClockState) -> Look:
    return CLOCK_LOOKS[clock_look_name(reading)]
