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
    speeches = root.findall(f".//{q('speech')}")
    assert len(speeches) == 13
    for speech in speeches:
        assert speech.get("by")[1:] in declared and speech.get("as")[1:] in declared
        assert speech.get("startTime").endswith("Z") and speech.get("endTime")
    kinds = {el.tag for el in root.iter()}
    assert {q("rollCall"), q("debateSection"), q("pointOfOrder"), q("adjournment"),
            q("TLCPerson"), q("TLCOrganization"), q("TLCRole")} <= kinds
    assert len(root.findall(f".//{q('debateSection')}")) == 5
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
