"""Search people by name as you type: accents and case ignored, typos tolerated.

"gonzales nunes" finds "González Núñez"; "oim" finds the IOM's people through their
institution; "mex" the Mexican delegation. Every word of the query must match some word
of the person (name, delegation or institution), exactly, as a prefix (the word being
typed) or within a small edit distance. Matching runs over the vocabulary of distinct
words with rapidfuzz (C speed), then intersects the people those words belong to, so a
keystroke over 10,000 participants stays within a few milliseconds.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from encounter_desk.core import names as text
from encounter_desk.storage.models import Participant

NAME_WEIGHT = 1.0
OTHER_WEIGHT = 0.8  # a delegation or institution word counts a little less than a name word
MIN_FUZZY_LENGTH = 3  # shorter words must match exactly or as a prefix
CUTOFF = 75.0  # rapidfuzz ratio: one typo in four letters still matches


@dataclass(frozen=True)
class SearchEntry:
    """What the index knows of one participant."""

    id: int
    display_name: str
    sort_key: str
    name_words: tuple[str, ...]
    other_words: tuple[str, ...] = ()

    @classmethod
    def of(cls, p: Participant) -> SearchEntry:
        other: list[str] = []
        if p.delegation is not None:
            for value in (p.delegation.name_es, p.delegation.name_en, p.delegation.code,
                          p.delegation.iso3 or ""):
                other.extend(_words(value))
        other.extend(_words(p.institution))
        names = _words(" ".join((p.given_names, p.first_surname, p.second_surname)))
        return cls(
            id=p.id,
            display_name=p.display_name,
            sort_key=p.sort_key,
            name_words=tuple(dict.fromkeys(names)),
            other_words=tuple(w for w in dict.fromkeys(other) if w not in names),
        )


@dataclass(frozen=True)
class Hit:
    id: int
    display_name: str
    score: float


def _words(value: str | None) -> list[str]:
    folded = text.fold(value)
    cleaned = "".join(ch if ch.isalnum() else " " for ch in folded)
    return [w for w in cleaned.split() if w]


@dataclass
class SearchIndex:
    """An in-memory word index over the participants. Build it once; update it on changes."""

    entries: dict[int, SearchEntry] = field(default_factory=dict)
    _postings: dict[str, dict[int, float]] = field(default_factory=lambda: defaultdict(dict))
    _vocabulary: list[str] = field(default_factory=list)
    _heads: dict[int, list[str]] = field(default_factory=dict)
    _dirty: bool = True

    @classmethod
    def build(cls, entries: list[SearchEntry]) -> SearchIndex:
        index = cls()
        for entry in entries:
            index._add(entry)
        return index

    @classmethod
    def load(cls, db) -> SearchIndex:  # noqa: ANN001 - a Database
        with db.read() as session:
            people = session.scalars(
                select(Participant).options(selectinload(Participant.delegation))
            )
            return cls.build([SearchEntry.of(p) for p in people])

    def put(self, entry: SearchEntry) -> None:
        """Add or replace one participant (a walk-in, an edit)."""
        self.remove(entry.id)
        self._add(entry)

    def remove(self, participant_id: int) -> None:
        old = self.entries.pop(participant_id, None)
        if old is None:
            return
        for word in (*old.name_words, *old.other_words):
            posting = self._postings.get(word)
            if posting is not None:
                posting.pop(participant_id, None)
                if not posting:
                    del self._postings[word]
        self._dirty = True

    def _add(self, entry: SearchEntry) -> None:
        self.entries[entry.id] = entry
        for word in entry.other_words:
            self._postings[word][entry.id] = OTHER_WEIGHT
        for word in entry.name_words:
            self._postings[word][entry.id] = NAME_WEIGHT
        self._dirty = True

    def _words(self) -> list[str]:
        if self._dirty:
            self._vocabulary = sorted(self._postings)
            self._heads.clear()
            self._dirty = False
        return self._vocabulary

    def _matches(self, query_word: str) -> dict[int, float]:
        """Participants matching one query word, with the best score of each (0..1)."""
        vocabulary = self._words()
        found: dict[int, float] = {}

        def credit(word: str, score: float) -> None:
            for pid, weight in self._postings[word].items():
                value = score * weight
                if value > found.get(pid, 0.0):
                    found[pid] = value

        # Exact and prefix matches (the word being typed).
        start = bisect.bisect_left(vocabulary, query_word)
        for word in vocabulary[start:]:
            if not word.startswith(query_word):
                break
            credit(word, 1.0 if word == query_word else 0.95)
        if len(query_word) < MIN_FUZZY_LENGTH:
            return found
        # Typos: the whole word, or its beginning as long as the query.
        whole = process.extract(
            query_word, vocabulary, scorer=fuzz.ratio, score_cutoff=CUTOFF, limit=None
        )
        for word, score, _ in whole:
            credit(word, 0.9 * score / 100.0)
        size = len(query_word)
        heads = self._heads.get(size)
        if heads is None:
            heads = self._heads[size] = [w[:size] for w in vocabulary]
        for _, score, position in process.extract(
            query_word, heads, scorer=fuzz.ratio, score_cutoff=CUTOFF + 5, limit=None
        ):
            credit(vocabulary[position], 0.85 * score / 100.0)
        return found

    def search(self, query: str, limit: int = 20) -> list[Hit]:
        words = list(dict.fromkeys(_words(query)))
        if not words:
            return []
        totals: dict[int, float] | None = None
        for word in words:
            matches = self._matches(word)
            if totals is None:
                totals = matches
            else:
                totals = {pid: totals[pid] + s for pid, s in matches.items() if pid in totals}
            if not totals:
                return []
        assert totals is not None
        ranked = sorted(
            totals.items(), key=lambda item: (-item[1], self.entries[item[0]].sort_key)
        )
        return [
            Hit(pid, self.entries[pid].display_name, round(score / len(words), 4))
            for pid, score in ranked[:limit]
        ]
