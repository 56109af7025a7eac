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
import contextlib
import functools
import heapq
import math
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from sqlalchemy import select

from encounter_desk.core import names as text
from encounter_desk.storage.models import Delegation, Participant

NAME_WEIGHT = 1.0
OTHER_WEIGHT = 0.8  # a delegation or institution word counts a little less than a name word
MIN_FUZZY_LENGTH = 3  # shorter words must match exactly or as a prefix
CUTOFF = 75.0  # rapidfuzz ratio: one typo in four letters still matches
FIRST_LETTER_KEPT = 50  # people kept per first letter, for one-letter queries
MEMO_SIZE = 256  # query words whose matches are remembered until the index changes


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
    def of(cls, p: Participant) -> SearchEntry:
        d = p.delegation
        return cls.from_values(
            p.id, p.display_name, p.sort_key, (p.given_names, p.first_surname, p.second_surname),
            () if d is None else (d.name_es, d.name_en, d.code, d.iso3), p.institution,
        )

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


def _posting() -> array[int]:
    return array("q")


def _weighted(posting: Iterable[int]) -> Iterator[tuple[int, float]]:
    """(participant id, weight) of each person in a posting."""
    for key in posting:
        yield (key, NAME_WEIGHT) if key > 0 else (-key, OTHER_WEIGHT)


