"""The window never freezes: the event loop's longest stall during each long job.

    python bench/bench_event_loop.py [--participants 10000] [--attendees N] [--history N]
                                     [--only JOB ...] [--json]

Builds an event of N people (``bench/_event.py``: participants, a scan history, five
sittings with attendance and speeches) in a temporary folder and writes a roster CSV of N
rows. In an offscreen QApplication a precise 10 ms QTimer records ``time.monotonic()`` at
each tick; then each long job of :data:`JOBS` is started through its ``runner`` from the
running event loop, and the loop runs until the job reports that it has finished (plus a
few ticks). Per job: its duration, the longest gap between two ticks (``max_stall_ms``)
and the 99th percentile of the gaps (``p99_gap_ms``). The floor, in the same run: the gaps
of the idle loop (``floor_max_stall_ms``, ``floor_p99_gap_ms``).

Target (issue 17): the event loop never stalls more than 100 ms during any long job at
10,000 people.

How the jobs run: today the app calls every one of them on the GUI thread, from a menu
action's slot (:func:`on_gui_thread`, a zero timer here), so while a job runs no tick
fires and its stall is about its whole duration: that is the "before" figure. When the
app runs a job off the GUI thread (an API in ``encounter_desk/ui/``), write a runner that
calls it (same signature as :func:`on_gui_thread`: start ``work``, call ``done`` on the
GUI thread when it has finished, ``failed`` with the exception if it raised) and put it in
that job's row of :data:`JOBS`.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from _common import emit, parser, percentile, verdict
from _event import (
    add_scan_history,
    add_sitting_records,
    badge_maker,
    build_event,
    write_roster_csv,
)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TICK_MS = 10
TARGET_STALL_MS = 100.0
IDLE_SECONDS = 0.5
BADGES = 1000

Work = Callable[[], object]
Runner = Callable[[Work, Callable[[], None], Callable[[BaseException], None]], None]


# --- how the app runs a job ------------------------------------------------------------------

def on_gui_thread(work: Work, done: Callable[[], None],
                  failed: Callable[[BaseException], None]) -> None:
    """Today's path: the job runs on the GUI thread, called from the event loop (as a menu
    action's slot calls it), and blocks the loop until it returns."""
    from PySide6.QtCore import QTimer

    def run() -> None:
        try:
            work()
        except Exception as exc:  # handed back to the benchmark, which re-raises it
            failed(exc)
        else:
            done()

    QTimer.singleShot(0, run)


# --- the long jobs ----------------------------------------------------------------------------

@dataclass
class Setup:
    """What the jobs work on, built before any is timed."""

    folder: Path
    db: object  # encounter_desk.storage.database.Database
    participants: int


def roster_import(setup: Setup) -> Work:
    """Import an N-row roster CSV into a new event (all new people)."""
    from encounter_desk.roster.importer import import_roster

    csv_path = setup.folder / "roster.csv"
    write_roster_csv(csv_path, setup.participants)
    target = build_event(setup.folder / "roster-target.sqlite", 0)

    def work() -> None:
        try:
            report = import_roster(target, csv_path)
        finally:
            target.close()
        assert report.ok, report.lines()[:5]

    return work


def badges(setup: Setup) -> Work:
    """1,000 badges on A4 sheets of 8."""
    from encounter_desk.desk.badge_pdf import write_badges

    ids = list(range(1, min(BADGES, setup.participants) + 1))
    return lambda: write_badges(setup.db, setup.folder / "badges.pdf", ids, layout="a4-8",
                                lang="es")


def backup(setup: Setup) -> Work:
    """A checked backup of the event file to another file."""
    from encounter_desk.storage.backups import back_up

    return lambda: back_up(setup.db, setup.folder / "backup.sqlite")


def event_report(setup: Setup) -> Work:
    """The event report PDF (every sitting, attendance across the encounter, agreements)."""
    from encounter_desk.records.minutes.pdf import write_event_report

    return lambda: write_event_report(setup.db, setup.folder / "report.pdf", lang="es")


def copy_to_sqlite(setup: Setup) -> Work:
    """Copy the event into another, new SQLite file."""
    from encounter_desk.storage.copy import copy_event
    from encounter_desk.storage.database import open_database, sqlite_url

    target = open_database(sqlite_url(setup.folder / "copy.sqlite"), actor="bench")

    def work() -> None:
        try:
            copy_event(setup.db, target)
        finally:
            target.close()

    return work


@dataclass(frozen=True)
class Job:
    name: str
    prepare: Callable[[Setup], Work]
    """Builds the job's inputs (not timed) and returns the work itself."""
    runner: Runner
    """How the app runs it: :func:`on_gui_thread` today."""


