"""The declaration negotiated at the encounter: draft, amendments, adoption, statements.

``declaration`` holds the draft's frame (title, chapeau, the words that open the operative
part, place and date, the authentic language, the drafting sitting), and
``declaration_paragraph`` its preamble and operative paragraphs in Spanish and English, in
order. The draft is what the delegations amend; it is never rewritten by a decision.

``declaration_amendment`` is one proposal against one draft paragraph (replace it, insert
a new paragraph after it, delete it) with its sponsoring delegations in
``declaration_amendment_sponsor``, and what the chair decided, when, and in which final
wording. The consolidated text is computed from the draft and the accepted amendments
(:mod:`encounter_desk.declaration.consolidate`); no table holds it.

``declaration_adoption`` records how the text was adopted (consensus, a vote by delegation
with each delegation's vote in ``declaration_vote``, or a head count) and the agreement of
its sitting; ``declaration_statement`` the reservations and interpretive statements of a
delegation; ``declaration_discussion`` each moment the chair put a paragraph (and an
amendment) under discussion, which ties the speeches of the drafting sitting to it.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from encounter_desk.core.i18n import QT_TRANSLATE_NOOP
from encounter_desk.storage.models.base import Base, UTCDateTime, utcnow


class DeclarationPart(StrEnum):
    PREAMBLE = "preamble"
    OPERATIVE = "operative"


class AmendmentKind(StrEnum):
    REPLACE = "replace"
    INSERT_AFTER = "insert_after"
    DELETE = "delete"


AMENDMENT_KIND_LABELS = {
    AmendmentKind.REPLACE: QT_TRANSLATE_NOOP("Declaration", "Replace"),
    AmendmentKind.INSERT_AFTER: QT_TRANSLATE_NOOP("Declaration", "Insert after"),
    AmendmentKind.DELETE: QT_TRANSLATE_NOOP("Declaration", "Delete"),
}


class AmendmentStatus(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    ACCEPTED_AMENDED = "accepted_amended"  # accepted as orally amended: final wording kept
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


AMENDMENT_STATUS_LABELS = {
    AmendmentStatus.PENDING: QT_TRANSLATE_NOOP("Declaration", "Pending"),
    AmendmentStatus.ACCEPTED: QT_TRANSLATE_NOOP("Declaration", "Accepted"),
    AmendmentStatus.ACCEPTED_AMENDED: QT_TRANSLATE_NOOP("Declaration",
                                                        "Accepted as orally amended"),
    AmendmentStatus.REJECTED: QT_TRANSLATE_NOOP("Declaration", "Rejected"),
    AmendmentStatus.WITHDRAWN: QT_TRANSLATE_NOOP("Declaration", "Withdrawn"),
}


class AdoptionMethod(StrEnum):
    CONSENSUS = "consensus"
    DELEGATION_VOTE = "delegation_vote"  # each member delegation: one vote
    HEAD_COUNT = "head_count"  # the votes of the lawmakers present, counted


ADOPTION_METHOD_LABELS = {
    AdoptionMethod.CONSENSUS: QT_TRANSLATE_NOOP("Declaration", "By consensus"),
    AdoptionMethod.DELEGATION_VOTE: QT_TRANSLATE_NOOP("Declaration", "By vote of delegations"),
    AdoptionMethod.HEAD_COUNT: QT_TRANSLATE_NOOP("Declaration", "By head count"),
}


class Vote(StrEnum):
    FOR = "for"
    AGAINST = "against"
    ABSTAIN = "abstain"
    ABSENT = "absent"


VOTE_LABELS = {
    Vote.FOR: QT_TRANSLATE_NOOP("Declaration", "In favour"),
    Vote.AGAINST: QT_TRANSLATE_NOOP("Declaration", "Against"),
    Vote.ABSTAIN: QT_TRANSLATE_NOOP("Declaration", "Abstains"),
    Vote.ABSENT: QT_TRANSLATE_NOOP("Declaration", "Absent"),
}


class StatementKind(StrEnum):
    RESERVATION = "reservation"
    INTERPRETIVE = "interpretive"


STATEMENT_KIND_LABELS = {
    StatementKind.RESERVATION: QT_TRANSLATE_NOOP("Declaration", "Reservation"),
    StatementKind.INTERPRETIVE: QT_TRANSLATE_NOOP("Declaration", "Interpretive statement"),
}


class Declaration(Base):
    __tablename__ = "declaration"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title_es: Mapped[str] = mapped_column(String(400), default="")
    title_en: Mapped[str] = mapped_column(String(400), default="")
    chapeau_es: Mapped[str] = mapped_column(Text, default="")
    """"Las y los legisladores de…, reunidos en…,": the sentence the preamble hangs from."""
    chapeau_en: Mapped[str] = mapped_column(Text, default="")
    operative_intro_es: Mapped[str] = mapped_column(String(200), default="")
    """"Declaramos:" / "Acordamos:": the words that open the operative part."""
    operative_intro_en: Mapped[str] = mapped_column(String(200), default="")
    authentic_language: Mapped[str] = mapped_column(String(5), default="es")
    place: Mapped[str] = mapped_column(String(200), default="")
    date: Mapped[dt.date | None] = mapped_column(Date)
    sitting_id: Mapped[int | None] = mapped_column(ForeignKey("sitting.id", ondelete="SET NULL"))
    """The drafting sitting, where it is negotiated and adopted."""
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class DeclarationParagraph(Base):
    __tablename__ = "declaration_paragraph"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    declaration_id: Mapped[int] = mapped_column(
        ForeignKey("declaration.id", ondelete="CASCADE"), index=True)
    part: Mapped[str] = mapped_column(String(10))
    position: Mapped[int] = mapped_column(Integer)
    """Order within its part, from 1: the draft's numbering (PP3, OP2)."""
    text_es: Mapped[str] = mapped_column(Text, default="")
    text_en: Mapped[str] = mapped_column(Text, default="")


