"""Lists of speakers: speeches, each list's settings, per-delegation speaking budgets.

A ``speech`` is one entry on a list of speakers (a sitting, and an agenda item or none):
waiting → speaking (↔ paused) → done, or withdrawn. Its real start, pauses and end are
wall-clock UTC moments, so the minutes can print them and a restart can resume the clock
(see :mod:`encounter_desk.chair.clock`). ``speaker_list`` keeps what belongs to a list rather
than to a speech (closed or open, the default time of each kind); ``speaking_budget`` the
optional seconds a delegation has for an agenda item.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Float, ForeignKey, Index, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from encounter_desk.core.bilingual import Bilingual
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP
from encounter_desk.storage.models.base import Base, UTCDateTime, Vocabulary, utcnow


class SpeechKind(Vocabulary):
    STATEMENT = "statement", QT_TRANSLATE_NOOP("SpeechKind", "Statement")
    POINT_OF_ORDER = "point_of_order", QT_TRANSLATE_NOOP("SpeechKind", "Point of order")
    RIGHT_OF_REPLY = "right_of_reply", QT_TRANSLATE_NOOP("SpeechKind", "Right of reply")
    QUESTION = "question", QT_TRANSLATE_NOOP("SpeechKind", "Question")


SPEECH_KIND_LABELS = SpeechKind.labels()


class SpeechState(Vocabulary):
    WAITING = "waiting", QT_TRANSLATE_NOOP("SpeechState", "Waiting")
    SPEAKING = "speaking", QT_TRANSLATE_NOOP("SpeechState", "Speaking")
    PAUSED = "paused", QT_TRANSLATE_NOOP("SpeechState", "Paused")
    DONE = "done", QT_TRANSLATE_NOOP("SpeechState", "Done")
    WITHDRAWN = "withdrawn", QT_TRANSLATE_NOOP("SpeechState", "Withdrawn")


SPEECH_STATE_LABELS = SpeechState.labels()


class PointReason(Vocabulary):
    """What a point of order is about; "other" needs its short text."""

    PROCEDURE = "procedure", QT_TRANSLATE_NOOP("PointReason", "Procedure")
    QUORUM = "quorum", QT_TRANSLATE_NOOP("PointReason", "Quorum")
    INTERPRETATION = "interpretation", QT_TRANSLATE_NOOP("PointReason", "Interpretation")
    TIME = "time", QT_TRANSLATE_NOOP("PointReason", "Time")
    OTHER = "other", QT_TRANSLATE_NOOP("PointReason", "Other")


POINT_REASON_LABELS = PointReason.labels()
REASON_TEXT_LENGTH = 200
"""The most characters a point of order's own words may have."""


class Speech(Base):
    __tablename__ = "speech"
    __table_args__ = (
        Index("ix_speech_sitting_id", "sitting_id", "agenda_item_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sitting_id: Mapped[int] = mapped_column(ForeignKey("sitting.id", ondelete="RESTRICT"))
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="RESTRICT")
    )
    """None: the sitting's list outside any agenda item."""
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id", ondelete="RESTRICT"), index=True)
    delegation_id: Mapped[int | None] = mapped_column(
        ForeignKey("delegation.id", ondelete="SET NULL")
    )
    """The speaker's delegation when they asked for the floor (budgets and totals)."""
    kind: Mapped[str] = mapped_column(String(20), default=SpeechKind.STATEMENT.value)
    state: Mapped[str] = mapped_column(String(20), default=SpeechState.WAITING.value, index=True)
    position: Mapped[float] = mapped_column(Float, default=0.0)
    """Order among the waiting speeches of the list (smaller speaks first)."""
    replies_to_id: Mapped[int | None] = mapped_column(ForeignKey("speech.id", ondelete="SET NULL"))
    """The speech a right of reply answers, or a question is put to."""
    interrupts_id: Mapped[int | None] = mapped_column(ForeignKey("speech.id", ondelete="SET NULL"))
    """For a point of order: the speech it paused, which resumes when it ends."""
    requested_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    started_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    ended_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    paused_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    """Start of the pause still running (None while speaking)."""
    paused_seconds: Mapped[float] = mapped_column(Float, default=0.0)
    """Seconds of the pauses already over."""
    pause_count: Mapped[int] = mapped_column(Integer, default=0)
    limit_seconds: Mapped[int | None] = mapped_column(Integer)
    """The time in force once started (None: a stopwatch); before, the chair's own choice."""
    custom_limit: Mapped[bool] = mapped_column(Boolean, default=False)
    """The chair set this speaker's time; otherwise the list's default applies at the start."""
    language: Mapped[str] = mapped_column(String(5), default="")
    """The language spoken: the original language of the summary too."""
    summary_es: Mapped[str] = mapped_column(Text, default="")
    summary_en: Mapped[str] = mapped_column(Text, default="")
    summary_original: Mapped[str] = mapped_column(Text, default="")
    """The summary in the language spoken when that is neither Spanish nor English
    (see :mod:`encounter_desk.core.bilingual`)."""
    reason: Mapped[str] = mapped_column(String(20), default="", server_default="")
    """A point of order's :class:`PointReason` ("" : not stated yet, and every other kind)."""
    reason_text: Mapped[str] = mapped_column(
        String(REASON_TEXT_LENGTH), default="", server_default="")
    """A point of order's reason in a few words, as the chair wrote it down."""
    withdrawn_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    @property
    def summary(self) -> Bilingual:
        return Bilingual.of(self, "summary", self.language)


class SpeakerList(Base):
    """Settings of one list of speakers (a sitting and an agenda item, or none).

    Default times per kind in seconds: ``statement_seconds`` None takes the sitting's
    default; 0 in any of them means no limit (a stopwatch).
    """

    __tablename__ = "speaker_list"
    __table_args__ = (Index("ix_speaker_list_sitting_id", "sitting_id", "agenda_item_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sitting_id: Mapped[int] = mapped_column(ForeignKey("sitting.id", ondelete="CASCADE"))
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="CASCADE")
    )
    closed: Mapped[bool] = mapped_column(Boolean, default=False)
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    statement_seconds: Mapped[int | None] = mapped_column(Integer)
    reply_seconds: Mapped[int] = mapped_column(Integer, default=90)
    question_seconds: Mapped[int] = mapped_column(Integer, default=60)
    point_of_order_seconds: Mapped[int] = mapped_column(Integer, default=60)
    only_present: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    """Only participants marked present at the sitting may be put on the list."""


class SpeakingBudget(Base):
    """The seconds a delegation may speak on one list, counted down across its speeches."""

    __tablename__ = "speaking_budget"
    __table_args__ = (Index("ix_speaking_budget_sitting_id", "sitting_id", "agenda_item_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sitting_id: Mapped[int] = mapped_column(ForeignKey("sitting.id", ondelete="CASCADE"))
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="CASCADE")
    )
    delegation_id: Mapped[int] = mapped_column(ForeignKey("delegation.id", ondelete="CASCADE"))
    seconds: Mapped[int] = mapped_column(Integer)
