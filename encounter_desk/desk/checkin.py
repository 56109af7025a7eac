"""Check-in at the registration desk: the verdict for a scan, the scan log, undo, live counts.

Every entry point records one ``scan`` row in one short write transaction and returns a
:class:`Verdict` (plain data, safe to hand to a widget or print as JSON):

* :func:`check_in` — text read by a scanner (or a camera, or typed);
* :func:`check_in_participant` — the same verdict path for a person found by search, or
  registered at the desk as a walk-in (no badge code to verify);
* :func:`undo_check_in` — a mistaken check-in, with a required reason;
* :func:`counts` and :func:`recent_scans` — what the desk shows beside the scanner.

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
  check-ins are written through the ORM, so the audit trail also records each one, and the
  deletion of a check-in by an undo.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import zoneinfo
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Date, Time, and_, bindparam, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from encounter_desk.core import names as text
from encounter_desk.core.clock import Clock
from encounter_desk.core.errors import Refusal
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, in_language, language, pick, translate
from encounter_desk.event import badge_code
from encounter_desk.event.event import NoEventError
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import (
    CATEGORY_LABELS,
    Category,
    CheckIn,
    Delegation,
    Event,
    Participant,
    Scan,
    Sitting,
)
from encounter_desk.storage.models.scans import kept_raw, new_scan_uid

ENV_DESK = "ENCOUNTER_DESK_DESK"


class VerdictKind(StrEnum):
    ADMITTED = "admitted"
    ADMITTED_ATTENTION = "admitted_attention"
    ALREADY_CHECKED_IN = "already_checked_in"
    REPLACED = "replaced"
    WRONG_EVENT = "wrong_event"
    FORGED = "forged"
    UNKNOWN = "unknown"

    @property
    def admitted(self) -> bool:
        return self in (VerdictKind.ADMITTED, VerdictKind.ADMITTED_ATTENTION)

    @property
    def refused(self) -> bool:
        return not self.admitted and self is not VerdictKind.ALREADY_CHECKED_IN


VERDICT_LABELS = {
    VerdictKind.ADMITTED: QT_TRANSLATE_NOOP("Desk", "Admitted"),
    VerdictKind.ADMITTED_ATTENTION: QT_TRANSLATE_NOOP("Desk", "Admitted — attention"),
    VerdictKind.ALREADY_CHECKED_IN: QT_TRANSLATE_NOOP("Desk", "Already checked in"),
    VerdictKind.REPLACED: QT_TRANSLATE_NOOP("Desk", "Replaced badge"),
    VerdictKind.WRONG_EVENT: QT_TRANSLATE_NOOP("Desk", "Wrong event"),
    VerdictKind.FORGED: QT_TRANSLATE_NOOP("Desk", "Forged or damaged"),
    VerdictKind.UNKNOWN: QT_TRANSLATE_NOOP("Desk", "Unknown"),
}

SOURCES = ("scanner", "camera", "search", "walk-in")


class CheckInError(Refusal):
    """A desk action was refused; ``str(error)`` is a translated sentence for the user."""

    default_code = "desk.refused"


def verdict_label(kind: VerdictKind | str, lang: str | None = None) -> str:
    return in_language(lang).translate("Desk", VERDICT_LABELS[VerdictKind(kind)])


def default_desk_name() -> str:
    """This laptop's desk name: $ENCOUNTER_DESK_DESK, else the computer's name."""
    return (os.environ.get(ENV_DESK) or socket.gethostname() or "desk").strip()[:80]


# --- what a verdict carries -------------------------------------------------------------

@dataclass(frozen=True)
class ParticipantInfo:
    id: int
    title: str
    display_name: str
    delegation_code: str
    delegation_es: str
    delegation_en: str
    delegation_kind: str
    category: str
    position: str
    institution: str
    desk_note: str
    is_head_of_delegation: bool
    badge_serial: int

    def delegation(self, lang: str | None = None) -> str:
        return pick(lang, self.delegation_es, self.delegation_en)

    @property
    def full_title_name(self) -> str:
        return f"{self.title} {self.display_name}".strip()


@dataclass(frozen=True)
class SittingInfo:
    id: int
    number: int
    title_es: str
    title_en: str
    date: dt.date
    start: dt.time
    room: str

    def title(self, lang: str | None = None) -> str:
        return pick(lang, self.title_es, self.title_en)


@dataclass(frozen=True)
class Verdict:
    """What the desk shows for one scan."""

    kind: VerdictKind
    scan_id: int
    scan_uid: str
    at: dt.datetime
    desk: str
    source: str
    participant: ParticipantInfo | None = None
    attention: tuple[str, ...] = ()
    """Why an admission needs attention: "Head of delegation", the desk note."""
    checked_in_at: dt.datetime | None = None
    """already_checked_in: when the person was admitted, and at which desk."""
    checked_in_desk: str = ""
    scanned_serial: int | None = None
    current_serial: int | None = None
    """replaced: the serial on the scanned badge and the one of the newer badge."""
    due_sitting: SittingInfo | None = None
    repeated: bool = False
    """True when this is the answer to a retry of an already recorded scan (same scan_uid)."""
    detail: str = field(default="")
    """Why a code was refused as forged/unknown (a ParseProblem or "serial_ahead"…)."""
    timezone: str = "UTC"
    """The venue's time zone (IANA name): show ``at`` and ``checked_in_at`` in it."""

    def local(self, moment: dt.datetime) -> dt.datetime:
        return moment.astimezone(_zone(self.timezone))

    @property
    def admitted(self) -> bool:
        return self.kind.admitted

    def label(self, lang: str | None = None) -> str:
        return verdict_label(self.kind, lang)

    def to_json(self) -> dict[str, Any]:
        participant = None
        if self.participant is not None:
            participant = asdict(self.participant)
        sitting = None
        if self.due_sitting is not None:
            sitting = asdict(self.due_sitting)
            sitting["date"] = self.due_sitting.date.isoformat()
            sitting["start"] = self.due_sitting.start.isoformat(timespec="minutes")
        return {
            "verdict": self.kind.value,
            "label": self.label(),
            "scan_id": self.scan_id,
            "scan_uid": self.scan_uid,
            "at": self.at.isoformat(),
            "desk": self.desk,
            "source": self.source,
            "participant": participant,
            "attention": list(self.attention),
            "checked_in_at": self.checked_in_at.isoformat() if self.checked_in_at else None,
            "checked_in_desk": self.checked_in_desk or None,
            "scanned_serial": self.scanned_serial,
            "current_serial": self.current_serial,
            "due_sitting": sitting,
            "repeated": self.repeated,
            "detail": self.detail or None,
            "timezone": self.timezone,
        }


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
    return _EventKeys(row.code, row.secret, _zone(row.timezone), row.timezone)


