"""Attendance and speeches out to CSV or XLSX, for spreadsheets and for the archive.

One row per participant and sitting (attendance) or per intervention (speeches), for one
sitting or for all of them, in the language given. Cells a spreadsheet would run as a
formula (= + - @, tab, carriage return at the start) are neutralised with the roster
export's guard (:func:`encounter_desk.roster.export.neutralise`). CSV files are UTF-8 with
a BOM so that Excel opens accents correctly.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select

from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, in_language
from encounter_desk.records.minutes.context import MinutesContext
from encounter_desk.records.minutes.data import MinutesData, gather
from encounter_desk.records.register import RecordsError, find_sitting
from encounter_desk.records.sitting_life import require_held
from encounter_desk.roster.export import neutralise
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import Sitting


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
    QT_TRANSLATE_NOOP("Records", "Session"), QT_TRANSLATE_NOOP("Records", "Date"),
    QT_TRANSLATE_NOOP("Records", "Delegation"), QT_TRANSLATE_NOOP("Records", "Title"),
    QT_TRANSLATE_NOOP("Records", "Name"), QT_TRANSLATE_NOOP("Records", "Role"),
    QT_TRANSLATE_NOOP("Records", "Attendance"), QT_TRANSLATE_NOOP("Records", "Arrival"),
    QT_TRANSLATE_NOOP("Records", "Source"),
)
SPEECH_COLUMNS = (
    QT_TRANSLATE_NOOP("Records", "Session"), QT_TRANSLATE_NOOP("Records", "Agenda item"),
    QT_TRANSLATE_NOOP("Records", "Number"), QT_TRANSLATE_NOOP("Records", "Start"),
    QT_TRANSLATE_NOOP("Records", "End"), QT_TRANSLATE_NOOP("Records", "Title"),
    QT_TRANSLATE_NOOP("Records", "Name"), QT_TRANSLATE_NOOP("Records", "Delegation"),
    QT_TRANSLATE_NOOP("Records", "Gender"), QT_TRANSLATE_NOOP("Records", "Kind"),
    QT_TRANSLATE_NOOP("Records", "Seconds"), QT_TRANSLATE_NOOP("Records", "Duration"),
    QT_TRANSLATE_NOOP("Records", "Limit (seconds)"), QT_TRANSLATE_NOOP("Records", "Over time"),
    QT_TRANSLATE_NOOP("Records", "Language"), QT_TRANSLATE_NOOP("Records", "Summary"),
)


def attendance_rows(minutes: Sequence[MinutesData], lang: str) -> tuple[list[str], list[list]]:
    rows = []
    for m in minutes:
        for block in m.attendance:
            for group in block.groups:
                for line in group.lines:
                    rows.append([m.header.sitting_number, m.header.date.isoformat(), group.name,
                                 line.title, line.name, line.role, line.status_text,
                                 line.arrival, line.source])
    return _head(ATTENDANCE_COLUMNS, lang), rows


def speech_rows(minutes: Sequence[MinutesData], lang: str) -> tuple[list[str], list[list]]:
    tr = in_language(lang)
    yes, no = tr.translate("Records", "yes"), tr.translate("Records", "no")
    rows = []
    for m in minutes:
        for i in m.interventions():
            rows.append([m.header.sitting_number, i.agenda_item_number or "", i.number,
                         i.start, i.end, i.title, i.name, i.delegation, i.gender, i.kind_text,
                         round(i.seconds), i.duration,
                         i.limit_seconds if i.limit_seconds is not None else "",
                         yes if i.over_time else no, i.language, i.summary])
    return _head(SPEECH_COLUMNS, lang), rows


def write_table(path: Path, head: Sequence[str], rows: Sequence[Sequence], *,
                sheet: str, lang: str) -> None:
    """``rows`` under ``head`` as .csv or .xlsx; text cells neutralised, numbers kept."""
    kind = _format(path, lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    safe = [[neutralise(c) if isinstance(c, str) else c for c in row] for row in rows]
    if kind == "csv":
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(head)
            writer.writerows(safe)
        return
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    ws = workbook.active
    ws.title = sheet[:31]
    ws.append(list(head))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in safe:
        ws.append(list(row))
    ws.freeze_panes = "A2"
    for index, title in enumerate(head):
        width = max([len(title)] + [len(str(r[index])) for r in safe[:200]])
        ws.column_dimensions[ws.cell(row=1, column=index + 1).column_letter].width = min(
            max(width + 2, 6), 60)
    workbook.save(path)


def export_attendance(db: Database, out: Path, *, sitting_number: int | None = None,
                      lang: str = "es") -> int:
    """Attendance of one sitting (by number) or of every sitting held; returns the number of
    rows. Refused for a sitting not held."""
    _format(Path(out), lang)
    head, rows = attendance_rows(_minutes(db, sitting_number, lang, held_only=True), lang)
    write_table(Path(out), head, rows, sheet=in_language(lang).translate("Records", "Attendance"),
                lang=lang)
    return len(rows)


def export_speeches(db: Database, out: Path, *, sitting_number: int | None = None,
                    lang: str = "es") -> int:
    """Interventions of one sitting (by number) or of all; returns the number of rows."""
    _format(Path(out), lang)
    head, rows = speech_rows(_minutes(db, sitting_number, lang), lang)
    write_table(Path(out), head, rows,
                sheet=in_language(lang).translate("Records", "Interventions"), lang=lang)
    return len(rows)
