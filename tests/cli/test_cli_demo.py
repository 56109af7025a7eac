"""`encounter-desk demo` end to end: fill a file, read it back with `info`, refuse a second fill."""

from __future__ import annotations

from encounter_desk.cli import main as cli


def test_demo_then_info(tmp_path, capsys):
    path = tmp_path / "demo.sqlite"
    assert cli.main(["--db", str(path), "demo"]) == 0
    out = capsys.readouterr().out
    assert "Demo event ready in" in out and str(path) in out
    assert "120 participants, 17 delegations, 5 sessions." in out

    assert cli.main(["--db", str(path), "info"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == (
        "I Parliamentary Encounter of the Member Countries of the Regional Conference on Migration"
    )
    assert "Reference: RCM-EP-2017" in out
    assert "Dates: 2017-09-04 to 2017-09-06" in out
    assert "Tuxtla Gutiérrez" in out
    assert "Delegations: 17" in out
    assert "Participants: 120" in out
    assert "Sessions: 5" in out


def test_info_in_spanish_names_the_event_in_spanish(tmp_path, capsys):
    path = tmp_path / "demo.sqlite"
    assert cli.main(["--db", str(path), "demo"]) == 0
    capsys.readouterr()
    assert cli.main(["--db", str(path), "--lang", "es", "info"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("I Encuentro Parlamentario de los Países Miembros de la Conferencia")


def test_a_second_demo_is_refused_unless_forced(tmp_path, capsys):
    path = tmp_path / "demo.sqlite"
    assert cli.main(["--db", str(path), "demo"]) == 0
    capsys.readouterr()

    assert cli.main(["--db", str(path), "demo"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    err = captured.err.strip()
    assert err.startswith("Error: ")
    assert "already holds an event (RCM-EP-2017)" in err and "--force" in err
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1

    assert cli.main(["--db", str(path), "demo", "--force"]) == 0
    assert "120 participants" in capsys.readouterr().out
    assert cli.main(["--db", str(path), "info"]) == 0
    assert "Participants: 120" in capsys.readouterr().out
