"""A scanner's burst lands on the scan path wherever the keyboard is in the app.

The bursts are key events a few (fake) milliseconds apart, sent to the widget that has the
keyboard — any focusable widget of the desk, an open menu, the door's combo list, the walk-in
form, the undo form — exactly as the window system would deliver them. Each must record one
verdict for the right person, create nobody, run no menu command and leave no trace.
"""

from __future__ import annotations

import datetime as dt

import pytest
import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLineEdit, QWidget
from sqlalchemy import func, select

from encounter_desk.core.clock import ManualClock
from encounter_desk.desk import badges, checkin
from encounter_desk.storage.models import Attendance, Participant, Scan, Sitting
from encounter_desk.ui.shell.app import create_main_window
from encounter_desk.ui.shell.scanner_bursts import BURST_GAP_MS

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints", "grabbing the keyboard",
                                                          "does not support raise")]

SCANNER_GAP = 0.004  # seconds between a scanner's keys
PERSON_GAP = 0.150  # between a person's


def _key(char: str) -> Qt.Key:
    return Qt.Key(ord(char.upper())) if char.isalnum() and char.isascii() else Qt.Key.Key_unknown


def press(target: QWidget, key: Qt.Key, text: str = "",
          modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyPress, key, modifiers, text))
    if shiboken6.isValid(target):  # a popup's list may be gone once Enter closed it
        QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyRelease, key, modifiers, text))


def keyboard_target() -> QWidget:
    """Where the window system delivers a key: the open popup, else the focused widget."""
    popup = QApplication.activePopupWidget()
    if popup is not None:
        return popup
    focus = QApplication.focusWidget()
    assert focus is not None
    return focus


def burst(clock: ManualClock, text: str, end: Qt.Key = Qt.Key.Key_Return,
          gap: float = SCANNER_GAP, target: QWidget | None = None) -> None:
    """What a scanner does: a key every few milliseconds, then the terminator."""
    for char in text:
        if char.isupper():  # a scanner holds Shift for a capital, as a US keyboard would
            press(target or keyboard_target(), Qt.Key.Key_Shift)
        press(target or keyboard_target(), _key(char), char)
        clock.advance(gap)
    press(target or keyboard_target(), end, "\r" if end != Qt.Key.Key_Tab else "\t")


@pytest.fixture
def room(qtbot, messages, event_db):
    clock = ManualClock()
    window = create_main_window(event_db.url, language="en", messages=messages)
    qtbot.addWidget(window)
    window.bursts.clock = lambda: clock.monotonic() * 1000
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    desk = window.show_workspace("desk")
    desk.clock = clock  # the record's time moves with the keys' (a double read is 2 s)
    verdicts: list[checkin.Verdict] = []
    desk.verdict_shown.connect(verdicts.append)
    commands: list[str] = []
    for action in window.menuBar().findChildren(type(window.menus.quit)):
        action.triggered.connect(lambda _c=False, a=action: commands.append(a.text()))
    with event_db.read() as session:
        people = {p.first_surname: p.id for p in session.scalars(select(Participant))}
    yield window, desk, clock, verdicts, commands, people
    messages.answer_yes = True
    window.close()  # before the database fixture drops the database


def _counts(db) -> tuple[int, int]:
    with db.read() as session:
        return (session.scalar(select(func.count()).select_from(Scan)),
                session.scalar(select(func.count()).select_from(Participant)))


def _focusable(desk: QWidget) -> list[QWidget]:
    widgets = [w for w in desk.findChildren(QWidget)
               if w.isVisible() and w.isEnabled()
               and w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.window() is desk.window()]
    assert len(widgets) >= 6  # scan field, search box and results, door, sound, buttons
    return widgets


def test_a_burst_into_every_focusable_widget_of_the_desk_is_one_scan(room, event_db):
    window, desk, clock, verdicts, commands, people = room
    code = badges.badge_code_for(event_db, people["Tremblay"])
    widgets = _focusable(desk)
    names = {w.objectName() for w in widgets}
    assert {"scanInput", "deskSearch", "deskSearchResults", "walkInButton"} <= names
    for widget in widgets:
        scans, made = _counts(event_db)
        texts = {w: w.text() for w in desk.findChildren(QLineEdit)}
        door = desk.door_box.currentIndex()
        widget.setFocus()
        burst(clock, code, target=widget)
        clock.advance(1)
        assert _counts(event_db) == (scans + 1, made), widget.objectName()
        assert verdicts[-1].participant is not None
        assert verdicts[-1].participant.id == people["Tremblay"], widget.objectName()
        assert {w: w.text() for w in desk.findChildren(QLineEdit)} == texts, widget.objectName()
        assert desk.door_box.currentIndex() == door
        assert desk.walk_in_dialog is None, widget.objectName()
        clock.advance(5)
    assert len(verdicts) == len(widgets)
    assert commands == []


