"""What the registration desk shows about people found by search, beside the scanner.

The search index (:mod:`encounter_desk.event.people_search`) answers with ids; this service turns them
into rows for the desk's result list: title, name, delegation, and whether (when, where)
each person is already checked in, the time in the venue's time zone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import bindparam, select

from encounter_desk.desk.verdict import PersonLabel
from encounter_desk.event.event import venue_zone  # also imported from here by ui/ tests
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import CheckIn, Delegation, Event, Participant


@dataclass(frozen=True)
class DeskPerson(PersonLabel):
    """A person in the desk's search results."""

    delegation_iso2: str
    institution: str
    checked_in_at: dt.datetime | None
    """In the venue's local time."""
    checked_in_desk: str

    @property
    def checked_in(self) -> bool:
        return self.checked_in_at is not None


_PEOPLE_Q = (
    select(Participant.id, Participant.title, Participant.display_name, Participant.institution,
           Delegation.code, Delegation.name_es, Delegation.name_en, Delegation.iso2,
           Delegation.kind, CheckIn.at, CheckIn.desk)
    .outerjoin(Delegation, Participant.delegation_id == Delegation.id)
    .outerjoin(CheckIn, CheckIn.participant_id == Participant.id)
    .where(Participant.id.in_(bindparam("ids", expanding=True)))
)


def desk_people(db: Database, ids: Sequence[int]) -> list[DeskPerson]:
    """The people with these ids, in the same order (ids no longer in the file are left out)."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return []
    with db.read() as session:
        zone = venue_zone(session.scalar(select(Event.timezone).order_by(Event.id).limit(1)))
        # Plain columns, no ORM objects: this runs on every keystroke of the desk's search.
        rows = session.execute(_PEOPLE_Q, {"ids": wanted}).all()
    found = {}
    for pid, title, name, institution, code, name_es, name_en, iso2, kind, at, desk in rows:
        found[pid] = DeskPerson(
            id=pid,
            title=title,
            display_name=name,
            delegation_code=code or "",
            delegation_es=name_es or "",
            delegation_en=name_en or "",
            delegation_iso2=(iso2 or "").lower() if kind == "country" else "",
            institution=institution,
            checked_in_at=at.astimezone(zone) if at is not None else None,
            checked_in_desk=desk or "",
        )
    return [found[i] for i in wanted if i in found]


def delegation_flags(db: Database) -> dict[str, str]:
    """Delegation code -> lower-case ISO alpha-2 of its flag, for member countries."""
    with db.read() as session:
        rows = session.execute(
            select(Delegation.code, Delegation.iso2).where(Delegation.kind == "country")
        ).all()
    return {code: iso2.lower() for code, iso2 in rows if iso2}
