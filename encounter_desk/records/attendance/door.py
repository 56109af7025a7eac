"""The sitting's door: a badge read (or a person found by search) makes the person present.

Each read is logged as a ``scan`` row with the sitting's id, refused ones too, and
answered with a :class:`DoorVerdict` the door desk shows; a retry of a recorded scan
(same ``scan_uid``) is answered again and changes nothing. A door scan does **not** check
the person in at the event: that is the registration desk's job.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from encounter_desk.core import names as text
from encounter_desk.core.clock import Clock
from encounter_desk.core.copying import fields_of
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, in_language, pick
from encounter_desk.event import badge_code
from encounter_desk.event.badge_reading import read_badge
from encounter_desk.event.event import require_event
from encounter_desk.records.attendance.marks import apply_mark, require_sitting
from encounter_desk.records.register import choice_label
from encounter_desk.storage.database import Database, retry_on_conflict
from encounter_desk.storage.models import (
    Attendance,
    AttendanceSource,
    AttendanceStatus,
    Event,
    Participant,
    Scan,
    Sitting,
)
from encounter_desk.storage.models.scans import kept_raw, new_scan_uid


def zone_of(name: str) -> dt.tzinfo:
    """The time zone named ``name`` (``Event.timezone``); UTC when it is unknown."""
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return dt.UTC


class DoorVerdictKind(StrEnum):
    PRESENT = "present"  # marked present by this scan
    ALREADY_PRESENT = "already_present"  # present already: nothing changed
    REPLACED = "replaced"  # an old badge (a newer one was issued)
    WRONG_EVENT = "wrong_event"
    FORGED = "forged"
    UNKNOWN = "unknown"
    WITHDRAWN = "withdrawn"  # a genuine badge whose accreditation was withdrawn

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
    DoorVerdictKind.WITHDRAWN: QT_TRANSLATE_NOOP("Attendance", "Accreditation withdrawn"),
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
    DoorVerdictKind.WITHDRAWN: "withdrawn",
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
        return choice_label("Attendance", DOOR_VERDICT_LABELS, self.kind, lang)

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
        sitting = require_sitting(session, sitting_id)
        earlier = session.scalar(select(Scan).where(Scan.scan_uid == uid))
        if earlier is not None:  # a retry of a recorded scan: answer it again, change nothing
            return _replay(session, earlier, sitting, event)
        refused, participant_id, serial = judge(session, event)
        person = session.get(Participant, participant_id) if participant_id else None
        kind = refused
        if kind is None:
            if person is None:
                kind = DoorVerdictKind.UNKNOWN
            elif person.withdrawn_at is not None:
                kind = DoorVerdictKind.WITHDRAWN
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
            result = apply_mark(
                session, sitting.id, person.id, AttendanceStatus.PRESENT,
                AttendanceSource.SCAN, at=now, desk=desk, scan_id=scan.id,
            )
            kind = DoorVerdictKind.PRESENT if result.changed else DoorVerdictKind.ALREADY_PRESENT
            since = result.arrived_at
        scan.verdict = _SCAN_VERDICT[kind]
        session.flush()
        return _verdict(kind, sitting, scan, person, since, event.timezone)

    return retry_on_conflict(db, work)


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
        **fields_of(scan, ("at", "desk")),
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
        reading = read_badge(raw, secret_hex=event.secret, event_code=event.code)
        parsed, status = reading.parsed, reading.status
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
