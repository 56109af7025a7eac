"""The records CLI end to end on the demo: minutes, AKN, event report, exports, attendance."""

from __future__ import annotations

import pytest
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


def _one_lawmaker_per_member_delegation(db_path) -> list[int]:
    from sqlalchemy import select

    from encounter_desk.storage.database import open_database
    from encounter_desk.storage.models import Category, Delegation, Participant

    db = open_database(f"sqlite:///{db_path}")
    try:
        with db.read() as s:
            chosen: dict[int, int] = {}
            for p in s.scalars(
                select(Participant).join(Delegation, Participant.delegation_id == Delegation.id)
                .where(Delegation.is_member, Participant.category == Category.LAWMAKER.value)
                .order_by(Participant.id)
            ):
                chosen.setdefault(p.delegation_id, p.id)
    finally:
        db.close()
    return list(chosen.values())


def test_demo_sittings_2_to_5_open_and_adjourn_from_the_terminal(tmp_path, capsys):
    db = str(tmp_path / "demo.sqlite")
    assert cli.main(["--db", db, "demo"]) == 0
    capsys.readouterr()
    # Not held yet: its minutes (draft or final) and attendance are refused with a sentence.
    assert cli.main(["--db", db, "minutes", "4", str(tmp_path / "m4.pdf"), "--final"]) == 1
    assert "Session 4 was not held" in capsys.readouterr().err
    assert cli.main(["--db", db, "export-attendance", str(tmp_path / "a4.csv"),
                     "--sitting", "4"]) == 1
    assert "was not held" in capsys.readouterr().err
    assert not (tmp_path / "m4.pdf").exists() and not (tmp_path / "a4.csv").exists()

    assert cli.main(["--db", db, "open-sitting", "2"]) == 1
    assert "cannot be opened" in capsys.readouterr().err
    heads = _one_lawmaker_per_member_delegation(tmp_path / "demo.sqlite")
    for number in (2, 3, 4, 5):
        for pid in heads:
            assert cli.main(["--db", db, "attendance", str(number), str(pid), "present"]) == 0
        assert cli.main(["--db", db, "open-sitting", str(number)]) == 0
        out = capsys.readouterr().out
        assert f"Session {number} opened at" in out and "with quorum: 11 of 11" in out
        # Open, not adjourned: a draft yes, the final no.
        assert cli.main(["--db", db, "minutes", str(number), str(tmp_path / "f.pdf"),
                         "--final"]) == 1
        assert f"Session {number} has not been adjourned yet" in capsys.readouterr().err
        assert cli.main(["--db", db, "suspend-sitting", str(number)]) == 0
        assert "suspended" in capsys.readouterr().out
        assert cli.main(["--db", db, "resume-sitting", str(number)]) == 0
        assert cli.main(["--db", db, "adjourn-sitting", str(number)]) == 0
        assert "and adjourned at" in capsys.readouterr().out
        assert cli.main(["--db", db, "minutes", str(number), str(tmp_path / f"f{number}.pdf"),
                         "--final"]) == 0
    assert cli.main(["--db", db, "adjourn-sitting", "5"]) == 1
    assert "already adjourned" in capsys.readouterr().err
    assert cli.main(["--db", db, "approve-minutes", "1", "--at", "2"]) == 0
    capsys.readouterr()
    assert cli.main(["--db", db, "minutes", "1", str(tmp_path / "a1.pdf"), "--final",
                     "--lang", "en"]) == 0
    text = " ".join(p.extract_text() for p in PdfReader(tmp_path / "a1.pdf").pages)
    assert "Approved at session 2 on" in text


def test_paper_letter_or_a4_on_every_pdf_command(tmp_path, capsys):
    db = str(tmp_path / "demo.sqlite")
    assert cli.main(["--db", db, "demo"]) == 0
    sizes = {}
    for name, args in {
        "minutes-default": ["minutes", "1", str(tmp_path / "m.pdf")],
        "minutes-a4": ["minutes", "1", str(tmp_path / "m4.pdf"), "--paper", "a4"],
        "report-letter": ["event-report", str(tmp_path / "r.pdf"), "--paper", "letter"],
        "report-a4": ["event-report", str(tmp_path / "r4.pdf"), "--paper", "a4"],
        "badges-letter": ["badges", str(tmp_path / "b.pdf"), "--paper", "letter"],
    }.items():
        assert cli.main(["--db", db, *args]) == 0, name
        path = args[2] if args[0] == "minutes" else args[1]
        pages = PdfReader(path).pages
        sizes[name] = {(round(float(p.mediabox.width)), round(float(p.mediabox.height)))
                       for p in pages}
        if name != "badges-letter":
            # the footer ("Page X of Y" and the reference) is on every page of either paper
            for n, page in enumerate(pages, start=1):
                assert f"Page {n} of {len(pages)}" in page.extract_text(), (name, n)
    # The demo is in Mexico: Letter unless asked otherwise.
    assert sizes["minutes-default"] == {(612, 792)} == sizes["report-letter"]
    assert sizes["minutes-a4"] == {(595, 842)} == sizes["report-a4"]
    assert sizes["badges-letter"] == {(612, 792)}
    capsys.readouterr()
    with pytest.raises(SystemExit) as info:
        cli.main(["--db", db, "minutes", "1", str(tmp_path / "x.pdf"), "--paper", "legal"])
    assert info.value.code == 2 and "letter" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
