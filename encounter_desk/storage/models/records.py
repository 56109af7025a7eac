"""The record of the sittings: attendance, agreements, legislative initiatives.

``attendance`` holds one row per participant per sitting — ``UNIQUE(sitting_id,
participant_id)`` is what guarantees it, whichever desk or chair marks the person, on
SQLite and PostgreSQL alike. The row keeps its status (present with an arrival time,
excused, absent), its source (a door scan, the roll call, a manual mark) and who marked it.

``agreement`` holds the decisions of a sitting (per agenda item or for the whole sitting),
how each was adopted, and declarations kept as annexes; ``agreement_vote`` holds each
member delegation's vote when a vote was taken by delegation. ``initiative`` is the register of
legislative initiatives a delegation pledges, with its sponsoring lawmakers in
``initiative_sponsor``: the start of the encounter's road map.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from encounter_desk.core.bilingual import Bilingual
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP
from encounter_desk.storage.models.base import Base, UTCDateTime, Vocabulary, utcnow
from encounter_desk.storage.models.declaration import (
    DelegationVoteColumns,
    delegation_vote_constraints,
)
from encounter_desk.storage.models.people import Delegation


class AttendanceStatus(Vocabulary):
    PRESENT = "present", QT_TRANSLATE_NOOP("Attendance", "Present")
    EXCUSED = "excused", QT_TRANSLATE_NOOP("Attendance", "Excused")
    ABSENT = "absent", QT_TRANSLATE_NOOP("Attendance", "Absent")


ATTENDANCE_STATUS_LABELS = AttendanceStatus.labels()


class AttendanceSource(Vocabulary):
    # a badge read (or a search) at the sitting's door
    SCAN = "scan", QT_TRANSLATE_NOOP("Attendance", "Door scan")
    ROLL_CALL = "roll_call", QT_TRANSLATE_NOOP("Attendance", "Roll call")  # the chair's roll call
    MANUAL = "manual", QT_TRANSLATE_NOOP("Attendance", "Manual")  # a mark by the secretariat


ATTENDANCE_SOURCE_LABELS = AttendanceSource.labels()


class Attendance(Base):
    __tablename__ = "attendance"
    __table_args__ = (
        UniqueConstraint("sitting_id", "participant_id", name="uq_attendance_sitting_participant"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sitting_id: Mapped[int] = mapped_column(ForeignKey("sitting.id", ondelete="CASCADE"))
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(10))
    arrived_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    """When a present person arrived (the first scan or mark); None unless present."""
    source: Mapped[str] = mapped_column(String(20))
    recorded_by: Mapped[str] = mapped_column(String(200), default="")
    desk: Mapped[str] = mapped_column(String(80), default="")
    scan_id: Mapped[int | None] = mapped_column(ForeignKey("scan.id", ondelete="SET NULL"))
    """The door scan that made the person present, when the source is a scan."""
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class Adoption(Vocabulary):
    CONSENSUS = "consensus", QT_TRANSLATE_NOOP("Records", "By consensus")
    VOTE = "vote", QT_TRANSLATE_NOOP("Records", "By vote")


ADOPTION_LABELS = Adoption.labels()


class Agreement(Base):
    __tablename__ = "agreement"
    __table_args__ = (UniqueConstraint("sitting_id", "number", name="uq_agreement_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sitting_id: Mapped[int] = mapped_column(ForeignKey("sitting.id", ondelete="CASCADE"))
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL")
    )
    number: Mapped[int] = mapped_column(Integer)
    """Numbered within the sitting (1, 2, …)."""
    text_es: Mapped[str] = mapped_column(Text, default="")
    text_en: Mapped[str] = mapped_column(Text, default="")
    text_original: Mapped[str] = mapped_column(Text, default="")
    original_language: Mapped[str] = mapped_column(String(5), default="es")
    """The language the text was first given in (see :mod:`encounter_desk.core.bilingual`)."""
    adoption: Mapped[str] = mapped_column(String(20), default=Adoption.CONSENSUS.value)
    votes_for: Mapped[int | None] = mapped_column(Integer)
    votes_against: Mapped[int | None] = mapped_column(Integer)
    abstentions: Mapped[int | None] = mapped_column(Integer)
    is_annex: Mapped[bool] = mapped_column(Boolean, default=False)
    """A declaration adopted by the sitting, printed in full as an annex of the minutes."""
    annex_title: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    delegation_votes: Mapped[list[AgreementVote]] = relationship(
        cascade="all, delete-orphan", order_by="AgreementVote.id")
    """Each member delegation's vote, when the vote was taken by delegation (else empty)."""

    @property
    def texts(self) -> Bilingual:
        return Bilingual.of(self, "text", self.original_language)


