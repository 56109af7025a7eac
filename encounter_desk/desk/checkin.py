"""Check-in at the registration desk: the verdict for a scan, recorded in one transaction.

Every entry point records one ``scan`` row in one short write transaction and returns a
:class:`~encounter_desk.desk.verdict.Verdict` (plain data, safe to hand to a widget or print
as JSON):

* :func:`check_in` — text read by a scanner (or a camera, or typed);
* :func:`check_in_participant` — the same verdict path for a person found by search, or
  registered at the desk as a walk-in (no badge code to verify).

The scan log, undo and the live counts beside the scanner are in
:mod:`encounter_desk.desk.scan_log`.

Rules the desk relies on:

* **A scan is never a toggle.** The second scan of an admitted badge says
  ``already_checked_in`` (when, at which desk); nothing ever checks a person out except an
  explicit undo.
* **Exactly one admission.** ``check_in.participant_id`` is UNIQUE. On SQLite every write
  transaction starts with ``BEGIN IMMEDIATE`` (see :mod:`encounter_desk.storage.database`), so two desks
  (two processes) on one file are serialised and the second sees the first's check-in. On
  PostgreSQL two concurrent transactions may both find no check-in; the unique index lets
  one commit and fails the other with an IntegrityError, which is retried from the start
  and then answers ``already_checked_in``.
* **A retry is counted once.** The caller gives each scan a ``scan_uid`` (the desk makes a
  uuid when the scanner's Enter arrives); a second call with the same uid records nothing
  and returns the original verdict, rebuilt from the log (``Verdict.repeated`` is True).
* **Every scan is kept**, the refused ones too: raw text (the first 512 characters, and
  the full length), verdict, participant when known, desk, time, source. Scans and
  check-ins are written through the ORM, so the audit trail also records each one.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Date, Integer, Time, and_, bindparam, func, insert, or_, select
from sqlalchemy.orm import Session

from encounter_desk.core import names as text
from encounter_desk.core.clock import Clock
from encounter_desk.core.copying import fields_of
from encounter_desk.core.i18n import translate
from encounter_desk.desk.scan_log import (
    CheckInCounts,
    GroupCount,
    ScanRecord,
    UndoneCheckIn,
    counts,
    is_checked_in,
    recent_scans,
    undo_check_in,
)
from encounter_desk.desk.verdict import (
    VERDICT_LABELS,
    CheckInError,
    ParticipantInfo,
    SittingInfo,
    Verdict,
    VerdictKind,
    describe,
    verdict_label,
)
from encounter_desk.event import badge_code
from encounter_desk.event.badge_reading import read_badge
from encounter_desk.event.event import NoEventError, venue_zone
from encounter_desk.storage.database import Database, retry_on_conflict
from encounter_desk.storage.models import (
    AuditEntry,
    CheckIn,
    Delegation,
    Event,
    Participant,
    Scan,
    Sitting,
    audit,
)
from encounter_desk.storage.models.scans import kept_raw, new_scan_uid
from encounter_desk.storage.prepared import Driver, Prepared

__all__ = [
    "ENV_DESK",
    "SOURCES",
    "Clock",
    "check_in",
    "check_in_participant",
    "default_desk_name",
    "first_due_sitting",
    # Moved to desk/verdict.py and desk/scan_log.py; still importable from here for the
    # callers outside desk/ and cli/ (ui/desk, tests/ui, tests/helpers, bench, scripts).
    "VERDICT_LABELS",
    "CheckInCounts",
    "CheckInError",
    "GroupCount",
    "ParticipantInfo",
    "ScanRecord",
    "SittingInfo",
    "UndoneCheckIn",
    "Verdict",
    "VerdictKind",
    "counts",
    "describe",
    "is_checked_in",
    "recent_scans",
    "undo_check_in",
    "verdict_label",
]

ENV_DESK = "ENCOUNTER_DESK_DESK"
SOURCES = ("scanner", "camera", "search", "walk-in")


def default_desk_name() -> str:
    """This laptop's desk name: $ENCOUNTER_DESK_DESK, else the computer's name."""
    return (os.environ.get(ENV_DESK) or socket.gethostname() or "desk").strip()[:80]



# --- the verdict path -------------------------------------------------------------------

@dataclass(frozen=True)
class _EventKeys:
    code: str
    secret: str
    zone: dt.tzinfo
    zone_name: str


# The verdict path's statements, built once. The common path's are Prepared: compiled once
# and run on the driver's cursor, without the ORM's flush or SQLAlchemy's per-statement work
# (see storage/prepared.py): a verdict must cost little more than SQLite's own commit.
_SCAN_BY_UID_Q = select(Scan.id).where(Scan.scan_uid == bindparam("uid"))
_PARTICIPANT_Q = (
    select(
        Participant.id,
        Participant.title,
        Participant.display_name,
        Delegation.code,
        Delegation.name_es,
        Delegation.name_en,
        Delegation.kind,
        Participant.category,
        Participant.position,
        Participant.institution,
        Participant.desk_note,
        Participant.is_head_of_delegation,
        Participant.badge_serial,
        Participant.withdrawn_at,
        Participant.withdrawn_reason,
    )
    .outerjoin(Delegation, Participant.delegation_id == Delegation.id)
    .where(Participant.id == bindparam("pid"))
)
# The event's keys, the participant and their check-in in one statement (on a server every
# round trip costs more than the query itself): the verdict's only read but the due sitting.
_LOOKUP = Prepared(
    select(Event.code, Event.secret, Event.timezone, *_PARTICIPANT_Q.selected_columns,
           CheckIn.scan_id, CheckIn.at, CheckIn.desk)
    .select_from(Event)
    .outerjoin(Participant, Participant.id == bindparam("pid", type_=Integer))
    .outerjoin(Delegation, Participant.delegation_id == Delegation.id)
    .outerjoin(CheckIn, CheckIn.participant_id == Participant.id)
    .order_by(Event.id)
    .limit(1)
)
_SCAN_COLUMNS = tuple(column.key for column in Scan.__table__.columns if column.key != "id")
_NOT_JUDGED_YET = {
    "verdict": None, "participant_id": None, "badge_serial": None, "related_scan_id": None,
    "undone_at": None, "undo_reason": "", "undone_by": "",
}
"""The columns of a scan before its verdict (the judge fills the first four in)."""
_INSERT_SCAN = Prepared(insert(Scan.__table__).returning(Scan.__table__.c.id),
                        keys=_SCAN_COLUMNS)
_CHECK_IN_COLUMNS = ("participant_id", "scan_id", "at", "desk")
_INSERT_CHECK_IN = Prepared(insert(CheckIn.__table__).returning(CheckIn.__table__.c.id),
                            keys=_CHECK_IN_COLUMNS)
_AUDIT_COLUMNS = ("at", "actor", "action", "table_name", "row_id", "changes")
_INSERT_AUDIT = Prepared(insert(AuditEntry.__table__), keys=_AUDIT_COLUMNS)
_ENDS = func.coalesce(Sitting.scheduled_end, Sitting.scheduled_start)
_DUE_SITTING_Q = (
    select(
        Sitting.id,
        Sitting.number,
        Sitting.title_es,
        Sitting.title_en,
        Sitting.date,
        Sitting.scheduled_start,
        Sitting.room,
    )
    .where(
        Sitting.adjourned_at.is_(None),
        or_(
            Sitting.date > bindparam("today", type_=Date),
            and_(
                Sitting.date == bindparam("today", type_=Date),
                _ENDS >= bindparam("now", type_=Time),
            ),
        ),
    )
    .order_by(Sitting.date, Sitting.scheduled_start, Sitting.number)
    .limit(1)
)
_DUE_SITTING = Prepared(_DUE_SITTING_Q)


def _lookup(session: Session | Driver, participant_id: int | None
            ) -> tuple[_EventKeys, ParticipantInfo | None, Any]:
    """The event's keys, the participant (None when unknown) and their check-in (or None)."""
    row = _LOOKUP.first(session, {"pid": participant_id})
    if row is None:
        raise NoEventError()
    keys = _EventKeys(row[0], row[1], venue_zone(row[2]), row[2])
    person = row[3:]
    if person[0] is None:
        return keys, None, None
    check_in = None if person[15] is None else SimpleNamespace(
        scan_id=person[15], at=person[16], desk=person[17])
    return keys, _participant_info(person), check_in


