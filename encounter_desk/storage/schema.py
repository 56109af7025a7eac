"""The event file's schema: the Alembic migrations, their revisions, and upgrading a file.

A file opens at the newest revision: a new one is created at head, an older one is upgraded
(after a copy is set aside, see :mod:`encounter_desk.storage.database`), a newer one is
refused untouched. The revisions are read from the version scripts' own lines, so opening a
file does not have to load Alembic unless it must migrate.
"""

from __future__ import annotations

import re
from importlib import resources
from typing import TYPE_CHECKING

from sqlalchemy.engine import Engine

from encounter_desk.core.i18n import translate
from encounter_desk.storage.errors import DatabaseError, NewerDatabaseError, NotAnEventFileError
from encounter_desk.storage.models import Base

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from encounter_desk.storage.database import Database


def _alembic_config(connection=None) -> Config:  # noqa: ANN001
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", "encounter_desk.storage:migrations")
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config())


_REVISION = re.compile(r"""^(down_revision|revision)\s*(?::[^=]*)?=\s*(?:["']([^"']+)["']|None)""",
                       re.MULTILINE)
_revisions: dict[str, str | None] | None = None


def _revision_graph() -> dict[str, str | None]:
    """revision -> down_revision, read from the version scripts' own lines (the same files
    Alembic reads; a file without both lines makes this fall back to Alembic)."""
    global _revisions
    if _revisions is None:
        graph: dict[str, str | None] = {}
        folder = resources.files("encounter_desk.storage").joinpath("migrations", "versions")
        for entry in folder.iterdir():
            if not entry.name.endswith(".py") or entry.name.startswith("_"):
                continue
            found = dict((m.group(1), m.group(2)) for m in _REVISION.finditer(entry.read_text()))
            if "revision" not in found or "down_revision" not in found:
                graph = {rev.revision: rev.down_revision  # type: ignore[misc]
                         for rev in script_directory().walk_revisions()}
                break
            graph[found["revision"]] = found["down_revision"]
        _revisions = graph
    return _revisions


def head_revision() -> str:
    graph = _revision_graph()
    heads = set(graph) - set(graph.values())
    if len(heads) != 1:
        head = script_directory().get_current_head()
        assert head is not None
        return head
    return heads.pop()


def known_revisions() -> set[str]:
    return set(_revision_graph())


def refuse_unknown(stored: str | None, has_tables: bool, where: str) -> None:
    if stored is None:
        if has_tables:
            raise NotAnEventFileError(
                translate(
                    "Database",
                    "{where} holds a database that is not an Encounter Desk event. "
                    "It was left untouched; open an event file instead.",
                ).format(where=where)
            )
        return
    if stored not in known_revisions():
        raise NewerDatabaseError(
            translate(
                "Database",
                "{where} was made by a newer version of Encounter Desk (schema {revision}). "
                "It was left untouched: install the newer version to open it.",
            ).format(where=where, revision=stored)
        )


def upgrade(engine: Engine) -> None:
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        if sqlite:
            # Batch migrations rebuild tables; foreign keys must be off while they do, and
            # the pragma only takes effect outside a transaction.
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                from alembic import command

                command.upgrade(_alembic_config(conn), "head")
                if sqlite:
                    problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if problems:
                        raise DatabaseError(
                            translate(
                                "Database",
                                "The upgraded file fails its integrity checks: {problems}",
                            ).format(problems=problems[:5])
                        )
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys=ON")


def metadata_matches_head(db: Database) -> list:
    """Differences between the tables in the database and the models (empty when in step)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": False})
        return compare_metadata(ctx, Base.metadata)
