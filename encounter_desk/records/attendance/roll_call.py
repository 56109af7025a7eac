"""The roll call: everyone expected at a sitting, by delegation, with their current mark.

Staff and press are not expected (:data:`NOT_EXPECTED`); a person nobody marked has no
status (and counts as absent).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from encounter_desk.core.copying import copied
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


def _role(p: Participant) -> str:
    return p.position or p.institution


def roll_call(db: Database, sitting_id: int) -> list[RollCallGroup]:
    """Everyone expected at the sitting by delegation (canonical order, then surname),
    with their current mark. Staff and press are left out."""
    with db.read() as session:
        require_sitting(session, sitting_id)
        return roll_call_in(session, sitting_id)


def roll_call_in(session: Session, sitting_id: int) -> list[RollCallGroup]:
    """:func:`roll_call` inside an open session (the minutes use it)."""
    delegations = {d.id: d for d in session.scalars(select(Delegation))}
    marks = {
        a.participant_id: a
        for a in session.scalars(select(Attendance).where(Attendance.sitting_id == sitting_id))
    }
    people = session.scalars(
        select(Participant)
        .where(Participant.category.not_in(NOT_EXPECTED))
        .order_by(Participant.sort_key, Participant.id)
    )
    grouped: dict[int | None, list[RollCallEntry]] = {}
    for p in people:
        a = marks.get(p.id)
        grouped.setdefault(p.delegation_id, []).append(
            copied(
                RollCallEntry, p,
                participant_id=p.id,
                name=p.display_name,
                role=_role(p),
                gender=p.gender or "",
                status=AttendanceStatus(a.status) if a else None,
                arrived_at=a.arrived_at if a else None,
                source=AttendanceSource(a.source) if a else None,
            )
        )
    groups = []
    for did, entries in grouped.items():
        d = delegations.get(did) if did is not None else None
        groups.append(
            RollCallGroup(
                delegation_id=did,
                code=d.code if d else "",
                name_es=d.name_es if d else in_language("es").translate("Desk", "No delegation"),
                name_en=d.name_en if d else in_language("en").translate("Desk", "No delegation"),
                kind=d.kind if d else "",
                is_member=bool(d and d.is_member),
                entries=tuple(entries),
            )
        )
    groups.sort(key=lambda g: (g.delegation_id is None,
                               delegations[g.delegation_id].canonical_order
                               if g.delegation_id is not None else 0, g.name_es))
    return groups
