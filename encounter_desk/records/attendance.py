"""Attendance per sitting: door scans, the chair's roll call, manual marks, live counts, quorum.

Every participant has at most one ``attendance`` row per sitting (a UNIQUE constraint in
the database). Three ways fill it, and the row keeps which one did (``source``):

* :func:`record_door_scan` / :func:`record_door_participant` — a badge read (or a person
  found by search) at the sitting's door. It records a ``scan`` row with the sitting's id
  (the desk's log keeps every read, refused ones too) and makes the person present. It
  does **not** check the person in at the event: that is the registration desk's job.
* :func:`mark_many` — the roll call: a whole list of marks in one transaction.
* :func:`mark` — one manual mark by the secretariat.

Rules:

* **A scan is never a toggle.** A second scan of someone already present answers
  "present since 09:12" and changes nothing; the first arrival time is kept.
* **A scan proves presence.** A door scan makes an *excused* or *absent* person present
  (someone excused who walks in after all is present, and the minutes must say so). The
  earlier mark stays in the audit trail.
* **A person decides over a scan.** The roll call and manual marks set any status, also
  over a scan (a badge lent to someone else, a person who left). Marking someone present
  who already was keeps the first arrival time; marking excused or absent clears it.
* **Nobody unmarked is present.** In counts and in the minutes, a participant with no row
  counts as absent; the roll call shows them as "not marked".
* **Two desks, one row.** Writes take SQLite's write lock at BEGIN (``BEGIN IMMEDIATE``,
  see :mod:`encounter_desk.storage.database`); on PostgreSQL the unique constraint fails the slower of
  two concurrent inserts with an IntegrityError, and the mark is retried from the start.

Quorum (``Event.quorum_rule``): ``"majority_of_members"`` — more than half of the member
delegations (11 in the RCM) represented by at least one lawmaker present; ``""`` — the
event defines no quorum.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from encounter_desk.core import names as text
from encounter_desk.core.clock import Clock
from encounter_desk.core.errors import Refusal
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, in_language, pick, translate
from encounter_desk.event import badge_code
from encounter_desk.event.event import require_event
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import (
    ATTENDANCE_SOURCE_LABELS,
    ATTENDANCE_STATUS_LABELS,
    Attendance,
    AttendanceSource,
    AttendanceStatus,
    Category,
    Delegation,
    Event,
    Participant,
    Scan,
    Sitting,
)
from encounter_desk.storage.models.scans import kept_raw, new_scan_uid

QUORUM_RULES = ("", "majority_of_members")
NOT_EXPECTED = frozenset({Category.STAFF.value, Category.PRESS.value})
"""Categories left out of roll calls, counts and minutes (they do not attend as members)."""

QUORUM_RULE_LABELS = {
    "": QT_TRANSLATE_NOOP("Attendance", "No quorum rule"),
    "majority_of_members": QT_TRANSLATE_NOOP(
        "Attendance", "A majority of the member delegations represented"
    ),
}


class AttendanceError(Refusal):
    """A mark was refused; ``str(error)`` is a translated sentence for the user."""

    default_code = "attendance.refused"


def _t(message: str, lang: str | None = None) -> str:
    """A label marked elsewhere with QT_TRANSLATE_NOOP, in ``lang``."""
    return in_language(lang).translate("Attendance", message)


def status_label(status: str | None, lang: str | None = None) -> str:
    if not status:
        return in_language(lang).translate("Attendance", "Not marked")
    return _t(ATTENDANCE_STATUS_LABELS[AttendanceStatus(status)], lang)


def source_label(source: str | None, lang: str | None = None) -> str:
    if not source:
        return ""
    return _t(ATTENDANCE_SOURCE_LABELS[AttendanceSource(source)], lang)


def zone_of(name: str) -> dt.tzinfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return dt.UTC


# --- the dataclasses ---------------------------------------------------------------------

@dataclass(frozen=True)
class AttendanceMark:
    """One participant's attendance at one sitting as stored (what a mark returns)."""

    sitting_id: int
    participant_id: int
    status: AttendanceStatus
    arrived_at: dt.datetime | None
    source: AttendanceSource
    recorded_by: str
    desk: str
    updated_at: dt.datetime
    changed: bool
    """False when the mark found the row already so (a re-scan, a repeated mark)."""


