"""The declaration from a terminal: import the draft, amend, decide, adopt, export.

    encounter-desk declaration import FILE.docx [--lang es|en] [--replace]
    encounter-desk declaration show [--lang es|en] [--changes]
    encounter-desk declaration amend OP3 replace|insert-after|delete --by MX [--by CA]
                                     [--es TEXT] [--en TEXT] [--note TEXT]
    encounter-desk declaration decide N accepted|amended|rejected|withdrawn|reopen
                                      [--es FINAL] [--en FINAL] [--at "2017-09-06 10:05"]
    encounter-desk declaration adopt consensus|delegations|count [--session N]
                                     [--vote US=against …] [--rest for] [--for N …] [--cancel]
    encounter-desk declaration statement CODE reservation|interpretive [--es] [--en] [--paragraph OP3]
    encounter-desk declaration export OUT.pdf|OUT.docx|OUT.xml [--lang es|en] [--paper letter|a4]
    encounter-desk declaration amendments OUT.pdf [--lang es|en] [--paper letter|a4]

A refusal of the job (a Refusal) goes up to ``main``, which prints it as "Error: …".
"""

from __future__ import annotations

import argparse
import datetime as dt
import zoneinfo
from collections.abc import Callable
from pathlib import Path

from encounter_desk.core import config
from encounter_desk.core.errors import Refusal
from encounter_desk.core.i18n import translate
from encounter_desk.storage.database import Database, open_database


class DeclarationCommandError(Refusal):
    """What the command line itself refuses (a vote typed wrong, an unknown file type)."""

    default_code = "cli.declaration"


def _run(args: argparse.Namespace, work: Callable[[Database], int]) -> int:
    db = open_database(args.url, create=False)
    try:
        return work(db)
    finally:
        db.close()


def _doc_lang(args: argparse.Namespace) -> str:
    return args.doc_lang or args.lang


def _declaration(db: Database) -> int:
    from encounter_desk.declaration.state import load_state

    return load_state(db).id


def _paragraph(db: Database, code: str) -> int:
    from encounter_desk.declaration.base import parse_paragraph_code
    from encounter_desk.declaration.state import load_state

    part, position = parse_paragraph_code(code)
    return load_state(db).find_code(part, position).id


def _sitting(db: Database, number: int | None) -> int | None:
    if number is None:
        return None
    from encounter_desk.event.sittings import list_sittings

    for row in list_sittings(db):
        if row.number == number:
            return row.id
    raise DeclarationCommandError(translate("CLI", "There is no session {number}.").format(
        number=number))


# --- the commands ------------------------------------------------------------------------

def cmd_import(args: argparse.Namespace) -> int:
    from encounter_desk.declaration.docx_import import import_docx

    def work(db: Database) -> int:
        report = import_docx(db, Path(args.file), _doc_lang(args), replace=args.replace,
                             authentic_language=args.authentic,
                             sitting_id=_sitting(db, args.session))
        for line in report.lines():
            print(line)
        if report.filled_language:
            print(translate("CLI", "The draft now has its text in this language too."))
        else:
            print(translate("CLI", "Draft declaration imported."))
        return 0

    return _run(args, work)


def cmd_show(args: argparse.Namespace) -> int:
    from encounter_desk.declaration.text_view import show_lines

    def work(db: Database) -> int:
        for line in show_lines(db, _doc_lang(args), changes=args.changes):
            print(line)
        return 0

    return _run(args, work)


KINDS = {"replace": "replace", "insert-after": "insert_after", "delete": "delete"}


def cmd_amend(args: argparse.Namespace) -> int:
    from encounter_desk.declaration import amendments
    from encounter_desk.declaration.state import load_state

    def work(db: Database) -> int:
        paragraph = _paragraph(db, args.paragraph)
        sponsors = amendments.sponsor_ids(db, [c for item in args.by for c in item.split(",")])
        new = amendments.propose(db, paragraph, KINDS[args.kind], sponsors,
                                 text_es=args.es or "", text_en=args.en or "",
                                 note=args.note or "")
        row = load_state(db).amendment(new)
        print(translate("CLI", "Amendment {number} recorded, proposed by {sponsors}.").format(
            number=row.number, sponsors=row.sponsors_text()))
        return 0

    return _run(args, work)


