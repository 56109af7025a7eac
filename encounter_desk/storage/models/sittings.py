"""Sittings (shown as "Session"/"Sesión") and their agenda items."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from encounter_desk.storage.models.base import Base, UTCDateTime


class Sitting(Base):
    __tablename__ = "sitting"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    title_es: Mapped[str] = mapped_column(String(300))
    title_en: Mapped[str] = mapped_column(String(300))
    date: Mapped[dt.date] = mapped_column(Date)
    scheduled_start: Mapped[dt.time] = mapped_column(Time)
    scheduled_end: Mapped[dt.time | None] = mapped_column(Time)
    room: Mapped[str] = mapped_column(String(200), default="")
    chair_id: Mapped[int | None] = mapped_column(ForeignKey("participant.id", ondelete="SET NULL"))
    secretary_id: Mapped[int | None] = mapped_column(
        ForeignKey("participant.id", ondelete="SET NULL")
    )
    default_speaking_seconds: Mapped[int] = mapped_column(Integer, default=180)
    warning_seconds: Mapped[int] = mapped_column(Integer, default=30)
    actual_start: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    adjourned_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    notes: Mapped[str] = mapped_column(Text, default="")
    # The quorum as verified when the sitting was opened (None: never opened).
    quorum_represented: Mapped[int | None] = mapped_column(Integer)
    quorum_members: Mapped[int | None] = mapped_column(Integer)
    quorum_met: Mapped[bool | None] = mapped_column(Boolean)
    # The approval of its minutes: when, and at which sitting (None: still a draft).
    minutes_approved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    minutes_approved_in_id: Mapped[int | None] = mapped_column(
        ForeignKey("sitting.id", ondelete="SET NULL")
    )

    agenda_items: Mapped[list[AgendaItem]] = relationship(
        back_populates="sitting",
        order_by="AgendaItem.number",
        cascade="all, delete-orphan",
    )
    recesses: Mapped[list[Recess]] = relationship(
        order_by="Recess.started_at", cascade="all, delete-orphan"
    )

    def title(self, lang: str) -> str:
        return self.title_es if lang == "es" else self.title_en

    @property
    def held(self) -> bool:
        """Opened at some moment; a sitting never opened is *not held* (no attendance,
        no quorum, no minutes)."""
        return self.actual_start is not None


class Recess(Base):
    """A suspension of a sitting (*receso*): from ``started_at`` until ``ended_at``."""

    __tablename__ = "sitting_recess"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sitting_id: Mapped[int] = mapped_column(
        ForeignKey("sitting.id", ondelete="CASCADE")
    )
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class AgendaItem(Base):
    __tablename__ = "agenda_item"
    __table_args__ = (UniqueConstraint("sitting_id", "number", name="uq_agenda_item_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sitting_id: Mapped[int] = mapped_column(ForeignKey("sitting.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    title_es: Mapped[str] = mapped_column(String(400))
    title_en: Mapped[str] = mapped_column(String(400))

    sitting: Mapped[Sitting] = relationship(back_populates="agenda_items")

    def title(self, lang: str) -> str:
        return self.title_es if lang == "es" else self.title_en