class DoorVerdictKind(StrEnum):
    PRESENT = "present"  # marked present by this scan
    ALREADY_PRESENT = "already_present"  # present already: nothing changed
    REPLACED = "replaced"  # an old badge (a newer one was issued)
    WRONG_EVENT = "wrong_event"
    FORGED = "forged"
    UNKNOWN = "unknown"

    @property
    def present(self) -> bool:
        return self in (DoorVerdictKind.PRESENT, DoorVerdictKind.ALREADY_PRESENT)


DOOR_VERDICT_LABELS = {
    DoorVerdictKind.PRESENT: QT_TRANSLATE_NOOP("Attendance", "Present"),
    DoorVerdictKind.ALREADY_PRESENT: QT_TRANSLATE_NOOP("Attendance", "Already present"),
    DoorVerdictKind.REPLACED: QT_TRANSLATE_NOOP("Attendance", "Replaced badge"),
    DoorVerdictKind.WRONG_EVENT: QT_TRANSLATE_NOOP("Attendance", "Wrong event"),
    DoorVerdictKind.FORGED: QT_TRANSLATE_NOOP("Attendance", "Forged or damaged"),
    DoorVerdictKind.UNKNOWN: QT_TRANSLATE_NOOP("Attendance", "Unknown"),
}

# What the desk's scan log calls each door verdict (values of checkin.VerdictKind, so the
# desk's recent-scans list reads them like any other scan).
_SCAN_VERDICT = {
    DoorVerdictKind.PRESENT: "admitted",
    DoorVerdictKind.ALREADY_PRESENT: "already_checked_in",
    DoorVerdictKind.REPLACED: "replaced",
    DoorVerdictKind.WRONG_EVENT: "wrong_event",
    DoorVerdictKind.FORGED: "forged",
    DoorVerdictKind.UNKNOWN: "unknown",
}


@dataclass(frozen=True)
class DoorVerdict:
    """What the door desk shows for one scan at a sitting."""

    kind: DoorVerdictKind
    sitting_id: int
    sitting_number: int
    scan_id: int
    at: dt.datetime
    desk: str
    participant_id: int | None = None
    title: str = ""
    name: str = ""
    delegation_es: str = ""
    delegation_en: str = ""
    present_since: dt.datetime | None = None
    """When the person became present at this sitting (this scan, or an earlier one)."""
    timezone: str = "UTC"

    def label(self, lang: str | None = None) -> str:
        return _t(DOOR_VERDICT_LABELS[self.kind], lang)

    def delegation(self, lang: str | None = None) -> str:
        return pick(lang, self.delegation_es, self.delegation_en)

    def local(self, moment: dt.datetime) -> dt.datetime:
        return moment.astimezone(zone_of(self.timezone))

    def message(self, lang: str | None = None) -> str:
        """One line for the screen: "Present since 09:12", "Forged or damaged"…"""
        if self.kind.present and self.present_since is not None:
            return in_language(lang).translate("Attendance", "Present since {time}").format(
                time=self.local(self.present_since).strftime("%H:%M")
            )
        return self.label(lang)


@dataclass(frozen=True)
class RollCallEntry:
    participant_id: int
    title: str
    name: str
    sort_name: str
    role: str
    """Position, else institution: what the minutes print beside the name."""
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


# --- marks -------------------------------------------------------------------------------

class _NoRow:
    """Tells :func:`_apply` that the caller already looked and found no row."""


_NO_ROW = _NoRow()


def _actor(session: Session) -> str:
    return str(session.info.get("actor") or "")[:200]


def _require_sitting(session: Session, sitting_id: int) -> Sitting:
    sitting = session.get(Sitting, sitting_id)
    if sitting is None:
        raise AttendanceError(translate("Attendance", "There is no session {id}.").format(id=sitting_id), code="attendance.no_sitting")
    return sitting


def _require_participant(session: Session, participant_id: int) -> Participant:
    person = session.get(Participant, participant_id)
    if person is None:
        raise AttendanceError(
            translate("Attendance", "There is no participant number {id}.").format(id=participant_id),
            code="attendance.no_participant",
        )
    return person


