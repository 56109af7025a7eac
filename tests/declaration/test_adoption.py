"""Adoption by consensus, by vote of delegations and by head count; reservations and statements."""

from __future__ import annotations

import pytest
from helpers.declaration_room import build_room
from sqlalchemy import select

from encounter_desk.core.errors import Refusal
from encounter_desk.declaration import adoption, draft
from encounter_desk.declaration import amendments as am
from encounter_desk.declaration.document import build_document
from encounter_desk.declaration.state import load_state, member_delegations
from encounter_desk.storage.models import Agreement


@pytest.fixture
def room(db):
    return build_room(db)


def _votes(room, **special):
    votes = {d.id: "for" for d in member_delegations(room.db)}
    for code, vote in special.items():
        votes[room.delegations[code]] = vote
    return votes


def _agreements(db):
    with db.read() as session:
        return list(session.scalars(select(Agreement)))


def test_consensus_makes_an_agreement_of_the_sitting_with_the_adopted_text(room):
    a = am.propose(room.db, room.paragraph("OP2"), "replace", [room.delegations["MX"]],
                   text_es="Promoveremos reformas para el trabajo decente.",
                   text_en="We will promote reforms for decent work.")
    am.decide(room.db, a, "accepted")
    agreement_id = adoption.adopt(room.db, room.declaration_id, "consensus")
    state = load_state(room.db)
    assert state.adopted and state.adoption.method == "consensus"
    assert state.adoption.sitting_number == 1 and state.adoption.agreement_id == agreement_id
    (agreement,) = _agreements(room.db)
    assert agreement.is_annex and agreement.number == 1
    assert agreement.adoption == "consensus" and agreement.votes_for is None
    assert agreement.annex_title == "Declaración sobre Mujeres Migrantes"
    assert "2. Promoveremos reformas para el trabajo decente." in agreement.text_es
    assert "2. We will promote reforms for decent work." in agreement.text_en
    assert state.discussion.paragraph_id is None


def test_a_vote_by_delegation_records_each_member_s_vote(room):
    adoption.adopt(room.db, room.declaration_id, "delegation_vote",
                   votes=_votes(room, US="against", CA="abstain", NI="absent"))
    state = load_state(room.db)
    votes = {v.delegation.code: v.vote for v in state.adoption.votes}
    assert len(votes) == 11 and votes["US"] == "against" and votes["NI"] == "absent"
    assert [v.delegation.code for v in state.adoption.votes][:3] == ["BZ", "CA", "CR"]
    assert (state.adoption.votes_for, state.adoption.votes_against,
            state.adoption.abstentions) == (8, 1, 1)
    (agreement,) = _agreements(room.db)
    assert (agreement.adoption, agreement.votes_for, agreement.votes_against,
            agreement.abstentions) == ("vote", 8, 1, 1)
    doc = build_document(state, "en")
    assert ("United States", "Against") in doc.votes
    assert doc.adoption_text == ("Adopted by vote of delegations at session 1, on 6 September "
                                 "2017: 8 in favour, 1 against, 1 abstention, 1 delegation absent.")
    assert build_document(state, "es").adoption_text.startswith("Adoptada por votación")


def test_every_member_delegation_must_be_accounted_for(room):
    votes = _votes(room)
    del votes[room.delegations["HN"]]
    with pytest.raises(Refusal) as caught:
        adoption.adopt(room.db, room.declaration_id, "delegation_vote", votes=votes)
    assert caught.value.code == "declaration.votes_missing"
    assert "Honduras" in str(caught.value)
    votes[room.delegations["OI"]] = "for"
    with pytest.raises(Refusal) as caught:
        adoption.adopt(room.db, room.declaration_id, "delegation_vote", votes=votes)
    assert caught.value.code == "declaration.not_member"
    assert not load_state(room.db).adopted and _agreements(room.db) == []


