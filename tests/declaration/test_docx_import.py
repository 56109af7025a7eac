"""Importing the draft from Word: numbered lists, accents, empty paragraphs, and what is not read."""

from __future__ import annotations

import datetime as dt

import docx
import pytest
from helpers.declaration_room import DETAILS

from encounter_desk.core.errors import Refusal
from encounter_desk.declaration.docx_import import import_docx, place_and_date, read_docx, read_text
from encounter_desk.declaration.state import load_state
from encounter_desk.event import event as events

SPANISH = [
    ("Title", "Declaración de Tuxtla sobre Mujeres Migrantes"),
    (None, ""),
    (None, "Las y los legisladores de los países miembros de la Conferencia Regional sobre "
           "Migración, reunidos en Tuxtla Gutiérrez, Chiapas,"),
    (None, "Considerando que las niñas y las mujeres migrantes enfrentan riesgos "
           "específicos en el tránsito;"),
    (None, ""),
    (None, "Reconociendo el trabajo de la Asociación de Exdiputadas Salvadoreñas;"),
    (None, "Declaramos:"),
    ("List Number", "Impulsar reformas que garanticen el acceso a la justicia."),
    ("List Number", "Fortalecer la protección consular, en particular:"),
    ("List Number 2", "a) la asistencia jurídica gratuita;"),
    ("List Number 2", "b) la atención en español, inglés y lenguas indígenas."),
    (None, ""),
    ("List Number", "Dar seguimiento a esta Declaración en el año 2018."),
    (None, "Tuxtla Gutiérrez, Chiapas, México, a 6 de septiembre de 2017."),
    (None, "Por la delegación de México"),
    (None, "_______________________"),
]

ENGLISH = [
    ("Title", "Tuxtla Declaration on Migrant Women"),
    (None, "We, the lawmakers of the member countries of the Regional Conference on "
           "Migration, meeting in Tuxtla Gutiérrez, Chiapas,"),
    (None, "Considering that migrant girls and women face specific risks in transit;"),
    (None, "Recognizing the work of the Association of Former Salvadoran Congresswomen;"),
    (None, "DECLARE:"),
    (None, "1. To promote reforms that guarantee access to justice."),
    (None, "2. To strengthen consular protection, in particular:\n(a) free legal aid;\n"
           "(b) services in Spanish, English and indigenous languages."),
    (None, "3. To follow up this Declaration in 2018."),
    (None, "Tuxtla Gutiérrez, Chiapas, Mexico, September 6, 2017"),
]


def _write(path, lines, table=False):
    document = docx.Document()
    for style, value in lines:
        paragraph = document.add_paragraph(style=style) if style else document.add_paragraph()
        for index, part in enumerate(value.split("\n")):
            run = paragraph.add_run(part)
            if index < len(value.split("\n")) - 1:
                run.add_break()
        if table and value == "Declaramos:":
            grid = document.add_table(rows=2, cols=2)
            grid.cell(0, 0).text = "Cuadro"
    document.save(str(path))
    return path


def test_a_word_numbered_list_keeps_order_accents_and_sub_items(tmp_path):
    report = read_docx(_write(tmp_path / "es.docx", SPANISH, table=True), "es")
    c = report.content
    assert c.title_es == "Declaración de Tuxtla sobre Mujeres Migrantes"
    assert c.chapeau_es.startswith("Las y los legisladores") and c.chapeau_es.endswith("Chiapas,")
    assert c.operative_intro_es == "Declaramos:"
    assert [p.part for p in c.paragraphs] == ["preamble"] * 2 + ["operative"] * 3
    assert c.paragraphs[0].text_es.startswith("Considerando que las niñas")
    assert c.paragraphs[1].text_es.endswith("Exdiputadas Salvadoreñas;")
    assert c.paragraphs[3].text_es == (
        "Fortalecer la protección consular, en particular:\n"
        "a) la asistencia jurídica gratuita;\n"
        "b) la atención en español, inglés y lenguas indígenas.")
    assert c.paragraphs[4].text_es == "Dar seguimiento a esta Declaración en el año 2018."
    assert (c.place, c.date) == ("Tuxtla Gutiérrez, Chiapas, México", dt.date(2017, 9, 6))
    assert report.empty_skipped == 3
    lines = report.lines()
    assert lines[0] == "Read from es.docx: title, 2 preambular and 3 operative paragraphs."
    assert "Empty paragraphs skipped: 3." in lines
    assert any("table of 2 rows" in line for line in lines)
    assert any(line.startswith("2 paragraphs after the place and date were not read")
               for line in lines)


def test_typed_numbers_and_line_breaks_are_read_and_a_gap_is_reported(tmp_path):
    lines = list(ENGLISH)
    lines[7] = (None, "4. To follow up this Declaration in 2018.")
    report = read_docx(_write(tmp_path / "en.docx", lines), "en")
    c = report.content
    assert c.operative_intro_en == "DECLARE:"
    assert [p.text_en.split("\n")[0] for p in c.paragraphs if p.part == "operative"] == [
        "To promote reforms that guarantee access to justice.",
        "To strengthen consular protection, in particular:",
        "To follow up this Declaration in 2018.",
    ]
    assert c.paragraphs[3].text_en.endswith("(b) services in Spanish, English and indigenous "
                                            "languages.")
    assert c.date == dt.date(2017, 9, 6)
    assert ("Paragraph 8 is numbered 4 where 3 was expected: the paragraphs are kept in the "
            "order of the file.") in report.problems


