"""The texts of a sitting in Spanish and English: what the secretary translates in Records.

A sitting's record holds texts written in one language and wanted in both: the summary of
each speech given (its original language is the language spoken), the text of each
agreement, and the title and description of each initiative pledged at the sitting. Each
is a :class:`~encounter_desk.core.bilingual.Bilingual`: Spanish, English, and the original
when it was given in a third language. :func:`sitting_texts` lists them in the order of the
minutes with the translations each one still lacks; :func:`save_text` keeps what the
secretary entered side by side, and the original language they chose.

Bad input raises :class:`~encounter_desk.records.register.RecordsError` and writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from encounter_desk.core import names as text
from encounter_desk.core.bilingual import WORKING, Bilingual
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, in_language, translate
from encounter_desk.event.validation import language_code
from encounter_desk.records.register import RecordsError, find_sitting, long_text
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import (
    SPEECH_KIND_LABELS,
    Agreement,
    Delegation,
    Initiative,
    Participant,
    Speech,
    SpeechKind,
    SpeechState,
)

GIVEN = (SpeechState.SPEAKING.value, SpeechState.PAUSED.value, SpeechState.DONE.value)


@dataclass(frozen=True)
class TextKind:
    """One kind of text: the table and column that hold it and how it is cleaned."""

    key: str
    label: str
    model: type
    name: str
    """The columns' stem: ``<name>_es``, ``<name>_en``, ``<name>_original``."""
    language_attr: str
    """The record's attribute holding the original language (shared by its texts)."""
    clean: Callable[[str], str]
    required: bool
    """The record needs this text in some language (an agreement, an initiative's title)."""
    limit: int | None = None


def _one_line(value: str | None) -> str:
    return text.clean(" ".join((value or "").split()))


SUMMARY = TextKind("summary", QT_TRANSLATE_NOOP("Translations", "Intervention"), Speech,
                   "summary", "language", _one_line, False)
AGREEMENT = TextKind("agreement", QT_TRANSLATE_NOOP("Translations", "Agreement"), Agreement,
                     "text", "original_language", long_text, True)
INITIATIVE_TITLE = TextKind("initiative_title",
                            QT_TRANSLATE_NOOP("Translations", "Initiative (title)"),
                            Initiative, "title", "original_language", _one_line, True, 400)
INITIATIVE_DESCRIPTION = TextKind(
    "initiative_description", QT_TRANSLATE_NOOP("Translations", "Initiative (description)"),
    Initiative, "description", "original_language", long_text, False)
KINDS = {k.key: k for k in (SUMMARY, AGREEMENT, INITIATIVE_TITLE, INITIATIVE_DESCRIPTION)}


def texts_of(record: Any) -> list[TextKind]:
    """Every kind of text a record holds (an initiative: its title and its description)."""
    return [k for k in KINDS.values() if isinstance(record, k.model)]


@dataclass(frozen=True)
class TextRow:
    kind: str
    record_id: int
    label: str
    """What the text belongs to: "Intervention 3 — Dip. Ana Peña (Mexico)"."""
    text: Bilingual

    @property
    def id(self) -> str:
        """One key across the kinds of text ("summary:12")."""
        return f"{self.kind}:{self.record_id}"

    @property
    def missing(self) -> tuple[str, ...]:
        return self.text.missing()


def _row(kind: TextKind, record: Any, label: str) -> TextRow:
    language = getattr(record, kind.language_attr) or "es"
    return TextRow(kind.key, record.id, label, Bilingual.of(record, kind.name, language))


def sitting_texts(db: Database, sitting_id: int | None = None, lang: str | None = None, *,
                  number: int | None = None) -> list[TextRow]:
    """The sitting's texts to hold in both languages, in the order of its minutes (the
    sitting by its id, or by its ``number``)."""
    with db.read() as session:
        sitting_id = find_sitting(session, sitting_id=sitting_id, number=number).id
        return texts_in(session, sitting_id, lang)


