"""The event itself: one row per event file."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from encounter_desk.storage.models.base import Base, UTCDateTime, utcnow


class Event(Base):
    __tablename__ = "event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    """Reference code, printed on badges and on every page of the minutes (e.g. RCM-EP-2017)."""
    name_es: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str] = mapped_column(String(300))
    short_name_es: Mapped[str] = mapped_column(String(120), default="")
    short_name_en: Mapped[str] = mapped_column(String(120), default="")
    venue: Mapped[str] = mapped_column(String(200), default="")
    city: Mapped[str] = mapped_column(String(120), default="")
    country: Mapped[str] = mapped_column(String(120), default="")
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    timezone: Mapped[str] = mapped_column(String(64), default="America/Mexico_City")
    """IANA zone of the venue: times are stored in UTC and shown in this zone."""
    secret: Mapped[str] = mapped_column(String(128))
    """Hex key that signs badge codes. Never printed, never exported."""
    quorum_rule: Mapped[str] = mapped_column(String(40), default="")
    """Empty: no quorum; 'majority_of_members': more than half of the member delegations."""
    paper: Mapped[str] = mapped_column(String(10), default="")
    """Paper of every PDF: "letter" or "a4"; empty: the country's default (Letter in Mexico)."""
    kiosk_pin_hash: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    def name(self, lang: str) -> str:
        return self.name_es if lang == "es" else self.name_en
