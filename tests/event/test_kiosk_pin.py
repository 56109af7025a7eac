"""The kiosk PIN: hashed, checked, validated."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from encounter_desk.core.errors import Refusal
from encounter_desk.event import event as events
from encounter_desk.event import kiosk_pin as kiosk
from encounter_desk.storage.models import AuditEntry, Event


@pytest.fixture
def event_db(db):
    events.create_event(db, events.EventDetails(
        code="K-1", name_es="E", name_en="E",
        start_date=dt.date(2017, 9, 4), end_date=dt.date(2017, 9, 6)))
    return db


def test_pin_is_stored_hashed_and_checked(event_db):
    assert not kiosk.has_pin(event_db)
    assert not kiosk.check_pin(event_db, "1234")
    kiosk.set_pin(event_db, " 24681357 ")
    assert kiosk.has_pin(event_db)
    assert kiosk.check_pin(event_db, "24681357")
    assert not kiosk.check_pin(event_db, "24681358")
    assert not kiosk.check_pin(event_db, "")
    with event_db.read() as s:
        stored = s.scalar(select(Event.kiosk_pin_hash))
        trail = [e.changes for e in s.scalars(select(AuditEntry))]
    # eight digits: a random hex salt or digest holding them by chance is one in ~10^7
    assert "24681357" not in stored and stored.startswith("pbkdf2_sha256$")
    assert not any("24681357" in changes for changes in trail)


def test_same_pin_twice_gives_different_hashes(event_db):
    kiosk.set_pin(event_db, "1234")
    with event_db.read() as s:
        first = s.scalar(select(Event.kiosk_pin_hash))
    kiosk.set_pin(event_db, "1234")
    with event_db.read() as s:
        second = s.scalar(select(Event.kiosk_pin_hash))
    assert first != second
    assert kiosk.check_pin(event_db, "1234")


@pytest.mark.parametrize("pin", ["123", "12a4", "", "1234567890123", "١٢٣٤"])
def test_bad_pins_are_refused_and_nothing_changes(event_db, pin):
    kiosk.set_pin(event_db, "4321")
    with pytest.raises(Refusal, match="4 to 12 digits") as refused:
        kiosk.set_pin(event_db, pin)
    assert refused.value.code == "kiosk.pin"
    assert kiosk.check_pin(event_db, "4321")


def test_clear_pin(event_db):
    kiosk.set_pin(event_db, "4321")
    kiosk.clear_pin(event_db)
    assert not kiosk.has_pin(event_db)
    assert not kiosk.check_pin(event_db, "4321")
