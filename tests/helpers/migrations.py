"""Event files at an older schema revision, for the migration tests."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from encounter_desk.storage import schema
from encounter_desk.storage.database import sqlite_url


def migrate_file(path: Path, revision: str, *, down: bool = False) -> None:
    """Bring the SQLite event file at ``path`` up (or ``down``) to ``revision``."""
    engine = create_engine(sqlite_url(path))
    try:
        with engine.begin() as conn:
            (command.downgrade if down else command.upgrade)(schema._alembic_config(conn),
                                                             revision)
    finally:
        engine.dispose()
