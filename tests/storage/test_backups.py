"""Backups that open, automatic ones kept bounded, restore, and moving an event to a server
and back (copy-event), through the services and the CLI."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from helpers.events import make_event
from sqlalchemy import func, select, text

from encounter_desk.cli import main as cli
from encounter_desk.desk import checkin
from encounter_desk.storage import backups
from encounter_desk.storage.copy import CopyError, copy_event, row_counts
from encounter_desk.storage.database import open_database, sqlite_url
from encounter_desk.storage.errors import DatabaseLockedError
from encounter_desk.storage.models import AuditEntry, Participant, Scan


class Now:
    def __init__(self) -> None:
        self.at = dt.datetime(2026, 12, 1, 9, 0)

    def __call__(self) -> dt.datetime:
        return self.at


def _opens_sound(path) -> dict[str, int]:  # noqa: ANN001
    assert backups.integrity(path) == "ok"
    copy = open_database(sqlite_url(path), create=False)
    try:
        return row_counts(copy)
    finally:
        copy.close()


def test_backup_is_a_consistent_file_that_opens(db, tmp_path):
    codes = make_event(db, 50)
    for code in codes[:10]:
        checkin.check_in(db, code, desk="D")
    out = backups.back_up(db, tmp_path / "usb" / "copy.sqlite")
    assert _opens_sound(out) == row_counts(db)


def test_backup_taken_while_another_connection_writes(sqlite_db, db_path, tmp_path):
    codes = make_event(sqlite_db, 400)
    writer = open_database(sqlite_url(db_path))
    stop = threading.Event()
    written = []

    def scan_on() -> None:
        for code in codes:
            if stop.is_set():
                break
            written.append(checkin.check_in(writer, code, desk="other").scan_id)

    thread = threading.Thread(target=scan_on)
    thread.start()
    try:
        outs = [backups.back_up(sqlite_db, tmp_path / f"during-{n}.sqlite") for n in range(5)]
    finally:
        stop.set()
        thread.join()
        writer.close()
    assert written  # the writer really was writing
    for out in outs:
        counts = _opens_sound(out)
        # A consistent snapshot: every scan in the copy has its check-in, and vice versa.
        assert counts["scan"] == counts["check_in"]


def test_automatic_backups_only_when_changed_and_bounded(sqlite_db, db_path):
    codes = make_event(sqlite_db, 40)
    now = Now()
    auto = backups.AutoBackup(sqlite_db, keep=3, every=dt.timedelta(minutes=5), now=now)
    first = auto.tick()
    assert first is not None and first.parent == db_path.parent / "backups"
    now.at += dt.timedelta(minutes=10)
    assert auto.tick() is None  # nothing changed
    made = []
    for code in codes[:6]:
        checkin.check_in(sqlite_db, code, desk="D")
        now.at += dt.timedelta(minutes=1)
        made.append(auto.tick())
    # At most one copy per five minutes: at 09:11, then at 09:16.
    assert [p is not None for p in made] == [True, False, False, False, False, True]
    checkin.check_in(sqlite_db, codes[10], desk="D")
    assert auto.final() is not None  # on close: the last changes are kept
    assert auto.final() is None
    for _ in range(4):
        checkin.check_in(sqlite_db, codes[20 + _], desk="D")
        now.at += dt.timedelta(minutes=6)
        assert auto.tick() is not None
    kept = backups.list_backups(db_path)
    assert len(kept) == 3
    assert _opens_sound(kept[-1])["check_in"] == 11


def test_restore_puts_the_current_file_aside(sqlite_db, db_path, tmp_path):
    codes = make_event(sqlite_db, 20)
    checkin.check_in(sqlite_db, codes[0], desk="D")
    saved = backups.back_up(sqlite_db, tmp_path / "saved.sqlite")
    checkin.check_in(sqlite_db, codes[1], desk="D")
    other = open_database(sqlite_url(db_path))
    with other.write() as s:  # another desk in the middle of a write: restore refuses
        s.connection().exec_driver_sql("SELECT 1")
        with pytest.raises(DatabaseLockedError):
            backups.restore(saved, db_path)
    other.close()
    sqlite_db.close()
    aside = backups.restore(saved, db_path)
    assert _opens_sound(aside)["check_in"] == 2
    assert _opens_sound(db_path)["check_in"] == 1


def test_restore_refuses_a_damaged_backup(sqlite_db, db_path, tmp_path):
    make_event(sqlite_db, 5)
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    sqlite_db.close()
    before = db_path.read_bytes()
    with pytest.raises(backups.DatabaseError):
        backups.restore(bad, db_path)
    assert db_path.read_bytes() == before


def test_cli_backup_restore_and_check(sqlite_db, db_path, tmp_path, capsys):
    codes = make_event(sqlite_db, 5)
    checkin.check_in(sqlite_db, codes[0], desk="D")
    sqlite_db.close()
    out = tmp_path / "stick" / "backup.sqlite"
    assert cli.main(["--db", str(db_path), "backup", str(out)]) == 0
    assert "checked: ok" in capsys.readouterr().out
    assert cli.main(["--db", str(db_path), "check"]) == 0
    assert cli.main(["--db", str(db_path), "restore", str(out)]) == 0
    assert "previous file was kept" in capsys.readouterr().out
    assert cli.main(["--db", str(db_path), "restore", str(tmp_path / "none.sqlite")]) == 1
    assert "no backup" in capsys.readouterr().err


def test_copy_event_to_postgresql_and_back(sqlite_db, db_path, pg_url, tmp_path, capsys):
    codes = make_event(sqlite_db, 30)
    for code in codes[:7]:
        checkin.check_in(sqlite_db, code, desk="D")
    before = row_counts(sqlite_db)
    with sqlite_db.read() as s:
        audit_max = s.scalar(select(func.max(AuditEntry.id)))
    sqlite_db.close()
    assert cli.main(["--db", str(db_path), "copy-event", "--to", pg_url]) == 0
    server = open_database(pg_url)
    assert row_counts(server) == before
    # Badges printed from the file still scan on the server, and new rows get fresh ids.
    assert checkin.check_in(server, codes[0], desk="S").kind.value == "already_checked_in"
    assert checkin.check_in(server, codes[8], desk="S").admitted
    with server.read() as s:
        assert s.scalar(select(func.max(AuditEntry.id))) > audit_max
        assert s.scalar(select(func.count(Scan.id))) == before["scan"] + 2
    # Copying into a database that holds an event is refused.
    with pytest.raises(CopyError):
        copy_event(open_database(sqlite_url(db_path)), server)
    server.close()
    back = tmp_path / "back.sqlite"
    assert cli.main(["--db", str(back), "copy-event", "--from", pg_url]) == 0
    capsys.readouterr()
    returned = open_database(sqlite_url(back))
    assert row_counts(returned)["scan"] == before["scan"] + 2
    assert checkin.check_in(returned, codes[8], desk="F").kind.value == "already_checked_in"
    with returned.read() as s:
        assert s.scalar(select(func.count(Participant.id))) == 30
        assert s.connection().execute(text("PRAGMA integrity_check")).scalar() == "ok"
    returned.close()


def test_backup_of_a_server_event_is_a_file(pg_url, tmp_path):
    server = open_database(pg_url)
    codes = make_event(server, 10)
    checkin.check_in(server, codes[0], desk="S")
    out = backups.back_up(server, tmp_path / "server-backup.sqlite")
    assert _opens_sound(out) == row_counts(server)
    server.close()
