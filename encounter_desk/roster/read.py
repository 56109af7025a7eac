"""Reading a roster file into rows of text: CSV (any of the encodings Excel saves) or XLSX.

:func:`read_rows` returns every row with its number in the file (the first row is 1), each
cell as text, or :data:`UNREADABLE` for a cell that cannot be read (an Excel error value such
as ``#REF!``, or bytes in no known encoding). A file that cannot be read at all raises
:class:`RosterFileError` with a sentence for the user.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import re
from pathlib import Path

from encounter_desk.core.errors import Refusal
from encounter_desk.core.i18n import translate

log = logging.getLogger(__name__)

CSV_SUFFIXES = {".csv", ".txt", ".tsv"}
XLSX_SUFFIXES = {".xlsx", ".xlsm"}
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old .xls (and other Office 97 files)


class _Unreadable(str):
    """A cell that could not be read; compares unequal to every real value."""

    def __repr__(self) -> str:
        return "UNREADABLE"


UNREADABLE = _Unreadable("\ufffd")

Row = tuple[int, list[str]]

# A carriage return alone (not before a line feed) inside a CSV line: Excel on a Mac, or a
# pasted cell. Kept in the cell as this private character so that the row is refused with
# its number instead of being split into two participants.
STRAY_CR = "\ue000"
_STRAY_CR_AT = re.compile(r"\r(?!\n)")


class _Formula(str):
    """A formula cell whose workbook holds no computed value (saved by a program that does
    not calculate); the formula text is kept for the message."""


def formula_without_value(cell: str) -> bool:
    return isinstance(cell, _Formula)


class RosterFileError(Refusal):
    """The file cannot be read as a roster; ``str(error)`` is a sentence for the user."""

    default_code = "roster.file"


def read_rows(path: Path, sheet: str | None = None) -> tuple[list[Row], str]:
    """(rows, encoding or sheet description) of the CSV or XLSX file at ``path``."""
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except FileNotFoundError as exc:
        raise RosterFileError(
            translate("Roster", "There is no file at {path}.").format(path=path)
        ) from exc
    except IsADirectoryError as exc:
        raise RosterFileError(
            translate("Roster", "{path} is a folder, not a roster file.").format(path=path)
        ) from exc
    except OSError as exc:
        raise RosterFileError(
            translate("Roster", "{path} cannot be opened: {reason}").format(
                path=path, reason=exc.strerror or exc
            )
        ) from exc
    suffix = path.suffix.lower()
    if head.startswith(_OLE_MAGIC) or suffix == ".xls":
        raise RosterFileError(
            translate(
                "Roster",
                "{name} is an old Excel file (.xls). Save it as .xlsx or .csv and import that.",
            ).format(name=path.name)
        )
    if head.startswith(_ZIP_MAGIC) and suffix not in (".ods",):
        return _read_xlsx(path, sheet)
    if suffix in XLSX_SUFFIXES:
        raise RosterFileError(
            translate(
                "Roster",
                "{name} is not a readable XLSX workbook (it may be damaged). Open it in a "
                "spreadsheet program and save it again, or save it as CSV.",
            ).format(name=path.name)
        )
    if suffix in CSV_SUFFIXES:
        return _read_csv(path)
    raise RosterFileError(
        translate(
            "Roster",
            "{name} is not a CSV or XLSX file. Save the roster as .xlsx or .csv and import that.",
        ).format(name=path.name)
    )


# --- CSV ---------------------------------------------------------------------------------


def decode(data: bytes) -> tuple[str, str, bool]:
    """(text, encoding, lossy): UTF-8 with or without BOM, else Windows-1252 (Excel in Spanish)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", False
        except UnicodeDecodeError:
            return data.decode("utf-16", errors="replace"), "utf-16", True
    try:
        return data.decode("utf-8-sig"), "utf-8", False
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252", False
    except UnicodeDecodeError:
        # Five bytes have no meaning in Windows-1252; their cells are reported as unreadable.
        return data.decode("cp1252", errors="replace"), "cp1252", True


