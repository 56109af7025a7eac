"""Opening an event database: engine, sessions, SQLite pragmas, migrations at open.

One database is one event. SQLite (a file, the default) runs with WAL, foreign keys and
``synchronous=FULL`` so that a commit the desk confirmed survives a power cut; PostgreSQL
(``postgresql+psycopg://…``) lets several desks share one record.

Opening a database brings it to the current schema:

* a new (empty) database is created at the newest revision;
* an older one is first copied aside (SQLite: ``NAME.before-upgrade-REV-STAMP.sqlite``)
  and then upgraded;
* one made by a newer version of Encounter Desk is refused and left untouched.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from encounter_desk.core import config
from encounter_desk.core.clock import Clock
from encounter_desk.core.i18n import translate
from encounter_desk.core.progress import Progress
from encounter_desk.core.redact import mask_passwords
from encounter_desk.storage import in_use
from encounter_desk.storage.errors import (
    CorruptDatabaseError,
    DatabaseError,
    DatabaseLockedError,
    DatabaseUnavailableError,
    DiskFullError,
    NewerDatabaseError,
    NotAnEventFileError,
    ReadOnlyDatabaseError,
    server_refusal,
    sqlite_fault,
    user_error,
)
from encounter_desk.storage.models import audit, utcnow
from encounter_desk.storage.schema import (  # noqa: F401 - re-exported for callers
    head_revision,
    known_revisions,
    metadata_matches_head,
    refuse_unknown,
    script_directory,
    upgrade,
)

if TYPE_CHECKING:  # Alembic loads only to migrate (it costs a third of a second at startup)
    pass

log = logging.getLogger(__name__)
T = TypeVar("T")

# The errors moved to storage/errors.py; callers outside storage/ still import them from here.
__all__ = [
    "CorruptDatabaseError",
    "Database",
    "DatabaseError",
    "DatabaseLockedError",
    "DatabaseUnavailableError",
    "DiskFullError",
    "NewerDatabaseError",
    "NotAnEventFileError",
    "ReadOnlyDatabaseError",
    "backup_sqlite",
    "describe_url",
    "head_revision",
    "known_revisions",
    "metadata_matches_head",
    "open_database",
    "resolve_url",
    "retry_on_conflict",
    "script_directory",
    "sqlite_path",
    "sqlite_url",
    "user_error",
]


def resolve_url(db_path: str | Path | None = None, database_url: str | None = None) -> str:
    """The SQLAlchemy URL for ``--db PATH``, ``--database URL``, the environment or the default."""
    if db_path and database_url:
        raise DatabaseError(
            translate("Database", "Give either a file (--db) or a server URL (--database), not both.")
        )
    if db_path:
        return sqlite_url(Path(db_path))
    url = database_url or __import__("os").environ.get(config.ENV_DATABASE)
    if url:
        if "://" not in url:  # a plain path in the environment variable
            return sqlite_url(Path(url))
        return url
    return sqlite_url(config.default_event_path())


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{Path(path).expanduser().absolute()}"


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


# --- SQLite specifics --------------------------------------------------------------------

WAL_BACKSTOP_PAGES = 8192
"""SQLite checkpoints by itself only once the WAL holds this many pages (32 MiB at 4 KiB a
page, several hundred check-ins); an idle desk checkpoints long before."""

def _install_sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, connection_record) -> None:  # noqa: ANN001
        # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own handling defers
        # it past SELECTs, which breaks SAVEPOINT and lock upgrades).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")  # a confirmed commit survives a power cut
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
        # Checkpoints run when the desk is idle (Database.checkpoint, from the screens'
        # once-a-second change watcher), not inside a verdict: SQLite's own automatic one
        # would copy the WAL back into the file during every ~100th commit. This is only the
        # backstop for a process that never idles (a long import, a script).
        cursor.execute(f"PRAGMA wal_autocheckpoint={WAL_BACKSTOP_PAGES}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # noqa: ANN001
        mode = conn.get_execution_options().get("sqlite_begin", "IMMEDIATE")
        conn.exec_driver_sql(f"BEGIN {mode}")


def _sqlite_stored_revision(path: Path) -> tuple[bool, str | None]:
    """(has tables, alembic revision) read without writing anything to the file."""
    try:
        con = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise DatabaseUnavailableError(
            translate("Database", "The event file {path} cannot be opened: {reason}").format(
                path=path, reason=exc
            )
        ) from exc
    try:
        names = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in names:
            return bool(names), None
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return True, row[0] if row else None
    except sqlite3.DatabaseError as exc:
        code = getattr(exc, "sqlite_errorcode", None)
        primary = code & 0xFF if isinstance(code, int) else None
        if primary != sqlite3.SQLITE_NOTADB:
            fault = sqlite_fault(primary, str(exc), str(path))
            if fault is not None:
                raise fault from exc
        raise NotAnEventFileError(
            translate(
                "Database",
                "{path} is not an Encounter Desk event file, or it is damaged ({reason}). "
                "Open another file, or restore a backup.",
            ).format(path=path, reason=exc)
        ) from exc
    finally:
        con.close()


BACKUP_PAGES = 256
"""Pages copied between two reports of a backup's progress (1 MiB of 4 KiB pages)."""


