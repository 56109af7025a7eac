"""Participants out to CSV or XLSX, and the roster template, in the columns the importer reads.

Every exported file imports back with no change. Cells that a spreadsheet would run as a
formula (beginning with = + - @, tab or carriage return) are written with a leading
apostrophe, which the importer removes again.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from encounter_desk.core import i18n
from encounter_desk.core.files import atomic_output
from encounter_desk.core.i18n import in_language, translate
from encounter_desk.event.event import NoEventError, find_event
from encounter_desk.roster.columns import EXPORT_FIELDS, category_label, header_label, yes_no
from encounter_desk.roster.read import CSV_SUFFIXES, XLSX_SUFFIXES, RosterFileError
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import Delegation, DelegationKind, Participant

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# What the importer takes for an escape: an apostrophe before a formula start, or before
# another apostrophe (so that a value that itself begins "'=" survives the round trip).
_ESCAPED = tuple("'" + start for start in (*FORMULA_STARTS, "'"))


def neutralise(value: str) -> str:
    """"=1+2" -> "'=1+2": a spreadsheet shows the text instead of running it."""
    if value.startswith(FORMULA_STARTS) or value.startswith(_ESCAPED):
        return "'" + value
    return value


def unneutralise(value: str) -> str:
    """The importer's inverse of :func:`neutralise`."""
    return value[1:] if value.startswith(_ESCAPED) else value


def _format_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        return "xlsx"
    if suffix in CSV_SUFFIXES:
        return "csv"
    raise RosterFileError(
        translate("Roster", "A roster is written as .xlsx or .csv; {name} is neither.")
        .format(name=path.name)
    )


def headers(lang: str | None = None) -> list[str]:
    return [header_label(field, lang) for field in EXPORT_FIELDS]


def participant_cells(p: Participant, lang: str) -> list[str]:
    d = p.delegation
    country = ""
    if d is not None and d.kind == DelegationKind.COUNTRY:
        country = d.name(lang)
    values = {
        "title": p.title,
        "given_names": p.given_names,
        "first_surname": p.first_surname,
        "second_surname": p.second_surname,
        "country": country,
        "delegation": d.code if d is not None else "",
        "institution": p.institution,
        "position": p.position,
        "chamber": p.chamber,
        "committee": p.committee,
        "head_of_delegation": yes_no(p.is_head_of_delegation, lang),
        "category": category_label(p.category, lang) if p.category else "",
        "gender": p.gender or "",
        "email": p.email,
        "phone": p.phone,
        "language": p.language,
        "note": p.desk_note,
    }
    return [values[field] or "" for field in EXPORT_FIELDS]


def export_roster(db: Database, path: Path) -> int:
    """Write every participant to ``path`` (.csv or .xlsx); returns how many."""
    kind = _format_of(path)
    lang = i18n.language()
    with db.read() as session:
        if find_event(session) is None:
            raise RosterFileError(str(NoEventError()))
        people = list(
            session.scalars(
                select(Participant)
                .outerjoin(Delegation, Participant.delegation_id == Delegation.id)
                .options(joinedload(Participant.delegation))
                .order_by(Delegation.canonical_order, Participant.sort_key, Participant.id)
            )
        )
        rows = [participant_cells(p, lang) for p in people]
    _write(path, kind, headers(lang), rows)
    return len(rows)


def template_rows(lang: str | None = None) -> list[list[str]]:
    """Two examples: a Mexican senator and an IOM officer (no country: grouped under OI)."""
    lang = lang or i18n.language()
    senator = {
        "title": "Sen.", "given_names": "Guadalupe", "first_surname": "Ortiz",
        "second_surname": "Villaseñor", "country": "México" if lang == "es" else "Mexico",
        "institution": "Senado de la República",
        "position": "Presidenta de la Comisión para la Igualdad de Género",
        "chamber": "Senado", "committee": "Comisión para la Igualdad de Género",
        "head_of_delegation": yes_no(True, lang), "category": category_label("lawmaker", lang),
        "gender": "F", "email": "guadalupe.ortiz@example.mx", "phone": "+52 55 5345 3000",
        "language": "es", "note": "",
    }
    officer = {
        "title": "Lic.", "given_names": "Tomás", "first_surname": "de la Cruz",
        "second_surname": "Pérez", "country": "",
        "institution": "Organización Internacional para las Migraciones (OIM)",
        "position": "Oficial de programas", "chamber": "",
        "committee": "", "head_of_delegation": yes_no(False, lang),
        "category": category_label("international", lang), "gender": "M",
        "email": "tomas.delacruz@example.org", "phone": "", "language": "es",
        "note": in_language(lang).translate("Roster", "Needs simultaneous interpretation into English"),
    }
    return [[row.get(field, "") for field in EXPORT_FIELDS] for row in (senator, officer)]


def write_template(path: Path) -> None:
    """Headers and two example rows, in the current language, as .xlsx or .csv."""
    kind = _format_of(path)
    lang = i18n.language()
    _write(path, kind, headers(lang), template_rows(lang))


def _write(path: Path, kind: str, head: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    safe_rows = [[neutralise(c) for c in row] for row in rows]
    with atomic_output(path) as tmp:
        if kind == "csv":
            # UTF-8 with a BOM: Excel then opens accents correctly; the importer takes both.
            with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(head)
                writer.writerows(safe_rows)
        else:
            _write_xlsx(tmp, head, safe_rows)


def _write_xlsx(path: Path, head: Sequence[str], safe_rows: list[list[str]]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    ws = workbook.active
    ws.title = translate("Roster", "Participants")
    ws.append(list(head))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in safe_rows:
        ws.append(row)
    ws.freeze_panes = "A2"
    for index, title in enumerate(head):
        width = max([len(title)] + [len(r[index]) for r in safe_rows[:200]])
        ws.column_dimensions[ws.cell(row=1, column=index + 1).column_letter].width = min(
            max(width + 2, 8), 45)
    buffer = io.BytesIO()  # a failed write then leaves no half-closed zip behind
    workbook.save(buffer)
    path.write_bytes(buffer.getvalue())
