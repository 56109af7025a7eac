"""The reason of a point of order at the chair's table: chosen before Enter, given or
corrected later (Ctrl+Shift+M, the list's menu), seen in the list, on the floor panel and,
as one word, on the room screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from encounter_desk.chair.clock import ClockState, Phase
from encounter_desk.storage.models import SpeechKind
from encounter_desk.ui.chair.point_reason_form import PointReasonDialog
from encounter_desk.ui.chair.projector import projector_content
from encounter_desk.ui.chair.queue_model import COL_NOTE

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints", "raise")]

POO = SpeechKind.POINT_OF_ORDER
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def choose(qtbot, combo, value: str) -> None:
    """Pick ``value`` from a combo with the keyboard, as a chair would (Up or Down)."""
    combo.setFocus()
    target = combo.findData(value)
    assert target >= 0, f"{value} is not in the list"
    while combo.currentIndex() != target:
        step = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        qtbot.keyClick(combo, step)


def test_the_reason_is_chosen_in_the_add_panel_before_enter(room, chair, qtbot):
    panel = chair.add_panel
    fields = panel.reason_fields
    assert panel.answer_or_reason.currentWidget() is panel.answer_box  # a statement
    qtbot.keyClick(chair.queue, Qt.Key.Key_F9)
    assert panel.answer_or_reason.currentWidget() is fields
    assert panel.answer_label.text() == "Reason"
    assert not fields.text.isEnabled()  # "not stated yet" takes no words
    qtbot.keyClicks(panel.search, "tremblay")
    choose(qtbot, fields.reason_box, "quorum")
    assert fields.text.isEnabled()
    fields.text.setFocus()
    qtbot.keyClicks(fields.text, "la votacion se tomo sin quorum")  # QTest types ASCII only
    qtbot.keyClick(fields.text, Qt.Key.Key_Return)  # Enter in the words adds, too
    [entry] = room.snapshot().waiting
    assert (entry.name, entry.kind, entry.reason, entry.reason_text) == (
        "Patricia Tremblay", POO, "quorum", "la votacion se tomo sin quorum")
    note = chair.queue_model.index(0, COL_NOTE)
    assert "Quorum — la votacion" in note.data()
    assert "Reason: Quorum — la votacion se tomo sin quorum" in note.data(
        Qt.ItemDataRole.ToolTipRole)
    # the panel is ready for the next one: a statement, no reason left over
    assert panel.kind() == SpeechKind.STATEMENT and fields.value() == ("", "")


def test_other_without_words_is_refused_and_nothing_typed_is_lost(room, chair, qtbot):
    panel = chair.add_panel
    qtbot.keyClick(chair.queue, Qt.Key.Key_F9)
    qtbot.keyClicks(panel.search, "tremblay")
    choose(qtbot, panel.reason_fields.reason_box, "other")
    assert panel.reason_fields.text.placeholderText() == "Say which, in a few words"
    qtbot.keyClick(panel.reason_fields.text, Qt.Key.Key_Return)
    assert room.waiting() == []
    assert "needs a few words" in room.messages.warnings()[-1][1]
    assert panel.search.text() == "tremblay" and panel.kind() == POO
    qtbot.keyClicks(panel.reason_fields.text, "las luces de la sala")
    qtbot.keyClick(panel.reason_fields.text, Qt.Key.Key_Return)
    assert [(e.reason, e.reason_text) for e in room.snapshot().waiting] == [
        ("other", "las luces de la sala")]


def test_the_words_field_holds_two_hundred_characters(chair):
    assert chair.add_panel.reason_fields.text.maxLength() == 200


@pytest.mark.qt_log_ignore("propagateSizeHints", "raise", "grabbing the keyboard")
def test_a_point_heard_at_once_gets_its_reason_with_ctrl_shift_m(room, chair, qtbot):
    room.add("ana")
    chair.reload()
    chair.next_speaker()
    qtbot.keyClick(chair.queue, Qt.Key.Key_F9)
    qtbot.keyClicks(chair.add_panel.search, "tremblay")
    qtbot.keyClick(chair.add_panel.search, Qt.Key.Key_Return)
    panel = chair.current_panel
    assert room.snapshot().current.entry.kind == POO
    assert panel.reason_button.isVisible() and panel.reason_button.isEnabled()
    assert panel.reason.full_text == "Reason not stated yet"
    assert "(Ctrl+Shift+M)" in panel.reason_button.text()

    qtbot.keyClick(chair.queue, Qt.Key.Key_M, CTRL_SHIFT)
    dialog = chair.requests.reason_dialog
    assert isinstance(dialog, PointReasonDialog) and dialog.isVisible()
    assert dialog.findChild(QLabel, "pointSpeaker").text() == "Hon. Patricia Tremblay"
    choose(qtbot, dialog.fields.reason_box, "other")
    qtbot.keyClick(dialog.fields.reason_box, Qt.Key.Key_Return)  # OK with no words
    assert dialog.isVisible() and "needs a few words" in dialog.error.text()
    assert room.snapshot().current.entry.reason == ""  # nothing written
    choose(qtbot, dialog.fields.reason_box, "interpretation")
    dialog.fields.text.setFocus()
    dialog.fields.text.insert("sin interpretación al francés")  # QTest types ASCII only
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.fields.text, Qt.Key.Key_Return)
    current = room.snapshot().current.entry
    assert (current.reason, current.reason_text) == (
        "interpretation", "sin interpretación al francés")
    assert panel.reason.full_text == "Interpretation — sin interpretación al francés"
    assert panel.reason.toolTip() == panel.reason.full_text

    # the room sees the reason's word, never the chair's own words
    reading = ClockState(phase=Phase.RUNNING, elapsed=5, limit_seconds=60, warning_seconds=30)
    content = projector_content(room.snapshot(), reading, "es")
    assert content.kind == "Moción de orden (interpretación)"
    # a statement on the floor has no reason button, and the key does nothing
    qtbot.keyClick(chair.queue, Qt.Key.Key_F8)
    assert room.snapshot().current.entry.kind == SpeechKind.STATEMENT
    assert not panel.reason_button.isVisible() and panel.reason.full_text == ""
    chair.requests.reason_dialog = None
    qtbot.keyClick(chair.queue, Qt.Key.Key_M, CTRL_SHIFT)
    assert chair.requests.reason_dialog is None


@pytest.mark.qt_log_ignore("propagateSizeHints", "raise", "grabbing the keyboard")
def test_the_list_menu_gives_a_waiting_point_its_reason(room, chair, qtbot):
    room.add("ana")
    room.add("jorge", kind=POO)
    chair.reload()
    statement = chair.queue.visualRect(chair.queue_model.index(1, 0)).center()
    menu = chair.requests.show_menu(statement)
    reason = next(a for a in menu.actions() if a.text() == "Reason of the point of order…")
    assert not reason.isEnabled()  # Ana waits for a statement
    menu.close()
    point = chair.queue.visualRect(chair.queue_model.index(0, 0)).center()
    menu = chair.requests.show_menu(point)
    reason = next(a for a in menu.actions() if a.text() == "Reason of the point of order…")
    assert reason.isEnabled()
    reason.trigger()
    menu.close()
    dialog = chair.requests.reason_dialog
    choose(qtbot, dialog.fields.reason_box, "time")
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert room.snapshot().waiting[0].reason == "time"
    assert chair.queue_model.index(0, COL_NOTE).data().endswith("Time")


def test_the_floor_panel_fits_a_small_screen_with_a_long_reason(room, chair, qtbot):
    room.add("ana")
    room.add("patricia", kind=POO, reason="procedure", reason_text="x" * 200)
    chair.reload()
    chair.next_speaker()
    chair.window().resize(1024, 600)
    QApplication.processEvents()
    panel = chair.current_panel
    assert panel.reason.toolTip().endswith("x" * 200)
    assert panel.reason.text().endswith("…")  # elided, the whole text in the tooltip
    assert panel.minimumSizeHint().width() <= panel.width()
    button = panel.reason_button
    assert panel.rect().contains(button.mapTo(panel, button.rect().bottomRight()))


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_reason_fits_the_room_screen_kind_tag(qapp, lang):
    """The tag is drawn at 40 px bold in the speaker's column, 1100 px of the 1920 canvas."""
    from PySide6.QtGui import QFont, QFontMetrics

    from encounter_desk.chair.point_reasons import point_of_order_heading
    from encounter_desk.storage.models import PointReason

    font = QFont()
    font.setBold(True)
    font.setPixelSize(40)
    metrics = QFontMetrics(font)
    for reason in PointReason:
        label = f"!  {point_of_order_heading(reason, lang)}".upper()
        assert metrics.horizontalAdvance(label) + 60 <= 1100, label
