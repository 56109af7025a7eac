"""The secretariat's records from a terminal: minutes, event report, exports, attendance.

    encounter-desk minutes SITTING OUT.pdf [--lang es|en] [--final] [--paper letter|a4]
    encounter-desk event-report OUT.pdf [--lang es|en] [--paper letter|a4]
    encounter-desk export-akn SITTING OUT.xml [--lang es|en]
    encounter-desk export-attendance OUT.csv|OUT.xlsx [--sitting N] [--lang es|en] [--delimiter ;]
    encounter-desk export-speeches OUT.csv|OUT.xlsx [--sitting N] [--lang es|en] [--delimiter ;]
    encounter-desk attendance SITTING PARTICIPANT_ID present|excused|absent
    encounter-desk open-sitting SITTING | suspend-sitting SITTING | resume-sitting SITTING
    encounter-desk adjourn-sitting SITTING
    encounter-desk approve-minutes SITTING --at SITTING

SITTING is the sitting's number. A command's ``--lang`` is the language of the document it
writes (default: the global ``--lang``, i.e. the language of the messages).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from encounter_desk.cli.common import (
    Command,
    add_command,
    add_paper_option,
    command,
    number_from_1,
    open_event,
)
from encounter_desk.core import config
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, translate
from encounter_desk.storage.database import Database


def _sitting_id(db: Database, number: int) -> int:
    from encounter_desk.event.sittings import get_sitting

    with db.read() as session:
        return get_sitting(session, number=number).id


def _doc_lang(args: argparse.Namespace) -> str:
    return args.doc_lang or args.lang


@command("minutes", "CLI", QT_TRANSLATE_NOOP("CLI", "write the minutes of a session (PDF)"),
         QT_TRANSLATE_NOOP("CLI", "Write the minutes of a session as a PDF to sign: a DRAFT "
                           "watermark on every page unless --final."), event=True)
def cmd_minutes(args: argparse.Namespace, db: Database) -> int | None:
    from encounter_desk.records.minutes.pdf import write_minutes

    write_minutes(db, _sitting_id(db, args.sitting), Path(args.out), lang=_doc_lang(args),
                  final=args.final, paper=args.paper)
    print(translate("CLI", "Minutes of session {number} written to {path}.").format(
        number=args.sitting, path=args.out))


@command("event-report", "CLI",
         QT_TRANSLATE_NOOP("CLI", "write the report of the whole encounter (PDF)"),
         QT_TRANSLATE_NOOP("CLI", "Every session, attendance across the encounter, all "
                           "agreements and the road map of legislative initiatives."), event=True)
def cmd_event_report(args: argparse.Namespace, db: Database) -> int | None:
    from encounter_desk.records.minutes.pdf import write_event_report

    write_event_report(db, Path(args.out), lang=_doc_lang(args), paper=args.paper)
    print(translate("CLI", "Event report written to {path}.").format(path=args.out))


@command("export-akn", "CLI",
         QT_TRANSLATE_NOOP("CLI", "write the minutes of a session as Akoma Ntoso XML"),
         QT_TRANSLATE_NOOP("CLI", "Write the minutes of a session as an Akoma Ntoso 3.0 "
                           "debate document."), event=True)
def cmd_export_akn(args: argparse.Namespace, db: Database) -> int | None:
    from encounter_desk.records.minutes.akn import export_akn

    export_akn(db, _sitting_id(db, args.sitting), Path(args.out), lang=_doc_lang(args))
    print(translate("CLI", "Akoma Ntoso minutes of session {number} written to {path}.")
          .format(number=args.sitting, path=args.out))


def _export_table(args: argparse.Namespace, exporter) -> int:  # noqa: ANN001
    with open_event(args) as db:
        count = exporter(db, Path(args.out), sitting_number=args.sitting, lang=_doc_lang(args),
                         delimiter="\t" if args.delimiter == "tab" else args.delimiter)
    print(translate("CLI", "{count} rows written to {path}.").format(count=count, path=args.out))
    return 0


def _export_command(name: str, job: str, help_text: str) -> Command:
    """The subcommand ``name``: the table ``records.exports.<job>`` writes, to CSV or XLSX."""

    @command(name, "CLI", help_text)
    def run(args: argparse.Namespace) -> int:
        from encounter_desk.records import exports

        return _export_table(args, getattr(exports, job))

    return run


cmd_export_attendance = _export_command(
    "export-attendance", "export_attendance",
    QT_TRANSLATE_NOOP("CLI", "export attendance to CSV or XLSX"))
cmd_export_speeches = _export_command(
    "export-speeches", "export_speeches",
    QT_TRANSLATE_NOOP("CLI", "export the interventions to CSV or XLSX"))


@command("attendance", "CLI",
         QT_TRANSLATE_NOOP("CLI", "mark a participant present, excused or absent at a session"),
         QT_TRANSLATE_NOOP("CLI", "Mark a participant present, excused or absent at a "
                           "session (a manual mark)."), event=True)
def cmd_attendance(args: argparse.Namespace, db: Database) -> int | None:
    from encounter_desk.records import attendance

    result = attendance.mark(db, _sitting_id(db, args.sitting), args.participant_id,
                             args.status, source="manual", desk="cli")
    print(translate("CLI", "Participant {id}: {status} at session {number}.").format(
        id=args.participant_id, status=attendance.status_label(result.status),
        number=args.sitting))


def _life(args: argparse.Namespace, job) -> int:  # noqa: ANN001
    with open_event(args) as db:
        extra = {"approved_in": _sitting_id(db, args.at)} if hasattr(args, "at") else {}
        life = job(db, _sitting_id(db, args.sitting), **extra)
    print(life.sentence())
    return 0


def _life_command(name: str, job: str, help_text: str, description: str = "") -> Command:
    """The subcommand ``name``: the step ``records.sitting_life.<job>`` in a session's life."""

    @command(name, "CLI", help_text, description)
    def run(args: argparse.Namespace) -> int:
        from encounter_desk.records import sitting_life

        return _life(args, getattr(sitting_life, job))

    return run


