"""Delegations and the participants registered for the event."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from encounter_desk.core.i18n import QT_TRANSLATE_NOOP
from encounter_desk.storage.models.base import Base, UTCDateTime, Vocabulary, utcnow


class DelegationKind(Vocabulary):
    COUNTRY = "country", QT_TRANSLATE_NOOP("DelegationKind", "Member country")
    PRESIDENCY = "presidency", QT_TRANSLATE_NOOP("DelegationKind", "Presidency Pro-Tempore")
    SECRETARIAT = "secretariat", QT_TRANSLATE_NOOP("DelegationKind", "Technical Secretariat")
    INTERNATIONAL = (
        "international", QT_TRANSLATE_NOOP("DelegationKind", "International organization")
    )
    OBSERVER = "observer", QT_TRANSLATE_NOOP("DelegationKind", "Observer")
    GUEST = "guest", QT_TRANSLATE_NOOP("DelegationKind", "Guest")


DELEGATION_KIND_LABELS = DelegationKind.labels()


class Category(Vocabulary):
    LAWMAKER = "lawmaker", QT_TRANSLATE_NOOP("Category", "Lawmaker")
    # government officials and diplomats
    OFFICIAL = "official", QT_TRANSLATE_NOOP("Category", "Government official")
    # the staff of an international organization
    INTERNATIONAL = "international", QT_TRANSLATE_NOOP("Category", "International organization")
    SECRETARIAT = "secretariat", QT_TRANSLATE_NOOP("Category", "Secretariat")
    CIVIL_SOCIETY = "civil_society", QT_TRANSLATE_NOOP("Category", "Civil society")  # ASPARLEXSAL
    STAFF = "staff", QT_TRANSLATE_NOOP("Category", "Staff")  # organisers, interpreters, support
    PRESS = "press", QT_TRANSLATE_NOOP("Category", "Press")
    GUEST = "guest", QT_TRANSLATE_NOOP("Category", "Guest")


CATEGORY_LABELS = Category.labels()


class Gender(Vocabulary):
    FEMALE = "F", QT_TRANSLATE_NOOP("Gender", "Female")
    MALE = "M", QT_TRANSLATE_NOOP("Gender", "Male")
    OTHER = "X", QT_TRANSLATE_NOOP("Gender", "Other")


GENDER_LABELS = Gender.labels()


class Delegation(Base):
    __tablename__ = "delegation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    """ISO 3166 alpha-2 for a member country; a short code for other groups (IO, TS, PPT…)."""
    kind: Mapped[str] = mapped_column(String(20), default=DelegationKind.COUNTRY.value)
    iso2: Mapped[str | None] = mapped_column(String(2))
    iso3: Mapped[str | None] = mapped_column(String(3))
    name_es: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    canonical_order: Mapped[int] = mapped_column(Integer, default=100)
    """The RCM's order (Spanish alphabetical for members); non-country groups follow."""
    is_member: Mapped[bool] = mapped_column(Boolean, default=False)
    document_language: Mapped[str] = mapped_column(String(5), default="")
    """Language of its certificates and follow-up forms (es, en); "" for the usual one."""

    participants: Mapped[list[Participant]] = relationship(back_populates="delegation")

    def name(self, lang: str) -> str:
        return self.name_es if lang == "es" else self.name_en


class Participant(Base):
    __tablename__ = "participant"
    __table_args__ = (
        UniqueConstraint("delegation_id", "identity_key", name="uq_participant_identity"),
        # An id is never given twice (SQLite would reuse the highest after a delete): a
        # printed badge names its participant by id, and must never name anyone else.
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(40), default="")
    given_names: Mapped[str] = mapped_column(String(120))
    first_surname: Mapped[str] = mapped_column(String(120), default="")
    second_surname: Mapped[str] = mapped_column(String(120), default="")
    display_name: Mapped[str] = mapped_column(String(300))
    """"María José Pérez Núñez": given names then surnames."""
    sort_name: Mapped[str] = mapped_column(String(300))
    """"Pérez Núñez, María José": how lists print it."""
    sort_key: Mapped[str] = mapped_column(String(300), index=True)
    """Spanish collation key of the sort name (accents and case folded, ñ after n)."""
    identity_key: Mapped[str] = mapped_column(String(300))
    """Folded full name: no two people of one delegation share it (duplicate guard)."""
    gender: Mapped[str | None] = mapped_column(String(1))
    delegation_id: Mapped[int | None] = mapped_column(
        ForeignKey("delegation.id", ondelete="RESTRICT")
    )
    category: Mapped[str] = mapped_column(String(20), default=Category.LAWMAKER.value)
    institution: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[str] = mapped_column(String(200), default="")
    chamber: Mapped[str] = mapped_column(String(120), default="")
    committee: Mapped[str] = mapped_column(String(200), default="")
    is_head_of_delegation: Mapped[bool] = mapped_column(Boolean, default=False)
    email: Mapped[str] = mapped_column(String(200), default="", index=True)
    phone: Mapped[str] = mapped_column(String(60), default="")
    desk_note: Mapped[str] = mapped_column(Text, default="")
    """Something the registration desk must see when this person arrives."""
    language: Mapped[str] = mapped_column(String(5), default="")
    """Working language the person speaks (es, en, fr…), for interpretation and the minutes."""
    badge_serial: Mapped[int] = mapped_column(Integer, default=1)
    """Raised when a badge is reissued: codes with a lower serial are refused as replaced."""
    withdrawn_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)
    """Accreditation withdrawn (the badge admits nobody); None while accredited."""
    withdrawn_by: Mapped[str] = mapped_column(String(200), default="")
    withdrawn_reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    delegation: Mapped[Delegation | None] = relationship(back_populates="participants")
