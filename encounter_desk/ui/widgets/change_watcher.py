"""Keeps screens current: polls :func:`encounter_desk.storage.change_marker.marker` and says when it moves.

The main window runs one watcher per open event. Every ``interval_ms`` (1 s) it reads the
marker (a few hundred microseconds); when the marker differs from the last one it emits
:attr:`ChangeWatcher.changed`, and the visible workspace reloads. When the database cannot
be read (the server is unreachable) it emits :attr:`unavailable` with the sentence for the
user, keeps polling, and emits :attr:`available` (then :attr:`changed`) once it is back.

Tests pass their own timer (any object with a ``timeout`` signal, ``start`` and ``stop``)
and fire it themselves, or call :meth:`poll`; nobody sleeps.

A tick that finds nothing changed is also when the event file's write-ahead log is copied
back into the file (:meth:`Database.checkpoint`), off the verdict path.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from encounter_desk.storage import change_marker as changes
from encounter_desk.storage.database import Database, DatabaseError

log = logging.getLogger(__name__)

POLL_MS = 1000


class ChangeWatcher(QObject):
    changed = Signal()
    unavailable = Signal(str)
    available = Signal()

    def __init__(
        self,
        db: Database,
        parent: QObject | None = None,
        *,
        timer: QObject | None = None,
        interval_ms: int = POLL_MS,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.timer = timer if timer is not None else QTimer(self)
        if isinstance(self.timer, QTimer):
            self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        self.last: changes.Marker | None = None
        self.problem: str | None = None
        try:
            self.last = changes.marker(db)
        except DatabaseError as exc:
            self.problem = str(exc)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def poll(self) -> bool:
        """Read the marker once; True (and ``changed`` emitted) when it moved."""
        try:
            moved, now = changes.changed_since(self.db, self.last)
        except DatabaseError as exc:
            if self.problem is None:
                log.warning("change watcher: %s", exc)
                self.problem = str(exc)
                self.unavailable.emit(self.problem)
            return False
        if self.problem is not None:
            self.problem = None
            self.available.emit()
        self.last = now
        if moved:
            self.changed.emit()
        else:
            # Nothing written for a second: the moment to checkpoint SQLite's WAL, so that
            # no verdict ever pays for it.
            self.db.checkpoint()
        return moved