DECISIONS = {"accepted": "accepted", "amended": "accepted_amended", "rejected": "rejected",
             "withdrawn": "withdrawn"}


def _moment(value: str | None, timezone: str) -> dt.datetime | None:
    if not value:
        return None
    try:
        local = dt.datetime.fromisoformat(value)
    except ValueError:
        raise DeclarationCommandError(
            translate("CLI", "{value!r} is not a date and time such as \"2017-09-06 10:05\".")
            .format(value=value)) from None
    if local.tzinfo is None:
        local = local.replace(tzinfo=zoneinfo.ZoneInfo(timezone or "UTC"))
    return local.astimezone(dt.UTC)


def cmd_decide(args: argparse.Namespace) -> int:
    from encounter_desk.declaration import amendments
    from encounter_desk.declaration.base import status_label
    from encounter_desk.declaration.state import load_state

    def work(db: Database) -> int:
        state = load_state(db)
        with db.read() as session:
            amendment_id = amendments.amendment_by_number(session, state.id, args.number).id
        if args.decision == "reopen":
            amendments.reopen(db, amendment_id)
        else:
            amendments.decide(db, amendment_id, DECISIONS[args.decision],
                              final_es=args.es or "", final_en=args.en or "",
                              at=_moment(args.at, state.timezone))
        row = load_state(db).amendment(amendment_id)
        print(translate("CLI", "Amendment {number}: {status}.").format(
            number=row.number, status=status_label(row.status)))
        return 0

    return _run(args, work)


VOTES = {"for": "for", "against": "against", "abstain": "abstain", "absent": "absent"}


def _votes(db: Database, typed: list[str], rest: str | None) -> dict[int, str]:
    from encounter_desk.declaration.amendments import sponsor_ids
    from encounter_desk.declaration.state import member_delegations

    votes: dict[int, str] = {}
    for item in typed:
        code, sep, vote = item.partition("=")
        if not sep or vote.strip().lower() not in VOTES:
            raise DeclarationCommandError(
                translate("CLI", "--vote takes CODE=for, against, abstain or absent, for "
                          "example --vote US=against; got {item!r}.").format(item=item))
        votes[sponsor_ids(db, [code])[0]] = VOTES[vote.strip().lower()]
    if rest:
        for delegation in member_delegations(db):
            votes.setdefault(delegation.id, rest)
    return votes


METHODS = {"consensus": "consensus", "delegations": "delegation_vote", "count": "head_count"}


def cmd_adopt(args: argparse.Namespace) -> int:
    from encounter_desk.declaration import adoption
    from encounter_desk.declaration.document import adoption_text
    from encounter_desk.declaration.state import load_state

    def work(db: Database) -> int:
        declaration = _declaration(db)
        if args.cancel:
            adoption.cancel_adoption(db, declaration)
            print(translate("CLI", "The adoption was cancelled; the declaration is a draft "
                            "again."))
            return 0
        if args.method is None:
            raise DeclarationCommandError(translate(
                "CLI", "Say how it was adopted: consensus, delegations or count."))
        adoption.adopt(db, declaration, METHODS[args.method],
                       sitting_id=_sitting(db, args.session),
                       votes=_votes(db, args.vote or [], args.rest),
                       votes_for=args.votes_for, votes_against=args.votes_against,
                       abstentions=args.abstentions)
        print(adoption_text(load_state(db).adoption, args.lang))
        return 0

    return _run(args, work)


def cmd_statement(args: argparse.Namespace) -> int:
    from encounter_desk.declaration import adoption
    from encounter_desk.declaration.amendments import sponsor_ids

    def work(db: Database) -> int:
        paragraph = _paragraph(db, args.paragraph) if args.paragraph else None
        adoption.add_statement(db, _declaration(db), sponsor_ids(db, [args.delegation])[0],
                               args.kind, text_es=args.es or "", text_en=args.en or "",
                               paragraph_id=paragraph)
        print(translate("CLI", "Statement recorded; it is printed after the declaration."))
        return 0

    return _run(args, work)


