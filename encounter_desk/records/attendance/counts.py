"""Live counts of a sitting: present, excused and absent by delegation, and the quorum.

Quorum (``Event.quorum_rule``): ``"majority_of_members"`` — more than half of the member
delegations (11 in the RCM) represented by at least one lawmaker present; ``""`` — the
event defines no quorum.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, in_language, pick, translate
from encounter_desk.event.event import require_event
from encounter_desk.records.attendance.marks import AttendanceError, require_sitting
from encounter_desk.records.attendance.roll_call import NOT_EXPECTED, no_delegation_names
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import (
    Attendance,
    AttendanceStatus,
    Category,
    Delegation,
    Participant,
)

QUORUM_RULES = ("", "majority_of_members")


QUORUM_RULE_LABELS = {
    "": QT_TRANSLATE_NOOP("Attendance", "No quorum rule"),
    "majority_of_members": QT_TRANSLATE_NOOP(
        "Attendance", "A majority of the member delegations represented"
    ),
}


@dataclass(frozen=True)
class DelegationCount:
    delegation_id: int | None
    code: str
    name_es: str
    name_en: str
    is_member: bool
    expected: int
    present: int
    excused: int
    absent: int
    """Absent includes the people not marked."""
    lawmakers_present: int

    def name(self, lang: str | None = None) -> str:
        return pick(lang, self.name_es, self.name_en)

    @property
    def represented(self) -> bool:
        return self.lawmakers_present > 0


@dataclass(frozen=True)
class Quorum:
    rule: str
    """"" when the event defines no quorum (then ``met`` is None)."""
    required: int
    represented: int
    members: int
    met: bool | None

    def text(self, lang: str | None = None) -> str:
        """"Quorum met: 9 of 11 member delegations represented (6 required)"."""
        if not self.rule:
            return in_language(lang).translate("Attendance", "The event defines no quorum.")
        tr = in_language(lang)
        if self.met:
            template = tr.translate(
                "Attendance",
                "Quorum met: {represented} of {members} member delegations represented "
                "({required} required).",
            )
        else:
            template = tr.translate(
                "Attendance",
                "Quorum not met: {represented} of {members} member delegations represented "
                "({required} required).",
            )
        return template.format(
            represented=self.represented, members=self.members, required=self.required
        )


@dataclass(frozen=True)
class AttendanceCounts:
    sitting_id: int
    expected: int
    present: int
    excused: int
    absent: int
    lawmakers_expected: int
    lawmakers_present: int
    member_delegations: int
    delegations_represented: int
    """Member delegations with at least one lawmaker present."""
    by_delegation: tuple[DelegationCount, ...] = field(default=())
    quorum: Quorum | None = None


def quorum_of(rule: str, member_delegations: int, represented: int) -> Quorum:
    if rule not in QUORUM_RULES:
        raise AttendanceError(translate("Attendance", "Unknown quorum rule {rule!r}.").format(rule=rule), code="attendance.quorum_rule")
    if not rule:
        return Quorum("", 0, represented, member_delegations, None)
    required = member_delegations // 2 + 1
    return Quorum(rule, required, represented, member_delegations, represented >= required)


def counts_in(
    session: Session, sitting_id: int, member_delegations: int, rule: str
) -> AttendanceCounts:
    """The sitting's counts, by delegation in canonical order (no delegation last), counted
    by the database in one grouped query over the people expected (:data:`NOT_EXPECTED`
    left out; nobody marked counts as absent). The chair reads them again at every change
    of the record, 10,000 people at a conference: counting rows, not building them."""
    present = Attendance.status == AttendanceStatus.PRESENT.value
    lawmaker = Participant.category == Category.LAWMAKER.value

    def number(condition: Any) -> Any:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    tallies = session.execute(
        select(Participant.delegation_id, func.count(Participant.id), number(present),
               number(Attendance.status == AttendanceStatus.EXCUSED.value),
               number(present & lawmaker), number(lawmaker))
        .outerjoin(Attendance, (Attendance.participant_id == Participant.id)
                   & (Attendance.sitting_id == sitting_id))
        .where(Participant.category.not_in(NOT_EXPECTED))
        .group_by(Participant.delegation_id)
    ).all()
    delegations = {d.id: d for d in session.scalars(select(Delegation))}
    nobody_es, nobody_en = no_delegation_names()
    by_delegation = []
    for did, expected, here, excused, lawmakers_here, _lawmakers in tallies:
        d = delegations.get(did) if did is not None else None
        by_delegation.append(DelegationCount(
            delegation_id=did, code=d.code if d else "",
            name_es=d.name_es if d else nobody_es, name_en=d.name_en if d else nobody_en,
            is_member=bool(d and d.is_member), expected=expected, present=here,
            excused=excused, absent=expected - here - excused, lawmakers_present=lawmakers_here,
        ))
    by_delegation.sort(key=lambda c: (c.delegation_id is None,
                                      delegations[c.delegation_id].canonical_order
                                      if c.delegation_id is not None else 0, c.name_es))
    represented = sum(1 for d in by_delegation if d.is_member and d.represented)
    return AttendanceCounts(
        sitting_id=sitting_id,
        expected=sum(d.expected for d in by_delegation),
        present=sum(d.present for d in by_delegation),
        excused=sum(d.excused for d in by_delegation),
        absent=sum(d.absent for d in by_delegation),
        lawmakers_expected=sum(int(t[5]) for t in tallies),
        lawmakers_present=sum(d.lawmakers_present for d in by_delegation),
        member_delegations=member_delegations,
        delegations_represented=represented,
        by_delegation=tuple(by_delegation),
        quorum=quorum_of(rule, member_delegations, represented),
    )


def live_counts(db: Database, sitting_id: int) -> AttendanceCounts:
    """Present / excused / absent by delegation, delegations represented, lawmakers, quorum."""
    with db.read() as session:
        event = require_event(session)
        require_sitting(session, sitting_id)
        members = len(session.scalars(select(Delegation.id).where(Delegation.is_member)).all())
        return counts_in(session, sitting_id, members, event.quorum_rule or "")
