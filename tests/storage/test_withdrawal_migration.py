"""Migration 0006: an existing event file keeps its participants and never reuses an id."""

from __future__ import annotations

import sqlite3

from helpers.migrations import migrate_file
from sqlalchemy import select

from encounter_desk.event import participants
from encounter_desk.storage import database as dbmod
from encounter_desk.storage.database import open_database, sqlite_url
from encounter_desk.storage.models import Participant


def test_a_file_at_0005_is_rebuilt_with_autoincrement_and_keeps_everyone(tmp_path):
    path = tmp_path / "event.sqlite"
    migrate_file(path, "0005")
    con = sqlite3.connect(path)
    for number, name in enumerate(("Ana Núñez", "José Peña", "Zoë Ruiz"), start=1):
        con.execute(
            "INSERT INTO participant (id, title, given_names, first_surname, second_surname,"
            " display_name, sort_name, sort_key, identity_key, category, institution, position,"
            " chamber, committee, is_head_of_delegation, email, phone, desk_note, language,"
            " badge_serial, created_at, updated_at) VALUES (?, '', ?, '', '', ?, ?, ?, ?,"
            " 'lawmaker', '', '', '', '', 0, '', '', '', '', 1, '2017-09-01 00:00:00',"
            " '2017-09-01 00:00:00')", (number, name, name, name, name.lower(), name.lower()))
    con.commit()
    con.close()

    db = open_database(sqlite_url(path))
    try:
        assert db.upgraded_from == "0005"
        assert dbmod.metadata_matches_head(db) == []
        with db.read() as s:
            kept = s.execute(select(Participant.id, Participant.display_name,
                                    Participant.withdrawn_at)).all()
        assert kept == [(1, "Ana Núñez", None), (2, "José Peña", None), (3, "Zoë Ruiz", None)]
        participants.delete_participant(db, 3)
        newcomer = participants.create_participant(db, given_names="Nueva", first_surname="Persona")
        assert newcomer.id == 4  # not 3: Zoë's printed badge names nobody else
    finally:
        db.close()
    con = sqlite3.connect(path)
    sql = con.execute("SELECT sql FROM sqlite_master WHERE name = 'participant'").fetchone()[0]
    con.close()
    assert "AUTOINCREMENT" in sql
