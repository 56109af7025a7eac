"""Migration 0011: single-language texts move into the column of their language, none lost.

A demo event is made at head, taken down to the revision before (one ``summary`` per speech, initiatives
with one ``title``), given a few texts the way an older file holds them, and upgraded
again, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import create_engine, select, text

from encounter_desk.demo import build as demo
from encounter_desk.records import agreements, initiatives
from encounter_desk.storage import schema
from encounter_desk.storage.database import open_database, sqlite_url
from encounter_desk.storage.models import Agreement, Participant, Speech


@pytest.fixture(params=["sqlite", "postgresql"])
def old_url(request, db_path):
    url = sqlite_url(db_path) if request.param == "sqlite" else request.getfixturevalue("pg_url")
    db = open_database(url)
    demo.build_demo(db)
    db.close()
    engine = create_engine(url)
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")
        with conn.begin():
            command.downgrade(schema._alembic_config(conn), "0012")
        with conn.begin():
            # texts as an older file holds them: one language each
            speeches = conn.execute(text("SELECT id FROM speech WHERE summary <> '' "
                                         "ORDER BY started_at")).scalars().all()
            samples = [("Resumen en español.", "es"), ("A summary in English.", "en"),
                       ("Un résumé en français.", "fr"), ("Said without a language.", "")]
            for speech_id, (summary, lang) in zip(speeches, samples, strict=False):
                conn.execute(text("UPDATE speech SET summary = :s, language = :l WHERE id = :i"),
                             {"s": summary, "l": lang, "i": speech_id})
            conn.execute(text("UPDATE participant SET language = 'en' WHERE id = "
                              "(SELECT participant_id FROM speech WHERE id = :i)"),
                         {"i": speeches[3]})
            conn.execute(text("UPDATE agreement SET text_es = '' WHERE number = 2"))
            conn.execute(text("UPDATE initiative SET title = 'Ley de cuidados', "
                              "description = 'Cuidados para migrantes.' WHERE id = 1"))
    engine.dispose()
    yield url, speeches


def test_every_text_lands_in_the_column_of_its_language(old_url):
    url, speeches = old_url
    db = open_database(url)
    try:
        assert schema.metadata_matches_head(db) == []
        with db.read() as session:
            kept = [session.get(Speech, i) for i in speeches[:4]]
            es, en, fr, unsaid = (s.summary for s in kept)
            assert (es.es, es.en, es.language) == ("Resumen en español.", "", "es")
            assert (en.en, en.es, en.language) == ("A summary in English.", "", "en")
            assert (fr.original, fr.es, fr.en, fr.language) == (
                "Un résumé en français.", "", "", "fr")
            # no language on the speech: its speaker's language says where the text goes
            speaker = session.get(Participant, kept[3].participant_id)
            assert speaker.language == "en" and kept[3].language == "en"
            assert unsaid.en == "Said without a language."
            # every summary of the demo is still there, in some language
            for s in session.scalars(select(Speech).where(Speech.started_at.is_not(None))):
                assert not s.summary.is_empty()
            english_only = session.scalar(select(Agreement).where(Agreement.number == 2))
            assert english_only.original_language == "en" and english_only.text_es == ""
        # the jobs read them back, marked where only the original exists
        (second,) = [a for a in agreements.list_agreements(db) if a.number == 2
                     and a.sitting_number == 1]
        assert second.text("es").endswith("[original en inglés]")
        first = next(i for i in initiatives.list_initiatives(db) if i.id == 1)
        assert first.titles.es == "Ley de cuidados" and first.title == "Ley de cuidados"
        assert first.descriptions.es == "Cuidados para migrantes."
        assert first.title_in("en") == "Ley de cuidados [original in Spanish]"
    finally:
        db.close()
