"""The clock's optional sounds: a chime at the warning, a double beep at zero.

The bell (see :mod:`encounter_desk.ui.widgets.bell`) rings once at the warning, twice at
zero. The moments come from :func:`encounter_desk.chair.clock.alerts` between two readings,
so a late repaint still sounds each moment once.
"""

from __future__ import annotations

from collections.abc import Iterable

from encounter_desk.ui.widgets.bell import Bell

BEEPS = {"warning": 1, "zero": 2}


class ClockSounds(Bell):
    KEY = "chair/sound"

    def play(self, moments: Iterable[str]) -> int:
        """Sound ``moments`` ("warning", "zero"); returns the number of beeps."""
        return self.ring(sum(BEEPS.get(moment, 0) for moment in moments))
