"""Declarative base shared by every table of the event file."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import DateTime, MetaData, TypeDecorator
from sqlalchemy.orm import DeclarativeBase

from encounter_desk.core.clock import utcnow  # noqa: F401 - the tables' default, re-exported

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator):
    """A moment in time, stored in UTC and always handed back timezone-aware.

    SQLite keeps no time zone; PostgreSQL does. Both give the same aware datetimes here.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect):  # noqa: ANN001
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; pass an aware datetime")
        value = value.astimezone(dt.UTC)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: dt.datetime | None, dialect):  # noqa: ANN001
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


class Vocabulary(StrEnum):
    """The values a text column may hold, each with its label for people.

    A member is declared with its value and its label, marked for translation:
    ``LAWMAKER = "lawmaker", QT_TRANSLATE_NOOP("Category", "Lawmaker")``. Members compare
    equal to their values; ``labels()`` is the {member: label} table the screens translate.
    """

    label: str

    def __new__(cls, value: str, label: str = "") -> Vocabulary:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    @classmethod
    def labels(cls) -> dict[Vocabulary, str]:
        return {member: member.label for member in cls}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
