"""Follow-up forms: one XLSX per delegation, filled in by its parliament, read back.

:func:`write_forms` writes, for each delegation with commitments, a workbook in the
delegation's language (see :func:`~encounter_desk.records.roadmap.commitments.document_language`)
pre-filled with its commitments. The stage is chosen from a list (Excel data validation);
the date of the change, the indicator, the focal point and a note are typed. A hidden row
holds the machine names of the columns, so a form comes back whatever its language.

:func:`import_forms` reads one or more returned forms **all or nothing**: every row of
every file is checked first; if any is wrong, nothing is written and each problem is
reported with its file and row. A good batch records each change of stage in the
history with the file's name as its source (:func:`~encounter_desk.records.roadmap.commitments.change_stage`).
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from sqlalchemy import select

from encounter_desk.core import names as text
from encounter_desk.core.errors import Refusal
from encounter_desk.core.files import atomic_output
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, in_language, translate
from encounter_desk.event.event import require_event
from encounter_desk.records.register import RecordsError
from encounter_desk.records.roadmap.commitments import (
    apply_fields,
    change_stage,
    commitments_in,
    document_language,
    horizon_label,
    instrument_label,
    labels_in,
    parse_stage,
    today_at_venue,
)
from encounter_desk.roster.export import neutralise, unneutralise
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import Delegation, Initiative, StageSource

SHEET = "roadmap"
LISTS = "lists"
KEY_ROW = 5
"""The hidden row of machine column names; the people's headings are the row below."""
FIRST_ROW = KEY_ROW + 2

# (machine key, heading marked for translation, width, filled in by the parliament)
COLUMNS = (
    ("id", QT_TRANSLATE_NOOP("Roadmap", "No."), 6, False),
    ("commitment", QT_TRANSLATE_NOOP("Roadmap", "Commitment"), 46, False),
    ("instrument", QT_TRANSLATE_NOOP("Roadmap", "Instrument"), 16, False),
    ("horizon", QT_TRANSLATE_NOOP("Roadmap", "Horizon"), 20, False),
    ("target_date", QT_TRANSLATE_NOOP("Roadmap", "Target date"), 13, True),
    ("stage", QT_TRANSLATE_NOOP("Roadmap", "Stage reached"), 18, True),
    ("stage_date", QT_TRANSLATE_NOOP("Roadmap", "Date of the stage (YYYY-MM-DD)"), 16, True),
    ("indicator", QT_TRANSLATE_NOOP("Roadmap", "Indicator"), 30, True),
    ("focal_name", QT_TRANSLATE_NOOP("Roadmap", "Focal point"), 24, True),
    ("focal_email", QT_TRANSLATE_NOOP("Roadmap", "Focal point email"), 28, True),
    ("note", QT_TRANSLATE_NOOP("Roadmap", "Note"), 30, True),
)
HEAD_FILL = PatternFill("solid", fgColor="1F3A5F")
OPEN_FILL = PatternFill("solid", fgColor="FFF8DC")


def _heading(tr, key_heading: str) -> str:  # noqa: ANN001
    return tr.translate("Roadmap", key_heading)


def form_name(delegation: Delegation) -> str:
    slug = re.sub(r"[^A-Za-z0-9]+", "-", text.fold(delegation.name_en)).strip("-")
    return f"roadmap-{delegation.code}-{slug or delegation.id}.xlsx"


