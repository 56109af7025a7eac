"""A withdrawn participant's badge, and a deleted one's, never admit anyone (desk, door,
chair), on SQLite as on PostgreSQL; ids are never reused."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from sqlalchemy import select

from encounter_desk.chair.queue import participant_from_badge
from encounter_desk.core.clock import ManualClock
from encounter_desk.core.errors import Refusal
from encounter_desk.desk import badges, checkin
from encounter_desk.desk.verdict import VerdictKind, describe
from encounter_desk.event import accreditation, participants
from encounter_desk.event import event as events
from encounter_desk.records.attendance import DoorVerdictKind, record_door_scan
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import Participant, Sitting


@dataclass
class Desk:
    db: Database
    clock: ManualClock
    ana: int
    head: int
    guest: int  # the newest: the highest id

    def badge(self, pid: int) -> str:
        return badges.badge_code_for(self.db, pid)

    def scan(self, raw: str) -> checkin.Verdict:
        self.clock.advance(5)
        return checkin.check_in(self.db, raw, desk="Desk 1", clock=self.clock)


@pytest.fixture
def desk(db) -> Desk:
    clock = ManualClock(dt.datetime(2026, 12, 1, 14, 5, tzinfo=dt.UTC))
    events.create_event(db, events.EventDetails(
        code="RCM-W", name_es="Encuentro", name_en="Encounter",
        start_date=dt.date(2026, 12, 1), end_date=dt.date(2026, 12, 2)))
    with db.write() as s:
        s.add(Sitting(number=1, title_es="Apertura", title_en="Opening",
                      date=dt.date(2026, 12, 1), scheduled_start=dt.time(9, 0),
                      scheduled_end=dt.time(11, 0)))
    ids = [participants.create_participant(db, given_names=g, first_surname=f).id
           for g, f in (("Ana María", "Núñez Peña"), ("José", "Pérez"), ("John", "Doe"))]
    return Desk(db, clock, *ids)


def _sitting(db) -> int:
    with db.read() as s:
        return s.scalar(select(Sitting.id).order_by(Sitting.number))


def test_a_withdrawn_badge_admits_nobody_until_reinstated(desk):
    code = desk.badge(desk.ana)
    done = accreditation.withdraw(desk.db, desk.ana, "  Credencial retirada por la mesa directiva ",
                                  clock=desk.clock)
    assert done.reason == "Credencial retirada por la mesa directiva"
    assert done.at == desk.clock()
    with desk.db.read() as s:
        person = s.get(Participant, desk.ana)
        assert person.withdrawn_reason == done.reason and person.withdrawn_by == done.by
        assert person.withdrawn_at == done.at
    verdict = desk.scan(code)
    assert verdict.kind is VerdictKind.WITHDRAWN and not verdict.admitted
    assert any("Credencial retirada" in line for line in describe(verdict, "en"))
    assert not checkin.is_checked_in(desk.db, desk.ana)
    # Searched by name: the same verdict path, the same refusal.
    by_name = checkin.check_in_participant(desk.db, desk.ana, desk="D", clock=desk.clock)
    assert by_name.kind is VerdictKind.WITHDRAWN
    # At a session's door and at the chair's table.
    door = record_door_scan(desk.db, _sitting(desk.db), code, desk="Door", clock=desk.clock)
    assert door.kind is DoorVerdictKind.WITHDRAWN
    with pytest.raises(Refusal, match="withdrawn"):
        participant_from_badge(desk.db, code)
    # Refusals: no reason, twice, reinstating the accredited.
    with pytest.raises(Refusal):
        accreditation.withdraw(desk.db, desk.head, "   ")
    with pytest.raises(Refusal):
        accreditation.withdraw(desk.db, desk.ana, "again")
    with pytest.raises(Refusal):
        accreditation.reinstate(desk.db, desk.head)
    assert accreditation.reinstate(desk.db, desk.ana)
    desk.clock.advance(60)
    assert desk.scan(code).kind is VerdictKind.ADMITTED


def test_a_deleted_participants_badge_never_names_the_next_person(desk):
    # The newest participant (the highest id: the one SQLite used to hand out again).
    guest_code = desk.badge(desk.guest)
    participants.delete_participant(desk.db, desk.guest)
    newcomer = participants.create_participant(desk.db, given_names="Nueva",
                                               first_surname="Persona")
    assert newcomer.id > desk.guest
    verdict = desk.scan(guest_code)
    assert verdict.kind is VerdictKind.UNKNOWN and verdict.participant is None
    door = record_door_scan(desk.db, _sitting(desk.db), guest_code, desk="Door", clock=desk.clock)
    assert door.kind is DoorVerdictKind.UNKNOWN and not door.kind.present
    with pytest.raises(Refusal):
        participant_from_badge(desk.db, guest_code)
    assert not checkin.is_checked_in(desk.db, newcomer.id)
    assert desk.scan(badges.badge_code_for(desk.db, newcomer.id)).admitted


def test_a_scanned_person_is_withdrawn_never_deleted(desk):
    desk.scan(desk.badge(desk.head))
    with pytest.raises(Refusal, match="withdraw"):
        participants.delete_participant(desk.db, desk.head)
    with desk.db.read() as s:
        assert s.get(Participant, desk.head) is not None