def cmd_export(args: argparse.Namespace) -> int:
    from encounter_desk.declaration.akn import write_declaration_akn
    from encounter_desk.declaration.docx_export import write_declaration_docx
    from encounter_desk.declaration.pdf import write_declaration_pdf

    out = Path(args.out)
    writers = {".pdf": write_declaration_pdf, ".docx": write_declaration_docx}
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".docx", ".xml"):
        raise DeclarationCommandError(
            translate("CLI", "Write the declaration to a .pdf, .docx or .xml file, not "
                      "{name}.").format(name=out.name))

    def work(db: Database) -> int:
        if suffix == ".xml":
            write_declaration_akn(db, out, _doc_lang(args))
        else:
            writers[suffix](db, out, _doc_lang(args), paper=args.paper)
        print(translate("CLI", "Declaration written to {path}.").format(path=out))
        return 0

    return _run(args, work)


def cmd_amendments(args: argparse.Namespace) -> int:
    from encounter_desk.declaration.amendments_pdf import write_amendments_log

    def work(db: Database) -> int:
        write_amendments_log(db, Path(args.out), _doc_lang(args), paper=args.paper)
        print(translate("CLI", "Amendments log written to {path}.").format(path=args.out))
        return 0

    return _run(args, work)


# --- the parser --------------------------------------------------------------------------

def _lang_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", dest="doc_lang", choices=config.LANGUAGES,
                   help=translate("CLI", "language of the document (default: the global --lang)"))


def _paper_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--paper", choices=("letter", "a4"), default="letter",
                   help=translate("CLI", "paper size (default: letter)"))


