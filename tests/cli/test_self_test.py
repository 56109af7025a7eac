"""encounter-desk --self-test: every step runs for real, a broken step fails the run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from encounter_desk import launch
from encounter_desk.cli import self_test
from encounter_desk.core import config

STEP_NAMES = [name for name, _step in self_test.STEPS]


def _console_script() -> str:
    exe = Path(sys.executable).parent / "encounter-desk"
    if not exe.exists():
        pytest.fail("the console script is not installed: pip install -e .")
    return str(exe)


def test_the_sample_roster_ships_inside_the_package():
    data = self_test.sample_roster_bytes().decode("utf-8")
    assert data.splitlines()[0].startswith("Title,Given names,Surnames,Country")
    assert len(data.splitlines()) >= 6


def test_self_test_in_process_passes_every_step(capsys, _isolated_home):
    settings_before = config.settings_path().exists()
    assert launch.main(["--self-test"]) == 0
    out = capsys.readouterr().out.splitlines()
    ok_lines = [line for line in out if line.startswith("ok ")]
    assert len(ok_lines) == len(STEP_NAMES) == 7
    for line, name in zip(ok_lines, STEP_NAMES, strict=True):
        assert name in line
    assert "Import the sample roster (6 participants)" in "\n".join(out)
    assert "Check a badge code in (admitted)" in "\n".join(out)
    assert "Run a speech on a fake clock (1:35)" in "\n".join(out)
    assert out[-1] == "Self-test passed: every step worked."
    # the user's settings folder is given back untouched
    assert os.environ[config.ENV_HOME] == str(_isolated_home)
    assert config.settings_path().exists() == settings_before
    # the window it built is closed for real: no event left open, no backup timer ticking
    from PySide6.QtWidgets import QApplication

    from encounter_desk.ui.shell.main_window import MainWindow
    left_open = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, MainWindow) and w.db is not None]
    assert left_open == []


def test_without_the_desktop_app_the_window_step_fails(capsys):
    # the CLI alone (no launcher handing it the app) cannot build the window: it says so
    assert self_test.run_self_test() == 1
    out = capsys.readouterr().out.splitlines()
    assert out[-2] == "FAILED   Build the main window: The desk did not open."


def test_a_failing_step_fails_the_run_and_skips_what_depends_on_it(capsys, monkeypatch):
    def broken(run):  # noqa: ANN001
        raise self_test.SelfTestFailure("the badge sheet is not a complete PDF")

    steps = [(name, broken if step is self_test.badge_pdf else step)
             for name, step in self_test.STEPS]
    monkeypatch.setattr(self_test, "STEPS", steps)
    assert self_test.run_self_test() == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("ok       Open a temporary event")
    assert out[1].startswith("ok       Import the sample roster")
    assert out[2] == "FAILED   Make a badge PDF: the badge sheet is not a complete PDF"
    assert all(line.startswith("SKIPPED") for line in out[3:7])
    assert out[-1] == "Self-test failed."


def test_the_speech_step_catches_a_clock_that_does_not_follow(monkeypatch):
    # A clock face that stays at zero must fail the speech step, not pass it.
    from encounter_desk.chair import clock

    monkeypatch.setattr(clock.SpeechClock, "elapsed", lambda self, now=None: 0.0)
    with self_test_run() as run:
        self_test.open_event(run)
        self_test.import_roster(run)
        with pytest.raises(self_test.SelfTestFailure, match="0:00"):
            self_test.speech(run)


class self_test_run:  # noqa: N801 - a small context manager for one run's folder
    def __enter__(self) -> self_test.Run:
        import tempfile

        self.tmp = tempfile.TemporaryDirectory()
        self.run = self_test.Run(Path(self.tmp.name))
        return self.run

    def __exit__(self, *exc) -> None:  # noqa: ANN002
        if self.run.db is not None:
            self.run.db.close()
        self.tmp.cleanup()


def test_self_test_through_the_console_script(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ENCOUNTER_DESK_HOME=str(tmp_path / "h"))
    done = subprocess.run([_console_script(), "--self-test"], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert sum(line.startswith("ok ") for line in lines) == 7
    assert lines[-1] == "Self-test passed: every step worked."
    assert not (tmp_path / "h" / "settings.ini").exists()  # nothing written to the user's home