def _load_participant(session: Session, participant_id: int) -> ParticipantInfo | None:
    row = session.connection().execute(_PARTICIPANT_Q, {"pid": participant_id}).first()
    return None if row is None else _participant_info(row)


def _participant_info(row: Any) -> ParticipantInfo:
    return ParticipantInfo(
        id=row[0],
        title=row[1],
        display_name=row[2],
        delegation_code=row[3] or "",
        delegation_es=row[4] or "",
        delegation_en=row[5] or "",
        delegation_kind=row[6] or "",
        category=row[7],
        position=row[8],
        institution=row[9],
        desk_note=row[10],
        is_head_of_delegation=bool(row[11]),
        badge_serial=row[12],
        withdrawn=row[13] is not None,
        withdrawn_reason=row[14] or "",
    )


def _attention(p: ParticipantInfo) -> tuple[str, ...]:
    notes = []
    if p.is_head_of_delegation:
        notes.append(translate("Desk", "Head of delegation"))
    if p.desk_note.strip():
        notes.append(p.desk_note.strip())
    return tuple(notes)


def first_due_sitting(session: Session | Driver, now: dt.datetime, zone: dt.tzinfo) -> SittingInfo | None:
    """The first sitting not yet over at ``now`` (every participant is due at every sitting)."""
    local = now.astimezone(zone)
    row = _DUE_SITTING.first(
        session, {"today": local.date(), "now": local.time().replace(tzinfo=None, microsecond=0)}
    )
    if row is None:
        return None
    return SittingInfo(*row)


