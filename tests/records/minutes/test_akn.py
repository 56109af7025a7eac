"""The Akoma Ntoso export: valid against the OASIS schema, every by/as declared; each
delegation's vote in a vote taken by delegation; a point of order linked to the speech it
interrupted."""

from __future__ import annotations

import pytest
from lxml import etree
from sqlalchemy import select

from encounter_desk.demo import build as demo
from encounter_desk.records import agreements, attendance, sitting_life
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
from encounter_desk.storage.models import Delegation, Participant, Sitting, Speech, SpeechKind


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


# --- votes by delegation, points of order ----------------------------------------------

def debate(db, lang: str = "en") -> etree._Element:
    tree = build_debate(load_minutes(db, sitting_id(db, 1), lang=lang))
    akn.validate(tree)  # the shipped schema: refused (AknError) if not valid
    return tree.getroot()


def test_each_delegations_vote_is_named_and_counted_in_its_voting(demo_db):
    root = debate(demo_db)
    voting = root.find(f".//{q('voting')}")
    counts = {c.get("eId"): c.get("value") for c in voting.findall(q("count"))}
    assert counts == {"vote_2_votes-for": "10", "vote_2_votes-against": "0",
                      "vote_2_abstentions": "1"}
    votes = list(root.iter(q("vote")))
    assert len(votes) == 11  # every member delegation
    by_choice: dict[str, list[str]] = {}
    for v in votes:
        by_choice.setdefault(v.get("choice"), []).append(v.text)
    assert by_choice["#vote_2_abstentions"] == ["Belize"]
    assert len(by_choice["#vote_2_votes-for"]) == 10
    # Each voter is its delegation's TLCOrganization, and each choice one of the counts.
    organizations = {el.get("eId"): el.get("showAs") for el in root.iter(q("TLCOrganization"))}
    belize = next(v for v in votes if v.text == "Belize")
    assert organizations[belize.get("by")[1:]] == "Belize"
    assert {v.get("choice")[1:] for v in votes} <= set(counts)
    agreement = root.find(f".//{q('p')}[@eId='agreement_2']")
    assert agreement.text.endswith("10 in favour, 0 against, 1 abstention (Belize).")


def test_against_and_absent_delegations_are_counted_and_spanish_names_them(demo_db):
    agreement = next(a for a in agreements.list_agreements(demo_db) if a.delegation_votes)
    with demo_db.read() as s:
        codes = {d.code: d.id for d in s.scalars(select(Delegation)
                                                  .where(Delegation.is_member.is_(True)))}
    votes = {i: "for" for i in codes.values()}
    votes.update({codes["CA"]: "against", codes["NI"]: "absent", codes["BZ"]: "abstain"})
    agreements.update_agreement(demo_db, agreement.id, delegation_votes=votes)
    root = debate(demo_db, "es")
    voting = root.find(f".//{q('voting')}")
    assert [(c.get("eId"), c.get("value")) for c in voting.findall(q("count"))] == [
        ("vote_2_votes-for", "8"), ("vote_2_votes-against", "1"), ("vote_2_abstentions", "1"),
        ("vote_2_absent", "1")]
    absent = [v.text for v in root.iter(q("vote")) if v.get("choice") == "#vote_2_absent"]
    assert absent == ["Nicaragua"]
    line = root.find(f".//{q('p')}[@eId='agreement_2_votes']")
    assert "".join(line.itertext()).startswith("A favor: Costa Rica, El Salvador")


def test_a_point_of_order_links_to_the_speech_it_interrupted(demo_db):
    with demo_db.read() as s:
        point = s.scalar(select(Speech).where(Speech.kind == SpeechKind.POINT_OF_ORDER.value,
                                              Speech.interrupts_id.is_not(None)))
        interrupted = s.get(Speech, point.interrupts_id)
        interrupted_start = interrupted.started_at
    root = debate(demo_db, "es")
    section = next(el for el in root.iter(q("pointOfOrder")))
    link = section.find(f"{q('p')}[@class='interrupts']/{q('ref')}")
    target = root.find(f".//*[@eId='{link.get('href')[1:]}']")
    assert target is not None and etree.QName(target).localname == "speech"
    assert target.get("startTime") == interrupted_start.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert link.text == target.find(q("from")).text.split(" (")[0]
    assert "interrumpió la intervención de" in section.find(f"{q('p')}[@class='interrupts']").text


def test_a_link_to_nothing_is_refused(demo_db):
    tree = build_debate(load_minutes(demo_db, sitting_id(demo_db, 1), lang="en"))
    link = next(tree.getroot().iter(q("ref")))
    original = link.get("href")
    link.set("href", "#dbsect_9_spc_99")
    with pytest.raises(AknError, match="#dbsect_9_spc_99") as refused:
        check_references(tree)
    assert refused.value.code == "akn.undeclared_reference"
    vote = next(tree.getroot().iter(q("vote")))
    link.set("href", original)
    check_references(tree)  # linked again: accepted
    vote.set("choice", "#vote_7_votes-for")
    with pytest.raises(AknError, match="#vote_7_votes-for"):
        check_references(tree)
