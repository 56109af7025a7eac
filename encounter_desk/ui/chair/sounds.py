"""The clock's optional sounds: a chime at the warning, a double beep at zero.

PySide6-Essentials ships no QtMultimedia, so the sounds are the system bell
(``QApplication.beep()``): once at the warning, twice at zero. Off by default (a quiet
hall); the chair turns them on with the "Sounds" box, remembered in the app's settings.
The moments come from :func:`encounter_desk.chair.clock.alerts` between two readings, so a late
repaint still sounds each moment once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QApplication

from encounter_desk.ui.shell.settings import app_settings

SOUND_KEY = "chair/sound"
BEEPS = {"warning": 1, "zero": 2}


def sound_enabled_setting() -> bool:
    value = app_settings().value(SOUND_KEY, False)
    return value is True or str(value).lower() in ("true", "1")


def save_sound_enabled(enabled: bool) -> None:
    settings = app_settings()
    settings.setValue(SOUND_KEY, bool(enabled))
    settings.sync()


class ClockSounds:
    """Beeps for the clock's moments when enabled; ``beep`` is injectable (tests count)."""

    def __init__(self, enabled: bool = False, beep: Callable[[], None] | None = None) -> None:
        self.enabled = enabled
        self._beep = beep or QApplication.beep

    def play(self, moments: Iterable[str]) -> int:
        """Sound ``moments`` ("warning", "zero"); returns the number of beeps."""
        if not self.enabled:
            return 0
        count = 0
        for moment in moments:
            for _ in range(BEEPS.get(moment, 0)):
                self._beep()
                count += 1
        return count
