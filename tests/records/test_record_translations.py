"""The record's texts in Spanish and English: what the secretary enters, what each document
prints (minutes, AKN, exports), marked where only the original exists."""

from __future__ import annotations

import re

import pytest
from lxml import etree
from pypdf import PdfReader
from sqlalchemy import select

from encounter_desk.chair import commands as speakers
from encounter_desk.demo import build as demo
from encounter_desk.records import agreements, exports, initiatives, translations
from encounter_desk.records.minutes import akn
from encounter_desk.records.minutes.pdf import write_minutes
from encounter_desk.records.register import RecordsError
from encounter_desk.storage.models import Delegation, Sitting, Speech

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture
def demo_db(db):
    demo.build_demo(db)
    return db


def first_sitting(db) -> int:
    with db.read() as s:
        return s.scalar(select(Sitting.id).where(Sitting.number == 1))


def texts(db, lang="en"):
    return translations.sitting_texts(db, first_sitting(db), lang)


def by_label(rows, start: str):
    return next(r for r in rows if r.label.startswith(start))


def test_the_sitting_lists_its_texts_in_the_order_of_the_minutes(demo_db):
    rows = texts(demo_db)
    kinds = [r.kind for r in rows]
    assert kinds[:13] == ["summary"] * 13 and kinds[13:15] == ["agreement"] * 2
    assert "initiative_title" in kinds and "initiative_description" in kinds
    question = by_label(rows, "Intervention 11 ")
    assert "Dolores Idalia Chan Marín" in question.label and "Question" in question.label
    assert question.text.language == "en" and question.missing == ("es",)
    french = by_label(rows, "Intervention 13 ")
    assert french.text.language == "fr" and french.missing == ("es", "en")
    assert french.text.original.startswith("Présente l'expérience du Québec")
    # the count the Records tab shows: texts still lacking Spanish or English
    assert translations.awaiting(rows) == sum(1 for r in rows if r.missing) == 8
    spanish = translations.sitting_texts(demo_db, first_sitting(demo_db), "es")
    assert spanish[0].label.startswith("Intervención 1 — Licda.")


def test_the_secretary_enters_a_translation_beside_the_original(demo_db):
    question = by_label(texts(demo_db), "Intervention 11 ")
    saved = translations.save_text(
        demo_db, "summary", question.record_id, language="en",
        es="  Pregunta cómo   informará el mecanismo de seguimiento. ",
        en=question.text.en)
    assert saved.text.es == "Pregunta cómo informará el mecanismo de seguimiento."
    assert saved.missing == () and saved.text.en == question.text.en
    assert translations.awaiting(texts(demo_db)) == 7
    with demo_db.read() as s:
        assert s.get(Speech, question.record_id).summary.marked("es").startswith("Pregunta")


def test_correcting_the_original_language_keeps_the_text(demo_db):
    french = by_label(texts(demo_db), "Intervention 13 ")
    saved = translations.save_text(demo_db, "summary", french.record_id, language="fr",
                                   original=french.text.original,
                                   es="Presenta la experiencia de Quebec.")
    assert saved.text.original == french.text.original and saved.text.es
    # the speech's language is the original language of its summary
    with demo_db.read() as s:
        assert s.get(Speech, french.record_id).language == "fr"
    english = translations.save_text(demo_db, "summary", french.record_id, language="english",
                                     en="Presents Quebec's experience.",
                                     es="Presenta la experiencia de Quebec.")
    assert english.text.language == "en" and english.text.original == ""
    with demo_db.read() as s:
        assert s.get(Speech, french.record_id).language == "en"


@pytest.mark.parametrize(("kind", "values", "code"), [
    ("summary", {"language": "klingon"}, "translation.language"),
    ("summary", {"language": "fr", "es": "Traducción.", "original": " "}, "translation.original"),
    ("agreement", {"language": "es", "es": "", "en": ""}, "translation.empty"),
    ("initiative_title", {"language": "es", "es": "x" * 401}, "translation.too_long"),
    ("speech", {"language": "es"}, "translation.kind"),
])
def test_bad_input_is_refused_and_nothing_is_written(demo_db, kind, values, code):
    rows = texts(demo_db)
    target = next((r for r in rows if r.kind == kind), rows[0])
    with pytest.raises(RecordsError) as refused:
        translations.save_text(demo_db, kind, target.record_id, **values)
    assert refused.value.code == code
    assert texts(demo_db) == rows


def test_what_is_not_given_stays_as_it_was(demo_db):
    question = by_label(texts(demo_db), "Intervention 11 ")
    saved = translations.save_text(demo_db, "summary", question.record_id, es="Pregunta.")
    assert (saved.text.es, saved.text.en, saved.text.language) == (
        "Pregunta.", question.text.en, "en")


def test_a_text_deleted_meanwhile_is_refused(demo_db):
    agreement = next(r for r in texts(demo_db) if r.kind == "agreement")
    agreements.delete_agreement(demo_db, agreement.record_id)
    with pytest.raises(RecordsError) as refused:
        translations.save_text(demo_db, "agreement", agreement.record_id, language="es",
                               es="Texto.")
    assert refused.value.code == "translation.missing"


