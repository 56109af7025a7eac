"""Startup: from process start to an event ready for input, offscreen.

    python bench/bench_startup.py [--runs N] [--participants 10000] [--history 50000]
                                  [--frozen dist/encounter-desk/encounter-desk] [--json]

Two events: the demo, and one of ``--participants`` people with ``--history`` scans
already in the log (the check-in benchmark's builder, ``bench/_event.py``; 0 skips it).
Each run is a fresh process that opens the event the way ``encounter-desk`` does
(QApplication, translations, the main window, the event file) and reports when the window
is shown, the desk's scan field has the keyboard and the event loop is idle. The parent
times it from just before starting the process to that report. When its event loop has
ended, the child reports its own peak resident memory (VmHWM, see
:func:`_common.peak_rss_mib`: the ``ru_maxrss`` the parent gets for a child includes the
parent's own high-water mark, inherited at exec). Targets (issue 17): the demo <= 0.6 s,
the 10,000-person event <= 0.8 s (median), and <= 200 MiB. The desk takes scans before its
search index is complete (it loads in steps, between events, once the window shows): the
time to a complete index is reported too (``index_ready_s``).
The floor, measured the same way in the same run: a bare Qt main window of the same size;
each event's ratio over it is printed. With ``--json`` the durations are medians over the
runs (``max_s`` the slowest run); the demo's figures are at the top of the JSON line, the
large event's under ``"large"``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import against_floor, describe, emit, parser, verdict

TARGET_DEMO_S = 0.6
TARGET_LARGE_S = 0.8
TARGET_MIB = 200
BENCH = str(Path(__file__).resolve().parent)

# Printed by the child once its event loop has ended (so it costs nothing before READY).
PEAK = r"""
sys.path.insert(0, sys.argv[-1])
from _common import peak_rss_mib
print("PEAK", peak_rss_mib(), flush=True)
"""

CHILD = r"""
# CHILD_MARK
import sys
from encounter_desk.ui.shell.app import application, create_main_window
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

app = application()
window = create_main_window(sys.argv[1], language="es", show_howto=True)
window.show()
desk = window.workspace("desk")
ticks = 0
ready_seen = False

def ready():
    # A 0 ms timer fires when the loop has nothing else queued: the loop is idle.
    global ticks
    ticks += 1
    global ready_seen
    if not ready_seen and QApplication.focusWidget() is desk.scan_field:
        ready_seen = True
        print("READY", flush=True)
    loading = getattr(desk, "search_loading", None)  # (older versions load it at once)
    if ready_seen and (loading is None or loading.feed.loaded):
        timer.stop()
        print("INDEXED", flush=True)
        window.close_without_asking()  # an open event asks before quitting
        app.quit()
    elif ticks > 100_000:
        timer.stop()
        print("scan field never focused:", QApplication.focusWidget(), flush=True)
        app.exit(3)

timer = QTimer()
timer.timeout.connect(ready)
timer.start(0)
status = app.exec()
""" + PEAK + """
sys.exit(status)
"""

BARE = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1280, 800); w.show()
QTimer.singleShot(0, lambda: (print("READY", flush=True), app.quit()))
app.exec()
""" + PEAK


