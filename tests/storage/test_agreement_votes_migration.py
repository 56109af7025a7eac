"""Migration 0012: an event file at the revision before it gains the votes by delegation, and
goes back down without them."""

from __future__ import annotations

import sqlite3

from helpers.migrations import migrate_file

from encounter_desk.storage import database as dbmod
from encounter_desk.storage.database import open_database, sqlite_url

BEFORE = "0011"
"""The revision migration 0012 follows."""


def _tables(path) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        con.close()


def test_a_file_before_it_gains_the_agreement_votes_and_can_go_back(tmp_path):
    path = tmp_path / "event.sqlite"
    migrate_file(path, BEFORE)
    assert "agreement_vote" not in _tables(path)

    db = open_database(sqlite_url(path))
    try:
        assert db.upgraded_from == BEFORE
        assert dbmod.metadata_matches_head(db) == []
    finally:
        db.close()
    assert "agreement_vote" in _tables(path)

    migrate_file(path, BEFORE, down=True)
    assert "agreement_vote" not in _tables(path)
