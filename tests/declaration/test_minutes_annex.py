"""The minutes carry the adoption: the declaration as adopted in their annex, each delegation's
vote, the interventions on a paragraph said so; the event report and Akoma Ntoso too."""

from __future__ import annotations

import pytest
from helpers.declaration_room import build_room
from lxml import etree
from pypdf import PdfReader

from encounter_desk.chair import commands as chair
from encounter_desk.declaration import adoption, discussion
from encounter_desk.declaration import amendments as am
from encounter_desk.declaration.state import member_delegations
from encounter_desk.records import attendance, sitting_life
from encounter_desk.records.minutes.akn import NS, export_akn, schema
from encounter_desk.records.minutes.data import load_minutes
from encounter_desk.records.minutes.pdf import write_event_report, write_minutes


def _flat(path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(str(path)).pages).split())


@pytest.fixture
def adopted(db):
    room = build_room(db)
    d, clock = room.delegations, room.clock
    for head in room.heads.values():  # the heads are in the room: the session opens
        attendance.mark(db, room.sitting_id, head, "present")
    sitting_life.open_sitting(db, room.sitting_id)
    amendment = am.propose(db, room.paragraph("OP1"), "replace", [d["MX"]],
                           text_es="Instamos a todos los Estados a garantizar la justicia.",
                           text_en="We urge all States to guarantee justice.")
    discussion.discuss(db, room.declaration_id, room.paragraph("OP1"), amendment)
    chair.add_speaker(db, room.sitting_id, None, room.heads["CA"])
    clock.advance(10)
    chair.start_next(db, room.sitting_id)
    clock.advance(100)
    chair.end_current(db, room.sitting_id)
    am.decide(db, amendment, "accepted")
    adoption.add_statement(db, room.declaration_id, d["US"], "reservation",
                           text_es="Estados Unidos reserva su posición.",
                           text_en="The United States reserves its position.")
    votes = {x.id: "for" for x in member_delegations(db)}
    votes[d["US"]] = "against"
    adoption.adopt(db, room.declaration_id, "delegation_vote", votes=votes)
    return room


def test_the_minutes_carry_the_adopted_declaration_and_each_delegation_s_vote(adopted,
                                                                              tmp_path):
    data = load_minutes(adopted.db, adopted.sitting_id, lang="es")
    (line,) = data.agreements
    assert line.is_annex and line.annex_title == "Declaración sobre Mujeres Migrantes"
    assert "1. Instamos a todos los Estados a garantizar la justicia." in line.text
    assert "Estados Unidos: en contra" in line.adoption_text
    (speech,) = data.interventions()
    assert speech.summary == "Sobre el párrafo operativo 1 (enmienda 1)"
    write_minutes(adopted.db, adopted.sitting_id, tmp_path / "m.pdf", lang="es")
    text = _flat(tmp_path / "m.pdf")
    assert "Anexo 1: Declaración sobre Mujeres Migrantes" in text
    assert "Instamos a todos los Estados a garantizar la justicia." in text
    assert "Reserva de la delegación de Estados Unidos" in text
    assert "Sobre el párrafo operativo 1 (enmienda 1)" in text


def test_the_event_report_prints_the_declaration_as_adopted(adopted, tmp_path):
    write_event_report(adopted.db, tmp_path / "r.pdf", lang="en")
    text = _flat(tmp_path / "r.pdf")
    assert "We urge all States to guarantee justice." in text
    assert "Reservation by the delegation of United States" in text


def test_akoma_ntoso_minutes_keep_the_declaration_s_text(adopted, tmp_path):
    export_akn(adopted.db, adopted.sitting_id, tmp_path / "m.xml", lang="en")
    tree = etree.parse(str(tmp_path / "m.xml"))
    assert schema().validate(tree), schema().error_log
    sections = [s for s in tree.getroot().iter(f"{{{NS}}}debateSection") if s.get("name") == "annex"]
    annex = ["".join(p.itertext()) for s in sections for p in s.iter(f"{{{NS}}}p")]
    assert "1. We urge all States to guarantee justice." in annex
    assert "The United States reserves its position." in annex


def test_akoma_ntoso_minutes_count_the_declaration_s_vote_and_name_each_delegation(adopted,
                                                                                   tmp_path):
    export_akn(adopted.db, adopted.sitting_id, tmp_path / "m.xml", lang="es")
    root = etree.parse(str(tmp_path / "m.xml")).getroot()
    members = len(member_delegations(adopted.db))
    voting = root.find(f".//{{{NS}}}voting")
    counts = {c.get("eId"): c.get("value") for c in voting.iter(f"{{{NS}}}count")}
    assert counts == {"vote_1_votes-for": str(members - 1), "vote_1_votes-against": "1",
                      "vote_1_abstentions": "0"}
    votes = {v.text: v.get("choice") for v in root.iter(f"{{{NS}}}vote")}
    assert len(votes) == members and votes["Estados Unidos"] == "#vote_1_votes-against"
