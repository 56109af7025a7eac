"""Who has an event open: a restore or a copy must not pull the event from under a desk.

For an event file, every process that opens it (the app, a long-running command) holds a
*lease*: a small file in the sidecar folder ``NAME.sqlite.in-use/`` beside the event,
locked by that process (``flock``) for as long as it has the event open, and naming who it
is (program, user@host, process id, since when). The OS releases the lock when the process
ends, however it ends (a kill, a power cut of that laptop), so a lease whose lock can be
taken is stale and is swept away. A ``gate`` file in the same folder keeps a new opener
out while a restore or a copy is checking and working.

For PostgreSQL the server's own view of its sessions (``pg_stat_activity``) says who is
connected to the event's database; every connection of the app names itself through
``application_name``.

Where the OS has no ``flock`` (Windows) leases are not taken and :func:`others` finds
none: restore then relies on SQLite's own exclusive lock, as before.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
import sys
import uuid
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from sqlalchemy import text

from encounter_desk.core import config
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, translate
from encounter_desk.storage.errors import DatabaseLockedError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

SUFFIX = ".in-use"
GATE = "gate"
APP_NAME = "Encounter Desk"


def folder(event_path: Path) -> Path:
    return event_path.with_name(event_path.name + SUFFIX)


def who_am_i() -> dict[str, str]:
    """This process, as a lease records it (put into words by the reader, in its language)."""
    program = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else "python"
    command = next((a for a in sys.argv[1:] if not a.startswith("-") and "/" not in a), "")
    return {"program": f"{program} {command}".strip(), "actor": config.default_actor(),
            "pid": str(os.getpid()), "host": socket.gethostname(),
            "since": dt.datetime.now().strftime("%H:%M")}


def describe_holder(raw: str, fallback: str) -> str:
    try:
        holder = json.loads(raw)
        return translate(
            "Database", "{program} by {actor} (process {pid} on {host}, since {since})"
        ).format(**{key: holder[key] for key in ("program", "actor", "pid", "host", "since")})
    except (ValueError, KeyError, TypeError):
        return fallback


def _try_lock(fh: IO, shared: bool = False) -> bool:
    try:
        fcntl.flock(fh, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _being_restored(event_path: Path) -> DatabaseLockedError:
    return DatabaseLockedError(
        translate(
            "Database",
            "{path} is being restored or copied right now; open it again in a moment.",
        ).format(path=event_path),
        "storage.being_restored",
    )


class Lease:
    """This process's claim on an open event file (released by :meth:`release`)."""

    def __init__(self, event_path: Path) -> None:
        self.event_path = event_path
        self.path: Path | None = None
        self._fh: IO | None = None
        if fcntl is None:
            return
        where = folder(event_path)
        try:
            where.mkdir(exist_ok=True)
            with _gate(where, shared=True) as open_gate:
                if not open_gate:
                    raise _being_restored(event_path)
                self.path = where / f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"
                self._fh = self.path.open("w", encoding="utf-8")
                fcntl.flock(self._fh, fcntl.LOCK_EX)
                self._fh.write(json.dumps(who_am_i()) + "\n")
                self._fh.flush()
        except OSError:  # a read-only folder: SQLite will say what it can and cannot do
            self.release()
            return
        # A Database dropped without close() lets go of its lease when it is collected.
        self._drop = weakref.finalize(self, _drop, self._fh, self.path)

    def release(self) -> None:
        if self._fh is not None:
            if hasattr(self, "_drop"):
                self._drop()
            else:
                _drop(self._fh, self.path)
            self._fh = None


def _drop(fh: IO, path: Path | None) -> None:
    with contextlib.suppress(OSError):
        if path is not None:
            path.unlink(missing_ok=True)
    fh.close()  # closing drops the lock


@contextlib.contextmanager
def _gate(where: Path, *, shared: bool) -> Iterator[bool]:
    """The gate of the sidecar folder: shared by openers for a moment, exclusive for a
    restore; yields whether it was taken."""
    fh = (where / GATE).open("a")
    try:
        yield _try_lock(fh, shared=shared)
    finally:
        fh.close()


def others(event_path: Path, mine: set[Path] | None = None) -> list[str]:
    """Who else has the event file open now (a sentence each); stale leases are removed."""
    if fcntl is None:
        return []
    where = folder(event_path)
    if not where.is_dir():
        return []
    found: list[str] = []
    for lease in sorted(where.iterdir()):
        if lease.name == GATE or lease in (mine or set()):
            continue
        try:
            with lease.open("r+", encoding="utf-8") as fh:
                if _try_lock(fh):  # nobody holds it: its process is gone
                    lease.unlink(missing_ok=True)
                    continue
                found.append(describe_holder(fh.read(), lease.name))
        except OSError:
            continue
    return found


IN_USE = {
    "restore": QT_TRANSLATE_NOOP(
        "Database",
        "{where} is open in {count} other place(s), so nothing was restored: {holders}. "
        "Close the event there (or stop that command), then restore again.",
    ),
    "copy": QT_TRANSLATE_NOOP(
        "Database",
        "{where} is open in {count} other place(s), so nothing was copied (what they record "
        "now would be missing from the copy): {holders}. Close the event there (or stop "
        "that command), then copy again.",
    ),
}


def in_use_refusal(where: str, holders: list[str], action: str) -> DatabaseLockedError:
    return DatabaseLockedError(
        translate("Database", IN_USE[action]).format(
            where=where, count=len(holders), holders="; ".join(holders)),
        "storage.in_use",
    )


@contextlib.contextmanager
def exclusive(event_path: Path, *, action: str, mine: set[Path] | None = None) -> Iterator[None]:
    """Hold the event file alone for the block: refused (naming who) while it is open
    anywhere else; no one can open it until the block ends."""
    if fcntl is None or not event_path.exists():
        yield
        return
    where = folder(event_path)
    try:
        where.mkdir(exist_ok=True)
        gate = (where / GATE).open("a")
    except OSError:  # a read-only folder: restoring there will fail with its own sentence
        yield
        return
    try:
        if not _try_lock(gate):
            raise in_use_refusal(str(event_path), [translate(
                "Database", "another restore or copy that is running now")], action)
        holders = others(event_path, mine)
        if holders:
            raise in_use_refusal(str(event_path), holders, action)
        yield
    finally:
        gate.close()


def server_sessions(connection) -> list[str]:  # noqa: ANN001
    """Other sessions on this PostgreSQL database (application name and address)."""
    mine = application_name()
    rows = connection.execute(text(
        "SELECT COALESCE(NULLIF(application_name, ''), usename), "
        "COALESCE(host(client_addr), 'local') FROM pg_stat_activity "
        "WHERE datname = current_database() AND pid <> pg_backend_pid() "
        "AND backend_type = 'client backend'"
    )).all()
    return [translate("Database", "{program} from {address}").format(
        program=name, address=address) for name, address in rows if name != mine]


def application_name() -> str:
    return f"{APP_NAME} {config.default_actor()} {os.getpid()}"[:63]
