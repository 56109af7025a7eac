"""Exports are safe to open: no cell of a CSV or XLSX export starts a spreadsheet formula.

Every module that writes CSV or XLSX must be listed in EXPORTERS and tested here; a new
exporter that is not fails ``test_every_exporter_is_checked``.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import openpyxl
import pytest
from helpers import REPO

from encounter_desk.event import event as events
from encounter_desk.event import participants
from encounter_desk.roster import importer as roster

PACKAGE = REPO / "encounter_desk"
EXPORTERS = {"roster/export.py", "records/exports.py"}
DANGEROUS = ("=", "+", "-", "@")
NASTY = ['=HYPERLINK("http://evil.example","clic")', "+52 55 1234", "-1+1", "@SUM(A1)",
         "=cmd|' /C calc'!A0"]


def test_every_exporter_is_checked():
    writers = {
        p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")
        if re.search(r"csv\.writer|csv\.DictWriter|openpyxl\.Workbook|Workbook\(", p.read_text())
    }
    assert writers <= EXPORTERS, f"exporters without a formula-injection test: {writers - EXPORTERS}"


@pytest.fixture
def nasty_event(db):
    events.create_event(db, events.EventDetails(
        code="X-1", name_es="E", name_en="E",
        start_date=dt.date(2026, 1, 1), end_date=dt.date(2026, 1, 2)))
    for n, value in enumerate(NASTY):
        participants.create_participant(
            db, given_names=f"{value} {n}", first_surname=value, institution=value,
            position=value, phone=value, desk_note=value)
    return db


def _cells_csv(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return [cell for row in csv.reader(fh) for cell in row]


def _cells_xlsx(path: Path) -> list[str]:
    book = openpyxl.load_workbook(path)
    cells = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.coordinate  # never a formula
                if cell.value is not None:
                    cells.append(str(cell.value))
    return cells


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_roster_export_neutralises_formula_cells(nasty_event, tmp_path, suffix):
    out = tmp_path / f"roster{suffix}"
    roster.export_roster(nasty_event, out)
    cells = _cells_csv(out) if suffix == ".csv" else _cells_xlsx(out)
    assert any("HYPERLINK" in c for c in cells)  # the values are there…
    assert not [c for c in cells if c.startswith(DANGEROUS)]  # …but none starts a formula
    # and they come back unchanged when imported again
    report = roster.import_roster(nasty_event, out, dry_run=True)
    assert report.ok, report.lines()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_records_exports_neutralise_formula_cells(nasty_event, tmp_path, suffix):
    from encounter_desk.event import sittings
    from encounter_desk.records import attendance, exports, sitting_life

    sitting = sittings.create_sitting(nasty_event)
    for person in participants.list_participants(nasty_event):
        attendance.mark(nasty_event, sitting.id, person.id, "present")
    sitting_life.open_sitting(nasty_event, sitting.id)
    out = tmp_path / f"attendance{suffix}"
    assert exports.export_attendance(nasty_event, out, lang="en") >= len(NASTY)
    cells = _cells_csv(out) if suffix == ".csv" else _quoted_xlsx(out)
    assert any("HYPERLINK" in c for c in cells)
    assert not [c for c in cells if c.startswith(DANGEROUS)]
    # the shared writer of every records table, on its own
    table = tmp_path / f"table{suffix}"
    exports.write_table(table, ["A", "B"], [[v, 1] for v in NASTY], sheet="T", lang="en")
    cells = _cells_csv(table) if suffix == ".csv" else _quoted_xlsx(table)
    assert not [c for c in cells if c.startswith(DANGEROUS)]
    if suffix == ".xlsx":
        # No visible apostrophe: the cell holds the text as typed, marked by Excel's hidden
        # quote prefix (the guard that stays when the cell is edited).
        sheet = openpyxl.load_workbook(table).active
        values = [sheet.cell(row=r, column=1) for r in range(2, 2 + len(NASTY))]
        assert [c.value for c in values] == NASTY
        assert all(c.quotePrefix and c.data_type == "s" for c in values)


def _quoted_xlsx(path: Path) -> list[str]:
    """The records' XLSX cells, never formulas, with "'" shown for Excel's hidden quote
    prefix (so that a text a spreadsheet would run counts as guarded only when marked)."""
    book = openpyxl.load_workbook(path)
    cells = []
    for row in book.active.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.coordinate
            if cell.value is not None:
                cells.append(("'" if cell.quotePrefix else "") + str(cell.value))
    return cells
