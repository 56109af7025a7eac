"""Wrong kiosk PINs lock the kiosk for growing intervals (on an injected clock)."""

from __future__ import annotations

import datetime as dt

import pytest

from encounter_desk.core.clock import ManualClock
from encounter_desk.core.errors import Refusal
from encounter_desk.event import event as events
from encounter_desk.event import kiosk_pin as kiosk


@pytest.fixture
def guard(db):
    events.create_event(db, events.EventDetails(
        code="K-2", name_es="E", name_en="E",
        start_date=dt.date(2017, 9, 4), end_date=dt.date(2017, 9, 6)))
    kiosk.set_pin(db, "2468")
    clock = ManualClock()
    return kiosk.PinGuard(db, clock.monotonic), clock


def test_wrong_pins_lock_for_growing_intervals(guard):
    guard, clock = guard
    for _ in range(kiosk.FREE_TRIES - 1):
        assert guard.attempt("1111") is False
    assert guard.attempt("1111") is False  # the third: now locked for 30 s
    with pytest.raises(Refusal) as caught:
        guard.attempt("2468")  # even the right PIN waits
    assert caught.value.code == "kiosk.locked" and "30 seconds" in str(caught.value)
    clock.advance(29)
    with pytest.raises(Refusal):
        guard.attempt("2468")
    clock.advance(1)
    assert guard.attempt("0000") is False  # the fourth wrong one: 60 s
    assert guard.seconds_left() == 60
    clock.advance(60)
    assert guard.attempt("0000") is False
    assert guard.seconds_left() == 120
    clock.advance(120)
    assert guard.attempt("2468") is True  # the right PIN resets the count
    assert guard.attempt("1111") is False and guard.seconds_left() == 0


def test_the_lock_stops_growing_at_fifteen_minutes(guard):
    guard, clock = guard
    for _ in range(20):
        guard.attempt("1111")
        clock.advance(guard.seconds_left())
    guard.attempt("1111")
    assert guard.seconds_left() == kiosk.LONGEST_LOCK
