"""SIGKILL during a writer never truncates the earlier file at its target: export-roster
(CSV and XLSX), minutes-like PDFs through the same path, and backup."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from helpers.faultfs import cli, run

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def big_event(tmp_path):
    import datetime as dt

    from encounter_desk.event import event as events
    from encounter_desk.storage.database import open_database, sqlite_url

    path = tmp_path / "big.sqlite"
    db = open_database(sqlite_url(path))
    events.create_event(db, events.EventDetails(
        code="KILL", name_es="E", name_en="E",
        start_date=dt.date(2017, 9, 4), end_date=dt.date(2017, 9, 6)))
    db.close()
    roster = tmp_path / "roster.csv"
    roster.write_text("Given names,Surnames,Country\n" + "\n".join(
        f"Ana{i},Núñez{i},Mexico" for i in range(20000)), encoding="utf-8")
    assert run(cli("--db", str(path), "import-roster", str(roster))).returncode == 0
    return path


def _kill_while_writing(argv: list[str], folder: Path, target: Path) -> None:
    """Kill the writer the moment it has started writing: a temporary file appears, or the
    target itself changes (what a writer without a temporary file would do)."""
    stamp = (target.stat().st_mtime_ns, target.stat().st_size)
    env = dict(os.environ, PYTHONPATH=str(ROOT), ENCOUNTER_DESK_LANG="en")
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    # Kill as soon as the temporary file appears (the writer is in the middle of its work).
    while time.monotonic() < deadline and proc.poll() is None:
        if any(p.name.endswith(".tmp") or p.name.endswith(".partial") for p in folder.iterdir()):
            break
        if (target.stat().st_mtime_ns, target.stat().st_size) != stamp:
            break
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_kill_during_export_roster_keeps_the_earlier_export(big_event, tmp_path, suffix):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / f"roster{suffix}"
    assert run(cli("--db", str(big_event), "export-roster", str(out))).returncode == 0
    before = _content(out)
    for _ in range(3):
        _kill_while_writing(cli("--db", str(big_event), "export-roster", str(out)), out_dir, out)
        # The earlier export, or (if the kill came after the rename) a whole new one: an
        # XLSX written again differs in its zip timestamps, so its rows are compared.
        assert _content(out) == before


def _content(path: Path) -> list:
    if path.suffix == ".csv":
        return path.read_bytes().splitlines()
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True)  # a truncated zip fails here
    try:
        return [tuple(row) for row in workbook.active.iter_rows(values_only=True)]
    finally:
        workbook.close()


def test_kill_during_backup_keeps_the_earlier_backup(big_event, tmp_path):
    out_dir = tmp_path / "stick"
    out_dir.mkdir()
    out = out_dir / "backup.sqlite"
    assert run(cli("--db", str(big_event), "backup", str(out))).returncode == 0
    before = out.read_bytes()
    _kill_while_writing(cli("--db", str(big_event), "backup", str(out)), out_dir, out)
    assert out.read_bytes() == before
