"""What the people search knows of each person: their entry (name words, delegation and
institution words, sort key) and the folded words of a text; read from the event as plain
rows (:func:`read_entries`), for everyone or for the people who changed."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import select

from encounter_desk.core import names as text
from encounter_desk.storage.models import Delegation, Participant

_PEOPLE_Q = select(
    Participant.id, Participant.display_name, Participant.sort_key, Participant.given_names,
    Participant.first_surname, Participant.second_surname, Participant.institution,
    Delegation.name_es, Delegation.name_en, Delegation.code, Delegation.iso3,
).outerjoin(Delegation, Participant.delegation_id == Delegation.id)


@dataclass(frozen=True)
class SearchEntry:
    """What the index knows of one participant."""

    id: int
    display_name: str
    sort_key: str
    name_words: tuple[str, ...]
    other_words: tuple[str, ...] = ()

    @classmethod
    def from_values(cls, pid: int, display_name: str, sort_key: str, name_parts: Iterable[str],
                    delegation: Iterable[str | None], institution: str | None) -> SearchEntry:
        """The entry of a person from their name parts, their delegation's names and code
        (empty without one) and their institution."""
        names = [w for part in name_parts for w in _words(part)]
        other = [w for value in (*delegation, institution) for w in _words(value)]
        return cls(
            id=pid,
            display_name=display_name,
            sort_key=sort_key,
            name_words=tuple(dict.fromkeys(names)),
            other_words=tuple(w for w in dict.fromkeys(other) if w not in names),
        )


@dataclass(frozen=True)
class Hit:
    id: int
    display_name: str
    score: float


@functools.lru_cache(maxsize=65_536)
def _words(value: str | None) -> tuple[str, ...]:
    """The folded words of a value (remembered: names and delegations repeat a lot)."""
    folded = text.fold(value)
    cleaned = "".join(ch if ch.isalnum() else " " for ch in folded)
    return tuple(w for w in cleaned.split() if w)


def read_entries(db, ids: Iterable[int] | None = None,  # noqa: ANN001 - a Database
                 delegations: Iterable[int] = ()) -> list[SearchEntry]:
    """The entries of everyone in the event (``ids`` None), or of the people with these
    ids and of the members of these delegations: plain rows, no ORM objects."""
    query = _PEOPLE_Q
    if ids is not None:
        query = query.where(Participant.id.in_(list(ids))
                            | Participant.delegation_id.in_(list(delegations)))
    with db.read() as session:
        rows = session.execute(query).all()
    return [_entry(row) for row in rows]


def entry_pages(db, size: int, first: int | None = None,  # noqa: ANN001 - a Database
                ) -> Iterator[list[SearchEntry]]:
    """The entries of everyone in the event, ``size`` people at a time (in id order; the
    first page ``first`` people if given)."""
    last, limit = 0, first or size
    while True:
        with db.read() as session:
            rows = session.execute(_PEOPLE_Q.where(Participant.id > last)
                                   .order_by(Participant.id).limit(limit)).all()
        if not rows:
            return
        last, limit = rows[-1][0], size  # every page after the first: ``size`` people
        yield [_entry(row) for row in rows]


def _entry(row) -> SearchEntry:  # noqa: ANN001 - a row of _PEOPLE_Q
    return SearchEntry.from_values(row[0], row[1], row[2], row[3:6],
                                   () if row[7] is None else row[7:11], row[6])