cmd_open_sitting = _life_command(
    "open-sitting", "open_sitting",
    QT_TRANSLATE_NOOP("CLI", "open a session: records the time and the quorum"),
    QT_TRANSLATE_NOOP("CLI", "Open a session now: the time and the quorum verified at "
                      "the opening are recorded. Refused without quorum."))
cmd_suspend_sitting = _life_command(
    "suspend-sitting", "suspend_sitting",
    QT_TRANSLATE_NOOP("CLI", "suspend an open session (recess)"))
cmd_resume_sitting = _life_command(
    "resume-sitting", "resume_sitting", QT_TRANSLATE_NOOP("CLI", "resume a suspended session"))
cmd_adjourn_sitting = _life_command(
    "adjourn-sitting", "adjourn_sitting",
    QT_TRANSLATE_NOOP("CLI", "adjourn a session: records the time it closed"))
cmd_approve_minutes = _life_command(
    "approve-minutes", "approve_minutes",
    QT_TRANSLATE_NOOP("CLI", "record that a session's minutes were approved"),
    QT_TRANSLATE_NOOP("CLI", "Record that the minutes of an adjourned session were "
                      "approved now, at the session given by --at."))


def register(sub: argparse._SubParsersAction) -> None:
    """Add the records' subcommands to the main parser."""
    positive = number_from_1(translate("CLI", "{value!r} is not a number from 1 up."))

    def document(func: Command, out_metavar: str, out_help: str, *,
                 sitting: bool) -> argparse.ArgumentParser:
        p = add_command(sub, func)
        if sitting:
            p.add_argument("sitting", metavar="SITTING", type=positive,
                           help=translate("CLI", "the session's number"))
        p.add_argument("out", metavar=out_metavar, help=out_help)
        p.add_argument("--lang", dest="doc_lang", choices=config.LANGUAGES,
                       help=translate("CLI", "language of the document (default: the global --lang)"))
        return p

    pdf = translate("CLI", "the PDF to write")
    minutes = document(cmd_minutes, "OUT.pdf", pdf, sitting=True)
    minutes.add_argument(
        "--final", action="store_true",
        help=translate("CLI", "approved minutes: no DRAFT watermark (once adjourned)"))
    for p in (minutes, document(cmd_event_report, "OUT.pdf", pdf, sitting=False)):
        add_paper_option(p)
    document(cmd_export_akn, "OUT.xml", translate("CLI", "the XML file to write"), sitting=True)
    for func in (cmd_export_attendance, cmd_export_speeches):
        p = document(func, "OUT", translate("CLI", "the file to write (.csv or .xlsx)"),
                     sitting=False)
        p.add_argument("--delimiter", choices=(",", ";", "tab"), default=",",
                       help=translate("CLI", "CSV separator: ; for a spreadsheet in Spanish"))
        p.add_argument(
            "--sitting", metavar="N", type=positive,
            help=translate("CLI", "only this session (default: every session held)"))

    for func in (cmd_open_sitting, cmd_suspend_sitting, cmd_resume_sitting,
                 cmd_adjourn_sitting, cmd_approve_minutes):
        p = add_command(sub, func)
        p.add_argument("sitting", metavar="SITTING", type=positive,
                       help=translate("CLI", "the session's number"))
    p.add_argument("--at", metavar="N", type=positive, required=True,
                   help=translate("CLI", "the session at which the minutes were approved"))

    p = add_command(sub, cmd_attendance)
    p.add_argument("sitting", metavar="SITTING", type=positive,
                   help=translate("CLI", "the session's number"))
    p.add_argument("participant_id", metavar="PARTICIPANT_ID", type=positive)
    p.add_argument("status", choices=("present", "excused", "absent"))
