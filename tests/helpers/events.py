"""The one event builder of the tests: an event, its delegations, and people to work with.

* :data:`DETAILS` / :func:`details` — an encounter's details (override what a test needs);
* :data:`HARD_NAMES` and :func:`add_people` — a few lawmakers whose names test collation,
  accents and titles (Núñez, Castañeda, Ñandú, Álvarez);
* :func:`make_event` — many lawmakers at once (fast Core inserts) and their badge codes,
  for the reliability tests, the subprocess drivers and the benchmarks.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import insert, select

from encounter_desk.event import delegations as delegation_admin
from encounter_desk.event import event as events
from encounter_desk.event import participants
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import Category

DETAILS = events.EventDetails(
    code="TEST-UI",
    name_es="Encuentro de prueba",
    name_en="Test encounter",
    short_name_es="Prueba",
    short_name_en="Test",
    start_date=dt.date(2017, 9, 4),
    end_date=dt.date(2017, 9, 6),
)

HARD_NAMES = {
    # key: title, given names, first surname, second surname, delegation, gender
    "ana": ("Dip.", "Ana Lucía", "Pérez", "Núñez", "SV", "F"),
    "jorge": ("Sen.", "Jorge", "Castañeda", "Ruiz", "MX", "M"),
    "patricia": ("Hon.", "Patricia", "Tremblay", "", "CA", "F"),
    "itzel": ("H.D.", "Itzel", "Ñandú", "", "PA", "F"),
    "rosa": ("Dip.", "Rosa", "Álvarez", "", "CR", "F"),
}


def details(**changes) -> events.EventDetails:  # noqa: ANN003
    """:data:`DETAILS` with some fields changed (``code="K"``, other dates…)."""
    from dataclasses import replace

    return replace(DETAILS, **changes)


def add_people(db: Database, people: dict = HARD_NAMES, **fields) -> dict[str, int]:  # noqa: ANN003
    """Register ``people`` (key -> title, given, first, second, delegation code, gender) as
    lawmakers; returns key -> participant id. ``fields`` go to every participant."""
    by_code = {d.code: d.id for d in delegation_admin.list_delegations(db)}
    ids = {}
    for key, (title, given, first, second, code, gender) in people.items():
        row = participants.create_participant(
            db, title=title, given_names=given, first_surname=first, second_surname=second,
            delegation_id=by_code[code], gender=gender, category=Category.LAWMAKER.value,
            **fields)
        ids[key] = row.id
    return ids


EVENT_START = dt.datetime(2026, 12, 1, 15, 0, tzinfo=dt.UTC)
EVENT_CODE = "RCM-REL"


def make_event(db, participants: int):  # noqa: ANN001, ANN201
    """An event with ``participants`` lawmakers (fast Core inserts); their badge codes."""
    from encounter_desk.core import names as text
    from encounter_desk.event import badge_code
    from encounter_desk.event import event as events
    from encounter_desk.storage.models import Delegation, Event, Participant

    events.create_event(db, events.EventDetails(
        code=EVENT_CODE, name_es="Encuentro", name_en="Encounter",
        start_date=dt.date(2026, 12, 1), end_date=dt.date(2026, 12, 3)))
    with db.write() as session:
        delegations = list(session.scalars(select(Delegation.id).order_by(Delegation.id)))
        rows = []
        for i in range(participants):
            given, first = f"Nombre{i}", f"Apellido{i}"
            display = text.full_name(given, first, "")
            sort = text.sort_name(given, first, "")
            rows.append({
                "title": "Dip.", "given_names": given, "first_surname": first,
                "second_surname": "", "display_name": display, "sort_name": sort,
                "sort_key": text.collation_key(sort), "identity_key": text.fold(display),
                "delegation_id": delegations[i % 11], "category": "lawmaker",
                "institution": "", "position": "", "chamber": "", "committee": "",
                "is_head_of_delegation": False, "email": "", "phone": "", "desk_note": "",
                "language": "es", "badge_serial": 1, "created_at": EVENT_START, "updated_at": EVENT_START,
            })
        if rows:
            session.execute(insert(Participant), rows)
    with db.read() as session:
        event = session.scalar(select(Event))
        ids = list(session.scalars(select(Participant.id).order_by(Participant.id)))
    return [badge_code.make_code(secret_hex=event.secret, event_code=event.code,
                                 participant_id=pid, serial=1) for pid in ids]
