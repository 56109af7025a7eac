"""What the storage refuses, in words: the :class:`DatabaseError` family and the one place
that turns a driver's error (SQLite, PostgreSQL) into one of them.

Every class here is a :class:`~encounter_desk.core.errors.Refusal`: ``str(error)`` is a
translated sentence for the user, ``error.code`` a ``storage.…`` name for machines. No SQL
text ever reaches the sentence.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from encounter_desk.core.errors import Refusal
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, translate


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


# What SQLite says when the storage fails -> the refusal: (primary result codes, words of the
# message, class, sentence, code). The first that matches wins.
_SQLITE_FAILURES = (
    (
        (sqlite3.SQLITE_FULL,), ("disk is full",), DiskFullError,
        _DISK_FULL := QT_TRANSLATE_NOOP(
            "Database",
            "The disk holding {where} is full, so the last change could not be saved. "
            "What was saved before is intact. Free some space (or back up to another "
            "drive) and try again.",
        ),
        "storage.disk_full",
    ),
    (
        (sqlite3.SQLITE_READONLY,), ("readonly database",), ReadOnlyDatabaseError,
        QT_TRANSLATE_NOOP(
            "Database",
            "{where} is read-only (the file, its folder or its drive), so the last change "
            "could not be saved. What was saved before is intact. Copy the file to a "
            "folder you can write to and open it from there.",
        ),
        "storage.read_only",
    ),
    (
        (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED), ("is locked",), DatabaseLockedError,
        QT_TRANSLATE_NOOP(
            "Database",
            "{where} is locked by another program, so the last change could not be "
            "saved. Close the other program (or wait for it to finish) and try again.",
        ),
        "storage.locked",
    ),
    (
        (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB), ("malformed", "not a database"),
        CorruptDatabaseError,
        QT_TRANSLATE_NOOP(
            "Database",
            "{where} is damaged ({reason}). Stop working on it and restore the latest "
            "backup (File → Restore from backup…).",
        ),
        "storage.corrupt",
    ),
    (
        (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_IOERR), ("unable to open",),
        DatabaseUnavailableError,
        QT_TRANSLATE_NOOP(
            "Database",
            "{where} cannot be reached (its folder or drive is missing or was removed), "
            "so the last change could not be saved. Reconnect the drive and try again.",
        ),
        "storage.unavailable",
    ),
)


def sqlite_fault(primary: int | None, reason: str, where: str) -> DatabaseError | None:
    """The refusal for a SQLite result code (and its message) on the file ``where``.

    A file-size limit is told apart from a full disk, a read-only file from a read-only
    folder, and "damaged" is said only when ``PRAGMA integrity_check`` agrees.
    """
    lowered = reason.lower()
    for primaries, words, kind, sentence, name in _SQLITE_FAILURES:
        if primary in primaries or any(word in lowered for word in words):
            refined = _refine(name, Path(where))
            if refined is not None:
                kind, sentence, name = refined
            return kind(translate("Database", sentence).format(where=where, reason=reason), name)
    return None


def _refine(name: str, path: Path) -> tuple[type[DatabaseError], str, str] | None:
    if name in ("storage.disk_full", "storage.unavailable") and _size_limited(path):
        return DiskFullError, _TOO_BIG, "storage.too_big"
    if name == "storage.unavailable" and path.exists() and _disk_nearly_full(path):
        return DiskFullError, _DISK_FULL, "storage.disk_full"
    if name == "storage.read_only":
        if path.parent.exists() and not os.access(path.parent, os.W_OK):
            return ReadOnlyDatabaseError, _READ_ONLY_FOLDER, "storage.read_only_folder"
        return ReadOnlyDatabaseError, _READ_ONLY_FILE, "storage.read_only"
    if name == "storage.unavailable" and path.exists() and not os.access(path.parent, os.W_OK):
        return ReadOnlyDatabaseError, _READ_ONLY_FOLDER, "storage.read_only_folder"
    if name == "storage.corrupt" and path.is_file() and _integrity_ok(path):
        return DatabaseUnavailableError, _UNREADABLE, "storage.unavailable"
    return None


def _size_limited(path: Path) -> bool:
    """True when a per-file size limit (ulimit -f), not the disk, stopped the write."""
    try:
        import resource

        soft, _hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    except (ImportError, OSError, ValueError):  # Windows has no such limit
        return False
    if soft == resource.RLIM_INFINITY:
        return False
    try:
        free = shutil.disk_usage(path.parent).free
    except OSError:
        return False
    return free > 4 * 1024 * 1024  # the disk still has room: the limit stopped it


def _disk_nearly_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < 512 * 1024
    except OSError:
        return False


def _integrity_ok(path: Path) -> bool:
    try:
        con = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    except sqlite3.Error:
        return False
    finally:
        con.close()


_TOO_BIG = QT_TRANSLATE_NOOP(
    "Database",
    "{where} has reached the largest file size this system allows, so the last change could "
    "not be saved. What was saved before is intact. Move the event to a drive without that "
    "limit (or ask whoever set it to raise it) and try again.",
)
_READ_ONLY_FILE = QT_TRANSLATE_NOOP(
    "Database",
    "{where} is a read-only file, so the last change could not be saved. What was saved "
    "before is intact. Make the file writable (or copy it somewhere you can write) and open "
    "it again.",
)
_READ_ONLY_FOLDER = QT_TRANSLATE_NOOP(
    "Database",
    "The folder (or drive) holding {where} is read-only, so the last change could not be "
    "saved. What was saved before is intact. Copy the file to a folder you can write to "
    "and open it from there.",
)
_UNREADABLE = QT_TRANSLATE_NOOP(
    "Database",
    "{where} could not be read just now ({reason}), but its integrity check finds it sound; "
    "nothing is lost. Check the drive and try again.",
)


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
        return sqlite_fault(primary, reason, where)
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


def server_refusal(exc: BaseException, where: str) -> DatabaseError:
    """Why the server did not let us in: wrong password, no such database, or unreachable."""
    orig = getattr(exc, "orig", exc)
    state = getattr(orig, "sqlstate", None) or ""
    reason = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    lowered = reason.lower()
    if state in ("28P01", "28000") or "password authentication failed" in lowered \
            or "no password supplied" in lowered:
        return DatabaseError(translate(
            "Database",
            "The database server at {url} refused the user name or password. Check them "
            "(ask whoever set up the server) and try again.",
        ).format(url=where), "storage.wrong_password")
    if state == "3D000" or ("database" in lowered and "does not exist" in lowered):
        return DatabaseError(translate(
            "Database",
            "The database server at {url} has no database of that name. Check the name at "
            "the end of the address, or ask whoever set up the server to create it.",
        ).format(url=where), "storage.unknown_database")
    return DatabaseUnavailableError(translate(
        "Database",
        "The database server at {url} cannot be reached. Check the network and that "
        "the server is running, then try again.",
    ).format(url=where), "storage.unavailable")
