"""Ctrl-C in the terminal closes the app cleanly: the window closes and the event with it."""

from __future__ import annotations

import datetime as dt
import signal

import pytest

from encounter_desk.event import event as events
from encounter_desk.storage import in_use
from encounter_desk.storage.database import open_database, sqlite_url
from encounter_desk.ui.shell.app import close_on_interrupt
from encounter_desk.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.gui


class Quiet:
    def warn(self, *args, **kwargs):  # noqa: ANN002, ANN003
        pass

    def inform(self, *args, **kwargs):  # noqa: ANN002, ANN003
        pass


def test_ctrl_c_closes_the_window_and_the_event(qtbot, tmp_path):
    path = tmp_path / "e.sqlite"
    db = open_database(sqlite_url(path))
    events.create_event(db, events.EventDetails(
        code="INT", name_es="E", name_en="E",
        start_date=dt.date(2017, 9, 4), end_date=dt.date(2017, 9, 6)))
    db.close()
    window = MainWindow(messages=Quiet())
    qtbot.addWidget(window)
    window.show()
    assert window.open_url(sqlite_url(path))
    assert in_use.folder(path).is_dir() and len(list(in_use.folder(path).iterdir())) == 2
    before = signal.getsignal(signal.SIGINT)
    try:
        timer = close_on_interrupt(window)
        assert timer.isActive()
        handler = signal.getsignal(signal.SIGINT)
        handler(signal.SIGINT, None)  # what the interpreter runs on Ctrl-C
    finally:
        signal.signal(signal.SIGINT, before)
    assert not window.isVisible()
    assert window.db is None
    assert [p.name for p in in_use.folder(path).iterdir()] == ["gate"]  # lease released
