"""The record's texts in Spanish and English from a terminal (as Records → Translations).

    encounter-desk texts SITTING [--awaiting]
    encounter-desk set-text KIND:ID [--language fr] [--es TEXT] [--en TEXT] [--original TEXT]

``texts`` lists each text of a session's record with its key (``summary:12``,
``agreement:3``, ``initiative_title:5``…), its original language and the translations it
still lacks; ``set-text`` writes one side (or corrects the original language), keeping the
others as they are.
"""

from __future__ import annotations

import argparse

from encounter_desk.cli.common import CommandError, add_command, command, number_from_1, open_event
from encounter_desk.core.bilingual import language_name
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, translate


def _with_texts(args: argparse.Namespace, work):  # noqa: ANN001, ANN202
    """``work(translations, db)`` on the event file (the job module imported when used)."""
    from encounter_desk.records import translations

    with open_event(args) as db:
        return work(translations, db)


@command("texts", "CLI",
         QT_TRANSLATE_NOOP("CLI", "list a session's texts and the translations they lack"),
         QT_TRANSLATE_NOOP("CLI", "List each text of a session's record (summaries, "
                           "agreements, initiatives) with its key, its original language and "
                           "its Spanish and English."))
def cmd_texts(args: argparse.Namespace) -> int:
    from encounter_desk.records.translations import awaiting

    rows = _with_texts(args, lambda jobs, db: jobs.sitting_texts(db, number=args.sitting))
    for row in rows:
        if args.awaiting and not row.missing:
            continue
        missing = ", ".join(language_name(code) for code in row.missing)
        state = (translate("CLI", "awaiting {languages}").format(languages=missing)
                 if missing else translate("CLI", "both languages"))
        print(f"{row.id}\t{language_name(row.text.language)}\t{state}\t{row.label}")
        for code in dict.fromkeys(("es", "en", row.text.language)):
            if row.text.text_in(code):
                print(f"\t{code}: {' '.join(row.text.text_in(code).split())}")
    print(translate("CLI", "{awaiting} of {total} texts await a translation.").format(
        awaiting=awaiting(rows), total=len(rows)))
    return 0


@command("set-text", "CLI",
         QT_TRANSLATE_NOOP("CLI", "write a text of the record in Spanish, English or its original"),
         QT_TRANSLATE_NOOP("CLI", "Write one text of the record (its key from `texts`): "
                           "--es and --en its Spanish and English, --original the words of "
                           "an original in another language, --language its original "
                           "language. What is not given stays as it was."))
def cmd_set_text(args: argparse.Namespace) -> int:
    kind, _, number = args.key.partition(":")
    if not number.isdigit():
        raise CommandError(translate("CLI", "{key} is not a text's key such as summary:12 "
                                     "(see the texts command).").format(key=args.key))
    row = _with_texts(args, lambda jobs, db: jobs.save_text(
        db, kind, int(number), language=args.language, es=args.es, en=args.en,
        original=args.original))
    missing = ", ".join(language_name(code) for code in row.missing)
    print(translate("CLI", "Text {key} saved (original: {language}).").format(
        key=row.id, language=language_name(row.text.language))
          + (" " + translate("CLI", "Still awaiting: {languages}.").format(languages=missing)
             if missing else ""))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    positive = number_from_1(translate("CLI", "{value!r} is not a number from 1 up."))
    p = add_command(sub, cmd_texts)
    p.add_argument("sitting", metavar="SITTING", type=positive,
                   help=translate("CLI", "the session's number"))
    p.add_argument("--awaiting", action="store_true",
                   help=translate("CLI", "only the texts still awaiting a translation"))
    p = add_command(sub, cmd_set_text)
    p.add_argument("key", metavar="KIND:ID", help=translate("CLI", "the text's key, from texts"))
    p.add_argument("--language", metavar="LANG",
                   help=translate("CLI", "its original language (es, en, fr, pt…)"))
    for side, words in (("es", translate("CLI", "the text in Spanish")),
                        ("en", translate("CLI", "the text in English")),
                        ("original", translate("CLI", "the text in its original language, "
                                                      "when that is neither"))):
        p.add_argument(f"--{side}", metavar="TEXT", help=words)
