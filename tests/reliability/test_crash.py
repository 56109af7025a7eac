"""Crash safety: the desk's process is SIGKILLed at random moments, 20 times each.

* a burst of check-ins (``desk_driver.py burst``): after every kill, each scan whose verdict
  the driver printed (after its commit returned) is in the file with that verdict, and
  ``PRAGMA integrity_check`` says ``ok``;
* a running speech (``desk_driver.py speech``), driven with a fake wall clock (each
  operation's time is an argument): after every kill, the speech on the floor is the one
  the printed operations say (or the next operation's, killed between commit and print),
  with the elapsed time computed from the stored moments, and the script resumes there.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import sqlite3
import subprocess
import sys

import pytest
from helpers import REPO
from helpers.desk_driver import STEP, expected, make_event, op_at

from encounter_desk.chair import commands as speakers
from encounter_desk.chair.queries import current_speech
from encounter_desk.storage import backups
from encounter_desk.storage.database import open_database, sqlite_url

pytestmark = pytest.mark.slow  # processes killed 20 times over

KILLS = 20


def _start(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "helpers.desk_driver", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1,
        env={**os.environ, "PYTHONPATH": str(REPO / "tests")},
    )


def _kill_after(proc: subprocess.Popen, lines: int) -> list[str]:
    """Read ``lines`` lines, then SIGKILL at once; every line printed before the kill."""
    seen = []
    while len(seen) < lines:
        line = proc.stdout.readline()
        if not line:
            break
        seen.append(line.strip())
    proc.send_signal(signal.SIGKILL)
    rest, err = proc.communicate(timeout=30)
    seen.extend(x.strip() for x in rest.splitlines() if x.strip())
    assert proc.returncode == -signal.SIGKILL, err
    return seen


def test_burst_of_scans_killed_20_times_loses_no_printed_verdict(db_path):
    db = open_database(sqlite_url(db_path))
    make_event(db, 2000)
    db.close()
    rng = random.Random(2026)
    printed: dict[str, tuple[str, int]] = {}
    first = 0
    for _ in range(KILLS):
        proc = _start("burst", sqlite_url(db_path), str(first), "100000")
        lines = _kill_after(proc, 1 + rng.randint(0, 40))  # "ready", then 0..40 verdicts
        for line in lines[1:]:
            uid, verdict, pid = line.split()
            printed[uid] = (verdict, int(pid))
        assert backups.integrity(db_path) == "ok"
        con = sqlite3.connect(str(db_path))
        stored = {uid: (verdict, pid) for uid, verdict, pid in
                  con.execute("SELECT scan_uid, verdict, participant_id FROM scan")}
        checked = con.execute(
            "SELECT count(*), count(DISTINCT participant_id) FROM check_in").fetchone()
        con.close()
        for uid, seen in printed.items():
            assert stored.get(uid) == seen, uid
        assert checked[0] == checked[1]  # never two check-ins for one person
        # The next run goes on after the last scan the file holds (printed or not).
        first = max(int(uid.split("-")[1]) for uid in stored) + 1 if stored else first
    assert len(printed) >= KILLS  # the kills did land in the middle of bursts


@pytest.fixture
def speech_event(db_path):
    db = open_database(sqlite_url(db_path))
    make_event(db, 60)
    from encounter_desk.event import sittings

    sitting = sittings.create_sitting(db)
    ids = []
    for pid in range(1, 61):
        entry = speakers.add_speaker(db, sitting.id, None, pid, at=op_at(0) - dt.timedelta(hours=1))
        ids.append(entry.participant_id)
    db.close()
    return sitting.id, ids


def _matches(current, op_count: int, now: dt.datetime, order: list[int]) -> bool:  # noqa: ANN001
    want = expected(op_count, now)
    if want is None:
        return current is None
    if current is None:
        return False
    speaker, state, elapsed = want
    return (current.entry.participant_id == order[speaker]
            and current.entry.state == state
            and abs(current.elapsed - elapsed) < 1e-6)


def test_running_speech_killed_20_times_resumes_with_the_right_time(db_path, speech_event):
    sitting_id, order = speech_event
    rng = random.Random(7)
    url = sqlite_url(db_path)
    ops_done = 0
    for _ in range(KILLS):
        proc = _start("speech", url, str(sitting_id), str(ops_done))
        lines = _kill_after(proc, rng.randint(0, 6))
        printed = [int(line.split()[1]) for line in lines]
        assert printed == list(range(ops_done, ops_done + len(printed)))
        confirmed = ops_done + len(printed)
        assert backups.integrity(db_path) == "ok"
        db = open_database(url)
        now = op_at(confirmed) + dt.timedelta(seconds=STEP / 2)  # the restarted app's clock
        current = current_speech(db, sitting_id, now=now)
        db.close()
        # The file holds every printed operation, and maybe one more that committed just
        # before the kill; never fewer.
        if _matches(current, confirmed, now, order):
            ops_done = confirmed
        else:
            later = op_at(confirmed + 1) + dt.timedelta(seconds=STEP / 2)
            db = open_database(url)
            current = current_speech(db, sitting_id, now=later)
            db.close()
            assert _matches(current, confirmed + 1, later, order), (confirmed, current)
            ops_done = confirmed + 1
    assert ops_done >= KILLS