def _status(value: str | AttendanceStatus) -> AttendanceStatus:
    try:
        return AttendanceStatus(value)
    except ValueError:
        raise AttendanceError(
            translate("Attendance", "{status!r} is not an attendance status (present, excused or absent).").format(
                status=value
            ),
            code="attendance.status",
        ) from None


def _source(value: str | AttendanceSource) -> AttendanceSource:
    try:
        return AttendanceSource(value)
    except ValueError:
        raise AttendanceError(
            translate("Attendance", "{source!r} is not a source of attendance (scan, roll_call or manual).").format(
                source=value
            ),
            code="attendance.source",
        ) from None


def _apply(
    session: Session,
    sitting_id: int,
    participant_id: int,
    status: AttendanceStatus,
    source: AttendanceSource,
    *,
    at: dt.datetime,
    desk: str,
    scan_id: int | None = None,
    row: Attendance | _NoRow | None = None,
) -> AttendanceMark:
    """Set one row by the rules of the module docstring (the caller holds the transaction)."""
    if isinstance(row, _NoRow):
        row = None
    elif row is None:
        row = session.scalar(
            select(Attendance).where(
                Attendance.sitting_id == sitting_id, Attendance.participant_id == participant_id
            )
        )
    changed = True
    if row is None:
        row = Attendance(
            sitting_id=sitting_id,
            participant_id=participant_id,
            status=status.value,
            arrived_at=at if status is AttendanceStatus.PRESENT else None,
            source=source.value,
            recorded_by=_actor(session),
            desk=desk,
            scan_id=scan_id,
            updated_at=at,
        )
        session.add(row)
    elif row.status == status.value and (
        status is AttendanceStatus.PRESENT or row.source == source.value
    ):
        changed = False  # a re-scan, or the same mark again: the first arrival stands
    else:
        if status is AttendanceStatus.PRESENT:
            row.arrived_at = row.arrived_at or at
        else:
            row.arrived_at = None
        row.status = status.value
        row.source = source.value
        row.recorded_by = _actor(session)
        row.desk = desk
        row.scan_id = scan_id
        row.updated_at = at
    session.flush()
    return _mark_of(row, changed)


def _mark_of(row: Attendance, changed: bool) -> AttendanceMark:
    return AttendanceMark(
        sitting_id=row.sitting_id,
        participant_id=row.participant_id,
        status=AttendanceStatus(row.status),
        arrived_at=row.arrived_at,
        source=AttendanceSource(row.source),
        recorded_by=row.recorded_by,
        desk=row.desk,
        updated_at=row.updated_at,
        changed=changed,
    )


def _retrying(db: Database, work: Callable[[Session], object], attempts: int = 3):  # noqa: ANN202
    """Run ``work`` in a write transaction, again if a concurrent insert won the race."""
    for attempt in range(attempts):
        try:
            with db.write() as session:
                return work(session)
        except IntegrityError:
            if attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")


def mark(
    db: Database,
    sitting_id: int,
    participant_id: int,
    status: str | AttendanceStatus,
    *,
    source: str | AttendanceSource = AttendanceSource.MANUAL,
    desk: str = "",
    at: dt.datetime | None = None,
    clock: Clock | None = None,
) -> AttendanceMark:
    """Mark one participant present, excused or absent at a sitting (manual by default).

    ``at`` is the arrival time of a present person (default: now).
    """
    status, source = _status(status), _source(source)
    when = at or (clock or db.clock)()
    desk = text.clean(desk)[:80]

    def work(session: Session) -> AttendanceMark:
        _require_sitting(session, sitting_id)
        _require_participant(session, participant_id)
        return _apply(session, sitting_id, participant_id, status, source, at=when, desk=desk)

    return _retrying(db, work)


