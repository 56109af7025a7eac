"""The desk's optional sound for a verdict.

PySide6-Essentials ships no QtMultimedia, so the desk cannot play a sound file; it uses the
system bell (``QApplication.beep()``): one beep for an admission, three for a refusal or a
badge already used, so the clerk looks up when it matters. Off by default (a quiet room);
the clerk turns it on with the desk's "Sound" box, remembered in the app's settings.
Some systems (and offscreen test runs) have no bell at all; then nothing is heard.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication

from encounter_desk.desk.checkin import VerdictKind
from encounter_desk.ui.shell.settings import app_settings

SOUND_KEY = "desk/sound"


def sound_enabled_setting() -> bool:
    value = app_settings().value(SOUND_KEY, False)
    return value is True or str(value).lower() in ("true", "1")


def save_sound_enabled(enabled: bool) -> None:
    settings = app_settings()
    settings.setValue(SOUND_KEY, bool(enabled))
    settings.sync()


def beeps_for(kind: VerdictKind) -> int:
    """How many beeps a verdict gets: one to admit, three to stop the queue."""
    return 1 if kind.admitted else 3


class VerdictSound:
    """Beeps for a verdict when enabled. ``beep`` is injectable (tests count the calls)."""

    def __init__(self, enabled: bool = False, beep: Callable[[], None] | None = None) -> None:
        self.enabled = enabled
        self._beep = beep or QApplication.beep

    def play(self, kind: VerdictKind) -> int:
        """Sound the verdict; returns the number of beeps (0 when the sound is off)."""
        if not self.enabled:
            return 0
        count = beeps_for(kind)
        for _ in range(count):
            self._beep()
        return count
