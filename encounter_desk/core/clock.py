"""Time, injected: the one ``Clock`` type every job takes, and the real clocks behind it.

Anything that depends on "now" takes a ``Clock`` (the wall clock the record keeps, aware UTC)
or a ``Monotonic`` (seconds that never jump, for what a screen counts). Tests pass one
shared fake clock and move it; nothing sleeps.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

Clock = Callable[[], dt.datetime]
"""A wall clock: returns an aware UTC ``datetime``."""

Monotonic = Callable[[], float]
"""A monotonic clock in seconds (``time.monotonic``): never set, never jumps."""


def utcnow() -> dt.datetime:
    """Now, as an aware UTC ``datetime``: the default ``Clock``."""
    return dt.datetime.now(dt.UTC)


monotonic: Monotonic = time.monotonic


class ManualClock:
    """A wall clock and a monotonic clock that move only when told to.

    The self-test and the tests run speeches, scans and backups on it: ``clock.wall`` (or the
    clock itself, which is callable) is a ``Clock``, ``clock.monotonic`` a ``Monotonic``, and
    ``advance(seconds)`` moves both together. ``now`` and ``seconds`` may be set directly to
    model a wall clock corrected by the system, or a new process's monotonic origin.
    """

    def __init__(
        self,
        start: dt.datetime = dt.datetime(2017, 9, 4, 15, 0, tzinfo=dt.UTC),
        seconds: float = 1000.0,
    ) -> None:
        if start.tzinfo is None:
            raise ValueError("a ManualClock starts at an aware moment")
        self.now = start
        self.seconds = seconds

    def __call__(self) -> dt.datetime:
        return self.now

    def wall(self) -> dt.datetime:
        return self.now

    def monotonic(self) -> float:
        return self.seconds

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)
        self.seconds += seconds

    def advance_wall(self, seconds: float) -> None:
        """Move the wall clock alone: somebody set the laptop's clock, the monotonic did not."""
        self.now += dt.timedelta(seconds=seconds)
