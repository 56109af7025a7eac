"""Peak memory of importing a large roster (issue 13: 120,000 rows under 300 MiB).

    .venv/bin/python bench/roster_import_memory.py [ROWS]

Writes a CSV of ROWS participants (default 120,000) in a temporary folder, imports it into
a new event file in a fresh process, and prints the time and the peak resident memory of
that process (ru_maxrss), with the baseline of a process that only opened the event.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import datetime as dt, resource, sys, time
from pathlib import Path
from encounter_desk.event import event as events
from encounter_desk.roster import importer
from encounter_desk.storage.database import open_database, sqlite_url
db = open_database(sqlite_url(Path(sys.argv[1])))
events.create_event(db, events.EventDetails(code="BENCH", name_es="Banco", name_en="Bench",
                    start_date=dt.date(2017, 9, 4), end_date=dt.date(2017, 9, 6)))
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
if sys.argv[2] != "-":
    start = time.perf_counter()
    report = importer.import_roster(db, Path(sys.argv[2]))
    assert report.ok, report.lines()[:5]
    print(f"imported {report.created} in {time.perf_counter() - start:.1f} s")
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"baseline {base / 1024:.0f} MiB, peak {peak / 1024:.0f} MiB")
"""

COUNTRIES = ["Mexico", "El Salvador", "Panama", "Guatemala", "Honduras", "Costa Rica"]


def write_roster(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("Given names,Surnames,Country,Institution,Email\r\n")
        for i in range(rows):
            fh.write(f"José {i},Núñez Peña {i},{COUNTRIES[i % len(COUNTRIES)]},"
                     f"Asamblea Legislativa,p{i}@example.org\r\n")


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 120_000
    with tempfile.TemporaryDirectory() as folder:
        roster = Path(folder) / "big.csv"
        write_roster(roster, rows)
        print(f"{rows} rows, {roster.stat().st_size / 1024 / 1024:.1f} MiB of CSV")
        for source in ("-", str(roster)):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", CHILD, str(Path(folder) / f"e{len(source)}.sqlite"),
                            source], check=True)
            print(f"  (process {time.perf_counter() - start:.1f} s)")


if __name__ == "__main__":
    main()
