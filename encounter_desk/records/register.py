"""What the secretariat's registers share: the refusal, clean text, choices, rows by id.

Agreements (:mod:`encounter_desk.records.agreements`) and legislative initiatives
(:mod:`encounter_desk.records.initiatives`) are registers: rows the secretariat creates,
changes and deletes through forms. Each validates with its own
``apply(session, row, values)``, which refuses with :class:`RecordsError` and writes
nothing, and describes a row with its own ``describe(session, row)``; a :class:`Register`
runs them, one short transaction each. Choices (an adoption, a kind, a status) are
parsed with :func:`choice` and named with :func:`choice_label`; a plain row copies the
stored one with :func:`copied`; the minutes and the exports find their sitting with
:func:`find_sitting`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any, Generic, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from encounter_desk.core import names as text
from encounter_desk.core.errors import Refusal
from encounter_desk.core.i18n import in_language, translate
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import Sitting

Model = TypeVar("Model")
Row = TypeVar("Row")
Choice = TypeVar("Choice", bound=Enum)


class RecordsError(Refusal):
    """Bad input for an agreement or an initiative; the message is for the user."""

    default_code = "records.refused"


def long_text(value: str | None) -> str:
    """Text of several paragraphs: each line cleaned, blank runs kept as one blank line."""
    lines = [text.clean(line) for line in (value or "").splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def choice(kind: type[Choice], value: Any, refusal: Callable[[], Refusal]) -> Choice:
    """``value`` as a member of the enum ``kind``, or the refusal ``refusal()`` makes."""
    try:
        return kind(value)
    except ValueError:
        raise refusal() from None


def choice_label(context: str, labels: Mapping[Choice, str], value: Any,
                 lang: str | None = None) -> str:
    """The label of a choice in ``lang``: ``labels`` maps each member of its enum to a text
    marked with QT_TRANSLATE_NOOP in ``context``."""
    kind = type(next(iter(labels)))
    return in_language(lang).translate(context, labels[kind(value)])


def choice_labeller(context: str, labels: Mapping[Choice, str]) -> Callable[..., str]:
    """The label function of one closed list: ``label(value, lang=None)`` (see
    :func:`choice_label`). In a module: ``stage_label = choice_labeller("Roadmap", STAGE_LABELS)``."""

    def label(value: str, lang: str | None = None) -> str:
        return choice_label(context, labels, value, lang)

    return label


def known_fields(values: Iterable[str], fields: frozenset[str],
                 refusal: Callable[[str], Refusal]) -> None:
    """Refuse a form that names a field the register does not have (``refusal(names)``)."""
    unknown = set(values) - fields
    if unknown:
        raise refusal(", ".join(sorted(unknown)))


def find_sitting(session: Session, *, sitting_id: int | None = None,
                 number: int | None = None) -> Sitting:
    """The sitting with this id, or with this number; refused when there is none."""
    if sitting_id is not None:
        sitting = session.get(Sitting, sitting_id)
    else:
        sitting = session.scalar(select(Sitting).where(Sitting.number == number))
    if sitting is None:
        raise RecordsError(
            translate("Records", "There is no session {id}.").format(
                id=sitting_id if sitting_id is not None else number),
            code="records.no_sitting",
        )
    return sitting


@dataclass(frozen=True)
class Register(Generic[Model, Row]):
    """How one register finds, adds, changes and deletes its rows."""

    model: type[Model]
    apply: Callable[[Session, Model, dict[str, Any]], None]
    """Validates ``values`` and sets them on the row, or refuses (:class:`RecordsError`)."""
    describe: Callable[[Session, Model], Row]
    """The plain row a form or a list shows."""
    missing: Callable[[int], Refusal]
    """The refusal for an id that is not (or no longer) in the register."""
    stamp: str = ""
    """A column set to the database's clock at each change ("updated_at"), if any."""

    def require(self, session: Session, row_id: int) -> Model:
        row = session.get(self.model, row_id)
        if row is None:
            raise self.missing(row_id)
        return row

    def add(self, session: Session, row: Model, values: dict[str, Any]) -> Row:
        """Validate ``values`` onto a new ``row`` and add it (in the caller's transaction)."""
        self.apply(session, row, dict(values))
        session.add(row)
        session.flush()
        return self.describe(session, row)

    def update(self, db: Database, row_id: int, changes: dict[str, Any]) -> Row:
        with db.write() as session:
            row = self.require(session, row_id)
            self.apply(session, row, dict(changes))
            if self.stamp:
                setattr(row, self.stamp, db.clock())
            session.flush()
            return self.describe(session, row)

    def delete(self, db: Database, row_id: int) -> None:
        with db.write() as session:
            session.delete(self.require(session, row_id))
