"""The event file: created at head, upgraded with a copy aside, newer files refused untouched."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3

import pytest
from alembic import command
from sqlalchemy import create_engine, func, select
from sqlalchemy.exc import IntegrityError

from encounter_desk.event import event as events
from encounter_desk.storage import database as dbmod
from encounter_desk.storage import schema
from encounter_desk.storage.database import open_database, sqlite_url
from encounter_desk.storage.errors import (
    DatabaseError,
    DatabaseUnavailableError,
    NewerDatabaseError,
    NotAnEventFileError,
)
from encounter_desk.storage.models import AuditEntry, Delegation, Event, Participant, Sitting

DETAILS = events.EventDetails(
    code="TEST-1",
    name_es="Encuentro de prueba",
    name_en="Test encounter",
    start_date=dt.date(2017, 9, 4),
    end_date=dt.date(2017, 9, 6),
)


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_is_created_at_head_with_the_models_in_step(sqlite_db, db_path):
    assert db_path.exists()
    con = sqlite3.connect(db_path)
    (revision,) = con.execute("SELECT version_num FROM alembic_version").fetchone()
    con.close()
    assert revision == dbmod.head_revision()
    assert dbmod.metadata_matches_head(sqlite_db) == []


def test_sqlite_pragmas_make_commits_durable(sqlite_db):
    with sqlite_db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        # 2 = FULL: the WAL is synced on every commit, so a confirmed commit survives power loss.
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2


def test_the_wal_is_copied_into_the_file_by_an_idle_checkpoint_not_by_a_commit(sqlite_db,
                                                                               db_path):
    with sqlite_db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == \
            dbmod.WAL_BACKSTOP_PAGES
    events.create_event(sqlite_db, DETAILS)
    with sqlite_db.write() as s:
        s.add(Participant(given_names="Ana", first_surname="Núñez"))

    def people_in_the_main_file_alone() -> int:
        copy = db_path.with_name("alone.sqlite")
        copy.write_bytes(db_path.read_bytes())  # without its -wal: what a checkpoint wrote
        con = sqlite3.connect(copy)
        try:
            return con.execute("SELECT count(*) FROM participant").fetchone()[0]
        except sqlite3.OperationalError:  # not even the tables were copied yet
            return 0
        finally:
            con.close()
            copy.unlink()

    assert people_in_the_main_file_alone() == 0
    sqlite_db.checkpoint()
    assert people_in_the_main_file_alone() == 1


def test_foreign_keys_are_enforced(db):
    events.create_event(db, DETAILS)
    with pytest.raises(IntegrityError, match="(?i)foreign key"):
        with db.write() as s:
            s.add(Participant(given_names="Ana", first_surname="Pérez", delegation_id=9999))


def test_committed_data_survives_reopening(db_path):
    first = open_database(sqlite_url(db_path))
    events.create_event(first, DETAILS)
    first.close()
    second = open_database(sqlite_url(db_path))
    with second.read() as s:
        assert s.scalar(select(Event.code)) == "TEST-1"
        assert s.scalar(select(func.count(Delegation.id))) == 16  # 11 members + 5 groups
    second.close()


def _make_file_at(path, revision: str):
    engine = create_engine(sqlite_url(path))
    with engine.begin() as conn:
        command.upgrade(schema._alembic_config(conn), revision)
    engine.dispose()


def test_older_file_is_copied_aside_then_upgraded(db_path):
    _make_file_at(db_path, "0001")
    con = sqlite3.connect(db_path)
    con.execute(
        "INSERT INTO event (code, name_es, name_en, short_name_es, short_name_en, venue, city,"
        " country, start_date, end_date, timezone, secret, quorum_rule, kiosk_pin_hash, notes,"
        " created_at) VALUES ('OLD-1', 'Viejo', 'Old', '', '', '', '', '', '2017-09-04',"
        " '2017-09-06', 'America/Mexico_City', 'ab', '', '', '', '2017-09-01 00:00:00')"
    )
    con.commit()
    con.close()
    before = _digest(db_path)

    database = open_database(sqlite_url(db_path))
    try:
        assert database.upgraded_from == "0001"
        backup = database.backup_before_upgrade
        assert backup is not None and backup.exists()
        assert backup.name.startswith("event.before-upgrade-0001-")
        # The copy is the file as it was: its data, its old schema.
        bcon = sqlite3.connect(backup)
        assert bcon.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert bcon.execute("SELECT code FROM event").fetchone() == ("OLD-1",)
        tables = {r[0] for r in bcon.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "sitting" not in tables
        bcon.close()
        # The file itself now has the new tables and kept its data.
        with database.read() as s:
            assert s.scalar(select(Event.code)) == "OLD-1"
            assert s.scalar(select(func.count(Sitting.id))) == 0
        assert dbmod.metadata_matches_head(database) == []
    finally:
        database.close()
    assert before != _digest(db_path)


def test_file_from_a_newer_version_is_refused_and_left_untouched(db_path):
    _make_file_at(db_path, "head")
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    before = _digest(db_path)
    files_before = sorted(p.name for p in db_path.parent.iterdir())

    with pytest.raises(NewerDatabaseError) as info:
        open_database(sqlite_url(db_path))

    message = str(info.value)
    assert "newer version of Encounter Desk" in message
    assert "left untouched" in message
    assert _digest(db_path) == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == files_before


def test_a_database_that_is_not_an_event_file_is_refused(db_path):
    con = sqlite3.connect(db_path)
    con.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
    con.commit()
    con.close()
    before = _digest(db_path)
    with pytest.raises(NotAnEventFileError, match="not an Encounter Desk event"):
        open_database(sqlite_url(db_path))
    assert _digest(db_path) == before


def test_a_file_that_is_not_sqlite_is_refused_with_a_clear_message(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(NotAnEventFileError, match="not an Encounter Desk event file"):
        open_database(sqlite_url(path))
    assert path.read_text().startswith("these are my notes")


def test_missing_file_is_not_created_when_asked_not_to(tmp_path):
    path = tmp_path / "missing.sqlite"
    with pytest.raises(DatabaseUnavailableError, match="no event file"):
        open_database(sqlite_url(path), create=False)
    assert not path.exists()


def test_unreachable_server_gives_a_plain_message():
    with pytest.raises(DatabaseUnavailableError, match="cannot be reached"):
        open_database("postgresql+psycopg://nobody:secret@127.0.0.1:1/event")


def test_resolve_url_prefers_explicit_path_then_url_then_environment(tmp_path, monkeypatch):
    assert dbmod.resolve_url(tmp_path / "a.sqlite") == sqlite_url(tmp_path / "a.sqlite")
    assert dbmod.resolve_url(None, "postgresql+psycopg://h/e") == "postgresql+psycopg://h/e"
    monkeypatch.setenv("ENCOUNTER_DESK_DATABASE", str(tmp_path / "env.sqlite"))
    assert dbmod.resolve_url() == sqlite_url(tmp_path / "env.sqlite")
    monkeypatch.delenv("ENCOUNTER_DESK_DATABASE")
    assert dbmod.resolve_url().endswith("events/encounter.sqlite")
    with pytest.raises(DatabaseError, match="not both"):
        dbmod.resolve_url(tmp_path / "a.sqlite", "sqlite:///b")


def test_audit_trail_records_insert_update_and_delete_with_actor(db):
    events.create_event(db, DETAILS)
    with db.write() as s:
        mx = s.scalar(select(Delegation).where(Delegation.code == "MX"))
        person = Participant(title="Sen.", given_names="Jorge", first_surname="Castañeda",
                             second_surname="Ruiz", delegation=mx)
        s.add(person)
    with db.write() as s:
        s.get(Participant, person.id).position = "Presidente de la Comisión"
    with db.write() as s:
        s.delete(s.get(Participant, person.id))

    with db.read() as s:
        trail = list(
            s.scalars(
                select(AuditEntry)
                .where(AuditEntry.table_name == "participant")
                .order_by(AuditEntry.id)
            )
        )
        event_rows = list(s.scalars(select(AuditEntry).where(AuditEntry.table_name == "event")))
    assert [e.action for e in trail] == ["insert", "update", "delete"]
    assert all(e.actor == "tester@desk" for e in trail)
    assert all(e.row_id == str(person.id) for e in trail)
    inserted = json.loads(trail[0].changes)
    assert inserted["display_name"] == "Jorge Castañeda Ruiz"
    assert json.loads(trail[1].changes) == {"position": ["", "Presidente de la Comisión"]}
    assert json.loads(trail[2].changes)["given_names"] == "Jorge"
    # The badge secret never reaches the trail.
    assert "secret" not in json.loads(event_rows[0].changes)


def test_a_rolled_back_change_leaves_no_audit_entry(db):
    events.create_event(db, DETAILS)
    with db.read() as s:
        before = s.scalar(select(func.count(AuditEntry.id)))
    with pytest.raises(RuntimeError):
        with db.write() as s:
            s.add(Participant(given_names="Nadie", first_surname="Pérez"))
            s.flush()
            raise RuntimeError("the clerk cancelled")
    with db.read() as s:
        assert s.scalar(select(func.count(AuditEntry.id))) == before
        assert s.scalar(select(func.count(Participant.id))) == 0


def test_derived_name_columns_follow_the_name_parts(db):
    events.create_event(db, DETAILS)
    with db.write() as s:
        p = Participant(title=" H.D. ", given_names="Iñaki  José", first_surname="Muñoz de la Cruz",
                        second_surname="")
        s.add(p)
    assert p.display_name == "Iñaki José Muñoz de la Cruz"
    assert p.sort_name == "Muñoz de la Cruz, Iñaki José"
    assert p.title == "H.D."
    assert p.identity_key == "inaki jose munoz de la cruz"


def test_backup_of_a_live_file_is_consistent(sqlite_db, tmp_path):
    events.create_event(sqlite_db, DETAILS)
    target = dbmod.backup_sqlite(sqlite_db.path, tmp_path / "copies" / "backup.sqlite")
    con = sqlite3.connect(target)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert con.execute("SELECT code FROM event").fetchone() == ("TEST-1",)
    con.close()


def test_the_storage_errors_are_still_importable_from_the_database_module():
    """ui/ and the tools still import them from storage.database until they are repointed."""
    from encounter_desk.storage import errors

    for name in ("DatabaseError", "DatabaseUnavailableError", "user_error"):
        assert getattr(dbmod, name) is getattr(errors, name)


def test_retry_on_conflict_runs_the_work_again_in_a_new_transaction(db):
    events.create_event(db, DETAILS)
    calls = []

    def work(session):
        calls.append(session)
        if len(calls) == 1:
            # The race lost: another writer inserted the same code first.
            session.add(Delegation(code="MX", kind="country", name_es="Otra", name_en="Other",
                                   canonical_order=99, is_member=True))
            session.flush()
        return session.scalar(select(func.count(Delegation.id)))

    assert dbmod.retry_on_conflict(db, work) == 16
    assert len(calls) == 2 and calls[0] is not calls[1]


def test_retry_on_conflict_gives_up_after_its_attempts(sqlite_db):
    events.create_event(sqlite_db, DETAILS)
    calls = []

    def work(session):
        calls.append(1)
        session.add(Delegation(code="MX", kind="country", name_es="Otra", name_en="Other",
                               canonical_order=99, is_member=True))
        session.flush()

    with pytest.raises(IntegrityError):
        dbmod.retry_on_conflict(sqlite_db, work, attempts=2)
    assert len(calls) == 2