def _decide(
    session: Driver,
    scan: SimpleNamespace,
    keys: _EventKeys,
    found: tuple[ParticipantInfo | None, Any],
    serial: int | None,
    refused: VerdictKind | None,
    detail: str = "",
) -> Verdict:
    """Judge, record ``scan`` (and a check-in when admitted), return the verdict.

    ``found`` is the participant the code names and their check-in, as :func:`_lookup`
    read them (both None for a refused code)."""
    participant, existing = found if refused is None else (None, None)
    kw: dict[str, Any] = {}
    kind = refused
    if kind is None:
        if participant is None:
            kind, detail = VerdictKind.UNKNOWN, "no_participant"
        elif participant.withdrawn:
            kind, detail = VerdictKind.WITHDRAWN, participant.withdrawn_reason
        elif serial is not None and serial < participant.badge_serial:
            kind = VerdictKind.REPLACED
            kw = {"scanned_serial": serial, "current_serial": participant.badge_serial}
        elif serial is not None and serial > participant.badge_serial:
            # Signed by this event's key but never issued from this file (e.g. a file
            # restored from a backup older than the reissue): not a badge we know.
            kind, detail = VerdictKind.UNKNOWN, "serial_ahead"
            kw = {"scanned_serial": serial, "current_serial": participant.badge_serial}
    scan.participant_id = participant.id if participant else None
    scan.badge_serial = serial
    if kind is None and participant is not None:
        if existing is not None:
            kind = VerdictKind.ALREADY_CHECKED_IN
            scan.related_scan_id = existing.scan_id
            kw = {"checked_in_at": existing.at, "checked_in_desk": existing.desk}
        else:
            kw = _admission(session, scan, keys, participant)
            kind = VerdictKind.ADMITTED_ATTENTION if kw["attention"] else VerdictKind.ADMITTED
    assert kind is not None
    scan.verdict = kind.value
    _write(session, scan, admitted=kind.admitted)
    return _verdict(scan, keys, kind, participant, detail=detail, **kw)


def _write(session: Driver, scan: SimpleNamespace, *, admitted: bool) -> None:
    """Insert the scan (and the check-in of an admission) and their audit entries: the same
    rows the ORM and the audit listener would write, without their cost per verdict."""
    values = {key: getattr(scan, key) for key in _SCAN_COLUMNS}
    scan.id = _INSERT_SCAN.first(session, values)[0]
    who = audit.who(session.session)
    entries = [audit.inserted(who, Scan.__table__, {**values, "id": scan.id})]
    if admitted:
        check_in = {"participant_id": scan.participant_id, "scan_id": scan.id, "at": scan.at,
                    "desk": scan.desk}
        check_in["id"] = _INSERT_CHECK_IN.first(session, check_in)[0]
        entries.append(audit.inserted(who, CheckIn.__table__, check_in))
    for entry in entries:
        _INSERT_AUDIT.run(session, entry)


def _replay(session: Session, scan: Scan, keys: _EventKeys) -> Verdict:
    """The verdict of an already recorded scan, rebuilt from the log."""
    kind = VerdictKind(scan.verdict)
    participant = _load_participant(session, scan.participant_id) if scan.participant_id else None
    kw: dict[str, Any] = {}
    if kind is VerdictKind.ALREADY_CHECKED_IN and scan.related_scan_id is not None:
        first = session.get(Scan, scan.related_scan_id)
        if first is not None:
            kw = {"checked_in_at": first.at, "checked_in_desk": first.desk}
    elif kind is VerdictKind.REPLACED and participant is not None:
        kw = {"scanned_serial": scan.badge_serial, "current_serial": participant.badge_serial}
    elif kind.admitted and participant is not None:
        kw = _admission(session, scan, keys, participant)
    return _verdict(scan, keys, kind, participant, repeated=True, **kw)


def _admission(
    session: Session | Driver, scan: Scan, keys: _EventKeys, participant: ParticipantInfo
) -> dict[str, Any]:
    """What an admission shows besides the person: why it needs attention, the next sitting."""
    return {
        "attention": _attention(participant),
        "due_sitting": first_due_sitting(session, scan.at, keys.zone),
    }


