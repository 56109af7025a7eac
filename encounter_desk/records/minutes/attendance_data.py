"""The attendance part of the minutes: blocks of delegations, each person's mark, the totals.

Everyone but staff and press is listed (see :mod:`encounter_desk.records.attendance`), by
block (member delegations, observers, international organizations, the Presidency and
Secretariat, guests, others) and delegation; a person nobody marked is absent.
"""

from __future__ import annotations

from dataclasses import dataclass

from encounter_desk.core.copying import copied, fields_of
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, in_language
from encounter_desk.records.attendance.counts import Quorum, counts_in, quorum_of
from encounter_desk.records.attendance.marks import status_label
from encounter_desk.records.attendance.roll_call import roll_call_in
from encounter_desk.records.minutes.context import MinutesContext, number, t
from encounter_desk.records.people import NamedPerson
from encounter_desk.storage.models import AttendanceStatus, DelegationKind, Sitting

# Attendance blocks: the kinds of delegation each one holds, in print order (the Presidency
# Pro Tempore and the Technical Secretariat first, as the acta lists them).
BLOCKS = (
    ("secretariat", (DelegationKind.PRESIDENCY, DelegationKind.SECRETARIAT),
     QT_TRANSLATE_NOOP("Minutes", "Presidency Pro-Tempore and Technical Secretariat")),
    ("members", (DelegationKind.COUNTRY,), QT_TRANSLATE_NOOP("Minutes", "Member delegations")),
    ("observers", (DelegationKind.OBSERVER,), QT_TRANSLATE_NOOP("Minutes", "Observers")),
    ("organizations", (DelegationKind.INTERNATIONAL,),
     QT_TRANSLATE_NOOP("Minutes", "International organizations")),
    ("guests", (DelegationKind.GUEST,), QT_TRANSLATE_NOOP("Minutes", "Guests")),
    ("others", (), QT_TRANSLATE_NOOP("Minutes", "Other participants")),
)


@dataclass(frozen=True)
class AttendanceLine(NamedPerson):
    """One person's mark as the minutes print it."""

    role: str
    category: str
    gender: str
    status: AttendanceStatus
    status_text: str
    arrival: str
    """Local arrival time "08:52" of a present person, else ""."""
    source: str
    is_head_of_delegation: bool = False
    institution: str = ""
    committee: str = ""

    def affiliation(self) -> str:
        """"Senado de la República · Comisión para la Igualdad de Género": the institution
        (unless it is already the role printed) and the committee."""
        institution = self.institution if self.institution != self.role else ""
        return " · ".join(x for x in (institution, self.committee) if x)


@dataclass(frozen=True)
class AttendanceGroup:
    delegation_id: int | None
    code: str
    name: str
    is_member: bool
    lines: tuple[AttendanceLine, ...]
    present: int
    excused: int
    absent: int


@dataclass(frozen=True)
class AttendanceBlock:
    key: str
    heading: str
    groups: tuple[AttendanceGroup, ...]


@dataclass(frozen=True)
class Totals:
    expected: int
    present: int
    excused: int
    absent: int
    lawmakers_present: int
    lawmakers_expected: int
    delegations_represented: int
    member_delegations: int
    quorum: Quorum
    quorum_text: str
    lines: tuple[str, ...]
    """Ready to print: "Present: 96", "Lawmakers present: 52 of 58"…"""


_COUNTED = (
    "expected", "present", "excused", "absent", "lawmakers_present", "lawmakers_expected",
    "delegations_represented", "member_delegations",
)
"""The totals the minutes take over from the sitting's attendance counts."""


def gather_attendance(
    ctx: MinutesContext, sitting: Sitting
) -> tuple[tuple[AttendanceBlock, ...], Totals]:
    lang = ctx.lang
    groups = roll_call_in(ctx.session, sitting.id)
    counts = counts_in(ctx.session, sitting.id, ctx.member_count, ctx.event.quorum_rule or "")
    absent = AttendanceStatus.ABSENT
    built: dict[str, list[AttendanceGroup]] = {key: [] for key, _, _ in BLOCKS}
    for g in groups:
        lines = tuple(
            copied(
                AttendanceLine, e,
                status=e.status or absent,
                status_text=status_label(e.status or absent, lang),
                arrival=ctx.local(e.arrived_at) if e.status is AttendanceStatus.PRESENT else "",
                source=e.source.value if e.source else "",
            )
            for e in g.entries
        )
        present = sum(1 for x in lines if x.status is AttendanceStatus.PRESENT)
        excused = sum(1 for x in lines if x.status is AttendanceStatus.EXCUSED)
        group = AttendanceGroup(g.delegation_id, g.code, g.name(lang), g.is_member, lines,
                                present, excused, len(lines) - present - excused)
        key = next((k for k, kinds, _ in BLOCKS if g.kind in kinds), "others")
        built[key].append(group)
    blocks = tuple(
        AttendanceBlock(key, t(heading, lang), tuple(built[key]))
        for key, _, heading in BLOCKS
        if built[key]
    )
    quorum = counts.quorum
    assert quorum is not None
    quorum_text = quorum.text(lang)
    if sitting.quorum_represented is not None and sitting.quorum_members is not None:
        # The quorum is the one verified when the sitting was opened, not today's count.
        quorum = quorum_of(ctx.event.quorum_rule or "", sitting.quorum_members,
                           sitting.quorum_represented)
        quorum_text = in_language(lang).translate(
            "Minutes", "At the opening ({time}): {quorum}").format(
            time=ctx.local(sitting.actual_start), quorum=quorum.text(lang))
    n = lambda v: number(v, lang)  # noqa: E731
    tr = in_language(lang)
    lines = (
        tr.translate("Minutes",
                     "Present: {present} · Excused: {excused} · Absent: {absent} · Total: {total}")
        .format(present=n(counts.present), excused=n(counts.excused), absent=n(counts.absent),
                total=n(counts.expected)),
        tr.translate("Minutes", "Lawmakers present: {present} of {total}").format(
            present=n(counts.lawmakers_present), total=n(counts.lawmakers_expected)),
        tr.translate("Minutes", "Member delegations represented: {represented} of {members}").format(
            represented=n(counts.delegations_represented), members=n(counts.member_delegations)),
    )
    totals = Totals(
        **fields_of(counts, _COUNTED),
        quorum=quorum,
        quorum_text=quorum_text,
        lines=lines,
    )
    return blocks, totals
