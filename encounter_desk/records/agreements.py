"""Agreements and decisions of a sitting: create, change, delete, list.

An agreement belongs to a sitting and, optionally, to one of its agenda items. It is
numbered within the sitting (1, 2, … given automatically unless chosen), has its text in
Spanish and/or English, and says how it was adopted: by consensus, or by a vote with its
counts. A vote taken by delegation records each member delegation's vote (``delegation_votes``:
delegation id -> for/against/abstain/absent, every member accounted for, see
:mod:`encounter_desk.event.delegation_votes`); the tally is then computed from those votes, and
counts given beside them must agree with it. A declaration adopted by the sitting is an agreement marked as an annex with a
title: the minutes print it in full after the agreements.

Every function validates before writing and raises
:class:`~encounter_desk.records.register.RecordsError` (a
:class:`~encounter_desk.core.errors.Refusal`: a translated sentence and a code) on bad
input, writing nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from encounter_desk.core import i18n
from encounter_desk.core import names as text
from encounter_desk.core.bilingual import Bilingual
from encounter_desk.core.copying import copied
from encounter_desk.core.i18n import in_language, pick, translate
from encounter_desk.event.delegation_votes import TALLIED, member_votes, tally, tally_text
from encounter_desk.records.register import (
    RecordsError,
    Register,
    choice,
    choice_labeller,
    find_sitting,
    known_fields,
    long_text,
)
from encounter_desk.records.translations import checked_language
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import (
    ADOPTION_LABELS,
    Adoption,
    AgendaItem,
    Agreement,
    AgreementVote,
    Sitting,
    Vote,
)

adoption_label = choice_labeller("Records", ADOPTION_LABELS)


@dataclass(frozen=True)
class DelegationVote:
    """One member delegation's vote on an agreement."""

    delegation_id: int
    code: str
    name_es: str
    name_en: str
    vote: Vote

    def name(self, lang: str | None = None) -> str:
        return pick(lang, self.name_es, self.name_en)


@dataclass(frozen=True)
class AgreementRow:
    id: int
    sitting_id: int
    sitting_number: int
    agenda_item_id: int | None
    agenda_item_number: int | None
    number: int
    text_es: str
    text_en: str
    text_original: str
    original_language: str
    adoption: Adoption
    votes_for: int | None
    votes_against: int | None
    abstentions: int | None
    is_annex: bool
    annex_title: str
    created_at: dt.datetime
    delegation_votes: tuple[DelegationVote, ...] = ()
    """Each member delegation's vote, in canonical order, when taken by delegation."""

    @property
    def texts(self) -> Bilingual:
        return Bilingual(self.text_es, self.text_en, self.text_original, self.original_language)

    def text(self, lang: str | None = None) -> str:
        """The text in ``lang``, else the original marked so ("… [original en inglés]")."""
        return self.texts.marked(lang or i18n.language())

    def adoption_text(self, lang: str | None = None) -> str:
        """"Adopted by consensus." / "Adopted by vote: 9 in favour, 1 against, 2 abstentions."
        / "Adopted by vote of the delegations: 10 in favour, 0 against, 1 abstention
        (Belize)." (the delegations of every choice but "in favour" named)."""
        tr = in_language(lang)
        if self.adoption is Adoption.CONSENSUS:
            return tr.translate("Records", "Adopted by consensus.")
        if not self.delegation_votes:
            return tr.translate("Records", "Adopted by vote: {tally}.").format(
                tally=tally_text(lang, self.votes_for or 0, self.votes_against or 0,
                                 self.abstentions or 0))
        names = {kind: [v.name(lang) for v in self.delegation_votes if v.vote is kind]
                 for kind in (*TALLIED[1:], Vote.ABSENT)}
        return tr.translate("Records", "Adopted by vote of the delegations: {tally}.").format(
            tally=tally_text(lang, self.votes_for or 0, self.votes_against or 0,
                             self.abstentions or 0, len(names[Vote.ABSENT]), names))


FIELDS = frozenset(
    {"agenda_item_id", "number", "text_es", "text_en", "text_original", "original_language",
     "adoption", "votes_for", "votes_against", "abstentions", "is_annex", "annex_title",
     "delegation_votes"}
)


COUNTS = ("votes_for", "votes_against", "abstentions")


