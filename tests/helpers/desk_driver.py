"""Drivers for the reliability tests: separate processes using the real services.

Importable (helpers and ``multiprocessing`` targets) and runnable as a script:

    PYTHONPATH=tests python -m helpers.desk_driver burst URL FIRST COUNT       # check in badges FIRST..
    PYTHONPATH=tests python -m helpers.desk_driver speech URL SITTING FROM_OP  # the speech script

Each line is printed (and flushed) only after the service call returned, i.e. after the
transaction committed: a line on stdout is a verdict the desk has shown.
"""

from __future__ import annotations

import datetime as dt
import sys
import time

from sqlalchemy import select

from helpers.events import EVENT_START, make_event  # noqa: F401 - re-exported for the drivers' users

T0 = EVENT_START
STEP = 5  # seconds of fake wall clock between two operations of the speech script


# --- two desks racing (multiprocessing targets) -------------------------------------------

def race_desk(url: str, desk: str, codes: list[str], barrier, out) -> None:  # noqa: ANN001
    """Check in every code, meeting the other desk at the barrier before each one."""
    from encounter_desk.desk import checkin
    from encounter_desk.storage.database import open_database

    db = open_database(url, actor=desk)
    try:
        verdicts = []
        checkin.check_in(db, "warm-up", desk=desk)  # connect before the race starts
        for code in codes:
            barrier.wait(timeout=60)
            verdicts.append(checkin.check_in(db, code, desk=desk).kind.value)
        out.put((desk, verdicts))
    finally:
        db.close()


def race_door(url: str, desk: str, sitting_id: int, codes: list[str], barrier, out) -> None:  # noqa: ANN001
    from encounter_desk.records import attendance
    from encounter_desk.storage.database import open_database

    db = open_database(url, actor=desk)
    try:
        verdicts = []
        attendance.record_door_scan(db, sitting_id, "warm-up", desk=desk)
        for code in codes:
            barrier.wait(timeout=60)
            verdicts.append(attendance.record_door_scan(db, sitting_id, code, desk=desk).kind.value)
        out.put((desk, verdicts))
    finally:
        db.close()


def bench_desk(url: str, desk: str, codes: list[str], barrier, out) -> None:  # noqa: ANN001
    """The benchmark's desk: every code once, timing each verdict."""
    from encounter_desk.desk import checkin
    from encounter_desk.storage.database import open_database

    db = open_database(url, actor=desk)
    try:
        checkin.check_in(db, "warm-up", desk=desk)
        barrier.wait(timeout=120)
        times, verdicts = [], []
        for n, code in enumerate(codes):
            t = time.perf_counter()
            verdict = checkin.check_in(db, code, desk=desk, scan_uid=f"{desk}-{n}")
            times.append(time.perf_counter() - t)
            verdicts.append((verdict.scan_uid, verdict.kind.value))
        out.put((desk, times, verdicts))
    finally:
        db.close()


# --- the speech script -----------------------------------------------------------------------

def op_at(op: int) -> dt.datetime:
    return T0 + dt.timedelta(seconds=STEP * op)


def expected(op_count: int, now: dt.datetime) -> tuple[int, str, float] | None:
    """After ``op_count`` operations: (speaker index, state, elapsed at ``now``) or None.

    The script gives each speaker four operations: start, pause (after 5 s), resume
    (after 5 s of pause), end (after 5 s more).
    """
    if op_count == 0:
        return None
    speaker, phase = divmod(op_count - 1, 4)
    start = op_at(4 * speaker)
    if phase == 0:
        return speaker, "speaking", (now - start).total_seconds()
    if phase == 1:
        return speaker, "paused", float(STEP)
    if phase == 2:
        return speaker, "speaking", STEP + (now - op_at(4 * speaker + 2)).total_seconds()
    return None


def run_speech(url: str, sitting_id: int, first_op: int) -> None:
    from encounter_desk.chair import commands as speakers
    from encounter_desk.storage.database import open_database

    db = open_database(url, actor="chair")
    op = first_op
    while True:
        at = op_at(op)
        phase = op % 4
        if phase == 0:
            current = speakers.start_next(db, sitting_id, None, at=at)
        elif phase == 1:
            current = speakers.pause_current(db, sitting_id, at=at)
        elif phase == 2:
            current = speakers.resume_current(db, sitting_id, at=at)
        else:
            current = speakers.end_current(db, sitting_id, at=at)
        state = current.entry.state if current is not None else "-"
        print(f"op {op} {state}", flush=True)
        op += 1


def run_burst(url: str, first: int, count: int) -> None:
    from encounter_desk.desk import checkin
    from encounter_desk.storage.database import open_database
    from encounter_desk.storage.models import Event

    db = open_database(url, actor="desk")
    from encounter_desk.event import badge_code

    with db.read() as session:
        event = session.scalar(select(Event))
    print("ready", flush=True)
    for n in range(first, first + count):
        # Every third scan repeats an earlier badge: some verdicts say "already checked in".
        pid = n + 1 if n % 3 else max(1, n // 2)
        code = badge_code.make_code(secret_hex=event.secret, event_code=event.code,
                                    participant_id=pid, serial=1)
        verdict = checkin.check_in(db, code, desk="crash", scan_uid=f"burst-{n}")
        print(f"{verdict.scan_uid} {verdict.kind.value} {pid}", flush=True)


if __name__ == "__main__":
    kind, url, *rest = sys.argv[1:]
    if kind == "burst":
        run_burst(url, int(rest[0]), int(rest[1]))
    elif kind == "speech":
        run_speech(url, int(rest[0]), int(rest[1]))
    else:
        raise SystemExit(f"unknown driver {kind}")
