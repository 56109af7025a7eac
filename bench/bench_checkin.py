"""Check-in verdict latency: 10,000 participants and 50,000 scans already in the file.

    python bench/bench_checkin.py [--participants 10000] [--history 50000] [--scans 2000] [--json]

Builds the event file in a temporary folder (SQLite, WAL, synchronous=FULL: every verdict is
a durable commit), then times ``check_in`` end to end for a realistic mix: first scans
(admitted), second scans (already checked in), scans of replaced badges, damaged codes and
codes of another event. Then measures the floor in the same file: bare ``sqlite3`` with the
pragmas the app's connection has, one durable participant lookup + scan insert + commit per
scan. Prints p50/p95/p99, the floor, the ratio and the peak resident memory.
Between scans, as at a desk, the change watcher's quiet tick checkpoints the WAL (untimed;
the floor gets the same ticks). Targets (issue 17): p50 <= 0.6 ms, p99 <= 1.2 ms, p50 at
most 4x the floor's.
"""

from __future__ import annotations

import datetime as dt
import gc
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from _common import against_floor, describe, emit, latency, parser, peak_rss_mib, verdict
from _event import add_scan_history, badge_maker, build_event, scan_options, scan_workload

from encounter_desk.desk import checkin

TARGET_P50_MS = 0.6
TARGET_P99_MS = 1.2
TARGET_RATIO_P50 = 4.0
PRAGMAS = ("journal_mode", "synchronous", "foreign_keys", "busy_timeout", "wal_autocheckpoint")
IDLE_EVERY = 4
"""A desk's change watcher checkpoints the WAL on each quiet one-second tick; scans come
at most one every couple of seconds. The benchmark gives it one idle tick every
IDLE_EVERY scans, untimed, and the floor the same."""


def app_pragmas(db) -> dict[str, object]:  # noqa: ANN001
    """The pragmas in force on a connection the app opened (so the floor uses the same)."""
    with db.engine.connect() as conn:
        return {name: conn.exec_driver_sql(f"PRAGMA {name}").scalar() for name in PRAGMAS}


def bare_sqlite(path: Path, pragmas: dict[str, object], participant_ids: list[int]
                ) -> tuple[list[float], list[float]]:
    """Milliseconds (wall clock, and this process's CPU) of one durable lookup + insert +
    commit per id, in the ``scan`` table."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for name, value in pragmas.items():
            conn.execute(f"PRAGMA {name}={value}")
        at = dt.datetime(2026, 12, 2, 9, 0)  # naive UTC, as the app stores it in SQLite
        times, cpu = [], []
        for n, pid in enumerate(participant_ids):
            start, start_cpu = time.perf_counter(), time.process_time()
            conn.execute("BEGIN IMMEDIATE")
            serial = conn.execute("SELECT badge_serial FROM participant WHERE id = ?",
                                  (pid,)).fetchone()[0]
            conn.execute(
                "INSERT INTO scan (scan_uid, raw, raw_length, source, verdict, participant_id,"
                " badge_serial, desk, at, undo_reason, undone_by)"
                " VALUES (?, '', 0, 'scanner', 'floor', ?, ?, 'floor', ?, '', '')",
                (f"floor{n:08d}", pid, serial, (at + dt.timedelta(seconds=n)).isoformat(" ")),
            )
            conn.execute("COMMIT")
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
            if n % IDLE_EVERY == IDLE_EVERY - 1:
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        return times, cpu
    finally:
        conn.close()


def main() -> int:
    cli = parser(__doc__)
    scan_options(cli, scans=2_000)
    args = cli.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite"
        t0 = time.perf_counter()
        db = build_event(path, args.participants)
        make = badge_maker(db)
        admitted = add_scan_history(db, args.participants, args.history, make)
        rng = random.Random(11)
        gc.collect()
        print(f"built {args.participants} participants, {args.history} scans "
              f"in {time.perf_counter() - t0:.1f} s")
        workload = scan_workload(make, args.participants, admitted, args.scans, rng)

        # warm up (imports, statement caches), not timed
        for raw in workload[:20]:
            checkin.check_in(db, raw, desk="warm-up")
        times, cpu, by_kind = [], [], {}
        idle = getattr(db, "checkpoint", None)  # (none before issue 17: SQLite's own, inline)
        for n, raw in enumerate(workload[20:]):
            start, start_cpu = time.perf_counter(), time.process_time()
            result = checkin.check_in(db, raw, desk="bench")
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
            if idle is not None and n % IDLE_EVERY == IDLE_EVERY - 1:
                idle()  # the change watcher's quiet tick, off the verdict path
            by_kind.setdefault(result.kind.value, []).append(times[-1])
        pragmas = app_pragmas(db)
        db.close()
        ids = [rng.randint(1, args.participants) for _ in workload]
        floor, floor_cpu = (values[20:] for values in bare_sqlite(path, pragmas, ids))

    for kind, values in sorted(by_kind.items()):
        figures = latency(values)
        print(f"  {kind:20} p50 {figures['p50_ms']:.2f} ms  p99 {figures['p99_ms']:.2f} ms"
              f"  ({figures['n']})")
    figures = against_floor(latency(times), latency(floor))
    # CPU time per verdict: what the app adds, even when a busy disk makes the wall clock
    # wait on fsync for both the app and its floor.
    figures["cpu"] = against_floor(latency(cpu), latency(floor_cpu))
    figures["peak_rss_mib"] = peak_rss_mib()
    figures["verdicts"] = {kind: len(values) for kind, values in sorted(by_kind.items())}
    print(describe(f"{len(times)} verdicts", figures))
    print(describe("  CPU time per verdict", figures["cpu"]))
    print(f"    (floor: bare sqlite3, {', '.join(f'{k}={v}' for k, v in pragmas.items())})")
    print(f"peak memory (VmHWM) {figures['peak_rss_mib']:.0f} MiB")
    status = verdict(
        f"p50 <= {TARGET_P50_MS:g} ms, p99 <= {TARGET_P99_MS:g} ms, p50 <= "
        f"{TARGET_RATIO_P50:g}x the floor",
        figures["p50_ms"] <= TARGET_P50_MS and figures["p99_ms"] <= TARGET_P99_MS
        and figures["ratio_p50"] <= TARGET_RATIO_P50)
    emit(args, "checkin", args.participants, {"history": args.history, **figures})
    return status


if __name__ == "__main__":
    sys.exit(main())
