"""restore refuses an empty, cut-short, foreign or event-less file before setting anything
aside: the event file and its folder stay exactly as they were."""

from __future__ import annotations

import sqlite3

import pytest
from helpers.desk_driver import make_event

from encounter_desk.cli import main as cli
from encounter_desk.desk import checkin
from encounter_desk.storage import backups
from encounter_desk.storage.database import open_database, sqlite_url
from encounter_desk.storage.errors import DatabaseError


@pytest.fixture
def saved_event(sqlite_db, db_path, tmp_path):
    codes = make_event(sqlite_db, 30)
    checkin.check_in(sqlite_db, codes[0], desk="D")
    good = backups.back_up(sqlite_db, tmp_path / "good.sqlite")
    sqlite_db.close()
    return db_path, good


def _state(folder):
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def _refused(db_path, backup, code, capsys):
    before = _state(db_path.parent)
    with pytest.raises(DatabaseError) as caught:
        backups.restore(backup, db_path)
    assert caught.value.code == code
    assert _state(db_path.parent) == before  # nothing set aside, nothing replaced
    assert cli.main(["--db", str(db_path), "restore", str(backup)]) == 1
    err = capsys.readouterr().err
    assert "nothing was restored" in err and "Traceback" not in err
    assert _state(db_path.parent) == before


def test_an_empty_file_is_refused(saved_event, tmp_path, capsys):
    db_path, _good = saved_event
    empty = tmp_path / "other" / "empty.sqlite"
    empty.parent.mkdir()
    empty.write_bytes(b"")
    _refused(db_path, empty, "storage.not_event", capsys)
    assert empty.read_bytes() == b""  # the probe did not turn it into a new event


def test_a_text_file_is_refused(saved_event, tmp_path, capsys):
    db_path, _good = saved_event
    notes = tmp_path / "other" / "notes.sqlite"
    notes.parent.mkdir()
    notes.write_text("Núñez, Peña\n" * 100, encoding="utf-8")
    _refused(db_path, notes, "storage.not_event", capsys)


def test_a_truncated_backup_is_refused(saved_event, tmp_path, capsys):
    db_path, good = saved_event
    cut = tmp_path / "other" / "cut.sqlite"
    cut.parent.mkdir()
    data = good.read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    _refused(db_path, cut, "storage.truncated", capsys)


def test_a_sqlite_file_of_another_program_is_refused(saved_event, tmp_path, capsys):
    db_path, _good = saved_event
    foreign = tmp_path / "other" / "foreign.sqlite"
    foreign.parent.mkdir()
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE recipes (name TEXT)")
    con.commit()
    con.close()
    _refused(db_path, foreign, "storage.not_event", capsys)


def test_an_event_file_without_an_event_is_refused(saved_event, tmp_path, capsys):
    db_path, _good = saved_event
    blank = tmp_path / "other" / "blank.sqlite"
    blank.parent.mkdir()
    open_database(sqlite_url(blank)).close()
    _refused(db_path, blank, "storage.not_event", capsys)


def test_a_good_backup_still_restores(saved_event):
    db_path, good = saved_event
    aside = backups.restore(good, db_path)
    assert aside.exists() and backups.integrity(db_path) == "ok"
