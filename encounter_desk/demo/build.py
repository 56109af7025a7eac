"""The demo event: the I Parliamentary Encounter of the RCM, ready to try every workspace.

``build_demo`` fills an event file with the encounter of :mod:`encounter_desk.demo.data`
in one transaction: the event, the 11 member delegations and the non-country groups
(ASPARLEXSAL among them), about 120 fictional participants and five sittings with their
agendas. The content is the same every time (fixed data, phones drawn from a fixed seed).

Each part is a small function (``_event``, ``_delegations``, ``_people``, ``_sittings``)
so that later capabilities can add theirs (an opening sitting already held, scans,
speeches) to the same transaction.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import re
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from encounter_desk.core import names as text
from encounter_desk.core.clock import Clock
from encounter_desk.core.errors import Refusal
from encounter_desk.core.i18n import translate
from encounter_desk.demo import data as demo_data
from encounter_desk.demo import declaration as demo_declaration
from encounter_desk.demo import opening as demo_opening
from encounter_desk.event.countries import ALL_PRESETS, DelegationPreset, seed_delegations
from encounter_desk.event.event import EventDetails, find_event, new_secret
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import (
    AgendaItem,
    AuditEntry,
    Base,
    Delegation,
    DelegationKind,
    Event,
    Participant,
    Sitting,
)

log = logging.getLogger(__name__)



def build_demo(db: Database, *, replace: bool = False, clock: Clock | None = None) -> dict:
    """Fill ``db`` with the demo encounter; returns its counts.

    A database that already holds an event is refused (a :class:`Refusal`, code
    ``demo.event_exists``) unless ``replace``:
    then everything of the old event is deleted first, row by row through the ORM so that
    the audit trail records it, in the same transaction as the new event.
    """
    now = (clock or db.clock)()
    with db.write() as session:
        if clock is not None:
            session.info["clock"] = clock
        existing = find_event(session)
        if existing is not None:
            if not replace:
                raise Refusal(
                    translate(
                        "Demo",
                        "{where} already holds an event ({name}). Use --force to replace it "
                        "with the demo, or choose another file.",
                    ).format(where=db.describe(), name=existing.code),
                    code="demo.event_exists",
                )
            _clear_event(session)
        _event(session, now)
        _delegations(session)
        people = _people(session, now)
        _sittings(session, people)
        demo_opening.hold_opening_sitting(session)  # sitting 1 already held: minutes
        demo_declaration.draft_declaration(session)  # the draft, amended halfway (sitting 4)
        session.flush()
        summary = {
            "participants": session.scalar(select(func.count(Participant.id))) or 0,
            "delegations": session.scalar(select(func.count(Delegation.id))) or 0,
            "sittings": session.scalar(select(func.count(Sitting.id))) or 0,
        }
    log.info("demo event built in %s: %s", db.describe(), summary)
    return summary


# --- the parts ---------------------------------------------------------------------------

def _clear_event(session: Session) -> None:
    """Delete every row of the old event, children before parents, through the ORM.

    Walks every table of the event file (so tables added later are cleared too), except
    the audit trail itself, which keeps the record of what was deleted.
    """
    classes = {mapper.local_table.name: mapper.class_ for mapper in Base.registry.mappers}
    for table in reversed(Base.metadata.sorted_tables):
        cls = classes.get(table.name)
        if cls is None or cls is AuditEntry:
            continue
        for row in session.scalars(select(cls)).all():
            session.delete(row)
        session.flush()


def _event(session: Session, now: dt.datetime) -> Event:
    details = EventDetails(**demo_data.EVENT)
    event = Event(secret=new_secret(), created_at=now, **vars(details))
    session.add(event)
    return event


def _delegations(session: Session) -> None:
    extra = tuple(
        DelegationPreset(
            code=d["code"],
            kind=DelegationKind(d["kind"]),
            name_es=d["name_es"],
            name_en=d["name_en"],
            order=d["order"],
            aliases=d["aliases"],
        )
        for d in demo_data.EXTRA_DELEGATIONS
    )
    seed_delegations(session, ALL_PRESETS + extra)
    session.flush()


_GROUP_DEFAULTS = ("category", "institution", "chamber", "language", "domain", "phone")


def _people(session: Session, now: dt.datetime) -> dict[str, Participant]:
    """Adds every participant; returns those with a ``key`` (chairs, secretaries) by key."""
    delegations = {d.code: d for d in session.scalars(select(Delegation))}
    rng = random.Random(demo_data.SEED)
    emails: set[str] = set()
    keyed: dict[str, Participant] = {}
    for group in demo_data.GROUPS:
        delegation = delegations[group["delegation"]] if group["delegation"] else None
        for person in group["people"]:
            spec: dict[str, Any] = {k: group.get(k, "") for k in _GROUP_DEFAULTS} | person
            participant = Participant(
                title=spec["title"],
                given_names=spec["given"],
                first_surname=spec["first"],
                second_surname=spec.get("second", ""),
                gender=spec["gender"],
                delegation=delegation,
                category=spec["category"],
                institution=spec["institution"],
                position=spec.get("position", ""),
                chamber=spec["chamber"],
                committee=spec.get("committee", ""),
                is_head_of_delegation=spec.get("head", False),
                email=_email(spec, emails),
                phone=_phone(spec["phone"], rng),
                desk_note=spec.get("note", ""),
                language=spec["language"],
                created_at=now,
                updated_at=now,
            )
            session.add(participant)
            if "key" in spec:
                keyed[spec["key"]] = participant
    session.flush()
    return keyed


def _sittings(session: Session, people: dict[str, Participant]) -> list[Sitting]:
    sittings = []
    for spec in demo_data.SITTINGS:
        sitting = Sitting(
            number=spec["number"],
            title_es=spec["title_es"],
            title_en=spec["title_en"],
            date=spec["date"],
            scheduled_start=spec["start"],
            scheduled_end=spec["end"],
            room=spec["room"],
            chair_id=people[spec["chair"]].id,
            secretary_id=people[spec["secretary"]].id,
            default_speaking_seconds=spec["speaking"],
            warning_seconds=demo_data.WARNING_SECONDS,
            agenda_items=[
                AgendaItem(number=n, title_es=es, title_en=en)
                for n, (es, en) in enumerate(spec["agenda"], start=1)
            ],
        )
        session.add(sitting)
        sittings.append(sitting)
    session.flush()
    return sittings


# --- contact details ---------------------------------------------------------------------

_NOT_IN_ADDRESS = re.compile(r"[^a-z0-9-]+")


def _email(spec: dict[str, Any], taken: set[str]) -> str:
    """given.surname@domain from the first given name and the first surname, unique."""
    given = _NOT_IN_ADDRESS.sub("", text.fold(spec["given"].split()[0]))
    surname = _NOT_IN_ADDRESS.sub("", text.fold(spec["first"]))
    local = f"{given}.{surname}".strip(".-")
    address = f"{local}@{spec['domain']}"
    n = 2
    while address in taken:
        address = f"{local}{n}@{spec['domain']}"
        n += 1
    taken.add(address)
    return address


def _phone(pattern: str, rng: random.Random) -> str:
    """The pattern with every ``#`` replaced by a digit from the seeded generator."""
    return "".join(str(rng.randrange(10)) if ch == "#" else ch for ch in pattern)
