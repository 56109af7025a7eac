"""The same event file behaviour on a PostgreSQL server (several desks, one record)."""

from __future__ import annotations

import datetime as dt

import psycopg
import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from encounter_desk.event import event as events
from encounter_desk.storage import database as dbmod
from encounter_desk.storage.database import open_database
from encounter_desk.storage.errors import NewerDatabaseError
from encounter_desk.storage.models import AuditEntry, Delegation, Event, Participant

DETAILS = events.EventDetails(
    code="PG-1", name_es="Encuentro", name_en="Encounter",
    start_date=dt.date(2017, 9, 4), end_date=dt.date(2017, 9, 6),
)


def _raw(url: str) -> psycopg.Connection:
    return psycopg.connect(
        make_url(url).set(drivername="postgresql").render_as_string(hide_password=False),
        autocommit=True,
    )


def test_new_server_database_is_created_at_head(pg_url):
    database = open_database(pg_url)
    try:
        assert dbmod.metadata_matches_head(database) == []
        events.create_event(database, DETAILS)
        with database.read() as s:
            assert s.scalar(select(func.count(Delegation.id))) == 16
            assert s.scalar(select(Event.start_date)) == dt.date(2017, 9, 4)
    finally:
        database.close()


def test_server_database_from_a_newer_version_is_refused_untouched(pg_url):
    open_database(pg_url).close()
    with _raw(pg_url) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff'")
        tables_before = conn.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema='public'"
        ).fetchone()
    with pytest.raises(NewerDatabaseError, match="newer version"):
        open_database(pg_url)
    with _raw(pg_url) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("ffff",)
        assert conn.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema='public'"
        ).fetchone() == tables_before


def test_audit_and_aware_times_on_the_server(pg_url):
    database = open_database(pg_url, actor="desk-2@venue")
    try:
        events.create_event(database, DETAILS)
        with database.write() as s:
            mx = s.scalar(select(Delegation).where(Delegation.code == "MX"))
            s.add(Participant(given_names="Begoña", first_surname="Peña", delegation=mx))
        with database.read() as s:
            person = s.scalar(select(Participant))
            entry = s.scalar(select(AuditEntry).where(AuditEntry.table_name == "participant"))
        assert person.display_name == "Begoña Peña"
        assert person.created_at.tzinfo is not None
        assert entry.actor == "desk-2@venue" and entry.row_id == str(person.id)
    finally:
        database.close()