@dataclass
class SearchIndex:
    """An in-memory word index over the participants. Build it once; update it on changes."""

    entries: dict[int, SearchEntry] = field(default_factory=dict)
    _postings: dict[str, array[int]] = field(default_factory=lambda: defaultdict(_posting))
    """word -> the people who have it: the id for a name word, minus the id for another word
    (a compact array: at 100,000 people a dict per word cost a third of the index)."""
    _vocabulary: list[str] = field(default_factory=list)
    _by_length: dict[int, list[str]] = field(default_factory=dict)
    _heads: dict[int, tuple[list[str], list[list[str]]]] = field(default_factory=dict)
    _order: list[SearchEntry] = field(default_factory=list)
    _rank: dict[int, int] = field(default_factory=dict)
    _initials: tuple[dict[str, list[int]], dict[str, list[int]]] = ({}, {})
    _memo: dict[str, dict[int, float]] = field(default_factory=dict)
    _memo_head: dict[tuple[str, ...], dict[int, float]] = field(default_factory=dict)
    _dirty: bool = True

    @classmethod
    def build(cls, entries: list[SearchEntry]) -> SearchIndex:
        index = cls()
        for entry in entries:
            index._add(entry)
        return index

    @classmethod
    def load(cls, db) -> SearchIndex:  # noqa: ANN001 - a Database
        """The index of everyone in the event: plain rows, no ORM objects (10,000 of those
        cost more than a second to load)."""
        with db.read() as session:
            rows = session.execute(_PEOPLE_Q).all()
        return cls.build([
            SearchEntry.from_values(
                row[0], row[1], row[2], row[3:6],
                () if row[7] is None else row[7:11], row[6],
            )
            for row in rows
        ])

    def put(self, entry: SearchEntry) -> None:
        """Add or replace one participant (a walk-in, an edit)."""
        self.remove(entry.id)
        self._add(entry)

    def remove(self, participant_id: int) -> None:
        old = self.entries.pop(participant_id, None)
        if old is None:
            return
        for sign, words in ((1, old.name_words), (-1, old.other_words)):
            for word in words:
                posting = self._postings.get(word)
                if posting is not None:
                    with contextlib.suppress(ValueError):
                        posting.remove(sign * participant_id)
                    if not posting:
                        del self._postings[word]
        self._dirty = True

    def _add(self, entry: SearchEntry) -> None:
        self.entries[entry.id] = entry
        for word in entry.other_words:
            self._postings[word].append(-entry.id)
        for word in entry.name_words:
            self._postings[word].append(entry.id)
        self._dirty = True

    def _words(self) -> list[str]:
        if self._dirty:
            self._vocabulary = sorted(self._postings)
            # Typos are looked for among words of a length the ratio cutoff allows, and
            # never in numbers (a badge number is typed whole or as its beginning).
            self._by_length = defaultdict(list)
            for word in self._vocabulary:
                if not any(ch.isdigit() for ch in word):
                    self._by_length[len(word)].append(word)
            self._heads.clear()
            self._memo.clear()
            self._memo_head.clear()
            self._order = sorted(self.entries.values(), key=lambda e: e.sort_key)
            self._rank = {entry.id: n for n, entry in enumerate(self._order)}
            self._first_letters()
            self._dirty = False
        return self._vocabulary

    def _near_in_length(self, size: int) -> list[str]:
        """The words whose length lets ``fuzz.ratio`` with a word of ``size`` letters reach
        CUTOFF: 2·min/(a+b) ≥ CUTOFF/100 bounds the longer by about 5/3 of the shorter."""
        share = CUTOFF / 100.0
        low = math.ceil(size * share / (2 - share))
        high = math.floor(size * (2 - share) / share)
        words: list[str] = []
        for length in range(low, high + 1):
            words.extend(self._by_length.get(length, ()))
        return words

    def _heads_of(self, size: int) -> tuple[list[str], list[list[str]]]:
        """The distinct beginnings of ``size`` letters of the (non-number) words, each with
        the words that begin so."""
        found = self._heads.get(size)
        if found is None:
            groups: dict[str, list[str]] = defaultdict(list)
            for length, words in self._by_length.items():
                if length >= size:
                    for word in words:
                        groups[word[:size]].append(word)
            found = self._heads[size] = (list(groups), list(groups.values()))
        return found

    def _matches(self, query_word: str) -> dict[int, float]:
        """Participants matching one query word, with the best score of each (0..1).

        Remembered until the index changes: as a query is typed, only its last word is new."""
        vocabulary = self._words()
        found = self._memo.get(query_word)
        if found is None:
            if len(self._memo) > MEMO_SIZE:
                self._memo.clear()
            self._memo_head.clear()
            found = self._memo[query_word] = self._match(vocabulary, query_word)
        return found

    def _match(self, vocabulary: list[str], query_word: str) -> dict[int, float]:
        found: dict[int, float] = {}

        def credit(word: str, score: float) -> None:
            named, other = score * NAME_WEIGHT, score * OTHER_WEIGHT
            get = found.get
            for key in self._postings[word]:
                if key > 0:
                    if named > get(key, 0.0):
                        found[key] = named
                elif other > get(-key, 0.0):
                    found[-key] = other

        # Exact and prefix matches (the word being typed).
        position = bisect.bisect_left(vocabulary, query_word)
        while position < len(vocabulary) and vocabulary[position].startswith(query_word):
            word = vocabulary[position]
            credit(word, 1.0 if word == query_word else 0.95)
            position += 1
        if len(query_word) < MIN_FUZZY_LENGTH or any(ch.isdigit() for ch in query_word):
            return found
        # Typos: the whole word, or its beginning as long as the query.
        whole = process.extract(
            query_word, self._near_in_length(len(query_word)), scorer=fuzz.ratio,
            score_cutoff=CUTOFF, limit=None,
        )
        for word, score, _ in whole:
            credit(word, 0.9 * score / 100.0)
        heads, words_of = self._heads_of(len(query_word))
        for _, score, position in process.extract(
            query_word, heads, scorer=fuzz.ratio, score_cutoff=CUTOFF + 5, limit=None
        ):
            for word in words_of[position]:
                credit(word, 0.85 * score / 100.0)
        return found

    def _first_letters(self) -> None:
        """For each first letter, the first FIRST_LETTER_KEPT people in sort order with a
        name word beginning so, and those with only another word beginning so: what a
        one-letter query needs (the letter typed first matches a good share of a large
        event; crediting all of them would cost tens of milliseconds a keystroke)."""
        names: dict[str, list[int]] = defaultdict(list)
        others: dict[str, list[int]] = defaultdict(list)
        for entry in self._order:
            initials = {w[0] for w in entry.name_words}
            for letter in initials:
                kept = names[letter]
                if len(kept) < FIRST_LETTER_KEPT:
                    kept.append(entry.id)
            for letter in {w[0] for w in entry.other_words} - initials:
                kept = others[letter]
                if len(kept) < FIRST_LETTER_KEPT:
                    kept.append(entry.id)
        self._initials = (names, others)

    def _first_letter(self, letter: str, limit: int) -> dict[int, float] | None:
        """The candidates for a one-letter query with their scores: the letter as a whole
        word, then the first people whose name or other word begins with it. Anyone else
        scores no more than those and sorts after them. None when ``limit`` is too big."""
        if limit > FIRST_LETTER_KEPT:
            return None
        self._words()
        names, others = self._initials
        found = dict(_weighted(self._postings.get(letter, ())))  # the letter as a whole word
        for pid in names.get(letter, ()):
            found[pid] = max(found.get(pid, 0.0), 0.95)
        for pid in others.get(letter, ()):
            found[pid] = max(found.get(pid, 0.0), 0.95 * OTHER_WEIGHT)
        return found

    def _combined(self, totals: dict[int, float] | None,
                  words: tuple[str, ...] | list[str]) -> dict[int, float]:
        """``totals`` (None: everyone) narrowed to those matching every one of ``words``,
        each word's score added."""
        # The longest words first: they narrow the most, and a short word (no typos) is then
        # checked against the few people left rather than looked up among everyone.
        for word in sorted(words, key=len, reverse=True):
            if totals is not None and len(word) < MIN_FUZZY_LENGTH:
                totals = self._narrowed(totals, word)
            else:
                matches = self._matches(word)
                if totals is None:
                    totals = matches
                elif len(matches) < len(totals):
                    totals = {pid: totals[pid] + s for pid, s in matches.items()
                              if pid in totals}
                else:
                    totals = {pid: s + matches[pid] for pid, s in totals.items()
                              if pid in matches}
            if not totals:
                return {}
        return totals or {}

    def _narrowed(self, totals: dict[int, float], word: str) -> dict[int, float]:
        """``totals`` kept for the people with a word that is or begins with ``word`` (too
        short for typos), each credited as :meth:`_match` would."""
        out: dict[int, float] = {}
        for pid, total in totals.items():
            entry = self.entries[pid]
            best = 0.0
            for words, weight in ((entry.name_words, NAME_WEIGHT),
                                  (entry.other_words, OTHER_WEIGHT)):
                for candidate in words:
                    if candidate.startswith(word):
                        best = max(best, (1.0 if candidate == word else 0.95) * weight)
            if best:
                out[pid] = total + best
        return out

    def search(self, query: str, limit: int = 20) -> list[Hit]:
        words = list(dict.fromkeys(_words(query)))
        if not words:
            return []
        self._words()  # brings the index (and forgets what it remembered) up to date
        totals: dict[int, float] | None
        if len(words) == 1 and len(words[0]) == 1:
            totals = self._first_letter(words[0], limit)
            if totals is None:
                totals = self._matches(words[0])
        else:
            # As a query is typed only its last word changes: the people matching the
            # words before it are remembered from the previous keystroke.
            head = tuple(words[:-1])
            totals = self._memo_head.get(head) if head else None
            if head and totals is None:
                if len(self._memo_head) > MEMO_SIZE:
                    self._memo_head.clear()
                totals = self._memo_head[head] = self._combined(None, head)
            totals = self._combined(totals, words[-1:])
        if not totals:
            return []
        rank = self._rank
        ranked = heapq.nsmallest(limit, totals.items(), key=lambda item: (-item[1], rank[item[0]]))
        return [
            Hit(pid, self.entries[pid].display_name, round(score / max(1, len(words)), 4))
            for pid, score in ranked[:limit]
        ]
