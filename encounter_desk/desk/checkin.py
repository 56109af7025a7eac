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

from sqlalchemy import Date, Time, and_, bindparam, func, or_, select
from sqlalchemy.orm import Session

from encounter_desk.core import names as text
from encounter_desk.core.clock import Clock
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
from encounter_desk.storage.models import CheckIn, Delegation, Event, Participant, Scan, Sitting
from encounter_desk.storage.models.scans import kept_raw, new_scan_uid

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


# The verdict path's statements, built once: SQLAlchemy then reuses their cache keys and
# compiled SQL, and they run on the session's connection without the ORM's per-statement
# work (a verdict must be recorded within a few milliseconds).
_EVENT_Q = select(Event.code, Event.secret, Event.timezone).order_by(Event.id).limit(1)
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
# The participant and their check-in (if any) in one round trip: on a server every round
# trip costs more than the query itself.
_PARTICIPANT_CHECKIN_Q = _PARTICIPANT_Q.add_columns(
    CheckIn.scan_id, CheckIn.at, CheckIn.desk
).outerjoin(CheckIn, CheckIn.participant_id == Participant.id)
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


def _event_keys(session: Session) -> _EventKeys:
    row = session.connection().execute(_EVENT_Q).first()
    if row is None:
        raise NoEventError()
    return _EventKeys(row.code, row.secret, venue_zone(row.timezone), row.timezone)


def _load_participant(session: Session, participant_id: int) -> ParticipantInfo | None:
    row = session.connection().execute(_PARTICIPANT_Q, {"pid": participant_id}).first()
    return None if row is None else _participant_info(row)


def _load_participant_and_check_in(
    session: Session, participant_id: int
) -> tuple[ParticipantInfo | None, Any]:
    """The participant and their check-in row (scan_id, at, desk), or None for either."""
    row = session.connection().execute(_PARTICIPANT_CHECKIN_Q, {"pid": participant_id}).first()
    if row is None:
        return None, None
    check_in = None if row[15] is None else SimpleNamespace(scan_id=row[15], at=row[16],
                                                               desk=row[17])
    return _participant_info(row), check_in


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


def first_due_sitting(session: Session, now: dt.datetime, zone: dt.tzinfo) -> SittingInfo | None:
    """The first sitting not yet over at ``now`` (every participant is due at every sitting)."""
    local = now.astimezone(zone)
    row = session.connection().execute(
        _DUE_SITTING_Q,
        {"today": local.date(), "now": local.time().replace(tzinfo=None, microsecond=0)},
    ).first()
    if row is None:
        return None
    return SittingInfo(*row)


def _decide(
    session: Session,
    scan: Scan,
    keys: _EventKeys,
    participant_id: int | None,
    serial: int | None,
    refused: VerdictKind | None,
    detail: str = "",
) -> Verdict:
    """Judge, record ``scan`` (and a check-in when admitted), return the verdict."""
    participant = None
    kw: dict[str, Any] = {}
    kind = refused
    existing = None
    if kind is None and participant_id is not None:
        participant, existing = _load_participant_and_check_in(session, participant_id)
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
    session.add(scan)
    if kind.admitted:
        # One flush inserts both rows (the relationship orders them and fills scan_id).
        session.add(CheckIn(participant_id=participant.id, scan=scan, at=scan.at, desk=scan.desk))
    session.flush()
    return _verdict(scan, keys, kind, participant, detail=detail, **kw)


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
    session: Session, scan: Scan, keys: _EventKeys, participant: ParticipantInfo
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
        scan_uid=scan.scan_uid,
        at=scan.at,
        desk=scan.desk,
        source=scan.source,
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
    judge: Callable[[Session, Scan, _EventKeys], Verdict],
) -> Verdict:
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
        keys = _event_keys(session)
        # A retried scan_uid is found by its UNIQUE constraint (the insert fails and the
        # next attempt replays it): the common, first try saves a round trip.
        if next(tries) > 0:
            earlier = session.connection().execute(_SCAN_BY_UID_Q, {"uid": uid}).scalar()
            if earlier is not None:
                return _replay(session, session.get(Scan, earlier), keys)
        scan = Scan(
            scan_uid=uid,
            raw=kept_raw(raw),
            raw_length=len(raw),
            source=source,
            desk=desk,
            at=now,
            sitting_id=sitting_id,
            undo_reason="",
            undone_by="",
        )
        return judge(session, scan, keys)

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

    def judge(session: Session, scan: Scan, keys: _EventKeys) -> Verdict:
        reading = read_badge(raw, secret_hex=keys.secret, event_code=keys.code)
        parsed = reading.parsed
        if reading.status is badge_code.CodeStatus.OK:
            assert isinstance(parsed, badge_code.ParsedCode)
            return _decide(session, scan, keys, parsed.participant_id, parsed.serial, None)
        if reading.status is badge_code.CodeStatus.WRONG_EVENT:
            return _decide(session, scan, keys, None, None, VerdictKind.WRONG_EVENT)
        detail = parsed.problem.value if isinstance(parsed, badge_code.ParseError) else "bad_mac"
        if not reading.code_shaped:
            return _decide(session, scan, keys, None, None, VerdictKind.NOT_A_BADGE, detail)
        return _decide(session, scan, keys, None, None, VerdictKind.FORGED, detail)

    return _recorded(
        db, raw=raw, desk=desk, scan_uid=scan_uid, source=source, clock=clock,
        sitting_id=sitting_id, judge=judge,
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

    def judge(session: Session, scan: Scan, keys: _EventKeys) -> Verdict:
        return _decide(session, scan, keys, participant_id, None, None)

    return _recorded(
        db, raw="", desk=desk, scan_uid=scan_uid, source=source, clock=clock,
        sitting_id=sitting_id, judge=judge,
    )
