"""Marks: one participant present, excused or absent at one sitting, and the rules of a mark.

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
  two concurrent inserts with an IntegrityError, and the mark is retried from the start
  (:func:`encounter_desk.storage.database.retry_on_conflict`).

:func:`apply_mark` applies these rules inside a transaction; the door desk
(:mod:`encounter_desk.records.attendance.door`) uses it too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from encounter_desk.core import names as text
from encounter_desk.core.clock import Clock
from encounter_desk.core.copying import copied
from encounter_desk.core.errors import Refusal
from encounter_desk.core.i18n import in_language, translate
from encounter_desk.records.register import choice, choice_label
from encounter_desk.storage.database import Database, retry_on_conflict
from encounter_desk.storage.models import (
    ATTENDANCE_SOURCE_LABELS,
    ATTENDANCE_STATUS_LABELS,
    Attendance,
    AttendanceSource,
    AttendanceStatus,
    Participant,
    Sitting,
)


class AttendanceError(Refusal):
    """A mark was refused; ``str(error)`` is a translated sentence for the user."""

    default_code = "attendance.refused"


def status_label(status: str | None, lang: str | None = None) -> str:
    if not status:
        return in_language(lang).translate("Attendance", "Not marked")
    return choice_label("Attendance", ATTENDANCE_STATUS_LABELS, status, lang)


def source_label(source: str | None, lang: str | None = None) -> str:
    if not source:
        return ""
    return choice_label("Attendance", ATTENDANCE_SOURCE_LABELS, source, lang)


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


# --- marks -----------------------------------------------------------------------------


class _NoRow:
    """Tells :func:`apply_mark` that the caller already looked and found no row."""


_NO_ROW = _NoRow()


def _actor(session: Session) -> str:
    return str(session.info.get("actor") or "")[:200]


def require_sitting(session: Session, sitting_id: int) -> Sitting:
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
    return choice(AttendanceStatus, value, lambda: AttendanceError(translate(
        "Attendance", "{status!r} is not an attendance status (present, excused or absent)."
    ).format(status=value), code="attendance.status"))


def _source(value: str | AttendanceSource) -> AttendanceSource:
    return choice(AttendanceSource, value, lambda: AttendanceError(translate(
        "Attendance", "{source!r} is not a source of attendance (scan, roll_call or manual)."
    ).format(source=value), code="attendance.source"))


def apply_mark(
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
    return copied(AttendanceMark, row, status=AttendanceStatus(row.status),
                  source=AttendanceSource(row.source), changed=changed)


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
        require_sitting(session, sitting_id)
        _require_participant(session, participant_id)
        return apply_mark(session, sitting_id, participant_id, status, source, at=when, desk=desk)

    return retry_on_conflict(db, work)


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
        require_sitting(session, sitting_id)
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
                apply_mark(session, sitting_id, pid, status, source, at=when, desk=desk,
                       row=row or _NO_ROW)
            )
        return out

    return retry_on_conflict(db, work)


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


def attendance_of(db: Database, sitting_id: int, participant_id: int) -> AttendanceMark | None:
    with db.read() as session:
        row = session.scalar(
            select(Attendance).where(
                Attendance.sitting_id == sitting_id, Attendance.participant_id == participant_id
            )
        )
        return _mark_of(row, False) if row is not None else None
