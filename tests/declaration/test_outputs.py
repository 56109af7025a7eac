"""Every output read back: the PDFs' text, the Word file reopened, Akoma Ntoso validated."""

from __future__ import annotations

import docx
import pytest
from helpers.declaration_room import build_room
from lxml import etree
from pypdf import PdfReader

from encounter_desk.core.akn import NS
from encounter_desk.core.errors import Refusal
from encounter_desk.declaration import adoption
from encounter_desk.declaration import amendments as am
from encounter_desk.declaration.akn import write_declaration_akn
from encounter_desk.declaration.amendments_pdf import write_amendments_log
from encounter_desk.declaration.docx_export import write_declaration_docx
from encounter_desk.declaration.docx_import import read_docx
from encounter_desk.declaration.pdf import write_declaration_pdf
from encounter_desk.declaration.state import member_delegations
from encounter_desk.records.minutes.akn import schema


def _text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def _flat(value: str) -> str:
    return " ".join(value.split())


@pytest.fixture
def negotiated(sqlite_db):
    """Amended, with a reservation and a statement, adopted by vote of delegations."""
    room = build_room(sqlite_db)
    d = room.delegations
    a = am.propose(room.db, room.paragraph("OP1"), "replace", [d["MX"], d["CA"]],
                   text_es="Instamos a los Estados a garantizar el acceso pleno a la justicia "
                           "de las mujeres migrantes.",
                   text_en="We urge States to guarantee full access to justice for migrant "
                           "women.")
    b = am.propose(room.db, room.paragraph("OP2"), "insert_after", [d["SV"]],
                   text_es="Protegeremos a las niñas migrantes no acompañadas.")
    c = am.propose(room.db, room.paragraph("PP3"), "delete", [d["US"]])
    e = am.propose(room.db, room.paragraph("OP3"), "replace", [d["GT"]],
                   text_en="We call for stronger consular services.")
    for amendment, decision in ((a, "accepted"), (b, "accepted"), (c, "rejected"),
                                (e, "withdrawn")):
        room.clock.advance(120)
        am.decide(room.db, amendment, decision)
    adoption.add_statement(room.db, room.declaration_id, d["US"], "reservation",
                           text_es="Estados Unidos reserva su posición sobre el párrafo 2.",
                           text_en="The United States reserves its position on paragraph 2.",
                           paragraph_id=room.paragraph("OP2"))
    votes = {x.id: "for" for x in member_delegations(room.db)}
    votes[d["US"]] = "abstain"
    adoption.adopt(room.db, room.declaration_id, "delegation_vote", votes=votes)
    return room


def test_the_spanish_pdf_holds_the_adopted_text_reservations_and_signatures(negotiated, tmp_path):
    out = write_declaration_pdf(negotiated.db, tmp_path / "es.pdf", "es")
    reader = PdfReader(str(out))
    text = _flat(_text(out))
    assert "Declaración sobre Mujeres Migrantes" in text
    assert "1. Instamos a los Estados a garantizar el acceso pleno a la justicia" in text
    assert "3. Protegeremos a las niñas migrantes no acompañadas." in text
    assert "Preocupadas por la violencia de género" in text  # the deletion was rejected
    assert "Tuxtla Gutiérrez, Chiapas, México, 6 de septiembre de 2017" in text
    assert "Adoptada por votación de las delegaciones en la sesión 1" in text
    assert "10 a favor, 0 en contra, 1 abstención" in text
    assert "Estados Unidos Se abstiene" in text
    assert "Reserva de la delegación de Estados Unidos (sobre el párrafo operativo 2)" in text
    assert "El texto en español es el auténtico." in text
    last = _flat(reader.pages[-1].extract_text())
    assert "Firmas de las jefas y los jefes de delegación" in last
    assert "Sen. María José Pérez Núñez" in last and "H.D. Itzel Ñandú" in last
    assert last.index("Belice") < last.index("Canadá") < last.index("República Dominicana")
    assert f"Página {len(reader.pages)} de {len(reader.pages)}" in last
    assert "PROYECTO" not in text


