"""The participant list from a terminal: import a roster, export one, write a template.

    encounter-desk [--db FILE | --database URL] import-roster FILE [--dry-run]
                   [--column "HEADER=field" ...] [--sheet NAME]
    encounter-desk [--db FILE | --database URL] export-roster OUT [--template]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from encounter_desk.cli.common import CommandError, add_command, command, open_event
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, translate


@command("import-roster", "CLI", QT_TRANSLATE_NOOP("CLI", "import participants from CSV or XLSX"),
         QT_TRANSLATE_NOOP("CLI", "Import participants from a CSV or XLSX file. All or "
                           "nothing: a file with any bad row imports nothing and "
                           "every bad row is reported."))
def cmd_import_roster(args: argparse.Namespace) -> int:
    from encounter_desk.roster import importer as roster

    column_map = parse_column_map(args.column or [])
    with open_event(args, create=True) as db:
        report = roster.import_roster(
            db, Path(args.file), column_map=column_map, dry_run=args.dry_run, sheet=args.sheet
        )
    for line in report.lines():
        print(line, file=sys.stdout if report.ok else sys.stderr)
    return 0 if report.ok else 1


@command("export-roster", "CLI", QT_TRANSLATE_NOOP("CLI", "export participants to CSV or XLSX"),
         QT_TRANSLATE_NOOP("CLI", "Write the participants to a CSV or XLSX file that "
                           "import-roster reads back."))
def cmd_export_roster(args: argparse.Namespace) -> int:
    from encounter_desk.roster import importer as roster

    out = Path(args.out)
    if args.template:
        roster.write_template(out)
        print(translate("CLI", "Roster template written to {path}.").format(path=out))
        return 0
    with open_event(args, create=True) as db:
        count = roster.export_roster(db, out)
    print(translate("CLI", "{count} participants written to {path}.").format(count=count, path=out))
    return 0


def parse_column_map(items: Sequence[str]) -> dict[str, str]:
    """``--column "HEADER=field"`` options as {header: field}."""
    mapping: dict[str, str] = {}
    for item in items:
        header, sep, field = item.partition("=")
        if not sep or not header.strip() or not field.strip():
            raise CommandError(
                translate(
                    "CLI",
                    '--column takes "HEADER=field", for example --column "Cargo actual=position"; '
                    "got {item!r}.",
                ).format(item=item)
            )
        mapping[header.strip()] = field.strip()
    return mapping


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, cmd_import_roster)
    p.add_argument("file", metavar="FILE", help=translate("CLI", "the roster (.csv or .xlsx)"))
    p.add_argument(
        "--dry-run", action="store_true", help=translate("CLI", "check the file, write nothing")
    )
    p.add_argument(
        "--column",
        action="append",
        metavar="HEADER=field",
        help=translate("CLI", "read a column with another header as a field (repeatable)"),
    )
    p.add_argument(
        "--sheet",
        metavar="NAME",
        help=translate("CLI", "the XLSX sheet to read (default: the first)"),
    )

    p = add_command(sub, cmd_export_roster)
    p.add_argument("out", metavar="OUT", help=translate("CLI", "the file to write (.csv or .xlsx)"))
    p.add_argument(
        "--template",
        action="store_true",
        help=translate("CLI", "write an empty template with example rows instead"),
    )
