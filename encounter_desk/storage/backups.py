"""Backups of the event: automatic ones while it changes, one on demand, and restore.

* :func:`back_up` writes a consistent copy of the open event to a file (a USB stick):
  a SQLite file through SQLite's online backup API (other desks may keep writing while it
  runs), a PostgreSQL event by copying every table into a new SQLite file. Either way the
  copy is checked (``PRAGMA integrity_check``) before it is reported done.
* :class:`AutoBackup` keeps the last :data:`KEEP` copies in ``backups/`` beside the event
  file, named ``STEM-YYYYmmdd-HHMMSS.sqlite``. The app calls :meth:`AutoBackup.tick` every
  few minutes (a copy is taken only if the event changed since the last copy, see
  :mod:`encounter_desk.storage.change_marker`) and :meth:`AutoBackup.final` when it closes the event.
* :func:`restore` replaces an event file with a backup, after checking the backup and
  copying the current file aside (``STEM.before-restore-STAMP.sqlite``). It refuses while
  another program or desk has the file open for writing (it needs an exclusive lock for a
  moment) — close the event on every laptop that uses the file first. The app closes its
  own connection before restoring and opens the file again after.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from encounter_desk.core.clock import Clock
from encounter_desk.core.errors import Refusal
from encounter_desk.core.files import FileFault, atomic_output, file_fault
from encounter_desk.core.i18n import translate
from encounter_desk.core.progress import Progress, or_quiet
from encounter_desk.storage import change_marker as changes
from encounter_desk.storage import in_use
from encounter_desk.storage.database import Database, backup_sqlite, open_database, sqlite_url
from encounter_desk.storage.errors import (
    CorruptDatabaseError,
    DatabaseError,
    DatabaseLockedError,
    NotAnEventFileError,
    user_error,
)

KEEP = 20
EVERY = dt.timedelta(minutes=5)
FOLDER = "backups"



class BackupError(DatabaseError):
    """A backup or a restore could not be made; ``str(error)`` is a sentence for the user."""


def _stamp(now: dt.datetime) -> str:
    return now.strftime("%Y%m%d-%H%M%S")


def integrity(path: Path) -> str:
    """``PRAGMA integrity_check`` of a SQLite file ("ok" when sound), read-only."""
    try:
        con = sqlite3.connect(f"{Path(path).absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        rows = con.execute("PRAGMA integrity_check").fetchall()
        return "\n".join(str(r[0]) for r in rows)
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        con.close()


def check_backup(path: Path) -> None:
    """Raise unless ``path`` is a sound event file that this version can open."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(translate("Database", "There is no backup at {path}.").format(path=path))
    _refuse_not_whole(path)
    verdict = integrity(path)
    if verdict != "ok":
        raise CorruptDatabaseError(
            translate(
                "Database", "{path} is damaged and cannot be used ({reason})."
            ).format(path=path, reason=verdict.splitlines()[0])
        )
    _refuse_not_event(path)
    probe = open_database(sqlite_url(path), create=False, register=False)  # refuses a newer file
    probe.close()


SQLITE_HEADER = b"SQLite format 3\x00"


def _refuse_not_whole(path: Path) -> None:
    """An empty file, a file that is not SQLite, or one cut short (its header promises more
    pages than it holds) is refused before anything is set aside."""
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
        size = path.stat().st_size
    except OSError as exc:
        raise _as_backup_error(file_fault(exc, path)) from exc
    if not header.startswith(SQLITE_HEADER):
        raise NotAnEventFileError(
            translate(
                "Database",
                "{path} is empty or is not an Encounter Desk event file; nothing was "
                "restored. Choose a backup (a .sqlite file the app wrote).",
            ).format(path=path),
            "storage.not_event",
        )
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if page_size < 512 or size < page_size * max(pages, 1) or size % page_size:
        raise CorruptDatabaseError(
            translate(
                "Database",
                "{path} is cut short (only {size} bytes of it were copied); nothing was "
                "restored. Copy the backup again, or choose an older one.",
            ).format(path=path, size=size),
            "storage.truncated",
        )


