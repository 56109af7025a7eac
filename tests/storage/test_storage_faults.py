"""The fault suite: a full disk, read-only file and folder, a file-size limit, a locked or
missing file. Each run asserts the sentence the user reads and that nothing saved changed."""

from __future__ import annotations

import datetime as dt
import errno
import os
import sqlite3
from pathlib import Path

import pytest
from helpers.faultfs import (
    cli,
    needs_namespace,
    read_only,
    run,
    run_with_mounts,
    run_with_size_limit,
    tiny_disk,
)

from encounter_desk.core.files import FileFault, atomic_output, file_fault
from encounter_desk.event import event as events
from encounter_desk.event.event import EventDetails
from encounter_desk.roster import export as roster_export
from encounter_desk.storage.database import open_database, sqlite_url

DETAILS = EventDetails(code="FAULTS", name_es="Encuentro", name_en="Encounter",
                       start_date=dt.date(2017, 9, 4), end_date=dt.date(2017, 9, 6))


@pytest.fixture
def event_file(tmp_path, sample_roster) -> Path:
    path = tmp_path / "event" / "x.sqlite"
    path.parent.mkdir()
    db = open_database(sqlite_url(path))
    events.create_event(db, DETAILS)
    db.close()
    done = run(cli("--db", str(path), "import-roster", str(sample_roster)))
    assert done.returncode == 0, done.stderr
    return path


def participants(path: Path) -> int:
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return con.execute("SELECT COUNT(*) FROM participant").fetchone()[0]
    finally:
        con.close()


def big_roster(rows: int) -> str:
    lines = ["Given names,Surnames,Country,Role"]
    lines += [f"Ana{i},Pérez{i},Mexico,Delegate" for i in range(rows)]
    return "\n".join(lines)


def earlier_export(event_file: Path, out: Path) -> bytes:
    out.parent.mkdir(parents=True, exist_ok=True)
    done = run(cli("--db", str(event_file), "export-roster", str(out)))
    assert done.returncode == 0, done.stderr
    return out.read_bytes()


# --- atomic outputs, in process -----------------------------------------------------------


