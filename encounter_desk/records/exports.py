"""Attendance and speeches out to CSV or XLSX, for spreadsheets and for the archive.

One row per participant and sitting (attendance) or per intervention (speeches), for one
sitting or for all of them, in the language given. In CSV, cells a spreadsheet would run as
a formula (= + - @, tab, carriage return at the start) are neutralised with the roster
export's guard (:func:`encounter_desk.roster.export.neutralise`); CSV files are UTF-8 with
a BOM so that Excel opens accents correctly, with a choice of separator. In XLSX, dates,
times and durations are real cells and text is stored as text (see :func:`write_table`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy import select

from encounter_desk.chair.point_reasons import reason_note
from encounter_desk.core.files import atomic_output
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, in_language
from encounter_desk.records.attendance.marks import source_label
from encounter_desk.records.minutes.context import MinutesContext
from encounter_desk.records.minutes.data import MinutesData, gather
from encounter_desk.records.register import RecordsError, choice_label, find_sitting
from encounter_desk.records.sitting_life import require_held
from encounter_desk.roster.export import neutralise
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import CATEGORY_LABELS, GENDER_LABELS, Sitting


def _format(path: Path, lang: str) -> str:
    suffix = path.suffix.lower()
    if suffix in (".csv", ".xlsx"):
        return suffix[1:]
    raise RecordsError(
        in_language(lang).translate(
            "Records", "Export to a .csv or .xlsx file; {name} is neither."
        ).format(name=path.name),
        code="records.export_format",
    )


def _minutes(db: Database, sitting_number: int | None, lang: str, *,
             held_only: bool = False) -> list[MinutesData]:
    """The sittings' records; with ``held_only``, a sitting never opened is refused when
    asked for by number and left out of "every sitting" (it has no attendance)."""
    with db.read() as session:
        ctx = MinutesContext(session, lang)
        if sitting_number is not None:
            sittings = [find_sitting(session, number=sitting_number)]
            if held_only:
                require_held(sittings[0])
        else:
            sittings = [s for s in session.scalars(select(Sitting).order_by(Sitting.number))
                        if s.held or not held_only]
        now = db.clock()
        return [gather(ctx, s, final=False, now=now) for s in sittings]


def _head(columns: Sequence[str], lang: str) -> list[str]:
    """Column headings (marked with QT_TRANSLATE_NOOP in "Records") in ``lang``."""
    tr = in_language(lang)
    return [tr.translate("Records", column) for column in columns]


ATTENDANCE_COLUMNS = (
    QT_TRANSLATE_NOOP("Records", "Session"), QT_TRANSLATE_NOOP("Records", "Session title"),
    QT_TRANSLATE_NOOP("Records", "Date"), QT_TRANSLATE_NOOP("Records", "Delegation"),
    QT_TRANSLATE_NOOP("Records", "Title"), QT_TRANSLATE_NOOP("Records", "Name"),
    QT_TRANSLATE_NOOP("Records", "Role"), QT_TRANSLATE_NOOP("Records", "Institution"),
    QT_TRANSLATE_NOOP("Records", "Committee"), QT_TRANSLATE_NOOP("Records", "Category"),
    QT_TRANSLATE_NOOP("Records", "Head of delegation"),
    QT_TRANSLATE_NOOP("Records", "Attendance"), QT_TRANSLATE_NOOP("Records", "Arrival"),
    QT_TRANSLATE_NOOP("Records", "Source"),
)
SPEECH_COLUMNS = (
    QT_TRANSLATE_NOOP("Records", "Session"), QT_TRANSLATE_NOOP("Records", "Session title"),
    QT_TRANSLATE_NOOP("Records", "Date"), QT_TRANSLATE_NOOP("Records", "Agenda item"),
    QT_TRANSLATE_NOOP("Records", "Number"), QT_TRANSLATE_NOOP("Records", "Start"),
    QT_TRANSLATE_NOOP("Records", "End"), QT_TRANSLATE_NOOP("Records", "Title"),
    QT_TRANSLATE_NOOP("Records", "Name"), QT_TRANSLATE_NOOP("Records", "Delegation"),
    QT_TRANSLATE_NOOP("Records", "Gender"), QT_TRANSLATE_NOOP("Records", "Kind"),
    QT_TRANSLATE_NOOP("Records", "Point of order reason"),
    QT_TRANSLATE_NOOP("Records", "Seconds"), QT_TRANSLATE_NOOP("Records", "Duration"),
    QT_TRANSLATE_NOOP("Records", "Limit (seconds)"), QT_TRANSLATE_NOOP("Records", "Over time"),
    QT_TRANSLATE_NOOP("Records", "Language"), QT_TRANSLATE_NOOP("Records", "Summary"),
)
DELIMITERS = (",", ";", "\t")
"""CSV separators offered: ";" for a spreadsheet in Spanish (its decimal comma)."""


def _clock_time(text: str) -> dt.time | None:
    """"09:41" (a local time the minutes print) as a time of day; None for ""."""
    return dt.time.fromisoformat(text) if text else None


def _yes_no(lang: str) -> Callable[[bool], str]:
    """"yes" or "no" in ``lang``, for a column that answers a question."""
    tr = in_language(lang)
    yes, no = tr.translate("Records", "yes"), tr.translate("Records", "no")
    return lambda flag: yes if flag else no


def _sitting_cells(m: MinutesData) -> list:
    """The columns every row starts with: the sitting's number, title and date."""
    return [m.header.sitting_number, m.header.sitting_title, m.header.date]


