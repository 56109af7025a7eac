"""Benchmark: import a generated 10,000-row CSV roster into a fresh event file.

    python bench/bench_roster.py [--participants 10000] [--json]

Prints the time and the peak Python memory (tracemalloc) of a dry run, the first import
(all new), a second import of the same file (all unchanged), and an export to XLSX. With
``--json`` the last line holds the first import's duration at the top and every step under
``"steps"``. ``--rows`` is another name for ``--participants``.
"""

from __future__ import annotations

import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from _common import emit, parser
from _event import build_event, write_roster_csv

from encounter_desk.roster import importer as roster


def measure(label: str, func, steps: dict) -> object:  # noqa: ANN001
    """Run ``func`` under tracemalloc; its duration and peak go in ``steps[label]``."""
    tracemalloc.start()
    start = time.perf_counter()
    result = func()
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    key = label.split(" (")[0].replace(" ", "_").lower()
    steps[key] = {"duration_s": elapsed, "peak_python_mib": peak / 2**20}
    print(f"{label:<28} {elapsed:8.2f} s   peak {peak / 2**20:7.1f} MiB")
    return result


def main() -> int:
    cli = parser(__doc__, aliases=("--rows",), participants_help="rows of the roster")
    args = cli.parse_args()
    rows, steps = args.participants, {}
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        csv_path = tmp / "roster.csv"
        write_roster_csv(csv_path, rows)
        print(f"{rows} rows, {csv_path.stat().st_size / 2**20:.1f} MiB of CSV")
        db = build_event(tmp / "bench.sqlite", 0)
        for label, kwargs in (("dry run", {"dry_run": True}), ("first import (all new)", {}),
                              ("second import (unchanged)", {})):
            report = measure(label, lambda kw=kwargs: roster.import_roster(db, csv_path, **kw),
                             steps)
            assert report.ok, report.lines()[:5]
            print("   ", report.lines()[0])
        count = measure("export to XLSX", lambda: roster.export_roster(db, tmp / "out.xlsx"),
                        steps)
        print(f"    {count} participants exported")
        db.close()
    emit(args, "roster", rows, {"duration_s": steps["first_import"]["duration_s"],
                                "steps": steps})
    return 0


if __name__ == "__main__":
    sys.exit(main())
