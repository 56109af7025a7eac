"""The declaration from a terminal, on the demo: show, amend, decide, adopt, export, import."""

from __future__ import annotations

import shutil

import docx
import pytest
from pypdf import PdfReader

from encounter_desk.cli import main as cli
from encounter_desk.declaration.state import load_state
from encounter_desk.demo.build import build_demo
from encounter_desk.storage.database import open_database, sqlite_url


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    db = open_database(sqlite_url(path))
    build_demo(db)
    db.close()
    return path


@pytest.fixture
def db_file(demo_file, tmp_path):
    path = tmp_path / "event.sqlite"
    shutil.copy(demo_file, path)
    return str(path)


def _state(path):
    db = open_database(sqlite_url(path))
    try:
        return load_state(db)
    finally:
        db.close()


def test_show_prints_the_amended_text_and_the_amendments(db_file, capsys):
    assert cli.main(["--db", db_file, "--lang", "es", "declaration", "show"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Declaración sobre Mujeres Migrantes\nPROYECTO · 7 enmiendas")
    assert "  3. (nuevo después de PO2, enmienda 2) Apoyar la creación" in out
    assert "[5] PO5 · Canadá · Sustituir · Pendiente" in out
    assert cli.main(["--db", db_file, "declaration", "show", "--changes"]) == 0
    assert "{+effective +}access to justice{+ and to redress,+}" in capsys.readouterr().out


def test_amend_decide_adopt_with_statements_then_export(db_file, tmp_path, capsys):
    run = ["--db", db_file, "declaration"]
    assert cli.main([*run, "amend", "OP4", "replace", "--by", "SV", "--by", "GT,HN",
                     "--es", "Promover el trabajo decente de las mujeres migrantes.",
                     "--en", "To promote decent work for migrant women."]) == 0
    assert "Amendment 8 recorded, proposed by El Salvador, Guatemala, Honduras." in \
        capsys.readouterr().out
    assert cli.main([*run, "decide", "8", "amended", "--es", "Promover el trabajo decente.",
                     "--at", "2017-09-06 11:02"]) == 0
    assert "Amendment 8: Accepted as orally amended." in capsys.readouterr().out
    for number, decision in ((5, "accepted"), (6, "rejected"), (7, "withdrawn")):
        assert cli.main([*run, "decide", str(number), decision]) == 0
    state = _state(db_file)
    eight = state.amendment(next(a.id for a in state.amendments if a.number == 8))
    assert eight.final_text_es == "Promover el trabajo decente."
    assert eight.decided_at.isoformat() == "2017-09-06T16:02:00+00:00"  # 11:02 in Chiapas

    assert cli.main([*run, "statement", "US", "reservation", "--paragraph", "PP3",
                     "--en", "The United States reserves its position on PP3."]) == 0
    assert cli.main([*run, "adopt", "delegations", "--vote", "US=abstain",
                     "--vote", "NI=absent", "--rest", "for"]) == 0
    assert "Adopted by vote of delegations at session 4, on 6 September 2017: 9 in favour" \
        in capsys.readouterr().out

    for name in ("d.pdf", "d.docx", "d.xml"):
        assert cli.main([*run, "export", str(tmp_path / name), "--lang", "es"]) == 0
    text = " ".join(p.extract_text() for p in PdfReader(tmp_path / "d.pdf").pages)
    assert "Reserva de la delegación de Estados Unidos" in " ".join(text.split())
    assert docx.Document(str(tmp_path / "d.docx")).paragraphs[0].text == \
        "Declaración sobre Mujeres Migrantes"
    assert b"<statement" in (tmp_path / "d.xml").read_bytes()
    assert cli.main([*run, "amendments", str(tmp_path / "log.pdf"), "--paper", "a4"]) == 0
    log = " ".join(" ".join(p.extract_text() for p in PdfReader(tmp_path / "log.pdf").pages)
                   .split())
    assert "Amendments log" in log and "Guatemala, Honduras" in log


def test_the_declaration_commands_refuse_clearly(db_file, tmp_path, capsys):
    run = ["--db", db_file, "declaration"]
    assert cli.main([*run, "adopt", "consensus"]) == 1
    assert "Amendments 5, 6, 7 are still pending" in capsys.readouterr().err
    assert cli.main([*run, "amend", "OP42", "delete", "--by", "MX"]) == 1
    assert "The draft has no operative paragraph 42." in capsys.readouterr().err
    assert cli.main([*run, "amend", "OP1", "delete", "--by", "XX"]) == 1
    assert "no delegation with the code 'XX'" in capsys.readouterr().err
    assert cli.main([*run, "decide", "1", "rejected"]) == 1
    assert "already been decided" in capsys.readouterr().err
    assert cli.main([*run, "adopt", "delegations", "--vote", "US=maybe"]) == 1
    assert "--vote takes CODE=for, against, abstain or absent" in capsys.readouterr().err
    assert cli.main([*run, "export", str(tmp_path / "d.odt")]) == 1
    assert "a .pdf, .docx or .xml file" in capsys.readouterr().err
    assert cli.main([*run, "import", str(tmp_path / "none.docx")]) == 1
    assert "There is no file at" in capsys.readouterr().err
    assert len(_state(db_file).amendments) == 7


def test_import_a_word_file_into_a_new_event(tmp_path, capsys):
    path = tmp_path / "draft.docx"
    document = docx.Document()
    document.add_paragraph("Declaración de prueba", style="Title")
    document.add_paragraph("Considerando la importancia del tema;")
    document.add_paragraph("Declaramos:")
    document.add_paragraph("Primer acuerdo con acentos: niñas, Núñez.", style="List Number")
    document.add_paragraph("Segundo acuerdo.", style="List Number")
    document.save(str(path))
    db = str(tmp_path / "new.sqlite")
    assert cli.main(["--db", db, "demo"]) == 0
    capsys.readouterr()
    assert cli.main(["--db", db, "declaration", "import", str(path), "--lang", "es"]) == 1
    assert "must match paragraph by paragraph" in capsys.readouterr().err
    assert cli.main(["--db", db, "declaration", "import", str(path), "--lang", "es",
                     "--replace", "--session", "4"]) == 0
    out = capsys.readouterr().out
    assert "Read from draft.docx: title, 1 preambular and 2 operative paragraphs." in out
    state = _state(db)
    assert state.title_es == "Declaración de prueba" and state.sitting_number == 4
    assert state.paragraphs[1].text_es == "Primer acuerdo con acentos: niñas, Núñez."


@pytest.mark.parametrize("lang, words", [
    ("en", ("Record the adoption of the declaration", "--rest")),
    ("es", ("Registra la adopción de la declaración", "--rest")),
])
def test_help_in_both_languages(capsys, lang, words):
    with pytest.raises(SystemExit):
        cli.main(["--lang", lang, "declaration", "adopt", "--help"])
    out = capsys.readouterr().out
    assert all(w in out for w in words)
    for command in ("import", "show", "amend", "decide", "export", "amendments", "statement"):
        with pytest.raises(SystemExit):
            cli.main(["--lang", lang, "declaration", command, "--help"])
        assert "--help" in capsys.readouterr().out