class DeclarationAmendment(Base):
    __tablename__ = "declaration_amendment"
    __table_args__ = (
        UniqueConstraint("declaration_id", "number", name="uq_declaration_amendment_number"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    declaration_id: Mapped[int] = mapped_column(
        ForeignKey("declaration.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    """Numbered in the order proposed (1, 2, …), as the secretariat announces them."""
    paragraph_id: Mapped[int] = mapped_column(
        ForeignKey("declaration_paragraph.id", ondelete="RESTRICT"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    text_es: Mapped[str] = mapped_column(Text, default="")
    """The proposed wording (empty for a deletion, or when proposed in English only)."""
    text_en: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default=AmendmentStatus.PENDING.value)
    final_text_es: Mapped[str] = mapped_column(Text, default="")
    """The wording accepted as orally amended (empty otherwise)."""
    final_text_en: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    """The sponsors' explanation, or the secretariat's note on the decision."""
    submitted_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class AmendmentSponsor(Base):
    __tablename__ = "declaration_amendment_sponsor"
    __table_args__ = (
        UniqueConstraint("amendment_id", "delegation_id", name="uq_declaration_amendment_sponsor"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    amendment_id: Mapped[int] = mapped_column(
        ForeignKey("declaration_amendment.id", ondelete="CASCADE"))
    delegation_id: Mapped[int] = mapped_column(ForeignKey("delegation.id", ondelete="RESTRICT"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    """0: the delegation that proposed it; then the co-sponsors in the order they joined."""


class DeclarationAdoption(Base):
    __tablename__ = "declaration_adoption"
    __table_args__ = (
        UniqueConstraint("declaration_id", name="uq_declaration_adoption_declaration_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    declaration_id: Mapped[int] = mapped_column(
        ForeignKey("declaration.id", ondelete="CASCADE"))
    sitting_id: Mapped[int] = mapped_column(ForeignKey("sitting.id", ondelete="RESTRICT"))
    agreement_id: Mapped[int | None] = mapped_column(
        ForeignKey("agreement.id", ondelete="SET NULL"))
    """The agreement of the sitting that adopted it (the minutes print it as an annex)."""
    method: Mapped[str] = mapped_column(String(20))
    votes_for: Mapped[int | None] = mapped_column(Integer)
    votes_against: Mapped[int | None] = mapped_column(Integer)
    abstentions: Mapped[int | None] = mapped_column(Integer)
    adopted_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class DelegationVoteColumns:
    """One member delegation's vote (a :class:`Vote`): the columns a vote by delegation
    keeps, on the declaration's adoption and on an agreement alike. A delegation that voted
    cannot be deleted."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    delegation_id: Mapped[int] = mapped_column(
        ForeignKey("delegation.id", ondelete="RESTRICT"), index=True)
    vote: Mapped[str] = mapped_column(String(10))
    """"for", "against", "abstain" or "absent"."""


def delegation_vote_constraints(table: str, parent: str) -> tuple[UniqueConstraint]:
    """One vote per delegation on each ``parent`` row (the votes are found by delegation
    through the column's own index)."""
    return (UniqueConstraint(parent, "delegation_id", name=f"uq_{table}"),)


class DeclarationVote(DelegationVoteColumns, Base):
    __tablename__ = "declaration_vote"
    __table_args__ = delegation_vote_constraints("declaration_vote", "adoption_id")

    adoption_id: Mapped[int] = mapped_column(
        ForeignKey("declaration_adoption.id", ondelete="CASCADE"))


class DeclarationStatement(Base):
    __tablename__ = "declaration_statement"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    declaration_id: Mapped[int] = mapped_column(
        ForeignKey("declaration.id", ondelete="CASCADE"), index=True)
    delegation_id: Mapped[int] = mapped_column(ForeignKey("delegation.id", ondelete="RESTRICT"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    paragraph_id: Mapped[int | None] = mapped_column(
        ForeignKey("declaration_paragraph.id", ondelete="SET NULL"))
    """The draft paragraph it bears on; None: the declaration as a whole."""
    text_es: Mapped[str] = mapped_column(Text, default="")
    text_en: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class DeclarationDiscussion(Base):
    """One move of the chair: from ``started_at`` this paragraph (and amendment) is discussed.

    The last row is what the room screen shows; a row without a paragraph closes the
    discussion. A speech of the drafting sitting that starts between two moves is an
    intervention on the paragraph of the first.
    """

    __tablename__ = "declaration_discussion"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    declaration_id: Mapped[int] = mapped_column(
        ForeignKey("declaration.id", ondelete="CASCADE"), index=True)
    paragraph_id: Mapped[int | None] = mapped_column(
        ForeignKey("declaration_paragraph.id", ondelete="CASCADE"))
    amendment_id: Mapped[int | None] = mapped_column(
        ForeignKey("declaration_amendment.id", ondelete="SET NULL"))
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
