"""The chair moves through the paragraphs; the speeches of the list are tied to what is discussed."""

from __future__ import annotations

import pytest
from helpers.declaration_room import build_room

from encounter_desk.chair import commands as chair
from encounter_desk.core.errors import Refusal
from encounter_desk.declaration import amendments as am
from encounter_desk.declaration import discussion
from encounter_desk.declaration.state import load_state


@pytest.fixture
def room(db):
    return build_room(db)


def _now(room):
    return load_state(room.db).discussion


def test_the_chair_steps_through_paragraphs_and_their_amendments(room):
    d = room.declaration_id
    first = am.propose(room.db, room.paragraph("PP2"), "delete", [room.delegations["US"]])
    second = am.propose(room.db, room.paragraph("PP2"), "replace", [room.delegations["MX"]],
                        text_es="Otra.")
    assert _now(room).paragraph_id is None
    assert discussion.step_paragraph(room.db, d, 1) == room.paragraph("PP1")
    assert discussion.step_paragraph(room.db, d, 1) == room.paragraph("PP2")
    assert discussion.step_amendment(room.db, d, 1) == first
    assert discussion.step_amendment(room.db, d, 1) == second
    assert discussion.step_amendment(room.db, d, 1) == second  # stays on the last one
    assert discussion.step_amendment(room.db, d, -2) is None  # back to the paragraph itself
    assert discussion.step_paragraph(room.db, d, -5) == room.paragraph("PP1")
    assert discussion.step_paragraph(room.db, d, 50) == room.paragraph("OP4")
    now = _now(room)
    assert (now.paragraph_id, now.amendment_id) == (room.paragraph("OP4"), None)


def test_an_amendment_of_another_paragraph_cannot_be_discussed_here(room):
    other = am.propose(room.db, room.paragraph("OP2"), "delete", [room.delegations["US"]])
    with pytest.raises(Refusal) as caught:
        discussion.discuss(room.db, room.declaration_id, room.paragraph("OP1"), other)
    assert caught.value.code == "declaration.not_on_paragraph"


def test_speeches_are_tied_to_the_paragraph_and_amendment_under_discussion(room):
    d, db, clock = room.declaration_id, room.db, room.clock
    amendment = am.propose(db, room.paragraph("OP1"), "replace", [room.delegations["CA"]],
                           text_en="We urge all States.")
    mx, ca, pa = room.heads["MX"], room.heads["CA"], room.heads["PA"]
    early = chair.add_speaker(db, room.sitting_id, None, pa)
    chair.start_next(db, room.sitting_id)  # before any discussion: not tied
    clock.advance(60)
    discussion.discuss(db, d, room.paragraph("OP1"))
    chair.add_speaker(db, room.sitting_id, None, mx)
    clock.advance(5)
    on_paragraph = chair.start_next(db, room.sitting_id)
    clock.advance(90)
    discussion.discuss(db, d, room.paragraph("OP1"), amendment)
    chair.add_speaker(db, room.sitting_id, None, ca)
    clock.advance(5)
    on_amendment = chair.start_next(db, room.sitting_id)
    clock.advance(60)
    chair.end_current(db, room.sitting_id)
    tied = discussion.interventions(db, load_state(db))
    assert [(i.speech_id, i.paragraph_id, i.amendment_id) for i in tied] == [
        (on_paragraph.entry.id, room.paragraph("OP1"), None),
        (on_amendment.entry.id, room.paragraph("OP1"), amendment),
    ]
    assert early.id not in {i.speech_id for i in tied}
    assert tied[0].speaker == "Sen. María José Pérez Núñez"
    assert tied[1].delegation("es") == "Canadá"
