"""The app's log file: readable by its owner only, and no password in it."""

from __future__ import annotations

import logging
import stat

import pytest

from encounter_desk.ui.shell import logs

SECRET = "Sekret-Peña-7"


@pytest.fixture
def app_log():
    root = logging.getLogger()
    before = list(root.handlers)
    path = logs.setup_logging()
    yield path
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()


def test_the_log_file_is_private_and_masks_passwords(app_log):
    logging.getLogger("encounter_desk.ui.shell.main_window").warning(
        "could not open %s: %s", f"postgresql+psycopg://desk:{SECRET}@10.0.0.5/event", "gone")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert stat.S_IMODE(app_log.stat().st_mode) == 0o600
    text = app_log.read_text(encoding="utf-8")
    assert "desk:***@10.0.0.5" in text and SECRET not in text


def test_an_older_world_readable_log_is_made_private(tmp_path):
    from encounter_desk.core import config

    path = config.log_dir() / logs.LOG_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("old line\n")
    path.chmod(0o644)
    handler = logs.PrivateRotatingFileHandler(path, maxBytes=100, backupCount=2)
    try:
        handler.emit(logging.LogRecord("x", logging.INFO, __file__, 1, "x" * 200, None, None))
        handler.emit(logging.LogRecord("x", logging.INFO, __file__, 1, "y" * 200, None, None))
    finally:
        handler.close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    rotated = path.with_name(path.name + ".1")
    assert rotated.exists() and stat.S_IMODE(rotated.stat().st_mode) == 0o600
