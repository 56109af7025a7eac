"""Adoption of the declaration, and the reservations and statements of delegations.

The declaration is adopted **by consensus**, **by vote of the delegations** (each member
delegation for, against, abstaining or absent — every one of them must be accounted for)
or **by head count** (the votes counted in the room). A vote adopts it when more votes are
in favour than against; a vote that does not is refused and nothing is recorded. No
amendment may still be pending: each is decided or withdrawn first.

Adoption is an agreement of its sitting: :func:`adopt` writes an ``agreement`` row (next
number of the sitting, marked as an annex, with the adopted text in both languages), so the
minutes of that sitting carry it. After adoption the text is frozen; a mistaken adoption
can be cancelled (:func:`cancel_adoption`), which removes that agreement too.

Reservations and interpretive statements are a delegation's, on the whole declaration or
one paragraph, and are printed after it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from encounter_desk.core.i18n import language, translate
from encounter_desk.declaration.base import (
    DeclarationError,
    choice,
    moment,
    paragraph_text,
    require_delegation,
    require_paragraph,
    require_row,
)
from encounter_desk.declaration.document import build_document
from encounter_desk.declaration.draft import _not_adopted
from encounter_desk.declaration.state import read_state, require_declaration
from encounter_desk.event.delegation_votes import member_votes, tally, tally_text
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import (
    Adoption,
    AdoptionMethod,
    AgendaItem,
    Agreement,
    AmendmentStatus,
    DeclarationAdoption,
    DeclarationAmendment,
    DeclarationDiscussion,
    DeclarationStatement,
    DeclarationVote,
    Sitting,
    StatementKind,
    Vote,
)


def _method(method: str) -> AdoptionMethod:
    return choice(AdoptionMethod, method, translate(
        "Declaration", "The declaration is adopted by consensus, by vote of the delegations or "
        "by head count, not {method!r}."), "declaration.method", "method")


def _count(value: int | None, what: str) -> int:
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise DeclarationError(
            translate("Declaration", "The number of {what} must be a whole number, zero or "
                      "more.").format(what=what), code="declaration.count")
    return value


def adopt(
    db: Database,
    declaration_id: int,
    method: str,
    *,
    sitting_id: int | None = None,
    agenda_item_id: int | None = None,
    votes: Mapping[int, str] | None = None,
    votes_for: int | None = None,
    votes_against: int | None = None,
    abstentions: int | None = None,
    at: dt.datetime | None = None,
) -> int:
    """Record the adoption and its agreement; returns the agreement's id."""
    method_ = _method(method)
    with db.write() as session:
        d = require_declaration(session, declaration_id)
        _not_adopted(session, d)
        pending = list(session.scalars(select(DeclarationAmendment.number).where(
            DeclarationAmendment.declaration_id == d.id,
            DeclarationAmendment.status == AmendmentStatus.PENDING.value)
            .order_by(DeclarationAmendment.number)))
        if pending:
            raise DeclarationError(
                translate("Declaration", "Amendments {numbers} are still pending: decide them "
                          "(or record their withdrawal) before the adoption.").format(
                    numbers=", ".join(str(n) for n in pending)),
                code="declaration.pending")
        sitting = session.get(Sitting, sitting_id or d.sitting_id or 0)
        if sitting is None:
            raise DeclarationError(
                translate("Declaration", "Choose the session that adopts the declaration."),
                code="declaration.no_sitting")
        if agenda_item_id is not None:
            item = session.get(AgendaItem, agenda_item_id)
            if item is None or item.sitting_id != sitting.id:
                raise DeclarationError(translate("Declaration", "That agenda item is not on "
                                                 "this session's agenda."),
                                       code="declaration.agenda_item")
        clean_votes: dict[int, Vote] = {}
        if method_ is AdoptionMethod.CONSENSUS:
            counts = (None, None, None)
        elif method_ is AdoptionMethod.DELEGATION_VOTE:
            clean_votes = member_votes(session, votes or {}, DeclarationError, "declaration")
            counts = tally(clean_votes)
        else:
            counts = (_count(votes_for, translate("Declaration", "votes in favour")),
                      _count(votes_against, translate("Declaration", "votes against")),
                      _count(abstentions, translate("Declaration", "abstentions")))
        if counts[0] is not None and counts[0] <= counts[1]:
            raise DeclarationError(
                translate("Declaration", "The vote does not adopt the declaration ({tally}): "
                          "nothing was recorded.").format(
                    tally=tally_text(language(), *counts)),
                code="declaration.not_adopted")
        now = moment(db, at)
        adoption = DeclarationAdoption(
            declaration_id=d.id, sitting_id=sitting.id, method=method_.value,
            votes_for=counts[0], votes_against=counts[1], abstentions=counts[2],
            adopted_at=now)
        session.add(adoption)
        session.flush()
        for delegation_id, vote in clean_votes.items():
            session.add(DeclarationVote(adoption_id=adoption.id, delegation_id=delegation_id,
                                        vote=vote.value))
        session.add(DeclarationDiscussion(declaration_id=d.id, paragraph_id=None,
                                          amendment_id=None, started_at=now))
        session.flush()
        agreement = _agreement(session, d.id, sitting, agenda_item_id, now)
        adoption.agreement_id = agreement.id
        session.flush()
        return agreement.id


