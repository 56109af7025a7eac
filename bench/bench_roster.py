"""Benchmark: import a generated 10,000-row CSV roster into a fresh event file.

    python bench/bench_roster.py [ROWS]

Prints the time and the peak Python memory (tracemalloc) of a dry run, the first import
(all new), a second import of the same file (all unchanged), and an export to XLSX.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from encounter_desk.event import event as events
from encounter_desk.roster import importer as roster
from encounter_desk.storage.database import open_database, sqlite_url

GIVEN = ["Ana", "María José", "Jorge", "Iñaki", "Sofía", "Patricia", "Emily", "Luis", "Núria",
         "José Ángel", "Camille", "Dean", "Guadalupe", "Tomás", "Beatriz", "Óscar"]
SURNAMES = ["Pérez", "Núñez", "Castañeda", "Muñoz de la Cruz", "García-Iglesias", "Tremblay",
            "Johnson", "de los Ríos", "Peña", "Ortiz", "Villaseñor", "López", "Barrow", "Soto"]
COUNTRIES = ["México", "Mexico", "MX", "EE. UU.", "Canadá", "Belize", "Costa Rica",
             "El Salvador", "Guatemala", "Honduras", "Nicaragua", "Panamá", "Rep. Dominicana", ""]
INSTITUTIONS = ["Senado de la República", "Asamblea Legislativa", "House of Commons",
                "Organización Internacional para las Migraciones (OIM)", "ACNUR", "ONU Mujeres"]


def generate(path: Path, rows: int, seed: int = 7) -> None:
    rnd = random.Random(seed)
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh, delimiter=";")
        out.writerow(["Tratamiento", "Nombres", "Apellidos", "País", "Institución", "Cargo",
                      "Correo electrónico", "Teléfono", "Sexo"])
        for i in range(rows):
            given = rnd.choice(GIVEN)
            surnames = f"{rnd.choice(SURNAMES)} {rnd.choice(SURNAMES)}"
            out.writerow(["Dip.", f"{given} {i}", surnames, rnd.choice(COUNTRIES),
                          rnd.choice(INSTITUTIONS), "Integrante de comisión",
                          f"persona{i}@example.org", f"+503 2{i:07d}", rnd.choice("FMX ")])


def measure(label: str, func) -> object:  # noqa: ANN001
    tracemalloc.start()
    start = time.perf_counter()
    result = func()
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{label:<28} {elapsed:8.2f} s   peak {peak / 2**20:7.1f} MiB")
    return result


def main(rows: int = 10_000) -> int:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        csv_path = tmp / "roster.csv"
        generate(csv_path, rows)
        print(f"{rows} rows, {csv_path.stat().st_size / 2**20:.1f} MiB of CSV")
        db = open_database(sqlite_url(tmp / "bench.sqlite"), actor="bench")
        events.create_event(db, events.EventDetails(
            code="BENCH", name_es="Banco de pruebas", name_en="Bench",
            start_date=dt.date(2017, 9, 4), end_date=dt.date(2017, 9, 6)))
        for label, kwargs in (("dry run", {"dry_run": True}), ("first import (all new)", {}),
                              ("second import (unchanged)", {})):
            report = measure(label, lambda kw=kwargs: roster.import_roster(db, csv_path, **kw))
            assert report.ok, report.lines()[:5]
            print("   ", report.lines()[0])
        count = measure("export to XLSX", lambda: roster.export_roster(db, tmp / "out.xlsx"))
        print(f"    {count} participants exported")
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))
