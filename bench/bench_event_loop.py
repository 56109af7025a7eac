"""The window never freezes: the event loop's stalls during each long job.

    python bench/bench_event_loop.py [--participants 10000] [--attendees N] [--history N]
                                     [--only JOB ...] [--runner worker|gui|both] [--json]

Builds an event of N people (``bench/_event.py``: participants, a scan history, five
sittings with attendance and speeches) in a temporary folder and writes a roster CSV of N
rows. In an offscreen QApplication a precise 10 ms QTimer records ``time.monotonic()`` at
each tick; then each long job of :data:`JOBS` is started from the running event loop, and
the loop runs until the job reports that it has finished (plus a few ticks). Per job: its
duration, the longest gap between two ticks (``max_stall_ms``) and the percentiles of the
gaps (``p50_ms``, ``p95_ms``, ``p99_ms``). The floor, in the same run: the gaps of the idle
loop (``floor_*``), and each job's ``ratio_p99`` over it.

Target (issue 17): the event loop never stalls more than 100 ms during any long job at
10,000 people.

How the jobs run (``--runner``):

* ``worker`` (the app since issue 17): through the app's own
  :class:`~encounter_desk.ui.widgets.long_job.JobRunner`, off the GUI thread, with its
  progress dialog and the job's progress reports (:func:`through_worker`);
* ``gui`` (the app before): called on the GUI thread from the event loop, as a menu
  action's slot did (:func:`on_gui_thread`): its stall is about its whole duration;
* ``both``: each job both ways, the GUI thread's figures under ``JOB@gui``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from _common import emit, latency, parser, verdict
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
AFTER_SECONDS = 0.3
"""The loop keeps running this long after a job's end (what the job left to collect)."""
BADGES = 1000

Work = Callable[[object], object]
"""A job: takes a :class:`~encounter_desk.core.progress.Progress` (or None)."""
Runner = Callable[[Work, Callable[[], None], Callable[[BaseException], None]], None]


# --- how the app runs a job ------------------------------------------------------------------

def on_gui_thread(work: Work, done: Callable[[], None],
                  failed: Callable[[BaseException], None]) -> None:
    """The path before issue 17: the job runs on the GUI thread, called from the event loop
    (as a menu action's slot called it), and blocks the loop until it returns."""
    from PySide6.QtCore import QTimer

    def run() -> None:
        try:
            work(None)
        except Exception as exc:  # handed back to the benchmark, which re-raises it
            failed(exc)
        else:
            done()

    QTimer.singleShot(0, run)


_RUNNERS: list[object] = []  # kept alive while their jobs run


def through_worker(work: Work, done: Callable[[], None],
                   failed: Callable[[BaseException], None]) -> None:
    """The app's path: the screen's JobRunner, a worker thread and the progress dialog."""
    from encounter_desk.ui.widgets.long_job import JobRunner

    runner = JobRunner(None)
    _RUNNERS.append(runner)
    runner.run("bench", work, done=lambda _result: done(), refused=failed,
               crashed=lambda _type, exc, _tb: failed(exc))


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

    def work(progress) -> None:  # noqa: ANN001
        try:
            report = import_roster(target, csv_path, progress=progress)
        finally:
            target.close()
        assert report.ok, report.lines()[:5]

    return work


def badges(setup: Setup) -> Work:
    """1,000 badges on A4 sheets of 8."""
    from encounter_desk.desk.badge_pdf import write_badges

    ids = list(range(1, min(BADGES, setup.participants) + 1))
    return lambda progress: write_badges(setup.db, setup.folder / "badges.pdf", ids,
                                         layout="a4-8", lang="es", progress=progress)


def backup(setup: Setup) -> Work:
    """A checked backup of the event file to another file."""
    from encounter_desk.storage.backups import back_up

    return lambda progress: back_up(setup.db, setup.folder / "backup.sqlite", progress)


def event_report(setup: Setup) -> Work:
    """The event report PDF (every sitting, attendance across the encounter, agreements)."""
    from encounter_desk.records.minutes.pdf import write_event_report

    return lambda progress: write_event_report(setup.db, setup.folder / "report.pdf", lang="es",
                                               progress=progress)


def copy_to_sqlite(setup: Setup) -> Work:
    """Copy the event into another, new SQLite file."""
    from encounter_desk.storage.copy import copy_event
    from encounter_desk.storage.database import open_database, sqlite_url

    target = open_database(sqlite_url(setup.folder / "copy.sqlite"), actor="bench")

    def work(progress) -> None:  # noqa: ANN001
        try:
            copy_event(setup.db, target, progress)
        finally:
            target.close()

    return work


def certificates(setup: Setup) -> Work:
    """A certificate of attendance for everyone who attended (a page each)."""
    from encounter_desk.records.print_shop.certificates import write_certificates

    return lambda progress: write_certificates(setup.db, setup.folder / "certificates.pdf",
                                               progress=progress)