def test_the_english_pdf_marks_a_paragraph_not_yet_translated(negotiated, tmp_path):
    out = write_declaration_pdf(negotiated.db, tmp_path / "en.pdf", "en", paper="a4")
    text = _flat(_text(out))
    assert "Declaration on Migrant Women" in text
    assert "1. We urge States to guarantee full access to justice for migrant women." in text
    assert "3. Protegeremos a las niñas migrantes no acompañadas." in text
    assert "[Spanish text; translation pending]" in text
    assert "Adopted by vote of delegations at session 1, on 6 September 2017" in text
    width, height = PdfReader(str(out)).pages[0].mediabox.upper_right
    assert (round(float(width)), round(float(height))) == (595, 842)


def test_a_draft_says_so_and_carries_the_watermark(sqlite_db, tmp_path):
    room = build_room(sqlite_db)
    text = _flat(_text(write_declaration_pdf(room.db, tmp_path / "draft.pdf", "es")))
    assert "Proyecto para negociación" in text and "PROYECTO" in text
    assert "Adoptada" not in text
    width, _ = PdfReader(str(tmp_path / "draft.pdf")).pages[0].mediabox.upper_right
    assert round(float(width)) == 612  # letter paper by default
    with pytest.raises(Refusal) as caught:
        write_declaration_pdf(room.db, tmp_path / "x.pdf", "es", paper="legal")
    assert caught.value.code == "declaration.paper"


def test_the_word_file_reopens_with_the_same_text(negotiated, tmp_path):
    out = write_declaration_docx(negotiated.db, tmp_path / "es.docx", "es")
    document = docx.Document(str(out))
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[0] == "Declaración sobre Mujeres Migrantes"
    assert ("1.\tInstamos a los Estados a garantizar el acceso pleno a la justicia de las "
            "mujeres migrantes.") in paragraphs
    assert "Reserva de la delegación de Estados Unidos (sobre el párrafo operativo 2)" in paragraphs
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "Estados Unidos" in cells and "Se abstiene" in cells
    assert any("María José Pérez Núñez" in c for c in cells)
    assert document.core_properties.title == "Declaración sobre Mujeres Migrantes"
    # and the importer reads it back as the same declaration
    again = read_docx(out, "es").content
    assert [p.text_es for p in again.paragraphs if p.part == "operative"][:3] == [
        "Instamos a los Estados a garantizar el acceso pleno a la justicia de las mujeres "
        "migrantes.",
        "Promoveremos reformas legislativas para asegurar el trabajo decente.",
        "Protegeremos a las niñas migrantes no acompañadas.",
    ]
    assert again.chapeau_es.startswith("Las y los legisladores")


@pytest.mark.parametrize("lang", ["es", "en"])
def test_akoma_ntoso_statement_validates_against_the_schema(negotiated, tmp_path, lang):
    out = write_declaration_akn(negotiated.db, tmp_path / f"{lang}.xml", lang)
    tree = etree.parse(str(out))
    assert schema().validate(tree), schema().error_log
    ns = {"a": NS}
    root = tree.getroot()
    assert root.find("a:statement", ns).get("name") == "declaration"
    paragraphs = root.findall(".//a:mainBody/a:paragraph", ns)
    assert [p.findtext("a:num", namespaces=ns) for p in paragraphs] == [
        "1.", "2.", "3.", "4.", "5."]
    assert len(root.findall(".//a:recitals/a:recital", ns)) == 3
    signatures = root.findall(".//a:conclusions//a:signature", ns)
    assert len(signatures) == 11
    language = root.find(".//a:FRBRExpression/a:FRBRlanguage", ns).get("language")
    assert language == {"es": "spa", "en": "eng"}[lang]
    assert root.find(".//a:preface//a:docStatus", ns).text == (
        "Adoptada" if lang == "es" else "Adopted")


def test_the_amendments_log_says_what_became_of_each_proposal(negotiated, tmp_path):
    text = _flat(_text(write_amendments_log(negotiated.db, tmp_path / "log.pdf", "en")))
    assert "Amendments log" in text
    assert "4 amendments proposed: accepted 2; rejected 1; withdrawn 1." in text
    assert "Mexico, Canada" in text and "Guatemala" in text
    assert "(deletes the paragraph)" in text and "Rejected" in text
    assert "New paragraph: Protegeremos a las niñas migrantes no acompañadas. [Spanish text;" in text
    assert "Withdrawn" in text
    assert text.index("PP3") < text.index("OP1") < text.index("OP2") < text.index("OP3")
    es = _flat(_text(write_amendments_log(negotiated.db, tmp_path / "log-es.pdf", "es")))
    assert "Registro de enmiendas" in es and "México, Canadá" in es and "Retirada" in es