def mark_many(
    db: Database,
    sitting_id: int,
    marks: Mapping[int, str | AttendanceStatus],
    *,
    source: str | AttendanceSource = AttendanceSource.ROLL_CALL,
    desk: str = "",
    at: dt.datetime | None = None,
    clock: Clock | None = None,
) -> list[AttendanceMark]:
    """The roll call: {participant id: status} in one transaction (all or nothing)."""
    checked = {int(pid): _status(status) for pid, status in marks.items()}
    source = _source(source)
    when = at or (clock or db.clock)()
    desk = text.clean(desk)[:80]

    def work(session: Session) -> list[AttendanceMark]:
        _require_sitting(session, sitting_id)
        known = set(
            session.scalars(select(Participant.id).where(Participant.id.in_(list(checked))))
        )
        missing = sorted(set(checked) - known)
        if missing:
            raise AttendanceError(
                translate("Attendance", "There is no participant number {id}.").format(id=missing[0]),
                code="attendance.no_participant",
            )
        rows = {
            r.participant_id: r
            for r in session.scalars(
                select(Attendance).where(
                    Attendance.sitting_id == sitting_id,
                    Attendance.participant_id.in_(list(checked)),
                )
            )
        }
        out = []
        for pid, status in checked.items():
            row = rows.get(pid)
            out.append(
                _apply(session, sitting_id, pid, status, source, at=when, desk=desk,
                       row=row or _NO_ROW)
            )
        return out

    return _retrying(db, work)


def clear_mark(db: Database, sitting_id: int, participant_id: int) -> bool:
    """Remove a mark made by mistake (back to "not marked"); False if there was none."""
    with db.write() as session:
        row = session.scalar(
            select(Attendance).where(
                Attendance.sitting_id == sitting_id, Attendance.participant_id == participant_id
            )
        )
        if row is None:
            return False
        session.delete(row)
    return True


# --- door scans --------------------------------------------------------------------------

def _door(
    db: Database,
    sitting_id: int,
    *,
    raw: str,
    source: str,
    desk: str,
    scan_uid: str | None,
    clock: Clock | None,
    judge: Callable[[Session, Event], tuple[DoorVerdictKind | None, int | None, int | None]],
) -> DoorVerdict:
    uid = (scan_uid or "").strip()[:64] or new_scan_uid()
    desk = text.clean(desk)[:80]
    now = (clock or db.clock)()

    def work(session: Session) -> DoorVerdict:
        event = require_event(session)
        sitting = _require_sitting(session, sitting_id)
        earlier = session.scalar(select(Scan).where(Scan.scan_uid == uid))
        if earlier is not None:  # a retry of a recorded scan: answer it again, change nothing
            return _replay(session, earlier, sitting, event)
        refused, participant_id, serial = judge(session, event)
        person = session.get(Participant, participant_id) if participant_id else None
        kind = refused
        if kind is None:
            if person is None:
                kind = DoorVerdictKind.UNKNOWN
            elif serial is not None and serial < person.badge_serial:
                kind = DoorVerdictKind.REPLACED
            elif serial is not None and serial > person.badge_serial:
                kind = DoorVerdictKind.UNKNOWN
        scan = Scan(
            scan_uid=uid, raw=kept_raw(raw), raw_length=len(raw), source=source,
            verdict="", participant_id=person.id if person else None, badge_serial=serial,
            desk=desk, at=now, sitting_id=sitting.id, undo_reason="", undone_by="",
        )
        session.add(scan)
        session.flush()
        since = None
        if kind is None:
            assert person is not None
            result = _apply(
                session, sitting.id, person.id, AttendanceStatus.PRESENT,
                AttendanceSource.SCAN, at=now, desk=desk, scan_id=scan.id,
            )
            kind = DoorVerdictKind.PRESENT if result.changed else DoorVerdictKind.ALREADY_PRESENT
            since = result.arrived_at
        scan.verdict = _SCAN_VERDICT[kind]
        session.flush()
        return _verdict(kind, sitting, scan, person, since, event.timezone)

    return _retrying(db, work)


def _verdict(
    kind: DoorVerdictKind,
    sitting: Sitting,
    scan: Scan,
    person: Participant | None,
    since: dt.datetime | None,
    zone: str,
) -> DoorVerdict:
    delegation = person.delegation if person is not None else None
    return DoorVerdict(
        kind=kind,
        sitting_id=sitting.id,
        sitting_number=sitting.number,
        scan_id=scan.id,
        at=scan.at,
        desk=scan.desk,
        participant_id=person.id if person else None,
        title=person.title if person else "",
        name=person.display_name if person else "",
        delegation_es=delegation.name_es if delegation else "",
        delegation_en=delegation.name_en if delegation else "",
        present_since=since,
        timezone=zone,
    )


