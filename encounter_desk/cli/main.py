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
from typing import Protocol

from encounter_desk import __version__
from encounter_desk.core import config, i18n
from encounter_desk.core.errors import Refusal
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, translate
from encounter_desk.storage.database import Database, open_database, resolve_url

log = logging.getLogger(__name__)


class Desktop(Protocol):
    """What the CLI needs of the desktop app (``ui/shell/launcher.py`` provides it)."""

    def open(self, database_url: str, language: str | None) -> int: ...

    def check_window(self, database_url: str, language: str) -> str: ...


class CommandError(Refusal):
    """A command could not do its job; the message is for the user."""

    default_code = "cli.refused"


# --- the commands ------------------------------------------------------------------------


def cmd_open(args: argparse.Namespace) -> int:
    if not display_available():
        print(no_display_message(), file=sys.stderr)
        return 2
    missing = missing_x11_library()
    if missing:
        print(missing_x11_message(missing), file=sys.stderr)
        return 2
    if args.desktop is None:
        raise CommandError(translate("CLI", "This command line was started without the desktop app."))
    # A language saved in the app's settings wins unless --lang was given.
    return args.desktop.open(args.url, args.lang_given)


def cmd_demo(args: argparse.Namespace) -> int:
    from encounter_desk.demo import build as demo

    db = _open(args)
    try:
        summary = demo.build_demo(db, replace=args.force)
    except (Refusal, ValueError) as exc:
        raise CommandError(str(exc)) from exc
    finally:
        db.close()
    print(
        translate(
            "CLI",
            "Demo event ready in {where}: {participants} participants, {delegations} delegations, "
            "{sittings} sittings.",
        ).format(where=db.describe(), **summary)
    )
    if args.open:
        return cmd_open(args)
    return 0


def cmd_import_roster(args: argparse.Namespace) -> int:
    from encounter_desk.roster import importer as roster

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
    from encounter_desk.roster import importer as roster

    out = Path(args.out)
    try:
        if args.template:
            roster.write_template(out)
            print(translate("CLI", "Roster template written to {path}.").format(path=out))
            return 0
        db = _open(args)
        try:
            count = roster.export_roster(db, out)
        finally:
            db.close()
    except roster.RosterFileError as exc:
        raise CommandError(str(exc)) from exc
    print(translate("CLI", "{count} participants written to {path}.").format(count=count, path=out))
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    from encounter_desk.event import event as events
    from encounter_desk.event.summary import event_summary

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
    print(translate("CLI", "Reference: {code}").format(code=event.code))
    print(
        translate("CLI", "Dates: {start} to {end}").format(
            start=event.start_date, end=event.end_date
        )
    )
    print(
        translate("CLI", "Venue: {venue}").format(
            venue=", ".join(p for p in (event.venue, event.city, event.country) if p)
        )
    )
    print(translate("CLI", "Database: {where}").format(where=db.describe()))
    print(translate("CLI", "Delegations: {n}").format(n=counts["delegations"]))
    print(translate("CLI", "Participants: {n}").format(n=counts["participants"]))
    print(translate("CLI", "Sittings: {n}").format(n=counts["sittings"]))
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
                translate(
                    "CLI",
                    '--column takes "HEADER=field", for example --column "Cargo actual=position"; '
                    "got {item!r}.",
                ).format(item=item)
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


# What Qt's X11 plugin (libqxcb) loads from the system, with Debian's package names.
X11_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-image": "libxcb-image0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-shape": "libxcb-shape0",
    "xcb-randr": "libxcb-randr0",
    "xcb-xkb": "libxcb-xkb1",
    "xkbcommon-x11": "libxkbcommon-x11-0",
}


def missing_x11_library() -> str | None:
    """On an X11 desktop, the system libraries Qt's X11 plugin needs and cannot find (Debian
    package names, space-separated), or None.

    Without them Qt aborts with a plugin trace before the app can say anything."""
    if os.environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith("linux"):
        return None
    if os.environ.get("WAYLAND_DISPLAY") or not os.environ.get("DISPLAY"):
        return None
    import ctypes.util

    missing = [package for name, package in X11_LIBRARIES.items()
               if not ctypes.util.find_library(name)]
    return " ".join(missing) or None


def missing_x11_message(library: str) -> str:
    return translate(
        "CLI",
        "The app cannot open a window on this X11 desktop: system libraries are missing "
        "({library}). Install them (on Debian or Ubuntu: sudo apt-get install {library}) and "
        "start the app again.",
    ).format(library=library)