def _verdict(
    scan: Scan,
    keys: _EventKeys,
    kind: VerdictKind,
    participant: ParticipantInfo | None,
    **details: Any,
) -> Verdict:
    return Verdict(
        kind=kind,
        scan_id=scan.id,
        **fields_of(scan, ("scan_uid", "at", "desk", "source")),
        participant=participant,
        timezone=keys.zone_name,
        **details,
    )


def _recorded(
    db: Database,
    *,
    raw: str,
    desk: str,
    scan_uid: str | None,
    source: str,
    clock: Clock | None,
    sitting_id: int | None,
    candidate: int | None,
    judge: Callable[[Driver, SimpleNamespace, _EventKeys, tuple[Any, Any]], Verdict],
) -> Verdict:
    """Record one scan: ``candidate`` is the participant the code names (not yet verified),
    read with the event's keys in one statement and handed to ``judge``."""
    if source not in SOURCES:
        raise CheckInError(
            translate("Desk", "Unknown scan source {source!r}.").format(source=source),
            "desk.source",
        )
    uid = (scan_uid or "").strip()[:64] or new_scan_uid()
    desk = text.clean(desk)[:80]
    now = (clock or db.clock)()
    tries = itertools.count()

    def record(session: Session) -> Verdict:
        driver = Driver(session)  # the statements below run straight on its cursor
        keys, participant, existing = _lookup(driver, candidate)
        # A retried scan_uid is found by its UNIQUE constraint (the insert fails and the
        # next attempt replays it): the common, first try saves a round trip.
        if next(tries) > 0:
            earlier = session.connection().execute(_SCAN_BY_UID_Q, {"uid": uid}).scalar()
            if earlier is not None:
                return _replay(session, session.get(Scan, earlier), keys)
        scan = SimpleNamespace(**_NOT_JUDGED_YET, scan_uid=uid, raw=kept_raw(raw),
                               raw_length=len(raw), source=source, desk=desk, at=now,
                               sitting_id=sitting_id)
        return judge(driver, scan, keys, (participant, existing))

    # PostgreSQL: another desk may admit the same person (or record the same scan_uid)
    # between our read and our insert; the verdict is then judged again from the start.
    return retry_on_conflict(db, record)


def check_in(
    db: Database,
    raw: str,
    *,
    desk: str,
    scan_uid: str | None = None,
    source: str = "scanner",
    clock: Clock | None = None,
    sitting_id: int | None = None,
) -> Verdict:
    """Judge and record one scanned code. Never raises on bad input: that is a verdict.

    Raises :class:`~encounter_desk.event.event.NoEventError` when the file holds no event.
    """
    if not isinstance(raw, str):
        raw = "" if raw is None else repr(raw)

    parsed = badge_code.parse_code(raw)

    def judge(session: Driver, scan: SimpleNamespace, keys: _EventKeys,
              found: tuple[Any, Any]) -> Verdict:
        reading = read_badge(raw, secret_hex=keys.secret, event_code=keys.code)
        code = reading.parsed
        if reading.status is badge_code.CodeStatus.OK:
            assert isinstance(code, badge_code.ParsedCode)
            if code.participant_id != candidate:  # read through another keyboard layout
                found = _lookup(session, code.participant_id)[1:]
            return _decide(session, scan, keys, found, code.serial, None)
        if reading.status is badge_code.CodeStatus.WRONG_EVENT:
            return _decide(session, scan, keys, found, None, VerdictKind.WRONG_EVENT)
        detail = code.problem.value if isinstance(code, badge_code.ParseError) else "bad_mac"
        if not reading.code_shaped:
            return _decide(session, scan, keys, found, None, VerdictKind.NOT_A_BADGE, detail)
        return _decide(session, scan, keys, found, None, VerdictKind.FORGED, detail)

    candidate = parsed.participant_id if isinstance(parsed, badge_code.ParsedCode) else None
    return _recorded(
        db, raw=raw, desk=desk, scan_uid=scan_uid, source=source, clock=clock,
        sitting_id=sitting_id, candidate=candidate, judge=judge,
    )


def check_in_participant(
    db: Database,
    participant_id: int,
    *,
    desk: str,
    source: str = "search",
    scan_uid: str | None = None,
    clock: Clock | None = None,
    sitting_id: int | None = None,
) -> Verdict:
    """Check in a person found by search (or just registered as a walk-in), no badge read."""

    def judge(session: Driver, scan: SimpleNamespace, keys: _EventKeys,
              found: tuple[Any, Any]) -> Verdict:
        return _decide(session, scan, keys, found, None, None)

    return _recorded(
        db, raw="", desk=desk, scan_uid=scan_uid, source=source, clock=clock,
        sitting_id=sitting_id, candidate=participant_id, judge=judge,
    )
