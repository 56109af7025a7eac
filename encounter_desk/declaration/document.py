"""What every output of the declaration prints, in one language, worded once.

:func:`build_document` turns the declaration's state into a :class:`DeclarationDocument`:
title, chapeau, preamble, the words opening the operative part, the numbered operative
paragraphs (the consolidated text), place and date, how it was adopted (with each
delegation's vote), reservations and interpretive statements, and a signature line per
member delegation's head. The PDF, the Word file, Akoma Ntoso, the minutes' annex and the
command line all lay out this one document, so they cannot disagree.

A paragraph not yet translated into the document's language prints in the other language
with a note; nothing is ever silently dropped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from babel.dates import format_date

from encounter_desk.core.bilingual import Bilingual
from encounter_desk.core.i18n import in_language
from encounter_desk.declaration.base import (
    method_label,
    other_language,
    paragraph_name,
    statement_label,
)
from encounter_desk.declaration.consolidate import TextParagraph, consolidate
from encounter_desk.declaration.state import AdoptionRow, DeclarationState
from encounter_desk.event.delegation_votes import tally_text, vote_label
from encounter_desk.storage.models import AdoptionMethod, Vote

LOCALES = {"es": "es", "en": "en_GB"}


def long_date(day: dt.date, lang: str) -> str:
    """"6 de septiembre de 2017" / "6 September 2017"."""
    return format_date(day, format="long", locale=LOCALES.get(lang, "en_GB"))


@dataclass(frozen=True)
class TextItem:
    number: int | None
    """The operative paragraph's number; None in the preamble."""
    text: str
    note: str = ""
    """Said when the text is not in the document's language yet."""


@dataclass(frozen=True)
class StatementItem:
    heading: str
    """"Reservation by the delegation of Canada (on operative paragraph 3)"."""
    text: str


@dataclass(frozen=True)
class SignatureLine:
    delegation: str
    name: str


@dataclass(frozen=True)
class DeclarationDocument:
    lang: str
    adopted: bool
    event_name: str
    reference: str
    title: str
    chapeau: str
    preamble: list[TextItem]
    operative_intro: str
    operative: list[TextItem]
    place_date: str
    adoption_text: str
    votes_heading: str
    votes: list[tuple[str, str]]
    statements_heading: str
    statements: list[StatementItem]
    signatures_heading: str
    signatures: list[SignatureLine]
    authentic_note: str
    draft_label: str
    """"DRAFT" / "PROYECTO" until adopted; empty after."""
    labels: dict[str, str] = field(default_factory=dict)

    def plain_text(self) -> str:
        """The document as plain paragraphs (the agreement's annex, the command line)."""
        blocks = [self.title]
        if self.chapeau:
            blocks.append(self.chapeau)
        blocks += [_with_note(p) for p in self.preamble]
        if self.operative_intro:
            blocks.append(self.operative_intro)
        blocks += [f"{p.number}. {_with_note(p)}" for p in self.operative]
        if self.place_date:
            blocks.append(self.place_date)
        if self.adoption_text:
            blocks.append(self.adoption_text)
        if self.votes:
            blocks.append("\n".join(f"{who}: {vote}" for who, vote in self.votes))
        if self.statements:
            blocks.append(self.statements_heading)
            blocks += [f"{s.heading}\n{s.text}" for s in self.statements]
        return "\n\n".join(b for b in blocks if b)


def _with_note(item: TextItem) -> str:
    return f"{item.text} [{item.note}]" if item.note else item.text


def _item(p: TextParagraph, lang: str, number: int | None) -> TextItem:
    if p.missing(lang):
        return TextItem(number, p.text(other_language(lang)), pending_note(lang))
    return TextItem(number, p.text(lang))


def pending_note(lang: str) -> str:
    """What a paragraph printed in the other language says, in the document's ``lang``."""
    t = in_language(lang)
    if lang == "es":
        return t.translate("Declaration", "English text; translation pending")
    return t.translate("Declaration", "Spanish text; translation pending")


