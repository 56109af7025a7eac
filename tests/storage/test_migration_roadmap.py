"""Upgrading a file of the revision before the road map: each initiative gets the stage its status stands for
and a first step in its history."""

from __future__ import annotations

import sqlite3

from alembic import command
from sqlalchemy import create_engine

from encounter_desk.records.roadmap.commitments import load_commitments
from encounter_desk.storage import database as dbmod
from encounter_desk.storage import schema
from encounter_desk.storage.database import open_database, sqlite_url
from encounter_desk.storage.models import Stage


def test_initiatives_of_an_older_file_join_the_road_map(db_path):
    engine = create_engine(sqlite_url(db_path))
    with engine.begin() as conn:
        command.upgrade(schema._alembic_config(conn), "0008")
    engine.dispose()
    con = sqlite3.connect(db_path)
    con.execute(
        "INSERT INTO event (code, name_es, name_en, short_name_es, short_name_en, venue, city,"
        " country, start_date, end_date, timezone, secret, quorum_rule, kiosk_pin_hash, notes,"
        " created_at) VALUES ('OLD-1', 'Viejo', 'Old', '', '', '', '', '', '2017-09-04',"
        " '2017-09-06', 'America/Mexico_City', 'ab', '', '', '', '2017-09-01 00:00:00')")
    con.execute("INSERT INTO delegation (code, kind, iso2, iso3, name_es, name_en, "
                "canonical_order, is_member) VALUES ('MX', 'country', 'MX', 'MEX', 'México', "
                "'Mexico', 8, 1)")
    for title, status in (("Ley A", "tabled"), ("Ley B", "pledged")):
        con.execute("INSERT INTO initiative (delegation_id, title, description, kind, "
                    "target_date, status, sitting_id, created_at, updated_at) VALUES "
                    "(1, ?, '', 'bill', NULL, ?, NULL, '2017-09-05 18:00:00.000000', "
                    "'2017-09-05 18:00:00.000000')", (title, status))
    con.commit()
    con.close()

    db = open_database(sqlite_url(db_path))
    try:
        assert dbmod.metadata_matches_head(db) == []
        by_title = {c.title: c for c in load_commitments(db)}
        assert by_title["Ley A"].stage is Stage.FILED
        assert by_title["Ley B"].stage is Stage.ANNOUNCED
        (step,) = by_title["Ley A"].history
        assert step.stage is Stage.FILED and str(step.changed_on) == "2017-09-05"
    finally:
        db.close()
