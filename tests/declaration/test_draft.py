"""The draft: typed in two languages, edited while it may be, frozen when it must be."""

from __future__ import annotations

import pytest
from helpers.declaration_room import OPERATIVE, build_room, draft_content

from encounter_desk.core.errors import Refusal
from encounter_desk.declaration import amendments as am
from encounter_desk.declaration import draft
from encounter_desk.declaration.base import parse_paragraph_code
from encounter_desk.declaration.state import load_state


@pytest.fixture
def room(db):
    return build_room(db)


def test_the_draft_keeps_both_languages_in_order_with_the_event_s_place(room):
    state = load_state(room.db)
    assert state.title_es == "Declaración sobre Mujeres Migrantes"
    assert state.title_en == "Declaration on Migrant Women"
    assert [p.code("en") for p in state.paragraphs] == [
        "PP1", "PP2", "PP3", "OP1", "OP2", "OP3", "OP4"]
    assert state.paragraphs[3].text_es == OPERATIVE[0][0]
    assert state.paragraphs[3].text_en == OPERATIVE[0][1]
    assert state.place == "Tuxtla Gutiérrez, Chiapas, México"
    assert state.authentic_language == "es" and state.sitting_number == 1
    assert [s.delegation.code for s in state.signatories] == [
        "BZ", "CA", "CR", "SV", "US", "GT", "HN", "MX", "NI", "PA", "DO"]
    assert state.signatories[7].name == "María José Pérez Núñez"
    assert state.signatories[0].name == ""


def test_a_second_draft_is_refused_unless_replacing(room):
    with pytest.raises(Refusal) as caught:
        draft.create_draft(room.db, draft_content())
    assert caught.value.code == "declaration.exists"
    am.propose(room.db, room.paragraph("OP1"), "delete", [room.delegations["MX"]])
    new = draft.create_draft(room.db, draft_content(), replace=True)
    state = load_state(room.db)
    assert state.id == new and state.amendments == ()


def test_a_draft_needs_a_title_and_an_operative_paragraph(db):
    content = draft_content()
    content.title_es = content.title_en = " "
    with pytest.raises(Refusal) as caught:
        draft.create_draft(db, content)
    assert caught.value.code == "declaration.title"
    content = draft_content()
    content.paragraphs = [p for p in content.paragraphs if p.part == "preamble"]
    with pytest.raises(Refusal) as caught:
        draft.create_draft(db, content)
    assert caught.value.code == "declaration.no_operative"


def test_paragraphs_are_added_moved_and_removed_while_no_amendment_exists(room):
    op2 = room.paragraph("OP2")
    new = draft.add_paragraph(room.db, room.declaration_id, "operative",
                              text_es="Nuevo párrafo.", after_id=op2)
    assert [p.id for p in load_state(room.db).part("operative")][2] == new
    draft.move_paragraph(room.db, new, -2)
    assert load_state(room.db).part("operative")[0].id == new
    draft.remove_paragraph(room.db, new)
    assert [p.position for p in load_state(room.db).part("operative")] == [1, 2, 3, 4]
    draft.update_paragraph(room.db, op2, text_en="We will promote reforms.")
    assert load_state(room.db).paragraph(op2).text_en == "We will promote reforms."


def test_structure_freezes_at_the_first_amendment(room):
    am.propose(room.db, room.paragraph("OP1"), "delete", [room.delegations["MX"]])
    with pytest.raises(Refusal) as caught:
        draft.add_paragraph(room.db, room.declaration_id, "preamble", text_es="Más.")
    assert caught.value.code == "declaration.structure"
    with pytest.raises(Refusal):
        draft.move_paragraph(room.db, room.paragraph("OP2"), 1)
    # the wording may still be corrected while nothing has been decided
    draft.update_paragraph(room.db, room.paragraph("OP2"), text_es="Corregido.")
    assert load_state(room.db).paragraph(room.paragraph("OP2")).text_es == "Corregido."


def test_wording_freezes_at_the_first_decision_but_a_missing_translation_may_be_added(room):
    op4 = room.paragraph("OP4")
    draft.update_paragraph(room.db, op4, text_en="")
    a = am.propose(room.db, room.paragraph("OP1"), "delete", [room.delegations["MX"]])
    am.decide(room.db, a, "rejected")
    with pytest.raises(Refusal) as caught:
        draft.update_paragraph(room.db, op4, text_es="Otra cosa.")
    assert caught.value.code == "declaration.draft_frozen"
    with pytest.raises(Refusal):
        draft.update_frame(room.db, room.declaration_id, title_es="Otro título")
    draft.update_paragraph(room.db, op4, text_en="We agree to follow up.")
    draft.update_frame(room.db, room.declaration_id, place="San Cristóbal de las Casas")
    state = load_state(room.db)
    assert state.paragraph(op4).text_en == "We agree to follow up."
    assert state.place == "San Cristóbal de las Casas"


def test_the_other_language_fills_in_paragraph_by_paragraph(db):
    content = draft_content()
    english = draft_content()
    for p in content.paragraphs:
        p.text_en = ""
    content.title_en = content.chapeau_en = content.operative_intro_en = ""
    declaration = draft.create_draft(db, content)
    draft.fill_language(db, declaration, "en", english)
    state = load_state(db)
    assert state.title_en == "Declaration on Migrant Women"
    assert state.paragraphs[-1].text_en == OPERATIVE[-1][1]
    english.paragraphs.pop()
    with pytest.raises(Refusal) as caught:
        draft.fill_language(db, declaration, "en", english)
    assert caught.value.code == "declaration.mismatch"


@pytest.mark.parametrize("typed, expected", [
    ("OP3", ("operative", 3)), ("op 3", ("operative", 3)), ("PO3", ("operative", 3)),
    ("pp1", ("preamble", 1)), ("PP-2", ("preamble", 2)),
])
def test_paragraph_codes_are_read_as_delegations_say_them(typed, expected):
    assert parse_paragraph_code(typed) == expected


@pytest.mark.parametrize("typed", ["", "3", "OP0", "XX3", "OP three"])
def test_a_code_that_names_no_paragraph_is_refused(typed):
    with pytest.raises(Refusal) as caught:
        parse_paragraph_code(typed)
    assert caught.value.code == "declaration.paragraph_code"
