"""A people search index loaded in steps once the window shows, then kept current.

Opening a large event must not wait for the index (10,000 people cost a few tenths of a
second, 100,000 some seconds): the desk's scan field takes badges at once, and the index is
built a page of people at a time between events, so a scan arriving meanwhile waits at most
one step. Someone who types a name before it is done gets it finished there and then. Once
loaded, each refresh puts again only the people changed since
(:class:`~encounter_desk.event.search_updates.SearchFeed`): the desk's search and the
chair's "add a speaker" both follow other desks' writes without reading everyone again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Protocol

from PySide6.QtCore import QObject, QTimer

from encounter_desk.core.errors import Refusal
from encounter_desk.event.people_search import SearchIndex
from encounter_desk.event.search_updates import SearchFeed
from encounter_desk.storage.database import Database


class Searching(Protocol):
    """A panel that searches people: it is handed the index, and says when it needs it whole."""

    needs_index: Callable[[], None]

    def set_index(self, index: SearchIndex, *, search: bool = True) -> None: ...


class SearchLoading(QObject):
    """Loads ``panel``'s index from ``db`` in steps and follows the record's changes;
    a problem reading the record is said through ``problem``."""

    def __init__(self, db: Database, panel: Searching, problem: Callable[[str], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.panel = panel
        self.problem = problem
        self.feed = SearchFeed()
        self._fresh: SearchFeed | None = None
        """A new feed being loaded in steps after an import, the old one searched meanwhile."""
        self._steps: Iterator[None] | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(0)  # whenever the event loop has nothing else to do
        self.timer.timeout.connect(self._step)
        panel.needs_index = self.finish

    def follow(self) -> None:
        """Start loading, or put again the people changed since the last look. Raises a
        Refusal when the record cannot be read."""
        if self.timer.isActive():
            return  # a load under way reads every change made before it ends
        if self.feed.loaded:
            if self.feed.follow(self.db, rebuild=False) < 0:
                # An import changed too many to put one by one: everyone is read again, a
                # page at a time between events, the index as it was answering meanwhile.
                self._fresh = SearchFeed()
                self._steps = self._fresh.loading(self.db)
                self.timer.start()
                return
            self.panel.set_index(self.feed.index)  # checked-in states may have changed too
        else:
            # The first page now: a small event is then complete, as the window opens.
            self._steps = self.feed.loading(self.db)
            if self._step(raising=True):
                self.timer.start()

    def _step(self, *, raising: bool = False) -> bool:
        """One page of people into the index; whether more are to come."""
        try:
            next(self._steps)  # type: ignore[arg-type]
            return True
        except StopIteration:
            self.timer.stop()
            if self._fresh is not None:
                self.feed, self._fresh = self._fresh, None
                try:
                    self.feed.follow(self.db)  # what changed while it loaded
                except Refusal as exc:
                    self.problem(str(exc))
            self.panel.set_index(self.feed.index)
        except Refusal as exc:
            self.timer.stop()
            self._fresh = None  # the index as it was keeps answering
            if raising:
                raise
            self.problem(str(exc))
        return False

    def finish(self) -> None:
        """The index is wanted now (a name typed): load the rest at once."""
        if self.feed.loaded and self._fresh is None:
            return
        self.timer.stop()
        if self._fresh is not None:  # a reload under way: finished here, then searched
            self.feed, self._fresh = self._fresh, None
        try:
            self.feed.follow(self.db)
        except Refusal as exc:
            self.problem(str(exc))
            return
        self.panel.set_index(self.feed.index, search=False)
