"""Search people by name as you type: accents and case ignored, typos tolerated.

"gonzales nunes" finds "González Núñez"; "oim" finds the IOM's people through their
institution; "mex" the Mexican delegation. Every word of the query must match some word
of the person (name, delegation or institution), exactly, as a prefix (the word being
typed) or within a small edit distance. Matching runs over the vocabulary of distinct
words with rapidfuzz (C speed), then intersects the people those words belong to, so a
keystroke over 10,000 participants stays within a few milliseconds.

The index is kept current one person at a time (:meth:`SearchIndex.put`,
:meth:`SearchIndex.remove`): a walk-in, an edit or an import changes only the words, the
sort order and the first letters of the people concerned, never a rebuild of the whole
(:mod:`encounter_desk.event.search_updates` reads who changed from the audit trail).
"""

from __future__ import annotations

import bisect
import contextlib
import heapq
import math
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from encounter_desk.event.search_entries import (  # noqa: F401 - also imported from here
    Hit,
    SearchEntry,
    _words,
    read_entries,
)

NAME_WEIGHT = 1.0
OTHER_WEIGHT = 0.8  # a delegation or institution word counts a little less than a name word
MIN_FUZZY_LENGTH = 3  # shorter words must match exactly or as a prefix
CUTOFF = 75.0  # rapidfuzz ratio: one typo in four letters still matches
FIRST_LETTER_KEPT = 50  # people kept per first letter, for one-letter queries
MEMO_SIZE = 256  # query words whose matches are remembered until the index changes


def _has_digit(word: str) -> bool:
    return any(ch.isdigit() for ch in word)


RANK_GAP = float(2**20)
"""Room between the ranks of neighbours in sort order: a person added between two others
takes the middle of theirs; when no room is left, everyone is numbered again."""
NARROW_SCAN_MAX = 200
"""Up to this many people left, a short last word is checked against each person's words;
beyond, its matches are looked up (and remembered) and intersected."""

Credits = list[tuple[float, "array[int]"]]


