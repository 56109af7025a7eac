"""Amendments of every kind and every decision, several on one paragraph, and the text they make."""

from __future__ import annotations

import pytest
from helpers.declaration_room import OPERATIVE, PREAMBLE, build_room

from encounter_desk.core.errors import Refusal
from encounter_desk.declaration import amendments as am
from encounter_desk.declaration.changes import (
    DELETE,
    EQUAL,
    INSERT,
    amendment_changes,
    changes,
    word_diff,
)
from encounter_desk.declaration.consolidate import consolidate
from encounter_desk.declaration.state import load_state


@pytest.fixture
def room(db):
    return build_room(db)


def _state(room):
    return load_state(room.db, room.declaration_id)


def _decide(room, amendment_id, decision, **kw):
    room.clock.advance(60)
    am.decide(room.db, amendment_id, decision, **kw)


def test_a_replacement_by_several_cosponsors_is_recorded_and_numbered(room):
    mx, ca = room.delegations["MX"], room.delegations["CA"]
    first = am.propose(room.db, room.paragraph("OP1"), "replace", [mx, ca],
                       text_es="Instamos a los Estados miembros a garantizar el acceso.",
                       note="Precisión de redacción")
    second = am.propose(room.db, room.paragraph("OP1"), "delete", [room.delegations["US"]])
    state = _state(room)
    a, b = state.amendment(first), state.amendment(second)
    assert (a.number, b.number) == (1, 2)
    assert [s.code for s in a.sponsors] == ["MX", "CA"]
    assert a.sponsors_text("es") == "México, Canadá"
    assert a.pending and a.submitted_at == room.clock.now and a.decided_at is None
    assert a.note == "Precisión de redacción"
    assert [x.number for x in state.amendments_on(room.paragraph("OP1"))] == [1, 2]


@pytest.mark.parametrize("kind, texts, code", [
    ("replace", {}, "declaration.no_text"),
    ("insert_after", {}, "declaration.no_text"),
    ("delete", {"text_es": "algo"}, "declaration.delete_text"),
    ("merge", {"text_es": "algo"}, "declaration.kind"),
])
def test_a_malformed_proposal_is_refused_and_writes_nothing(room, kind, texts, code):
    with pytest.raises(Refusal) as caught:
        am.propose(room.db, room.paragraph("OP2"), kind, [room.delegations["MX"]], **texts)
    assert caught.value.code == code
    assert _state(room).amendments == ()


def test_a_proposal_needs_a_sponsor(room):
    with pytest.raises(Refusal) as caught:
        am.propose(room.db, room.paragraph("OP2"), "replace", [], text_es="Texto")
    assert caught.value.code == "declaration.no_sponsor"


def test_every_decision_is_recorded_with_its_time(room):
    op2, mx = room.paragraph("OP2"), room.delegations["MX"]
    ids = [am.propose(room.db, op2, "insert_after", [mx], text_es=f"Párrafo nuevo {n}.",
                      text_en=f"New paragraph {n}.") for n in range(4)]
    _decide(room, ids[0], "accepted")
    _decide(room, ids[1], "accepted_amended", final_es="Párrafo nuevo, enmendado en sala.")
    _decide(room, ids[2], "rejected")
    _decide(room, ids[3], "withdrawn")
    state = _state(room)
    assert [state.amendment(i).status for i in ids] == [
        "accepted", "accepted_amended", "rejected", "withdrawn"]
    times = [state.amendment(i).decided_at for i in ids]
    assert times == sorted(times) and len(set(times)) == 4
    assert state.amendment(ids[1]).final_text_es == "Párrafo nuevo, enmendado en sala."


def test_orally_amended_needs_the_final_wording_and_only_then(room):
    a = am.propose(room.db, room.paragraph("OP3"), "replace", [room.delegations["SV"]],
                   text_es="Otro texto.")
    with pytest.raises(Refusal) as caught:
        am.decide(room.db, a, "accepted_amended")
    assert caught.value.code == "declaration.no_final"
    with pytest.raises(Refusal) as caught:
        am.decide(room.db, a, "accepted", final_es="Sobra.")
    assert caught.value.code == "declaration.final_text"
    with pytest.raises(Refusal) as caught:
        am.decide(room.db, a, "postponed")
    assert caught.value.code == "declaration.decision"
    assert _state(room).amendment(a).pending


