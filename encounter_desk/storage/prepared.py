"""Statements for a hot path: compiled once per dialect, run on the driver's own cursor.

A verdict at the desk must be recorded within a fraction of a millisecond over bare SQLite.
SQLAlchemy's per-execution work (execution context, result objects, events) costs about
0.1 ms a statement and the ORM's flush about 1 ms, several times the cost of SQLite itself.
A :class:`Prepared` statement is an ordinary Core statement (so the SQL is still written
once, for SQLite and PostgreSQL alike); it is compiled once per dialect and then run on the
DB-API cursor of the session's connection — the same connection and transaction, so
``BEGIN IMMEDIATE``, the pragmas and rollback on error all still hold. Values pass through
each column type's own bind and result processors (e.g. ``UTCDateTime``), so rows read and
written this way are the same as through the ORM.

Writes made this way are not seen by the ORM's audit listener: the caller writes their
audit rows with :func:`encounter_desk.storage.models.audit.record_insert`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.sql import ClauseElement


@dataclass(frozen=True)
class _Compiled:
    sql: str
    positional: tuple[str, ...] | None
    binds: tuple[tuple[str, Any, Any], ...]
    """(name, bind processor, the value the statement itself gives, e.g. a LIMIT)"""
    results: tuple[Any, ...]


class Driver:
    """The DB-API connection under a session's connection, found once for several statements."""

    __slots__ = ("dbapi", "dbapi_connection", "dialect", "session")

    def __init__(self, session: Session) -> None:
        self.session = session
        connection = session.connection()
        self.dialect = connection.dialect
        self.dbapi = connection.dialect.loaded_dbapi
        self.dbapi_connection = connection.connection.dbapi_connection


class Prepared:
    """A Core statement run straight on the DB-API cursor of a session's connection."""

    def __init__(self, statement: ClauseElement, *, keys: Sequence[str] = ()) -> None:
        self.statement = statement
        self.keys = tuple(keys)
        self._by_dialect: dict[str, _Compiled] = {}

    def _compiled(self, dialect: Dialect) -> _Compiled:
        found = self._by_dialect.get(dialect.name)
        if found is None:
            compiled = self.statement.compile(dialect=dialect, column_keys=list(self.keys) or None)
            processors = compiled._bind_processors  # noqa: SLF001 (the types' own converters)
            binds = tuple((name, processors.get(name), bind.effective_value)
                          for name, bind in compiled.binds.items())
            results = ()
            columns = getattr(self.statement, "selected_columns", None)
            if columns is not None and (getattr(self.statement, "is_select", False)
                                        or getattr(self.statement, "_returning", ())):
                cols = columns if getattr(self.statement, "is_select", False) else \
                    self.statement._returning  # noqa: SLF001
                results = tuple(col.type._cached_result_processor(dialect, None)  # noqa: SLF001
                                for col in cols)
            positional = tuple(compiled.positiontup) if compiled.positional else None
            found = _Compiled(compiled.string, positional, binds, results)
            self._by_dialect[dialect.name] = found
        return found

    def run(self, on: Session | Driver, params: Mapping[str, Any] | None = None) -> list[tuple]:
        """Execute with ``params`` (by bind name) and return the rows (empty for a write
        without RETURNING), each value through its column type's result processor. ``on``
        is the session, or its :class:`Driver` when several statements run in a row."""
        driver = on if isinstance(on, Driver) else Driver(on)
        compiled = self._compiled(driver.dialect)
        values: dict[str, Any] = {}
        params = params or {}
        for name, processor, given in compiled.binds:
            value = params.get(name, given)
            values[name] = processor(value) if processor is not None and value is not None \
                else value
        args: Any = values if compiled.positional is None else \
            tuple(values[name] for name in compiled.positional)
        cursor = driver.dbapi_connection.cursor()  # type: ignore[union-attr]
        dbapi = driver.dbapi
        try:
            cursor.execute(compiled.sql, args)
            rows = [] if cursor.description is None else cursor.fetchall()
        except dbapi.Error as exc:
            # As SQLAlchemy would raise it: IntegrityError for a lost race (retried by
            # retry_on_conflict), OperationalError for a full disk (put in words by the
            # Database), and the transaction rolls back as for any other statement.
            raise DBAPIError.instance(compiled.sql, args, exc, dbapi.Error,
                                      dialect=driver.dialect) from exc
        finally:
            cursor.close()
        results = compiled.results
        if not results or not any(results):
            return [tuple(row) for row in rows]
        return [
            tuple(value if proc is None or value is None else proc(value)
                  for proc, value in zip(results, row, strict=False))
            for row in rows
        ]

    def first(self, on: Session | Driver, params: Mapping[str, Any] | None = None
              ) -> tuple | None:
        rows = self.run(on, params)
        return rows[0] if rows else None
