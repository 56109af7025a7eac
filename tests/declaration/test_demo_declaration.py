"""The demo event holds the draft declaration on migrant women, amended halfway."""

from __future__ import annotations

from collections import Counter

import pytest

from encounter_desk.declaration.changes import changes
from encounter_desk.declaration.consolidate import consolidate
from encounter_desk.declaration.state import load_state
from encounter_desk.demo import build as demo


@pytest.fixture
def demo_state(sqlite_db):
    demo.build_demo(sqlite_db)
    return load_state(sqlite_db)


def test_the_draft_has_six_preambular_and_eight_operative_paragraphs_in_both_languages(
        demo_state):
    state = demo_state
    assert state.title_es == "Declaración sobre Mujeres Migrantes"
    assert state.title_en == "Declaration on Migrant Women"
    assert len(state.part("preamble")) == 6 and len(state.part("operative")) == 8
    assert all(p.text_es and p.text_en for p in state.paragraphs)
    assert state.sitting_number == 4 and state.authentic_language == "es"
    assert not state.adopted
    assert sum(1 for s in state.signatories if s.name) == 11  # a head for every member


def test_amendments_from_several_delegations_in_every_state(demo_state):
    state = demo_state
    statuses = Counter(a.status for a in state.amendments)
    assert statuses == {"accepted": 1, "accepted_amended": 1, "rejected": 1, "withdrawn": 1,
                        "pending": 3}
    sponsors = {s.code for a in state.amendments for s in a.sponsors}
    assert len(sponsors) >= 8
    assert {a.kind for a in state.amendments} == {"replace", "insert_after"}
    english_only = [a for a in state.amendments if not a.text_es]
    assert english_only and all(a.text_en for a in english_only)
    current = state.amendment(state.discussion.amendment_id)
    assert current.sponsor_codes() == "CA" and current.pending


def test_the_consolidated_demo_text_has_the_accepted_amendments(demo_state):
    text = consolidate(demo_state)
    assert len(text.operative) == 9  # one paragraph inserted after OP2
    assert "reparación del daño" in text.operative[0].text_es
    assert text.operative[2].origin == "inserted"
    assert text.operative[2].text_en.startswith("To support the creation and funding")
    marks = [p for p in changes(demo_state, "en") if p.state != "unchanged"]
    assert [p.draft_code for p in marks] == ["OP1", "OP2"]