def _replay(session: Session, scan: Scan, sitting: Sitting, event: Event) -> DoorVerdict:
    reverse = {v: k for k, v in _SCAN_VERDICT.items()}
    kind = reverse.get(scan.verdict, DoorVerdictKind.UNKNOWN)
    person = session.get(Participant, scan.participant_id) if scan.participant_id else None
    since = None
    if kind.present and person is not None:
        since = session.scalar(
            select(Attendance.arrived_at).where(
                Attendance.sitting_id == sitting.id, Attendance.participant_id == person.id
            )
        )
    return _verdict(kind, sitting, scan, person, since, event.timezone)


def record_door_scan(
    db: Database,
    sitting_id: int,
    raw: str,
    *,
    desk: str,
    scan_uid: str | None = None,
    source: str = "scanner",
    clock: Clock | None = None,
) -> DoorVerdict:
    """A badge read at the sitting's door: verify it, log the scan, make the person present.

    Never raises on a bad code (that is a verdict); raises :class:`AttendanceError` for an
    unknown sitting and :class:`~encounter_desk.event.event.NoEventError` without an event.
    """
    if not isinstance(raw, str):
        raw = "" if raw is None else repr(raw)

    def judge(session: Session, event: Event):  # noqa: ANN202
        parsed = badge_code.parse_code(raw)
        status = badge_code.verify(parsed, secret_hex=event.secret, event_code=event.code)
        if status is badge_code.CodeStatus.OK:
            assert isinstance(parsed, badge_code.ParsedCode)
            return None, parsed.participant_id, parsed.serial
        if status is badge_code.CodeStatus.WRONG_EVENT:
            return DoorVerdictKind.WRONG_EVENT, None, None
        return DoorVerdictKind.FORGED, None, None

    return _door(db, sitting_id, raw=raw, source=source, desk=desk, scan_uid=scan_uid,
                 clock=clock, judge=judge)


def record_door_participant(
    db: Database,
    sitting_id: int,
    participant_id: int,
    *,
    desk: str,
    scan_uid: str | None = None,
    clock: Clock | None = None,
) -> DoorVerdict:
    """A person found by search at the sitting's door: the same path without a badge."""

    def judge(session: Session, event: Event):  # noqa: ANN202
        return None, participant_id, None

    return _door(db, sitting_id, raw="", source="search", desk=desk, scan_uid=scan_uid,
                 clock=clock, judge=judge)


# --- roll call and counts ----------------------------------------------------------------

def _role(p: Participant) -> str:
    return p.position or p.institution


def roll_call(db: Database, sitting_id: int) -> list[RollCallGroup]:
    """Everyone expected at the sitting by delegation (canonical order, then surname),
    with their current mark. Staff and press are left out."""
    with db.read() as session:
        _require_sitting(session, sitting_id)
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
            RollCallEntry(
                participant_id=p.id,
                title=p.title,
                name=p.display_name,
                sort_name=p.sort_name,
                role=_role(p),
                category=p.category,
                gender=p.gender or "",
                is_head_of_delegation=p.is_head_of_delegation,
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
            DelegationCount(
                delegation_id=g.delegation_id,
                code=g.code,
                name_es=g.name_es,
                name_en=g.name_en,
                is_member=g.is_member,
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
        _require_sitting(session, sitting_id)
        groups = roll_call_in(session, sitting_id)
        members = len(session.scalars(select(Delegation.id).where(Delegation.is_member)).all())
    return counts_from(sitting_id, groups, members, event.quorum_rule or "")


def attendance_of(db: Database, sitting_id: int, participant_id: int) -> AttendanceMark | None:
    with db.read() as session:
        row = session.scalar(
            select(Attendance).where(
                Attendance.sitting_id == sitting_id, Attendance.participant_id == participant_id
            )
        )
        return _mark_of(row, False) if row is not None else None
