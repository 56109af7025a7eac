"""Everything about the declaration, read in one transaction and handed back as plain rows.

:func:`load_state` is what every screen, command and document starts from: the draft, the
amendments with their sponsors, the adoption and its votes, the statements, the paragraph
under discussion, and who signs (the head of each member delegation). Nothing here writes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from encounter_desk.core.i18n import pick, translate
from encounter_desk.declaration.base import DeclarationError, paragraph_code, paragraph_name
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import (
    Agreement,
    AmendmentSponsor,
    AmendmentStatus,
    Declaration,
    DeclarationAdoption,
    DeclarationAmendment,
    DeclarationDiscussion,
    DeclarationParagraph,
    DeclarationPart,
    DeclarationStatement,
    DeclarationVote,
    Delegation,
    Event,
    Participant,
    Sitting,
)

ACCEPTED = (AmendmentStatus.ACCEPTED.value, AmendmentStatus.ACCEPTED_AMENDED.value)


@dataclass(frozen=True)
class DelegationRef:
    id: int
    code: str
    name_es: str
    name_en: str

    def name(self, lang: str | None = None) -> str:
        return pick(lang, self.name_es, self.name_en)


@dataclass(frozen=True)
class ParagraphRow:
    id: int
    part: str
    position: int
    text_es: str
    text_en: str

    def text(self, lang: str) -> str:
        return self.text_es if lang == "es" else self.text_en

    def code(self, lang: str | None = None) -> str:
        return paragraph_code(self.part, self.position, lang)

    def name(self, lang: str | None = None) -> str:
        return paragraph_name(self.part, self.position, lang)


@dataclass(frozen=True)
class AmendmentRow:
    id: int
    number: int
    paragraph_id: int
    kind: str
    text_es: str
    text_en: str
    status: str
    final_text_es: str
    final_text_en: str
    note: str
    submitted_at: dt.datetime
    decided_at: dt.datetime | None
    sponsors: tuple[DelegationRef, ...]

    @property
    def accepted(self) -> bool:
        return self.status in ACCEPTED

    @property
    def pending(self) -> bool:
        return self.status == AmendmentStatus.PENDING

    def proposed(self, lang: str) -> str:
        return self.text_es if lang == "es" else self.text_en

    def final(self, lang: str) -> str:
        return self.final_text_es if lang == "es" else self.final_text_en

    def wording(self, lang: str) -> str:
        """The words that enter the text if accepted: the final wording when orally amended."""
        if self.status == AmendmentStatus.ACCEPTED_AMENDED:
            return self.final(lang)
        return self.proposed(lang)

    def sponsors_text(self, lang: str | None = None) -> str:
        return ", ".join(s.name(lang) for s in self.sponsors)

    def sponsor_codes(self) -> str:
        return ", ".join(s.code for s in self.sponsors)


@dataclass(frozen=True)
class VoteRow:
    delegation: DelegationRef
    vote: str


@dataclass(frozen=True)
class AdoptionRow:
    sitting_id: int
    sitting_number: int
    sitting_date: dt.date
    agreement_id: int | None
    agreement_number: int | None
    method: str
    votes_for: int | None
    votes_against: int | None
    abstentions: int | None
    adopted_at: dt.datetime
    votes: tuple[VoteRow, ...] = ()


@dataclass(frozen=True)
class StatementRow:
    id: int
    delegation: DelegationRef
    kind: str
    paragraph_id: int | None
    text_es: str
    text_en: str
    created_at: dt.datetime

    def text(self, lang: str) -> str:
        return pick(lang, self.text_es, self.text_en)


@dataclass(frozen=True)
class Signatory:
    delegation: DelegationRef
    title: str
    name: str
    """Empty when the delegation has no head of delegation registered: a blank line."""


@dataclass(frozen=True)
class Discussion:
    paragraph_id: int | None
    amendment_id: int | None
    started_at: dt.datetime | None


@dataclass(frozen=True)
class DeclarationState:
    id: int
    title_es: str
    title_en: str
    chapeau_es: str
    chapeau_en: str
    operative_intro_es: str
    operative_intro_en: str
    authentic_language: str
    place: str
    date: dt.date | None
    sitting_id: int | None
    sitting_number: int | None
    event_code: str
    event_name_es: str
    event_name_en: str
    timezone: str
    paragraphs: tuple[ParagraphRow, ...]
    amendments: tuple[AmendmentRow, ...]
    adoption: AdoptionRow | None
    statements: tuple[StatementRow, ...]
    discussion: Discussion
    signatories: tuple[Signatory, ...] = field(default=())

    def title(self, lang: str) -> str:
        return self.title_es if lang == "es" else self.title_en

    def chapeau(self, lang: str) -> str:
        return self.chapeau_es if lang == "es" else self.chapeau_en

    def operative_intro(self, lang: str) -> str:
        return self.operative_intro_es if lang == "es" else self.operative_intro_en

    @property
    def adopted(self) -> bool:
        return self.adoption is not None

    @property
    def decided_any(self) -> bool:
        return any(not a.pending for a in self.amendments)

    def paragraph(self, paragraph_id: int | None) -> ParagraphRow | None:
        return next((p for p in self.paragraphs if p.id == paragraph_id), None)

    def amendment(self, amendment_id: int | None) -> AmendmentRow | None:
        return next((a for a in self.amendments if a.id == amendment_id), None)

    def amendments_on(self, paragraph_id: int) -> list[AmendmentRow]:
        return [a for a in self.amendments if a.paragraph_id == paragraph_id]

    def part(self, part: str) -> list[ParagraphRow]:
        return [p for p in self.paragraphs if p.part == part]

    def find_code(self, part: str, position: int) -> ParagraphRow:
        for p in self.paragraphs:
            if p.part == part and p.position == position:
                return p
        raise DeclarationError(
            translate("Declaration", "The draft has no {name}.").format(
                name=paragraph_name(part, position)), code="declaration.no_paragraph")

    def date_or_default(self) -> dt.date | None:
        if self.date is not None:
            return self.date
        return self.adoption.sitting_date if self.adoption else None


# --- reading -----------------------------------------------------------------------------

def find_declaration(session: Session) -> Declaration | None:
    """The event's declaration (the first one, if a file ever holds several)."""
    return session.scalar(select(Declaration).order_by(Declaration.id).limit(1))


