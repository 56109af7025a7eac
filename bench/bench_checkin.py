"""Check-in verdict latency: 10,000 participants and 50,000 scans already in the file.

    python bench/bench_checkin.py [--participants 10000] [--history 50000] [--scans 2000]

Builds the event file in a temporary folder (SQLite, WAL, synchronous=FULL: every verdict is
a durable commit), then times ``check_in`` end to end for a realistic mix: first scans
(admitted), second scans (already checked in), scans of replaced badges, damaged codes and
codes of another event. Prints p50/p95/p99 and the peak resident memory.
Target (issue 3): p99 <= 3 ms.
"""

from __future__ import annotations

import argparse
import gc
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _event import add_scan_history, badge_maker, build_event  # noqa: E402

from encounter_desk.desk import (
    badge_code,  # noqa: E402
    checkin,
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=10_000)
    parser.add_argument("--history", type=int, default=50_000)
    parser.add_argument("--scans", type=int, default=2_000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        db = build_event(Path(tmp) / "bench.sqlite", args.participants)
        make = badge_maker(db)

        # History: the first half of the participants already checked in, the rest of the
        # 50,000 scans a mix of repeats and refusals; 200 replaced badges.
        admitted = add_scan_history(db, args.participants, args.history, make)
        rng = random.Random(11)
        gc.collect()
        print(f"built {args.participants} participants, {args.history} scans "
              f"in {time.perf_counter() - t0:.1f} s")

        fresh = list(range(admitted + 201, args.participants + 1))
        rng.shuffle(fresh)
        other = badge_code.make_code(secret_hex="00" * 32, event_code="OTHER-EVENT",
                                     participant_id=5, serial=1)
        workload = []
        for _ in range(args.scans):
            roll = rng.random()
            if roll < 0.6 and fresh:
                workload.append(make(fresh.pop()))
            elif roll < 0.8:
                workload.append(make(rng.randint(1, admitted)))
            elif roll < 0.87:
                workload.append(make(rng.randint(admitted + 1, admitted + 200), 1))
            elif roll < 0.94:
                c = make(rng.randint(1, args.participants))
                workload.append(c[:-1] + ("0" if c[-1] != "0" else "1"))
            else:
                workload.append(other)

        # warm up (imports, statement caches), not timed
        for raw in workload[:20]:
            checkin.check_in(db, raw, desk="warm-up")
        times, kinds, by_kind = [], {}, {}
        for raw in workload[20:]:
            start = time.perf_counter()
            verdict = checkin.check_in(db, raw, desk="bench")
            times.append((time.perf_counter() - start) * 1000)
            kinds[verdict.kind.value] = kinds.get(verdict.kind.value, 0) + 1
            by_kind.setdefault(verdict.kind.value, []).append(times[-1])
        db.close()

    times.sort()

    def pct(p: float) -> float:
        return times[min(len(times) - 1, int(round(p / 100 * len(times))) - 1)]

    for kind, values in sorted(by_kind.items()):
        values.sort()
        print(f"  {kind:20} p50 {values[len(values) // 2]:.2f} ms  "
              f"p99 {values[min(len(values) - 1, int(len(values) * 0.99))]:.2f} ms")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(times)} verdicts: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    print(f"p50 {pct(50):.2f} ms  p95 {pct(95):.2f} ms  p99 {pct(99):.2f} ms  "
          f"max {times[-1]:.2f} ms  mean {statistics.fmean(times):.2f} ms")
    print(f"peak memory (max RSS) {peak_mb:.0f} MB")
    ok = pct(99) <= 3.0
    print("target p99 <= 3 ms:", "met" if ok else "MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
