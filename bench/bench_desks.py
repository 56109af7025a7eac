"""Three desks, one record: three processes scanning 1,000 distinct badges each.

    python bench/bench_desks.py [--desks 3] [--badges 1000] [--only sqlite|postgresql] [--json]

Runs the same load twice: against a PostgreSQL server started on this machine for the run
(Debian's binaries, as in the tests: tests/helpers/pg_server.py) and against one shared SQLite
file (WAL, synchronous=FULL). Each desk process opens its own connection, waits for the
others at a barrier, then checks in its own 1,000 badges as fast as it can; every verdict
is a committed transaction. Prints p50/p95/p99/max verdict latency, the throughput, and
checks: zero double check-ins (one check_in row per participant) and zero lost scans
(every verdict a desk got is in the scan log with that verdict).

The PostgreSQL floor, measured the same way on the same server in the same run: as many
processes with a bare psycopg connection, each doing per badge one primary-key lookup of the
participant, one insert and a commit (what a durable verdict cannot do without); printed
with the ratio of the desks' percentiles over it.
Target (issue 17): PostgreSQL p99 <= 8 ms on a quiet machine. With ``--json`` the last line
holds the PostgreSQL figures at the top (SQLite's with ``--only sqlite``) with the floor's
as ``floor_*`` and ``ratio_*``, and each backend's under ``"postgresql"`` and ``"sqlite"``;
``n_participants`` is desks x badges.
"""

from __future__ import annotations

import multiprocessing
import sys
import tempfile
import time
from pathlib import Path

from _common import against_floor, describe, emit, latency, parser

# the event builder and the PostgreSQL server of the tests (tests/helpers/)
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
TARGET_P99_MS = 8.0


def desk(url: str, name: str, codes: list[str], barrier, out) -> None:  # noqa: ANN001
    from encounter_desk.desk import checkin
    from encounter_desk.storage.database import open_database

    db = open_database(url, actor=name)
    try:
        checkin.check_in(db, "warm-up", desk=name, scan_uid=f"{name}-warm")
        barrier.wait(timeout=300)
        times, verdicts = [], []
        start = time.perf_counter()
        for n, code in enumerate(codes):
            t = time.perf_counter()
            verdict = checkin.check_in(db, code, desk=name, scan_uid=f"{name}-{n}")
            times.append(time.perf_counter() - t)
            verdicts.append((verdict.scan_uid, verdict.kind.value))
        out.put((name, times, verdicts, time.perf_counter() - start))
    finally:
        db.close()


FLOOR_TABLE = "CREATE TABLE IF NOT EXISTS floor_scan (id serial PRIMARY KEY, raw text, desk text, " \
    "participant_id integer, at timestamptz DEFAULT now())"


def floor_desk(url: str, name: str, ids: list[int], barrier, out) -> None:  # noqa: ANN001
    """A bare psycopg desk: per badge a lookup by primary key, an insert and a commit."""
    import psycopg

    with psycopg.connect(url.replace("+psycopg", "")) as conn:
        conn.execute("SELECT 1").fetchone()
        conn.commit()
        barrier.wait(timeout=300)
        times = []
        for pid in ids:
            t = time.perf_counter()
            found = conn.execute("SELECT id FROM participant WHERE id = %s", (pid,)).fetchone()
            conn.execute("INSERT INTO floor_scan (raw, desk, participant_id) VALUES (%s, %s, %s)",
                         (f"P{pid}", name, found[0]))
            conn.commit()
            times.append(time.perf_counter() - t)
    out.put((name, times, [], 0.0))


def in_processes(target, url: str, batches: list[list]) -> list:  # noqa: ANN001
    """Run ``target(url, name, batch, barrier, out)`` in one process per batch, all started
    together at a barrier; what each put on ``out``."""
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(len(batches))
    out = ctx.Queue()
    procs = [ctx.Process(target=target, args=(url, f"desk{d + 1}", batch, barrier, out))
             for d, batch in enumerate(batches)]
    for p in procs:
        p.start()
    results = [out.get(timeout=600) for _ in procs]
    for p in procs:
        p.join()
    return results


