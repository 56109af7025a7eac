"""The registration desk from a terminal: badges, codes, check-in, undo.

    encounter-desk badges OUT.pdf [--participant ID ...] [--layout a6|a4-8] [--paper letter|a4]
    encounter-desk reissue-badge ID
    encounter-desk badge-code ID
    encounter-desk checkin CODE [--desk NAME] [--json]
    encounter-desk undo-checkin ID --reason TEXT [--desk NAME]
    encounter-desk withdraw ID --reason TEXT
    encounter-desk reinstate ID

``checkin`` exit codes: 0 admitted (or admitted — attention), 3 already checked in,
4 refused (replaced badge, wrong event, forged or damaged, unknown, withdrawn, not a badge), 1 an error (no event,
no database). ``--json`` prints exactly one JSON object with at least ``verdict`` and
``participant`` (null when the code names nobody of this event).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from encounter_desk.cli.common import (
    add_command,
    add_paper_option,
    command,
    number_from_1,
)
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, translate
from encounter_desk.storage.database import Database

EXIT_ADMITTED = 0
EXIT_ALREADY = 3
EXIT_REFUSED = 4

_COLOURS = {
    "admitted": "\033[1;97;42m",  # white on green
    "admitted_attention": "\033[1;97;44m",  # white on blue
    "already_checked_in": "\033[1;30;43m",  # black on amber
    "replaced": "\033[1;97;41m",  # white on red
    "wrong_event": "\033[1;97;41m",
    "forged": "\033[1;97;41m",
    "unknown": "\033[1;97;45m",
    "withdrawn": "\033[1;97;41m",
    "not_a_badge": "\033[1;30;47m",  # black on grey
}
_RESET = "\033[0m"


def _coloured(word: str, kind: str, stream) -> str:  # noqa: ANN001
    if not stream.isatty() or os.environ.get("NO_COLOR"):
        return word
    return f"{_COLOURS.get(kind, '')} {word} {_RESET}"


@command("badges", "Desk", QT_TRANSLATE_NOOP("Desk", "write badge sheets (PDF)"),
         QT_TRANSLATE_NOOP("Desk", "Write badges with their signed QR codes to a PDF: A6, one "
                           "badge a page, or A4 sheets of 8 with cut marks."), event=True)
def cmd_badges(args: argparse.Namespace, db: Database) -> int | None:
    from encounter_desk.desk.badge_pdf import write_badges

    count = write_badges(db, Path(args.out), args.participant, args.layout, lang=args.lang,
                         paper=args.paper)
    print(translate("Desk", "{count} badges written to {path}.").format(count=count, path=args.out))


@command("reissue-badge", "Desk",
         QT_TRANSLATE_NOOP("Desk", "reissue a participant's badge (the old one is refused)"),
         QT_TRANSLATE_NOOP("Desk", "Give a participant a new badge number: the old badge's code "
                           "is then refused as replaced."), event=True)
def cmd_reissue_badge(args: argparse.Namespace, db: Database) -> int | None:
    from encounter_desk.desk.badges import badge_code_for, reissue_badge

    serial = reissue_badge(db, args.participant_id)
    code = badge_code_for(db, args.participant_id)
    print(
        translate("Desk", "Badge of participant {id} reissued (number {serial}); the old badge is now "
           "refused as replaced. New code: {code}").format(
            id=args.participant_id, serial=serial, code=code
        )
    )


@command("badge-code", "Desk", QT_TRANSLATE_NOOP("Desk", "print the code of a participant's badge"),
         QT_TRANSLATE_NOOP("Desk", "Print the text of a participant's current badge QR code."), event=True)
def cmd_badge_code(args: argparse.Namespace, db: Database) -> int | None:
    from encounter_desk.desk.badges import badge_code_for

    print(badge_code_for(db, args.participant_id))


@command("checkin", "Desk", QT_TRANSLATE_NOOP("Desk", "check in a scanned badge code"),
         QT_TRANSLATE_NOOP("Desk", "Check in the badge whose code is given, as a desk scanner "
                           "would. Exit status: 0 admitted, 3 already checked in, 4 refused "
                           "(replaced, wrong event, forged or damaged, unknown)."), event=True)
def cmd_checkin(args: argparse.Namespace, db: Database) -> int | None:
    from encounter_desk.desk import checkin
    from encounter_desk.desk.verdict import VerdictKind, describe

    verdict = checkin.check_in(
        db, args.code, desk=args.desk or checkin.default_desk_name(), source="scanner"
    )
    if args.json:
        print(json.dumps(verdict.to_json(), ensure_ascii=False))
    else:
        lines = describe(verdict)
        print(_coloured(lines[0], verdict.kind.value, sys.stdout))
        for line in lines[1:]:
            print(f"  {line}")
    if verdict.admitted:
        return EXIT_ADMITTED
    if verdict.kind is VerdictKind.ALREADY_CHECKED_IN:
        return EXIT_ALREADY
    return EXIT_REFUSED


@command("undo-checkin", "Desk", QT_TRANSLATE_NOOP("Desk", "undo a mistaken check-in"),
         QT_TRANSLATE_NOOP("Desk", "Undo a participant's check-in, with a reason. The scan log "
                           "keeps the check-in and the undo."), event=True)
def cmd_undo_checkin(args: argparse.Namespace, db: Database) -> int | None:
    from encounter_desk.desk.checkin import default_desk_name
    from encounter_desk.desk.scan_log import undo_check_in

    undone = undo_check_in(
        db, args.participant_id, args.reason, desk=args.desk or default_desk_name()
    )
    print(
        translate("Desk", "Check-in of participant {id} undone ({reason}). The scan log keeps both.").format(
            id=undone.participant_id, reason=undone.reason
        )
    )


@command("withdraw", "Desk",
         QT_TRANSLATE_NOOP("Desk", "withdraw a participant's accreditation"),
         QT_TRANSLATE_NOOP("Desk", "Withdraw a participant's accreditation, with a reason: their "
                           "badge then admits nobody, at the desk, a session's door or the "
                           "chair. The person stays in the record; reinstate gives it back."), event=True)
def cmd_withdraw(args: argparse.Namespace, db: Database) -> int | None:
    from encounter_desk.event.accreditation import withdraw

    done = withdraw(db, args.participant_id, args.reason)
    print(translate("Desk", "Accreditation of {name} (participant {id}) withdrawn: {reason}").format(
        name=done.display_name, id=done.participant_id, reason=done.reason))


@command("reinstate", "Desk",
         QT_TRANSLATE_NOOP("Desk", "give a withdrawn accreditation back"),
         QT_TRANSLATE_NOOP("Desk", "Reinstate a participant whose accreditation was withdrawn: "
                           "their badge admits them again."), event=True)
def cmd_reinstate(args: argparse.Namespace, db: Database) -> int | None:
    from encounter_desk.event.accreditation import reinstate

    name = reinstate(db, args.participant_id)
    print(translate("Desk", "Accreditation of {name} (participant {id}) reinstated.").format(
        name=name, id=args.participant_id))


def register(sub: argparse._SubParsersAction) -> None:
    """Add the desk's subcommands to the main parser."""
    participant_id = number_from_1(translate("Desk", "{value!r} is not a participant number."))

    p = add_command(sub, cmd_badges)
    add_paper_option(p)
    p.add_argument("out", metavar="OUT.pdf", help=translate("Desk", "the PDF to write"))
    p.add_argument("--participant", metavar="ID", type=participant_id, action="append",
                   help=translate("Desk", "only this participant (repeatable; default: everyone)"))
    p.add_argument("--layout", choices=("a6", "a4-8"), default="a4-8",
                   help=translate("Desk", "a6: one badge a page; a4-8: A4 sheets of 8 (default)"))

    for func in (cmd_reissue_badge, cmd_badge_code, cmd_reinstate):
        add_command(sub, func).add_argument("participant_id", metavar="ID", type=participant_id)

    p = add_command(sub, cmd_checkin)
    p.add_argument("code", metavar="CODE", help=translate("Desk", "the text read from the badge"))
    p.add_argument("--desk", metavar="NAME",
                   help=translate("Desk", "the desk recorded with the scan (default: $ENCOUNTER_DESK_DESK or "
                                  "this computer's name)"))
    p.add_argument("--json", action="store_true",
                   help=translate("Desk", "print the verdict as one JSON object"))

    p = add_command(sub, cmd_undo_checkin)
    p.add_argument("participant_id", metavar="ID", type=participant_id)
    p.add_argument("--reason", required=True, metavar="TEXT", help=translate("Desk", "why (required)"))
    p.add_argument("--desk", metavar="NAME", help=translate("Desk", "the desk recorded with the undo"))

    p = add_command(sub, cmd_withdraw)
    p.add_argument("participant_id", metavar="ID", type=participant_id)
    p.add_argument("--reason", required=True, metavar="TEXT", help=translate("Desk", "why (required)"))
