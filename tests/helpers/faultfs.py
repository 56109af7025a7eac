"""Real storage faults for tests: run a command in a private mount namespace where a folder
is a tiny tmpfs (disk full) or a read-only bind mount, or under a file-size limit.

``unshare -m`` needs root (or user namespaces); where it is missing the tests that need it
are skipped with that reason. A plain user gets read-only files and folders from chmod.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "encounter_desk.cli.main", *args]


def _env() -> dict[str, str]:
    env = dict(os.environ, ENCOUNTER_DESK_LANG="en", LANG="C.UTF-8")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def namespaces_work() -> bool:
    if shutil.which("unshare") is None:
        return False
    done = subprocess.run(["unshare", "-m", "--propagation", "private", "true"],
                          capture_output=True)
    return done.returncode == 0


needs_namespace = pytest.mark.skipif(
    not namespaces_work(), reason="unshare -m (a private mount namespace) is not available here"
)


def run_with_mounts(mounts: Sequence[str], argv: Sequence[str]) -> subprocess.CompletedProcess:
    """``argv`` run after the shell commands ``mounts`` in a private mount namespace."""
    script = " && ".join([*mounts, "exec " + " ".join(shlex.quote(a) for a in argv)])
    return subprocess.run(["unshare", "-m", "--propagation", "private", "sh", "-c", script],
                          capture_output=True, text=True, env=_env(), timeout=120)


def tiny_disk(folder: Path, size: str = "64k") -> str:
    return f"mount -t tmpfs -o size={size} tmpfs {shlex.quote(str(folder))}"


def read_only(path: Path) -> list[str]:
    quoted = shlex.quote(str(path))
    return [f"mount --bind {quoted} {quoted}", f"mount -o remount,ro,bind {quoted}"]


def run_with_size_limit(limit: int, argv: Sequence[str]) -> subprocess.CompletedProcess:
    """``argv`` with RLIMIT_FSIZE at ``limit`` bytes (what ``ulimit -f`` sets)."""
    import resource

    def limit_size() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(list(argv), capture_output=True, text=True, env=_env(),
                          preexec_fn=limit_size, timeout=120)


def run(argv: Sequence[str]) -> subprocess.CompletedProcess:
    return subprocess.run(list(argv), capture_output=True, text=True, env=_env(), timeout=120)
