"""Amendments: proposed by delegations against a draft paragraph, decided by the chair.

An amendment **replaces** a paragraph's text, **inserts** a new paragraph after it, or
**deletes** it. One delegation proposes it (the first sponsor); others may co-sponsor. The
wording comes in Spanish, English or both (a deletion has none). Several amendments to
one paragraph are allowed and are shown together.

The chair decides a pending amendment: **accepted**, **accepted as orally amended** (with
the final wording, in one language or both: for a deletion it becomes the paragraph's new
wording), **rejected**, or **withdrawn** by its sponsors; the moment is recorded. A
decision taken by mistake can be reopened until the declaration is adopted. A replacement
or deletion cannot be accepted for a paragraph another accepted amendment already deleted.

An accepted amendment whose wording lacks one language can have it completed later
(:func:`complete_translation`): the secretariat translates what the room agreed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from encounter_desk.core import names as text
from encounter_desk.core.i18n import translate
from encounter_desk.declaration.base import (
    DeclarationError,
    check_language,
    choice,
    moment,
    paragraph_name,
    paragraph_text,
    require_delegation,
    require_paragraph,
    require_row,
)
from encounter_desk.declaration.draft import _not_adopted
from encounter_desk.declaration.state import delegation_by_code, require_declaration
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import (
    AmendmentKind,
    AmendmentSponsor,
    AmendmentStatus,
    DeclarationAmendment,
    DeclarationParagraph,
)

DECISIONS = (AmendmentStatus.ACCEPTED, AmendmentStatus.ACCEPTED_AMENDED,
             AmendmentStatus.REJECTED, AmendmentStatus.WITHDRAWN)


def _kind(kind: str) -> AmendmentKind:
    return choice(AmendmentKind, kind, translate(
        "Declaration", "An amendment replaces a paragraph, inserts one after it or deletes it, "
        "not {kind!r}."), "declaration.kind", "kind")


def _require(session: Session, amendment_id: int) -> DeclarationAmendment:
    return require_row(session, DeclarationAmendment, amendment_id,
                       translate("Declaration", "There is no amendment {id}."),
                       "declaration.no_amendment")


def amendment_by_number(session: Session, declaration_id: int, number: int) -> DeclarationAmendment:
    a = session.scalar(select(DeclarationAmendment).where(
        DeclarationAmendment.declaration_id == declaration_id,
        DeclarationAmendment.number == number))
    if a is None:
        raise DeclarationError(translate("Declaration", "There is no amendment number "
                                         "{number}.").format(number=number),
                               code="declaration.no_amendment")
    return a


def _texts(kind: AmendmentKind, text_es: str | None, text_en: str | None) -> tuple[str, str]:
    es, en = paragraph_text(text_es), paragraph_text(text_en)
    if kind is AmendmentKind.DELETE:
        if es or en:
            raise DeclarationError(
                translate("Declaration", "An amendment that deletes a paragraph has no "
                          "wording; to change the words, propose a replacement."),
                code="declaration.delete_text")
    elif not (es or en):
        raise DeclarationError(
            translate("Declaration", "Write the proposed wording in Spanish or in English."),
            code="declaration.no_text")
    return es, en


def _set_sponsors(session: Session, a: DeclarationAmendment, sponsors: Sequence[int]) -> None:
    ids = list(dict.fromkeys(sponsors))
    if not ids:
        raise DeclarationError(
            translate("Declaration", "An amendment is proposed by at least one delegation."),
            code="declaration.no_sponsor")
    for delegation_id in ids:
        require_delegation(session, delegation_id)
    for old in session.scalars(select(AmendmentSponsor).where(
            AmendmentSponsor.amendment_id == a.id)).all():
        session.delete(old)
    session.flush()
    for position, delegation_id in enumerate(ids):
        session.add(AmendmentSponsor(amendment_id=a.id, delegation_id=delegation_id,
                                     position=position))


def propose(
    db: Database,
    paragraph_id: int,
    kind: str,
    sponsors: Sequence[int],
    *,
    text_es: str = "",
    text_en: str = "",
    note: str = "",
    at: dt.datetime | None = None,
) -> int:
    """Record a new amendment (numbered next); returns its id."""
    kind_ = _kind(kind)
    es, en = _texts(kind_, text_es, text_en)
    with db.write() as session:
        paragraph = require_paragraph(session, paragraph_id)
        d = require_declaration(session, paragraph.declaration_id)
        _not_adopted(session, d)
        last = session.scalar(select(func.max(DeclarationAmendment.number)).where(
            DeclarationAmendment.declaration_id == d.id)) or 0
        a = DeclarationAmendment(
            declaration_id=d.id, number=last + 1, paragraph_id=paragraph.id, kind=kind_.value,
            text_es=es, text_en=en, status=AmendmentStatus.PENDING.value,
            final_text_es="", final_text_en="", note=paragraph_text(note),
            submitted_at=moment(db, at))
        session.add(a)
        session.flush()
        _set_sponsors(session, a, sponsors)
        session.flush()
        return a.id


def revise(
    db: Database,
    amendment_id: int,
    *,
    kind: str | None = None,
    text_es: str | None = None,
    text_en: str | None = None,
    sponsors: Sequence[int] | None = None,
    note: str | None = None,
) -> None:
    """Correct a pending amendment (its wording, kind, sponsors or note) as its sponsors
    hand it in again; a decided one is reopened first."""
    with db.write() as session:
        a = _require(session, amendment_id)
        d = require_declaration(session, a.declaration_id)
        _not_adopted(session, d)
        _require_pending(a)
        kind_ = _kind(kind or a.kind)
        es, en = _texts(kind_, a.text_es if text_es is None else text_es,
                        a.text_en if text_en is None else text_en)
        a.kind, a.text_es, a.text_en = kind_.value, es, en
        if note is not None:
            a.note = paragraph_text(note)
        if sponsors is not None:
            _set_sponsors(session, a, sponsors)


def decide(
    db: Database,
    amendment_id: int,
    decision: str,
    *,
    final_es: str = "",
    final_en: str = "",
    at: dt.datetime | None = None,
) -> None:
    """The chair's decision on a pending amendment, recorded at ``at`` (default: now)."""
    try:
        status = AmendmentStatus(decision)
    except ValueError:
        status = None
    if status not in DECISIONS:
        raise DeclarationError(
            translate("Declaration", "An amendment is accepted, accepted as orally amended, "
                      "rejected or withdrawn, not {decision!r}.").format(decision=decision),
            code="declaration.decision")
    final_es, final_en = paragraph_text(final_es), paragraph_text(final_en)
    if status is AmendmentStatus.ACCEPTED_AMENDED and not (final_es or final_en):
        raise DeclarationError(
            translate("Declaration", "Write the final wording, as orally amended, in Spanish "
                      "or in English."), code="declaration.no_final")
    if status is not AmendmentStatus.ACCEPTED_AMENDED and (final_es or final_en):
        raise DeclarationError(
            translate("Declaration", "A final wording is recorded only for an amendment "
                      "accepted as orally amended."), code="declaration.final_text")
    with db.write() as session:
        a = _require(session, amendment_id)
        d = require_declaration(session, a.declaration_id)
        _not_adopted(session, d)
        _require_pending(a)
        if status in (AmendmentStatus.ACCEPTED, AmendmentStatus.ACCEPTED_AMENDED):
            _check_paragraph_alive(session, a)
        a.status = status.value
        a.final_text_es, a.final_text_en = final_es, final_en
        a.decided_at = moment(db, at)


