"""Kiosk mode: only the desk is reachable; leaving it (or closing the app) takes the PIN."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers.messages import RecordingMessages
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from encounter_desk.event import event as events
from encounter_desk.event import kiosk_pin as kiosk
from encounter_desk.storage.database import sqlite_url
from encounter_desk.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, tmp_path):
    from encounter_desk.storage.database import open_database

    path = tmp_path / "kiosk.sqlite"
    db = open_database(sqlite_url(path))
    events.create_event(db, events.EventDetails(
        code="K", name_es="Encuentro", name_en="Encounter",
        start_date=dt.date(2017, 9, 4), end_date=dt.date(2017, 9, 6)))
    db.close()
    messages = RecordingMessages()
    win = MainWindow(messages=messages)
    # pytest-qt closes its widgets before fixtures end: leave kiosk mode first, as a
    # supervisor would, or the close would (rightly) be refused.
    qtbot.addWidget(win, before_close_func=lambda w: w.kiosk._unlock())
    win.show()
    assert win.open_url(sqlite_url(path))
    win.messages_log = messages
    yield win


def test_kiosk_needs_a_pin_set_in_setup(window):
    assert window.kiosk.enter() is False
    assert not window.kiosk.active
    assert "PIN" in window.messages_log.warnings()[-1][0]
    assert window.tabs.tabBar().isVisible()


def test_setup_sets_the_pin_and_names_the_desk(window, qtbot):
    setup = window.show_workspace("setup")
    tab = setup.desk_tab
    tab.pin_edit.setText("2468")
    tab.pin_repeat.setText("2460")
    tab.set_pin_button.click()
    assert "differ" in tab.status.text()
    assert not kiosk.has_pin(window.db)
    tab.pin_edit.setText("2468")
    tab.pin_repeat.setText("2468")
    tab.set_pin_button.click()
    assert kiosk.check_pin(window.db, "2468")
    tab.name_edit.setText("Mesa 3 — Puerta Norte")
    tab.save_name_button.click()
    desk = window.workspace("desk")
    assert desk.desk_name == "Mesa 3 — Puerta Norte"


def test_in_kiosk_mode_only_the_desk_is_reachable_until_the_pin(window, qtbot):
    kiosk.set_pin(window.db, "2468")
    window.show_workspace("setup")
    window.menus.kiosk.trigger()
    assert window.kiosk.active
    desk = window.workspace("desk")
    assert window.tabs.currentWidget() is desk
    assert not window.tabs.tabBar().isVisible()
    assert not window.menuBar().isVisible()
    # Another tab cannot be reached, even programmatically through the tab widget.
    window.tabs.setCurrentIndex(window.tabs.indexOf(window.workspace("setup")))
    assert window.tabs.currentWidget() is desk
    # Closing the window is refused and asks for the PIN instead.
    window.close()
    assert window.isVisible()
    dialog = window.kiosk.dialog
    assert dialog is not None and dialog.isVisible()
    pin = dialog.findChild(QLineEdit, "kioskPinInput")
    qtbot.keyClicks(pin, "1111")
    qtbot.keyClick(pin, Qt.Key.Key_Return)
    assert window.kiosk.active
    assert "not the PIN" in dialog.error.text()
    qtbot.keyClicks(pin, "2468")
    qtbot.keyClick(pin, Qt.Key.Key_Return)
    assert not window.kiosk.active
    assert window.tabs.tabBar().isVisible() and window.menuBar().isVisible()
    window.show_workspace("setup")
    assert window.tabs.currentWidget() is window.workspace("setup")


def test_leave_button_asks_for_the_pin(window, qtbot):
    kiosk.set_pin(window.db, "97531")
    assert window.kiosk.enter()
    button = window.findChild(QWidget, "leaveKioskButton")
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = window.kiosk.dialog
    assert dialog.isVisible()
    dialog.reject()
    assert window.kiosk.active


def test_wrong_pins_lock_the_dialog_for_a_while(window, qtbot):
    from encounter_desk.core.clock import ManualClock

    clock = ManualClock()
    window.kiosk.monotonic = clock.monotonic
    kiosk.set_pin(window.db, "2468")
    assert window.kiosk.enter()
    window.kiosk.request_leave()
    dialog = window.kiosk.dialog
    pin = dialog.findChild(QLineEdit, "kioskPinInput")
    for _ in range(kiosk.FREE_TRIES):
        qtbot.keyClicks(pin, "1111")
        qtbot.keyClick(pin, Qt.Key.Key_Return)
    qtbot.keyClicks(pin, "2468")
    qtbot.keyClick(pin, Qt.Key.Key_Return)
    assert window.kiosk.active  # locked: the right PIN must wait
    assert "Try again in 30 seconds" in dialog.error.text()
    clock.advance(30)
    qtbot.keyClicks(pin, "2468")
    qtbot.keyClick(pin, Qt.Key.Key_Return)
    assert not window.kiosk.active