def test_the_search_box_keeps_the_clerks_text_and_the_keyboard(room, event_db, qtbot):
    window, desk, clock, verdicts, commands, people = room
    field = desk.findChild(QLineEdit, "deskSearch")
    field.setFocus()
    for char in "gar":  # the clerk types, a person's pace
        press(field, _key(char), char)
        clock.advance(PERSON_GAP)
    burst(clock, badges.badge_code_for(event_db, people["Pérez"]))
    window.bursts.hand_back()
    assert field.text() == "gar"
    assert [v.participant.id for v in verdicts] == [people["Pérez"]]
    assert QApplication.focusWidget() is field
    assert commands == []


def test_a_persons_typing_reaches_the_field_as_typed(room, event_db):
    window, desk, clock, verdicts, _commands, _people = room
    field = desk.findChild(QLineEdit, "deskSearch")
    field.setFocus()
    for char in "Castañeda":
        press(field, _key(char), char)
        clock.advance(PERSON_GAP)
    window.bursts.hand_back_if_quiet()
    assert field.text() == "Castañeda"
    press(field, Qt.Key.Key_Return, "\r")  # Enter in the search box checks in the first found
    assert [v.participant.id for v in verdicts] == [_people["Castañeda"]]
    # Keys rolled together (a fast typist) are only held a moment, never lost.
    field.clear()
    for char in "Ruiz":
        press(field, _key(char), char)
        clock.advance(0.010)
    assert field.text() == ""  # held: it might be the start of a burst
    clock.advance(BURST_GAP_MS / 1000 + 0.01)
    window.bursts.hand_back_if_quiet()
    assert field.text() == "Ruiz"
    assert _counts(event_db)[0] == len(verdicts)


@pytest.mark.parametrize("end", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab])
def test_an_open_menu_runs_no_command_and_closes(room, event_db, qtbot, end):
    window, desk, clock, verdicts, commands, people = room
    menu = window.menus.file_menu
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is menu)
    # Q quits, E exports the template, O opens: every letter of the File menu.
    code = badges.badge_code_for(event_db, people["Castañeda"])
    burst(clock, code, end=end)
    assert commands == []
    assert window.isVisible()
    assert QApplication.activePopupWidget() is None
    assert [v.participant.id for v in verdicts] == [people["Castañeda"]]


def test_an_open_combo_list_keeps_its_choice(room, event_db, qtbot):
    window, desk, clock, verdicts, _commands, people = room
    combo: QComboBox = desk.door_box
    combo.setFocus()
    combo.showPopup()
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    burst(clock, badges.badge_code_for(event_db, people["Ñandú"]))
    assert QApplication.activePopupWidget() is None
    assert desk.door_sitting_id is None
    assert [v.participant.id for v in verdicts] == [people["Ñandú"]]


def test_the_walk_in_form_receives_nothing_and_saves_nobody(room, event_db, qtbot):
    window, desk, clock, verdicts, commands, people = room
    dialog = desk.start_walk_in()
    qtbot.waitExposed(dialog)
    fields = dialog.findChildren(QLineEdit)
    before = {f: f.text() for f in fields}
    scans, made = _counts(event_db)
    for field in (f for f in fields if f.isVisible()):
        field.setFocus()
        burst(clock, badges.badge_code_for(event_db, people["Álvarez"]), target=field)
        clock.advance(3)
    assert {f: f.text() for f in fields} == before
    assert dialog.isVisible()
    visible = sum(1 for f in fields if f.isVisible())
    assert _counts(event_db) == (scans + visible, made)
    assert {v.participant.id for v in verdicts} == {people["Álvarez"]}
    assert commands == []


def test_the_undo_form_keeps_its_reason_and_the_next_scans_land(room, event_db, qtbot):
    window, desk, clock, verdicts, _commands, people = room
    ana = people["Pérez"]
    desk.scan(badges.badge_code_for(event_db, ana))
    search = desk.search
    search.field.setText("Pérez")
    search.start_undo(0)
    reason = search.undo_reason
    assert reason.hasFocus() or QApplication.focusWidget() is reason
    press(reason, _key("x"), "x")
    clock.advance(PERSON_GAP)
    burst(clock, badges.badge_code_for(event_db, people["Tremblay"]), target=reason)
    window.bursts.hand_back()
    assert reason.text() == "x"
    assert verdicts[-1].participant.id == people["Tremblay"]
    # The undo itself: afterwards the next badge lands in the scan field.
    reason.setText("left the room")
    search.undo_confirm.click()
    assert QApplication.focusWidget() is desk.scan_field
    assert "undone" in desk.status.text()
    burst(clock, badges.badge_code_for(event_db, ana))
    assert verdicts[-1].participant.id == ana and verdicts[-1].kind.admitted


