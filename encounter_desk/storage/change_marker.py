"""Has anything changed in the event since I last looked? A cheap marker every screen can poll.

Several laptops write to one record (three registration desks, the chair, the secretariat);
each screen must reflect the others' writes within 2 s without anyone pressing "refresh".
Every screen asks :func:`marker` about once a second and reloads when the answer moves.

**Why polling, not LISTEN/NOTIFY.** SQLite has no notifications between processes, so a
single laptop (or two desks sharing a file) needs a poll anyway; one mechanism for both
databases is one mechanism to test. LISTEN/NOTIFY would also need a dedicated connection
held open per laptop, reconnection logic, and still a poll to catch what was missed while
the network was down. The poll is cheap: two primary-key lookups (``max(id)`` reads the
last entry of an index) and, on PostgreSQL, a call that touches no table — a few hundred
microseconds, so five laptops polling every second is noise for the server.

**What the marker is.**

* ``max(audit_entry.id)``: every change to the record goes through the ORM, and the audit
  listener writes one ``audit_entry`` row per changed row *in the same transaction*, so
  any committed insert, update or delete moves it; ``max(scan.id)`` is added for scans
  written without the ORM (bulk loads, benchmarks).
* On PostgreSQL ids come from sequences and are taken before commit: a transaction holding
  id 10 may commit after the one holding id 11, so ``max(id)`` alone could miss the later
  commit. ``pg_current_snapshot()`` (the set of write transactions in progress) changes
  whenever a write transaction starts or ends, so that late commit moves the marker too.
  (It also moves for writes to other databases on the same server: a harmless extra
  reload.) SQLite serialises writers (``BEGIN IMMEDIATE``), so ids commit in order there.

No table, trigger or migration is needed, and writers pay nothing: a counter row bumped by
every transaction would make every desk's write wait on the same row lock.
"""

from __future__ import annotations

from sqlalchemy import func, select, text

from encounter_desk.storage.database import Database
from encounter_desk.storage.models import AuditEntry, Scan

Marker = tuple[object, ...]

_AUDIT_Q = select(func.max(AuditEntry.id))
_SCAN_Q = select(func.max(Scan.id))
_PG_SNAPSHOT_Q = text("SELECT pg_current_snapshot()::text")


def marker(db: Database) -> Marker:
    """A value that differs whenever something was committed since it was last read.

    Raises a :class:`~encounter_desk.storage.database.DatabaseError` (e.g. DatabaseUnavailableError)
    when the database cannot be read.
    """
    with db.read() as session:
        conn = session.connection()
        audit_id = conn.execute(_AUDIT_Q).scalar()
        scan_id = conn.execute(_SCAN_Q).scalar()
        if db.dialect == "postgresql":
            return (audit_id, scan_id, conn.execute(_PG_SNAPSHOT_Q).scalar())
        return (audit_id, scan_id)


def changed_since(db: Database, last: Marker | None) -> tuple[bool, Marker]:
    """(whether the record changed since ``last``, the marker now)."""
    now = marker(db)
    return now != last, now
