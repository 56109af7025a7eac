"""What every editing job of the event checks, written once.

The jobs that add, change and remove participants, delegations, sittings and agenda items
(and the records' jobs above them) refuse the same things the same way: a field they do not
know, a row that no longer exists, an empty title, a number that is not a whole number, a
value another row already has, a row the record still refers to. Each caller passes its own
translated sentence and its dotted code; these functions decide and raise the
:class:`~encounter_desk.core.errors.Refusal`. :class:`Editable` puts them together for one
kind of row (create, update, delete); :func:`row_of` copies an ORM object into the plain
frozen row a job hands back.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import InstrumentedAttribute, Session

from encounter_desk.core import names as text
from encounter_desk.core.errors import Refusal
from encounter_desk.core.i18n import translate
from encounter_desk.storage.database import Database

T = TypeVar("T")


def check_known(values: Iterable[str], allowed: frozenset[str], message: str, code: str) -> None:
    """Refuse field names outside ``allowed``; ``message`` names them with ``{names}``."""
    unknown = set(values) - allowed
    if unknown:
        raise Refusal(message.format(names=", ".join(sorted(unknown))), code)


def require(session: Session, model: type[T], row_id: Any, message: str, code: str,
            **options: Any) -> T:
    """The row of ``model`` with this id; refused when it no longer exists."""
    row = session.get(model, row_id, **options)
    if row is None:
        raise Refusal(message, code)
    return row


def required_text(value: Any, message: str, code: str) -> str:
    """``value`` cleaned (spaces trimmed and collapsed); refused when nothing is left."""
    cleaned = text.clean(value)
    if not cleaned:
        raise Refusal(message, code)
    return cleaned


def whole_number(value: Any, message: str, code: str, *, least: int = 1) -> int:
    """``value`` as a whole number from ``least``; refused otherwise."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = least - 1
    if number < least:
        raise Refusal(message, code)
    return number


def one_of(value: Any, choices: type[StrEnum], message: str, code: str) -> Any:
    """``value`` when it is one of the enumeration's values; refused otherwise (``message``
    shows it with ``{value}``)."""
    if value not in {choice.value for choice in choices}:
        raise Refusal(message.format(value=value), code)
    return value


def unique(session: Session, column: InstrumentedAttribute, value: Any, own_id: int | None,
           message: str, code: str, *where: Any) -> Any:
    """``value`` when no other row (not ``own_id``) of ``column``'s table has it (among the
    rows matching ``where``); refused otherwise."""
    model = column.class_
    with session.no_autoflush:
        clash = session.scalar(
            select(model.id).where(column == value, model.id != (own_id or -1), *where).limit(1)
        )
    if clash is not None:
        raise Refusal(message, code)
    return value


def unique_number(session: Session, column: InstrumentedAttribute, value: Any,
                  own_id: int | None, not_a_number: str, taken: str, code: str,
                  *where: Any) -> int:
    """``value`` as a whole number from 1 that no other row (among ``where``) has:
    refused with ``not_a_number`` (``code``) or ``taken`` (``{n}``; ``<code>_taken``)."""
    number = whole_number(value, not_a_number, code)
    return unique(session, column, number, own_id, taken.format(n=number), f"{code}_taken",
                  *where)


@contextlib.contextmanager
def refused_while_referenced(message: str, code: str) -> Iterator[None]:
    """Turn the foreign-key failure of a delete (the record still refers to the row) into
    a refusal; nothing was deleted."""
    try:
        yield
    except IntegrityError as exc:
        raise Refusal(message, code) from exc


@dataclass(frozen=True)
class Editable:
    """One kind of row the setup jobs edit, and how: its table, the fields a caller may
    change, ``apply(session, obj, name, value)`` (checks and cleans one value, returns what
    to store), ``check(session, obj)`` (checks the whole before it is written) and
    ``row(session, obj)`` (the plain row handed back). Refusals read from messages marked
    with ``QT_TRANSLATE_NOOP`` in ``context``, with the codes ``<code>.unknown_field``,
    ``<code>.missing`` and ``<code>.has_record``."""

    model: type
    fields: frozenset[str]
    code: str
    context: str
    unknown_field: str
    """"Unknown … field: {names}." """
    missing: str
    """"This … no longer exists; the list was refreshed." """
    apply: Callable[[Session, Any, str, Any], Any]
    row: Callable[[Session, Any], Any]
    check: Callable[[Session, Any], None] | None = None
    in_use: str = ""
    """Why a row the record refers to cannot be deleted."""

    def check_fields(self, values: Iterable[str]) -> None:
        check_known(values, self.fields, translate(self.context, self.unknown_field),
                    f"{self.code}.unknown_field")

    def get(self, session: Session, row_id: Any, **options: Any) -> Any:
        return require(session, self.model, row_id, translate(self.context, self.missing),
                       f"{self.code}.missing", **options)

    def save(self, session: Session, obj: Any, values: dict[str, Any]) -> Any:
        """Set ``values`` on ``obj`` (a new or a loaded row), each through ``apply``; check
        the whole; write it; hand back its row. A refusal leaves the transaction to roll
        back, so nothing is written."""
        for name, value in values.items():
            setattr(obj, name, self.apply(session, obj, name, value))
        if self.check is not None:
            self.check(session, obj)
        session.add(obj)
        session.flush()
        return self.row(session, obj)

    def create(self, db: Database, new: Callable[[Session], Any], values: dict[str, Any]) -> Any:
        """A new row: ``new(session)`` with its defaults, then ``values``."""
        self.check_fields(values)
        with db.write() as session:
            return self.save(session, new(session), values)

    def update(self, db: Database, row_id: Any, changes: dict[str, Any]) -> Any:
        """Change some fields of one row; returns the row as saved."""
        self.check_fields(changes)
        with db.write() as session:
            return self.save(session, self.get(session, row_id), changes)

    def delete(self, db: Database, row_id: Any) -> None:
        """Remove one row; refused (nothing deleted) while the record refers to it."""
        with refused_while_referenced(translate(self.context, self.in_use),
                                      f"{self.code}.has_record"), db.write() as session:
            session.delete(self.get(session, row_id))


def row_of(cls: type[T], obj: object, **computed: Any) -> T:
    """The frozen dataclass ``cls`` filled from ``obj``'s attributes of the same names,
    ``computed`` giving the fields ``obj`` does not have."""
    copied = {f.name: getattr(obj, f.name) for f in fields(cls) if f.name not in computed}
    return cls(**copied, **computed)