def _number(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(
            translate("CLI", "{value!r} is not a whole number.").format(value=value))
    return number


def _add(sub: argparse._SubParsersAction, name: str, func: Callable, help_text: str,
         description: str) -> argparse.ArgumentParser:
    p = sub.add_parser(name, help=help_text, description=description)
    p.set_defaults(func=func)
    return p


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``declaration`` and its subcommands to the main parser."""
    group = sub.add_parser(
        "declaration",
        help=translate("CLI", "the declaration: import the draft, amend, decide, adopt, export"),
        description=translate("CLI", "The declaration negotiated at the encounter: its draft, "
                              "the amendments of the delegations and the chair's decisions, "
                              "its adoption and its documents."))
    subs = group.add_subparsers(dest="declaration_command", required=True,
                                metavar=translate("CLI", "COMMAND"),
                                title=translate("CLI", "commands"))

    p = _add(subs, "import", cmd_import, translate("CLI", "import the draft from a Word file"),
             translate("CLI", "Import the draft declaration from a Word file (.docx): title, "
                       "preamble and numbered operative paragraphs. When a draft exists, the "
                       "file fills in its text in the other language."))
    p.add_argument("file", metavar="FILE.docx", help=translate("CLI", "the Word file"))
    p.add_argument("--lang", dest="doc_lang", choices=config.LANGUAGES,
                   help=translate("CLI", "language of the file (default: the global --lang)"))
    p.add_argument("--replace", action="store_true",
                   help=translate("CLI", "replace the draft (its amendments are lost)"))
    p.add_argument("--authentic", choices=config.LANGUAGES,
                   help=translate("CLI", "the authentic language (default: the file's)"))
    p.add_argument("--session", type=_number, metavar="N",
                   help=translate("CLI", "the session that negotiates it"))

    p = _add(subs, "show", cmd_show, translate("CLI", "show the text as amended so far"),
             translate("CLI", "Show the declaration as amended so far, paragraph by "
                       "paragraph, with the amendments to each one."))
    _lang_option(p)
    p.add_argument("--changes", action="store_true",
                   help=translate("CLI", "mark the changes against the draft: [-deleted-] "
                                  "{+inserted+}"))

    p = _add(subs, "amend", cmd_amend, translate("CLI", "record an amendment of delegations"),
             translate("CLI", "Record an amendment to a paragraph of the draft, proposed by "
                       "one delegation or several co-sponsors."))
    p.add_argument("paragraph", metavar="PARAGRAPH",
                   help=translate("CLI", "the draft paragraph: PP2, OP3…"))
    p.add_argument("kind", choices=tuple(KINDS),
                   help=translate("CLI", "replace it, insert a new paragraph after it, or "
                                  "delete it"))
    p.add_argument("--by", action="append", required=True, metavar="CODE",
                   help=translate("CLI", "a sponsoring delegation's code (MX, CA…); repeat "
                                  "for co-sponsors"))
    p.add_argument("--es", metavar="TEXT", help=translate("CLI", "the wording in Spanish"))
    p.add_argument("--en", metavar="TEXT", help=translate("CLI", "the wording in English"))
    p.add_argument("--note", metavar="TEXT", help=translate("CLI", "the sponsors' explanation"))

    p = _add(subs, "decide", cmd_decide, translate("CLI", "record the chair's decision on an "
                                                   "amendment"),
             translate("CLI", "Record the chair's decision on an amendment, or reopen one "
                       "decided by mistake."))
    p.add_argument("number", type=_number, metavar="N",
                   help=translate("CLI", "the amendment's number"))
    p.add_argument("decision", choices=(*DECISIONS, "reopen"),
                   help=translate("CLI", "amended: accepted as orally amended (give the final "
                                  "wording)"))
    p.add_argument("--es", metavar="TEXT",
                   help=translate("CLI", "the final wording in Spanish"))
    p.add_argument("--en", metavar="TEXT",
                   help=translate("CLI", "the final wording in English"))
    p.add_argument("--at", metavar="WHEN",
                   help=translate("CLI", "when it was decided, on the venue's clock "
                                  "(default: now)"))

    p = _add(subs, "adopt", cmd_adopt, translate("CLI", "record the adoption"),
             translate("CLI", "Record the adoption of the declaration: by consensus, by vote "
                       "of the member delegations, or by head count. It becomes an agreement "
                       "of its session."))
    p.add_argument("method", nargs="?", choices=tuple(METHODS),
                   help=translate("CLI", "consensus, delegations or count"))
    p.add_argument("--session", type=_number, metavar="N",
                   help=translate("CLI", "the session that adopts it (default: its own)"))
    p.add_argument("--vote", action="append", metavar="CODE=VOTE",
                   help=translate("CLI", "a delegation's vote: for, against, abstain or "
                                  "absent (repeatable)"))
    p.add_argument("--rest", choices=tuple(VOTES),
                   help=translate("CLI", "the vote of every member delegation not named"))
    p.add_argument("--for", dest="votes_for", type=_number, metavar="N",
                   help=translate("CLI", "votes in favour (head count)"))
    p.add_argument("--against", dest="votes_against", type=_number, metavar="N",
                   help=translate("CLI", "votes against (head count)"))
    p.add_argument("--abstentions", type=_number, metavar="N",
                   help=translate("CLI", "abstentions (head count)"))
    p.add_argument("--cancel", action="store_true",
                   help=translate("CLI", "cancel an adoption recorded by mistake"))

    p = _add(subs, "statement", cmd_statement,
             translate("CLI", "record a reservation or an interpretive statement"),
             translate("CLI", "Record a delegation's reservation or interpretive statement; "
                       "it is printed after the declaration."))
    p.add_argument("delegation", metavar="CODE", help=translate("CLI", "the delegation's code"))
    p.add_argument("kind", choices=("reservation", "interpretive"))
    p.add_argument("--es", metavar="TEXT", help=translate("CLI", "the text in Spanish"))
    p.add_argument("--en", metavar="TEXT", help=translate("CLI", "the text in English"))
    p.add_argument("--paragraph", metavar="PARAGRAPH",
                   help=translate("CLI", "the draft paragraph it bears on (default: the whole "
                                  "declaration)"))

    p = _add(subs, "export", cmd_export,
             translate("CLI", "write the declaration as PDF, Word or Akoma Ntoso"),
             translate("CLI", "Write the declaration (as adopted, or as amended so far) as a "
                       "PDF with its signature page, a Word file, or an Akoma Ntoso statement "
                       "(.xml)."))
    p.add_argument("out", metavar="OUT", help=translate("CLI", "OUT.pdf, OUT.docx or OUT.xml"))
    _lang_option(p)
    _paper_option(p)

    p = _add(subs, "amendments", cmd_amendments,
             translate("CLI", "write the amendments log (PDF)"),
             translate("CLI", "Write the amendments log: what each delegation proposed, the "
                       "wording, and what became of it."))
    p.add_argument("out", metavar="OUT.pdf", help=translate("CLI", "the PDF to write"))
    _lang_option(p)
    _paper_option(p)
