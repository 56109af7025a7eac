"""What the storage refuses, in words: the :class:`DatabaseError` family and the one place
that turns a driver's error (SQLite, PostgreSQL) into one of them.

Every class here is a :class:`~encounter_desk.core.errors.Refusal`: ``str(error)`` is a
translated sentence for the user, ``error.code`` a ``storage.…`` name for machines. No SQL
text ever reaches the sentence.
"""

from __future__ import annotations

import sqlite3

from encounter_desk.core.errors import Refusal
from encounter_desk.core.i18n import translate


class DatabaseError(Refusal):
    """A database could not be opened or written; ``str(error)`` is a sentence for the user."""

    default_code = "storage.error"


class NewerDatabaseError(DatabaseError):
    pass


class NotAnEventFileError(DatabaseError):
    pass


class DatabaseUnavailableError(DatabaseError):
    """The file or the server cannot be reached: nothing was recorded."""


class DiskFullError(DatabaseError):
    """SQLITE_FULL: the disk (or the file's size limit) is full; the change was not saved."""


class ReadOnlyDatabaseError(DatabaseError):
    """SQLITE_READONLY: the file, its folder or its drive cannot be written."""


class DatabaseLockedError(DatabaseError):
    """SQLITE_BUSY / SQLITE_LOCKED: another program holds the file locked."""


class CorruptDatabaseError(DatabaseError):
    """SQLITE_CORRUPT / SQLITE_NOTADB: the file is damaged."""


def user_error(exc: BaseException, where: str) -> DatabaseError | None:
    """The :class:`DatabaseError` (a sentence for the user) for a driver error, or None.

    One place maps what SQLite and PostgreSQL say when the storage fails (full disk,
    read-only file, a lock held by another program, a damaged file, a server that is gone)
    to a plain translated sentence. Constraint violations and programming errors are not
    mapped (None): they are the caller's to handle.
    """
    from sqlalchemy import exc as sa_exc

    if isinstance(exc, DatabaseError):
        return exc
    if isinstance(exc, sa_exc.IntegrityError) or not isinstance(exc, sa_exc.DBAPIError):
        return None
    orig = exc.orig
    reason = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    if isinstance(orig, sqlite3.Error):
        code = getattr(orig, "sqlite_errorcode", None)
        primary = code & 0xFF if isinstance(code, int) else None
        lowered = reason.lower()
        if primary == sqlite3.SQLITE_FULL or "disk is full" in lowered:
            return DiskFullError(translate(
                "Database",
                "The disk holding {where} is full, so the last change could not be saved. "
                "What was saved before is intact. Free some space (or back up to another "
                "drive) and try again.",
            ).format(where=where), "storage.disk_full")
        if primary == sqlite3.SQLITE_READONLY or "readonly database" in lowered:
            return ReadOnlyDatabaseError(translate(
                "Database",
                "{where} is read-only (the file, its folder or its drive), so the last change "
                "could not be saved. What was saved before is intact. Copy the file to a "
                "folder you can write to and open it from there.",
            ).format(where=where), "storage.read_only")
        if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "is locked" in lowered:
            return DatabaseLockedError(translate(
                "Database",
                "{where} is locked by another program, so the last change could not be "
                "saved. Close the other program (or wait for it to finish) and try again.",
            ).format(where=where), "storage.locked")
        if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or "malformed" in lowered \
                or "not a database" in lowered:
            return CorruptDatabaseError(translate(
                "Database",
                "{where} is damaged ({reason}). Stop working on it and restore the latest "
                "backup (File → Restore from backup…).",
            ).format(where=where, reason=reason), "storage.corrupt")
        if primary in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_IOERR) or "unable to open" in lowered:
            return DatabaseUnavailableError(translate(
                "Database",
                "{where} cannot be reached (its folder or drive is missing or was removed), "
                "so the last change could not be saved. Reconnect the drive and try again.",
            ).format(where=where), "storage.unavailable")
        return None
    if isinstance(exc, sa_exc.OperationalError) or exc.connection_invalidated:
        state = getattr(orig, "sqlstate", None)
        if exc.connection_invalidated or state is None or state.startswith(("08", "57P")):
            return DatabaseUnavailableError(translate(
                "Database",
                "The database server at {where} cannot be reached, so nothing was recorded. "
                "Check the network cable or Wi-Fi and that the server is running, then try "
                "again. ({reason})",
            ).format(where=where, reason=reason), "storage.unavailable")
    return None
