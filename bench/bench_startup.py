"""Startup: from process start to the demo event ready for input, offscreen.

    python bench/bench_startup.py [--runs N] [--frozen dist/encounter-desk/encounter-desk]

Each run is a fresh process that opens the demo event the way ``encounter-desk`` does
(QApplication, translations, the main window, the event file) and reports when the window
is shown, the desk's scan field has the keyboard and the event loop is idle. The parent
times it from just before starting the process to that report, and reads the child's
peak memory (ru_maxrss) when it exits. Target: ≤ 1.0 s and ≤ 200 MiB.
A bare Qt window is measured the same way for comparison.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_SECONDS = 1.0
TARGET_MIB = 200

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
sys.exit(app.exec())
"""

BARE = r"""
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1280, 800); w.show()
QTimer.singleShot(0, lambda: (print("READY", flush=True), app.quit()))
app.exec()
"""


def one_run(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    line = proc.stdout.readline()
    ready = time.perf_counter() - start
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read()
    proc.stdout.close()
    proc.stderr.close()
    if line.strip() != "READY" or proc.returncode != 0:
        raise SystemExit(f"the app did not get ready: {line!r} {err[-2000:]}")
    return ready, usage.ru_maxrss / 1024  # KiB on Linux → MiB


def measure(label: str, argv: list[str], env: dict[str, str], runs: int) -> dict:
    one_run(argv, env)  # warm the file cache
    times, peaks = [], []
    for _ in range(runs):
        seconds, mib = one_run(argv, env)
        times.append(seconds)
        peaks.append(mib)
    result = {"label": label, "median_s": statistics.median(times), "max_s": max(times),
              "peak_mib": max(peaks)}
    print(f"{label:<34} median {result['median_s']:.3f} s   max {result['max_s']:.3f} s   "
          f"peak memory {result['peak_mib']:.0f} MiB   ({runs} runs)")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--frozen", help="also time the standalone build's --self-test here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ENCOUNTER_DESK_HOME=str(Path(tmp) / "home"),
                   ENCOUNTER_DESK_ACTOR="bench")
        # An installed app has its bytecode compiled (pip does it; the standalone build
        # carries it): let the children cache theirs, as a user's install would.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        from encounter_desk.demo import build as demo
        from encounter_desk.storage.database import open_database, sqlite_url

        url = sqlite_url(Path(tmp) / "demo.sqlite")
        db = open_database(url)
        demo.build_demo(db)
        db.close()
        bare = measure("bare Qt window", [sys.executable, "-c", BARE], env, args.runs)
        app = measure("demo event ready for input", [sys.executable, "-c", CHILD, url], env,
                      args.runs)
        if args.frozen:
            for flag in ("--version", "--self-test"):
                times = []
                for _ in range(3):
                    start = time.perf_counter()
                    subprocess.run([args.frozen, flag], env=env, check=True, capture_output=True)
                    times.append(time.perf_counter() - start)
                print(f"standalone {flag:<23} median {statistics.median(times):.3f} s")
    ok = app["max_s"] <= TARGET_SECONDS and app["peak_mib"] <= TARGET_MIB
    print(f"target ≤ {TARGET_SECONDS:.1f} s and ≤ {TARGET_MIB} MiB: {'met' if ok else 'NOT met'}"
          f" (the app costs {app['median_s'] - bare['median_s']:.3f} s over a bare window)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
