"""The demo encounter: its delegations, people and sittings, the same every time."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

import pytest
from sqlalchemy import func, select

from encounter_desk.core.errors import Refusal
from encounter_desk.demo import build as demo
from encounter_desk.event import event as events
from encounter_desk.event.countries import in_canonical_order
from encounter_desk.storage.database import open_database, sqlite_url
from encounter_desk.storage.models import AuditEntry, Delegation, Event, Participant, Sitting

MEMBERS = ["BZ", "CA", "CR", "SV", "US", "GT", "HN", "MX", "NI", "PA", "DO"]


@pytest.fixture
def built(db):
    summary = demo.build_demo(db)
    return db, summary


def _people(db) -> list[Participant]:
    with db.read() as session:
        return list(session.scalars(select(Participant).order_by(Participant.id)))


def _roster(db) -> list[tuple]:
    return [(p.title, p.display_name, p.email, p.phone, p.desk_note) for p in _people(db)]


def test_summary_counts_what_is_in_the_file(built):
    db, summary = built
    with db.read() as session:
        assert summary == {
            "participants": session.scalar(select(func.count(Participant.id))),
            "delegations": session.scalar(select(func.count(Delegation.id))),
            "sittings": session.scalar(select(func.count(Sitting.id))),
        }
    assert 110 <= summary["participants"] <= 130
    assert summary["delegations"] == 17  # 11 members, PPT, ST, OI, OBS, INV, ASPARLEXSAL
    assert summary["sittings"] == 5


def test_the_event_is_the_encounter_in_chiapas(built):
    db, _ = built
    event = events.load_event(db)
    assert event.code == "RCM-EP-2017"
    assert event.name_es.startswith("I Encuentro Parlamentario de los Países Miembros")
    assert event.name_en.startswith("I Parliamentary Encounter of the Member Countries")
    assert event.short_name_es and event.short_name_en
    assert (event.start_date, event.end_date) == (dt.date(2017, 9, 4), dt.date(2017, 9, 6))
    assert event.timezone == "America/Mexico_City"
    assert event.quorum_rule == "majority_of_members"
    assert "Chiapas" in event.city and event.country == "México" and event.venue
    assert len(event.secret) == 64


def test_delegations_in_the_rcm_canonical_order(built):
    db, _ = built
    with db.read() as session:
        codes = [d.code for d in in_canonical_order(session)]
        asparlexsal = session.scalar(select(Delegation).where(Delegation.code == "ASPARLEXSAL"))
    assert codes == [*MEMBERS, "PPT", "ST", "OI", "OBS", "INV", "ASPARLEXSAL"]
    assert asparlexsal.name_es == "Asociación de Exdiputadas Salvadoreñas (ASPARLEXSAL)"
    assert asparlexsal.name_en == "Association of Former Salvadoran Congresswomen (ASPARLEXSAL)"
    assert not asparlexsal.is_member


def test_every_member_country_sends_lawmakers_with_exactly_one_head(built):
    db, _ = built
    with db.read() as session:
        for code in MEMBERS:
            delegation = session.scalar(select(Delegation).where(Delegation.code == code))
            people = list(delegation.participants)
            assert delegation.is_member
            assert 4 <= len(people) <= 9, code
            assert sum(p.is_head_of_delegation for p in people) == 1, code
            assert all(p.category == "lawmaker" for p in people), code
            assert all(p.title and p.institution and p.chamber and p.committee for p in people)


def test_the_other_groups_are_all_there(built):
    db, _ = built
    by_group = Counter(
        (p.delegation.code if p.delegation else None, p.category) for p in _loaded(db)
    )
    assert by_group[("PPT", "official")] >= 3
    assert by_group[("ST", "secretariat")] >= 3
    assert by_group[("OI", "international")] >= 8
    assert by_group[("ASPARLEXSAL", "civil_society")] >= 4
    assert by_group[("OBS", "lawmaker")] + by_group[("OBS", "official")] >= 2
    assert by_group[("INV", "guest")] >= 3
    assert by_group[(None, "staff")] >= 4
    assert by_group[(None, "press")] >= 3
    institutions = {p.institution for p in _loaded(db)}
    for agency in ("OIM", "ACNUR", "ONU Mujeres", "UNICEF", "CICR"):
        assert any(agency in name for name in institutions), agency


def _loaded(db) -> list[Participant]:
    with db.read() as session:
        people = list(session.scalars(select(Participant)))
        for person in people:
            _ = person.delegation  # load while the session is open
        return people


def test_people_have_contacts_languages_and_a_women_majority(built):
    db, _ = built
    people = _people(db)
    emails = [p.email for p in people]
    assert len(set(emails)) == len(emails)
    assert all(e.count("@") == 1 and "@example." in e for e in emails)
    assert all(p.phone.startswith("+") and "#" not in p.phone for p in people)
    assert {p.language for p in people} == {"es", "en", "fr"}
    genders = Counter(p.gender for p in people)
    assert genders["F"] > genders["M"] > 0
    notes = " ".join(p.desk_note for p in people)
    for need in ("silla de ruedas", "vegetariano", "Intérprete FR", "Head of delegation"):
        assert need in notes


def test_names_carry_accents_compound_surnames_and_long_forms(built):
    db, _ = built
    people = _people(db)
    names = " | ".join(p.display_name for p in people)
    for piece in ("Núñez", "Peña", "Iñaki", "Begoña", "José María", "Marie-Ève Tremblay-Gagnon",
                  "de la Cruz", "García-Iglesias", "O'Reilly-MacDonald", "Úbeda"):
        assert piece in names, piece
    longest = max(people, key=lambda p: len(p.display_name))
    assert longest.display_name == (
        "María de los Ángeles Guadalupe Fernández de Córdoba y Villaseñor-Echeverría"
    )
    assert longest.sort_name.startswith("Fernández de Córdoba y Villaseñor-Echeverría, ")
    titles = {p.title for p in people}
    assert {"Dip.", "Diputada", "Sen.", "Senadora", "H.D.", "Hon.", "Senator",
            "Representative", "M.P.", "MLA", "MNA"} <= titles


def test_five_sittings_with_agendas_chairs_and_secretaries(built):
    db, _ = built
    with db.read() as session:
        sittings = list(session.scalars(select(Sitting).order_by(Sitting.number)))
        people = {p.id: p for p in session.scalars(select(Participant))}
        for p in people.values():
            _ = p.delegation
        agendas = {s.number: [(a.number, a.title_es, a.title_en) for a in s.agenda_items]
                   for s in sittings}
    assert [s.number for s in sittings] == [1, 2, 3, 4, 5]
    assert "apertura" in sittings[0].title_es.lower()
    assert "mujeres migrantes" in sittings[1].title_es.lower()
    assert "iniciativas legislativas" in sittings[2].title_es.lower()
    assert "Declaration on Migrant Women" in sittings[3].title_en
    assert "clausura" in sittings[4].title_es.lower()
    days = {s.date for s in sittings}
    assert days == {dt.date(2017, 9, 4), dt.date(2017, 9, 5), dt.date(2017, 9, 6)}
    for s in sittings:
        assert s.title_es and s.title_en and s.room
        assert s.scheduled_start < s.scheduled_end
        assert s.warning_seconds == 30
        assert s.default_speaking_seconds in (180, 300)
        items = agendas[s.number]
        assert 2 <= len(items) <= 5
        assert [n for n, _, _ in items] == list(range(1, len(items) + 1))
        assert all(es and en and es != en for _, es, en in items)
        chair, secretary = people[s.chair_id], people[s.secretary_id]
        assert chair.delegation.code in ("PPT", "MX", "SV")
        assert secretary.delegation.code == "ST"
    assert sittings[1].default_speaking_seconds == 300
    for day in days:  # the sittings of one day follow one another without overlapping
        same_day = [s for s in sittings if s.date == day]
        for before, after in zip(same_day, same_day[1:], strict=False):
            assert before.scheduled_end <= after.scheduled_start


def test_the_demo_is_the_same_every_time(tmp_path):
    rosters = []
    for name in ("a.sqlite", "b.sqlite"):
        database = open_database(sqlite_url(tmp_path / name))
        try:
            demo.build_demo(database)
            rosters.append(_roster(database))
        finally:
            database.close()
    assert rosters[0] == rosters[1]
    assert len(rosters[0]) >= 110


def test_a_file_with_an_event_is_refused_without_replace(built):
    db, _ = built
    with db.read() as session:
        trail_before = session.scalar(select(func.count(AuditEntry.id)))
    roster_before = _roster(db)
    with pytest.raises(Refusal) as info:
        demo.build_demo(db)
    assert info.value.code == "demo.event_exists"
    message = str(info.value)
    assert "already holds an event" in message and "--force" in message
    assert "RCM-EP-2017" in message
    with db.read() as session:
        assert session.scalar(select(func.count(AuditEntry.id))) == trail_before
        assert session.scalar(select(func.count(Event.id))) == 1
    assert _roster(db) == roster_before


def test_replace_rebuilds_without_duplicates_and_keeps_the_trail(db):
    events.create_event(
        db,
        events.EventDetails(code="OTHER-1", name_es="Otro", name_en="Other",
                            start_date=dt.date(2018, 1, 1), end_date=dt.date(2018, 1, 2)),
    )
    with db.write() as session:
        mexico = session.scalar(select(Delegation).where(Delegation.code == "MX"))
        session.add(Participant(given_names="Persona", first_surname="Anterior",
                                delegation=mexico))
        session.add(Sitting(number=9, title_es="Vieja", title_en="Old",
                            date=dt.date(2018, 1, 1), scheduled_start=dt.time(9, 0),
                            scheduled_end=None))
    with pytest.raises(Refusal, match="already holds an event"):
        demo.build_demo(db)

    first = demo.build_demo(db, replace=True)
    second = demo.build_demo(db, replace=True)
    assert first == second
    with db.read() as session:
        assert session.scalars(select(Event.code)).all() == ["RCM-EP-2017"]
        assert session.scalar(select(Participant).where(
            Participant.first_surname == "Anterior")) is None
        assert session.scalars(select(Sitting.number).order_by(Sitting.number)).all() == [
            1, 2, 3, 4, 5]
        identities = session.execute(
            select(Participant.delegation_id, Participant.identity_key)).all()
        assert len(identities) == len(set(identities)) == first["participants"]
        deleted = Counter(session.scalars(
            select(AuditEntry.table_name).where(AuditEntry.action == "delete")))
    # the old event and, twice over, the demo: every row deleted is in the trail
    assert deleted["event"] == 2
    assert deleted["participant"] == 1 + first["participants"]
    assert deleted["sitting"] == 1 + 5
    assert deleted["delegation"] == 16 + 17
    assert deleted["agenda_item"] > 0


def test_the_audit_trail_records_the_build_with_the_injected_clock(db):
    moment = dt.datetime(2017, 8, 28, 15, 0, tzinfo=dt.UTC)
    summary = demo.build_demo(db, clock=lambda: moment)
    with db.read() as session:
        entries = list(session.scalars(select(AuditEntry)))
        created = set(session.scalars(select(Participant.created_at)))
    inserted = Counter(e.table_name for e in entries if e.action == "insert")
    assert inserted["participant"] == summary["participants"]
    assert inserted["event"] == 1 and inserted["sitting"] == 5
    assert {e.actor for e in entries} == {"tester@desk"}
    assert {e.at for e in entries} == {moment}
    assert created == {moment}
    event_row = next(e for e in entries if e.table_name == "event")
    assert "secret" not in json.loads(event_row.changes)
