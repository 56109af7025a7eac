"""The Akoma Ntoso export: valid against the OASIS schema, every by/as declared."""

from __future__ import annotations

import pytest
from lxml import etree
from sqlalchemy import select

from encounter_desk.demo import build as demo
from encounter_desk.records import attendance, sitting_life
from encounter_desk.records.minutes import akn
from encounter_desk.records.minutes.akn import (
    NS,
    AknError,
    build_debate,
    check_references,
    export_akn,
)
from encounter_desk.records.minutes.data import load_minutes
from encounter_desk.records.register import RecordsError
from encounter_desk.storage.models import Participant, Sitting


@pytest.fixture(scope="module")
def schema():
    return akn.schema()  # the OASIS schema shipped in resources/schemas/akn


@pytest.fixture
def demo_db(db):
    demo.build_demo(db)
    return db


def q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def sitting_id(db, number: int) -> int:
    with db.read() as s:
        return s.scalar(select(Sitting.id).where(Sitting.number == number))


@pytest.mark.parametrize("lang", ["es", "en"])
def test_opening_sitting_validates_and_every_reference_is_declared(demo_db, tmp_path, schema,
                                                                   lang):
    out = tmp_path / "debate.xml"
    export_akn(demo_db, sitting_id(demo_db, 1), out, lang=lang)
    doc = etree.parse(str(out))
    schema.assertValid(doc)
    root = doc.getroot()
    declared = {el.get("eId") for el in root.find(f".//{q('references')}")}
    speeches = root.findall(f".//{q('speech')}") + root.findall(f".//{q('question')}")
    assert len(speeches) == 13  # 12 speeches and a question
    for speech in speeches:
        assert speech.get("by")[1:] in declared and speech.get("as")[1:] in declared
        assert speech.get("startTime").endswith("Z") and speech.get("endTime")
    kinds = {el.tag for el in root.iter()}
    assert {q("rollCall"), q("debateSection"), q("pointOfOrder"), q("adjournment"),
            q("TLCPerson"), q("TLCOrganization"), q("TLCRole")} <= kinds
    # the five agenda items, and the initiatives pledged
    assert len(root.findall(f".//{q('debateSection')}[@name='agendaItem']")) == 5
    assert len(root.findall(f".//{q('debateSection')}")) == 6
    language = root.find(f".//{q('FRBRlanguage')}").get("language")
    assert language == {"es": "spa", "en": "eng"}[lang]
    first = speeches[0]
    assert first.get("startTime") == "2017-09-04T14:41:10Z"  # 09:41:10 in Tuxtla
    assert first.get("as") == "#role-chair"
    assert "Henríquez de Mejía" in first.find(q("from")).text


def test_a_sitting_not_held_is_refused_and_once_held_with_no_speech_validates(
        demo_db, tmp_path, schema):
    out = tmp_path / "s5.xml"
    with pytest.raises(RecordsError) as refused:
        export_akn(demo_db, sitting_id(demo_db, 5), out, lang="en")
    assert refused.value.code == "sitting.not_held" and not out.exists()
    # Everyone present, opened and adjourned at once, with no speech and no agreement:
    # still a valid debate.
    s5 = sitting_id(demo_db, 5)
    with demo_db.read() as s:
        people = [p.id for p in s.scalars(select(Participant))]
    for pid in people:
        attendance.mark(demo_db, s5, pid, "present", source="manual", desk="test")
    sitting_life.open_sitting(demo_db, s5)
    sitting_life.adjourn_sitting(demo_db, s5)
    export_akn(demo_db, s5, out, lang="en")
    schema.assertValid(etree.parse(str(out)))


def test_an_undeclared_speaker_is_refused(demo_db):
    tree = build_debate(load_minutes(demo_db, sitting_id(demo_db, 1), lang="en"))
    speech = tree.getroot().find(f".//{q('speech')}")
    speech.set("by", "#person-99999")
    with pytest.raises(AknError, match="#person-99999") as refused:
        check_references(tree)
    assert refused.value.code == "akn.undeclared_reference"
    speech.set("by", "https://example.org/somebody")
    with pytest.raises(AknError):
        check_references(tree)


def test_the_exporter_itself_refuses_to_write_a_dangling_reference(demo_db, tmp_path,
                                                                   monkeypatch):
    # A references section that forgets the roles: the export must fail, not write.
    monkeypatch.setattr(akn._Refs, "write", lambda self, references: None)
    out = tmp_path / "bad.xml"
    with pytest.raises(AknError):
        export_akn(demo_db, sitting_id(demo_db, 1), out)
    assert not out.exists()


def test_akn_carries_quorum_votes_workflow_questions_languages_and_annexes(demo_db, tmp_path,
                                                                          schema):
    s1, s2 = sitting_id(demo_db, 1), sitting_id(demo_db, 2)
    out = tmp_path / "s1.xml"
    export_akn(demo_db, s1, out, lang="en")
    root = etree.parse(str(out)).getroot()
    schema.assertValid(root.getroottree())
    # The quorum verified at the opening, with its counts.
    check = root.find(f".//{q('quorumVerification')}")
    assert check.find(q("quorum")).get("value") == "6"
    assert [c.get("value") for c in check.findall(q("count"))] == ["11", "11"]
    # A vote with its tally: 10 in favour, 0 against, 1 abstention.
    voting = root.find(f".//{q('voting')}")
    assert voting.get("href") == "#agreement_2"
    assert [c.get("value") for c in voting.findall(q("count"))] == ["10", "0", "1"]
    # Draft until approved: the workflow says so, then says when.
    steps = [s.get("refersTo") for s in root.iter(q("step"))]
    assert steps == ["#event-opened", "#event-adjourned", "#event-minutes-draft"]
    # A question is a <question>; a speech in another language carries xml:lang.
    assert len(root.findall(f".//{q('question')}")) == 1
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert {s.get(lang) for s in root.iter(q("speech"))} >= {"es", "fr"}
    # Each speaker's delegation is linked to its TLCOrganization.
    declared = {el.get("eId") for el in root.iter(q("TLCOrganization"))}
    linked = {o.get("refersTo")[1:] for f in root.iter(q("from"))
              for o in f.iter(q("organization"))}
    assert linked and linked <= declared
    # The initiative pledged.
    assert root.find(f".//{q('debateSection')}[@name='initiatives']") is not None

    for pid in _everyone(demo_db):
        attendance.mark(demo_db, s2, pid, "present", source="manual", desk="test")
    sitting_life.open_sitting(demo_db, s2)
    sitting_life.approve_minutes(demo_db, s1, approved_in=s2)
    export_akn(demo_db, s1, out, lang="es")
    root = etree.parse(str(out)).getroot()
    steps = [s.get("refersTo") for s in root.iter(q("step"))]
    assert steps[-1] == "#event-minutes-approved"
    approved = next(el for el in root.iter(q("TLCEvent"))
                    if el.get("eId") == "event-minutes-approved")
    assert approved.get("showAs").startswith("Aprobada en la sesión 2")


def test_an_invalid_document_is_refused_before_writing(demo_db, tmp_path):
    tree = build_debate(load_minutes(demo_db, sitting_id(demo_db, 1), lang="en"))
    tree.getroot().find(f".//{q('preface')}").append(etree.Element(q("bogus")))
    with pytest.raises(AknError) as refused:
        akn.validate(tree)
    assert refused.value.code == "akn.invalid" and "nothing was written" in str(refused.value)


def _everyone(db) -> list[int]:
    with db.read() as s:
        return [p.id for p in s.scalars(select(Participant))]