def no_display_message() -> str:
    return translate(
        "CLI",
        "There is no display to open the app on: run it from a desktop session, under a "
        "virtual display (xvfb-run encounter-desk), or offscreen with QT_QPA_PLATFORM=offscreen.",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="encounter-desk",
        description=translate(
            "CLI",
            "Runs a parliamentary meeting offline: QR check-in, the list of speakers and the "
            "clock, attendance, and the minutes. With no command, opens the desktop app.",
        ),
        epilog=translate(
            "CLI", "Global options come before the command. Each command has its own --help."
        ),
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--db", metavar="PATH", help=translate("CLI", "the event file (SQLite) to use")
    )
    where.add_argument(
        "--database",
        metavar="URL",
        help=translate(
            "CLI",
            "a database URL, e.g. postgresql+psycopg://user:pass@server/event "
            "(default: $ENCOUNTER_DESK_DATABASE, else the event file in the user data folder)",
        ),
    )
    parser.add_argument(
        "--lang",
        choices=config.LANGUAGES,
        help=translate("CLI", "language of the app and its messages"),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"encounter-desk {__version__}",
        help=translate("CLI", "show the version and exit"),
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=translate(
            "CLI",
            "check the app end to end in a temporary folder (event, roster, badge, check-in, "
            "speech, minutes, window) and exit 0 if every step worked",
        ),
    )
    sub = parser.add_subparsers(
        dest="command", metavar=translate("CLI", "COMMAND"), title=translate("CLI", "commands")
    )

    p = sub.add_parser(
        "open",
        help=translate("CLI", "open the desktop app (the default)"),
        description=translate("CLI", "Open the desktop app on the event."),
    )
    p.set_defaults(func=cmd_open)

    p = sub.add_parser(
        "demo",
        help=translate("CLI", "fill the event file with the demo encounter"),
        description=translate(
            "CLI",
            "Fill the event file with the demo encounter: the 11 "
            "delegations, about 120 participants and five sittings.",
        ),
    )
    p.add_argument(
        "--open", action="store_true", help=translate("CLI", "open the desktop app afterwards")
    )
    p.add_argument(
        "--force",
        action="store_true",
        help=translate("CLI", "replace an event that the file already holds"),
    )
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser(
        "import-roster",
        help=translate("CLI", "import participants from CSV or XLSX"),
        description=translate(
            "CLI",
            "Import participants from a CSV or XLSX file. All or "
            "nothing: a file with any bad row imports nothing and "
            "every bad row is reported.",
        ),
    )
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
    p.set_defaults(func=cmd_import_roster)

    p = sub.add_parser(
        "export-roster",
        help=translate("CLI", "export participants to CSV or XLSX"),
        description=translate(
            "CLI", "Write the participants to a CSV or XLSX file that import-roster reads back."
        ),
    )
    p.add_argument("out", metavar="OUT", help=translate("CLI", "the file to write (.csv or .xlsx)"))
    p.add_argument(
        "--template",
        action="store_true",
        help=translate("CLI", "write an empty template with example rows instead"),
    )
    p.set_defaults(func=cmd_export_roster)

    p = sub.add_parser(
        "info",
        help=translate("CLI", "show the event, its file and its counts"),
        description=translate("CLI", "Show the event, where its database is, and its counts."),
    )
    p.set_defaults(func=cmd_info)

    for extend in _EXTENSIONS:
        extend(sub)
    return parser


# Later capabilities register their subcommands here (see badges, checkin, minutes).
_EXTENSIONS: list[Callable[[argparse._SubParsersAction], None]] = []

from encounter_desk.cli import desk as cli_desk  # noqa: E402 - registers after the list exists

_EXTENSIONS.append(cli_desk.register)
from encounter_desk.cli import storage as cli_admin  # noqa: E402

_EXTENSIONS.append(cli_admin.register)
from encounter_desk.cli import records as cli_records  # noqa: E402

_EXTENSIONS.append(cli_records.register)
from encounter_desk.cli import declaration as cli_declaration  # noqa: E402

_EXTENSIONS.append(cli_declaration.register)


# argparse's own words, so that --help and usage errors read in the user's language too.
ARGPARSE_STRINGS = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("argparse", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("argparse", "can't open '%(filename)s': %(error)s"),
)


def _argparse_gettext(message: str) -> str:
    return translate("argparse", message)


_GLOBAL_WITH_VALUE = ("--db", "--database", "--lang")


def _global_options(argv: Sequence[str]) -> list[str]:
    """The options before the command: a command's own --lang (the language of a document)
    must not switch the language of the messages."""
    out: list[str] = []
    index = 0
    while index < len(argv) and argv[index].startswith("-"):
        out.append(argv[index])
        if argv[index] in _GLOBAL_WITH_VALUE and index + 1 < len(argv):
            out.append(argv[index + 1])
            index += 1
        index += 1
    return out


def _early_language(argv: Sequence[str]) -> str:
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--lang", choices=config.LANGUAGES)
    known, _ = pre.parse_known_args(_global_options(argv))
    return known.lang or config.default_language()


def main(argv: Sequence[str] | None = None, desktop: Desktop | None = None) -> int:
    """Run one command; ``desktop`` opens the app when no command is given (see launch)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _early_language(argv)
    i18n.set_language(lang)
    argparse._ = _argparse_gettext  # argparse looks its words up through this module global
    parser = build_parser()
    args = parser.parse_args(argv)
    args.lang_given = args.lang
    args.lang = lang
    args.desktop = desktop
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if args.self_test:
        from encounter_desk.cli.self_test import run_self_test

        return run_self_test(desktop=desktop)
    try:
        args.url = resolve_url(args.db, args.database)
        func = getattr(args, "func", cmd_open)
        return func(args)
    except Refusal as exc:
        print(translate("CLI", "Error: {message}").format(message=exc), file=sys.stderr)
        return 1
    except OSError as exc:
        print(
            translate("CLI", "Error: {message}").format(message=exc.strerror or exc),
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