def _agreement(session: Session, declaration_id: int, sitting: Sitting,
               agenda_item_id: int | None, now: dt.datetime) -> Agreement:
    state = read_state(session, declaration_id)
    adoption = state.adoption
    assert adoption is not None
    last = session.scalar(select(func.max(Agreement.number)).where(
        Agreement.sitting_id == sitting.id)) or 0
    by_vote = adoption.method != AdoptionMethod.CONSENSUS
    agreement = Agreement(
        sitting_id=sitting.id, agenda_item_id=agenda_item_id, number=last + 1,
        text_es=build_document(state, "es").plain_text(),
        text_en=build_document(state, "en").plain_text(),
        adoption=(Adoption.VOTE if by_vote else Adoption.CONSENSUS).value,
        votes_for=adoption.votes_for if by_vote else None,
        votes_against=adoption.votes_against if by_vote else None,
        abstentions=adoption.abstentions if by_vote else None,
        is_annex=True,
        annex_title=(state.title(state.authentic_language) or state.title_es
                     or state.title_en)[:300],
        created_at=now,
    )
    session.add(agreement)
    session.flush()
    return agreement


def cancel_adoption(db: Database, declaration_id: int) -> None:
    """Undo an adoption recorded by mistake, with its votes and its agreement."""
    with db.write() as session:
        d = require_declaration(session, declaration_id)
        adoption = session.scalar(select(DeclarationAdoption).where(
            DeclarationAdoption.declaration_id == d.id))
        if adoption is None:
            raise DeclarationError(translate("Declaration", "The declaration has not been "
                                             "adopted."), code="declaration.not_adopted_yet")
        for vote in session.scalars(select(DeclarationVote).where(
                DeclarationVote.adoption_id == adoption.id)).all():
            session.delete(vote)
        agreement = session.get(Agreement, adoption.agreement_id) if adoption.agreement_id \
            else None
        session.delete(adoption)
        session.flush()
        if agreement is not None:
            session.delete(agreement)


# --- reservations and interpretive statements --------------------------------------------

def _statement_values(session: Session, declaration_id: int, delegation_id: int, kind: str,
                      paragraph_id: int | None, text_es: str, text_en: str) -> dict:
    kind_ = choice(StatementKind, kind, translate(
        "Declaration", "A delegation enters a reservation or an interpretive statement, not "
        "{kind!r}."), "declaration.statement_kind", "kind")
    require_delegation(session, delegation_id)
    if paragraph_id is not None:
        require_paragraph(session, paragraph_id, declaration_id)
    es, en = paragraph_text(text_es), paragraph_text(text_en)
    if not (es or en):
        raise DeclarationError(translate("Declaration", "Write the statement in Spanish or in "
                                         "English."), code="declaration.no_text")
    return {"delegation_id": delegation_id, "kind": kind_.value, "paragraph_id": paragraph_id,
            "text_es": es, "text_en": en}


def add_statement(db: Database, declaration_id: int, delegation_id: int, kind: str, *,
                  text_es: str = "", text_en: str = "", paragraph_id: int | None = None,
                  at: dt.datetime | None = None) -> int:
    with db.write() as session:
        d = require_declaration(session, declaration_id)
        values = _statement_values(session, d.id, delegation_id, kind, paragraph_id, text_es,
                                   text_en)
        row = DeclarationStatement(declaration_id=d.id, created_at=moment(db, at), **values)
        session.add(row)
        session.flush()
        return row.id


def update_statement(db: Database, statement_id: int, *, delegation_id: int, kind: str,
                     text_es: str = "", text_en: str = "",
                     paragraph_id: int | None = None) -> None:
    with db.write() as session:
        row = _require_statement(session, statement_id)
        values = _statement_values(session, row.declaration_id, delegation_id, kind,
                                   paragraph_id, text_es, text_en)
        for key, value in values.items():
            setattr(row, key, value)


def delete_statement(db: Database, statement_id: int) -> None:
    with db.write() as session:
        session.delete(_require_statement(session, statement_id))


def _require_statement(session: Session, statement_id: int) -> DeclarationStatement:
    return require_row(session, DeclarationStatement, statement_id,
                       translate("Declaration", "There is no statement {id}."),
                       "declaration.no_statement")
