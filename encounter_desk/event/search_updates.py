"""Keep a loaded people search index current from the audit trail, one person at a time.

Every change to the record writes audit entries in the same transaction
(:mod:`encounter_desk.storage.models.audit`): a walk-in, an edit in Setup, a roster import,
a delegation renamed, on this laptop or another. :meth:`SearchFeed.catch_up` reads the
entries written since it last looked and puts again only the people they name (or the
members of a delegation they name), instead of reading the whole event again: at 100,000
people a full reload takes seconds, and other desks' scans move the change marker every
second.

**Entries that commit late.** On PostgreSQL ids come from a sequence taken before commit,
so an entry with a smaller id can become visible after one with a larger id. The feed
therefore remembers the ids it has read above the last id up to which it has read all
(:attr:`SearchFeed.low`); an id missing there is looked for again on each catch-up until it
appears or :data:`SETTLE_SECONDS` have passed (a transaction rolled back leaves its id
unused forever). SQLite writers commit one at a time, in id order.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import func, select

from encounter_desk.event.people_search import SearchIndex
from encounter_desk.event.search_entries import entry_pages, read_entries
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import AuditEntry

SETTLE_SECONDS = 60.0
"""An id missing between ids already read is waited for this long (a transaction that took
it and has not committed yet), then taken as rolled back."""
LOOK_BACK = 2_000
"""When the index is loaded, the last entries before it are read too: one of them may belong
to a transaction still in progress (PostgreSQL)."""
PAGE = 2_000
"""People read and indexed in one step of :meth:`SearchFeed.loading`."""
FIRST_PAGE = 300
"""The first step's people: a small event is then complete in one short step."""
RELOAD_AT_LEAST = 1_000
"""... and at least this many (below it, putting them one by one is quicker)."""
RELOAD_SHARE = 4
"""More people changed than a 1/RELOAD_SHARE of the index (an import): read everyone again."""

PEOPLE_TABLES = ("participant", "delegation")


@dataclass
class SearchFeed:
    """The search index of an event and how far into the audit trail it is current."""

    index: SearchIndex = field(default_factory=SearchIndex)
    loaded: bool = False
    low: int = 0
    """Every audit entry up to this id has been read."""
    seen: set[int] = field(default_factory=set)
    """Ids above :attr:`low` already read."""
    missing: dict[int, float] = field(default_factory=dict)
    """Ids above :attr:`low` not read yet -> when they were first missed (``time.monotonic``)."""
    _steps: Iterator[None] | None = field(default=None, repr=False)

    @classmethod
    def load(cls, db: Database, *, now: float | None = None) -> SearchFeed:
        """The index of everyone in the event, current as of now."""
        feed = cls()
        feed.follow(db, now=now)
        return feed

    def follow(self, db: Database, *, now: float | None = None, rebuild: bool = True) -> int:
        """Load the index (or finish loading it) the first time, then :meth:`catch_up`; how
        many people were put (see :meth:`catch_up` for ``rebuild``)."""
        if self.loaded:
            return self.catch_up(db, now=now, rebuild=rebuild)
        for _step in self.loading(db, now=now):
            pass
        return len(self.index.entries)

    def loading(self, db: Database, *, now: float | None = None) -> Iterator[None]:
        """Load the index in steps of PAGE people (each a few tens of milliseconds), so that
        a window can stay responsive in between; the index is usable once it is done."""
        if self._steps is None:
            self._steps = self._load(db, now)
        yield from self._steps

    def _load(self, db: Database, now: float | None) -> Iterator[None]:
        with db.read() as session:  # before the people: a change in between is read again
            top = session.scalar(select(func.max(AuditEntry.id))) or 0
            recent = session.scalars(
                select(AuditEntry.id).where(AuditEntry.id > top - LOOK_BACK)).all()
        index = SearchIndex()
        size = FIRST_PAGE
        for entries in entry_pages(db, PAGE, first=FIRST_PAGE):
            index.gather(entries)
            if len(entries) < size:
                break  # the last page
            size = PAGE
            yield
        index.finish()
        self.index, self.low, self.loaded = index, max(0, top - LOOK_BACK), True
        self._advance(recent, time.monotonic() if now is None else now)

    def catch_up(self, db: Database, *, now: float | None = None, rebuild: bool = True) -> int:
        """Put again the people changed since the last look; how many were put or removed.
        So many changed (an import) that everyone is read again: with ``rebuild`` False,
        nothing is done and -1 says so, for a caller that loads a new feed in steps."""
        now = time.monotonic() if now is None else now
        with db.read() as session:
            rows = session.execute(
                select(AuditEntry.id, AuditEntry.table_name, AuditEntry.row_id)
                .where(AuditEntry.id > self.low).order_by(AuditEntry.id)).all()
        people: set[int] = set()
        delegations: set[int] = set()
        for entry_id, table, row_id in rows:
            if entry_id in self.seen or table not in PEOPLE_TABLES:
                continue
            (people if table == "participant" else delegations).add(int(row_id))
        if not rebuild and self._too_many(people):
            return -1
        changed = self._apply(db, people, delegations) if people or delegations else 0
        self._advance([row[0] for row in rows], now)
        return changed

    def _too_many(self, people: set[int]) -> bool:
        return len(people) > max(RELOAD_AT_LEAST, len(self.index.entries) // RELOAD_SHARE)

    def _apply(self, db: Database, people: set[int], delegations: set[int]) -> int:
        if self._too_many(people):
            self.index = SearchIndex.build(read_entries(db))
            return len(people)
        entries = read_entries(db, people, delegations)
        for entry in entries:
            self.index.put(entry)
        gone = people - {entry.id for entry in entries}
        for participant_id in gone:
            self.index.remove(participant_id)
        return len(entries) + len(gone)

    def _advance(self, ids: Iterable[int], now: float) -> None:
        """Remember ``ids`` as read and move :attr:`low` past every id read or given up."""
        self.seen.update(ids)
        top = max(self.seen, default=self.low)
        low = self.low
        while low < top:
            following = low + 1
            if following in self.seen:
                self.seen.discard(following)
            elif now - self.missing.setdefault(following, now) < SETTLE_SECONDS:
                break
            self.missing.pop(following, None)
            low = following
        self.low = low
        for later in range(low + 1, top):
            if later not in self.seen:
                self.missing.setdefault(later, now)
