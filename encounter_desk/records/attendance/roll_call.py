"""The roll call: everyone expected at a sitting, by delegation, with their current mark.

Staff and press are not expected (:data:`NOT_EXPECTED`); a person nobody marked has no
status (and counts as absent).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from encounter_desk.core.i18n import in_language, pick
from encounter_desk.records.attendance.marks import require_sitting
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import (
    Attendance,
    AttendanceSource,
    AttendanceStatus,
    Category,
    Delegation,
    Participant,
)

NOT_EXPECTED = frozenset({Category.STAFF.value, Category.PRESS.value})
"""Categories left out of roll calls, counts and minutes (they do not attend as members)."""


@dataclass(frozen=True)
class RollCallEntry:
    participant_id: int
    title: str
    name: str
    sort_name: str
    role: str
    """Position, else institution: what the minutes print beside the name."""
    institution: str
    committee: str
    category: str
    gender: str
    is_head_of_delegation: bool
    status: AttendanceStatus | None
    """None: not marked yet (counts as absent)."""
    arrived_at: dt.datetime | None
    source: AttendanceSource | None


@dataclass(frozen=True)
class RollCallGroup:
    delegation_id: int | None
    code: str
    name_es: str
    name_en: str
    kind: str
    is_member: bool
    entries: tuple[RollCallEntry, ...]

    def name(self, lang: str | None = None) -> str:
        return pick(lang, self.name_es, self.name_en)

    def count(self, status: AttendanceStatus | None) -> int:
        return sum(1 for e in self.entries if e.status == status)


_PERSON_COLUMNS = (
    Participant.id, Participant.delegation_id, Participant.title, Participant.display_name,
    Participant.sort_name, Participant.position, Participant.institution,
    Participant.committee, Participant.category, Participant.gender,
    Participant.is_head_of_delegation,
)


def _role(p: Any) -> str:
    """Position, else institution (of a participant or a plain row of its columns)."""
    return p.position or p.institution


def no_delegation_names() -> tuple[str, str]:
    """What the people of no delegation are grouped under, in Spanish and in English."""
    return (in_language("es").translate("Desk", "No delegation"),
            in_language("en").translate("Desk", "No delegation"))


def roll_call(db: Database, sitting_id: int) -> list[RollCallGroup]:
    """Everyone expected at the sitting by delegation (canonical order, then surname),
    with their current mark. Staff and press are left out."""
    with db.read() as session:
        require_sitting(session, sitting_id)
        return roll_call_in(session, sitting_id)


def roll_call_in(session: Session, sitting_id: int) -> list[RollCallGroup]:
    """:func:`roll_call` inside an open session (the minutes use it)."""
    delegations = {d.id: d for d in session.scalars(select(Delegation))}
    # Plain rows of the columns it prints, the mark joined: a conference's 10,000 people
    # are counted at each change of the list (the chair's quorum), not built as objects.
    people = session.execute(
        select(*_PERSON_COLUMNS, Attendance.status, Attendance.arrived_at, Attendance.source)
        .outerjoin(Attendance, (Attendance.participant_id == Participant.id)
                   & (Attendance.sitting_id == sitting_id))
        .where(Participant.category.not_in(NOT_EXPECTED))
        .order_by(Participant.sort_key, Participant.id)
    )
    grouped: dict[int | None, list[RollCallEntry]] = {}
    for p in people:
        grouped.setdefault(p.delegation_id, []).append(RollCallEntry(
            participant_id=p.id, title=p.title, name=p.display_name, sort_name=p.sort_name,
            role=_role(p), institution=p.institution, committee=p.committee,
            category=p.category, gender=p.gender or "",
            is_head_of_delegation=p.is_head_of_delegation,
            status=AttendanceStatus(p.status) if p.status else None,
            arrived_at=p.arrived_at,
            source=AttendanceSource(p.source) if p.source else None,
        ))
    groups = []
    nobody_es, nobody_en = no_delegation_names()
    for did, entries in grouped.items():
        d = delegations.get(did) if did is not None else None
        groups.append(
            RollCallGroup(
                delegation_id=did,
                code=d.code if d else "",
                name_es=d.name_es if d else nobody_es,
                name_en=d.name_en if d else nobody_en,
                kind=d.kind if d else "",
                is_member=bool(d and d.is_member),
                entries=tuple(entries),
            )
        )
    groups.sort(key=lambda g: (g.delegation_id is None,
                               delegations[g.delegation_id].canonical_order
                               if g.delegation_id is not None else 0, g.name_es))
    return groups