def test_quitting_with_an_event_open_asks_first(room, messages, qtbot):
    window, *_ = room
    messages.answer_yes = False
    window.menus.quit.trigger()
    assert window.isVisible()
    assert messages.kinds()[-1] == "ask"
    messages.answer_yes = True
    window.menus.quit.trigger()
    qtbot.waitUntil(lambda: not window.isVisible())


def test_short_runs_and_a_fast_typist_are_never_a_scan(room, event_db):
    window, desk, clock, verdicts, commands, _people = room
    field = desk.findChild(QLineEdit, "deskSearch")
    field.setFocus()
    burst(clock, "gar", target=field)  # three quick keys then Enter: a person
    assert field.text() == "gar"
    field.clear()
    for char in "Castañeda":  # a fast typist: 50 ms a key
        press(field, _key(char), char)
        clock.advance(0.050)
    window.bursts.hand_back_if_quiet()
    assert field.text() == "Castañeda"
    press(field, Qt.Key.Key_Return, "\r")  # Enter checks in the one found, as typed
    assert [(v.participant.id, v.source) for v in verdicts] == [(_people["Castañeda"], "search")]


def test_a_late_key_in_a_busy_laptop_keeps_the_burst_whole(room, event_db):
    window, desk, clock, verdicts, _commands, people = room
    code = badges.badge_code_for(event_db, people["Ñandú"])
    field = desk.findChild(QLineEdit, "deskSearch")
    field.setFocus()
    for number, char in enumerate(code):
        press(field, _key(char), char)
        clock.advance(0.060 if number in (3, 17) else SCANNER_GAP)  # two keys come late
    press(field, Qt.Key.Key_Return, "\r")
    assert field.text() == ""
    assert [v.participant.id for v in verdicts] == [people["Ñandú"]]
    assert isinstance(desk.findChild(QAbstractButton, "walkInButton"), QAbstractButton)


def test_in_setup_a_burst_selects_the_participant(room, event_db):
    window, _desk, clock, verdicts, commands, people = room
    setup = window.show_workspace("setup")
    setup.show_tab("event")
    focus = QApplication.focusWidget() or setup
    before = {w: w.text() for w in setup.findChildren(QLineEdit)}
    burst(clock, badges.badge_code_for(event_db, people["Tremblay"]), target=focus)
    assert setup.tabs.currentWidget() is setup.participants
    index = setup.participants.table.currentIndex()
    row = setup.participants.proxy.mapToSource(index).row()
    assert setup.participants.model.rows()[row].id == people["Tremblay"]
    assert {w: w.text() for w in setup.findChildren(QLineEdit)} == before
    assert verdicts == [] and commands == []
    assert window.tabs.currentWidget() is setup


def test_in_the_roll_call_a_burst_marks_the_person_present(room, event_db):
    window, _desk, clock, verdicts, commands, people = room
    with event_db.write() as session:
        session.add(Sitting(number=1, title_es="Apertura", title_en="Opening",
                            date=dt.date(2017, 9, 4), scheduled_start=dt.time(9, 0)))
    records = window.show_workspace("records")
    records.refresh()
    records.tabs.setCurrentWidget(records.attendance)
    assert records.sitting_id is not None
    burst(clock, badges.badge_code_for(event_db, people["Álvarez"]), target=records.attendance)
    with event_db.read() as session:
        marks = session.execute(select(Attendance.participant_id, Attendance.status)).all()
    assert marks == [(people["Álvarez"], "present")]
    assert window.tabs.currentWidget() is records and verdicts == [] and commands == []


def test_in_the_chair_a_burst_goes_to_finding_the_speaker(room, event_db, monkeypatch):
    window, _desk, clock, verdicts, commands, people = room
    chair = window.show_workspace("chair")
    added: list[str] = []
    monkeypatch.setattr(chair, "add_badge", added.append)  # what Ctrl+F and a scan call
    code = badges.badge_code_for(event_db, people["Pérez"])
    focus = QApplication.focusWidget() or chair
    burst(clock, code, target=focus)
    assert added == [code]
    assert window.tabs.currentWidget() is chair and verdicts == [] and commands == []
