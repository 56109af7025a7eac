"""SIGKILL a command the moment it starts writing its output, for the kill-during-writes
tests: a temporary file appears beside the target, or the target itself changes (what a
writer without a temporary file would do)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _started(folder: Path, target: Path, stamp: tuple[int, int] | None,
             earlier: set[str]) -> bool:
    # A new temporary file (one left by an earlier kill does not count).
    if any(p.name.endswith((".tmp", ".partial")) and p.name not in earlier
           for p in folder.iterdir()):
        return True
    now = (target.stat().st_mtime_ns, target.stat().st_size) if target.exists() else None
    return now != stamp


def kill_while_writing(argv: Sequence[str], folder: Path, target: Path,
                       after: float = 0.0) -> bool:
    """Run ``argv`` and SIGKILL it ``after`` seconds past the moment it starts writing into
    ``folder``; returns whether it was still running when killed (else it had finished)."""
    stamp = (target.stat().st_mtime_ns, target.stat().st_size) if target.exists() else None
    earlier = {p.name for p in folder.iterdir()}
    env = dict(os.environ, ENCOUNTER_DESK_LANG="en")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.Popen(list(argv), env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if _started(folder, target, stamp, earlier):
            break
        time.sleep(0.002)
    if after:
        time.sleep(after)
    running = proc.poll() is None
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    return running


def slow_disk_cli(folder: Path, *args: str) -> list[str]:
    """The CLI with ``args``, its writes into ``folder`` slowed (see ``slow_disk_cli.py``),
    so that a kill lands while a file is half written."""
    return [sys.executable, str(Path(__file__).with_name("slow_disk_cli.py")), str(folder), *args]
