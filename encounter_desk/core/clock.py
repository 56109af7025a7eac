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
