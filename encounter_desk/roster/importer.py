"""Participant lists in and out: import a CSV or XLSX roster, export one, write a template.

Import is **all or nothing**: every row is checked first; if any row is bad nothing is
written and every bad row is reported by its number in the file. A good file is written in
one transaction (so the audit trail records it). Importing the same file again changes
nothing; an updated file updates people in place, matched by email (case ignored), else by
name and delegation. The vocabulary the importer understands is in ``docs/roster.md`` and
:mod:`encounter_desk.roster.columns`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from encounter_desk.core import names as text
from encounter_desk.core.i18n import translate
from encounter_desk.core.progress import Progress, or_quiet
from encounter_desk.event.event import NoEventError, find_event
from encounter_desk.roster.columns import (
    FIELDS,
    IGNORE,
    field_for_header,
    field_for_name,
    header_label,
    norm,
)
from encounter_desk.roster.export import export_roster, write_template
from encounter_desk.roster.plan import PlannedRow, RosterPlanner, RowError
from encounter_desk.roster.read import UNREADABLE, RosterFileError, Row, read_rows
from encounter_desk.storage.database import Database

__all__ = [
    "ImportReport",
    "PlannedRow",
    "RosterFileError",
    "RowError",
    "export_roster",
    "import_roster",
    "preview_roster",
    "write_template",
]

HEADER_SEARCH_ROWS = 10


@dataclass
class ImportReport:
    path: Path
    dry_run: bool = False
    source: str = ""
    file_error: str | None = None
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    planned: list[PlannedRow] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    written: bool = False

    @property
    def ok(self) -> bool:
        return self.file_error is None and not self.errors

    def lines(self) -> list[str]:
        """Sentences for the user: a summary, then one line per problem."""
        name = self.path.name
        if self.file_error is not None:
            return [
                translate("Roster", "Nothing was imported. {reason}").format(reason=self.file_error)
            ]
        if self.errors:
            return [
                translate(
                    "Roster",
                    "Nothing was imported from {name}; fix these rows and import it again:",
                ).format(name=name),
                *(str(e) for e in self.errors),
                *self.warnings,
            ]
        counts = {"created": self.created, "updated": self.updated, "unchanged": self.unchanged}
        if self.dry_run:
            head = translate(
                "Roster",
                "{name} can be imported: {created} new, {updated} to update, {unchanged} "
                "unchanged. Nothing was written (dry run).",
            ).format(name=name, **counts)
        else:
            head = translate(
                "Roster",
                "Imported {name}: {created} new, {updated} updated, {unchanged} unchanged.",
            ).format(name=name, **counts)
        return [head, *self.warnings]


def preview_roster(
    db: Database, path: Path, *, column_map: dict[str, str] | None = None, sheet: str | None = None
) -> ImportReport:
    """What importing ``path`` would do, without writing anything (for the Setup dialog)."""
    return import_roster(db, path, column_map=column_map, dry_run=True, sheet=sheet)


def import_roster(
    db: Database,
    path: Path,
    *,
    column_map: dict[str, str] | None = None,
    dry_run: bool = False,
    sheet: str | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import the roster at ``path``: all of it, or (if any row is bad) none of it.

    ``progress`` hears of every row checked and written; cancelling it (any time before
    the one transaction commits) writes nothing."""
    path = Path(path)
    report = ImportReport(path=path, dry_run=dry_run)
    progress = or_quiet(progress)
    progress.say(translate("Roster", "Reading {name}…").format(name=path.name))
    try:
        targets = _resolve_column_map(column_map or {})
        rows, report.source = read_rows(path, sheet)
        header_row, columns, report.warnings = _find_header(rows, targets, path.name)
        data = [
            (n, cells)
            for n, cells in rows
            if n > header_row and any(c is UNREADABLE or c.strip() for c in cells)
        ]
        if not data:
            raise RosterFileError(
                translate("Roster", "{name} has headers but no participants.").format(
                    name=path.name
                )
            )
    except RosterFileError as exc:
        report.file_error = str(exc)
        return report

    opener = db.read if dry_run else db.write
    with opener() as session:
        if find_event(session) is None:
            report.file_error = str(NoEventError())
            return report
        width = len(next(cells for n, cells in rows if n == header_row))
        del rows  # a large roster: each row is let go of once it is planned
        plan = RosterPlanner(session, columns, width, report)
        total = len(data)
        checked = progress.steps(total, translate("Roster", "Checking {count} rows of {name}…")
                                 .format(count=total, name=path.name), every=20)
        data.reverse()
        while data:
            plan.row(*data.pop())
            checked(total - len(data))
        report.errors.sort(key=lambda e: e.row)
        if report.ok and not dry_run:
            plan.apply(progress)
            progress.check()  # the last moment to stop: the transaction commits next
            report.written = True
    return report


