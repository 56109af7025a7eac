"""Setup → This desk: the room's screen is chosen here and kept on this laptop."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication

from encounter_desk.ui.chair import room_screen
from encounter_desk.ui.setup.room_screen_box import RoomScreenBox

pytestmark = pytest.mark.gui


def test_the_choice_lists_automatic_and_every_named_screen(qtbot):
    box = RoomScreenBox()
    qtbot.addWidget(box)
    names = [box.choice.itemData(n) for n in range(box.choice.count())]
    named = [s.name() for s in QGuiApplication.screens() if s.name()]
    assert names == [room_screen.AUTOMATIC, *named]
    assert box.choice.currentIndex() == 0  # automatic until chosen


def test_a_chosen_screen_that_is_unplugged_stays_chosen(qtbot):
    room_screen.save_choice("DISPLAY9")
    box = RoomScreenBox()
    qtbot.addWidget(box)
    assert box.choice.currentData() == "DISPLAY9"
    assert box.choice.currentText() == "DISPLAY9 (not connected now)"
    box.choice.setCurrentIndex(0)
    box.choice.activated.emit(0)  # the clerk picks "automatic"
    assert room_screen.saved_choice() == room_screen.AUTOMATIC
    again = RoomScreenBox()  # the next start of the app on this laptop
    qtbot.addWidget(again)
    assert again.choice.currentIndex() == 0


def test_the_setup_desk_tab_holds_the_choice(qtbot, messages, event_db):
    from encounter_desk.ui.shell.app import create_main_window

    window = create_main_window(event_db.url, language="en", messages=messages)
    qtbot.addWidget(window)
    setup = window.show_workspace("setup")
    assert setup.findChild(RoomScreenBox) is not None
