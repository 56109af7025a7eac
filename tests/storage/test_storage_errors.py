"""Bad environments: full disk, read-only file, a lock held by another program, a damaged
file, a server that goes away. Each gives a clear sentence (a DatabaseError subclass) and
nothing committed is lost.

What is simulated, honestly:

* full disk: ``PRAGMA max_page_count`` caps the file at its current size, so SQLite
  answers SQLITE_FULL ("database or disk is full") exactly as on a full drive;
* read-only: ``PRAGMA query_only`` makes SQLite answer SQLITE_READONLY ("attempt to write
  a readonly database"); chmod does not stop root, under which CI runs;
* locked: a second sqlite3 connection holds ``BEGIN EXCLUSIVE`` (what another program
  keeping the file open for writing does), with a short busy timeout on ours;
* damaged: bytes overwritten in a copy of a real event file;
* unreachable server: a real PostgreSQL server, stopped in the middle of the test.
"""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from helpers.events import make_event
from sqlalchemy import event, func, select

from encounter_desk.desk import checkin, scan_log
from encounter_desk.storage import backups
from encounter_desk.storage.database import open_database, sqlite_url
from encounter_desk.storage.errors import (
    CorruptDatabaseError,
    DatabaseError,
    DatabaseLockedError,
    DatabaseUnavailableError,
    DiskFullError,
    ReadOnlyDatabaseError,
)
from encounter_desk.storage.models import CheckIn, Scan


def _with_pragma(db, *pragmas: str) -> None:  # noqa: ANN001
    """Run ``pragmas`` on every new connection of ``db`` (and drop the pooled ones)."""

    @event.listens_for(db.engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # noqa: ANN001
        for pragma in pragmas:
            dbapi_connection.execute(pragma)

    db.engine.dispose()


def _scans(path) -> tuple[int, int]:  # noqa: ANN001
    con = sqlite3.connect(str(path))
    try:
        return (con.execute("SELECT count(*) FROM scan").fetchone()[0],
                con.execute("SELECT count(*) FROM check_in").fetchone()[0])
    finally:
        con.close()


@pytest.fixture
def desk(db_path):
    db = open_database(sqlite_url(db_path))
    codes = make_event(db, 400)
    for code in codes[:5]:
        checkin.check_in(db, code, desk="D")
    yield db, codes
    db.close()


def test_full_disk_says_so_and_keeps_what_was_saved(desk, db_path):
    db, codes = desk
    with db.read() as s:
        pages = s.connection().exec_driver_sql("PRAGMA page_count").scalar()
    _with_pragma(db, f"PRAGMA max_page_count={pages}")
    admitted = 5
    with pytest.raises(DiskFullError) as caught:
        for code in codes[5:]:  # fill the free pages, then one more scan does not fit
            assert checkin.check_in(db, code, desk="D").admitted
            admitted += 1
    assert "full" in str(caught.value) and str(db_path) in str(caught.value)
    assert caught.value.code == "storage.disk_full"
    db.close()
    assert backups.integrity(db_path) == "ok"
    assert _scans(db_path) == (admitted, admitted)  # every confirmed scan, nothing half-done
    again = open_database(sqlite_url(db_path))  # space freed: the desk carries on
    assert checkin.check_in(again, codes[-1], desk="D").admitted
    again.close()


def test_read_only_file_says_so_and_changes_nothing(desk, db_path):
    db, codes = desk
    _with_pragma(db, "PRAGMA query_only=ON")
    with pytest.raises(ReadOnlyDatabaseError) as caught:
        checkin.check_in(db, codes[10], desk="D")
    assert "read-only" in str(caught.value)
    assert scan_log.counts(db).checked_in == 5  # reading still works
    db.close()
    assert _scans(db_path) == (5, 5)


def test_file_locked_by_another_program(desk, db_path):
    db, codes = desk
    _with_pragma(db, "PRAGMA busy_timeout=200")
    other = sqlite3.connect(str(db_path), isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseLockedError) as caught:
            checkin.check_in(db, codes[10], desk="D")
        assert "locked by another program" in str(caught.value)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert checkin.check_in(db, codes[10], desk="D").admitted  # the lock is gone: it works
    assert _scans(db_path) == (6, 6)


def test_damaged_file_is_refused_with_a_sentence_and_left_alone(desk, db_path, tmp_path):
    db, _codes = desk
    db.close()
    damaged = tmp_path / "damaged.sqlite"
    shutil.copy(db_path, damaged)
    size = damaged.stat().st_size
    with damaged.open("r+b") as fh:  # garbage over everything after the first two pages
        fh.seek(8192)
        fh.write(b"\xde\xad\xbe\xef" * ((size - 8192) // 4))
    before = damaged.read_bytes()
    with pytest.raises(DatabaseError) as caught:
        broken = open_database(sqlite_url(damaged))
        try:
            scan_log.counts(broken)
        finally:
            broken.close()
    assert "damaged" in str(caught.value)
    assert damaged.read_bytes() == before
    assert backups.integrity(db_path) == "ok"  # the original is sound


def test_damage_found_while_working_is_a_corrupt_database_error(desk, db_path):
    db, _codes = desk
    with db.write() as s:  # fold the WAL into the file, so the damage below is what is read
        s.connection().exec_driver_sql("SELECT 1")
    db.engine.dispose()
    con = sqlite3.connect(str(db_path))
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name='participant'").fetchone()[0]
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    with db_path.open("r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(b"\xff" * page_size)
    with pytest.raises(CorruptDatabaseError) as caught:
        scan_log.counts(db)
    assert "Restore from backup" in str(caught.value)


def test_server_stopped_mid_session_nothing_is_claimed(private_pg):
    url = private_pg.url("postgres")
    db = open_database(url)
    codes = make_event(db, 5)
    assert checkin.check_in(db, codes[0], desk="D").admitted
    private_pg.stop()
    with pytest.raises(DatabaseUnavailableError) as caught:
        checkin.check_in(db, codes[1], desk="D")
    assert "cannot be reached" in str(caught.value)
    with pytest.raises(DatabaseUnavailableError):
        scan_log.counts(db)
    db.close()


def test_server_that_never_answers_is_unavailable_at_open(private_pg):
    url = private_pg.url("postgres")
    private_pg.stop()
    with pytest.raises(DatabaseUnavailableError):
        open_database(url)


def test_integrity_error_is_not_mistaken_for_a_storage_failure(db):
    """The check-in retry relies on IntegrityError passing through Database.write()."""
    from sqlalchemy.exc import IntegrityError

    make_event(db, 1)
    checkin.check_in(db, "x", desk="D", scan_uid="same")
    with pytest.raises(IntegrityError):
        with db.write() as s:
            s.add(Scan(scan_uid="same", raw="", raw_length=0, verdict="forged", desk="D",
                       undo_reason="", undone_by=""))
    with db.read() as s:
        assert s.scalar(select(func.count(CheckIn.id))) == 0