# --- columns -----------------------------------------------------------------------------


def _resolve_column_map(column_map: dict[str, str]) -> dict[str, tuple[str, str]]:
    """{folded header: (field, header)} for ``--column HEADER=field``; unknown field: error."""
    out: dict[str, tuple[str, str]] = {}
    for header, name in column_map.items():
        target = field_for_name(name)
        if target is None:
            fields = ", ".join([f.name for f in FIELDS] + [IGNORE])
            raise RosterFileError(
                translate(
                    "Roster",
                    "--column «{header}={field}»: there is no field «{field}». The fields are: "
                    "{fields}.",
                ).format(header=header, field=name, fields=fields)
            )
        out[norm(header)] = (target, header)
    return out


_Targets = dict[str, tuple[str, str]]


def _map_header(cells: list[str], targets: _Targets) -> tuple[dict[int, str], list[str]]:
    columns: dict[int, str] = {}
    unknown: list[str] = []
    for index, cell in enumerate(cells):
        header = "" if cell is UNREADABLE else text.clean(cell)
        if not header:
            continue
        key = norm(header)
        name = targets[key][0] if key in targets else field_for_header(header)
        if name is None:
            unknown.append(header)
        elif name != IGNORE:
            columns[index] = name
    return columns, unknown


def _find_header(
    rows: list[Row], targets: _Targets, name: str
) -> tuple[int, dict[int, str], list[str]]:
    """The first row (within the first few) whose headers name the people."""
    seen = 0
    for number, cells in rows:
        if not any(c.strip() for c in cells if c is not UNREADABLE):
            continue
        seen += 1
        columns, unknown = _map_header(cells, targets)
        if any(f in columns.values() for f in ("given_names", "surnames", "first_surname")):
            _check_columns(cells, columns, targets, name)
            warnings = [
                translate("Roster", "Column «{header}» was not recognised and was ignored.").format(
                    header=h
                )
                for h in unknown
            ]
            return number, columns, warnings
        if seen >= HEADER_SEARCH_ROWS:
            break
    raise RosterFileError(
        translate(
            "Roster",
            "{name} has no column of names: its first row needs headers such as «Given names» "
            "or «Nombre» and «Surnames» or «Apellidos» (or say which column holds them with "
            '--column "HEADER=given_names").',
        ).format(name=name)
    )


def _check_columns(cells: list[str], columns: dict[int, str], targets: _Targets, name: str) -> None:
    present = {norm(c) for c in cells if c is not UNREADABLE}
    for key, (_, header) in targets.items():
        if key not in present:
            raise RosterFileError(
                translate("Roster", "{name} has no column «{header}» (named in --column).").format(
                    name=name, header=header
                )
            )
    by_field: dict[str, list[str]] = defaultdict(list)
    for index, fname in columns.items():
        by_field[fname].append(text.clean(cells[index]))
    for fname, headers in by_field.items():
        if len(headers) > 1:
            raise RosterFileError(
                translate(
                    "Roster",
                    "Columns {headers} all hold «{field}»: keep one, or have the others ignored "
                    'with --column "HEADER=ignore".',
                ).format(headers=", ".join(f"«{h}»" for h in headers), field=header_label(fname))
            )
    if "surnames" in by_field and ({"first_surname", "second_surname"} & by_field.keys()):
        raise RosterFileError(
            translate(
                "Roster",
                "Give the surnames either in one column («Surnames») or in two («First surname», "
                "«Second surname»), not both.",
            )
        )
