"""The road map and the print shop from a terminal.

    encounter-desk roadmap forms OUT_DIR
    encounter-desk roadmap import FILE... [--dry-run]
    encounter-desk roadmap stage INITIATIVE STAGE [--on YYYY-MM-DD] [--note TEXT]
    encounter-desk roadmap report OUT.pdf [--lang es|en] [--paper letter|a4]
    encounter-desk certificates OUT.pdf [--lang es|en] [--paper letter|a4]
    encounter-desk tent-cards OUT.pdf [--seats] [--paper letter|a4]
    encounter-desk participants-list OUT.pdf [--public] [--lang es|en] [--paper letter|a4]

A command's ``--lang`` is the language of the document (default: the global ``--lang``;
certificates: each participant's own language).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from encounter_desk.cli.common import (
    CommandError,
    add_command,
    add_paper_option,
    command,
    open_event,
)
from encounter_desk.core import config
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, translate
from encounter_desk.storage.database import Database


@command("roadmap", "CLI", QT_TRANSLATE_NOOP("CLI", "the road map of commitments: forms, "
                                             "import, stages, report"),
         QT_TRANSLATE_NOOP("CLI", "Follow the commitments after the encounter: write a "
                           "follow-up form per delegation, read returned forms (all or "
                           "nothing), record a change of stage, write the road map report."))
def cmd_roadmap(args: argparse.Namespace) -> int:
    return args.roadmap_func(args)


def _forms(args: argparse.Namespace) -> int:
    from encounter_desk.records.roadmap.forms import write_forms

    with open_event(args) as db:
        written = write_forms(db, Path(args.out_dir))
    for path in written:
        print(path)
    print(translate("CLI", "{count} follow-up forms written to {path}.").format(
        count=len(written), path=args.out_dir))
    return 0


def _import(args: argparse.Namespace) -> int:
    from encounter_desk.records.roadmap.forms import import_forms

    with open_event(args) as db:
        report = import_forms(db, [Path(f) for f in args.files], dry_run=args.dry_run)
    for error in report.errors:
        print(str(error), file=sys.stderr)
    if report.errors:
        print(translate("CLI", "Nothing was written: {count} rows need correcting.").format(
            count=len(report.errors)), file=sys.stderr)
        return 1
    message = (translate("CLI", "The forms are correct: {stages} changes of stage and {fields} "
                         "other changes would be recorded.") if args.dry_run else
               translate("CLI", "{stages} changes of stage and {fields} other changes "
                         "recorded."))
    print(message.format(stages=report.stage_changes, fields=report.field_changes))
    return 0


def _stage(args: argparse.Namespace) -> int:
    from encounter_desk.records.roadmap.commitments import (
        get_commitment,
        parse_stage,
        set_stage,
        stage_label,
    )

    on = None
    if args.on:
        try:
            on = dt.date.fromisoformat(args.on)
        except ValueError:
            raise CommandError(translate("CLI", "{value!r} is not a date (YYYY-MM-DD).")
                               .format(value=args.on)) from None
    with open_event(args) as db:
        if get_commitment(db, args.initiative).stage is parse_stage(args.stage):
            print(translate("CLI", "Commitment {id} is already at that stage ({stage}): nothing "
                            "recorded.").format(id=args.initiative,
                                                stage=stage_label(parse_stage(args.stage))))
            return 0
        commitment = set_stage(db, args.initiative, args.stage, on=on, note=args.note or "")
    print(translate("CLI", "Commitment {id}: {stage}.").format(
        id=commitment.id, stage=stage_label(commitment.stage)))
    return 0


def _report(args: argparse.Namespace) -> int:
    from encounter_desk.records.roadmap.report_pdf import write_roadmap_report

    with open_event(args) as db:
        count = write_roadmap_report(db, Path(args.out), lang=args.doc_lang or args.lang,
                                     paper=args.paper)
    print(translate("CLI", "Road map report ({count} commitments) written to {path}.")
          .format(count=count, path=args.out))
    return 0


@command("certificates", "CLI", QT_TRANSLATE_NOOP("CLI", "write the certificates of attendance (PDF)"),
         QT_TRANSLATE_NOOP("CLI", "One page for each participant who attended at least one "
                           "session, in the participant's language unless --lang."), event=True)
def cmd_certificates(args: argparse.Namespace, db: Database) -> int | None:
    from encounter_desk.records.print_shop.certificates import write_certificates

    count = write_certificates(db, Path(args.out), lang=args.doc_lang, paper=args.paper)
    if not count:
        raise CommandError(translate("CLI", "Nobody has attended a session yet: no "
                                     "certificates to write."))
    print(translate("CLI", "{count} certificates written to {path}.").format(
        count=count, path=args.out))


@command("tent-cards", "CLI", QT_TRANSLATE_NOOP("CLI", "write the name plates (PDF)"),
         QT_TRANSLATE_NOOP("CLI", "A folded card per delegation with its flag, its name in "
                           "Spanish on one face and in English on the other; --seats: a "
                           "card per person."), event=True)
def cmd_tent_cards(args: argparse.Namespace, db: Database) -> int | None:
    from encounter_desk.records.print_shop.tent_cards import write_tent_cards

    count = write_tent_cards(db, Path(args.out), paper=args.paper, seats=args.seats)
    print(translate("CLI", "{count} name plates written to {path}.").format(
        count=count, path=args.out))


@command("participants-list", "CLI", QT_TRANSLATE_NOOP("CLI", "write the list of participants (PDF)"),
         QT_TRANSLATE_NOOP("CLI", "By delegation in the canonical order, heads of delegation "
                           "first; --public leaves the email addresses out."), event=True)
def cmd_participants_list(args: argparse.Namespace, db: Database) -> int | None:
    from encounter_desk.records.print_shop.participants_list import write_participants_list

    count = write_participants_list(db, Path(args.out), lang=args.doc_lang or args.lang,
                                    paper=args.paper, public=args.public)
    print(translate("CLI", "List of {count} participants written to {path}.").format(
        count=count, path=args.out))


def _document(p: argparse.ArgumentParser, *, lang: bool = True) -> None:
    p.add_argument("out", metavar="OUT.pdf", help=translate("CLI", "the PDF to write"))
    if lang:
        p.add_argument("--lang", dest="doc_lang", choices=config.LANGUAGES,
                       help=translate("CLI", "language of the document (default: the global --lang)"))
    add_paper_option(p)


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, cmd_roadmap)
    inner = p.add_subparsers(dest="roadmap_command", metavar=translate("CLI", "ACTION"),
                             required=True)
    forms = inner.add_parser("forms", help=translate("CLI", "write one follow-up form (XLSX) "
                                                     "per delegation"))
    forms.add_argument("out_dir", metavar="OUT_DIR", help=translate("CLI", "the folder to write to"))
    forms.set_defaults(roadmap_func=_forms)
    read = inner.add_parser("import", help=translate("CLI", "read returned follow-up forms, "
                                                     "all or nothing"))
    read.add_argument("files", metavar="FILE", nargs="+", help=translate("CLI", "the forms (.xlsx)"))
    read.add_argument("--dry-run", action="store_true",
                      help=translate("CLI", "check the file, write nothing"))
    read.set_defaults(roadmap_func=_import)
    stage = inner.add_parser("stage", help=translate("CLI", "record a change of stage"))
    stage.add_argument("initiative", metavar="INITIATIVE", type=int,
                       help=translate("CLI", "the commitment's number"))
    stage.add_argument("stage", metavar="STAGE", help=translate(
        "CLI", "announced, drafted, filed, in_committee, reported, approved, enacted or withdrawn"))
    stage.add_argument("--on", metavar="YYYY-MM-DD",
                       help=translate("CLI", "the day it happened (default: today)"))
    stage.add_argument("--note", metavar="TEXT", help=translate("CLI", "a note for the history"))
    stage.set_defaults(roadmap_func=_stage)
    report = inner.add_parser("report", help=translate("CLI", "write the road map report (PDF)"))
    _document(report)
    report.set_defaults(roadmap_func=_report)

    _document(add_command(sub, cmd_certificates))
    p = add_command(sub, cmd_tent_cards)
    _document(p, lang=False)
    p.add_argument("--seats", action="store_true",
                   help=translate("CLI", "a card per person instead of per delegation"))
    p = add_command(sub, cmd_participants_list)
    _document(p)
    p.add_argument("--public", action="store_true",
                   help=translate("CLI", "leave the contact details out"))