def one_run(argv: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Seconds from start to READY and to INDEXED (the desk's search index complete: READY
    for a bare window), and the child's own peak memory in MiB."""
    start = time.perf_counter()
    proc = subprocess.Popen([*argv, BENCH], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env, text=True)
    line = proc.stdout.readline()
    ready = time.perf_counter() - start
    indexed = ready
    if line.strip() == "READY" and "CHILD_MARK" in argv[-2]:
        follow = proc.stdout.readline()
        indexed = time.perf_counter() - start
        line = "READY" if follow.strip() == "INDEXED" else follow
    out, err = proc.communicate()
    peak = [float(w[1]) for w in (x.split() for x in out.splitlines()) if w[:1] == ["PEAK"]]
    if line.strip() != "READY" or proc.returncode != 0 or not peak:
        raise SystemExit(f"the app did not get ready: {line!r} {out[-500:]} {err[-2000:]}")
    return ready, indexed, peak[0]


def measure(label: str, argv: list[str], env: dict[str, str], runs: int) -> dict:
    one_run(argv, env)  # warm the file cache
    times, indexed, peaks = [], [], []
    for _ in range(runs):
        seconds, index_s, mib = one_run(argv, env)
        times.append(seconds)
        indexed.append(index_s)
        peaks.append(mib)
    result = {"duration_s": statistics.median(times), "max_s": max(times),
              "index_ready_s": statistics.median(indexed), "peak_rss_mib": max(peaks),
              "runs": runs}
    print(f"{label:<34} median {result['duration_s']:.3f} s   max {result['max_s']:.3f} s   "
          f"search index complete {result['index_ready_s']:.3f} s   "
          f"peak memory {result['peak_rss_mib']:.0f} MiB   ({runs} runs)")
    return result


def main() -> int:
    cli = parser(__doc__)
    cli.add_argument("--history", type=int, default=50_000, help="scans already in the log")
    cli.add_argument("--runs", type=int, default=7)
    cli.add_argument("--frozen", help="also time the standalone build's --self-test here")
    args = cli.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ENCOUNTER_DESK_HOME=str(Path(tmp) / "home"),
                   ENCOUNTER_DESK_ACTOR="bench")
        # An installed app has its bytecode compiled (pip does it; the standalone build
        # carries it): let the children cache theirs, as a user's install would.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        demo_url, people = demo_event(Path(tmp))
        large_url = large_event(Path(tmp), args.participants, args.history)
        bare = measure("bare Qt window", [sys.executable, "-c", BARE], env, args.runs)
        app = measure("demo event ready for input", [sys.executable, "-c", CHILD, demo_url],
                      env, args.runs)
        large = {}
        if large_url:
            large = measure(f"{args.participants:,} people ready for input",
                            [sys.executable, "-c", CHILD, large_url], env, args.runs)
        frozen = frozen_times(args.frozen, env) if args.frozen else {}
    figures = against_floor(app, bare)
    print(describe("the demo over a bare window (medians)", figures))
    status = verdict(f"demo <= {TARGET_DEMO_S:.1f} s and <= {TARGET_MIB} MiB",
                     app["duration_s"] <= TARGET_DEMO_S and app["peak_rss_mib"] <= TARGET_MIB)
    if large:
        large = {"n_participants": args.participants, "history": args.history,
                 **against_floor(large, bare)}
        print(describe(f"{args.participants:,} people over a bare window (medians)", large))
        status = max(status, verdict(
            f"{args.participants:,} people <= {TARGET_LARGE_S:.1f} s and <= {TARGET_MIB} MiB",
            large["duration_s"] <= TARGET_LARGE_S and large["peak_rss_mib"] <= TARGET_MIB))
    emit(args, "startup", people, {**figures, **({"large": large} if large else {}),
                                   **({"frozen_s": frozen} if frozen else {})})
    return status


def demo_event(folder: Path) -> tuple[str, int]:
    """The demo event's file in ``folder``: its URL and how many people it has."""
    from sqlalchemy import func, select

    from encounter_desk.demo import build as demo
    from encounter_desk.storage.database import open_database, sqlite_url
    from encounter_desk.storage.models import Participant

    url = sqlite_url(folder / "demo.sqlite")
    db = open_database(url)
    demo.build_demo(db)
    with db.read() as session:
        people = session.scalar(select(func.count(Participant.id)))
    db.close()
    return url, people


def large_event(folder: Path, participants: int, history: int) -> str | None:
    """An event of ``participants`` people and ``history`` scans in ``folder`` (its URL), or
    None for no such event."""
    if participants <= 0:
        return None
    from _event import add_scan_history, badge_maker, build_event

    from encounter_desk.storage.database import sqlite_url

    path = folder / "large.sqlite"
    db = build_event(path, participants)
    add_scan_history(db, participants, history, badge_maker(db))
    db.close()
    return sqlite_url(path)


def frozen_times(frozen: str, env: dict[str, str]) -> dict[str, float]:
    """The standalone build's --version and --self-test, median of 3 runs each."""
    out = {}
    for flag in ("--version", "--self-test"):
        times = []
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run([frozen, flag], env=env, check=True, capture_output=True)
            times.append(time.perf_counter() - start)
        out[flag.lstrip("-").replace("-", "_")] = statistics.median(times)
        print(f"standalone {flag:<23} median {statistics.median(times):.3f} s")
    return out


if __name__ == "__main__":
    sys.exit(main())
