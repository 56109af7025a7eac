"""The command line: help for every command, global options, languages, clear errors."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO

from encounter_desk.cli import desktop
from encounter_desk.cli import main as cli
from encounter_desk.event import event as events
from encounter_desk.storage.database import open_database, sqlite_url

ROOT = REPO


def _console_script() -> str:
    exe = Path(sys.executable).parent / "encounter-desk"
    if not exe.exists():
        pytest.fail("the console script is not installed: pip install -e .")
    return str(exe)


def _subcommands() -> list[str]:
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return sorted(sub.choices)


def test_help_lists_every_subcommand(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for name in _subcommands():
        assert name in out
    assert {"demo", "import-roster", "export-roster", "info", "open"} <= set(_subcommands())


@pytest.mark.parametrize("command", _subcommands())
def test_each_subcommand_has_its_own_help(command, capsys):
    with pytest.raises(SystemExit) as info:
        cli.main([command, "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert f"encounter-desk {command}" in out


def test_help_in_spanish(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--lang", "es", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("uso: encounter-desk")
    assert "órdenes" in out
    assert "mostrar esta ayuda y salir" in out


def test_usage_errors_in_spanish(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["--lang", "es", "import-roster"])
    assert info.value.code == 2
    assert "faltan los siguientes argumentos: FILE" in capsys.readouterr().err


def test_info_on_an_event(tmp_path, capsys):
    path = tmp_path / "e.sqlite"
    database = open_database(sqlite_url(path))
    events.create_event(
        database,
        events.EventDetails(code="RCM-T", name_es="Encuentro", name_en="Encounter",
                            start_date=dt.date(2017, 9, 4), end_date=dt.date(2017, 9, 6),
                            venue="Centro de Convenciones", city="Tuxtla Gutiérrez"),
    )
    database.close()
    assert cli.main(["--db", str(path), "--lang", "es", "info"]) == 0
    out = capsys.readouterr().out
    assert "Encuentro" in out
    assert "Referencia: RCM-T" in out
    assert "Delegaciones: 16" in out
    assert "Tuxtla Gutiérrez" in out


def test_info_without_an_event_says_what_to_do(tmp_path, capsys):
    assert cli.main(["--db", str(tmp_path / "empty.sqlite"), "info"]) == 1
    err = capsys.readouterr().err
    assert "holds no event yet" in err and "encounter-desk demo" in err


def test_db_and_database_are_exclusive(tmp_path, capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["--db", "a.sqlite", "--database", "sqlite:///b.sqlite", "info"])
    assert info.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_a_newer_file_is_refused_from_the_command_line(tmp_path, capsys):
    import sqlite3

    path = tmp_path / "future.sqlite"
    open_database(sqlite_url(path)).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num='ffff'")
    con.commit()
    con.close()
    assert cli.main(["--db", str(path), "info"]) == 1
    assert "newer version of Encounter Desk" in capsys.readouterr().err


def test_environment_variable_points_at_the_event(tmp_path, monkeypatch, capsys):
    path = tmp_path / "env.sqlite"
    monkeypatch.setenv("ENCOUNTER_DESK_DATABASE", sqlite_url(path))
    assert cli.main(["info"]) == 1  # empty, but it is the file that was opened
    capsys.readouterr()
    assert path.exists()


def test_opening_the_app_without_a_display_prints_one_sentence(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [_console_script(), "--db", str(tmp_path / "x.sqlite")],
        capture_output=True, text=True, env=env, timeout=60,
    )
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1
    assert "QT_QPA_PLATFORM=offscreen" in lines[0] and "xvfb-run" in lines[0]
    assert "Traceback" not in result.stderr and "Aborted" not in result.stderr


def test_python_dash_m_runs_the_same_cli():
    result = subprocess.run([sys.executable, "-m", "encounter_desk", "--version"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert result.stdout.startswith("encounter-desk ")


def test_a_commands_own_lang_does_not_switch_the_messages():
    assert cli._early_language(["--db", "x.sqlite", "minutes", "1", "m.pdf", "--lang", "es"]) == "en"
    assert cli._early_language(["--lang", "es", "minutes", "1", "m.pdf", "--lang", "en"]) == "es"
    assert cli._early_language(["--lang=es", "info"]) == "es"


def test_a_missing_x11_library_is_named_instead_of_a_qt_abort(monkeypatch, tmp_path, capsys):
    import ctypes.util

    monkeypatch.setattr(desktop.sys, "platform", "linux")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    assert cli.main(["--db", str(tmp_path / "x.sqlite")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1" in err[0]
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: f"lib{name}.so.0")
    assert desktop.missing_x11_library() is None
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    assert desktop.missing_x11_library() is None