def declaration_id(db: Database) -> int | None:
    with db.read() as session:
        found = find_declaration(session)
        return found.id if found else None


def require_declaration(session: Session, declaration_id: int | None = None) -> Declaration:
    found = (session.get(Declaration, declaration_id) if declaration_id is not None
             else find_declaration(session))
    if found is None:
        raise DeclarationError(
            translate("Declaration", "There is no draft declaration yet: import one from a "
                      "Word file or type it."), code="declaration.missing")
    return found


def _ref(d: Delegation) -> DelegationRef:
    return DelegationRef(d.id, d.code, d.name_es, d.name_en)


def load_state(db: Database, declaration_id: int | None = None) -> DeclarationState:
    """The declaration (the event's, when no id is given) and all that belongs to it."""
    with db.read() as session:
        return read_state(session, declaration_id)


def read_state(session: Session, declaration_id: int | None = None) -> DeclarationState:
    d = require_declaration(session, declaration_id)
    delegations = {x.id: x for x in session.scalars(select(Delegation))}
    paragraphs = tuple(
        ParagraphRow(p.id, p.part, p.position, p.text_es, p.text_en)
        for p in session.scalars(
            select(DeclarationParagraph).where(DeclarationParagraph.declaration_id == d.id)
        )
    )
    order = {DeclarationPart.PREAMBLE.value: 0, DeclarationPart.OPERATIVE.value: 1}
    paragraphs = tuple(sorted(paragraphs, key=lambda p: (order.get(p.part, 2), p.position)))
    sponsors: dict[int, list[AmendmentSponsor]] = {}
    for s in session.scalars(
        select(AmendmentSponsor)
        .join(DeclarationAmendment, AmendmentSponsor.amendment_id == DeclarationAmendment.id)
        .where(DeclarationAmendment.declaration_id == d.id)
        .order_by(AmendmentSponsor.position, AmendmentSponsor.id)
    ):
        sponsors.setdefault(s.amendment_id, []).append(s)
    amendments = tuple(
        AmendmentRow(
            a.id, a.number, a.paragraph_id, a.kind, a.text_es, a.text_en, a.status,
            a.final_text_es, a.final_text_en, a.note, a.submitted_at, a.decided_at,
            tuple(_ref(delegations[s.delegation_id]) for s in sponsors.get(a.id, [])),
        )
        for a in session.scalars(
            select(DeclarationAmendment).where(DeclarationAmendment.declaration_id == d.id)
            .order_by(DeclarationAmendment.number)
        )
    )
    statements = tuple(
        StatementRow(s.id, _ref(delegations[s.delegation_id]), s.kind, s.paragraph_id,
                     s.text_es, s.text_en, s.created_at)
        for s in session.scalars(
            select(DeclarationStatement).where(DeclarationStatement.declaration_id == d.id)
            .order_by(DeclarationStatement.created_at, DeclarationStatement.id)
        )
    )
    event = session.scalar(select(Event).order_by(Event.id).limit(1))
    sitting = session.get(Sitting, d.sitting_id) if d.sitting_id else None
    last = session.scalar(
        select(DeclarationDiscussion).where(DeclarationDiscussion.declaration_id == d.id)
        .order_by(DeclarationDiscussion.started_at.desc(), DeclarationDiscussion.id.desc())
        .limit(1)
    )
    discussion = Discussion(last.paragraph_id, last.amendment_id, last.started_at) if last \
        else Discussion(None, None, None)
    return DeclarationState(
        id=d.id,
        title_es=d.title_es, title_en=d.title_en,
        chapeau_es=d.chapeau_es, chapeau_en=d.chapeau_en,
        operative_intro_es=d.operative_intro_es, operative_intro_en=d.operative_intro_en,
        authentic_language=d.authentic_language,
        place=d.place, date=d.date,
        sitting_id=d.sitting_id, sitting_number=sitting.number if sitting else None,
        event_code=event.code if event else "",
        event_name_es=event.name_es if event else "",
        event_name_en=event.name_en if event else "",
        timezone=event.timezone if event else "UTC",
        paragraphs=paragraphs,
        amendments=amendments,
        adoption=_adoption(session, d.id, delegations),
        statements=statements,
        discussion=discussion,
        signatories=_signatories(session, delegations),
    )