def _zone(name: str) -> dt.tzinfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return dt.UTC


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
    check_in = None if row[13] is None else SimpleNamespace(scan_id=row[13], at=row[14],
                                                               desk=row[15])
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
            attention = _attention(participant)
            kind = VerdictKind.ADMITTED_ATTENTION if attention else VerdictKind.ADMITTED
            kw = {
                "attention": attention,
                "due_sitting": first_due_sitting(session, scan.at, keys.zone),
            }
    assert kind is not None
    scan.verdict = kind.value
    session.add(scan)
    if kind.admitted:
        # One flush inserts both rows (the relationship orders them and fills scan_id).
        session.add(CheckIn(participant_id=participant.id, scan=scan, at=scan.at, desk=scan.desk))
    session.flush()
    return Verdict(
        kind=kind,
        scan_id=scan.id,
        scan_uid=scan.scan_uid,
        at=scan.at,
        desk=scan.desk,
        source=scan.source,
        participant=participant,
        detail=detail,
        timezone=keys.zone_name,
        **kw,
    )


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
        kw = {
            "attention": _attention(participant),
            "due_sitting": first_due_sitting(session, scan.at, keys.zone),
        }
    return Verdict(
        kind=kind,
        scan_id=scan.id,
        scan_uid=scan.scan_uid,
        at=scan.at,
        desk=scan.desk,
        source=scan.source,
        participant=participant,
        repeated=True,
        timezone=keys.zone_name,
        **kw,
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
    attempts = 3
    for attempt in range(attempts):
        try:
            with db.write() as session:
                keys = _event_keys(session)
                # A retried scan_uid is found by its UNIQUE constraint (the insert fails and
                # the next attempt replays it): the common, first try saves a round trip.
                if attempt > 0:
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
        except IntegrityError:
            # PostgreSQL: another desk admitted the same person (or recorded the same
            # scan_uid) between our read and our insert. Judge again from the start.
            if attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")


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
        parsed = badge_code.parse_code(raw)
        status = badge_code.verify(parsed, secret_hex=keys.secret, event_code=keys.code)
        if status is badge_code.CodeStatus.OK:
            assert isinstance(parsed, badge_code.ParsedCode)
            return _decide(session, scan, keys, parsed.participant_id, parsed.serial, None)
        if status is badge_code.CodeStatus.WRONG_EVENT:
            return _decide(session, scan, keys, None, None, VerdictKind.WRONG_EVENT)
        detail = parsed.problem.value if isinstance(parsed, badge_code.ParseError) else "bad_mac"
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


# --- undo ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class UndoneCheckIn:
    participant_id: int
    scan_id: int
    checked_in_at: dt.datetime
    checked_in_desk: str
    undone_at: dt.datetime
    reason: str


def undo_check_in(
    db: Database,
    participant_id: int,
    reason: str,
    *,
    desk: str,
    clock: Clock | None = None,
) -> UndoneCheckIn:
    """Take back a mistaken check-in. The admitting scan stays in the log, marked undone
    with the reason, who and where; the person can then be admitted again."""
    reason = text.clean(reason)
    if not reason:
        raise CheckInError(
            translate("Desk", "Give a reason to undo a check-in."), "desk.undo_reason"
        )
    now = (clock or db.clock)()
    with db.write() as session:
        record = session.scalar(select(CheckIn).where(CheckIn.participant_id == participant_id))
        if record is None:
            if session.get(Participant, participant_id) is None:
                raise CheckInError(
                    translate("Desk", "There is no participant number {id}.").format(
                        id=participant_id
                    ),
                    "desk.no_participant",
                )
            raise CheckInError(
                translate("Desk", "Participant {id} is not checked in; nothing to undo.").format(
                    id=participant_id
                ),
                "desk.not_checked_in",
            )
        scan = session.get(Scan, record.scan_id)
        assert scan is not None
        actor = session.info.get("actor") or "unknown"
        scan.undone_at = now
        scan.undo_reason = reason
        scan.undone_by = f"{actor} @ {text.clean(desk)}"[:200]
        result = UndoneCheckIn(
            participant_id=participant_id,
            scan_id=scan.id,
            checked_in_at=record.at,
            checked_in_desk=record.desk,
            undone_at=now,
            reason=reason,
        )
        session.delete(record)
    return result


# --- what the desk shows beside the scanner ------------------------------------------------

@dataclass(frozen=True)
class GroupCount:
    key: str
    label_es: str
    label_en: str
    checked_in: int
    expected: int

    def label(self, lang: str | None = None) -> str:
        return pick(lang, self.label_es, self.label_en)


@dataclass(frozen=True)
class CheckInCounts:
    checked_in: int
    expected: int
    by_delegation: tuple[GroupCount, ...]
    """In the RCM's canonical order; delegations with nobody expected are left out."""
    by_category: tuple[GroupCount, ...]


def counts(db: Database) -> CheckInCounts:
    """Checked in / expected, overall, by delegation and by category."""
    with db.read() as session:
        rows = session.execute(
            select(
                Delegation.code,
                Delegation.name_es,
                Delegation.name_en,
                func.count(Participant.id),
                func.count(CheckIn.id),
            )
            .select_from(Participant)
            .outerjoin(Delegation, Participant.delegation_id == Delegation.id)
            .outerjoin(CheckIn, CheckIn.participant_id == Participant.id)
            .group_by(Delegation.id)
            .order_by(Delegation.canonical_order, Delegation.name_es)
        ).all()
        by_category_rows = session.execute(
            select(Participant.category, func.count(Participant.id), func.count(CheckIn.id))
            .outerjoin(CheckIn, CheckIn.participant_id == Participant.id)
            .group_by(Participant.category)
        ).all()
    by_delegation = []
    for code, name_es, name_en, expected, checked in rows:
        if code is None:
            name_es = in_language("es").translate("Desk", "No delegation")
            name_en = in_language("en").translate("Desk", "No delegation")
        by_delegation.append(GroupCount(code or "", name_es, name_en, checked, expected))
    # Groups without a delegation sort last (NULL ordering differs between databases).
    by_delegation.sort(key=lambda g: g.key == "")
    order = {c.value: i for i, c in enumerate(Category)}
    by_category = []
    for category, expected, checked in sorted(by_category_rows, key=lambda r: order.get(r[0], 99)):
        source = CATEGORY_LABELS.get(category, category)
        by_category.append(
            GroupCount(
                category,
                in_language("es").translate("Category", source),
                in_language("en").translate("Category", source),
                checked,
                expected,
            )
        )
    return CheckInCounts(
        checked_in=sum(g.checked_in for g in by_delegation),
        expected=sum(g.expected for g in by_delegation),
        by_delegation=tuple(by_delegation),
        by_category=tuple(by_category),
    )


@dataclass(frozen=True)
class ScanRecord:
    id: int
    scan_uid: str
    at: dt.datetime
    desk: str
    source: str
    verdict: VerdictKind
    participant_id: int | None
    participant_name: str
    raw: str
    undone_at: dt.datetime | None
    undo_reason: str


def recent_scans(db: Database, limit: int = 50, desk: str | None = None) -> list[ScanRecord]:
    """The latest scans, newest first (all desks, or one)."""
    with db.read() as session:
        query = (
            select(Scan, Participant.display_name)
            .outerjoin(Participant, Scan.participant_id == Participant.id)
            .order_by(Scan.id.desc())
            .limit(limit)
        )
        if desk is not None:
            query = query.where(Scan.desk == desk)
        return [
            ScanRecord(
                scan.id,
                scan.scan_uid,
                scan.at,
                scan.desk,
                scan.source,
                VerdictKind(scan.verdict),
                scan.participant_id,
                name or "",
                scan.raw,
                scan.undone_at,
                scan.undo_reason,
            )
            for scan, name in session.execute(query)
        ]


def is_checked_in(db: Database, participant_id: int) -> bool:
    with db.read() as session:
        return session.scalar(
            select(CheckIn.id).where(CheckIn.participant_id == participant_id)
        ) is not None


def describe(verdict: Verdict, lang: str | None = None) -> list[str]:
    """The verdict as a few lines of text (terminal, logs, screen readers)."""
    lang = lang or language()
    lines = [verdict.label(lang)]
    p = verdict.participant
    if p is not None:
        lines.append(p.full_title_name)
        if p.delegation(lang):
            lines.append(p.delegation(lang))
    for note in verdict.attention:
        lines.append(in_language(lang).translate("Desk", "Attention: {note}").format(note=note))
    if verdict.kind is VerdictKind.ALREADY_CHECKED_IN and verdict.checked_in_at:
        lines.append(
            in_language(lang).translate("Desk", "Checked in at {time} (desk {desk})").format(
                time=verdict.local(verdict.checked_in_at).strftime("%H:%M"),
                desk=verdict.checked_in_desk or "?",
            )
        )
    if verdict.kind is VerdictKind.REPLACED:
        lines.append(
            in_language(lang).translate("Desk", "This badge was replaced: a newer badge (number {serial}) exists.").format(serial=verdict.current_serial)
        )
    if verdict.kind is VerdictKind.WRONG_EVENT:
        lines.append(in_language(lang).translate("Desk", "This badge is for another event."))
    if verdict.kind is VerdictKind.FORGED:
        lines.append(in_language(lang).translate("Desk", "The code is not genuine or could not be read whole."))
    if verdict.kind is VerdictKind.UNKNOWN:
        lines.append(in_language(lang).translate("Desk", "This badge belongs to no participant of this event."))
    if verdict.due_sitting is not None:
        s = verdict.due_sitting
        lines.append(
            in_language(lang).translate("Desk", "Next: session {number}, {title}, {date} {time}").format(
                number=s.number,
                title=s.title(lang),
                date=s.date.isoformat(),
                time=s.start.strftime("%H:%M"),
            )
        )
    return lines
