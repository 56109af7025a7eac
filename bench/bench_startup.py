"""Startup: from process start to the demo event ready for input, offscreen.

    python bench/bench_startup.py [--runs N] [--frozen dist/encounter-desk/encounter-desk] [--json]

Each run is a fresh process that opens the demo event the way ``encounter-desk`` does
(QApplication, translations, the main window, the event file) and reports when the window
is shown, the desk's scan field has the keyboard and the event loop is idle. The parent
times it from just before starting the process to that report. When its event loop has
ended, the child reports its own peak resident memory (VmHWM, see
:func:`_common.peak_rss_mib`: the ``ru_maxrss`` the parent gets for a child includes the
parent's own high-water mark, inherited at exec). Target: <= 1.0 s and <= 200 MiB.
The floor, measured the same way in the same run: a bare Qt main window of the same size.
With ``--json`` the durations are medians over the runs (``max_s`` the slowest run).
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

TARGET_SECONDS = 1.0
TARGET_MIB = 200
BENCH = str(Path(__file__).resolve().parent)

# Printed by the child once its event loop has ended (so it costs nothing before READY).
PEAK = r"""
sys.path.insert(0, sys.argv[-1])
from _common import peak_rss_mib
print("PEAK", peak_rss_mib(), flush=True)
"""

CHILD = r"""
import sys
from encounter_desk.ui.shell.app import application, create_main_window
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

app = application()
window = create_main_window(sys.argv[1], language="es", show_howto=True)
window.show()
desk = window.workspace("desk")
ticks = 0

def ready():
    # A 0 ms timer fires when the loop has nothing else queued: the loop is idle.
    global ticks
    ticks += 1
    if QApplication.focusWidget() is desk.scan_field:
        timer.stop()
        print("READY", flush=True)
        app.quit()
    elif ticks > 1000:
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


def one_run(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from start to READY, and the child's own peak memory in MiB."""
    start = time.perf_counter()
    proc = subprocess.Popen([*argv, BENCH], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env, text=True)
    line = proc.stdout.readline()
    ready = time.perf_counter() - start
    out, err = proc.communicate()
    peak = [float(w[1]) for w in (x.split() for x in out.splitlines()) if w[:1] == ["PEAK"]]
    if line.strip() != "READY" or proc.returncode != 0 or not peak:
        raise SystemExit(f"the app did not get ready: {line!r} {out[-500:]} {err[-2000:]}")
    return ready, peak[0]


def measure(label: str, argv: list[str], env: dict[str, str], runs: int) -> dict:
    one_run(argv, env)  # warm the file cache
    times, peaks = [], []
    for _ in range(runs):
        seconds, mib = one_run(argv, env)
        times.append(seconds)
        peaks.append(mib)
    result = {"duration_s": statistics.median(times), "max_s": max(times),
              "peak_rss_mib": max(peaks), "runs": runs}
    print(f"{label:<34} median {result['duration_s']:.3f} s   max {result['max_s']:.3f} s   "
          f"peak memory {result['peak_rss_mib']:.0f} MiB   ({runs} runs)")
    return result


def main() -> int:
    cli = parser(__doc__, participants=None)
    cli.add_argument("--runs", type=int, default=7)
    cli.add_argument("--frozen", help="also time the standalone build's --self-test here")
    args = cli.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ENCOUNTER_DESK_HOME=str(Path(tmp) / "home"),
                   ENCOUNTER_DESK_ACTOR="bench")
        # An installed app has its bytecode compiled (pip does it; the standalone build
        # carries it): let the children cache theirs, as a user's install would.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        from sqlalchemy import func, select

        from encounter_desk.demo import build as demo
        from encounter_desk.storage.database import open_database, sqlite_url
        from encounter_desk.storage.models import Participant

        url = sqlite_url(Path(tmp) / "demo.sqlite")
        db = open_database(url)
        demo.build_demo(db)
        with db.read() as session:
            people = session.scalar(select(func.count(Participant.id)))
        db.close()
        bare = measure("bare Qt window", [sys.executable, "-c", BARE], env, args.runs)
        app = measure("demo event ready for input", [sys.executable, "-c", CHILD, url], env,
                      args.runs)
        frozen = {}
        if args.frozen:
            for flag in ("--version", "--self-test"):
                times = []
                for _ in range(3):
                    start = time.perf_counter()
                    subprocess.run([args.frozen, flag], env=env, check=True, capture_output=True)
                    times.append(time.perf_counter() - start)
                frozen[flag.lstrip("-").replace("-", "_")] = statistics.median(times)
                print(f"standalone {flag:<23} median {statistics.median(times):.3f} s")
    figures = against_floor(app, bare)
    print(describe("the app over a bare window (medians)", figures))
    ok = app["max_s"] <= TARGET_SECONDS and app["peak_rss_mib"] <= TARGET_MIB
    status = verdict(f"<= {TARGET_SECONDS:.1f} s and <= {TARGET_MIB} MiB", ok)
    emit(args, "startup", people, {**figures, **({"frozen_s": frozen} if frozen else {})})
    return status


if __name__ == "__main__":
    sys.exit(main())
