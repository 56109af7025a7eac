"""File → "Back up to…" and "Restore from backup…", and the automatic backups of the open file.

:class:`BackupActions` belongs to the main window. It runs an :class:`AutoBackup` every
:data:`TICK_MS` (a copy is taken only when the event changed and five minutes have passed;
the last 20 are kept in ``backups/`` beside the file) and one more when the event is
closed. Restoring closes the event, replaces the file (keeping the current one aside) and
opens it again. Every question and answer goes through the message bridge.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, QTimer
from PySide6.QtWidgets import QWidget

from encounter_desk.storage import backups
from encounter_desk.storage.database import Database, DatabaseError
from encounter_desk.ui.widgets.long_job import JobRunner
from encounter_desk.ui.widgets.messages import MessageBridge

log = logging.getLogger(__name__)

TICK_MS = 60_000


class BackupActions(QObject):
    def __init__(
        self,
        window: QWidget,
        messages: MessageBridge,
        *,
        close_event: Callable[[], None],
        open_path: Callable[[Path], bool],
        timer: QObject | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.messages = messages
        self.close_event = close_event
        self.open_path = open_path
        self.db: Database | None = None
        self.auto: backups.AutoBackup | None = None
        self.timer = timer if timer is not None else QTimer(self)
        if isinstance(self.timer, QTimer):
            self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.jobs = JobRunner(window)
        self.auto_jobs = JobRunner(window, QThreadPool(self), quiet=True)

    # --- the open event -----------------------------------------------------------------

    def attach(self, db: Database) -> None:
        self.db = db
        self.auto = backups.AutoBackup(db) if db.path is not None else None
        if self.auto is not None:
            self.timer.start()

    def detach(self) -> Path | None:
        """The event is closing: a last automatic backup if it changed (after the one
        under way, if any)."""
        self.timer.stop()
        self.auto_jobs.pool.waitForDone()
        done = None
        if self.auto is not None:
            try:
                done = self.auto.final()
            except DatabaseError as exc:
                log.warning("backup on close failed: %s", exc)
        self.db, self.auto = None, None
        return done

    def tick(self) -> None:
        """An automatic backup if one is due, off the GUI thread and without a dialog (at
        10,000 people a copy takes a fifth of a second: the desk must not feel it)."""
        auto = self.auto
        if auto is None or self.auto_jobs.busy:
            return
        self.auto_jobs.run("automatic backup", lambda _progress: auto.tick(),
                           done=lambda path: path and log.info("automatic backup %s", path),
                           refused=lambda exc: log.warning("automatic backup failed: %s", exc))

    # --- menu actions ----------------------------------------------------------------------

    def start_backup(self) -> None:
        if self.db is None:
            return
        stem = self.db.path.stem if self.db.path is not None else "event"
        suggested = f"{stem}-{dt.datetime.now():%Y%m%d-%H%M}.sqlite"
        self.messages.choose_save_file(
            self.window, self.tr("Back up to…"), self.tr("Event files (*.sqlite)"),
            suggested, self.back_up_to)

    def back_up_to(self, path: str) -> None:
        """Write the backup off the GUI thread (Cancel keeps nothing: the copy is a
        temporary file until it has passed its check)."""
        if not path or self.db is None:
            return
        db, target = self.db, Path(path)
        self.jobs.run(
            self.tr("Backing up the event"),
            lambda progress: backups.back_up(db, target, progress),
            done=lambda done: self.messages.inform(
                self.window, self.tr("Backup written"),
                self.tr("A checked copy of the event was written to {path}.").format(path=done)),
            refused=lambda exc: self.messages.warn(
                self.window, self.tr("The backup failed"), str(exc)),
            cancelled=lambda: self.messages.inform(
                self.window, self.tr("Back up to…"),
                self.tr("The backup was cancelled; nothing was written to {path}.").format(
                    path=target)))

    def start_restore(self) -> None:
        if self.db is None or self.db.path is None:
            self.messages.warn(
                self.window, self.tr("Restore from backup"),
                self.tr("Only an event file can be restored from a backup. A server's "
                        "database is restored with: encounter-desk copy-event --from."))
            return
        self.messages.choose_open_file(
            self.window, self.tr("Restore from backup"),
            self.tr("Event files (*.sqlite *.db);;All files (*)"), self.confirm_restore)

    def confirm_restore(self, backup: str) -> None:
        if not backup or self.db is None or self.db.path is None:
            return
        event_path = self.db.path
        self.messages.ask(
            self.window, self.tr("Restore from backup"),
            self.tr("Replace the event in {path} with the backup {backup}? The current file "
                    "is kept aside first. Close the event on every other laptop that uses "
                    "this file before you go on.").format(path=event_path, backup=backup),
            lambda: self.restore(Path(backup), event_path),
            self.tr("Restore"))

    def restore(self, backup: Path, event_path: Path) -> Path | None:
        try:
            backups.check_backup(backup)
        except DatabaseError as exc:
            self.messages.warn(self.window, self.tr("Nothing was restored"), str(exc))
            return None
        self.close_event()
        try:
            aside = backups.restore(backup, event_path)
        except DatabaseError as exc:
            self.messages.warn(self.window, self.tr("Nothing was restored"), str(exc))
            self.open_path(event_path)
            return None
        self.open_path(event_path)
        self.messages.inform(
            self.window, self.tr("Backup restored"),
            self.tr("The event was restored from {backup}. The file as it was is kept at "
                    "{aside}.").format(backup=backup, aside=aside))
        return aside
