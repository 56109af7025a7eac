"""Helpers for the GUI tests: an event to show, and a message bridge that answers at once."""

from __future__ import annotations

import pytest
from helpers.events import DETAILS, add_people
from helpers.messages import RecordingMessages

from encounter_desk.event import event as events
from encounter_desk.storage.database import Database


@pytest.fixture
def messages() -> RecordingMessages:
    return RecordingMessages()


@pytest.fixture
def event_db(db: Database) -> Database:
    """An event with its 16 preset delegations and a few participants with hard names."""
    events.create_event(db, DETAILS)
    add_people(db)
    return db
