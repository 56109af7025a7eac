"""The system bell, for the desk's verdicts and the chair's clock: on or off, remembered.

PySide6-Essentials ships no QtMultimedia, so the app cannot play a sound file; it rings the
system bell (``QApplication.beep()``) a few times. Off by default (a quiet room); the
"Sound" box of a workspace turns it on, and the choice is kept in the app's settings under
the workspace's own key. Some systems (and offscreen test runs) have no bell at all; then
nothing is heard.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication

from encounter_desk.ui.shell import settings


class Bell:
    """Rings the bell when enabled. Subclasses set ``KEY`` (where the choice is kept) and
    say how many rings an occasion gets; ``beep`` is injectable (tests count the calls)."""

    KEY = "sound"

    def __init__(self, enabled: bool | None = None, beep: Callable[[], None] | None = None) -> None:
        """``enabled`` None: as this laptop's settings say."""
        self.enabled = self.saved() if enabled is None else enabled
        self._beep = beep or QApplication.beep

    @classmethod
    def saved(cls) -> bool:
        return settings.saved_flag(cls.KEY)

    def set_enabled(self, enabled: bool) -> None:
        """Turn the sound on or off, and remember it for the next start."""
        self.enabled = enabled
        settings.remember(self.KEY, bool(enabled))

    def ring(self, count: int) -> int:
        """Ring ``count`` times when enabled; returns the number of rings (0 when off)."""
        if not self.enabled:
            return 0
        for _ in range(count):
            self._beep()
        return count
