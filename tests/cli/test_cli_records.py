"""The records CLI end to end on the demo: minutes, AKN, event report, exports, attendance."""

from __future__ import annotations

from pypdf import PdfReader

from encounter_desk.cli import main as cli


def test_demo_then_every_record(tmp_path, capsys):
    db = str(tmp_path / "demo.sqlite")
    assert cli.main(["--db", db, "demo"]) == 0
    capsys.readouterr()

    assert cli.main(["--db", db, "minutes", "1", str(tmp_path / "m.pdf"), "--lang", "es"]) == 0
    assert "Minutes of session 1 written to" in capsys.readouterr().out
    pages = PdfReader(tmp_path / "m.pdf").pages
    text = " ".join(p.extract_text() for p in pages)
    assert "4 de septiembre de 2017" in text and "RCM-EP-2017/S1" in text
    assert "Claudia Marisol Henríquez de Mejía" in text

    assert cli.main(["--db", db, "minutes", "1", str(tmp_path / "f.pdf"), "--final"]) == 0
    final = " ".join(p.extract_text() for p in PdfReader(tmp_path / "f.pdf").pages)
    assert "DRAFT" not in final and "4 September 2017" in final

    assert cli.main(["--db", db, "export-akn", "1", str(tmp_path / "m.xml")]) == 0
    assert b"<debate" in (tmp_path / "m.xml").read_bytes()
    assert cli.main(["--db", db, "event-report", str(tmp_path / "r.pdf")]) == 0
    assert len(PdfReader(tmp_path / "r.pdf").pages) >= 2
    assert cli.main(["--db", db, "export-attendance", str(tmp_path / "a.xlsx"),
                     "--sitting", "1"]) == 0
    assert "108 rows written" in capsys.readouterr().out
    assert cli.main(["--db", db, "export-speeches", str(tmp_path / "s.csv")]) == 0
    assert "13 rows written" in capsys.readouterr().out

    assert cli.main(["--db", db, "attendance", "2", "5", "excused"]) == 0
    assert "Participant 5: Excused at session 2." in capsys.readouterr().out


def test_records_commands_refuse_clearly(tmp_path, capsys):
    db = str(tmp_path / "demo.sqlite")
    assert cli.main(["--db", db, "demo"]) == 0
    capsys.readouterr()
    assert cli.main(["--db", db, "minutes", "9", str(tmp_path / "x.pdf")]) == 1
    assert "There is no session 9." in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
    assert cli.main(["--db", db, "attendance", "1", "99999", "present"]) == 1
    assert "no participant number 99999" in capsys.readouterr().err
    assert cli.main(["--db", db, "export-speeches", str(tmp_path / "s.txt")]) == 1
    assert ".csv or .xlsx" in capsys.readouterr().err
