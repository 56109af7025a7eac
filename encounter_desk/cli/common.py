"""What every group of commands shares: opening the event, adding a subcommand, reading a number.

A command opens the event with :func:`open_event` (closed again however the command ends),
lets any :class:`~encounter_desk.core.errors.Refusal` of the job it calls go up to
:func:`encounter_desk.cli.main.main`, which prints it as "Error: …" with exit status 1, and
raises :class:`CommandError` for what the command line itself refuses.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
from collections.abc import Callable, Iterator

from encounter_desk.core.errors import Refusal
from encounter_desk.core.i18n import translate
from encounter_desk.storage.database import Database, open_database

Command = Callable[[argparse.Namespace], int]


class CommandError(Refusal):
    """A command could not do its job; the message is for the user."""

    default_code = "cli.refused"


@contextlib.contextmanager
def opened(url: str, *, create: bool = False) -> Iterator[Database]:
    """The database at ``url``, open for the ``with`` block (``create``: a new file if none)."""
    db = open_database(url, create=create)
    try:
        yield db
    finally:
        db.close()


def open_event(args: argparse.Namespace, *, create: bool = False) -> contextlib.AbstractContextManager[Database]:
    """The event the global options (--db, --database) name, open for the ``with`` block."""
    return opened(args.url, create=create)


def command(
    name: str, context: str, help_text: str, description: str = "", *, event: bool = False
) -> Callable[[Callable[..., int | None]], Command]:
    """Mark a function as the subcommand ``name``; ``help_text`` (the one-line help) and
    ``description`` (its --help, default: the help) are marked with ``QT_TRANSLATE_NOOP`` in
    ``context`` and translated when the parser is built.

    With ``event`` the command is called ``func(args, db)``, the event open for it (closed
    again however it ends). A command that returns None succeeded: exit status 0."""

    def mark(func: Callable[..., int | None]) -> Command:
        @functools.wraps(func)
        def run(args: argparse.Namespace) -> int:
            if event:
                with open_event(args) as db:
                    status = func(args, db)
            else:
                status = func(args)
            return 0 if status is None else status

        run.subcommand = (name, context, help_text, description or help_text)  # type: ignore[attr-defined]
        return run

    return mark


def add_command(sub: argparse._SubParsersAction, func: Command) -> argparse.ArgumentParser:
    """Add the subcommand ``func`` was marked as (see :func:`command`); returns its parser."""
    name, context, help_text, description = func.subcommand  # type: ignore[attr-defined]
    parser = sub.add_parser(
        name, help=translate(context, help_text), description=translate(context, description)
    )
    parser.set_defaults(func=func)
    return parser


def number_from_1(message: str) -> Callable[[str], int]:
    """An argparse type: a whole number from 1, else a usage error saying ``message``
    (translated; ``{value!r}`` stands for what was typed)."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            number = 0
        if number < 1:
            raise argparse.ArgumentTypeError(message.format(value=value))
        return number

    return parse


def add_paper_option(parser: argparse.ArgumentParser) -> None:
    """``--paper letter|a4`` on a command that writes a PDF (default: the event's paper)."""
    from encounter_desk.core.paper import PAPERS

    parser.add_argument(
        "--paper", choices=tuple(PAPERS),
        help=translate("CLI", "paper size (default: the event's, Letter in Mexico)"))
