"""The audit trail: who changed what, when, for every change to the record of the event.

A session listener writes one ``audit_entry`` row per inserted, updated or deleted row of
every audited table, in the same transaction as the change, so the trail can never miss a
committed change nor record one that was rolled back.  The actor comes from
``session.info["actor"]`` (set by :mod:`encounter_desk.storage.database`).
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
from typing import Any

from sqlalchemy import Integer, String, Table, Text, event, insert, inspect
from sqlalchemy.orm import Mapped, Session, mapped_column

from encounter_desk.storage.models.base import Base, UTCDateTime, utcnow

# Columns whose value must never be copied into the trail.
SECRET_COLUMNS = {"secret", "kiosk_pin_hash"}
NOT_AUDITED = {"audit_entry", "alembic_version"}


class AuditEntry(Base):
    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(10))  # insert | update | delete
    table_name: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[str] = mapped_column(String(60))
    changes: Mapped[str] = mapped_column(Text, default="{}")
    """JSON: for an update {column: [old, new]}; for an insert or delete {column: value}."""


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    return value


def _row_id(obj: Any) -> str:
    key = inspect(obj).mapper.primary_key_from_instance(obj)
    return "/".join("" if part is None else str(part) for part in key)


def _snapshot(obj: Any) -> dict[str, Any]:
    state = inspect(obj)
    out = {}
    for attr in state.mapper.column_attrs:
        if attr.key in SECRET_COLUMNS:
            continue
        out[attr.key] = _plain(getattr(obj, attr.key))
    return out


def _diff(obj: Any) -> dict[str, list[Any]]:
    state = inspect(obj)
    changes: dict[str, list[Any]] = {}
    for attr in state.mapper.column_attrs:
        hist = state.attrs[attr.key].history
        if not hist.has_changes():
            continue
        old = hist.deleted[0] if hist.deleted else None
        new = hist.added[0] if hist.added else None
        if old == new:
            continue
        if attr.key in SECRET_COLUMNS:
            changes[attr.key] = ["***", "***"]
        else:
            changes[attr.key] = [_plain(old), _plain(new)]
    return changes


def _audited(obj: Any) -> bool:
    table = getattr(obj, "__tablename__", None)
    return table is not None and table not in NOT_AUDITED


def _collect(session: Session) -> list[dict[str, Any]]:
    pending: list[tuple[str, Any]] = []
    for obj in session.new:
        if _audited(obj):
            pending.append(("insert", obj))
    for obj in session.dirty:
        if _audited(obj) and session.is_modified(obj, include_collections=False):
            pending.append(("update", obj))
    for obj in session.deleted:
        if _audited(obj):
            pending.append(("delete", obj))
    rows = []
    for action, obj in pending:
        if action == "update":
            changes = _diff(obj)
            if not changes:
                continue
        else:
            changes = _snapshot(obj)
        rows.append({"action": action, "obj": obj, "changes": changes})
    return rows


def install(session_class: type[Session] | Any) -> None:
    """Attach the audit listener to a sessionmaker (or Session class).

    ``after_flush`` still sees the flush's new, dirty and deleted objects and their
    attribute history, and inserted rows already have their primary keys.
    """

    @event.listens_for(session_class, "after_flush")
    def _after(session: Session, flush_context) -> None:  # noqa: ANN001
        pending = _collect(session)
        if not pending:
            return
        who_ = who(session)
        rows = [
            _entry(who_, item["action"], item["obj"].__tablename__, _row_id(item["obj"]),
                   item["changes"])
            for item in pending
        ]
        session.connection().execute(insert(AuditEntry), rows)


def who(session: Session) -> tuple[dt.datetime, str]:
    """When and by whom, for the entries of one flush."""
    return session.info.get("clock", utcnow)(), session.info.get("actor") or "unknown"


def _entry(who: tuple[dt.datetime, str], action: str, table_name: str, row_id: str,
           changes: dict[str, Any]) -> dict[str, Any]:
    return {
        "at": who[0],
        "actor": who[1],
        "action": action,
        "table_name": table_name,
        "row_id": row_id,
        "changes": json.dumps(changes, ensure_ascii=False, default=str),
    }


def inserted(who: tuple[dt.datetime, str], table: Table,
             values: dict[str, Any]) -> dict[str, Any]:
    """The audit row for a row inserted without the ORM (``values``: every column by key,
    the primary key included): the same entry the listener writes for an ORM insert.
    ``who`` is :func:`who` of the session, once per transaction."""
    changes = {col.key: _plain(values.get(col.key)) for col in table.columns
               if col.key not in SECRET_COLUMNS}
    row_id = "/".join(str(values[col.key]) for col in table.primary_key.columns)
    return _entry(who, "insert", table.name, row_id, changes)