def delegation_votes_of(a: Agreement) -> tuple[DelegationVote, ...]:
    """The agreement's votes by delegation, in the delegations' canonical order."""
    rows = sorted(a.delegation_votes, key=lambda v: (v.delegation.canonical_order,
                                                     v.delegation.name_es))
    return tuple(DelegationVote(v.delegation_id, v.delegation.code, v.delegation.name_es,
                                v.delegation.name_en, Vote(v.vote)) for v in rows)


def row_of(a: Agreement, sitting_number: int, item_number: int | None) -> AgreementRow:
    return copied(AgreementRow, a, sitting_number=sitting_number,
                  agenda_item_number=item_number, adoption=Adoption(a.adoption),
                  delegation_votes=delegation_votes_of(a))


def _row(session: Session, a: Agreement) -> AgreementRow:
    sitting = session.get(Sitting, a.sitting_id)
    item = session.get(AgendaItem, a.agenda_item_id) if a.agenda_item_id else None
    return row_of(a, sitting.number if sitting else 0, item.number if item else None)


def _count(value: Any, label: str) -> int | None:
    if value is None or value == "":
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = -1
    if number < 0 or isinstance(value, bool):
        raise RecordsError(
            translate("Records", "The number of {what} must be a whole number, zero or more.").format(what=label),
            code="agreement.count",
        )
    return number


def _apply(session: Session, a: Agreement, values: dict[str, Any]) -> None:
    known_fields(values, FIELDS, lambda names: RecordsError(
        translate("Records", "An agreement has no field {name}.").format(name=names),
        code="agreement.field"))
    for key in ("text_es", "text_en", "text_original"):
        if key in values:
            values[key] = long_text(values[key])
    if "original_language" in values:
        values["original_language"] = checked_language(values["original_language"])
    if "annex_title" in values:
        values["annex_title"] = text.clean(values["annex_title"])
    by_delegation = values.pop("delegation_votes", None)
    given = [key for key in COUNTS if values.get(key) not in (None, "")]
    for key, value in values.items():
        setattr(a, key, value)
    a.texts.write(a, "text")  # an original in Spanish or English has no third column
    if a.texts.is_empty():
        raise RecordsError(translate("Records", "Write the text of the agreement (in Spanish or in English)."), code="agreement.text")
    adoption = choice(Adoption, a.adoption, lambda: RecordsError(
        translate("Records", "An agreement is adopted by consensus or by vote, not {value!r}.")
        .format(value=a.adoption), code="agreement.adoption"))
    a.votes_for = _count(a.votes_for, translate("Records", "votes in favour"))
    a.votes_against = _count(a.votes_against, translate("Records", "votes against"))
    a.abstentions = _count(a.abstentions, translate("Records", "abstentions"))
    if adoption is Adoption.VOTE and by_delegation:
        _record_delegation_votes(session, a, by_delegation, given)
    elif adoption is Adoption.VOTE and by_delegation is None and a.delegation_votes:
        # Counts changed without the votes: they must still agree with the votes recorded.
        _check_tally(a, tally({v.delegation_id: Vote(v.vote) for v in a.delegation_votes}),
                     given)
    elif by_delegation is not None or adoption is Adoption.CONSENSUS:
        a.delegation_votes = []  # a head count, or consensus: no votes by delegation
    if adoption is Adoption.VOTE:
        if a.votes_for is None:
            raise RecordsError(translate("Records", "An agreement adopted by vote needs the votes in favour."), code="agreement.votes_for")
        a.votes_against = a.votes_against or 0
        a.abstentions = a.abstentions or 0
    else:
        a.votes_for = a.votes_against = a.abstentions = None
    if a.is_annex and not a.annex_title:
        raise RecordsError(translate("Records", "A declaration printed as an annex needs a title."), code="agreement.annex_title")
    if not a.is_annex:
        a.annex_title = ""
    if a.agenda_item_id is not None:
        item = session.get(AgendaItem, a.agenda_item_id)
        if item is None or item.sitting_id != a.sitting_id:
            raise RecordsError(translate("Records", "That agenda item is not on this session's agenda."), code="agreement.agenda_item")
    if a.number is None or int(a.number) < 1:
        raise RecordsError(translate("Records", "Agreements are numbered from 1."), code="agreement.number")
    clash = session.scalar(
        select(Agreement.id).where(
            Agreement.sitting_id == a.sitting_id,
            Agreement.number == a.number,
            Agreement.id != (a.id or 0),
        )
    )
    if clash is not None:
        raise RecordsError(
            translate("Records", "This session already has an agreement number {number}.").format(number=a.number),
            code="agreement.number_taken",
        )