def detect_delimiter(sample: str) -> str:
    """Comma, semicolon or tab: csv.Sniffer, checked against the counts in the first line."""
    first_line = sample.split("\n", 1)[0]
    counts = {d: first_line.count(d) for d in ",;\t"}
    best_count = max(counts, key=lambda d: counts[d])
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        sniffed = ""
    if sniffed and counts.get(sniffed, 0) > 0:
        return sniffed
    return best_count if counts[best_count] > 0 else ","


def _read_csv(path: Path) -> tuple[list[Row], str]:
    data = path.read_bytes()
    text, encoding, lossy = decode(data)
    if not text.strip():
        raise RosterFileError(translate("Roster", "{name} is empty.").format(name=path.name))
    if "\x00" in text:
        raise RosterFileError(
            translate(
                "Roster",
                "{name} is not a text file. Save the roster as .xlsx or .csv and import that.",
            ).format(name=path.name)
        )
    sample = "\n".join(text[:20000].splitlines()[:50])
    delimiter = detect_delimiter(sample)
    if "\n" in text:  # a carriage return alone inside a line is a stray, not a line end
        text = _STRAY_CR_AT.sub(STRAY_CR, text)
    del data
    rows: list[Row] = []
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        line = 1  # a row is numbered by the line of the file it starts on
        for cells in reader:
            if lossy:
                cells = [UNREADABLE if "\ufffd" in c else c for c in cells]
            rows.append((line, cells))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise RosterFileError(
            translate("Roster", "{name} cannot be read as CSV: {reason}").format(
                name=path.name, reason=exc
            )
        ) from exc
    names = {",": "comma", ";": "semicolon", "\t": "tab"}
    return rows, f"CSV, {encoding}, {names[delimiter]}"


# --- XLSX --------------------------------------------------------------------------------


def cell_text(value: object) -> str:
    """The text of a spreadsheet value: 50312345678.0 -> "50312345678", dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _read_xlsx(path: Path, sheet: str | None) -> tuple[list[Row], str]:
    import openpyxl

    damaged = translate(
        "Roster",
        "{name} is not a readable XLSX workbook (it may be damaged). Open it in a "
        "spreadsheet program and save it again, or save it as CSV.",
    ).format(name=path.name)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zipfile, XML and openpyxl errors alike mean "damaged"
        log.info("cannot open %s as XLSX: %r", path, exc)
        raise RosterFileError(damaged) from exc
    try:
        if sheet is not None:
            if sheet not in workbook.sheetnames:
                raise RosterFileError(
                    translate(
                        "Roster", "{name} has no sheet «{sheet}». Its sheets: {sheets}."
                    ).format(name=path.name, sheet=sheet, sheets=", ".join(workbook.sheetnames))
                )
            ws = workbook[sheet]
        else:
            ws = _shown_sheet(workbook, path)
        title = ws.title
        formulas = openpyxl.load_workbook(path, read_only=True, data_only=False)
        rows: list[Row] = []
        try:
            with_formulas = formulas[title].iter_rows(min_row=1)
            for number, cells in enumerate(ws.iter_rows(min_row=1), start=1):
                written = next(with_formulas, ())
                rows.append((number, [_xlsx_cell(c, written, i) for i, c in enumerate(cells)]))
        except Exception as exc:
            log.info("cannot read %s: %r", path, exc)
            raise RosterFileError(damaged) from exc
        finally:
            formulas.close()
    finally:
        workbook.close()
    if not any(any(c.strip() for c in cells) for _, cells in rows):
        raise RosterFileError(translate("Roster", "{name} is empty.").format(name=path.name))
    return rows, f"XLSX, {title}"


def _xlsx_cell(cell, written, index: int) -> str:  # noqa: ANN001
    if getattr(cell, "data_type", None) == "e":
        return UNREADABLE
    if cell.value is None and index < len(written):
        formula = written[index].value
        if isinstance(formula, str) and formula.startswith("="):
            return _Formula(formula)
    return cell_text(cell.value)


def _shown_sheet(workbook, path: Path):  # noqa: ANN001, ANN202
    """The sheet Excel shows when the file opens (the active one), never a hidden sheet."""
    shown = [ws for ws in workbook.worksheets if ws.sheet_state == "visible"]
    if not shown:
        raise RosterFileError(translate("Roster", "{name} is empty.").format(name=path.name))
    active = workbook.active
    return active if active in shown else shown[0]