JOBS: tuple[Job, ...] = (
    Job("roster_import", roster_import, on_gui_thread),
    Job("badges_pdf", badges, on_gui_thread),
    Job("backup", backup, on_gui_thread),
    Job("event_report_pdf", event_report, on_gui_thread),
    Job("copy_event", copy_to_sqlite, on_gui_thread),
)


# --- the measure ------------------------------------------------------------------------------

class Ticks:
    """A 10 ms precise timer that records ``time.monotonic()`` at every tick."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.times: list[float] = []
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(lambda: self.times.append(time.monotonic()))
        self.timer.start()

    def gaps(self) -> dict[str, float]:
        """The longest and the 99th percentile gap between the ticks recorded so far."""
        gaps = [(b - a) * 1000 for a, b in zip(self.times, self.times[1:], strict=False)]
        return {"max_stall_ms": max(gaps), "p99_gap_ms": percentile(gaps, 99),
                "ticks": len(self.times)}


def run_loop(seconds_after: float, start: Callable[[Callable[[], None]], None]) -> None:
    """Run the event loop: ``start(finish)`` is called from it; the loop ends
    ``seconds_after`` after ``finish`` is called."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()

    def finish() -> None:
        QTimer.singleShot(int(seconds_after * 1000), loop.quit)

    QTimer.singleShot(3 * TICK_MS, lambda: start(finish))  # a few ticks before the start
    loop.exec()


def idle(ticks: Ticks) -> dict[str, float]:
    ticks.times.clear()
    run_loop(IDLE_SECONDS, lambda finish: finish())
    return ticks.gaps()


def measure(job: Job, work: Work, ticks: Ticks) -> dict[str, object]:
    outcome: dict[str, object] = {}

    def start(finish: Callable[[], None]) -> None:
        outcome["started"] = time.perf_counter()

        def done() -> None:
            outcome["ended"] = time.perf_counter()
            finish()

        def failed(exc: BaseException) -> None:
            outcome["error"] = exc
            done()

        job.runner(work, done, failed)

    ticks.times.clear()
    run_loop(3 * TICK_MS / 1000, start)
    if "error" in outcome:
        raise RuntimeError(f"{job.name} failed") from outcome["error"]
    return {"runner": job.runner.__name__,
            "duration_s": outcome["ended"] - outcome["started"], **ticks.gaps()}


def main() -> int:
    cli = parser(__doc__)
    cli.add_argument("--attendees", type=int, help="attendees of each sitting (default: all)")
    cli.add_argument("--interventions", type=int, default=300, help="speeches a sitting")
    cli.add_argument("--history", type=int, help="scans in the log (default: N)")
    cli.add_argument("--only", nargs="+", choices=[job.name for job in JOBS], metavar="JOB",
                     help="run only these jobs: " + ", ".join(job.name for job in JOBS))
    args = cli.parse_args()
    n = args.participants
    attendees = n if args.attendees is None else args.attendees
    history = n if args.history is None else args.history
    jobs = [job for job in JOBS if args.only is None or job.name in args.only]

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["ENCOUNTER_DESK_HOME"] = str(folder / "home")
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication([])  # noqa: F841 (kept alive)
        started = time.perf_counter()
        db = build_event(folder / "bench.sqlite", n)
        add_scan_history(db, n, history, badge_maker(db))
        add_sitting_records(db, attendees, args.interventions, 5)
        print(f"built {n} participants, {history} scans, 5 sittings of {attendees} attendees "
              f"and {args.interventions} speeches in {time.perf_counter() - started:.1f} s")
        setup = Setup(folder, db, n)
        ticks = Ticks()
        floor = idle(ticks)
        print(f"idle loop ({IDLE_SECONDS:g} s): longest gap {floor['max_stall_ms']:.1f} ms, "
              f"p99 {floor['p99_gap_ms']:.1f} ms")
        results = {}
        for job in jobs:
            work = job.prepare(setup)
            results[job.name] = figures = measure(job, work, ticks)
            print(f"{job.name:<18} {figures['duration_s']:7.2f} s   longest stall "
                  f"{figures['max_stall_ms']:8.1f} ms   p99 gap {figures['p99_gap_ms']:7.1f} ms"
                  f"   ({figures['runner']})")
        ticks.timer.stop()
        db.close()

    worst = max(figures["max_stall_ms"] for figures in results.values())
    status = verdict(f"no stall over {TARGET_STALL_MS:g} ms during any job",
                     worst <= TARGET_STALL_MS)
    emit(args, "event_loop", n, {
        "tick_ms": TICK_MS, "target_max_stall_ms": TARGET_STALL_MS, "max_stall_ms": worst,
        "p99_gap_ms": max(figures["p99_gap_ms"] for figures in results.values()),
        "floor_max_stall_ms": floor["max_stall_ms"], "floor_p99_gap_ms": floor["p99_gap_ms"],
        "attendees": attendees, "history": history, "jobs": results,
    })
    return status


if __name__ == "__main__":
    sys.exit(main())
