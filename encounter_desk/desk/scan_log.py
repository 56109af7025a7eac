"""The scan log: undo a mistaken check-in, the latest scans, and the counts beside the scanner.

Every scan the desk judged is a row of ``scan`` (see :mod:`encounter_desk.desk.checkin`).
An undo keeps the admitting scan in the log, marked undone with the reason, and deletes the
check-in, so the audit trail records both.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from encounter_desk.core import names as text
from encounter_desk.core.clock import Clock
from encounter_desk.core.i18n import bilingual, in_language, translate
from encounter_desk.desk.verdict import CheckInError, VerdictKind
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import (
    CATEGORY_LABELS,
    Category,
    CheckIn,
    Delegation,
    Participant,
    Scan,
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

    label = bilingual("label")


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
