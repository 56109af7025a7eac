"""import-roster and export-roster from the command line, in process and as the console script."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from encounter_desk.cli import main as cli
from encounter_desk.event import event as events
from encounter_desk.storage.database import open_database, sqlite_url
from encounter_desk.storage.models import AuditEntry, Participant

DETAILS = events.EventDetails(
    code="CLI-ROSTER",
    name_es="Encuentro de prueba",
    name_en="Test encounter",
    start_date=dt.date(2017, 9, 4),
    end_date=dt.date(2017, 9, 6),
)


@pytest.fixture
def event_file(tmp_path) -> Path:
    path = tmp_path / "x.sqlite"
    database = open_database(sqlite_url(path))
    events.create_event(database, DETAILS)
    database.close()
    return path


def counts(path: Path) -> tuple[int, int]:
    database = open_database(sqlite_url(path))
    try:
        with database.read() as s:
            return (s.scalar(select(func.count(Participant.id))),
                    s.scalar(select(func.count(AuditEntry.id))))
    finally:
        database.close()


def test_import_the_sample_then_again(event_file, sample_roster, capsys):
    sample = str(sample_roster)
    assert cli.main(["--db", str(event_file), "import-roster", sample]) == 0
    out = capsys.readouterr().out
    assert "Imported roster-sample.csv: 6 new, 0 updated, 0 unchanged." in out
    assert cli.main(["--db", str(event_file), "import-roster", sample]) == 0
    assert "0 new, 0 updated, 6 unchanged" in capsys.readouterr().out
    assert counts(event_file)[0] == 6


def test_dry_run_writes_nothing(event_file, sample_roster, capsys):
    before = counts(event_file)
    sample = str(sample_roster)
    assert cli.main(["--db", str(event_file), "import-roster", "--dry-run", sample]) == 0
    assert "Nothing was written" in capsys.readouterr().out
    assert counts(event_file) == before


def test_bad_rows_exit_1_report_every_row_and_write_nothing(event_file, tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("Nombre;Apellidos;País\nAna;Pérez;México\n;;México\nLuis;Soto;Atlantis\n",
                   encoding="cp1252")
    before = counts(event_file)
    assert cli.main(["--db", str(event_file), "import-roster", str(bad)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("Nothing was imported from bad.csv")
    assert err[1].startswith("Row 3:")
    assert err[2] == "Row 4: unknown country «Atlantis»."
    assert counts(event_file) == before


def test_column_mapping_and_its_errors(event_file, tmp_path, capsys):
    path = tmp_path / "r.csv"
    path.write_text("Nombre,Apellidos,País,Cargo actual\nAna,Pérez,México,Senadora\n",
                    encoding="utf-8")
    db = ["--db", str(event_file)]
    assert cli.main([*db, "import-roster", str(path), "--column", "Cargo actual=nada"]) == 1
    assert "there is no field «nada»" in capsys.readouterr().err
    assert cli.main([*db, "import-roster", str(path), "--column", "sin signo igual"]) == 1
    assert "HEADER=field" in capsys.readouterr().err
    assert cli.main([*db, "import-roster", str(path), "--column", "Cargo actual=position"]) == 0
    capsys.readouterr()
    database = open_database(sqlite_url(event_file))
    with database.read() as s:
        assert s.scalar(select(Participant.position)) == "Senadora"
    database.close()


def test_export_and_reimport_and_the_template(event_file, sample_roster, tmp_path, capsys):
    db = ["--db", str(event_file)]
    assert cli.main([*db, "import-roster", str(sample_roster)]) == 0
    for name in ("out.csv", "out.xlsx"):
        out = tmp_path / name
        assert cli.main([*db, "export-roster", str(out)]) == 0
        assert f"6 participants written to {out}." in capsys.readouterr().out
        assert cli.main([*db, "import-roster", str(out)]) == 0
        assert "0 new, 0 updated, 6 unchanged" in capsys.readouterr().out
    template = tmp_path / "template.xlsx"
    assert cli.main(["export-roster", "--template", str(template)]) == 0
    assert template.exists()
    capsys.readouterr()
    assert cli.main([*db, "import-roster", "--dry-run", str(template)]) == 0
    assert "2 new" in capsys.readouterr().out
    assert cli.main([*db, "export-roster", str(tmp_path / "out.ods")]) == 1
    assert "Error:" in capsys.readouterr().err


def test_without_an_event(tmp_path, sample_roster, capsys):
    path = tmp_path / "empty.sqlite"
    sample = str(sample_roster)
    assert cli.main(["--db", str(path), "import-roster", sample]) == 1
    assert "holds no event" in capsys.readouterr().err
    assert cli.main(["--db", str(path), "export-roster", str(tmp_path / "o.csv")]) == 1
    assert "holds no event" in capsys.readouterr().err


def test_the_console_script(event_file, sample_roster, tmp_path):
    exe = Path(sys.executable).parent / "encounter-desk"
    if not exe.exists():
        pytest.fail("the console script is not installed: pip install -e .")
    env = {**os.environ, "ENCOUNTER_DESK_HOME": str(tmp_path / "home")}
    sample = str(sample_roster)
    ok = subprocess.run([str(exe), "--db", str(event_file), "--lang", "en", "import-roster",
                         sample], capture_output=True, text=True, env=env, timeout=120)
    assert ok.returncode == 0, ok.stderr
    assert "6 new" in ok.stdout
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"")
    failed = subprocess.run([str(exe), "--db", str(event_file), "--lang", "en", "import-roster",
                             str(bad)], capture_output=True, text=True, env=env, timeout=120)
    assert failed.returncode == 1
    assert "bad.csv is empty" in failed.stderr and "Traceback" not in failed.stderr