class AgreementVote(DelegationVoteColumns, Base):
    """One member delegation's vote on an agreement; the agreement's tally is computed
    from these rows."""

    __tablename__ = "agreement_vote"
    __table_args__ = delegation_vote_constraints("agreement_vote", "agreement_id")

    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"))
    delegation: Mapped[Delegation] = relationship()


class InitiativeKind(Vocabulary):
    BILL = "bill", QT_TRANSLATE_NOOP("Initiatives", "Bill")
    REFORM = "reform", QT_TRANSLATE_NOOP("Initiatives", "Reform")
    RESOLUTION = "resolution", QT_TRANSLATE_NOOP("Initiatives", "Resolution")
    # a "punto de acuerdo" (an exhortation)
    AGREEMENT_POINT = "agreement_point", QT_TRANSLATE_NOOP("Initiatives", "Point of agreement")
    BUDGET_ITEM = "budget_item", QT_TRANSLATE_NOOP("Initiatives", "Budget item")
    OTHER = "other", QT_TRANSLATE_NOOP("Initiatives", "Other")


INITIATIVE_KIND_LABELS = InitiativeKind.labels()


class InitiativeStatus(Vocabulary):
    PLEDGED = "pledged", QT_TRANSLATE_NOOP("Initiatives", "Pledged")
    DRAFTED = "drafted", QT_TRANSLATE_NOOP("Initiatives", "Drafted")
    TABLED = "tabled", QT_TRANSLATE_NOOP("Initiatives", "Tabled")
    ADOPTED = "adopted", QT_TRANSLATE_NOOP("Initiatives", "Adopted")
    WITHDRAWN = "withdrawn", QT_TRANSLATE_NOOP("Initiatives", "Withdrawn")


INITIATIVE_STATUS_LABELS = InitiativeStatus.labels()


class Initiative(Base):
    __tablename__ = "initiative"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    delegation_id: Mapped[int] = mapped_column(ForeignKey("delegation.id", ondelete="RESTRICT"), index=True)
    title_es: Mapped[str] = mapped_column(String(400), default="")
    title_en: Mapped[str] = mapped_column(String(400), default="")
    title_original: Mapped[str] = mapped_column(String(400), default="")
    description_es: Mapped[str] = mapped_column(Text, default="")
    description_en: Mapped[str] = mapped_column(Text, default="")
    description_original: Mapped[str] = mapped_column(Text, default="")
    original_language: Mapped[str] = mapped_column(String(5), default="es")
    """The language the delegation gave the title and description in (see
    :mod:`encounter_desk.core.bilingual`)."""
    kind: Mapped[str] = mapped_column(String(20), default=InitiativeKind.BILL.value)
    target_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default=InitiativeStatus.PLEDGED.value)
    sitting_id: Mapped[int | None] = mapped_column(ForeignKey("sitting.id", ondelete="SET NULL"))
    """The sitting where it was pledged, if any."""
    # the road map (see storage/models/roadmap.py): the kind is the instrument
    stage: Mapped[str] = mapped_column(String(20), default="announced")
    horizon: Mapped[str] = mapped_column(String(10), default="short")
    indicator: Mapped[str] = mapped_column(Text, default="")
    focal_name: Mapped[str] = mapped_column(String(200), default="")
    focal_email: Mapped[str] = mapped_column(String(200), default="")
    text_es: Mapped[str] = mapped_column(Text, default="")
    text_en: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    sponsors: Mapped[list[InitiativeSponsor]] = relationship(
        back_populates="initiative",
        cascade="all, delete-orphan",
        order_by="InitiativeSponsor.position",
    )

    @property
    def titles(self) -> Bilingual:
        return Bilingual.of(self, "title", self.original_language)

    @property
    def descriptions(self) -> Bilingual:
        return Bilingual.of(self, "description", self.original_language)

    @property
    def title(self) -> str:
        """The title as the delegation gave it (its original language)."""
        return self.titles.original_text or self.titles.es or self.titles.en


class InitiativeSponsor(Base):
    __tablename__ = "initiative_sponsor"
    __table_args__ = (
        UniqueConstraint("initiative_id", "participant_id", name="uq_initiative_sponsor"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    initiative_id: Mapped[int] = mapped_column(ForeignKey("initiative.id", ondelete="CASCADE"))
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="RESTRICT"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)

    initiative: Mapped[Initiative] = relationship(back_populates="sponsors")
