"""Follow-up forms: written per delegation in its language, filled in, read back all or
nothing, every change of stage kept in the history with the file as its source."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from encounter_desk.demo import build as demo
from encounter_desk.records.roadmap import forms
from encounter_desk.records.roadmap.commitments import load_commitments
from encounter_desk.records.roadmap.forms import FormFileError, import_forms, write_forms
from encounter_desk.storage.models import InitiativeStageChange, Stage, StageSource


@pytest.fixture
def demo_db(db):
    demo.build_demo(db)
    return db


def _sheet_rows(path):
    wb = load_workbook(path)
    ws = wb[forms.SHEET]
    keys = [ws.cell(forms.KEY_ROW, c).value for c in range(1, len(forms.COLUMNS) + 1)]
    return wb, ws, keys


def _col(keys, key):
    return keys.index(key) + 1


def test_one_form_per_delegation_in_its_language_with_a_list_of_stages(demo_db, tmp_path):
    written = write_forms(demo_db, tmp_path)
    by_code = {p.name.split("-")[1]: p for p in written}
    commitments = load_commitments(demo_db)
    assert set(by_code) == {c.delegation_code for c in commitments}

    wb, ws, keys = _sheet_rows(by_code["MX"])
    assert ws.cell(forms.KEY_ROW + 1, _col(keys, "stage")).value == "Etapa alcanzada"
    assert ws.row_dimensions[forms.KEY_ROW].hidden
    stage_lists = [v for v in ws.data_validations.dataValidation if v.type == "list"]
    assert stage_lists and "lists" in stage_lists[0].formula1
    listed = [wb[forms.LISTS].cell(r, 1).value for r in range(1, len(Stage) + 1)]
    assert "En comisión" in listed and "Promulgada" in listed
    ids = [ws.cell(r, 1).value for r in range(forms.FIRST_ROW, ws.max_row + 1)]
    assert sorted(ids) == sorted(c.id for c in commitments if c.delegation_code == "MX")

    wb, ws, keys = _sheet_rows(by_code["CA"])  # Canada: English
    assert ws.cell(forms.KEY_ROW + 1, _col(keys, "stage")).value == "Stage reached"
    assert wb[forms.LISTS].cell(4, 1).value == "In committee"


def _fill(path, changes: dict[int, dict]):
    wb, ws, keys = _sheet_rows(path)
    for row in range(forms.FIRST_ROW, ws.max_row + 1):
        values = changes.get(ws.cell(row, 1).value)
        for key, value in (values or {}).items():
            ws.cell(row, _col(keys, key)).value = value  # None empties the cell
    wb.save(path)


def test_good_forms_are_imported_and_each_change_is_kept_in_the_history(demo_db, tmp_path):
    written = {p.name.split("-")[1]: p for p in write_forms(demo_db, tmp_path)}
    before = {c.id: c for c in load_commitments(demo_db)}
    gt = next(c for c in before.values() if c.delegation_code == "GT")
    ca = next(c for c in before.values() if c.delegation_code == "CA")
    _fill(written["GT"], {gt.id: {"stage": "Presentada", "stage_date": dt.date(2018, 4, 2),
                                  "focal_email": "Nuevo.Enlace@congreso.gob.gt",
                                  "note": "Iniciativa 5400"}})
    _fill(written["CA"], {ca.id: {"stage": "Approved", "stage_date": "2018-05-10"}})

    report = import_forms(demo_db, [written["GT"], written["CA"], written["MX"]])
    assert report.errors == [] and report.written
    assert report.stage_changes == 2 and report.field_changes == 1

    after = {c.id: c for c in load_commitments(demo_db)}
    assert after[gt.id].stage is Stage.FILED
    assert after[gt.id].focal_email == "nuevo.enlace@congreso.gob.gt"
    last = after[gt.id].history[-1]
    assert (last.stage, last.previous, last.changed_on) == (Stage.FILED, Stage.DRAFTED,
                                                             dt.date(2018, 4, 2))
    assert last.source is StageSource.FORM and last.source_detail == written["GT"].name
    assert last.note == "Iniciativa 5400"
    # history, not overwrite: the earlier steps are all still there
    assert after[gt.id].history[:-1] == before[gt.id].history
    assert after[ca.id].stage is Stage.APPROVED and len(after[ca.id].history) == len(
        before[ca.id].history) + 1
    assert after[gt.id].steps_forward == 2  # announced -> drafted -> filed

    # the same forms again change nothing
    again = import_forms(demo_db, [written["GT"], written["CA"]])
    assert again.written and again.stage_changes == 0 and again.field_changes == 0


def test_one_bad_row_writes_nothing_and_every_bad_row_is_named(demo_db, tmp_path):
    written = {p.name.split("-")[1]: p for p in write_forms(demo_db, tmp_path)}
    mx = [c for c in load_commitments(demo_db) if c.delegation_code == "MX"]
    gt = next(c for c in load_commitments(demo_db) if c.delegation_code == "GT")
    _fill(written["GT"], {gt.id: {"stage": "Filed", "stage_date": dt.date(2018, 4, 2)}})
    _fill(written["MX"], {
        mx[0].id: {"stage": "Aprobada por aclamación", "stage_date": dt.date(2018, 1, 1)},
        mx[1].id: {"stage": "Promulgada", "stage_date": None},
    })
    with demo_db.read() as s:
        history_before = s.scalar(select(func.count(InitiativeStageChange.id)))

    report = import_forms(demo_db, [written["GT"], written["MX"]])
    assert not report.written
    assert [(e.file, e.row) for e in report.errors] == [
        (written["MX"].name, forms.FIRST_ROW), (written["MX"].name, forms.FIRST_ROW + 1)]
    assert "not a stage" in report.errors[0].message
    assert "date the stage was reached" in report.errors[1].message
    assert str(report.errors[0]).startswith(f"{written['MX'].name}, row {forms.FIRST_ROW}:")
    with demo_db.read() as s:
        assert s.scalar(select(func.count(InitiativeStageChange.id))) == history_before
    assert next(c for c in load_commitments(demo_db) if c.id == gt.id).stage is Stage.DRAFTED


def test_a_form_of_one_delegation_cannot_move_another_delegations_commitment(demo_db, tmp_path):
    written = {p.name.split("-")[1]: p for p in write_forms(demo_db, tmp_path)}
    mx = next(c for c in load_commitments(demo_db) if c.delegation_code == "MX")
    wb, ws, keys = _sheet_rows(written["GT"])
    ws.cell(forms.FIRST_ROW, 1, mx.id)
    wb.save(written["GT"])
    report = import_forms(demo_db, [written["GT"]])
    assert not report.written and "not one of this form's commitments" in report.errors[0].message


def test_a_file_that_is_not_a_form_is_refused_in_words(demo_db, tmp_path, sample_roster):
    other = tmp_path / "roster.xlsx"
    shutil.copy(sample_roster, other) if sample_roster.suffix == ".xlsx" else other.write_bytes(b"not a zip")
    with pytest.raises(FormFileError, match="roster.xlsx"):
        import_forms(demo_db, [other])
