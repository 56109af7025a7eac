"""Backups from the window run off the GUI thread: the one asked for behind a progress
dialog, the automatic ones without any (the desk must not be stopped every five minutes)."""

from __future__ import annotations

import pytest
from helpers.events import make_event

from encounter_desk.desk import checkin
from encounter_desk.storage.database import open_database, sqlite_url
from encounter_desk.ui.widgets.long_job import ProgressDialog

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture
def window(qtbot, tmp_path, messages):
    from encounter_desk.ui.shell.app import create_main_window

    path = tmp_path / "event.sqlite"
    db = open_database(sqlite_url(path))
    codes = make_event(db, 3)
    db.close()
    window = create_main_window(sqlite_url(path), language="en", messages=messages)
    qtbot.addWidget(window)
    checkin.check_in(window.db, codes[0], desk="D")
    yield window
    window.close()


def test_the_automatic_backup_runs_off_the_gui_thread_without_a_dialog(qtbot, window,
                                                                        tmp_path):
    backups = window.backups
    with qtbot.waitSignal(backups.auto_jobs.ended):
        backups.timer.timeout.emit()
        assert backups.auto_jobs.busy  # started, not done in the tick itself
        backups.timer.timeout.emit()  # a second tick while the first runs starts nothing
    assert len(list((tmp_path / "backups").glob("event-*.sqlite"))) == 1
    assert not any(d.isVisible() for d in window.findChildren(ProgressDialog))


def test_a_refused_backup_reaches_the_message_bridge(qtbot, window, messages, tmp_path):
    before = (tmp_path / "event.sqlite").read_bytes()
    messages.save_paths.append(str(tmp_path / "event.sqlite"))  # the event file itself
    with qtbot.waitSignal(window.backups.jobs.ended):
        window.menus.back_up.trigger()
    assert messages.warnings()[-1] == ("The backup failed",
                                       "A backup cannot replace the event file itself.")
    assert (tmp_path / "event.sqlite").read_bytes() == before
    assert not window.backups.jobs.busy