def _refuse_not_event(path: Path) -> None:
    """A sound SQLite file without an event schema (or without an event in it) is refused."""
    con = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        events = con.execute("SELECT COUNT(*) FROM event").fetchone()[0] \
            if {"alembic_version", "event"} <= names else 0
    except sqlite3.Error:
        events = 0
    finally:
        con.close()
    if not events:
        raise NotAnEventFileError(
            translate(
                "Database",
                "{path} holds no Encounter Desk event; nothing was restored. Choose a backup "
                "the app wrote.",
            ).format(path=path),
            "storage.not_event",
        )


def back_up(db: Database, target: Path, progress: Progress | None = None) -> Path:
    """A consistent copy of the open event at ``target`` (a new SQLite file).

    ``progress`` hears of the copy and its check; cancelling it leaves ``target`` as it was
    (the copy is a temporary file until it has passed its check)."""
    target = Path(target)
    if db.path is not None and target.resolve() == db.path.resolve():
        raise BackupError(translate("Database", "A backup cannot replace the event file itself."))
    # Written as every output is (a hidden temporary file beside the target, fsync-ed, then
    # renamed over it): a kill or a full disk never leaves a cut-short backup at the target.
    try:
        with atomic_output(target) as partial:
            try:
                _write_backup(db, partial, target, or_quiet(progress))
            finally:
                for suffix in ("-journal", "-wal", "-shm"):
                    Path(str(partial) + suffix).unlink(missing_ok=True)
    except FileFault as fault:
        raise _as_backup_error(fault) from fault
    except sqlite3.Error as exc:
        mapped = _sqlite_error(exc, target)
        raise mapped from exc
    return target


def _write_backup(db: Database, partial: Path, target: Path, progress: Progress) -> None:
    from encounter_desk.storage.copy import copy_event

    if db.path is not None:
        backup_sqlite(db.path, partial, progress)
    else:
        copy = open_database(sqlite_url(partial), register=False)
        try:
            copy_event(db, copy, progress)
        finally:
            copy.close()
        _checkpoint(partial)
    progress.say(translate("Database", "Checking the copy…"))
    verdict = integrity(partial)
    progress.check()
    if verdict != "ok":
        raise BackupError(
            translate("Database", "The backup at {path} failed its check: {reason}").format(
                path=target, reason=verdict.splitlines()[0]
            )
        )


def _as_backup_error(fault: Refusal) -> BackupError:
    """A file fault (disk full, read-only…) as a :class:`BackupError`: callers of the
    backup jobs catch :class:`DatabaseError`."""
    return BackupError(fault.message, fault.code)


def _checkpoint(path: Path) -> None:
    """Fold the WAL into the file itself, so that the one file is the whole backup."""
    con = sqlite3.connect(str(path))
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.execute("PRAGMA journal_mode=DELETE")
    finally:
        con.close()


def _sqlite_error(exc: sqlite3.Error, where: Path) -> DatabaseError:
    from sqlalchemy.exc import OperationalError

    mapped = user_error(OperationalError("backup", {}, exc), str(where))
    return mapped or BackupError(
        translate("Database", "The backup could not be written to {path}: {reason}").format(
            path=where, reason=exc
        )
    )


# --- automatic backups ----------------------------------------------------------------------


def backup_folder(event_path: Path) -> Path:
    return Path(event_path).parent / FOLDER


def list_backups(event_path: Path) -> list[Path]:
    """The automatic backups of ``event_path``, oldest first."""
    folder = backup_folder(event_path)
    if not folder.is_dir():
        return []
    stem = Path(event_path).stem
    return sorted(
        p for p in folder.glob(f"{stem}-*.sqlite")
        if p.name[len(stem) + 1:-len(".sqlite")].replace("-", "").isdigit()
    )


