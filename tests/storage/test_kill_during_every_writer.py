"""SIGKILL during every writer the app has: the target is always the whole earlier file or a
whole new one, never a truncated one, and no temporary file is left under the target's name.

Each writer first writes a complete file at the target, then runs again over it, its writes
slowed as on a USB stick (``helpers/slow_disk_cli.py``), and is killed the moment it starts
writing (a temporary file appears, or the target changes) and a few milliseconds later. Uses the demo event (sessions held, speeches, attendance)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from helpers.faultfs import cli, run
from helpers.kill import kill_while_writing, slow_disk_cli

pytestmark = pytest.mark.slow

WRITERS = {  # name -> (command and its options, file name at the target)
    "minutes": (["minutes", "1"], "minutes.pdf"),
    "event-report": (["event-report"], "report.pdf"),
    "akoma-ntoso": (["export-akn", "1"], "minutes.xml"),
    "badges": (["badges"], "badges.pdf"),
    "attendance-csv": (["export-attendance"], "attendance.csv"),
    "attendance-xlsx": (["export-attendance"], "attendance.xlsx"),
    "speeches-csv": (["export-speeches"], "speeches.csv"),
    "speeches-xlsx": (["export-speeches"], "speeches.xlsx"),
    "roster-template": (["export-roster", "--template"], "template.xlsx"),
    "backup": (["backup"], "backup.sqlite"),
}
DELAYS = (0.0, 0.005, 0.02)  # seconds past the moment the writer starts writing


@pytest.fixture(scope="module")
def demo_event(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("event") / "demo.sqlite"
    done = run(cli("--db", str(path), "demo"))
    assert done.returncode == 0, done.stderr
    return path


def whole(path: Path) -> object:
    """What a whole file of its kind holds; raises on a truncated or damaged one."""
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        reader = PdfReader(path, strict=True)
        return [page.extract_text() for page in reader.pages]
    if path.suffix == ".xml":
        from lxml import etree

        return etree.parse(str(path)).getroot().tag
    if path.suffix == ".xlsx":
        import openpyxl

        workbook = openpyxl.load_workbook(path, read_only=True)
        try:
            return [tuple(row) for row in workbook.active.iter_rows(values_only=True)]
        finally:
            workbook.close()
    if path.suffix == ".csv":
        text = path.read_bytes().decode("utf-8-sig")
        assert text.endswith("\n")
        return len(text.splitlines())
    con = sqlite3.connect(f"{path.as_uri()}?immutable=1", uri=True)  # leaves no -shm
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return con.execute("SELECT count(*) FROM participant").fetchone()[0]
    finally:
        con.close()


@pytest.mark.parametrize("writer", list(WRITERS))
def test_a_kill_never_leaves_a_broken_file_at_the_target(demo_event, tmp_path, writer):
    command, name = WRITERS[writer]
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / name
    args = ("--db", str(demo_event), *command, str(target))
    argv = cli(*args)
    done = run(argv)
    assert done.returncode == 0, done.stderr
    earlier, expected = target.read_bytes(), whole(target)
    for delay in DELAYS:
        kill_while_writing(slow_disk_cli(folder, *args), folder, target, after=delay)
        if target.read_bytes() != earlier:  # the kill came after the rename: a whole new one
            assert whole(target) == expected, f"{writer} killed {delay}s in"
        # A kill may leave the writer's hidden temporary file (and SQLite's journal beside a
        # backup's), never a file under the target's own name or any other visible file.
        strays = [p.name for p in folder.iterdir() if p != target]
        assert all(n.startswith(f".{name}.") and ".tmp" in n for n in strays), strays
    done = run(argv)  # what the kills left behind does not stop the next run
    assert done.returncode == 0, done.stderr
    assert whole(target) == expected
