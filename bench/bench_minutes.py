"""Minutes and event report at scale: 500 attendees and 300 interventions per sitting.

    python bench/bench_minutes.py [--attendees 500] [--interventions 300] [--sittings 5]

Builds a temporary SQLite event (Core inserts, no audit rows), then times
``write_minutes`` for one sitting (target ≤ 1.5 s) and ``write_event_report`` for all the
sittings (target ≤ 5 s), and prints the figures with the peak memory of each.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from sqlalchemy import insert, select

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _event import build_event  # noqa: E402

from encounter_desk.records.minutes.pdf import write_event_report, write_minutes  # noqa: E402
from encounter_desk.storage.models import (  # noqa: E402
    AgendaItem,
    Agreement,
    Attendance,
    Participant,
    Sitting,
    Speech,
)

TARGET_MINUTES = 1.5
TARGET_REPORT = 5.0
SUMMARY = ("Presenta la posición de su delegación sobre la protección de las mujeres migrantes "
           "en tránsito y propone una reforma a la ley de migración.")


def fill(db, attendees: int, interventions: int, sittings: int) -> list[int]:  # noqa: ANN001
    rng = random.Random(11)
    ids = []
    with db.write() as session:
        people = list(session.execute(select(Participant.id, Participant.delegation_id)))
        for n in range(1, sittings + 1):
            day = dt.date(2026, 12, 1) + dt.timedelta(days=(n - 1) // 2)
            sitting = session.scalar(select(Sitting).where(Sitting.number == n))
            if sitting is None:  # _event.build_event makes five
                sitting = Sitting(number=n, title_es=f"Sesión {n}", title_en=f"Sitting {n}",
                                  date=day, scheduled_start=dt.time(9, 0))
            day = sitting.date
            sitting.room = "Salón Chiapas"
            sitting.agenda_items = [
                AgendaItem(number=k, title_es=f"Punto {k} del orden del día",
                           title_en=f"Agenda item {k}") for k in range(1, 7)
            ]
            session.add(sitting)
            session.flush()
            ids.append(sitting.id)
            start = dt.datetime.combine(day, dt.time(15, 0), tzinfo=dt.UTC)
            sitting.actual_start = start
            rows = []
            for pid, _ in people[:attendees]:
                roll = rng.random()
                status = "present" if roll < 0.85 else ("excused" if roll < 0.93 else "absent")
                rows.append({
                    "sitting_id": sitting.id, "participant_id": pid, "status": status,
                    "arrived_at": start - dt.timedelta(minutes=rng.randrange(40))
                    if status == "present" else None,
                    "source": "scan", "recorded_by": "bench", "desk": "door",
                    "scan_id": None, "updated_at": start,
                })
            session.execute(insert(Attendance), rows)
            moment = start
            speech_rows = []
            items = [i.id for i in sitting.agenda_items]
            for k in range(interventions):
                pid, did = people[rng.randrange(min(attendees, len(people)))]
                seconds = rng.randrange(40, 300)
                speech_rows.append({
                    "sitting_id": sitting.id, "agenda_item_id": items[k * len(items)
                                                                      // interventions],
                    "participant_id": pid, "delegation_id": did,
                    "kind": rng.choice(["statement"] * 6 + ["right_of_reply", "question",
                                                             "point_of_order"]),
                    "state": "done", "position": float(k), "requested_at": moment,
                    "started_at": moment, "ended_at": moment + dt.timedelta(seconds=seconds),
                    "paused_at": None, "paused_seconds": 0.0, "pause_count": 0,
                    "limit_seconds": 180, "custom_limit": False,
                    "language": rng.choice(["es", "en", "fr"]), "summary": SUMMARY,
                    "replies_to_id": None, "interrupts_id": None, "withdrawn_at": None,
                })
                moment += dt.timedelta(seconds=seconds + 20)
            session.execute(insert(Speech), speech_rows)
            sitting.adjourned_at = moment
            for k in range(1, 4):
                session.add(Agreement(sitting_id=sitting.id, number=k,
                                      text_es=f"Acuerdo {k}: " + SUMMARY, text_en="",
                                      adoption="consensus", is_annex=False, annex_title=""))
    return ids


def timed(label: str, work) -> float:  # noqa: ANN001
    """Best of three timed runs, then one more under tracemalloc for the peak memory
    (tracemalloc slows Python down several times, so it never runs while timing)."""
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        work()
        runs.append(time.perf_counter() - started)
    tracemalloc.start()
    work()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    elapsed = min(runs)
    print(f"{label}: {elapsed:.2f} s (best of 3; worst {max(runs):.2f} s), "
          f"peak Python memory {peak / 2**20:.1f} MiB")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--attendees", type=int, default=500)
    parser.add_argument("--interventions", type=int, default=300)
    parser.add_argument("--sittings", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = build_event(folder / "bench.sqlite", args.attendees)
        ids = fill(db, args.attendees, args.interventions, args.sittings)
        # Untimed warm-up: font registration and module imports happen once per process.
        write_minutes(db, ids[0], folder / "warm.pdf", lang="es")
        minutes = timed(
            f"minutes, {args.attendees} attendees and {args.interventions} interventions",
            lambda: write_minutes(db, ids[0], folder / "minutes.pdf", lang="es"))
        report = timed(
            f"event report, {args.sittings} such sittings",
            lambda: write_event_report(db, folder / "report.pdf", lang="es"))
        from pypdf import PdfReader

        pages = len(PdfReader(folder / "minutes.pdf").pages)
        report_pages = len(PdfReader(folder / "report.pdf").pages)
        print(f"pages: minutes {pages}, event report {report_pages}")
        db.close()
    ok = minutes <= TARGET_MINUTES and report <= TARGET_REPORT
    print(f"targets: minutes ≤ {TARGET_MINUTES} s, report ≤ {TARGET_REPORT} s: "
          f"{'met' if ok else 'NOT MET'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
