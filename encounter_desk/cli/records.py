"""The secretariat's records from a terminal: minutes, event report, exports, attendance.

    encounter-desk minutes SITTING OUT.pdf [--lang es|en] [--final]
    encounter-desk event-report OUT.pdf [--lang es|en]
    encounter-desk export-akn SITTING OUT.xml [--lang es|en]
    encounter-desk export-attendance OUT.csv|OUT.xlsx [--sitting N] [--lang es|en]
    encounter-desk export-speeches OUT.csv|OUT.xlsx [--sitting N] [--lang es|en]
    encounter-desk attendance SITTING PARTICIPANT_ID present|excused|absent

SITTING is the sitting's number. A command's ``--lang`` is the language of the document it
writes (default: the global ``--lang``, i.e. the language of the messages).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from encounter_desk.core import config
from encounter_desk.core.i18n import translate
from encounter_desk.storage.database import Database, open_database


def _sitting_id(db: Database, number: int) -> int:
    from encounter_desk.records.minutes.data import find_sitting

    with db.read() as session:
        return find_sitting(session, number=number).id


def _doc_lang(args: argparse.Namespace) -> str:
    return args.doc_lang or args.lang


def _run(args: argparse.Namespace, work) -> int:  # noqa: ANN001
    db = open_database(args.url, create=False)
    try:
        return work(db)
    finally:
        db.close()


def cmd_minutes(args: argparse.Namespace) -> int:
    from encounter_desk.records.minutes.pdf import write_minutes

    def work(db: Database) -> int:
        write_minutes(db, _sitting_id(db, args.sitting), Path(args.out), lang=_doc_lang(args),
                      final=args.final)
        print(translate("CLI", "Minutes of session {number} written to {path}.").format(
            number=args.sitting, path=args.out))
        return 0

    return _run(args, work)


def cmd_event_report(args: argparse.Namespace) -> int:
    from encounter_desk.records.minutes.pdf import write_event_report

    def work(db: Database) -> int:
        write_event_report(db, Path(args.out), lang=_doc_lang(args))
        print(translate("CLI", "Event report written to {path}.").format(path=args.out))
        return 0

    return _run(args, work)


def cmd_export_akn(args: argparse.Namespace) -> int:
    from encounter_desk.records.minutes.akn import export_akn

    def work(db: Database) -> int:
        export_akn(db, _sitting_id(db, args.sitting), Path(args.out), lang=_doc_lang(args))
        print(translate("CLI", "Akoma Ntoso minutes of session {number} written to {path}.")
              .format(number=args.sitting, path=args.out))
        return 0

    return _run(args, work)


def _export_table(args: argparse.Namespace, exporter) -> int:  # noqa: ANN001
    def work(db: Database) -> int:
        count = exporter(db, Path(args.out), sitting_number=args.sitting, lang=_doc_lang(args))
        print(translate("CLI", "{count} rows written to {path}.").format(
            count=count, path=args.out))
        return 0

    return _run(args, work)


def cmd_export_attendance(args: argparse.Namespace) -> int:
    from encounter_desk.records.exports import export_attendance

    return _export_table(args, export_attendance)


def cmd_export_speeches(args: argparse.Namespace) -> int:
    from encounter_desk.records.exports import export_speeches

    return _export_table(args, export_speeches)


def cmd_attendance(args: argparse.Namespace) -> int:
    from encounter_desk.records import attendance

    def work(db: Database) -> int:
        result = attendance.mark(db, _sitting_id(db, args.sitting), args.participant_id,
                                 args.status, source="manual", desk="cli")
        print(translate("CLI", "Participant {id}: {status} at session {number}.").format(
            id=args.participant_id, status=attendance.status_label(result.status),
            number=args.sitting))
        return 0

    return _run(args, work)


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(
            translate("CLI", "{value!r} is not a number from 1 up.").format(value=value))
    return number


def _lang_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", dest="doc_lang", choices=config.LANGUAGES,
                   help=translate("CLI", "language of the document (default: the global --lang)"))


def register(sub: argparse._SubParsersAction) -> None:
    """Add the records' subcommands to the main parser (see ``cli._EXTENSIONS``)."""
    p = sub.add_parser(
        "minutes",
        help=translate("CLI", "write the minutes of a session (PDF)"),
        description=translate("CLI", "Write the minutes of a session as a PDF to sign: a DRAFT "
                              "watermark on every page unless --final."),
    )
    p.add_argument("sitting", metavar="SITTING", type=_positive,
                   help=translate("CLI", "the session's number"))
    p.add_argument("out", metavar="OUT.pdf", help=translate("CLI", "the PDF to write"))
    _lang_option(p)
    p.add_argument("--final", action="store_true",
                   help=translate("CLI", "approved minutes: no DRAFT watermark"))
    p.set_defaults(func=cmd_minutes)

    p = sub.add_parser(
        "event-report",
        help=translate("CLI", "write the report of the whole encounter (PDF)"),
        description=translate("CLI", "Every session, attendance across the encounter, all "
                              "agreements and the road map of legislative initiatives."),
    )
    p.add_argument("out", metavar="OUT.pdf", help=translate("CLI", "the PDF to write"))
    _lang_option(p)
    p.set_defaults(func=cmd_event_report)

    p = sub.add_parser(
        "export-akn",
        help=translate("CLI", "write the minutes of a session as Akoma Ntoso XML"),
        description=translate("CLI", "Write the minutes of a session as an Akoma Ntoso 3.0 "
                              "debate document."),
    )
    p.add_argument("sitting", metavar="SITTING", type=_positive,
                   help=translate("CLI", "the session's number"))
    p.add_argument("out", metavar="OUT.xml", help=translate("CLI", "the XML file to write"))
    _lang_option(p)
    p.set_defaults(func=cmd_export_akn)

    for name, func, help_text in (
        ("export-attendance", cmd_export_attendance,
         translate("CLI", "export attendance to CSV or XLSX")),
        ("export-speeches", cmd_export_speeches,
         translate("CLI", "export the interventions to CSV or XLSX")),
    ):
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("out", metavar="OUT", help=translate("CLI", "the file to write (.csv or .xlsx)"))
        p.add_argument("--sitting", metavar="N", type=_positive,
                       help=translate("CLI", "only this session (default: every session)"))
        _lang_option(p)
        p.set_defaults(func=func)

    p = sub.add_parser(
        "attendance",
        help=translate("CLI", "mark a participant present, excused or absent at a session"),
        description=translate("CLI", "Mark a participant present, excused or absent at a "
                              "session (a manual mark)."),
    )
    p.add_argument("sitting", metavar="SITTING", type=_positive,
                   help=translate("CLI", "the session's number"))
    p.add_argument("participant_id", metavar="PARTICIPANT_ID", type=_positive)
    p.add_argument("status", choices=("present", "excused", "absent"))
    p.set_defaults(func=cmd_attendance)