def authentic_note(authentic: str, lang: str) -> str:
    t = in_language(lang)
    if authentic == "es":
        return t.translate("Declaration", "The Spanish text is authentic.")
    return t.translate("Declaration", "The English text is authentic.")


def adoption_text(adoption: AdoptionRow | None, lang: str) -> str:
    """"Adopted by consensus at session 4, on 6 September 2017." (empty while a draft)."""
    if adoption is None:
        return ""
    t = in_language(lang)
    when = long_date(adoption.sitting_date, lang)
    if adoption.method == AdoptionMethod.CONSENSUS:
        return t.translate("Declaration", "Adopted by consensus at session {number}, on "
                           "{date}.").format(number=adoption.sitting_number, date=when)
    absent = None
    if adoption.method == AdoptionMethod.DELEGATION_VOTE:
        absent = sum(1 for v in adoption.votes if v.vote == Vote.ABSENT)
    return t.translate("Declaration", "Adopted {how} at session {number}, on {date}: "
                       "{tally}.").format(
        how=method_label(adoption.method, lang).lower(), number=adoption.sitting_number,
        date=when, tally=tally_text(lang, adoption.votes_for or 0, adoption.votes_against or 0,
                                    adoption.abstentions or 0, absent))


def _statements(state: DeclarationState, lang: str) -> list[StatementItem]:
    t = in_language(lang)
    out = []
    for s in state.statements:
        heading = t.translate("Declaration", "{kind} by the delegation of {delegation}").format(
            kind=statement_label(s.kind, lang), delegation=s.delegation.name(lang))
        paragraph = state.paragraph(s.paragraph_id)
        if paragraph is not None:
            heading = t.translate("Declaration", "{heading} (on {paragraph})").format(
                heading=heading, paragraph=paragraph_name(paragraph.part, paragraph.position,
                                                          lang))
        # a delegation's position, marked as every record's text is when untranslated:
        # "… [original en inglés]" (one rule: core.bilingual)
        original = "es" if s.text_es else "en"
        out.append(StatementItem(heading, Bilingual(s.text_es, s.text_en, "", original)
                                 .marked(lang)))
    return out


def build_document(state: DeclarationState, lang: str) -> DeclarationDocument:
    t = in_language(lang)
    text = consolidate(state)
    other = other_language(lang)
    place = state.place
    day = state.date_or_default()
    place_date = ", ".join(x for x in (place, long_date(day, lang) if day else "") if x)
    votes: list[tuple[str, str]] = []
    if state.adoption is not None and state.adoption.method == AdoptionMethod.DELEGATION_VOTE:
        votes = [(v.delegation.name(lang), vote_label(v.vote, lang)) for v in state.adoption.votes]
    signatures = [
        SignatureLine(s.delegation.name(lang), f"{s.title} {s.name}".strip())
        for s in state.signatories
    ]
    return DeclarationDocument(
        lang=lang,
        adopted=state.adopted,
        event_name=state.event_name_es if lang == "es" else state.event_name_en,
        reference=f"{state.event_code}/DEC" if state.event_code else "DEC",
        title=state.title(lang) or state.title(other),
        chapeau=state.chapeau(lang) or state.chapeau(other),
        preamble=[_item(p, lang, None) for p in text.preamble],
        operative_intro=state.operative_intro(lang) or state.operative_intro(other),
        operative=[_item(p, lang, p.number) for p in text.operative],
        place_date=place_date,
        adoption_text=adoption_text(state.adoption, lang),
        votes_heading=t.translate("Declaration", "Vote by delegation"),
        votes=votes,
        statements_heading=t.translate("Declaration",
                                       "Reservations and interpretive statements"),
        statements=_statements(state, lang),
        signatures_heading=t.translate("Declaration", "Signatures of the heads of delegation"),
        signatures=signatures,
        authentic_note=authentic_note(state.authentic_language, lang),
        draft_label="" if state.adopted else t.translate("Declaration", "DRAFT"),
        labels={
            "page": t.translate("Declaration", "Page {page} of {pages}"),
            "draft_heading": t.translate("Declaration", "Draft for negotiation"),
        },
    )