def test_a_decided_amendment_is_decided_once_until_reopened(room):
    a = am.propose(room.db, room.paragraph("OP3"), "replace", [room.delegations["SV"]],
                   text_es="Otro texto.")
    _decide(room, a, "rejected")
    with pytest.raises(Refusal) as caught:
        am.decide(room.db, a, "accepted")
    assert caught.value.code == "declaration.decided"
    with pytest.raises(Refusal):
        am.revise(room.db, a, text_es="Cambio")
    am.reopen(room.db, a)
    assert _state(room).amendment(a).pending
    am.revise(room.db, a, text_es="Otro texto, revisado.", sponsors=[room.delegations["SV"],
                                                                     room.delegations["GT"]])
    _decide(room, a, "accepted")
    state = _state(room)
    assert state.amendment(a).text_es == "Otro texto, revisado."
    assert state.amendment(a).sponsor_codes() == "SV, GT"
    assert consolidate(state).operative[2].text_es == "Otro texto, revisado."


def test_several_amendments_to_one_paragraph_apply_in_the_order_decided(room):
    op1 = room.paragraph("OP1")
    mx, ca, sv, us = (room.delegations[c] for c in ("MX", "CA", "SV", "US"))
    replace = am.propose(room.db, op1, "replace", [mx], text_es="Primera redacción.",
                         text_en="First wording.")
    later = am.propose(room.db, op1, "replace", [ca], text_es="Segunda redacción.",
                       text_en="Second wording.")
    insert_a = am.propose(room.db, op1, "insert_after", [sv], text_es="Inserto A.",
                          text_en="Insert A.")
    insert_b = am.propose(room.db, op1, "insert_after", [us], text_es="Inserto B.",
                          text_en="Insert B.")
    _decide(room, insert_b, "accepted")
    _decide(room, later, "accepted")
    _decide(room, replace, "rejected")
    _decide(room, insert_a, "accepted")
    text = consolidate(_state(room))
    assert [(p.number, p.text_es, p.origin) for p in text.operative[:3]] == [
        (1, "Segunda redacción.", "amended"),
        (2, "Inserto B.", "inserted"),
        (3, "Inserto A.", "inserted"),
    ]
    assert text.operative[0].amendments == (2,)
    assert [p.text_es for p in text.operative[3:]] == [es for es, _ in OPERATIVE[1:]]
    assert [p.number for p in text.operative] == [1, 2, 3, 4, 5, 6]


def test_a_deletion_removes_the_paragraph_and_the_rest_renumber(room):
    op2 = room.paragraph("OP2")
    gone = am.propose(room.db, op2, "delete", [room.delegations["US"]])
    after = am.propose(room.db, op2, "replace", [room.delegations["MX"]], text_es="Tarde.")
    _decide(room, gone, "accepted")
    with pytest.raises(Refusal) as caught:
        am.decide(room.db, after, "accepted")
    assert caught.value.code == "declaration.paragraph_deleted"
    _decide(room, after, "rejected")
    text = consolidate(_state(room))
    assert [p.text_es for p in text.operative] == [OPERATIVE[0][0], OPERATIVE[2][0],
                                                   OPERATIVE[3][0]]
    assert [p.number for p in text.operative] == [1, 2, 3]
    assert [(d.paragraph.position, d.amendment) for d in text.deleted] == [(2, 1)]


def test_a_deletion_orally_amended_becomes_the_new_wording(room):
    pp3 = room.paragraph("PP3")
    a = am.propose(room.db, pp3, "delete", [room.delegations["NI"]])
    _decide(room, a, "accepted_amended", final_es="Preocupadas por la violencia.",
            final_en="Concerned about violence.")
    text = consolidate(_state(room))
    assert [p.text_en for p in text.preamble] == [PREAMBLE[0][1], PREAMBLE[1][1],
                                                  "Concerned about violence."]
    assert text.deleted == ()


