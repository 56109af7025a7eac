"""Migration 0011_issue14: a file made before points of order had reasons keeps its speeches."""

from __future__ import annotations

from alembic import command
from helpers.events import DETAILS, add_people
from sqlalchemy import create_engine, inspect

from encounter_desk.chair import commands as speakers
from encounter_desk.event import event as events
from encounter_desk.event import sittings
from encounter_desk.storage import database as dbmod
from encounter_desk.storage import schema
from encounter_desk.storage.database import open_database, sqlite_url
from encounter_desk.storage.models import SpeechKind


def test_a_file_at_0010_gets_reasons_not_stated_and_goes_back(tmp_path):
    path = tmp_path / "event.sqlite"
    db = open_database(sqlite_url(path))
    events.create_event(db, DETAILS)
    people = add_people(db)
    sitting = sittings.create_sitting(db, title_es="Sesión", title_en="Session").id
    speakers.add_speaker(db, sitting, None, people["ana"], kind=SpeechKind.POINT_OF_ORDER,
                         reason="quorum", reason_text="count again")
    db.close()
    engine = create_engine(sqlite_url(path))
    with engine.begin() as conn:
        command.downgrade(schema._alembic_config(conn), "0010")
    columns = {c["name"] for c in inspect(engine).get_columns("speech")}
    engine.dispose()
    assert "reason" not in columns and "reason_text" not in columns

    db = open_database(sqlite_url(path))
    try:
        assert db.upgraded_from == "0010"
        assert dbmod.metadata_matches_head(db) == []
        [point] = speakers.list_snapshot(db, sitting, None).waiting
        assert point.kind == SpeechKind.POINT_OF_ORDER
        assert (point.reason, point.reason_text) == ("", "")  # not stated, to be said again
        speakers.set_point_reason(db, point.id, "time", "")
        assert speakers.list_snapshot(db, sitting, None).waiting[0].reason == "time"
    finally:
        db.close()