class SearchIndex:
    """An in-memory word index over the participants, kept current one person at a time."""

    def __init__(self) -> None:
        self.entries: dict[int, SearchEntry] = {}
        # word -> the people who have it as a name word, and as another word: compact
        # arrays (at 100,000 people a dict per word cost a third of the index)
        self._names: dict[str, array[int]] = {}
        self._others: dict[str, array[int]] = {}
        self._vocabulary: list[str] = []
        """Every word, sorted: the words a prefix begins are a range of it."""
        self._by_length: dict[int, list[str]] = defaultdict(list)
        """The words without a digit, by length (typos are looked for among these)."""
        self._heads: dict[int, tuple[list[str], list[list[str]], dict[str, int]]] = {}
        """size -> the distinct beginnings of that many letters, the words of each, and
        where each beginning is in the first list (made on the first query of that size)."""
        self._order: list[tuple[str, int]] = []
        """(sort key, id) of everyone, sorted."""
        self._rank: dict[int, float] = {}
        """id -> a number that sorts as ``_order`` does (ties among equal scores)."""
        self._initials: tuple[dict[str, list[int]], dict[str, list[int]]] = ({}, {})
        self._stale_letters: set[str] = set()
        self._memo: dict[str, dict[int, float]] = {}
        self._memo_head: dict[tuple[str, ...], dict[int, float]] = {}

    @classmethod
    def build(cls, entries: Iterable[SearchEntry]) -> SearchIndex:
        index = cls()
        index.gather(entries)
        index.finish()
        return index

    def gather(self, entries: Iterable[SearchEntry]) -> None:
        """Post ``entries`` while building (in steps: a large event between keystrokes);
        :meth:`finish` then sorts what the queries need."""
        for entry in entries:
            if entry.id in self.entries:
                self.remove(entry.id)
            self.entries[entry.id] = entry
            self._post(entry)

    def finish(self) -> None:
        self._vocabulary = sorted({*self._names, *self._others})
        self._by_length.clear()
        for word in self._vocabulary:
            if not _has_digit(word):
                self._by_length[len(word)].append(word)
        self._heads.clear()
        self._order = sorted((entry.sort_key, entry.id) for entry in self.entries.values())
        self._renumber()
        self._first_letters()
        self._forget()

    @classmethod
    def load(cls, db) -> SearchIndex:  # noqa: ANN001 - a Database
        """The index of everyone in the event: plain rows, no ORM objects (10,000 of those
        cost more than a second to load)."""
        return cls.build(read_entries(db))

    # --- keeping it current ----------------------------------------------------------------

    def put(self, entry: SearchEntry) -> None:
        """Add or replace one participant (a walk-in, an edit); nothing when unchanged."""
        if self.entries.get(entry.id) == entry:
            return
        self.remove(entry.id)
        self.entries[entry.id] = entry
        for word in self._post(entry):
            bisect.insort(self._vocabulary, word)
            if _has_digit(word):
                continue
            self._by_length[len(word)].append(word)
            for size, (heads, words_of, where) in self._heads.items():
                if len(word) >= size:
                    at = where.get(word[:size])
                    if at is None:
                        where[word[:size]] = len(heads)
                        heads.append(word[:size])
                        words_of.append([word])
                    else:
                        words_of[at].append(word)
        key = (entry.sort_key, entry.id)
        at = bisect.bisect_left(self._order, key)
        self._order.insert(at, key)
        self._rank[entry.id] = self._rank_at(at)
        self._keep_initials(entry)
        self._forget()

    def remove(self, participant_id: int) -> None:
        old = self.entries.pop(participant_id, None)
        if old is None:
            return
        for words, table in ((old.name_words, self._names), (old.other_words, self._others)):
            for word in words:
                posting = table.get(word)
                if posting is None:
                    continue
                with contextlib.suppress(ValueError):
                    posting.remove(participant_id)
                if not posting:
                    del table[word]
                    if word not in self._names and word not in self._others:
                        self._drop_word(word)
        key = (old.sort_key, participant_id)
        at = bisect.bisect_left(self._order, key)
        if at < len(self._order) and self._order[at] == key:
            del self._order[at]
        self._rank.pop(participant_id, None)
        for kept_by in self._initials:
            for letter in {w[0] for w in (*old.name_words, *old.other_words)}:
                if participant_id in kept_by.get(letter, ()):
                    self._stale_letters.add(letter)  # the next in sort order comes in
        self._forget()

    def _post(self, entry: SearchEntry) -> list[str]:
        """Put ``entry`` in the postings of its words; the words new to the vocabulary."""
        new = []
        for words, table in ((entry.name_words, self._names), (entry.other_words, self._others)):
            for word in words:
                posting = table.get(word)
                if posting is None:
                    if word not in self._names and word not in self._others:
                        new.append(word)
                    posting = table[word] = array("i")
                posting.append(entry.id)
        return new

    def _drop_word(self, word: str) -> None:
        at = bisect.bisect_left(self._vocabulary, word)
        if at < len(self._vocabulary) and self._vocabulary[at] == word:
            del self._vocabulary[at]
        if _has_digit(word):
            return
        with contextlib.suppress(ValueError):
            self._by_length[len(word)].remove(word)
        for size, (_heads, words_of, where) in self._heads.items():
            at = where.get(word[:size])
            if len(word) >= size and at is not None:
                with contextlib.suppress(ValueError):
                    words_of[at].remove(word)

    def _renumber(self) -> None:
        self._rank = {pid: n * RANK_GAP for n, (_key, pid) in enumerate(self._order)}

    def _rank_at(self, at: int) -> float:
        """A rank for the person just put at ``at`` in ``_order``, between its neighbours'."""
        order, rank = self._order, self._rank
        below = rank[order[at - 1][1]] if at > 0 else None
        above = rank[order[at + 1][1]] if at + 1 < len(order) else None
        if below is None or above is None:
            return 0.0 if below is None and above is None else (
                above - RANK_GAP if below is None else below + RANK_GAP)
        middle = (below + above) / 2
        if below < middle < above:
            return middle
        self._renumber()
        return self._rank[order[at][1]]

    def _forget(self) -> None:
        """What was remembered between keystrokes no longer holds."""
        self._memo.clear()
        self._memo_head.clear()

    # --- matching one word -------------------------------------------------------------------

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
            heads = list(groups)
            found = self._heads[size] = (heads, list(groups.values()),
                                         {head: n for n, head in enumerate(heads)})
        return found[0], found[1]

    def _matches(self, query_word: str) -> dict[int, float]:
        """Participants matching one query word, with the best score of each (0..1);
        remembered until the index changes (as a query is typed, only its last word is new)."""
        found = self._memo.get(query_word)
        if found is None:
            if len(self._memo) > MEMO_SIZE:
                self._memo.clear()
            self._memo_head.clear()
            found = self._memo[query_word] = self._match(query_word)
        return found

    def _credit(self, credits: Credits, word: str, score: float) -> None:
        names, others = self._names.get(word), self._others.get(word)
        if names:
            credits.append((score * NAME_WEIGHT, names))
        if others:
            credits.append((score * OTHER_WEIGHT, others))

    def _match(self, query_word: str) -> dict[int, float]:
        credits: Credits = []
        # Exact and prefix matches (the word being typed).
        vocabulary = self._vocabulary
        position = bisect.bisect_left(vocabulary, query_word)
        while position < len(vocabulary) and vocabulary[position].startswith(query_word):
            word = vocabulary[position]
            self._credit(credits, word, 1.0 if word == query_word else 0.95)
            position += 1
        if len(query_word) >= MIN_FUZZY_LENGTH and not _has_digit(query_word):
            # Typos: the whole word, or its beginning as long as the query.
            whole = process.extract(
                query_word, self._near_in_length(len(query_word)), scorer=fuzz.ratio,
                score_cutoff=CUTOFF, limit=None,
            )
            for word, score, _ in whole:
                self._credit(credits, word, 0.9 * score / 100.0)
            heads, words_of = self._heads_of(len(query_word))
            for _, score, position in process.extract(
                query_word, heads, scorer=fuzz.ratio, score_cutoff=CUTOFF + 5, limit=None
            ):
                for word in words_of[position]:
                    self._credit(credits, word, 0.85 * score / 100.0)
        # Each person's best score: the credits in rising order, each overwriting the last
        # (dict.update runs in C: a common surname's thousands of people cost little).
        credits.sort(key=lambda credit: credit[0])
        found: dict[int, float] = {}
        for score, posting in credits:
            if len(posting) < 8:
                for pid in posting:
                    found[pid] = score
            else:
                found.update(dict.fromkeys(posting, score))
        return found

    # --- one letter ----------------------------------------------------------------------------

    def _first_letters(self, only: set[str] | None = None) -> None:
        """For each first letter (or those ``only``), the first FIRST_LETTER_KEPT people in
        sort order with a name word beginning so, and those with only another word beginning
        so: what a one-letter query needs (the letter typed first matches a good share of a
        large event; crediting all of them would cost tens of milliseconds a keystroke)."""
        names, others = ({}, {}) if only is None else self._initials
        vocabulary, rank = self._vocabulary, self._rank.__getitem__
        for letter in only if only is not None else {word[0] for word in vocabulary}:
            # The words that begin with the letter are a range of the sorted vocabulary.
            words = vocabulary[bisect.bisect_left(vocabulary, letter):
                               bisect.bisect_left(vocabulary, chr(ord(letter) + 1))]
            named = set().union(*(self._names.get(word, ()) for word in words))
            other = set().union(*(self._others.get(word, ()) for word in words)) - named
            names[letter] = heapq.nsmallest(FIRST_LETTER_KEPT, named, key=rank)
            others[letter] = heapq.nsmallest(FIRST_LETTER_KEPT, other, key=rank)
        self._initials = (names, others)

    def _keep_initials(self, entry: SearchEntry) -> None:
        """``entry`` (just put) among the people kept for its first letters, if early enough."""
        rank = self._rank
        mine = rank[entry.id]
        initials = {w[0] for w in entry.name_words}
        for kept_by, letters in ((self._initials[0], initials),
                                 (self._initials[1], {w[0] for w in entry.other_words} - initials)):
            for letter in letters - self._stale_letters:
                kept = kept_by.setdefault(letter, [])
                if len(kept) < FIRST_LETTER_KEPT or (kept and mine < rank[kept[-1]]):
                    kept.insert(bisect.bisect_left([rank[pid] for pid in kept], mine), entry.id)
                    del kept[FIRST_LETTER_KEPT:]

    def _first_letter(self, letter: str, limit: int) -> dict[int, float] | None:
        """The candidates for a one-letter query with their scores: the letter as a whole
        word, then the first people whose name or other word begins with it. Anyone else
        scores no more than those and sorts after them. None when ``limit`` is too big."""
        if limit > FIRST_LETTER_KEPT:
            return None
        if self._stale_letters:
            self._first_letters(set(self._stale_letters))
            self._stale_letters.clear()
        names, others = self._initials
        credits: Credits = []
        self._credit(credits, letter, 1.0)  # the letter as a whole word
        found: dict[int, float] = {}
        for pid in others.get(letter, ()):
            found[pid] = 0.95 * OTHER_WEIGHT
        for pid in names.get(letter, ()):
            found[pid] = 0.95
        for score, posting in credits:
            for pid in posting:
                found[pid] = max(found.get(pid, 0.0), score)
        return found

    # --- a query -------------------------------------------------------------------------------

    def _combined(self, totals: dict[int, float] | None,
                  words: tuple[str, ...] | list[str]) -> dict[int, float]:
        """``totals`` (None: everyone) narrowed to those matching every one of ``words``,
        each word's score added."""
        # The longest words first: they narrow the most, and a short word (no typos) is then
        # checked against the few people left rather than looked up among everyone.
        for word in sorted(words, key=len, reverse=True):
            if (totals is not None and len(word) < MIN_FUZZY_LENGTH
                    and len(totals) <= NARROW_SCAN_MAX and word not in self._memo):
                totals = self._narrowed(totals, word)
            else:
                matches = self._matches(word)
                if totals is None:
                    totals = matches
                else:
                    both = totals.keys() & matches.keys()
                    totals = {pid: totals[pid] + matches[pid] for pid in both}
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

    def _top(self, totals: dict[int, float], limit: int) -> list[int]:
        """The ``limit`` best of ``totals``: highest score first, then in sort order. Only
        the people at or above the ``limit``-th best score are ranked one by one."""
        rank = self._rank
        if len(totals) <= 4 * limit:
            return heapq.nsmallest(limit, totals, key=lambda pid: (-totals[pid], rank[pid]))
        counts = Counter(totals.values())
        counted, threshold = 0, 0.0
        for score in sorted(counts, reverse=True):
            counted, threshold = counted + counts[score], score
            if counted >= limit:
                break
        above = ([pid for pid, score in totals.items() if score > threshold]
                 if counted > counts[threshold] else [])
        above.sort(key=lambda pid: (-totals[pid], rank[pid]))
        need = limit - len(above)
        if counts[threshold] ** 2 < need * len(self._order):
            tied = [pid for pid, score in totals.items() if score == threshold]
            return above + heapq.nsmallest(need, tied, key=rank.__getitem__)
        # Many tied (a common surname's prefix): the first of them in sort order are near
        # the top of it, sooner found there than the whole tie ranked.
        first: list[int] = []
        for _key, pid in self._order:
            if totals.get(pid) == threshold:
                first.append(pid)
                if len(first) == need:
                    break
        return above + first

    def search(self, query: str, limit: int = 20) -> list[Hit]:
        words = list(dict.fromkeys(_words(query)))
        if not words or limit <= 0:
            return []
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
        return [
            Hit(pid, self.entries[pid].display_name, round(totals[pid] / len(words), 4))
            for pid in self._top(totals, limit)
        ]
