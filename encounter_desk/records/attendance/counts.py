"""Live counts of a sitting: present, excused and absent by delegation, and the quorum.

Quorum (``Event.quorum_rule``): ``"majority_of_members"`` — more than half of the member
delegations (11 in the RCM) represented by at least one lawmaker present; ``""`` — the
event defines no quorum.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select

from encounter_desk.core.copying import copied
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, in_language, pick, translate
from encounter_desk.event.event import require_event
from encounter_desk.records.attendance.marks import AttendanceError, require_sitting
from encounter_desk.records.attendance.roll_call import RollCallGroup, roll_call_in
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import AttendanceStatus, Category, Delegation

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


def counts_from(
    sitting_id: int, groups: Iterable[RollCallGroup], member_delegations: int, rule: str
) -> AttendanceCounts:
    by_delegation = []
    for g in groups:
        present = g.count(AttendanceStatus.PRESENT)
        excused = g.count(AttendanceStatus.EXCUSED)
        by_delegation.append(
            copied(
                DelegationCount, g,
                expected=len(g.entries),
                present=present,
                excused=excused,
                absent=len(g.entries) - present - excused,
                lawmakers_present=sum(
                    1 for e in g.entries
                    if e.status is AttendanceStatus.PRESENT and e.category == Category.LAWMAKER
                ),
            )
        )
    lawmakers_expected = sum(
        1 for g in groups for e in g.entries if e.category == Category.LAWMAKER
    )
    represented = sum(1 for d in by_delegation if d.is_member and d.represented)
    return AttendanceCounts(
        sitting_id=sitting_id,
        expected=sum(d.expected for d in by_delegation),
        present=sum(d.present for d in by_delegation),
        excused=sum(d.excused for d in by_delegation),
        absent=sum(d.absent for d in by_delegation),
        lawmakers_expected=lawmakers_expected,
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
        groups = roll_call_in(session, sitting_id)
        members = len(session.scalars(select(Delegation.id).where(Delegation.is_member)).all())
    return counts_from(sitting_id, groups, members, event.quorum_rule or "")
