"""Move an event between databases: a SQLite file to the venue's PostgreSQL server and back.

:func:`copy_event` copies every table of the event, parents before children, keeping every
id (so badge codes, which carry the participant's id, still scan), the audit trail
included. The target must be an empty database (any schema version: it is brought to the
current one when opened); the source is only read. On PostgreSQL the id sequences are
then moved past the copied ids, so the next row gets a fresh id. One transaction on the
target: an interrupted copy leaves it empty.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Integer, func, insert, select, text

from encounter_desk.core.i18n import translate
from encounter_desk.core.progress import Progress, or_quiet
from encounter_desk.storage import in_use
from encounter_desk.storage.database import Database
from encounter_desk.storage.errors import DatabaseError, user_error
from encounter_desk.storage.models import Base

BATCH = 1000


class CopyError(DatabaseError):
    """The event could not be copied; ``str(error)`` is a sentence for the user."""


@dataclass(frozen=True)
class CopyReport:
    source: str
    target: str
    rows: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def _tables():
    return list(Base.metadata.sorted_tables)


def row_counts(db: Database) -> dict[str, int]:
    with db.read() as session:
        return {
            t.name: session.execute(select(func.count()).select_from(t)).scalar_one()
            for t in _tables()
        }


def copy_event(source: Database, target: Database,
               progress: Progress | None = None) -> CopyReport:
    """Copy the whole event in ``source`` into the empty database ``target``.

    ``progress`` hears of every batch of rows; cancelling it leaves the target empty."""
    progress = or_quiet(progress)
    if source.url == target.url:
        raise CopyError(translate("Database", "The source and the target are the same database."))
    busy = {name: n for name, n in row_counts(target).items() if n}
    if busy:
        raise CopyError(
            translate(
                "Database",
                "{target} already holds data ({tables}); nothing was copied. Copy into an "
                "empty database.",
            ).format(target=target.describe(), tables=", ".join(sorted(busy)))
        )
    _refuse_while_in_use(source)
    copied: dict[str, int] = {}
    total = sum(row_counts(source).values())
    sentence = translate("Database", "Copying {total} rows of the event to {target}…").format(
        total=total, target=target.describe())
    progress.step(0, total, sentence)
    try:
        with source.read() as reading, target.engine.begin() as conn:
            src = reading.connection()
            for table in _tables():
                order = [c for c in table.primary_key.columns]
                rows = src.execute(select(table).order_by(*order)).mappings()
                count = 0
                batch: list[dict] = []
                for row in rows:
                    batch.append(dict(row))
                    if len(batch) >= BATCH:
                        conn.execute(insert(table), batch)
                        count += len(batch)
                        batch = []
                        progress.step(sum(copied.values()) + count, total, sentence)
                if batch:
                    conn.execute(insert(table), batch)
                    count += len(batch)
                copied[table.name] = count
                progress.step(sum(copied.values()), total, sentence)
            if conn.dialect.name == "postgresql":
                _reset_sequences(conn)
    except DatabaseError:
        raise
    except Exception as exc:  # noqa: BLE001 - a storage failure becomes a sentence
        mapped = user_error(exc, target.describe())
        if mapped is None:
            raise
        raise mapped from exc
    return CopyReport(source.describe(), target.describe(), copied)


def _refuse_while_in_use(source: Database) -> None:
    """A copy taken while desks still write would miss what they record after it."""
    if source.path is not None:
        holders = in_use.others(source.path, source.held_leases())
    else:
        with source.read() as session:
            holders = in_use.server_sessions(session.connection())
    if holders:
        raise in_use.in_use_refusal(source.describe(), holders, "copy")


def _reset_sequences(conn) -> None:  # noqa: ANN001
    for table in _tables():
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not isinstance(pk[0].type, Integer):
            continue
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence(:t, :c), "
                f"COALESCE(MAX({pk[0].name}), 1), MAX({pk[0].name}) IS NOT NULL) "
                f"FROM {table.name}"
            ),
            {"t": table.name, "c": pk[0].name},
        )
