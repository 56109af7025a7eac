"""The desk's search index: loaded in steps once the window shows, then kept current.

Opening a large event must not wait for the index (10,000 people cost a few tenths of a
second, 100,000 some seconds): the scan field takes badges at once, and the index is built
a page of people at a time between events, so a scan arriving meanwhile waits at most one
step. A clerk who types a name before it is done gets it finished there and then. Once
loaded, each refresh puts again only the people changed since
(:class:`~encounter_desk.event.search_updates.SearchFeed`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, QTimer

from encounter_desk.core.errors import Refusal
from encounter_desk.event.search_updates import SearchFeed
from encounter_desk.storage.database import Database
from encounter_desk.ui.desk.search_panel import SearchPanel


class SearchLoading(QObject):
    """Loads ``panel``'s index from ``db`` in steps and follows the record's changes;
    a problem reading the record is said through ``problem``."""

    def __init__(self, db: Database, panel: SearchPanel, problem: Callable[[str], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.panel = panel
        self.problem = problem
        self.feed = SearchFeed()
        self._steps: Iterator[None] | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(0)  # whenever the event loop has nothing else to do
        self.timer.timeout.connect(self._step)
        panel.needs_index = self.finish

    def follow(self) -> None:
        """Start loading, or put again the people changed since the last look. Raises a
        Refusal when the record cannot be read."""
        if self.feed.loaded:
            self.feed.follow(self.db)
            self.panel.set_index(self.feed.index)  # checked-in states may have changed too
        elif not self.timer.isActive():
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
            self.panel.set_index(self.feed.index)
        except Refusal as exc:
            self.timer.stop()
            if raising:
                raise
            self.problem(str(exc))
        return False

    def finish(self) -> None:
        """The index is wanted now (a name typed): load the rest at once."""
        if self.feed.loaded:
            return
        self.timer.stop()
        try:
            self.feed.follow(self.db)
        except Refusal as exc:
            self.problem(str(exc))
            return
        self.panel.set_index(self.feed.index, search=False)
