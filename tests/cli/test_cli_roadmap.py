"""The road map and the print shop from the command line, on the demo."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from encounter_desk.cli import main as cli
from encounter_desk.records.roadmap import forms


def test_forms_import_stage_report_and_the_print_shop(tmp_path, capsys):
    db = str(tmp_path / "demo.sqlite")
    assert cli.main(["--db", db, "demo"]) == 0
    capsys.readouterr()

    assert cli.main(["--lang", "en", "--db", db, "roadmap", "forms", str(tmp_path / "f")]) == 0
    assert "9 follow-up forms written" in capsys.readouterr().out
    gt = next((tmp_path / "f").glob("roadmap-GT-*.xlsx"))
    wb = load_workbook(gt)
    ws = wb[forms.SHEET]
    keys = [ws.cell(forms.KEY_ROW, c).value for c in range(1, len(forms.COLUMNS) + 1)]
    ws.cell(forms.FIRST_ROW, keys.index("stage") + 1).value = "Presentada"
    ws.cell(forms.FIRST_ROW, keys.index("stage_date") + 1).value = "fecha"
    wb.save(gt)
    assert cli.main(["--lang", "en", "--db", db, "roadmap", "import", str(gt)]) == 1
    err = capsys.readouterr().err
    assert f"{gt.name}, row {forms.FIRST_ROW}: 'fecha' is not a date" in err
    assert "Nothing was written: 1 rows need correcting." in err
    ws.cell(forms.FIRST_ROW, keys.index("stage_date") + 1).value = "2018-04-02"
    wb.save(gt)
    assert cli.main(["--lang", "en", "--db", db, "roadmap", "import", str(gt)]) == 0
    assert "1 changes of stage" in capsys.readouterr().out

    initiative = ws.cell(forms.FIRST_ROW, 1).value
    assert cli.main(["--lang", "en", "--db", db, "roadmap", "stage", str(initiative),
                     "in_committee", "--on", "2018-05-01", "--note", "Comisión del Migrante"]) == 0
    assert f"Commitment {initiative}: In committee." in capsys.readouterr().out
    assert cli.main(["--lang", "en", "--db", db, "roadmap", "stage", str(initiative),
                     "In committee"]) == 0
    assert "already at that stage (In committee): nothing recorded" in capsys.readouterr().out
    assert cli.main(["--lang", "en", "--db", db, "roadmap", "stage", str(initiative),
                     "reported", "--on", "mayo"]) == 1
    assert "'mayo' is not a date" in capsys.readouterr().err

    assert cli.main(["--db", db, "roadmap", "report", str(tmp_path / "r.pdf"), "--lang", "en",
                     "--paper", "a4"]) == 0
    text = " ".join(p.extract_text() for p in PdfReader(tmp_path / "r.pdf").pages)
    assert "Comisión del Migrante" in text and "roadmap-GT-guatemala.xlsx" in text

    assert cli.main(["--db", db, "certificates", str(tmp_path / "c.pdf")]) == 0
    assert len(PdfReader(tmp_path / "c.pdf").pages) > 50
    assert cli.main(["--db", db, "tent-cards", str(tmp_path / "t.pdf"), "--seats"]) == 0
    assert cli.main(["--db", db, "participants-list", str(tmp_path / "p.pdf"), "--public"]) == 0
    public = " ".join(p.extract_text() for p in PdfReader(tmp_path / "p.pdf").pages)
    assert "@" not in public


def _page_sizes(path) -> set[tuple[int, ...]]:
    """Each page's (short, long) side in points: name plates print in landscape."""
    return {tuple(sorted((round(float(p.mediabox.width)), round(float(p.mediabox.height)))))
            for p in PdfReader(path).pages}


def _set_event(db_path: str, *, paper: str, country: str) -> None:
    from encounter_desk.event.event import require_event
    from encounter_desk.storage.database import open_database, sqlite_url

    db = open_database(sqlite_url(Path(db_path)))
    try:
        with db.write() as session:
            event = require_event(session)
            event.paper, event.country = paper, country
    finally:
        db.engine.dispose()


PRINT_COMMANDS = {
    "report": ["roadmap", "report"],
    "certificates": ["certificates"],
    "tent-cards": ["tent-cards"],
    "participants-list": ["participants-list"],
}


def test_print_shop_and_roadmap_follow_the_events_paper(tmp_path, capsys):
    db = str(tmp_path / "demo.sqlite")
    assert cli.main(["--db", db, "demo"]) == 0
    _set_event(db, paper="a4", country="Mexico")
    for name, command in PRINT_COMMANDS.items():
        out = tmp_path / f"{name}.pdf"
        assert cli.main(["--db", db, *command, str(out)]) == 0, name
        assert _page_sizes(out) == {(595, 842)}, name
        letter = tmp_path / f"{name}-letter.pdf"
        assert cli.main(["--db", db, *command, str(letter), "--paper", "letter"]) == 0, name
        assert _page_sizes(letter) == {(612, 792)}, name


def test_print_shop_default_of_a_mexican_event_is_letter(tmp_path, capsys):
    db = str(tmp_path / "demo.sqlite")
    assert cli.main(["--db", db, "demo"]) == 0
    _set_event(db, paper="", country="México")
    for name, command in PRINT_COMMANDS.items():
        out = tmp_path / f"{name}.pdf"
        assert cli.main(["--db", db, *command, str(out)]) == 0, name
        assert _page_sizes(out) == {(612, 792)}, name