def test_wording_in_one_language_is_flagged_then_completed(room):
    a = am.propose(room.db, room.paragraph("OP4"), "replace", [room.delegations["HN"]],
                   text_es="Daremos seguimiento anual.")
    _decide(room, a, "accepted")
    text = consolidate(_state(room))
    assert text.operative[3].missing("en") and not text.operative[3].missing("es")
    assert text.missing("en") == [text.operative[3]]
    am.complete_translation(room.db, a, "en", "We will follow up every year.")
    text = consolidate(_state(room))
    assert text.operative[3].text_en == "We will follow up every year."
    assert text.missing("en") == []
    with pytest.raises(Refusal) as caught:
        am.complete_translation(room.db, a, "en", "Again.")
    assert caught.value.code == "declaration.has_text"


def test_withdrawn_and_rejected_amendments_leave_the_text_alone(room):
    a = am.propose(room.db, room.paragraph("OP1"), "replace", [room.delegations["DO"]],
                   text_es="Nada.")
    b = am.propose(room.db, room.paragraph("PP1"), "delete", [room.delegations["BZ"]])
    _decide(room, a, "withdrawn")
    _decide(room, b, "rejected")
    text = consolidate(_state(room))
    assert [p.text_es for p in text.paragraphs] == [es for es, _ in PREAMBLE + OPERATIVE]
    assert all(p.origin == "draft" for p in text.paragraphs)


def test_the_changes_view_marks_words_against_the_draft(room):
    op1, op3, pp2 = room.paragraph("OP1"), room.paragraph("OP3"), room.paragraph("PP2")
    a = am.propose(room.db, op1, "replace", [room.delegations["MX"]],
                   text_es="Instamos a los Estados miembros a garantizar el acceso pleno a la "
                           "justicia de las mujeres migrantes.")
    b = am.propose(room.db, op3, "delete", [room.delegations["US"]])
    c = am.propose(room.db, pp2, "insert_after", [room.delegations["CR"]],
                   text_es="Destacando el papel de las niñas.")
    for x in (a, b, c):
        _decide(room, x, "accepted")
    view = {(p.draft_code, p.state): p for p in changes(_state(room), "es")}
    amended = view[("PO1", "amended")]  # the Spanish name of OP1
    assert amended.plain() == ("Instamos a los Estados {+miembros +}a garantizar el acceso"
                               "{+ pleno+} a la justicia de las mujeres migrantes.")
    assert amended.number == 1 and amended.amendments == (1,)
    assert view[("PO3", "deleted")].segments[0].op == DELETE
    assert view[("PO3", "deleted")].number is None
    assert view[("PP2", "inserted")].plain() == "{+Destacando el papel de las niñas.+}"
    assert view[("PP2", "unchanged")].segments[0].op == EQUAL
    assert [p.state for p in changes(_state(room), "es")][:4] == [
        "unchanged", "unchanged", "inserted", "unchanged"]


def test_word_diff_strikes_changed_words_and_keeps_accents():
    segments = word_diff("la mujer migrante en tránsito", "las mujeres migrantes en tránsito")
    assert [(s.op, s.text) for s in segments] == [
        (DELETE, "la mujer migrante"), (INSERT, "las mujeres migrantes"),
        (EQUAL, " en tránsito")]
    assert word_diff("igual", "igual") == (word_diff("igual", "igual")[0],)
    assert "".join(s.text for s in word_diff("a b c", "a x c") if s.op != DELETE) == "a x c"
    assert "".join(s.text for s in word_diff("a b c", "a x c") if s.op != INSERT) == "a b c"


def test_an_amendment_is_shown_against_the_text_as_it_stands(room):
    op2 = room.paragraph("OP2")
    first = am.propose(room.db, op2, "replace", [room.delegations["MX"]],
                       text_es="Promoveremos reformas para asegurar el trabajo decente.")
    second = am.propose(room.db, op2, "replace", [room.delegations["CA"]],
                        text_es="Promoveremos reformas para asegurar el trabajo digno.")
    _decide(room, first, "accepted")
    state = _state(room)
    seen = amendment_changes(state, state.amendment(second), "es")
    assert [(s.op, s.text) for s in seen if s.op != EQUAL] == [(DELETE, "decente"),
                                                               (INSERT, "digno")]
    own = amendment_changes(state, state.amendment(first), "es")
    assert [(s.op, s.text) for s in own if s.op != EQUAL] == [(DELETE, " legislativas")]
