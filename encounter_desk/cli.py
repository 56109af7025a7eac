"""One command line for everything.

    encounter-desk [--db PATH | --database URL] [--lang es|en] [COMMAND] [ARGS]

With no command it opens the desktop app on the event. The global options come before the
command. Commands call the same services as the app; messages are in the chosen language.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from encounter_desk import __version__, config, i18n
from encounter_desk.db import Database, DatabaseError, open_database, resolve_url
from encounter_desk.i18n import translate

log = logging.getLogger(__name__)


def _t(text: str) -> str:
    return translate("CLI", text)


class CommandError(Exception):
    """A command could not do its job; the message is for the user."""


# --- the commands ------------------------------------------------------------------------

def cmd_open(args: argparse.Namespace) -> int:
    if not display_available():
        print(no_display_message(), file=sys.stderr)
        return 2
    from encounter_desk.ui.app import run_app

    return run_app(database_url=args.url, language=args.lang)


def cmd_demo(args: argparse.Namespace) -> int:
    from encounter_desk import demo

    db = _open(args)
    try:
        summary = demo.build_demo(db, replace=args.force)
    finally:
        db.close()
    print(
        _t("Demo event ready in {where}: {participants} participants, {delegations} delegations, "
           "{sittings} sittings.").format(where=db.describe(), **summary)
    )
    if args.open:
        return cmd_open(args)
    return 0


def cmd_import_roster(args: argparse.Namespace) -> int:
    from encounter_desk import roster

    column_map = _parse_column_map(args.column or [])
    db = _open(args)
    try:
        report = roster.import_roster(
            db, Path(args.file), column_map=column_map, dry_run=args.dry_run, sheet=args.sheet
        )
    finally:
        db.close()
    for line in report.lines():
        print(line, file=sys.stdout if report.ok else sys.stderr)
    return 0 if report.ok else 1


def cmd_export_roster(args: argparse.Namespace) -> int:
    from encounter_desk import roster

    out = Path(args.out)
    if args.template:
        roster.write_template(out)
        print(_t("Roster template written to {path}.").format(path=out))
        return 0
    db = _open(args)
    try:
        count = roster.export_roster(db, out)
    finally:
        db.close()
    print(_t("{count} participants written to {path}.").format(count=count, path=out))
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    from encounter_desk import events
    from encounter_desk.summary import event_summary

    db = _open(args)
    try:
        event = events.load_event(db)
        if event is None:
            raise CommandError(str(events.NoEventError()))
        counts = event_summary(db)
    finally:
        db.close()
    lang = i18n.language()
    print(event.name(lang))
    print(_t("Reference: {code}").format(code=event.code))
    print(_t("Dates: {start} to {end}").format(start=event.start_date, end=event.end_date))
    print(_t("Venue: {venue}").format(venue=", ".join(
        p for p in (event.venue, event.city, event.country) if p)))
    print(_t("Database: {where}").format(where=db.describe()))
    print(_t("Delegations: {n}").format(n=counts["delegations"]))
    print(_t("Participants: {n}").format(n=counts["participants"]))
    print(_t("Sittings: {n}").format(n=counts["sittings"]))
    return 0


# --- plumbing ----------------------------------------------------------------------------

def _open(args: argparse.Namespace) -> Database:
    return open_database(args.url)


def _parse_column_map(items: Sequence[str]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for item in items:
        header, sep, field = item.partition("=")
        if not sep or not header.strip() or not field.strip():
            raise CommandError(
                _t('--column takes "HEADER=field", for example --column "Cargo actual=position"; '
                   'got {item!r}.').format(item=item)
            )
        mapping[header.strip()] = field.strip()
    return mapping


def display_available() -> bool:
    """Whether Qt can open a window here (a display, or an explicit platform plugin)."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux") or "bsd" in sys.platform:
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True  # Windows and macOS always have a window system


