"""Strict rosters: a row broken by an unclosed quote or a stray CR, a formula without a
saved value, a control character and a hidden sheet are reported by row or sheet and
nothing is written; a later spelling without accents never overwrites the accented one."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from sqlalchemy import func, select

from encounter_desk.core import i18n
from encounter_desk.event import event as events
from encounter_desk.roster import importer as roster
from encounter_desk.storage.models import AuditEntry, Participant

DETAILS = events.EventDetails(code="STRICT", name_es="Encuentro", name_en="Encounter",
                              start_date=dt.date(2017, 9, 4), end_date=dt.date(2017, 9, 6))
HEAD = "Given names,Surnames,Country,Email\r\n"


@pytest.fixture(autouse=True)
def _english():
    i18n.set_language("en")


@pytest.fixture
def event_db(db):
    events.create_event(db, DETAILS)
    return db


def counts(db) -> tuple[int, int]:
    with db.read() as s:
        return (s.scalar(select(func.count(Participant.id))),
                s.scalar(select(func.count(AuditEntry.id))))


def names(db) -> set[str]:
    with db.read() as s:
        return {p.display_name for p in s.scalars(select(Participant))}


def refused(db, path, sheet=None):
    before = counts(db)
    report = roster.import_roster(db, path, sheet=sheet)
    assert not report.ok and not report.written
    assert counts(db) == before
    return {e.row: e.message for e in report.errors}


def test_an_unclosed_quote_is_a_bad_row_with_its_line(event_db, tmp_path):
    path = tmp_path / "quote.csv"
    path.write_bytes((HEAD
                      + 'Ana,Pérez,Mexico,ana@example.mx\r\n'
                      + '"José Luis,Núñez,Mexico,jl@example.mx\r\n'
                      + 'Rosa,Peña,Mexico,rosa@example.cl\r\n').encode())
    by_row = refused(event_db, path)
    assert list(by_row) == [3]
    assert "more than one line" in by_row[3] and "quote" in by_row[3]
    assert "Given names" in by_row[3]


def test_a_bare_cr_inside_a_cell_does_not_make_an_extra_participant(event_db, tmp_path):
    path = tmp_path / "cr.csv"
    path.write_bytes((HEAD + "Ana,Pérez,Mexico,ana@example.mx\r\n"
                      + "Rosa\rMaría,Peña,Mexico,rosa@example.cl\r\n"
                      + "Luis,Soto,Mexico,luis@example.pe\r\n").encode())
    by_row = refused(event_db, path)
    assert list(by_row) == [3]
    assert "stray line break" in by_row[3]


def test_a_file_with_only_cr_line_ends_still_imports(event_db, tmp_path):
    path = tmp_path / "mac.csv"
    path.write_bytes(HEAD.replace("\r\n", "\r").encode()
                     + b"Ana,P\xc3\xa9rez,Mexico,ana@example.mx\rRosa,Pe\xc3\xb1a,Mexico,r@example.cl\r")
    report = roster.import_roster(event_db, path)
    assert report.ok, report.lines()
    assert names(event_db) == {"Ana Pérez", "Rosa Peña"}


def test_a_control_character_is_refused_before_it_reaches_the_minutes(event_db, tmp_path):
    path = tmp_path / "bell.csv"
    path.write_bytes((HEAD + "Ana\x07,Pérez,Mexico,ana@example.mx\r\n").encode())
    by_row = refused(event_db, path)
    assert "control character (U+0007)" in by_row[2]


def test_an_xlsx_formula_without_a_saved_value_is_reported(event_db, tmp_path):
    path = tmp_path / "formula.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Given names", "Surnames", "Country"])
    ws.append(["Ana", "Pérez", "Mexico"])
    ws.append(['=PROPER("rosa")', "Peña", "Chile"])  # openpyxl saves no computed value
    wb.save(path)
    by_row = refused(event_db, path)
    assert list(by_row) == [3]
    assert "formula" in by_row[3] and "PROPER" in by_row[3]


def test_a_hidden_first_sheet_is_not_imported_the_active_one_is(event_db, tmp_path):
    path = tmp_path / "hidden.xlsx"
    wb = openpyxl.Workbook()
    old = wb.active
    old.title = "Old"
    old.append(["Given names", "Surnames", "Country"])
    old.append(["Viejo", "Registro", "Mexico"])
    old.sheet_state = "hidden"
    current = wb.create_sheet("Current")
    current.append(["Given names", "Surnames", "Country"])
    current.append(["Ana", "Pérez", "Mexico"])
    wb.active = 1
    wb.save(path)
    report = roster.import_roster(event_db, path)
    assert report.ok, report.lines()
    assert "Current" in report.source
    assert names(event_db) == {"Ana Pérez"}


def test_an_update_without_accents_keeps_the_accented_spelling(event_db, tmp_path):
    first = tmp_path / "first.csv"
    first.write_bytes((HEAD + "José,Núñez,Mexico,jose@example.mx\r\n").encode())
    assert roster.import_roster(event_db, first).ok
    later = tmp_path / "later.csv"
    later.write_bytes((HEAD + "JOSE,NUNEZ,Mexico,jose@example.mx\r\n").encode())
    report = roster.import_roster(event_db, later)
    assert report.ok and report.updated == 0 and report.unchanged == 1
    assert names(event_db) == {"José Núñez"}
    plain = tmp_path / "plain.csv"
    plain.write_bytes((HEAD + "jose,nunez,Mexico,jose@example.mx\r\n").encode())
    assert roster.import_roster(event_db, plain).unchanged == 1
    assert names(event_db) == {"José Núñez"}


def test_an_update_that_adds_accents_is_taken(event_db, tmp_path):
    first = tmp_path / "first.csv"
    first.write_bytes((HEAD + "JOSE,NUNEZ,Mexico,jose@example.mx\r\n").encode())
    assert roster.import_roster(event_db, first).ok
    later = tmp_path / "later.csv"
    later.write_bytes((HEAD + "José,Núñez,Mexico,jose@example.mx\r\n").encode())
    assert roster.import_roster(event_db, later).updated == 1
    assert names(event_db) == {"José Núñez"}