def backup_sqlite(source: Path, target: Path, progress: Progress | None = None) -> Path:
    """A consistent copy of a live SQLite file through SQLite's online backup API.

    With ``progress``, the copy goes :data:`BACKUP_PAGES` pages at a time and each step is
    reported (cancelling it stops the copy; the caller removes the partial target)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(str(target))
    try:
        with dst:
            if progress is None:
                src.backup(dst)
            else:
                sentence = translate("Database", "Copying {name}…").format(name=source.name)

                def step(_status: int, remaining: int, total: int) -> None:
                    progress.step(total - remaining, total, sentence)

                src.backup(dst, pages=BACKUP_PAGES, progress=step)
    finally:
        dst.close()
        src.close()
    return target


# --- the open database -------------------------------------------------------------------

@dataclass
class Database:
    """An open event database. Services take one and open short transactions on it."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    readers: sessionmaker[Session]
    path: Path | None = None
    upgraded_from: str | None = None
    backup_before_upgrade: Path | None = None
    clock: Clock = field(default=utcnow)
    lease: in_use.Lease | None = None

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """A transaction that commits when the block ends (rolls back on error).

        Storage failures (full disk, read-only or locked file, damaged file, server gone)
        come out as a :class:`DatabaseError` subclass with a sentence for the user.
        """
        with self._in_words(), self.sessions.begin() as session:
            yield session

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only transaction: takes no write lock.

        Closing (not rolling back) ends it, so the rows read stay loaded after the block.
        """
        with self._in_words(), self.readers() as session:
            yield session

    @contextlib.contextmanager
    def _in_words(self) -> Iterator[None]:
        """A storage failure inside the block comes out as a sentence (see user_error)."""
        try:
            yield
        except SQLAlchemyError as exc:
            mapped = user_error(exc, self.describe())
            if mapped is None:
                raise
            raise mapped from exc

    def checkpoint(self) -> None:
        """Copy the SQLite WAL back into the file while nobody waits (a PASSIVE checkpoint:
        it never blocks a desk that writes meanwhile, and leaves what it cannot copy for
        the next time). Nothing to do on a server. A failure here only delays the copy."""
        if self.dialect != "sqlite":
            return
        try:
            raw = self.engine.raw_connection()
        except SQLAlchemyError as exc:
            log.warning("checkpoint skipped: %s", exc)
            return
        try:
            raw.driver_connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        except sqlite3.Error as exc:
            log.warning("checkpoint skipped: %s", exc)
        finally:
            raw.close()

    def close(self) -> None:
        self.engine.dispose()
        if self.lease is not None:
            self.lease.release()

    def held_leases(self) -> set[Path]:
        return {self.lease.path} if self.lease is not None and self.lease.path else set()

    def describe(self) -> str:
        if self.path is not None:
            return str(self.path)
        return make_url(self.url).render_as_string(hide_password=True)


def retry_on_conflict(db: Database, work: Callable[[Session], T], *, attempts: int = 3) -> T:
    """``work(session)`` in a write transaction, run again from the start when a concurrent
    writer won a unique-constraint race.

    On PostgreSQL two desks may both read "nothing there yet" and both insert; the unique
    index lets one commit and fails the other with an IntegrityError. The loser's next
    attempt, in a new transaction, sees the winner's row. After ``attempts`` failures the
    IntegrityError propagates (it is then a real conflict, not a race).
    """
    for attempt in range(attempts):
        try:
            with db.write() as session:
                return work(session)
        except IntegrityError:
            if attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")


def open_database(
    url: str,
    *,
    actor: str | None = None,
    clock: Clock = utcnow,
    create: bool = True,
    register: bool = True,
) -> Database:
    """Open (creating or upgrading as needed) the event database at ``url``.

    ``register``: take a lease on an event file (see :mod:`encounter_desk.storage.in_use`)
    so that a restore or a copy elsewhere knows it is open; off only for a private file
    (a backup being written or checked)."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError(
            translate("Database", "{url} is not a database address.").format(url=describe_url(url)),
            "storage.bad_url",
        ) from exc
    if parsed.get_backend_name() not in SUPPORTED_BACKENDS:
        raise DatabaseError(
            translate(
                "Database",
                "{url} is not an address Encounter Desk can use: give an event file, or a "
                "PostgreSQL server as postgresql+psycopg://user:password@host/database.",
            ).format(url=describe_url(url)),
            "storage.unsupported_url",
        )
    path = sqlite_path(url)
    stored: str | None = None
    has_tables = False
    if path is not None:
        if path.exists():
            has_tables, stored = _sqlite_stored_revision(path)
        elif not create:
            raise DatabaseUnavailableError(
                translate("Database", "There is no event file at {path}.").format(path=path)
            )
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
        refuse_unknown(stored, has_tables, str(path))

    engine_args: dict = {}
    if parsed.get_backend_name() == "sqlite":
        engine_args["connect_args"] = {"timeout": 10}
    else:
        engine_args["pool_pre_ping"] = True
        engine_args["connect_args"] = {"application_name": in_use.application_name()}
    engine = create_engine(url, **engine_args)
    if engine.dialect.name == "sqlite":
        _install_sqlite_pragmas(engine)

    try:
        if path is None:  # a server: look at it through the engine
            with engine.connect() as conn:
                names = set(inspect(conn).get_table_names())
                has_tables = bool(names)
                if "alembic_version" in names:
                    stored = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            refuse_unknown(stored, has_tables, describe_url(url))
    except OperationalError as exc:
        engine.dispose()
        raise server_refusal(exc, describe_url(url)) from exc
    except DatabaseError:
        engine.dispose()
        raise

    head = head_revision()
    backup: Path | None = None
    upgraded_from: str | None = None
    if stored != head:
        if stored is not None:
            upgraded_from = stored
            if path is not None:
                stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
                backup = path.with_name(f"{path.stem}.before-upgrade-{stored}-{stamp}{path.suffix}")
                backup_sqlite(path, backup)
                log.info("copied %s aside to %s before upgrading", path, backup)
        try:
            upgrade(engine)
        except Exception:
            engine.dispose()
            raise

    info = {"actor": actor or config.default_actor(), "clock": clock}
    sessions = sessionmaker(engine, expire_on_commit=False, info=dict(info))
    readers = sessionmaker(
        engine.execution_options(sqlite_begin="DEFERRED"), expire_on_commit=False, info=dict(info)
    )
    audit.install(sessions)
    audit.install(readers)
    lease = None
    if path is not None and register:
        try:
            lease = in_use.Lease(path)
        except DatabaseError:
            engine.dispose()
            raise
    return Database(
        lease=lease,
        url=url,
        engine=engine,
        sessions=sessions,
        readers=readers,
        path=path,
        upgraded_from=upgraded_from,
        backup_before_upgrade=backup,
        clock=clock,
    )


SUPPORTED_BACKENDS = ("sqlite", "postgresql")


def describe_url(url: str) -> str:
    """``url`` fit to print or log: the password (if any) replaced by ***."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return mask_passwords(url)
