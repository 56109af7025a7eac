"""Badge scans at the desks and the check-ins they make.

``scan`` is the desk's log: one row per scan or search check-in, whatever its verdict, never
deleted. ``check_in`` holds one row per participant who is in: the row points at the scan
that admitted them, and ``UNIQUE(participant_id)`` is what makes a double check-in
impossible, on SQLite and on PostgreSQL alike, even with two desks scanning the same badge
in the same millisecond. Undoing a check-in deletes its ``check_in`` row (the audit trail
keeps the deleted row) and marks the admitting scan as undone with the reason, so the
person can be admitted again by a later scan and the log still shows every step.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from encounter_desk.storage.models.base import Base, UTCDateTime, utcnow

RAW_KEPT = 512
"""A scan keeps at most this many characters of what was read (and the full length)."""


_CONTROL_PICTURES = {code: 0x2400 + code for code in range(0x20)} | {0x7F: 0x2421}


def kept_raw(raw: str) -> str:
    """What a scan keeps of the text read: at most RAW_KEPT characters, control characters
    shown as their Unicode pictures ("\x00" -> "␀"), which every database can store
    (PostgreSQL text refuses NUL) and a person can read in the scan log."""
    return raw[:RAW_KEPT].translate(_CONTROL_PICTURES)


def new_scan_uid() -> str:
    return uuid.uuid4().hex


class Scan(Base):
    __tablename__ = "scan"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scan_uid: Mapped[str] = mapped_column(String(64), unique=True, default=new_scan_uid)
    """Chosen by the desk for each scan: a retry with the same uid is never counted twice."""
    raw: Mapped[str] = mapped_column(String(RAW_KEPT), default="")
    raw_length: Mapped[int] = mapped_column(Integer, default=0)
    source: Mapped[str] = mapped_column(String(20), default="scanner")
    """scanner | camera | search | walk-in"""
    verdict: Mapped[str] = mapped_column(String(30))
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participant.id", ondelete="SET NULL"), index=True
    )
    badge_serial: Mapped[int | None] = mapped_column(Integer)
    """The serial the scanned code carried (None for a search check-in or a bad code)."""
    related_scan_id: Mapped[int | None] = mapped_column(Integer)
    """For "already checked in": the scan that checked the person in."""
    desk: Mapped[str] = mapped_column(String(80), default="")
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    sitting_id: Mapped[int | None] = mapped_column(ForeignKey("sitting.id", ondelete="SET NULL"))
    """A scan at a sitting's door (attendance) rather than at the registration desk."""
    undone_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    undo_reason: Mapped[str] = mapped_column(Text, default="")
    undone_by: Mapped[str] = mapped_column(String(200), default="")
    """Who undid this scan's check-in, and at which desk ("actor @ desk")."""


class CheckIn(Base):
    __tablename__ = "check_in"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), unique=True
    )
    scan_id: Mapped[int] = mapped_column(ForeignKey("scan.id", ondelete="RESTRICT"), unique=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    desk: Mapped[str] = mapped_column(String(80), default="")

    scan: Mapped[Scan] = relationship()
    """The scan that admitted the person."""