def prune(event_path: Path, keep: int = KEEP) -> list[Path]:
    """Delete all but the newest ``keep`` automatic backups; returns the deleted ones."""
    old = list_backups(event_path)[:-keep] if keep > 0 else list_backups(event_path)
    for path in old:
        path.unlink(missing_ok=True)
    return old


class AutoBackup:
    """Automatic backups of one open SQLite event, taken only when it changed."""

    def __init__(
        self,
        db: Database,
        *,
        keep: int = KEEP,
        every: dt.timedelta = EVERY,
        now: Clock | None = None,
    ) -> None:
        if db.path is None:
            raise BackupError(
                translate(
                    "Database",
                    "Automatic backups are for event files; back up a server's database "
                    "with File → Back up to…, or on the server itself.",
                )
            )
        self.db = db
        self.keep = keep
        self.every = every
        self.now = now or (lambda: dt.datetime.now())
        self.last_marker: changes.Marker | None = None
        self.last_at: dt.datetime | None = None
        self.last_path: Path | None = None

    def due(self) -> bool:
        if self.last_at is not None and self.now() - self.last_at < self.every:
            return False
        return changes.marker(self.db) != self.last_marker

    def tick(self) -> Path | None:
        """Back up if the interval has passed and the event changed; the new file or None."""
        if not self.due():
            return None
        return self.take()

    def final(self) -> Path | None:
        """On close: back up if anything changed since the last copy."""
        if changes.marker(self.db) == self.last_marker:
            return None
        return self.take()

    def take(self) -> Path:
        marker = changes.marker(self.db)
        now = self.now()
        assert self.db.path is not None
        folder = backup_folder(self.db.path)
        target = folder / f"{self.db.path.stem}-{_stamp(now)}.sqlite"
        n = 1
        while target.exists():
            n += 1
            target = folder / f"{self.db.path.stem}-{_stamp(now)}-{n}.sqlite"
        back_up(self.db, target)
        self.last_marker, self.last_at, self.last_path = marker, now, target
        prune(self.db.path, self.keep)
        return target


# --- restore ------------------------------------------------------------------------------


def restore(backup: Path, event_path: Path, *, now: Clock | None = None) -> Path:
    """Replace the event file with ``backup``; returns where the current file was put aside.

    The caller must have closed its own connection to ``event_path``.
    """
    backup, event_path = Path(backup), Path(event_path)
    check_backup(backup)
    if event_path.exists() and backup.resolve() == event_path.resolve():
        raise BackupError(translate("Database", "That backup is the event file itself."))
    stamp = _stamp((now or dt.datetime.now)())
    aside = event_path.with_name(f"{event_path.stem}.before-restore-{stamp}{event_path.suffix}")
    if not event_path.exists():
        event_path.parent.mkdir(parents=True, exist_ok=True)
        backup_sqlite(backup, event_path)
        return aside
    with in_use.exclusive(event_path, action="restore"):
        _replace(backup, event_path, aside)
    return aside


def _replace(backup: Path, event_path: Path, aside: Path) -> None:
    dst = sqlite3.connect(str(event_path), timeout=0.5, isolation_level=None)
    try:
        try:
            dst.execute("BEGIN EXCLUSIVE")
            dst.execute("ROLLBACK")
        except sqlite3.OperationalError as exc:
            raise DatabaseLockedError(
                translate(
                    "Database",
                    "{path} is in use by another desk or program; nothing was restored. Close "
                    "the event everywhere it is open, then restore again.",
                ).format(path=event_path)
            ) from exc
        backup_sqlite(event_path, aside)  # the current file, kept whole
        src = sqlite3.connect(f"{backup.absolute().as_uri()}?mode=ro", uri=True)
        try:
            src.backup(dst)  # page by page, under the file's own locks, WAL included
        finally:
            src.close()
    except sqlite3.Error as exc:
        raise _sqlite_error(exc, event_path) from exc
    finally:
        dst.close()
    verdict = integrity(event_path)
    if verdict != "ok":  # pragma: no cover - the backup was checked just before
        raise CorruptDatabaseError(verdict)
