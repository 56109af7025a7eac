"""The desk's optional sound for a verdict: one beep to admit, three to stop the queue, so
the clerk looks up when it matters (see :mod:`encounter_desk.ui.widgets.bell`)."""

from __future__ import annotations

from encounter_desk.desk.checkin import VerdictKind
from encounter_desk.ui.widgets.bell import Bell


def beeps_for(kind: VerdictKind) -> int:
    """How many beeps a verdict gets: one to admit, three to stop the queue."""
    return 1 if kind.admitted else 3


class VerdictSound(Bell):
    KEY = "desk/sound"

    def play(self, kind: VerdictKind) -> int:
        """Sound the verdict; returns the number of beeps (0 when the sound is off)."""
        return self.ring(beeps_for(kind))