def _require_pending(a: DeclarationAmendment) -> None:
    if a.status != AmendmentStatus.PENDING:
        raise DeclarationError(
            translate("Declaration", "Amendment {number} has already been decided: reopen it "
                      "to change it or to decide again.").format(number=a.number),
            code="declaration.decided")


def _check_paragraph_alive(session: Session, a: DeclarationAmendment) -> None:
    if a.kind == AmendmentKind.INSERT_AFTER:
        return  # a paragraph can be inserted after one that was deleted: it takes its place
    killer = session.scalar(select(DeclarationAmendment).where(
        DeclarationAmendment.paragraph_id == a.paragraph_id,
        DeclarationAmendment.id != a.id,
        DeclarationAmendment.kind == AmendmentKind.DELETE.value,
        DeclarationAmendment.status == AmendmentStatus.ACCEPTED.value))
    if killer is not None:
        p = session.get(DeclarationParagraph, a.paragraph_id)
        raise DeclarationError(
            translate("Declaration", "Amendment {other} deleted {paragraph}: amendment "
                      "{number} can now only be rejected or withdrawn.").format(
                other=killer.number, paragraph=paragraph_name(p.part, p.position),
                number=a.number), code="declaration.paragraph_deleted")


def reopen(db: Database, amendment_id: int) -> None:
    """Put a decided amendment back to pending (a decision recorded by mistake)."""
    with db.write() as session:
        a = _require(session, amendment_id)
        d = require_declaration(session, a.declaration_id)
        _not_adopted(session, d)
        if a.status == AmendmentStatus.PENDING:
            return
        a.status = AmendmentStatus.PENDING.value
        a.final_text_es = a.final_text_en = ""
        a.decided_at = None


def complete_translation(db: Database, amendment_id: int, lang: str, wording: str) -> None:
    """Add the missing ``lang`` wording of an amendment (pending or accepted)."""
    check_language(lang)
    wording = paragraph_text(wording)
    if not wording:
        raise DeclarationError(translate("Declaration", "Write the translation."),
                               code="declaration.no_text")
    with db.write() as session:
        a = _require(session, amendment_id)
        d = require_declaration(session, a.declaration_id)
        _not_adopted(session, d)
        if a.kind == AmendmentKind.DELETE and a.status != AmendmentStatus.ACCEPTED_AMENDED:
            raise DeclarationError(translate("Declaration", "An amendment that deletes a "
                                             "paragraph has no wording to translate."),
                                   code="declaration.delete_text")
        field = "final_text" if a.status == AmendmentStatus.ACCEPTED_AMENDED else "text"
        if getattr(a, f"{field}_{lang}"):
            raise DeclarationError(
                translate("Declaration", "Amendment {number} already has its wording in that "
                          "language.").format(number=a.number), code="declaration.has_text")
        setattr(a, f"{field}_{lang}", wording)


def sponsor_ids(db: Database, codes: Sequence[str]) -> list[int]:
    """Delegation ids for codes typed at a prompt ("MX", "ca"), in the order given."""
    with db.read() as session:
        return [delegation_by_code(session, code).id for code in codes if text.clean(code)]