def participants_list(setup: Setup) -> Work:
    """The list of participants by delegation."""
    from encounter_desk.records.print_shop.participants_list import write_participants_list

    return lambda progress: write_participants_list(
        setup.db, setup.folder / "participants.pdf", progress=progress)


@dataclass(frozen=True)
class Job:
    name: str
    prepare: Callable[[Setup], Work]
    """Builds the job's inputs (not timed) and returns the work itself."""


JOBS: tuple[Job, ...] = (
    Job("roster_import", roster_import),
    Job("badges_pdf", badges),
    Job("backup", backup),
    Job("event_report_pdf", event_report),
    Job("copy_event", copy_to_sqlite),
    Job("certificates_pdf", certificates),
    Job("participants_list_pdf", participants_list),
)
RUNNERS: dict[str, Runner] = {"worker": through_worker, "gui": on_gui_thread}


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
        """The longest gap between the ticks recorded so far, and the gaps' percentiles."""
        gaps = [(b - a) * 1000 for a, b in zip(self.times, self.times[1:], strict=False)]
        figures = latency(gaps)
        worst = gaps.index(figures["max_ms"])
        return {"max_stall_ms": figures["max_ms"],
                "max_stall_at_s": self.times[worst] - self.times[0],
                "p50_ms": figures["p50_ms"],
                "p95_ms": figures["p95_ms"], "p99_ms": figures["p99_ms"], "ticks": len(gaps)}


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


def measure(runner: Runner, work: Work, ticks: Ticks, floor: dict[str, float]
            ) -> dict[str, object]:
    outcome: dict[str, object] = {}

    def start(finish: Callable[[], None]) -> None:
        outcome["started"] = time.perf_counter()

        def done() -> None:
            outcome["ended"] = time.perf_counter()
            finish()

        def failed(exc: BaseException) -> None:
            outcome["error"] = exc
            done()

        runner(work, done, failed)

    ticks.times.clear()
    run_loop(AFTER_SECONDS, start)
    if "error" in outcome:
        raise RuntimeError(f"{runner.__name__} failed") from outcome["error"]
    gaps = ticks.gaps()
    return {"runner": runner.__name__, "duration_s": outcome["ended"] - outcome["started"],
            **gaps, "ratio_p99": gaps["p99_ms"] / floor["p99_ms"]}


def main() -> int:
    cli = parser(__doc__)
    cli.add_argument("--attendees", type=int, help="attendees of each sitting (default: all)")
    cli.add_argument("--interventions", type=int, default=300, help="speeches a sitting")
    cli.add_argument("--history", type=int, help="scans in the log (default: N)")
    cli.add_argument("--only", nargs="+", choices=[job.name for job in JOBS], metavar="JOB",
                     help="run only these jobs: " + ", ".join(job.name for job in JOBS))
    cli.add_argument("--runner", choices=[*RUNNERS, "both"], default="worker",
                     help="how the jobs run: the app's worker (default), the GUI thread "
                          "(before issue 17), or both")
    args = cli.parse_args()
    runners = list(RUNNERS) if args.runner == "both" else [args.runner]
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
        from encounter_desk.ui.widgets.long_job import settle_heap

        settle_heap()  # as the app does once it is up
        ticks = Ticks()
        floor = idle(ticks)
        print(f"idle loop ({IDLE_SECONDS:g} s): longest gap {floor['max_stall_ms']:.1f} ms, "
              f"p99 {floor['p99_ms']:.1f} ms")
        results = {}
        for name in runners:
            (folder / name).mkdir()
            for job in jobs:
                work = job.prepare(Setup(folder / name, db, n))
                key = job.name if name == "worker" else f"{job.name}@{name}"
                results[key] = figures = measure(RUNNERS[name], work, ticks, floor)
                print(f"{key:<26} {figures['duration_s']:7.2f} s   longest stall "
                      f"{figures['max_stall_ms']:8.1f} ms   p99 gap {figures['p99_ms']:7.1f} ms"
                      f" (at {figures['max_stall_at_s']:.2f} s)   ({figures['runner']})")
        ticks.timer.stop()
        db.close()

    judged = {k: v for k, v in results.items() if "@" not in k} or results
    worst = max(figures["max_stall_ms"] for figures in judged.values())
    judged_runner = "worker" if "worker" in runners else runners[0]
    status = verdict(f"no stall over {TARGET_STALL_MS:g} ms during any job "
                     f"(run by the {judged_runner})", worst <= TARGET_STALL_MS)
    emit(args, "event_loop", n, {
        "tick_ms": TICK_MS, "target_max_stall_ms": TARGET_STALL_MS, "max_stall_ms": worst,
        "p99_ms": max(figures["p99_ms"] for figures in judged.values()),
        **{f"floor_{key}": value for key, value in floor.items()},
        "attendees": attendees, "history": history, "jobs": results,
    })
    return status


if __name__ == "__main__":
    sys.exit(main())
