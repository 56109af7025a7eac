"""The event from a terminal: fill a file with the demo encounter, show what a file holds.

    encounter-desk [--db FILE | --database URL] demo [--force] [--open]
    encounter-desk [--db FILE | --database URL] info
"""

from __future__ import annotations

import argparse

from encounter_desk.cli.common import add_command, command, open_event
from encounter_desk.core import i18n
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, translate


@command("demo", "CLI", QT_TRANSLATE_NOOP("CLI", "fill the event file with the demo encounter"),
         QT_TRANSLATE_NOOP("CLI", "Fill the event file with the demo encounter: the 11 "
                           "delegations, about 120 participants and five sessions."))
def cmd_demo(args: argparse.Namespace) -> int:
    from encounter_desk.cli.desktop import cmd_open
    from encounter_desk.demo import build as demo

    with open_event(args, create=True) as db:
        summary = demo.build_demo(db, replace=args.force)
        where = db.describe()
    print(
        translate(
            "CLI",
            "Demo event ready in {where}: {participants} participants, {delegations} delegations, "
            "{sittings} sessions.",
        ).format(where=where, **summary)
    )
    if args.open:
        return cmd_open(args)
    return 0


@command("info", "CLI", QT_TRANSLATE_NOOP("CLI", "show the event, its file and its counts"),
         QT_TRANSLATE_NOOP("CLI", "Show the event, where its database is, and its counts."))
def cmd_info(args: argparse.Namespace) -> int:
    from encounter_desk.event import event as events
    from encounter_desk.event.summary import event_summary

    with open_event(args, create=True) as db:
        event = events.load_event(db)
        if event is None:
            raise events.NoEventError()
        counts = event_summary(db)
        where = db.describe()
    lang = i18n.language()
    venue = ", ".join(p for p in (event.venue, event.city, event.country) if p)
    for line in (
        event.name(lang),
        translate("CLI", "Reference: {code}").format(code=event.code),
        translate("CLI", "Dates: {start} to {end}").format(
            start=event.start_date, end=event.end_date
        ),
        translate("CLI", "Venue: {venue}").format(venue=venue),
        translate("CLI", "Database: {where}").format(where=where),
        translate("CLI", "Delegations: {n}").format(n=counts["delegations"]),
        translate("CLI", "Participants: {n}").format(n=counts["participants"]),
        translate("CLI", "Sessions: {n}").format(n=counts["sittings"]),
    ):
        print(line)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, cmd_demo)
    p.add_argument(
        "--open", action="store_true", help=translate("CLI", "open the desktop app afterwards")
    )
    p.add_argument(
        "--force",
        action="store_true",
        help=translate("CLI", "replace an event that the file already holds"),
    )
    add_command(sub, cmd_info)