def write_forms(db: Database, out_dir: Path) -> list[Path]:
    """One form per delegation that has commitments; returns the files written."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with db.read() as session:
        event = require_event(session)
        commitments = commitments_in(session)
        delegations = {d.id: d for d in session.scalars(select(Delegation))}
        by_delegation: dict[int, list] = {}
        for c in commitments:
            by_delegation.setdefault(c.delegation_id, []).append(c)
        for delegation_id, items in by_delegation.items():
            delegation = delegations[delegation_id]
            lang = document_language(delegation)
            path = out_dir / form_name(delegation)
            _write_form(path, event, delegation, items, lang)
            written.append(path)
    return written


def _write_form(path: Path, event, delegation: Delegation, items: list, lang: str) -> None:  # noqa: ANN001
    tr = in_language(lang)
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    ws["A1"] = event.name(lang)
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = tr.translate("Roadmap", "Road map follow-up: {delegation}").format(
        delegation=delegation.name(lang))
    ws["A2"].font = Font(bold=True, size=12)
    ws["A3"] = tr.translate(
        "Roadmap", "Please fill in the shaded columns: choose the stage each commitment has "
        "reached from the list, and the date it reached it. Do not change the numbers.")
    ws["A3"].alignment = Alignment(wrap_text=True)
    ws.merge_cells(start_row=3, start_column=1, end_row=3, end_column=len(COLUMNS))
    ws.row_dimensions[3].height = 30
    ws["A4"] = delegation.code
    ws["A4"].font = Font(color="FFFFFF", size=6)  # the delegation, for the import
    for col, (key, heading, width, _f) in enumerate(COLUMNS, start=1):
        ws.cell(KEY_ROW, col, key)
        cell = ws.cell(KEY_ROW + 1, col, _heading(tr, heading))
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.row_dimensions[KEY_ROW].hidden = True
    ws.freeze_panes = ws.cell(FIRST_ROW, 3)

    stages = labels_in(lang)
    lists = wb.create_sheet(LISTS)
    for row, label in enumerate(stages.values(), start=1):
        lists.cell(row, 1, label)
    lists.sheet_state = "hidden"
    validation = DataValidation(
        type="list", formula1=f"={LISTS}!$A$1:$A${len(stages)}", allow_blank=False,
        showErrorMessage=True,
        errorTitle=tr.translate("Roadmap", "Stage"),
        error=tr.translate("Roadmap", "Choose a stage from the list."),
        promptTitle=tr.translate("Roadmap", "Stage"),
        prompt=tr.translate("Roadmap", "Choose a stage from the list."),
    )
    validation.showInputMessage = True
    dates = DataValidation(type="date", operator="greaterThan", formula1="DATE(2000,1,1)",
                           allow_blank=True, showErrorMessage=True,
                           error=tr.translate("Roadmap", "Type a date (YYYY-MM-DD)."))
    ws.add_data_validation(validation)
    ws.add_data_validation(dates)
    keys = [k for k, *_ in COLUMNS]
    for offset, c in enumerate(items):
        row = FIRST_ROW + offset
        values = {
            "id": c.id, "commitment": c.text(lang), "instrument": instrument_label(c.instrument, lang),
            "horizon": horizon_label(c.horizon, lang), "target_date": c.target_date,
            "stage": stages[c.stage.value],
            "stage_date": c.history[-1].changed_on if c.history else None,
            "indicator": c.indicator, "focal_name": c.focal_name, "focal_email": c.focal_email,
            "note": "",
        }
        for col, key in enumerate(keys, start=1):
            value = values[key]
            cell = ws.cell(row, col, neutralise(value) if isinstance(value, str) else value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if COLUMNS[col - 1][3]:
                cell.fill = OPEN_FILL
                cell.protection = Protection(locked=False)
            if key in ("target_date", "stage_date"):
                cell.number_format = "yyyy-mm-dd"
        letter = get_column_letter(keys.index("stage") + 1)
        validation.add(f"{letter}{row}")
        for key in ("target_date", "stage_date"):
            dates.add(f"{get_column_letter(keys.index(key) + 1)}{row}")
    with atomic_output(path) as tmp:
        wb.save(tmp)


# --- reading the forms back ----------------------------------------------------------------


class FormFileError(Refusal):
    """A follow-up form that cannot be read at all."""

    default_code = "roadmap.form_file"


@dataclass(frozen=True)
class FormRowError:
    file: str
    row: int
    message: str

    def __str__(self) -> str:
        return translate("Roadmap", "{file}, row {row}: {problem}").format(
            file=self.file, row=self.row, problem=self.message)


@dataclass
class FormImport:
    files: list[Path]
    errors: list[FormRowError] = field(default_factory=list)
    stage_changes: int = 0
    field_changes: int = 0
    written: bool = False


@dataclass(frozen=True)
class _FormRow:
    file: Path
    row: int
    initiative_id: int
    values: dict[str, Any]


def _read(path: Path) -> tuple[str, list[tuple[int, dict[str, Any]]]]:
    try:
        wb = load_workbook(path, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise FormFileError(translate("Roadmap", "{file} is not a follow-up form that can be "
                                      "read ({reason}).").format(file=path.name, reason=exc)
                            ) from None
    if SHEET not in wb.sheetnames:
        raise FormFileError(translate("Roadmap", "{file} is not a follow-up form of the road "
                                      "map.").format(file=path.name))
    ws = wb[SHEET]
    keys = [ws.cell(KEY_ROW, col).value for col in range(1, len(COLUMNS) + 1)]
    if "id" not in keys or "stage" not in keys:
        raise FormFileError(translate("Roadmap", "{file} is not a follow-up form of the road "
                                      "map.").format(file=path.name))
    code = str(ws["A4"].value or "")
    rows = []
    for row in range(FIRST_ROW, ws.max_row + 1):
        values = {k: _text_back(ws.cell(row, col).value)
                  for col, k in enumerate(keys, start=1) if k}
        if all(v in (None, "") for v in values.values()):
            continue
        rows.append((row, values))
    return code, rows


def _text_back(value: Any) -> Any:
    return unneutralise(value) if isinstance(value, str) else value


def _date(value: Any, problem: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise RecordsError(problem.format(value=value), code="roadmap.form_date") from None


def import_forms(db: Database, paths: list[Path], *, dry_run: bool = False) -> FormImport:
    """Read returned forms; write every change, or nothing if any row is wrong."""
    paths = [Path(p) for p in paths]
    report = FormImport(paths)
    read = [(p, *_read(p)) for p in paths]
    with db.write() as session:
        event = require_event(session)
        now = db.clock()
        today = today_at_venue(session, now)
        savepoint = session.begin_nested()
        for path, code, rows in read:
            delegation = session.scalars(select(Delegation).where(Delegation.code == code)).first()
            for row, values in rows:
                try:
                    changed = _apply_row(session, delegation, values, path, now=now,
                                         today=today, encounter_end=event.end_date)
                except RecordsError as exc:
                    report.errors.append(FormRowError(path.name, row, str(exc)))
                    continue
                report.stage_changes += changed[0]
                report.field_changes += changed[1]
        if report.errors or dry_run:
            savepoint.rollback()
            return report
        savepoint.commit()
        report.written = True
    return report


def _apply_row(session, delegation, values: dict[str, Any], path: Path, *,  # noqa: ANN001
               now: dt.datetime, today: dt.date, encounter_end: dt.date) -> tuple[int, int]:
    try:
        initiative_id = int(values.get("id"))
    except (TypeError, ValueError):
        raise RecordsError(translate("Roadmap", "the number {value!r} is not one of this "
                                     "form's commitments.").format(value=values.get("id")),
                           code="roadmap.form_id") from None
    initiative = session.get(Initiative, initiative_id)
    if initiative is None or delegation is None or initiative.delegation_id != delegation.id:
        raise RecordsError(translate("Roadmap", "the number {value!r} is not one of this "
                                     "form's commitments.").format(value=values.get("id")),
                           code="roadmap.form_id")
    if values.get("stage") in (None, ""):
        raise RecordsError(translate("Roadmap", "choose the stage reached."),
                           code="roadmap.form_stage")
    stage = parse_stage(values["stage"])
    when = _date(values.get("stage_date"),
                 translate("Roadmap", "{value!r} is not a date (YYYY-MM-DD)."))
    target = _date(values.get("target_date"),
                   translate("Roadmap", "{value!r} is not a date (YYYY-MM-DD)."))
    fields = {"indicator": values.get("indicator") or "",
              "focal_name": values.get("focal_name") or "",
              "focal_email": values.get("focal_email") or ""}
    if target is not None:
        fields["target_date"] = target
    changed_fields = apply_fields(initiative, fields, encounter_end=encounter_end)
    moved = False
    if stage.value != initiative.stage:
        if when is None:
            raise RecordsError(translate("Roadmap", "give the date the stage was reached."),
                               code="roadmap.form_stage_date")
        moved = change_stage(session, initiative, stage, on=when, today=today,
                             source=StageSource.FORM, source_detail=path.name,
                             note=str(values.get("note") or ""), now=now)
        session.flush()
    return int(moved), int(changed_fields)

