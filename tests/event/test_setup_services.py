"""Participants, delegations and sittings services: validation in words, nothing written."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from encounter_desk.core.errors import Refusal
from encounter_desk.event import delegations as delegation_admin
from encounter_desk.event import event as events
from encounter_desk.event import participants, sittings

DETAILS = events.EventDetails(
    code="SVC", name_es="Prueba", name_en="Test",
    start_date=dt.date(2017, 9, 4), end_date=dt.date(2017, 9, 6),
)


@pytest.fixture
def event_db(db):
    events.create_event(db, DETAILS)
    return db


def _mx(db):
    return next(d.id for d in delegation_admin.list_delegations(db) if d.code == "MX")


def test_a_participant_needs_a_name_and_is_not_registered_twice(event_db):
    with pytest.raises(Refusal, match="given name or a surname") as refused:
        participants.create_participant(event_db, title="Dip.")
    assert refused.value.code == "participant.name"
    participants.create_participant(
        event_db, given_names="Ana", first_surname="Núñez", delegation_id=_mx(event_db))
    with pytest.raises(Refusal, match="already registered") as refused:
        participants.create_participant(
            event_db, given_names="ana", first_surname="NUNEZ", delegation_id=_mx(event_db))
    assert refused.value.code == "participant.duplicate"
    assert len(participants.list_participants(event_db)) == 1


def test_bad_participant_values_are_refused(event_db):
    person = participants.create_participant(event_db, given_names="Ana", first_surname="Paz")
    for change, message, code in (
        ({"gender": "Q"}, "Unknown gender", "participant.gender"),
        ({"category": "king"}, "Unknown category", "participant.category"),
        ({"delegation_id": 9999}, "no longer exists", "delegation.missing"),
        ({"email": "ana@"}, "not an email address", "participant.email"),
        ({"badge_serial": 3}, "Unknown participant field", "participant.unknown_field"),
    ):
        with pytest.raises(Refusal, match=message) as refused:
            participants.update_participant(event_db, person.id, **change)
        assert refused.value.code == code
    assert participants.get_participant(event_db, person.id) == person


def test_delegation_codes_are_unique_and_busy_delegations_stay(event_db):
    mx = _mx(event_db)
    with pytest.raises(Refusal, match="already uses the code") as refused:
        delegation_admin.update_delegation(event_db, mx, code="ca")
    assert refused.value.code == "delegation.code_taken"
    participants.create_participant(event_db, given_names="Ana", delegation_id=mx)
    with pytest.raises(Refusal, match="still has 1 participants") as refused:
        delegation_admin.delete_delegation(event_db, mx)
    assert refused.value.code == "delegation.has_participants"
    new = delegation_admin.create_delegation(event_db)
    assert new.canonical_order > 24 and not new.is_member
    changed = delegation_admin.update_delegation(event_db, new.id, kind="country")
    assert changed.is_member
    delegation_admin.delete_delegation(event_db, new.id)
    assert len(delegation_admin.list_delegations(event_db)) == 16


def test_sittings_and_agenda_items_validate_their_numbers_and_times(event_db):
    first = sittings.create_sitting(event_db)
    second = sittings.create_sitting(event_db)
    assert (first.number, second.number, first.date) == (1, 2, dt.date(2017, 9, 4))
    with pytest.raises(Refusal, match="already a session number 1") as refused:
        sittings.update_sitting(event_db, second.id, number=1)
    assert refused.value.code == "sitting.number_taken"
    with pytest.raises(Refusal, match="end after it starts") as refused:
        sittings.update_sitting(event_db, first.id, scheduled_end=dt.time(8, 0))
    assert refused.value.code == "sitting.ends_early"
    with pytest.raises(Refusal, match="warning must come before") as refused:
        sittings.update_sitting(event_db, first.id, warning_seconds=600)
    assert refused.value.code == "sitting.warning"
    item = sittings.create_agenda_item(event_db, first.id)
    other = sittings.create_agenda_item(event_db, first.id)
    assert (item.number, other.number) == (1, 2)
    with pytest.raises(Refusal, match="already has an agenda item number 1") as refused:
        sittings.update_agenda_item(event_db, other.id, number=1)
    assert refused.value.code == "agenda_item.number_taken"
    with pytest.raises(Refusal, match="title in Spanish and in English") as refused:
        sittings.update_agenda_item(event_db, item.id, title_es="  ")
    assert refused.value.code == "agenda_item.title"
    sittings.delete_sitting(event_db, first.id)
    assert [s.number for s in sittings.list_sittings(event_db)] == [2]


def test_an_event_ends_after_it_starts_and_a_file_holds_one(db):
    with pytest.raises(Refusal, match="cannot end before it starts") as refused:
        events.create_event(db, dataclasses.replace(DETAILS, end_date=dt.date(2017, 9, 1)))
    assert refused.value.code == "event.dates"
    events.create_event(db, DETAILS)
    with pytest.raises(Refusal, match="already holds an event") as refused:
        events.create_event(db, DETAILS)
    assert refused.value.code == "event.exists"


def test_a_sitting_is_found_by_id_or_number_and_refused_when_absent(event_db):
    first = sittings.create_sitting(event_db)
    with event_db.read() as session:
        assert sittings.get_sitting(session, sitting_id=first.id).number == 1
        assert sittings.get_sitting(session, number=1).id == first.id
        with pytest.raises(Refusal, match="no longer exists") as refused:
            sittings.get_sitting(session, sitting_id=first.id + 1)
        assert refused.value.code == "sitting.missing"
        with pytest.raises(Refusal, match="There is no session 7.") as refused:
            sittings.get_sitting(session, number=7)
        assert refused.value.code == "sitting.missing"