def test_an_unnumbered_paragraph_in_the_operative_part_stays_with_the_one_above(tmp_path):
    lines = ENGLISH[:7] + [(None, "This sentence continues paragraph 2.")] + ENGLISH[7:]
    report = read_docx(_write(tmp_path / "en.docx", lines), "en")
    operative = [p for p in report.content.paragraphs if p.part == "operative"]
    assert len(operative) == 3
    assert operative[1].text_en.endswith("This sentence continues paragraph 2.")
    assert ("Paragraph 8 has no number: it was kept as part of operative paragraph 2."
            in report.problems)


def test_import_writes_the_draft_then_the_other_language_fills_it(db, tmp_path):
    events.create_event(db, DETAILS)
    first = import_docx(db, _write(tmp_path / "es.docx", SPANISH), "es")
    assert not first.filled_language
    english = list(ENGLISH)
    english[6] = (None, "2. To strengthen consular protection, in particular: (a) free legal "
                        "aid; (b) services in Spanish, English and indigenous languages.")
    second = import_docx(db, _write(tmp_path / "en.docx", english), "en")
    assert second.filled_language
    state = load_state(db)
    assert state.authentic_language == "es"
    assert state.title_en == "Tuxtla Declaration on Migrant Women"
    assert [p.code("en") for p in state.paragraphs] == ["PP1", "PP2", "OP1", "OP2", "OP3"]
    assert state.paragraphs[2].text_en == "To promote reforms that guarantee access to justice."
    assert state.paragraphs[2].text_es == "Impulsar reformas que garanticen el acceso a la justicia."
    assert state.date == dt.date(2017, 9, 6)


def test_a_file_in_the_other_language_with_other_paragraphs_is_refused(db, tmp_path):
    events.create_event(db, DETAILS)
    import_docx(db, _write(tmp_path / "es.docx", SPANISH), "es")
    with pytest.raises(Refusal) as caught:
        import_docx(db, _write(tmp_path / "en.docx", ENGLISH[:6] + ENGLISH[8:]), "en")
    assert caught.value.code == "declaration.mismatch"
    assert load_state(db).title_en == ""


@pytest.mark.parametrize("name, content, code", [
    ("old.doc", b"\xd0\xcf\x11\xe0", "declaration.old_word"),
    ("broken.docx", b"not a zip file", "declaration.not_docx"),
    ("missing.docx", None, "declaration.no_file"),
])
def test_files_that_are_not_drafts_are_refused_clearly(tmp_path, name, content, code):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(Refusal) as caught:
        read_docx(path, "es")
    assert caught.value.code == code
    assert name in str(caught.value)


def test_a_text_without_operative_paragraphs_is_refused(tmp_path):
    path = _write(tmp_path / "notes.docx", [(None, "Notas de la reunión"),
                                            (None, "Texto suelto sin numerar.")])
    with pytest.raises(Refusal) as caught:
        read_docx(path, "es")
    assert caught.value.code == "declaration.no_operative"


@pytest.mark.parametrize("line, expected", [
    ("Tuxtla Gutiérrez, Chiapas, 6 de septiembre de 2017",
     ("Tuxtla Gutiérrez, Chiapas", dt.date(2017, 9, 6))),
    ("San Salvador, a 15 de setiembre del 2017.", ("San Salvador", dt.date(2017, 9, 15))),
    ("Ottawa, 6 September 2017", ("Ottawa", dt.date(2017, 9, 6))),
    ("Washington, D.C., September 6th, 2017", ("Washington, D.C.", dt.date(2017, 9, 6))),
])
def test_place_and_date_lines(line, expected):
    assert place_and_date(line) == expected


def test_a_sentence_with_no_date_is_no_place_and_date():
    assert place_and_date("Reconociendo el trabajo de la Secretaría Técnica;") is None
    assert place_and_date("Tuxtla, 31 de febrero de 2017") is None


def test_a_typed_draft_is_read_as_a_word_file_is():
    report = read_text("Declaración de prueba\n\nLas y los legisladores, reunidos en Chiapas,\n"
                       "Considerando la situación de las niñas;\nDeclaramos:\n"
                       "1. Primer acuerdo.\na) un inciso;\n2. Segundo acuerdo.", "es")
    c = report.content
    assert c.title_es == "Declaración de prueba" and c.operative_intro_es == "Declaramos:"
    assert c.chapeau_es == "Las y los legisladores, reunidos en Chiapas,"
    assert [p.text_es for p in c.paragraphs] == [
        "Considerando la situación de las niñas;", "Primer acuerdo.\na) un inciso;",
        "Segundo acuerdo."]
    assert report.empty_skipped == 1 and report.problems == []


@pytest.mark.parametrize("value, lang", [
    ("Considerando que las mujeres de la región", "es"),
    ("Considering that the women of the region", "en"),
])
def test_the_language_of_a_file_is_guessed_from_its_words(value, lang):
    from encounter_desk.declaration.docx_import import guess_language

    assert guess_language(value) == lang
