"""Delegations and the participants registered for the event."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from encounter_desk.core.i18n import QT_TRANSLATE_NOOP
from encounter_desk.storage.models.base import Base, UTCDateTime, utcnow


class DelegationKind(StrEnum):
    COUNTRY = "country"
    PRESIDENCY = "presidency"  # Presidency Pro-Tempore
    SECRETARIAT = "secretariat"  # RCM Technical Secretariat
    INTERNATIONAL = "international"  # international organizations
    OBSERVER = "observer"
    GUEST = "guest"


DELEGATION_KIND_LABELS = {
    DelegationKind.COUNTRY: QT_TRANSLATE_NOOP("DelegationKind", "Member country"),
    DelegationKind.PRESIDENCY: QT_TRANSLATE_NOOP("DelegationKind", "Presidency Pro-Tempore"),
    DelegationKind.SECRETARIAT: QT_TRANSLATE_NOOP("DelegationKind", "Technical Secretariat"),
    DelegationKind.INTERNATIONAL: QT_TRANSLATE_NOOP("DelegationKind", "International organization"),
    DelegationKind.OBSERVER: QT_TRANSLATE_NOOP("DelegationKind", "Observer"),
    DelegationKind.GUEST: QT_TRANSLATE_NOOP("DelegationKind", "Guest"),
}


class Category(StrEnum):
    LAWMAKER = "lawmaker"
    OFFICIAL = "official"  # government official, diplomat
    INTERNATIONAL = "international"  # staff of an international organization
    SECRETARIAT = "secretariat"
    CIVIL_SOCIETY = "civil_society"  # e.g. ASPARLEXSAL
    STAFF = "staff"  # organisers, interpreters, support
    PRESS = "press"
    GUEST = "guest"


CATEGORY_LABELS = {
    Category.LAWMAKER: QT_TRANSLATE_NOOP("Category", "Lawmaker"),
    Category.OFFICIAL: QT_TRANSLATE_NOOP("Category", "Government official"),
    Category.INTERNATIONAL: QT_TRANSLATE_NOOP("Category", "International organization"),
    Category.SECRETARIAT: QT_TRANSLATE_NOOP("Category", "Secretariat"),
    Category.CIVIL_SOCIETY: QT_TRANSLATE_NOOP("Category", "Civil society"),
    Category.STAFF: QT_TRANSLATE_NOOP("Category", "Staff"),
    Category.PRESS: QT_TRANSLATE_NOOP("Category", "Press"),
    Category.GUEST: QT_TRANSLATE_NOOP("Category", "Guest"),
}


class Gender(StrEnum):
    FEMALE = "F"
    MALE = "M"
    OTHER = "X"


GENDER_LABELS = {
    Gender.FEMALE: QT_TRANSLATE_NOOP("Gender", "Female"),
    Gender.MALE: QT_TRANSLATE_NOOP("Gender", "Male"),
    Gender.OTHER: QT_TRANSLATE_NOOP("Gender", "Other"),
}


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

    participants: Mapped[list[Participant]] = relationship(back_populates="delegation")

    def name(self, lang: str) -> str:
        return self.name_es if lang == "es" else self.name_en


class Participant(Base):
    __tablename__ = "participant"
    __table_args__ = (
        Index("ix_participant_sort_key", "sort_key"),
        Index("ix_participant_email", "email"),
        UniqueConstraint("delegation_id", "identity_key", name="uq_participant_identity"),
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
    sort_key: Mapped[str] = mapped_column(String(300))
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
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    desk_note: Mapped[str] = mapped_column(Text, default="")
    """Something the registration desk must see when this person arrives."""
    language: Mapped[str] = mapped_column(String(5), default="")
    """Working language the person speaks (es, en, fr…), for interpretation and the minutes."""
    badge_serial: Mapped[int] = mapped_column(Integer, default=1)
    """Raised when a badge is reissued: codes with a lower serial are refused as replaced."""
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    delegation: Mapped[Delegation | None] = relationship(back_populates="participants")