def _adoption(session: Session, declaration_id: int,
              delegations: dict[int, Delegation]) -> AdoptionRow | None:
    row = session.scalar(
        select(DeclarationAdoption).where(DeclarationAdoption.declaration_id == declaration_id))
    if row is None:
        return None
    sitting = session.get(Sitting, row.sitting_id)
    agreement = session.get(Agreement, row.agreement_id) if row.agreement_id else None
    votes = [
        VoteRow(_ref(delegations[v.delegation_id]), v.vote)
        for v in session.scalars(select(DeclarationVote).where(
            DeclarationVote.adoption_id == row.id))
    ]
    votes.sort(key=lambda v: (delegations[v.delegation.id].canonical_order, v.delegation.name_es))
    return AdoptionRow(
        sitting_id=row.sitting_id, sitting_number=sitting.number, sitting_date=sitting.date,
        agreement_id=row.agreement_id,
        agreement_number=agreement.number if agreement else None,
        method=row.method, votes_for=row.votes_for, votes_against=row.votes_against,
        abstentions=row.abstentions, adopted_at=row.adopted_at, votes=tuple(votes),
    )


def _signatories(session: Session, delegations: dict[int, Delegation]) -> tuple[Signatory, ...]:
    members = sorted((d for d in delegations.values() if d.is_member),
                     key=lambda d: (d.canonical_order, d.name_es))
    heads: dict[int, Participant] = {}
    for p in session.scalars(
        select(Participant).where(Participant.is_head_of_delegation.is_(True))
        .order_by(Participant.sort_key, Participant.id)
    ):
        if p.delegation_id is not None:
            heads.setdefault(p.delegation_id, p)
    out = []
    for d in members:
        head = heads.get(d.id)
        out.append(Signatory(_ref(d), head.title if head else "",
                             head.display_name if head else ""))
    return tuple(out)


def member_delegations(db: Database) -> list[DelegationRef]:
    """The member delegations in the conference's order: who votes by delegation, who signs."""
    with db.read() as session:
        rows = session.scalars(select(Delegation).where(Delegation.is_member.is_(True))
                               .order_by(Delegation.canonical_order, Delegation.name_es))
        return [_ref(d) for d in rows]


def all_delegations(db: Database) -> list[DelegationRef]:
    """Every delegation in the conference's order: who may propose an amendment."""
    with db.read() as session:
        rows = session.scalars(select(Delegation).order_by(Delegation.canonical_order,
                                                           Delegation.name_es))
        return [_ref(d) for d in rows]


def delegation_by_code(session: Session, code: str) -> Delegation:
    found = session.scalar(select(Delegation).where(Delegation.code == code.strip().upper()))
    if found is None:
        found = session.scalar(select(Delegation).where(Delegation.code == code.strip()))
    if found is None:
        raise DeclarationError(
            translate("Declaration", "There is no delegation with the code {code!r}.").format(
                code=code), code="declaration.delegation")
    return found
