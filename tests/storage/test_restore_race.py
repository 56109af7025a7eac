"""restore against a desk that keeps scanning: refused (naming the desk), 0 confirmed scans
lost; and copy-event refuses in the same way. Several processes: marked slow."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers.desk_driver import make_event

from encounter_desk.cli import main as cli
from encounter_desk.storage import backups, in_use
from encounter_desk.storage.database import open_database, sqlite_url
from encounter_desk.storage.errors import DatabaseLockedError

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]

DESK = r"""
import sys
from pathlib import Path
from encounter_desk.desk import checkin
from encounter_desk.storage.database import open_database, sqlite_url
db = open_database(sqlite_url(Path(sys.argv[1])))
codes = Path(sys.argv[2]).read_text().split()
print("open", flush=True)
stop = Path(sys.argv[3])
i = 0
while not stop.exists():
    checkin.check_in(db, codes[i % len(codes)], desk="Desk 1", scan_uid=f"race-{i}")
    print("confirmed", i, flush=True)  # the desk shows the verdict only after the commit
    i += 1
db.close()
"""


def scans(path: Path) -> set[str]:
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return {r[0] for r in con.execute("SELECT scan_uid FROM scan WHERE scan_uid LIKE 'race-%'")}
    finally:
        con.close()


@pytest.fixture
def desk(sqlite_db, db_path, tmp_path):
    codes = make_event(sqlite_db, 40)
    backup = backups.back_up(sqlite_db, tmp_path / "before.sqlite")
    sqlite_db.close()
    (tmp_path / "codes.txt").write_text("\n".join(codes))
    stop = tmp_path / "stop"
    env = dict(os.environ, PYTHONPATH=str(ROOT), ENCOUNTER_DESK_LANG="en",
               ENCOUNTER_DESK_ACTOR="desk1@venue")
    proc = subprocess.Popen(
        [sys.executable, "-c", DESK, str(db_path), str(tmp_path / "codes.txt"), str(stop)],
        stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout.readline().strip() == "open"
    yield db_path, backup, proc, stop
    stop.touch()
    if not proc.stdout.closed:
        proc.communicate(timeout=60)
    proc.wait(timeout=60)


def confirmed_until_stopped(proc, stop) -> set[str]:
    stop.touch()
    out, _ = proc.communicate(timeout=60)
    return {f"race-{line.split()[1]}" for line in out.splitlines() if line.startswith("confirmed")}


def test_restore_while_a_desk_scans_is_refused_and_loses_nothing(desk, capsys):
    db_path, backup, proc, stop = desk
    attempts = 0
    while len(scans(db_path)) < 30:  # the desk is busy scanning
        time.sleep(0.05)
    for _ in range(5):  # try several times, in the middle of the scans
        attempts += 1
        assert cli.main(["--db", str(db_path), "restore", str(backup)]) == 1
        err = capsys.readouterr().err
        assert "nothing was restored" in err and "desk1@venue" in err, err
        assert f"process {proc.pid}" in err
    confirmed = confirmed_until_stopped(proc, stop)
    found = scans(db_path)
    assert confirmed and confirmed <= found  # every confirmed scan is in the file
    assert not list(db_path.parent.glob("*.before-restore-*"))  # nothing was set aside
    print(f"restore race: {attempts} restores refused, {len(confirmed)} scans confirmed, "
          f"{len(confirmed & found)} found, 0 lost")
    # Once the desk has closed the event, the restore goes through.
    assert backups.restore(backup, db_path).exists()


def test_a_killed_desk_does_not_block_restore(desk):
    db_path, backup, proc, _stop = desk
    proc.kill()
    proc.wait(timeout=30)
    assert in_use.others(db_path) == []  # the OS dropped its lock; the stale lease is swept
    assert backups.restore(backup, db_path).exists()


def test_copy_event_refuses_while_a_desk_scans(desk, tmp_path):
    db_path, _backup, proc, _stop = desk
    source = open_database(sqlite_url(db_path))
    target = open_database(sqlite_url(tmp_path / "copy.sqlite"))
    from encounter_desk.storage.copy import copy_event

    try:
        with pytest.raises(DatabaseLockedError) as caught:
            copy_event(source, target)
    finally:
        source.close()
        target.close()
    assert caught.value.code == "storage.in_use"
    assert f"process {proc.pid}" in str(caught.value)


def test_nobody_opens_the_event_while_it_is_being_restored(sqlite_db, db_path):
    sqlite_db.close()
    with in_use.exclusive(db_path, action="restore"):
        with pytest.raises(DatabaseLockedError) as caught:
            open_database(sqlite_url(db_path))
        assert caught.value.code == "storage.being_restored"
    open_database(sqlite_url(db_path)).close()


def test_copy_event_from_a_server_refuses_while_a_desk_is_connected(pg_url, tmp_path):
    import psycopg
    from sqlalchemy.engine import make_url

    from encounter_desk.storage.copy import copy_event

    source = open_database(pg_url)
    make_event(source, 3)
    plain = make_url(pg_url).set(drivername="postgresql").render_as_string(hide_password=False)
    target = open_database(sqlite_url(tmp_path / "copy.sqlite"))
    try:
        with psycopg.connect(plain, application_name="Encounter Desk desk2@venue 4242"):
            with pytest.raises(DatabaseLockedError) as caught:
                copy_event(source, target)
            assert "desk2@venue" in str(caught.value)
        report = copy_event(source, target)  # the desk has gone: the copy goes through
        assert report.rows["participant"] == 3
    finally:
        source.close()
        target.close()


def test_a_write_blocked_by_another_programs_lock_says_locked(sqlite_db, db_path, tmp_path):
    from helpers.faultfs import cli, run

    make_event(sqlite_db, 3)
    sqlite_db.close()
    holder = sqlite3.connect(db_path, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")  # another program keeps the file locked
        roster = tmp_path / "r.csv"
        roster.write_text("Given names,Surnames,Country\nAna,Peña,Mexico\n", encoding="utf-8")
        done = run(cli("--db", str(db_path), "import-roster", str(roster)))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert done.returncode == 1
    assert "locked by another program" in done.stderr and "Traceback" not in done.stderr
