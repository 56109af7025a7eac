"""One command line for everything.

    encounter-desk [--db PATH | --database URL] [--lang es|en] [COMMAND] [ARGS]

With no command it opens the desktop app on the event. The global options come before the
command. Commands call the same jobs as the app; messages are in the chosen language.

This module assembles the parser and runs a command; each group of commands lives in its own
module and registers its subcommands (:data:`GROUPS`). A :class:`~encounter_desk.core.errors.Refusal`
from any command is printed as one line, "Error: …", with exit status 1.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from collections.abc import Sequence

from encounter_desk import __version__
from encounter_desk.cli import (
    declaration,
    desk,
    event,
    records,
    roadmap,
    roster,
    storage,
    translations,
)
from encounter_desk.cli import desktop as app
from encounter_desk.cli.common import CommandError
from encounter_desk.cli.desktop import Desktop
from encounter_desk.core import config, i18n
from encounter_desk.core.errors import Refusal
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, translate
from encounter_desk.core.redact import MaskingFormatter
from encounter_desk.storage.database import resolve_url

__all__ = ["GROUPS", "CommandError", "Desktop", "build_parser", "main"]

log = logging.getLogger(__name__)

# The groups of commands, in the order --help lists them; each has register(subparsers).
GROUPS = (app, event, roster, desk, storage, records, translations, declaration, roadmap)


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
    for group in GROUPS:
        group.register(sub)
    return parser


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


def ignore_file_size_signal() -> None:
    """A file-size limit (ulimit -f) then fails the write with EFBIG, which is told in words,
    instead of killing the process (SIGXFSZ's default) mid-write."""
    if hasattr(signal, "SIGXFSZ"):
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def main(argv: Sequence[str] | None = None, desktop: Desktop | None = None) -> int:
    """Run one command; ``desktop`` opens the app when no command is given (see launch)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    ignore_file_size_signal()
    lang = _early_language(argv)
    i18n.set_language(lang)
    argparse._ = _argparse_gettext  # argparse looks its words up through this module global
    parser = build_parser()
    args = parser.parse_args(argv)
    args.lang_given = args.lang
    args.lang = lang
    args.desktop = desktop
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    for handler in logging.getLogger().handlers:
        handler.setFormatter(MaskingFormatter("%(levelname)s %(name)s: %(message)s"))
    if args.self_test:
        from encounter_desk.cli.self_test import run_self_test

        return run_self_test(desktop=desktop)
    try:
        args.url = resolve_url(args.db, args.database)
        func = getattr(args, "func", app.cmd_open)
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