def texts_in(session: Session, sitting_id: int, lang: str | None = None) -> list[TextRow]:
    tr = in_language(lang)
    speeches = session.scalars(
        select(Speech).where(Speech.sitting_id == sitting_id, Speech.state.in_(GIVEN),
                             Speech.started_at.is_not(None))
        .order_by(Speech.started_at, Speech.id)).all()
    people = {p.id: p for p in session.scalars(
        select(Participant).where(Participant.id.in_({s.participant_id for s in speeches})))}
    delegations = {d.id: d for d in session.scalars(select(Delegation))}
    rows: list[TextRow] = []
    for n, s in enumerate(speeches, start=1):
        p = people.get(s.participant_id)
        d = delegations.get(s.delegation_id) if s.delegation_id is not None else None
        who = f"{p.title} {p.display_name}".strip() if p else ""
        if d is not None:
            who += f" ({d.name(lang)})"
        kind = tr.translate("SpeechKind", SPEECH_KIND_LABELS[SpeechKind(s.kind)])
        rows.append(_row(SUMMARY, s, f"{tr.translate('Translations', SUMMARY.label)} {n} — "
                                     f"{who}, {kind}"))
    for a in session.scalars(select(Agreement).where(Agreement.sitting_id == sitting_id)
                             .order_by(Agreement.number)):
        rows.append(_row(AGREEMENT, a, f"{tr.translate('Translations', AGREEMENT.label)} "
                                       f"{a.number}"))
    for i in session.scalars(select(Initiative).where(Initiative.sitting_id == sitting_id)
                             .order_by(Initiative.id)):
        d = delegations.get(i.delegation_id)
        where = f" — {d.name(lang)}" if d is not None else ""
        for kind in (INITIATIVE_TITLE, INITIATIVE_DESCRIPTION):
            row = _row(kind, i, tr.translate("Translations", kind.label) + where)
            if kind.required or not row.text.is_empty():  # no description: nothing to translate
                rows.append(row)
    return rows


def awaiting(rows: list[TextRow]) -> int:
    """How many texts still lack a translation into Spanish or English."""
    return sum(1 for r in rows if r.missing)


def checked_language(value: str | None) -> str:
    """A text's original language as a code ("es", "en", "fr"…), or a refusal."""
    code = language_code(value or "")
    if not code:
        raise RecordsError(
            translate("Translations", "{value} is not a language (for example es, en or fr).")
            .format(value=value or "—"), code="translation.language")
    return code


def save_text(db: Database, kind: str, record_id: int, *, language: str | None = None,
              es: str | None = None, en: str | None = None,
              original: str | None = None) -> TextRow:
    """Keep one text as the secretary entered it: Spanish, English, and the original when
    the language is neither (None: that side, or the language, as it was). Changing the
    language changes the record's original language (for a speech: the language spoken),
    for all its texts; the original text moves along (see ``Bilingual.with_language``)."""
    found = KINDS.get(kind)
    if found is None:
        raise RecordsError(translate("Translations", "There is no kind of text {kind}.")
                           .format(kind=kind), code="translation.kind")
    code = checked_language(language) if language is not None else None
    with db.write() as session:
        record = session.get(found.model, record_id)
        if record is None:
            raise RecordsError(translate("Translations", "That text is no longer in the record."),
                               code="translation.missing")
        before = getattr(record, found.language_attr) or "es"
        code = code or before
        for text_kind in texts_of(record):  # every text of the record follows the language
            Bilingual.of(record, text_kind.name, before).with_language(code).write(
                record, text_kind.name)
        kept = Bilingual.of(record, found.name, code)
        value = Bilingual(*(found.clean(new) if new is not None else old for new, old in
                            ((es, kept.es), (en, kept.en), (original, kept.original))), code)
        if code not in WORKING and not value.original:
            raise RecordsError(
                translate("Translations", "Write the text in its original language too."),
                code="translation.original")
        if found.required and value.is_empty():
            raise RecordsError(translate("Translations", "This text cannot be left empty."),
                               code="translation.empty")
        too_long = [t for t in (value.es, value.en, value.original)
                    if found.limit and len(t) > found.limit]
        if too_long:
            raise RecordsError(
                translate("Translations", "The text is too long ({limit} characters at most).")
                .format(limit=found.limit), code="translation.too_long")
        value.write(record, found.name)
        setattr(record, found.language_attr, code)
        session.flush()
        return _row(found, record, "")
