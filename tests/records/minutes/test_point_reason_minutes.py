"""The minutes say why a point of order was raised: in the acta (Spanish and English) and
in the Akoma Ntoso export, still valid against the OASIS schema."""

from __future__ import annotations

import re

import pytest
from lxml import etree
from pypdf import PdfReader
from sqlalchemy import select

from encounter_desk.chair import commands as speakers
from encounter_desk.demo import build as demo
from encounter_desk.records.minutes import akn
from encounter_desk.records.minutes.akn import NS, export_akn
from encounter_desk.records.minutes.data import load_minutes
from encounter_desk.records.minutes.pdf import write_minutes
from encounter_desk.storage.models import Sitting, Speech, SpeechKind

WORDS = "Sin interpretación al francés en las filas del fondo"


@pytest.fixture
def opening(db):
    """The demo event; the opening sitting's point of order (interpretation, with words)."""
    demo.build_demo(db)
    with db.read() as s:
        sitting = s.scalar(select(Sitting.id).where(Sitting.number == 1))
        point = s.scalar(select(Speech.id).where(
            Speech.sitting_id == sitting, Speech.kind == SpeechKind.POINT_OF_ORDER.value))
    return db, sitting, point


def text_of(path) -> str:
    return " ".join(re.sub(r"\s+", " ", p.extract_text()) for p in PdfReader(path).pages)


@pytest.mark.parametrize(("lang", "line"), [
    ("es", f"Moción de orden (interpretación): {WORDS}"),
    ("en", f"Point of order (interpretation): {WORDS}"),
])
def test_the_acta_prints_the_reason_of_the_point_of_order(opening, tmp_path, lang, line):
    db, sitting, point = opening
    [given] = [i for section in load_minutes(db, sitting, lang=lang).agenda
               for i in section.interventions if i.speech_id == point]
    assert given.reason_line == line
    out = tmp_path / f"minutes-{lang}.pdf"
    write_minutes(db, sitting, out, lang=lang)
    assert line in text_of(out)


def test_a_reason_without_words_and_one_not_stated(opening, tmp_path):
    db, sitting, point = opening
    speakers.set_point_reason(db, point, "quorum", "")
    out = tmp_path / "minutes-es.pdf"
    write_minutes(db, sitting, out, lang="es")
    text = text_of(out)
    assert "Moción de orden (quórum)" in text and WORDS not in text
    speakers.set_point_reason(db, point, None)
    write_minutes(db, sitting, out, lang="es")
    text = text_of(out)
    assert "Moción de orden (" not in text and "Moción de orden" in text  # the kind alone


def q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


@pytest.mark.parametrize(("lang", "heading", "concept"), [
    ("es", "Moción de orden (interpretación)", "Interpretación"),
    ("en", "Point of order (interpretation)", "Interpretation"),
])
def test_the_akn_point_of_order_refers_to_its_reason_and_validates(opening, tmp_path, lang,
                                                                   heading, concept):
    db, sitting, point = opening
    out = tmp_path / "debate.xml"
    export_akn(db, sitting, out, lang=lang)
    doc = etree.parse(str(out))
    akn.schema().assertValid(doc)
    [poo] = doc.getroot().iter(q("pointOfOrder"))
    assert poo.find(q("heading")).text == heading
    assert poo.find(q("p")).get("class") == "reason" and poo.find(q("p")).text == WORDS
    declared = doc.getroot().find(f".//{q('TLCConcept')}[@eId='{poo.get('refersTo')[1:]}']")
    assert declared is not None and declared.get("showAs") == concept
    # without a reason: the kind alone, no reference, and still valid
    speakers.set_point_reason(db, point, None)
    export_akn(db, sitting, out, lang=lang)
    doc = etree.parse(str(out))
    akn.schema().assertValid(doc)
    [poo] = doc.getroot().iter(q("pointOfOrder"))
    assert poo.get("refersTo") is None and poo.find(q("p")) is None
    assert poo.find(q("heading")).text == heading.split(" (")[0]
