"""Several desks on one record: two processes scanning the same badge at the same moment.

Each round, two desk processes meet at a barrier and then scan the same badge: exactly one
is admitted, the other told "already checked in" — on one shared SQLite file (BEGIN
IMMEDIATE serialises the writers) and on PostgreSQL (the UNIQUE constraint on
``check_in.participant_id`` fails the slower insert, which is judged again). The same for
two door desks of a sitting (``attendance``: UNIQUE(sitting, participant)).
"""

from __future__ import annotations

import multiprocessing

import pytest
from helpers.desk_driver import make_event, race_desk, race_door
from sqlalchemy import func, select

from encounter_desk.event import sittings
from encounter_desk.storage.database import open_database, sqlite_url
from encounter_desk.storage.models import Attendance, CheckIn, Scan

pytestmark = pytest.mark.slow  # processes racing at a barrier

ROUNDS = 25


@pytest.fixture(params=["sqlite", "postgresql"])
def shared_url(request, tmp_path):
    if request.param == "sqlite":
        return sqlite_url(tmp_path / "shared.sqlite")
    return request.getfixturevalue("pg_url")


def _race(target, args_for) -> dict[str, list[str]]:  # noqa: ANN001
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    out = ctx.Queue()
    procs = [ctx.Process(target=target, args=(*args_for(desk), barrier, out))
             for desk in ("Desk A", "Desk B")]
    for p in procs:
        p.start()
    results = dict(out.get(timeout=120) for _ in procs)
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    return results


def test_two_desks_same_badge_same_moment_one_admission(shared_url):
    db = open_database(shared_url)
    codes = make_event(db, ROUNDS)
    results = _race(race_desk, lambda desk: (shared_url, desk, codes))
    a, b = results["Desk A"], results["Desk B"]
    for round_, pair in enumerate(zip(a, b, strict=True)):
        assert sorted(pair) == ["admitted", "already_checked_in"], (round_, pair)
    with db.read() as s:
        assert s.scalar(select(func.count(CheckIn.id))) == ROUNDS
        assert s.scalar(select(func.count(func.distinct(CheckIn.participant_id)))) == ROUNDS
        # Every scan of both desks is in the log (2 per round, plus the 2 warm-ups).
        assert s.scalar(select(func.count(Scan.id))) == 2 * ROUNDS + 2
    db.close()


def test_two_door_desks_same_badge_same_moment_one_arrival(shared_url):
    db = open_database(shared_url)
    codes = make_event(db, ROUNDS)
    sitting = sittings.create_sitting(db)
    results = _race(race_door, lambda desk: (shared_url, desk, sitting.id, codes))
    for round_, pair in enumerate(zip(results["Desk A"], results["Desk B"], strict=True)):
        assert sorted(pair) == ["already_present", "present"], (round_, pair)
    with db.read() as s:
        assert s.scalar(select(func.count(Attendance.id))) == ROUNDS
    db.close()
