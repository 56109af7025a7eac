"""An event file locked by another program (a second connection holding the write lock):
the "locked by another program" sentence, in English and Spanish, with its code, and
nothing already saved changes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from helpers.events import make_event
from helpers.faultfs import cli, run
from sqlalchemy import event

from encounter_desk.core import i18n
from encounter_desk.desk import checkin
from encounter_desk.storage.database import open_database, sqlite_url
from encounter_desk.storage.errors import DatabaseLockedError

SENTENCE = {"en": "is locked by another program, so the last change could not be saved",
            "es": "está bloqueado por otro programa, por lo que no se pudo guardar"}
LOCKS = {"exclusive": "BEGIN EXCLUSIVE",
         "write transaction": "BEGIN IMMEDIATE; UPDATE scan SET desk = desk"}


def saved(path: Path) -> list:
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return [con.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()  # noqa: S608
                for table in ("scan", "check_in", "participant")]
    finally:
        con.close()


def other_program(path: Path, lock: str) -> sqlite3.Connection:
    con = sqlite3.connect(str(path), isolation_level=None)
    con.executescript(LOCKS[lock])  # holds the lock until ROLLBACK
    return con


@pytest.fixture
def desk(db_path):
    db = open_database(sqlite_url(db_path))
    codes = make_event(db, 30)
    for code in codes[:3]:
        assert checkin.check_in(db, code, desk="D").admitted

    @event.listens_for(db.engine, "connect")
    def _short_wait(dbapi_connection, _record) -> None:  # noqa: ANN001
        dbapi_connection.execute("PRAGMA busy_timeout=200")  # not the app's 10 s

    db.engine.dispose()
    yield db, codes
    db.close()


@pytest.mark.parametrize("lock", list(LOCKS))
@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_locked_file_says_so_and_keeps_what_was_saved(desk, db_path, lang, lock):
    db, codes = desk
    before = saved(db_path)
    other = other_program(db_path, lock)
    try:
        i18n.set_language(lang)
        with pytest.raises(DatabaseLockedError) as caught:
            checkin.check_in(db, codes[10], desk="D")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert caught.value.code == "storage.locked"
    message = str(caught.value)
    assert SENTENCE[lang] in message and str(db_path) in message
    assert "damaged" not in message and "dañado" not in message
    assert saved(db_path) == before
    assert checkin.check_in(db, codes[10], desk="D").admitted  # the lock gone, it works


@pytest.mark.slow
def test_the_cli_says_it_in_spanish_and_admits_no_one(desk, db_path):
    db, codes = desk
    db.close()
    before = saved(db_path)
    other = other_program(db_path, "exclusive")
    try:  # the app waits 10 s for the other program before it gives up
        done = run(cli("--db", str(db_path), "--lang", "es", "checkin", codes[10]))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert done.returncode == 1, done.stdout
    assert SENTENCE["es"] in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert saved(db_path) == before