def attendance_rows(minutes: Sequence[MinutesData], lang: str) -> tuple[list[str], list[list]]:
    answer = _yes_no(lang)
    rows = [
        [*_sitting_cells(m), group.name, line.title, line.name, line.role, line.institution,
         line.committee,
         choice_label("Category", CATEGORY_LABELS, line.category, lang) if line.category else "",
         answer(line.is_head_of_delegation), line.status_text, _clock_time(line.arrival),
         source_label(line.source, lang) if line.source else ""]
        for m in minutes
        for block in m.attendance
        for group in block.groups
        for line in group.lines
    ]
    return _head(ATTENDANCE_COLUMNS, lang), rows


def speech_rows(minutes: Sequence[MinutesData], lang: str) -> tuple[list[str], list[list]]:
    answer = _yes_no(lang)
    rows = [
        [*_sitting_cells(m), i.agenda_item_number or "", i.number, _clock_time(i.start),
         _clock_time(i.end), i.title, i.name, i.delegation,
         choice_label("Gender", GENDER_LABELS, i.gender, lang) if i.gender else "",
         i.kind_text, reason_note(i.reason, i.reason_text, lang), round(i.seconds), dt.timedelta(seconds=round(i.seconds)),
         i.limit_seconds if i.limit_seconds is not None else "",
         answer(i.over_time), i.language, i.summary]
        for m in minutes
        for i in m.interventions()
    ]
    return _head(SPEECH_COLUMNS, lang), rows


def hms(span: dt.timedelta) -> str:
    """A duration as h:mm:ss ("0:02:52"): never read as hours and minutes."""
    seconds = round(span.total_seconds())
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def _csv_cell(value: object) -> object:
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, dt.timedelta):
        return hms(value)
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


XLSX_FORMATS = ((dt.timedelta, "[h]:mm:ss"), (dt.time, "hh:mm"), (dt.date, "yyyy-mm-dd"))


def write_table(path: Path, head: Sequence[str], rows: Sequence[Sequence], *,
                sheet: str, lang: str, delimiter: str = ",") -> None:
    """``rows`` under ``head`` as .csv or .xlsx.

    CSV: UTF-8 with a BOM, ``delimiter`` between cells, text neutralised against formulas
    (a leading apostrophe), times "09:41", durations "0:02:52". XLSX: dates, times and
    durations are real date/time cells, text is stored as text (never run as a formula, and
    with no visible mark), an autofilter on the headings.
    """
    kind = _format(path, lang)
    if delimiter not in DELIMITERS:
        raise RecordsError(
            in_language(lang).translate(
                "Records", "Separate CSV cells with a comma, a semicolon or a tab.")
            , code="records.delimiter")
    with atomic_output(path) as tmp:
        if kind == "csv":
            with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh, delimiter=delimiter)
                writer.writerow(head)
                writer.writerows([_csv_cell(c) for c in row] for row in rows)
        else:
            _write_xlsx(tmp, head, rows, sheet)


def _write_xlsx(path: Path, head: Sequence[str], rows: Sequence[Sequence], sheet: str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    ws = workbook.active
    ws.title = sheet[:31]
    ws.append(list(head))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c)
            if value is None or value == "":
                continue
            cell.value = value
            if isinstance(value, str):
                # Text, even "=…": never run as a formula. Excel's own hidden quote prefix
                # keeps it text when edited, with no apostrophe shown in the cell.
                cell.data_type = "s"
                cell.quotePrefix = neutralise(value) != value
            for kind_of, number_format in XLSX_FORMATS:
                if isinstance(value, kind_of):
                    cell.number_format = number_format
                    break
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    for index, title in enumerate(head):
        width = max([len(title)] + [len(str(_csv_cell(r[index]))) for r in rows[:200]])
        ws.column_dimensions[ws.cell(row=1, column=index + 1).column_letter].width = min(
            max(width + 2, 6), 60)
    buffer = io.BytesIO()  # a failed write then leaves no half-closed zip behind
    workbook.save(buffer)
    path.write_bytes(buffer.getvalue())


def export_attendance(db: Database, out: Path, *, sitting_number: int | None = None,
                      lang: str = "es", delimiter: str = ",") -> int:
    """Attendance of one sitting (by number) or of every sitting held; returns the number of
    rows. Refused for a sitting not held."""
    _format(Path(out), lang)
    head, rows = attendance_rows(_minutes(db, sitting_number, lang, held_only=True), lang)
    write_table(Path(out), head, rows, sheet=in_language(lang).translate("Records", "Attendance"),
                lang=lang, delimiter=delimiter)
    return len(rows)


def export_speeches(db: Database, out: Path, *, sitting_number: int | None = None,
                    lang: str = "es", delimiter: str = ",") -> int:
    """Interventions of one sitting (by number) or of all; returns the number of rows."""
    _format(Path(out), lang)
    head, rows = speech_rows(_minutes(db, sitting_number, lang), lang)
    write_table(Path(out), head, rows,
                sheet=in_language(lang).translate("Records", "Interventions"), lang=lang,
                delimiter=delimiter)
    return len(rows)
