"""texts and set-text: the record's Spanish and English from a terminal."""

from __future__ import annotations

from encounter_desk.cli import main as cli


def test_list_the_texts_awaiting_and_write_a_side(tmp_path, capsys):
    db = str(tmp_path / "e.sqlite")
    assert cli.main(["--db", db, "demo"]) == 0
    capsys.readouterr()
    assert cli.main(["--lang", "en", "--db", db, "texts", "1", "--awaiting"]) == 0
    out = capsys.readouterr().out
    assert "summary:11\tEnglish\tawaiting Spanish\tIntervention 11 — Hon. Dolores" in out
    assert "\ten: Asks how the follow-up mechanism" in out
    assert "summary:1\t" not in out  # translated: not listed with --awaiting
    assert out.rstrip().endswith("8 of 27 texts await a translation.")
    assert cli.main(["--lang", "en", "--db", db, "set-text", "summary:11",
                     "--es", "Pregunta cómo informará el mecanismo."]) == 0
    assert capsys.readouterr().out.strip() == "Text summary:11 saved (original: English)."
    assert cli.main(["--lang", "en", "--db", db, "texts", "1"]) == 0
    out = capsys.readouterr().out
    assert "summary:11\tEnglish\tboth languages" in out
    assert "\tes: Pregunta cómo informará el mecanismo.\n\ten: Asks how" in out
    # a French original corrected to Portuguese keeps its words
    assert cli.main(["--lang", "en", "--db", db, "set-text", "summary:13",
                     "--language", "pt"]) == 0
    assert "Still awaiting: Spanish, English." in capsys.readouterr().out


def test_set_text_refuses_clearly(tmp_path, capsys):
    db = str(tmp_path / "e.sqlite")
    assert cli.main(["--db", db, "demo"]) == 0
    capsys.readouterr()
    assert cli.main(["--lang", "en", "--db", db, "set-text", "summary:x", "--es", "a"]) == 1
    assert "is not a text's key such as summary:12" in capsys.readouterr().err
    assert cli.main(["--lang", "es", "--db", db, "set-text", "summary:11",
                     "--language", "klingon"]) == 1
    assert "klingon no es un idioma" in capsys.readouterr().err
    assert cli.main(["--lang", "en", "--db", db, "set-text", "agreement:1", "--es", "",
                     "--en", ""]) == 1
    assert "This text cannot be left empty." in capsys.readouterr().err
