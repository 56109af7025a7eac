"""The whole app fits a small screen: 1024 × 600, or 1366 × 768 at 125 % (1093 × 614)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from encounter_desk.ui.shell.app import create_main_window

pytestmark = pytest.mark.gui

SMALL = (1024, 600)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_window_with_every_workspace_open_fits_1024_by_600(qtbot, messages, event_db,
                                                                language):
    window = create_main_window(event_db.url, language=language, messages=messages)
    qtbot.addWidget(window)
    window.statusBar().showMessage("The server is not answering")  # the tallest case
    window.show()
    keys = [window.tabs.widget(n).KEY for n in range(window.tabs.count())]
    assert {"desk", "chair", "records", "setup"} <= set(keys)
    for key in keys:
        window.show_workspace(key)
        QApplication.processEvents()
    window.layout().activate()
    least = window.minimumSizeHint()
    assert least.width() <= SMALL[0] and least.height() <= SMALL[1], least
    window.resize(*SMALL)
    QApplication.processEvents()
    assert window.size().toTuple() == SMALL


def test_the_chair_top_bar_wraps_instead_of_widening_the_window(qtbot, messages, event_db):
    window = create_main_window(event_db.url, language="en", messages=messages)
    qtbot.addWidget(window)
    window.resize(1600, 900)
    window.show()
    chair = window.show_workspace("chair")
    QApplication.processEvents()
    one_line = chair.top.height()
    assert chair.top.projector_button.y() == chair.top.sitting_box.parentWidget().y()
    window.resize(*SMALL)
    QApplication.processEvents()
    assert chair.top.height() > one_line  # a second line
    for button in (chair.top.projector_button, chair.top.help_button, chair.top.times_button):
        inside = button.mapTo(window, button.rect().bottomRight())
        assert window.rect().contains(inside), button.objectName()


def test_the_statistics_tabs_are_all_reachable_without_arrows(qtbot, messages, event_db):
    window = create_main_window(event_db.url, language="es", messages=messages)
    qtbot.addWidget(window)
    window.resize(*SMALL)
    window.show()
    chair = window.show_workspace("chair")
    QApplication.processEvents()
    bar = chair.stats.tabBar()
    assert not chair.stats.usesScrollButtons()
    for index in range(bar.count()):
        assert bar.rect().contains(bar.tabRect(index)), index
        assert bar.tabToolTip(index) == chair.stats.tabText(index)


def test_names_elide_in_the_middle_with_the_whole_name_in_a_tooltip(qtbot, messages, event_db):
    window = create_main_window(event_db.url, language="en", messages=messages)
    qtbot.addWidget(window)
    chair = window.show_workspace("chair")
    assert chair.queue.textElideMode() == Qt.TextElideMode.ElideMiddle
    assert chair.stats.people_view.textElideMode() == Qt.TextElideMode.ElideMiddle
    assert chair.add_panel.results.textElideMode() == Qt.TextElideMode.ElideMiddle


@pytest.mark.parametrize(("keys", "modifier", "expected"), [
    (Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier, 1),
    (Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier, 2),
    (Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier, 3),
    (Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier, 1),
    (Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier, 1),
    (Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier, -1),
])
def test_workspace_keys_work_from_the_desk_scan_field(qtbot, messages, event_db, keys, modifier,
                                                      expected):
    window = create_main_window(event_db.url, language="en", messages=messages)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    desk = window.show_workspace("desk")
    assert window.tabs.currentIndex() == 0
    desk.scan_field.setFocus()
    assert QApplication.focusWidget() is desk.scan_field
    qtbot.keyClick(desk.scan_field, keys, modifier)
    assert window.tabs.currentIndex() == expected % window.tabs.count()
    assert window.tabs.currentWidget().KEY != "desk"
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_1,
                   Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget().KEY == "desk"