def test_the_chair_summary_goes_to_the_language_spoken(demo_db):
    sitting = first_sitting(demo_db)
    with demo_db.read() as s:
        speech_id = s.scalar(select(Speech.id).where(Speech.sitting_id == sitting,
                                                     Speech.language == "en")
                             .order_by(Speech.started_at))
    entry = speakers.set_summary(demo_db, speech_id, "Stresses  data on trafficking.")
    assert entry.summary == "Stresses data on trafficking."
    with demo_db.read() as s:
        kept = s.get(Speech, speech_id).summary
    assert kept.en == "Stresses data on trafficking." and kept.es.startswith("Apoya la agenda")
    # said in French after all: the English words become the French original
    speakers.set_language(demo_db, speech_id, "fr")
    with demo_db.read() as s:
        kept = s.get(Speech, speech_id).summary
    assert (kept.original, kept.en, kept.language) == ("Stresses data on trafficking.", "", "fr")


def test_agreements_and_initiatives_keep_their_original_language(demo_db):
    sitting = first_sitting(demo_db)
    made = agreements.create_agreement(demo_db, sitting, text_original="Accord en français.",
                                       original_language="français")
    assert made.original_language == "fr" and made.text("es") == (
        "Accord en français. [original en francés]")
    with pytest.raises(RecordsError) as refused:
        agreements.create_agreement(demo_db, sitting, text_es="Texto.", original_language="??")
    assert refused.value.code == "translation.language"
    with demo_db.read() as s:
        belize = s.scalar(select(Delegation.id).where(Delegation.code == "BZ"))
    pledged = initiatives.create_initiative(
        demo_db, delegation_id=belize, title="Bill on care work",
        original_language="en")
    assert (pledged.titles.en, pledged.titles.es) == ("Bill on care work", "")
    assert pledged.title_in("es") == "Bill on care work [original en inglés]"
    both = initiatives.update_initiative(demo_db, pledged.id, title_es="Ley de cuidados")
    assert both.title_in("es") == "Ley de cuidados" and both.title == "Bill on care work"


def pdf_text(path) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(path).pages))


def test_each_acta_prints_its_language_and_marks_an_original_left_untranslated(
        demo_db, tmp_path):
    sitting = first_sitting(demo_db)
    write_minutes(demo_db, sitting, tmp_path / "es.pdf", lang="es")
    write_minutes(demo_db, sitting, tmp_path / "en.pdf", lang="en")
    es, en = pdf_text(tmp_path / "es.pdf"), pdf_text(tmp_path / "en.pdf")
    # translated: each acta in its own language, unmarked
    assert "Apoya la agenda; destaca los datos" in es and "Supports the agenda" not in es
    assert "Supports the agenda; stresses data" in en
    # untranslated: the original, marked in the acta's language
    assert "Vice-Ministerial meeting. [original en inglés]" in es
    assert "parlementaires. [original en francés]" in es
    assert "parlementaires. [original in French]" in en
    assert "hoja de ruta con indicadores verificables. [original in Spanish]" in en
    # a French original translated into Spanish only: Spanish acta, no French, no mark
    assert "Señala que la interpretación al francés" in es and "Signale que" not in es


def test_the_akn_carries_both_languages_each_with_its_lang(demo_db, tmp_path):
    out = tmp_path / "es.xml"
    akn.export_akn(demo_db, first_sitting(demo_db), out, lang="es")
    doc = etree.parse(str(out))
    akn.schema().assertValid(doc)
    ns = {"a": akn.NS}
    question = doc.find(".//a:question", ns)
    said = question.findall("a:p", ns)
    # the Spanish acta's text (the English original, marked), then nothing else held
    assert said[0].text.endswith("[original en inglés]")
    assert question.get(XML_LANG) == "en" and said[0].get(XML_LANG) is None
    translated = [s for s in doc.findall(".//a:speech", ns)
                  if s.find("a:p", ns).text.startswith("Apoya la agenda")][0]
    first, other = translated.findall("a:p", ns)[:2]
    assert first.get(XML_LANG) == "es" and translated.get(XML_LANG) == "en"
    assert other.get(XML_LANG) == "en" and other.get("class") == "original"
    assert other.text.startswith("Supports the agenda")
    agreement = [p for p in doc.find(".//a:resolutions", ns).findall("a:p", ns)
                 if p.get("class") != "votes"]  # agreement 2's votes by delegation aside
    assert [p.get(XML_LANG) for p in agreement] == [None, "en", None, "en"]
    assert agreement[1].get("class") == "translation"


def test_the_speeches_export_takes_the_language_of_the_document(demo_db, tmp_path):
    exports.export_speeches(demo_db, tmp_path / "es.csv", sitting_number=1, lang="es")
    text = (tmp_path / "es.csv").read_text(encoding="utf-8-sig")
    assert "Apoya la agenda; destaca" in text and "[original en inglés]" in text
    exports.export_speeches(demo_db, tmp_path / "en.csv", sitting_number=1, lang="en")
    assert "[original in Spanish]" in (tmp_path / "en.csv").read_text(encoding="utf-8-sig")