def test_a_failure_mid_write_leaves_the_earlier_file_and_no_temporary(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("earlier, whole\n")
    with pytest.raises(FileFault) as caught, atomic_output(target) as tmp:
        tmp.write_text("half a row")
        raise OSError(errno.ENOSPC, "No space left on device")
    assert caught.value.code == "file.disk_full"
    assert "is full" in str(caught.value) and "Errno" not in str(caught.value)
    assert target.read_text() == "earlier, whole\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_an_injected_enospc_at_fsync_keeps_the_earlier_template(tmp_path, monkeypatch):
    target = tmp_path / "template.xlsx"
    roster_export.write_template(target)
    before = target.read_bytes()

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(FileFault) as caught:
        roster_export.write_template(target)
    assert caught.value.code == "file.disk_full"
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["template.xlsx"]


@pytest.mark.parametrize(("number", "code"), [
    (errno.ENOSPC, "file.disk_full"), (errno.EFBIG, "file.too_big"),
    (errno.EBUSY, "file.locked"), (errno.ENOENT, "file.unavailable"),
    (errno.EIO, "file.unavailable"),
])
def test_each_fault_has_its_own_sentence(tmp_path, number, code):
    fault = file_fault(OSError(number, os.strerror(number)), tmp_path / "a.pdf")
    assert fault.code == code
    assert str(tmp_path / "a.pdf") in str(fault)
    assert os.strerror(number) not in str(fault)  # words of ours, not the OS's


def test_sentences_differ_fault_by_fault(tmp_path):
    sentences = {str(file_fault(OSError(n, "x"), tmp_path / "a"))
                 for n in (errno.ENOSPC, errno.EFBIG, errno.EBUSY, errno.ENOENT)}
    assert len(sentences) == 4


# --- real faults in a subprocess ------------------------------------------------------------


@needs_namespace
def test_disk_full_export_roster_keeps_the_earlier_export(event_file, tmp_path):
    out_dir = tmp_path / "usb"
    out_dir.mkdir()
    out = out_dir / "roster.csv"
    # The earlier export lives on the tiny disk; a filler takes the rest of its room.
    done = run_with_mounts(
        [tiny_disk(out_dir, "64k"),
         f"{' '.join(cli('--db', str(event_file), 'export-roster', str(out)))}",
         f"(dd if=/dev/zero of={out_dir}/filler bs=1k count=1000 2>/dev/null || true)",
         f"cp {out} {tmp_path}/earlier.csv"],
        cli("--db", str(event_file), "export-roster", "--template", str(out_dir / "t.xlsx")),
    )
    assert done.returncode == 1
    assert "is full" in done.stderr and "Traceback" not in done.stderr
    assert "Errno" not in done.stderr
    assert (tmp_path / "earlier.csv").stat().st_size > 0


@needs_namespace
def test_disk_full_under_the_event_file_says_full_and_check_says_sound(event_file, tmp_path):
    folder = event_file.parent
    saved = participants(event_file)
    fill = f"(dd if=/dev/zero of={folder}/filler bs=4k 2>/dev/null || true)"
    stash = tmp_path / "stash.sqlite"
    import shutil

    shutil.copy(event_file, stash)
    copy_in = f"cp {stash} {event_file}"
    # A roster that adds many people: its import cannot fit on the full disk.
    big = tmp_path / "big.csv"
    big.write_text(big_roster(3000), encoding="utf-8")
    done = run_with_mounts(
        [tiny_disk(folder, "1m"), copy_in, fill],
        cli("--db", str(event_file), "import-roster", str(big)),
    )
    assert done.returncode == 1, done.stdout
    assert "is full" in done.stderr, done.stderr
    assert "damaged" not in done.stderr and "Traceback" not in done.stderr
    checked = run_with_mounts(
        [tiny_disk(folder, "1m"), copy_in, fill],
        cli("--db", str(event_file), "check"),
    )
    assert "damaged" not in checked.stdout + checked.stderr
    assert participants(event_file) == saved


@needs_namespace
def test_read_only_folder_is_said_so_for_an_export(event_file, tmp_path):
    out_dir = tmp_path / "ro"
    out_dir.mkdir()
    done = run_with_mounts(read_only(out_dir),
                           cli("--db", str(event_file), "export-roster", str(out_dir / "r.csv")))
    assert done.returncode == 1
    assert "folder" in done.stderr and "read-only" in done.stderr
    assert list(out_dir.iterdir()) == []


@needs_namespace
def test_read_only_event_folder_is_not_called_damaged(event_file):
    saved = participants(event_file)
    checked = run_with_mounts(read_only(event_file.parent), cli("--db", str(event_file), "check"))
    assert "damaged" not in checked.stdout + checked.stderr
    big = event_file.parent.parent / "big.csv"
    big.write_text(big_roster(50), encoding="utf-8")
    done = run_with_mounts(read_only(event_file.parent),
                           cli("--db", str(event_file), "import-roster", str(big)))
    assert done.returncode == 1, done.stdout
    assert "read-only" in done.stderr and "damaged" not in done.stderr
    assert "restore a backup" not in done.stderr
    assert participants(event_file) == saved


@needs_namespace
def test_read_only_export_file_keeps_its_content(event_file, tmp_path):
    out = tmp_path / "exports" / "roster.csv"
    before = earlier_export(event_file, out)
    done = run_with_mounts(read_only(out), cli("--db", str(event_file), "export-roster", str(out)))
    assert done.returncode == 1
    assert "is read-only" in done.stderr and "Traceback" not in done.stderr
    assert out.read_bytes() == before


def test_file_size_limit_export_says_so_and_keeps_the_earlier(event_file, tmp_path):
    big = tmp_path / "big.csv"
    big.write_text(big_roster(3000), encoding="utf-8")
    assert run(cli("--db", str(event_file), "import-roster", str(big))).returncode == 0
    out = tmp_path / "exports" / "roster.csv"
    before = earlier_export(event_file, out)
    assert len(before) > 100_000
    # Room for SQLite's 32 KiB shared-memory file, not for the export.
    done = run_with_size_limit(64 * 1024, cli("--db", str(event_file), "export-roster", str(out)))
    assert done.returncode == 1, done.stdout
    assert "largest file size" in done.stderr or "larger than this system allows" in done.stderr
    assert "Traceback" not in done.stderr
    assert out.read_bytes() == before


def test_file_size_limit_on_the_event_file_is_not_damage(event_file, tmp_path):
    saved = participants(event_file)
    big = tmp_path / "big.csv"
    big.write_text(big_roster(3000), encoding="utf-8")
    limit = event_file.stat().st_size + 4096
    done = run_with_size_limit(limit, cli("--db", str(event_file), "import-roster", str(big)))
    assert done.returncode == 1, done.stdout
    assert "largest file size" in done.stderr, done.stderr
    assert "damaged" not in done.stderr and "Traceback" not in done.stderr
    assert participants(event_file) == saved


def test_missing_drive_is_said_so(tmp_path):
    gone = tmp_path / "unplugged" / "x.sqlite"
    done = run(cli("--db", str(gone), "check"))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "damaged" not in done.stderr