def pg_floor(url: str, desks: int, badges: int) -> dict:
    import psycopg

    with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute(FLOOR_TABLE)
    ids = list(range(1, desks * badges + 1))
    results = in_processes(floor_desk, url, [ids[d::desks] for d in range(desks)])
    return latency(t * 1000 for _, ts, _, _ in results for t in ts)


def run(label: str, url: str, desks: int, badges: int) -> dict:
    from helpers.events import make_event
    from sqlalchemy import func, select

    from encounter_desk.storage.database import open_database
    from encounter_desk.storage.models import CheckIn, Scan

    db = open_database(url)
    codes = make_event(db, desks * badges)
    results = in_processes(desk, url, [codes[d * badges:(d + 1) * badges]
                                       for d in range(desks)])
    times = [t * 1000 for _, ts, _, _ in results for t in ts]
    wall = max(r[3] for r in results)
    with db.read() as s:
        stored = dict(s.execute(select(Scan.scan_uid, Scan.verdict)).all())
        check_ins = s.scalar(select(func.count(CheckIn.id)))
        people = s.scalar(select(func.count(func.distinct(CheckIn.participant_id))))
    db.close()
    got = {uid: v for _, _, vs, _ in results for uid, v in vs}
    lost = [uid for uid, v in got.items() if stored.get(uid) != v]
    admitted = sum(v == "admitted" for v in got.values())
    figures = {
        **latency(times), "duration_s": wall, "per_second": len(times) / wall,
        "admitted": admitted, "check_ins": check_ins, "double": check_ins - people,
        "lost": len(lost),
    }
    print(f"{label:>10}: {figures['n']} verdicts by {desks} desks in {wall:.1f} s "
          f"({figures['per_second']:.0f}/s) — p50 {figures['p50_ms']:.1f} ms, "
          f"p95 {figures['p95_ms']:.1f} ms, p99 {figures['p99_ms']:.1f} ms, "
          f"max {figures['max_ms']:.1f} ms; admitted {admitted}, check-ins {check_ins}, "
          f"double {figures['double']}, lost {figures['lost']}")
    return figures


def main() -> int:
    cli = parser(__doc__, participants=None)
    cli.add_argument("--desks", type=int, default=3)
    cli.add_argument("--badges", type=int, default=1000, help="badges each desk scans")
    cli.add_argument("--only", choices=["sqlite", "postgresql"])
    args = cli.parse_args()
    from encounter_desk.storage.database import sqlite_url

    ok, backends = True, {}
    if args.only in (None, "postgresql"):
        from helpers.pg_server import PostgresServer, find_bin_dir

        bin_dir = find_bin_dir()
        if bin_dir is None:
            print("no PostgreSQL binaries (initdb, pg_ctl) on this machine")
            return 1
        server = PostgresServer(bin_dir)
        server.start()
        try:
            pg = run("PostgreSQL", server.url("postgres"), args.desks, args.badges)
            pg = backends["postgresql"] = against_floor(
                pg, pg_floor(server.url("postgres"), args.desks, args.badges))
            print(describe("PostgreSQL verdicts over the bare psycopg floor", pg))
        finally:
            server.stop()
        ok &= pg["p99_ms"] <= TARGET_P99_MS and pg["double"] == 0 and pg["lost"] == 0
        ok &= pg["admitted"] == args.desks * args.badges
    if args.only in (None, "sqlite"):
        with tempfile.TemporaryDirectory() as tmp:
            lite = backends["sqlite"] = run("SQLite", sqlite_url(Path(tmp) / "shared.sqlite"), args.desks, args.badges)
        ok &= lite["double"] == 0 and lite["lost"] == 0
        ok &= lite["admitted"] == args.desks * args.badges
    print("targets met" if ok else "TARGETS MISSED")
    primary = next(iter(backends.values()))
    emit(args, "desks", args.desks * args.badges,
         {"desks": args.desks, **primary, **backends})
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
