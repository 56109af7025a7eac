"""Agreements voted by delegation: each member delegation's vote, the tally computed from it."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from encounter_desk.demo import build as demo
from encounter_desk.records import agreements
from encounter_desk.records.register import RecordsError
from encounter_desk.storage.models import AgreementVote, Delegation, Sitting


@pytest.fixture
def demo_db(db):
    demo.build_demo(db)
    return db


def members(db) -> dict[str, int]:
    with db.read() as s:
        return {d.code: d.id for d in s.scalars(select(Delegation)
                                                .where(Delegation.is_member.is_(True)))}


def sitting_id(db, number: int = 2) -> int:
    with db.read() as s:
        return s.scalar(select(Sitting.id).where(Sitting.number == number))


def votes(codes: dict[str, int], **others: str) -> dict[int, str]:
    """Every member delegation in favour but those named (code=vote)."""
    return {i: others.get(code, "for") for code, i in codes.items()}


def test_the_tally_is_counted_from_each_delegations_vote(demo_db):
    codes = members(demo_db)
    row = agreements.create_agreement(
        demo_db, sitting_id(demo_db), text_es="Acuerdo votado.", adoption="vote",
        delegation_votes=votes(codes, BZ="abstain", CA="against", NI="absent"))
    assert (row.votes_for, row.votes_against, row.abstentions) == (8, 1, 1)
    assert [v.code for v in row.delegation_votes][:3] == ["BZ", "CA", "CR"]  # canonical order
    assert row.adoption_text("en") == (
        "Adopted by vote of the delegations: 8 in favour, 1 against (Canada), "
        "1 abstention (Belize), 1 delegation absent (Nicaragua).")
    assert row.adoption_text("es") == (
        "Aprobado por votación de las delegaciones: 8 a favor, 1 en contra (Canadá), "
        "1 abstención (Belice), 1 delegación ausente (Nicaragua).")
    # Listed with its votes; changed in place; a head count drops them.
    listed = next(r for r in agreements.list_agreements(demo_db) if r.id == row.id)
    assert {v.code: v.vote.value for v in listed.delegation_votes}["CA"] == "against"
    changed = agreements.update_agreement(demo_db, row.id,
                                          delegation_votes=votes(codes, BZ="abstain"))
    assert (changed.votes_for, changed.votes_against, changed.abstentions) == (10, 0, 1)
    assert changed.adoption_text("en").endswith("10 in favour, 0 against, 1 abstention (Belize).")
    head_count = agreements.update_agreement(demo_db, row.id, delegation_votes={},
                                             votes_for=7, votes_against=2, abstentions=2)
    assert head_count.delegation_votes == () and head_count.votes_for == 7
    with demo_db.read() as s:
        assert s.scalar(select(func.count()).select_from(AgreementVote)
                        .where(AgreementVote.agreement_id == row.id)) == 0


def test_votes_by_delegation_are_checked_and_nothing_is_written(demo_db):
    codes = members(demo_db)
    sitting = sitting_id(demo_db)
    with demo_db.read() as s:
        observer = s.scalar(select(Delegation.id).where(Delegation.is_member.is_(False)))
    partial = votes(codes)
    del partial[codes["PA"]]
    for bad, code, words in (
        (partial, "agreement.votes_missing", "missing: Panama"),
        ({**votes(codes), observer: "for"}, "agreement.not_member", "Only member delegations"),
        (votes(codes, MX="maybe"), "agreement.vote", "not 'maybe'"),
    ):
        with pytest.raises(RecordsError, match=words) as refused:
            agreements.create_agreement(demo_db, sitting, text_es="x", adoption="vote",
                                        delegation_votes=bad)
        assert refused.value.code == code
    # Counts given beside the votes must agree with them: the slip is refused.
    with pytest.raises(RecordsError, match="does not match") as refused:
        agreements.create_agreement(demo_db, sitting, text_es="x", adoption="vote",
                                    votes_for=11, delegation_votes=votes(codes, BZ="abstain"))
    assert refused.value.code == "agreement.tally"
    row = agreements.create_agreement(demo_db, sitting, text_es="x", adoption="vote",
                                      delegation_votes=votes(codes))
    with pytest.raises(RecordsError, match="does not match"):
        agreements.update_agreement(demo_db, row.id, votes_for=3)
    # Consensus: the votes by delegation go.
    agreed = agreements.update_agreement(demo_db, row.id, adoption="consensus")
    assert agreed.delegation_votes == () and agreed.votes_for is None
    with demo_db.read() as s:
        assert s.scalar(select(func.count()).select_from(AgreementVote)
                        .where(AgreementVote.agreement_id == row.id)) == 0


def test_the_demo_records_one_vote_taken_by_delegation(demo_db):
    voted = [r for r in agreements.list_agreements(demo_db) if r.delegation_votes]
    assert len(voted) == 1
    row = voted[0]
    assert len(row.delegation_votes) == 11
    assert (row.votes_for, row.votes_against, row.abstentions) == (10, 0, 1)
    assert [v.name("es") for v in row.delegation_votes if v.vote.value == "abstain"] == ["Belice"]