def _record_delegation_votes(session: Session, a: Agreement, votes: Mapping[int, str],
                             given: list[str]) -> None:
    """Each member delegation's vote, checked; the tally computed from them, and the counts
    ``given`` beside them refused unless they agree."""
    clean = member_votes(session, votes, RecordsError, "agreement")
    _check_tally(a, tally(clean), given)
    kept = {v.delegation_id: v for v in a.delegation_votes}
    a.delegation_votes = [
        _vote_row(kept.get(delegation_id), delegation_id, vote.value)
        for delegation_id, vote in clean.items()
    ]


def _check_tally(a: Agreement, counted: tuple[int, int, int], given: list[str]) -> None:
    """Set the tally counted from the delegations' votes; the counts ``given`` (names of
    the columns set by this change) are refused unless they agree: a clerk's slip between
    the tally and the votes is never printed."""
    mine = dict(zip(COUNTS, counted, strict=True))
    if any(getattr(a, key) != mine[key] for key in given):
        shown = [getattr(a, key) if key in given else mine[key] for key in COUNTS]
        raise RecordsError(
            translate("Records", "The tally ({given}) does not match the delegations' votes "
                      "({counted}).").format(given=tally_text(None, *(n or 0 for n in shown)),
                                             counted=tally_text(None, *counted)),
            code="agreement.tally")
    a.votes_for, a.votes_against, a.abstentions = counted


def _vote_row(row: AgreementVote | None, delegation_id: int, vote: str) -> AgreementVote:
    """The stored vote changed in place (never deleted and re-inserted: the pair is unique)."""
    if row is None:
        return AgreementVote(delegation_id=delegation_id, vote=vote)
    row.vote = vote
    return row


AGREEMENTS: Register[Agreement, AgreementRow] = Register(
    Agreement, _apply, _row,
    missing=lambda agreement_id: RecordsError(
        translate("Records", "There is no agreement {id}.").format(id=agreement_id),
        code="agreement.missing"),
)


def create_agreement(db: Database, sitting_id: int, **values: Any) -> AgreementRow:
    """Add an agreement to a sitting; ``number`` defaults to the next free one."""
    with db.write() as session:
        find_sitting(session, sitting_id=sitting_id)
        if values.get("number") is None:
            last = session.scalar(
                select(func.max(Agreement.number)).where(Agreement.sitting_id == sitting_id)
            )
            values["number"] = (last or 0) + 1
        values.setdefault("adoption", Adoption.CONSENSUS.value)
        # written in one language only: that one is the original
        values.setdefault("original_language",
                          "en" if values.get("text_en") and not values.get("text_es") else "es")
        values.setdefault("is_annex", False)
        a = Agreement(sitting_id=sitting_id, text_es="", text_en="", text_original="",
                      original_language="es", annex_title="",
                      created_at=db.clock())
        return AGREEMENTS.add(session, a, values)


def update_agreement(db: Database, agreement_id: int, **changes: Any) -> AgreementRow:
    return AGREEMENTS.update(db, agreement_id, changes)


def delete_agreement(db: Database, agreement_id: int) -> None:
    AGREEMENTS.delete(db, agreement_id)


def list_agreements(db: Database, sitting_id: int | None = None) -> list[AgreementRow]:
    """The agreements of one sitting, or of every sitting, in sitting and number order."""
    with db.read() as session:
        query = (
            select(Agreement, Sitting.number, AgendaItem.number)
            .join(Sitting, Agreement.sitting_id == Sitting.id)
            .outerjoin(AgendaItem, Agreement.agenda_item_id == AgendaItem.id)
            .order_by(Sitting.number, Agreement.number)
        )
        if sitting_id is not None:
            query = query.where(Agreement.sitting_id == sitting_id)
        return [row_of(a, n, item) for a, n, item in session.execute(query)]