def test_a_vote_that_does_not_adopt_records_nothing(room):
    with pytest.raises(Refusal) as caught:
        adoption.adopt(room.db, room.declaration_id, "head_count", votes_for=20,
                       votes_against=20, abstentions=3)
    assert caught.value.code == "declaration.not_adopted"
    assert "20 in favour, 20 against, 3 abstentions" in str(caught.value)
    adoption.adopt(room.db, room.declaration_id, "head_count", votes_for=41, votes_against=2,
                   abstentions=1)
    state = load_state(room.db)
    assert (state.adoption.method, state.adoption.votes_for) == ("head_count", 41)
    assert state.adoption.votes == ()


def test_pending_amendments_block_the_adoption(room):
    a = am.propose(room.db, room.paragraph("OP1"), "delete", [room.delegations["US"]])
    b = am.propose(room.db, room.paragraph("OP3"), "delete", [room.delegations["US"]])
    with pytest.raises(Refusal) as caught:
        adoption.adopt(room.db, room.declaration_id, "consensus")
    assert caught.value.code == "declaration.pending" and "1, 2" in str(caught.value)
    am.decide(room.db, a, "withdrawn")
    am.decide(room.db, b, "rejected")
    adoption.adopt(room.db, room.declaration_id, "consensus")
    assert load_state(room.db).adopted


def test_after_adoption_the_text_is_frozen_until_the_adoption_is_cancelled(room):
    adoption.adopt(room.db, room.declaration_id, "consensus")
    with pytest.raises(Refusal) as caught:
        am.propose(room.db, room.paragraph("OP1"), "delete", [room.delegations["US"]])
    assert caught.value.code == "declaration.adopted"
    with pytest.raises(Refusal):
        draft.update_frame(room.db, room.declaration_id, place="Otro lugar")
    with pytest.raises(Refusal):
        adoption.adopt(room.db, room.declaration_id, "consensus")
    adoption.cancel_adoption(room.db, room.declaration_id)
    assert not load_state(room.db).adopted and _agreements(room.db) == []
    am.propose(room.db, room.paragraph("OP1"), "delete", [room.delegations["US"]])


def test_adoption_needs_a_session(room):
    draft.update_frame(room.db, room.declaration_id, sitting_id=None)
    with pytest.raises(Refusal) as caught:
        adoption.adopt(room.db, room.declaration_id, "consensus")
    assert caught.value.code == "declaration.no_sitting"
    adoption.adopt(room.db, room.declaration_id, "consensus", sitting_id=room.sitting_id)
    assert load_state(room.db).adoption.sitting_id == room.sitting_id


def test_reservations_and_interpretive_statements_print_after_the_declaration(room):
    adoption.add_statement(room.db, room.declaration_id, room.delegations["US"], "reservation",
                           text_en="The United States reserves its position.",
                           paragraph_id=room.paragraph("OP2"))
    second = adoption.add_statement(room.db, room.declaration_id, room.delegations["CA"],
                                    "interpretive", text_es="Canadá entiende…",
                                    text_en="Canada understands…")
    adoption.adopt(room.db, room.declaration_id, "consensus")
    doc = build_document(load_state(room.db), "en")
    assert [s.heading for s in doc.statements] == [
        "Reservation by the delegation of United States (on operative paragraph 2)",
        "Interpretive statement by the delegation of Canada",
    ]
    assert doc.statements[0].text == "The United States reserves its position."
    es = build_document(load_state(room.db), "es")
    # a position given in English only is printed so, marked as every record's text is
    assert es.statements[0].text == ("The United States reserves its position. "
                                     "[original en inglés]")
    assert es.statements[1].text == "Canadá entiende…"
    adoption.update_statement(room.db, second, delegation_id=room.delegations["CA"],
                              kind="reservation", text_en="Canada reserves.")
    adoption.delete_statement(room.db, second)
    assert len(load_state(room.db).statements) == 1
    with pytest.raises(Refusal) as caught:
        adoption.add_statement(room.db, room.declaration_id, room.delegations["CA"], "protest",
                               text_en="x")
    assert caught.value.code == "declaration.statement_kind"