def no_display_message() -> str:
    return _t(
        "There is no display to open the app on: run it from a desktop session, under a "
        "virtual display (xvfb-run encounter-desk), or offscreen with QT_QPA_PLATFORM=offscreen."
    )


COMMANDS: dict[str, tuple[Callable[[argparse.Namespace], int], str]] = {}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="encounter-desk",
        description=_t(
            "Runs a parliamentary meeting offline: QR check-in, the list of speakers and the "
            "clock, attendance, and the minutes. With no command, opens the desktop app."
        ),
        epilog=_t("Global options come before the command. Each command has its own --help."),
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--db", metavar="PATH", help=_t("the event file (SQLite) to use"))
    where.add_argument(
        "--database",
        metavar="URL",
        help=_t("a database URL, e.g. postgresql+psycopg://user:pass@server/event "
                "(default: $ENCOUNTER_DESK_DATABASE, else the event file in the user data folder)"),
    )
    parser.add_argument(
        "--lang", choices=config.LANGUAGES, help=_t("language of the app and its messages")
    )
    parser.add_argument("--version", action="version", version=f"encounter-desk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar=_t("COMMAND"), title=_t("commands"))

    p = sub.add_parser("open", help=_t("open the desktop app (the default)"),
                       description=_t("Open the desktop app on the event."))
    p.set_defaults(func=cmd_open)

    p = sub.add_parser("demo", help=_t("fill the event file with the demo encounter"),
                       description=_t("Fill the event file with the demo encounter: the 11 "
                                      "delegations, about 120 participants and five sittings."))
    p.add_argument("--open", action="store_true", help=_t("open the desktop app afterwards"))
    p.add_argument("--force", action="store_true",
                   help=_t("replace an event that the file already holds"))
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("import-roster", help=_t("import participants from CSV or XLSX"),
                       description=_t("Import participants from a CSV or XLSX file. All or "
                                      "nothing: a file with any bad row imports nothing and "
                                      "every bad row is reported."))
    p.add_argument("file", metavar="FILE", help=_t("the roster (.csv or .xlsx)"))
    p.add_argument("--dry-run", action="store_true", help=_t("check the file, write nothing"))
    p.add_argument("--column", action="append", metavar="HEADER=field",
                   help=_t("read a column with another header as a field (repeatable)"))
    p.add_argument("--sheet", metavar="NAME", help=_t("the XLSX sheet to read (default: the first)"))
    p.set_defaults(func=cmd_import_roster)

    p = sub.add_parser("export-roster", help=_t("export participants to CSV or XLSX"),
                       description=_t("Write the participants to a CSV or XLSX file that "
                                      "import-roster reads back."))
    p.add_argument("out", metavar="OUT", help=_t("the file to write (.csv or .xlsx)"))
    p.add_argument("--template", action="store_true",
                   help=_t("write an empty template with example rows instead"))
    p.set_defaults(func=cmd_export_roster)

    p = sub.add_parser("info", help=_t("show the event, its file and its counts"),
                       description=_t("Show the event, where its database is, and its counts."))
    p.set_defaults(func=cmd_info)

    for extend in _EXTENSIONS:
        extend(sub)
    return parser


# Later capabilities register their subcommands here (see badges, checkin, minutes).
_EXTENSIONS: list[Callable[[argparse._SubParsersAction], None]] = []


def _early_language(argv: Sequence[str]) -> str:
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--lang", choices=config.LANGUAGES)
    known, _ = pre.parse_known_args(argv)
    return known.lang or config.default_language()


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _early_language(argv)
    i18n.set_language(lang)
    parser = build_parser()
    args = parser.parse_args(argv)
    args.lang = lang
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        args.url = resolve_url(args.db, args.database)
        func = getattr(args, "func", cmd_open)
        return func(args)
    except (CommandError, DatabaseError) as exc:
        print(_t("Error: {message}").format(message=exc), file=sys.stderr)
        return 1
    except OSError as exc:
        print(_t("Error: {message}").format(message=exc.strerror or exc), file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
