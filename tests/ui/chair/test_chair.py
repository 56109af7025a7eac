"""The Chair workspace driven like a chair would: buttons, keys, the add field, a badge.

Fake wall and monotonic clocks (tests/helpers/chair_room.py): the tests move them and tick
the faces by hand; nothing sleeps.
"""

from __future__ import annotations

import re

import pytest
from helpers import REPO
from helpers.chair_room import ChairRoom
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from encounter_desk.chair import commands as speakers
from encounter_desk.storage.models import SpeechKind, SpeechState
from encounter_desk.ui.chair import looks
from encounter_desk.ui.chair.shortcuts import SHORTCUTS

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints", "raise")]

ROOT = REPO


def face(ws) -> tuple[str, str]:
    ws.floor.tick()
    return ws.clock_widget.text, ws.clock_widget.look


def key(qtbot, ws, k, modifier=Qt.KeyboardModifier.NoModifier, widget=None) -> None:
    qtbot.keyClick(widget or ws.queue, k, modifier)


def on_floor(room):
    current = room.snapshot().current
    return (current.entry.name, current.entry.state) if current is not None else None


# --- adding speakers ---------------------------------------------------------------------

def test_add_by_typing_a_name_without_accents(room, chair, qtbot):
    field: QLineEdit = chair.findChild(QLineEdit, "speakerSearch")
    field.setFocus()
    qtbot.keyClicks(field, "nunez")
    assert chair.add_panel.results.count() == 1
    assert "Ana Lucía Pérez Núñez" in chair.add_panel.results.item(0).text()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert room.waiting() == ["Ana Lucía Pérez Núñez"]
    assert chair.queue_model.rowCount() == 1
    assert field.text() == "" and field.hasFocus()


def test_typo_and_picking_by_delegation(room, chair, qtbot):
    field = chair.add_panel.search
    qtbot.keyClicks(field, "castaneda ruis")  # no accent, a typo
    assert chair.add_panel.selected_person() == room.p["jorge"]
    field.clear()
    panel = chair.add_panel
    panel.delegation.setCurrentIndex(panel.delegation.findData(room.delegation["PA"]))
    panel.delegation.activated.emit(panel.delegation.currentIndex())
    assert [panel.results.item(n).data(Qt.ItemDataRole.UserRole)
            for n in range(panel.results.count())] == [room.p["itzel"]]
    qtbot.mouseClick(chair.findChild(QWidget, "addSpeakerButton"), Qt.MouseButton.LeftButton)
    assert room.waiting() == ["Itzel Ñandú"]


def test_add_by_scanning_a_badge(room, chair, qtbot):
    field = chair.add_panel.search
    qtbot.keyClicks(field, room.badge("rosa"))
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert room.waiting() == ["Rosa Álvarez"]
    assert room.messages.said == []
    # a damaged code is refused with a sentence, nothing added
    code = room.badge("ana")
    damaged = code[:-1] + ("A" if code[-1] != "A" else "B")
    qtbot.keyClicks(field, damaged)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert room.waiting() == ["Rosa Álvarez"]
    assert room.messages.said and "badge" in room.messages.said[-1][2]


def test_closed_list_refuses_statements_with_a_message(room, chair, qtbot):
    toggle = chair.findChild(QWidget, "listClosedToggle")
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert room.snapshot().closed and toggle.isChecked()
    chair.add_person(room.p["ana"])
    assert room.waiting() == []
    assert "closed" in room.messages.said[-1][2]
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert not room.snapshot().closed
    chair.add_person(room.p["ana"])
    assert room.waiting() == ["Ana Lucía Pérez Núñez"]


# --- the floor -----------------------------------------------------------------------------

def test_start_pause_resume_end_and_add_time(room, chair, qtbot):
    room.add("ana")
    room.add("jorge")
    chair.reload()
    assert face(chair) == ("3:00", looks.IDLE)  # the next speaker's time, ready
    qtbot.mouseClick(chair.findChild(QWidget, "nextSpeakerButton"), Qt.MouseButton.LeftButton)
    assert on_floor(room) == ("Ana Lucía Pérez Núñez", SpeechState.SPEAKING)
    room.time.advance(20)
    assert face(chair) == ("2:40", looks.NORMAL)

    key(qtbot, chair, Qt.Key.Key_F6)  # pause
    assert on_floor(room)[1] == SpeechState.PAUSED
    room.time.advance(300)  # a long pause counts nothing
    assert face(chair) == ("2:40", looks.PAUSED)
    assert chair.pause_button.text().startswith("Resume")
    key(qtbot, chair, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # resume
    room.time.advance(10)
    assert face(chair) == ("2:30", looks.NORMAL)

    key(qtbot, chair, Qt.Key.Key_F7)  # +30 s
    assert face(chair) == ("3:00", looks.NORMAL)
    key(qtbot, chair, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)  # -30 s
    assert face(chair) == ("2:30", looks.NORMAL)

    key(qtbot, chair, Qt.Key.Key_F8)  # end
    assert room.snapshot().current is None
    done = room.snapshot().done[0]
    assert done.name == "Ana Lucía Pérez Núñez" and done.duration_text == "0:30"
    assert face(chair) == ("3:00", looks.IDLE)  # Jorge's time, ready

    key(qtbot, chair, Qt.Key.Key_F5)  # next by key
    assert on_floor(room) == ("Jorge Castañeda Ruiz", SpeechState.SPEAKING)


def test_clock_colours_normal_warning_overtime_and_paused(room, chair, qtbot):
    room.add("ana")
    chair.reload()
    chair.next_speaker()
    room.time.advance(149)
    assert face(chair) == ("0:31", looks.NORMAL)
    room.time.advance(1)
    assert face(chair) == ("0:30", looks.WARNING)
    room.time.advance(29.5)
    assert face(chair) == ("0:01", looks.WARNING)
    room.time.advance(0.5)
    assert face(chair) == ("+0:00", looks.OVERTIME)
    room.time.advance(12)
    assert face(chair) == ("+0:12", looks.OVERTIME)
    assert chair.clock_widget.caption() == "Time is up"  # the room screen's word too
    chair.toggle_pause()
    room.time.advance(60)
    assert face(chair) == ("+0:12", looks.PAUSED)
    assert chair.clock_widget.caption() == "Paused"
    # the face is painted in the colour of its look
    image = chair.clock_widget.grab().toImage()
    assert image.pixelColor(8, image.height() // 2).name() == looks.CLOCK_LOOKS[looks.PAUSED].background


def test_stopwatch_when_the_kind_has_no_limit(room, chair):
    speakers.set_list_times(room.db, room.sitting, room.item, statement=0)
    room.add("ana")
    chair.reload()
    chair.next_speaker()
    room.time.advance(75)
    assert face(chair) == ("1:15", looks.STOPWATCH)


def test_sounds_at_the_warning_and_at_zero_only_when_enabled(room, chair):
    room.add("ana")
    chair.reload()
    chair.next_speaker()
    face(chair)
    room.time.advance(155)  # into the warning, sound off
    face(chair)
    assert room.sounds.beeps == 0
    chair.sound_box.setChecked(True)
    room.time.advance(30)  # past zero: a double beep
    face(chair)
    assert room.sounds.beeps == 2
    room.time.advance(5)
    face(chair)
    assert room.sounds.beeps == 2  # once per moment


def test_point_of_order_goes_first_and_pauses_the_speaker(room, chair, qtbot):
    room.add("ana")
    room.add("jorge")
    chair.reload()
    chair.next_speaker()
    room.time.advance(40)
    key(qtbot, chair, Qt.Key.Key_F9)  # point of order: the add field, kind chosen
    assert chair.add_panel.kind() == SpeechKind.POINT_OF_ORDER
    assert chair.add_panel.search.hasFocus()
    qtbot.keyClicks(chair.add_panel.search, "tremblay")
    qtbot.keyClick(chair.add_panel.search, Qt.Key.Key_Return)
    snapshot = room.snapshot()
    assert snapshot.current.entry.name == "Patricia Tremblay"
    assert snapshot.current.entry.kind == SpeechKind.POINT_OF_ORDER
    assert snapshot.current.interrupted.name == "Ana Lucía Pérez Núñez"
    assert snapshot.current.interrupted.state == SpeechState.PAUSED
    assert face(chair) == ("1:00", looks.NORMAL)
    assert chair.current_panel.kind_tag.text().endswith("Point of order")
    room.time.advance(25)
    key(qtbot, chair, Qt.Key.Key_F8)  # the point of order ends; Ana resumes
    assert on_floor(room) == ("Ana Lucía Pérez Núñez", SpeechState.SPEAKING)
    assert face(chair) == ("2:20", looks.NORMAL)  # 40 s spoken, the 25 s not counted
    assert room.waiting() == ["Jorge Castañeda Ruiz"]


def test_right_of_reply_waits_right_after_the_speech_it_answers(room, chair, qtbot):
    room.add("ana")
    room.add("jorge")
    room.add("rosa")
    chair.reload()
    chair.next_speaker()
    key(qtbot, chair, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert chair.add_panel.kind() == SpeechKind.RIGHT_OF_REPLY
    qtbot.keyClicks(chair.add_panel.search, "itzel")
    qtbot.keyClick(chair.add_panel.search, Qt.Key.Key_Return)
    waiting = room.snapshot().waiting
    assert [e.name for e in waiting] == ["Itzel Ñandú", "Jorge Castañeda Ruiz", "Rosa Álvarez"]
    assert waiting[0].kind == SpeechKind.RIGHT_OF_REPLY
    assert waiting[0].replies_to_name == "Dip. Ana Lucía Pérez Núñez"
    assert chair.add_panel.kind() == SpeechKind.STATEMENT  # back to statements
    assert chair.queue_model.entry(0).kind == SpeechKind.RIGHT_OF_REPLY
    # the reply's own shorter time
    key(qtbot, chair, Qt.Key.Key_F5)
    assert face(chair) == ("1:30", looks.NORMAL)


def test_reorder_by_keyboard_withdraw_and_readd(room, chair, qtbot):
    for who in ("ana", "jorge", "rosa"):
        room.add(who)
    chair.reload()
    chair.queue.setFocus()
    chair.queue.select_speech(chair.queue_model.entry(2).id)  # Rosa
    key(qtbot, chair, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert room.waiting() == ["Ana Lucía Pérez Núñez", "Rosa Álvarez", "Jorge Castañeda Ruiz"]
    key(qtbot, chair, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert room.waiting() == ["Rosa Álvarez", "Ana Lucía Pérez Núñez", "Jorge Castañeda Ruiz"]
    assert chair.queue_model.entry(chair.queue.currentIndex().row()).name == "Rosa Álvarez"
    key(qtbot, chair, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert room.waiting()[1] == "Rosa Álvarez"
    key(qtbot, chair, Qt.Key.Key_Delete)
    assert room.waiting() == ["Ana Lucía Pérez Núñez", "Jorge Castañeda Ruiz"]
    assert [e.name for e in room.snapshot().withdrawn] == ["Rosa Álvarez"]
    key(qtbot, chair, Qt.Key.Key_R,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)  # re-add
    assert room.waiting() == ["Rosa Álvarez", "Ana Lucía Pérez Núñez", "Jorge Castañeda Ruiz"]


def test_drag_and_drop_reorders_through_the_model(room, chair):
    for who in ("ana", "jorge", "rosa"):
        room.add(who)
    chair.reload()
    model = chair.queue_model
    data = model.mimeData([model.index(0, 0)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, model.index(-1, -1)) is False
    assert room.waiting() == ["Jorge Castañeda Ruiz", "Rosa Álvarez", "Ana Lucía Pérez Núñez"]


def test_current_speech_panel_language_summary_first_speech_and_budget(room, chair, qtbot):
    speakers.set_budget(room.db, room.sitting, room.item, room.delegation["SV"], 240)
    room.add("ana")
    chair.reload()
    chair.next_speaker()
    panel = chair.current_panel
    assert panel.speaker.text() == "Dip. Ana Lucía Pérez Núñez"
    assert panel.first_marker.text() == "★ First speech"
    assert panel.kind_tag.text().endswith("Statement")
    room.time.advance(60)
    chair.floor.tick()
    assert panel.budget.text() == "Delegation time left: 3:00"
    panel.language.setCurrentIndex(panel.language.findData("en"))
    panel.language.activated.emit(panel.language.currentIndex())
    panel.summary.setText("Pide   una hoja de ruta.")
    qtbot.mouseClick(panel.save_summary, Qt.MouseButton.LeftButton)
    entry = room.snapshot().current.entry
    assert (entry.language, entry.summary) == ("en", "Pide una hoja de ruta.")
    chair.end_speech()
    assert panel.title() == "Last speech"  # the secretary can still finish the summary
    assert panel.summary.text() == "Pide una hoja de ruta."


def test_speaking_totals_of_the_day(room, chair):
    room.add("ana")
    room.add("jorge")
    chair.reload()
    chair.next_speaker()
    room.time.advance(65)
    chair.next_speaker()
    room.time.advance(30)
    chair.end_speech()
    people = {r.label(): (r.speeches, round(r.seconds)) for r in chair.stats.people.rows}
    assert people == {"Dip. Ana Lucía Pérez Núñez": (1, 65), "Sen. Jorge Castañeda Ruiz": (1, 30)}
    assert [chair.stats.people.data(chair.stats.people.index(n, 2)) for n in (0, 1)] == [
        "0:30", "1:05"]  # Castañeda before Pérez
    assert {r.label(): r.speeches for r in chair.stats.delegations.rows} == {
        "El Salvador": 1, "Mexico": 1}


def test_speaking_times_dialog_sets_kinds_and_budgets(room, chair):
    chair.open_times()
    dialog = chair.times_dialog
    assert dialog is not None and dialog.isVisible()
    from PySide6.QtCore import QTime

    dialog.from_sitting.setChecked(False)
    dialog.edits[SpeechKind.STATEMENT].setTime(QTime(0, 4, 0))
    dialog.edits[SpeechKind.RIGHT_OF_REPLY].setTime(QTime(0, 1, 0))
    dialog.budget_edits[room.delegation["MX"]].setTime(QTime(0, 10, 0))
    dialog.accept()
    settings = room.snapshot().settings
    assert settings.limits[SpeechKind.STATEMENT] == 240
    assert settings.limits[SpeechKind.RIGHT_OF_REPLY] == 60
    assert [(b.delegation_code, b.seconds) for b in room.snapshot().budgets] == [("MX", 600)]


def test_refused_action_says_why_and_changes_nothing(room, chair):
    chair.next_speaker()  # nobody waiting: the button is disabled, a key still may try
    assert room.messages.said[-1][2] == "Nobody is waiting to speak on this list."
    assert room.snapshot().current is None


# --- keys ------------------------------------------------------------------------------------

def test_shortcuts_fire_only_inside_the_chair_workspace(room, qtbot):
    room.add("ana")
    host = QWidget()
    other = QLineEdit()  # another workspace's field, in the same window
    layout = QVBoxLayout(host)
    layout.addWidget(other)
    ws = room.workspace()
    layout.addWidget(ws)
    qtbot.addWidget(host)
    host.show()
    with qtbot.waitActive(host):
        host.activateWindow()
    other.setFocus()
    qtbot.keyClick(other, Qt.Key.Key_F5)
    assert room.snapshot().current is None
    ws.queue.setFocus()
    qtbot.keyClick(ws.queue, Qt.Key.Key_F5)
    assert room.snapshot().current.entry.name == "Ana Lucía Pérez Núñez"


def test_help_overlay_lists_every_shortcut(room, chair, qtbot):
    assert not chair.help.isVisible()
    key(qtbot, chair, Qt.Key.Key_F1)
    assert chair.help.isVisible()
    assert chair.help.geometry() == chair.rect()
    lines = chair.help.lines()
    assert [text for _keys, text in lines] == [s.description() for s in SHORTCUTS]
    keys = " ".join(k for k, _text in lines)
    for expected in ("F5", "F6", "F7", "F8", "F9", "Ctrl+R", "Alt+Up", "Del", "F1"):
        assert expected in keys
    qtbot.keyClick(chair.help, Qt.Key.Key_Escape)
    assert not chair.help.isVisible()
    qtbot.mouseClick(chair.findChild(QWidget, "helpButton"), Qt.MouseButton.LeftButton)
    assert chair.help.isVisible()


def test_the_readme_table_lists_every_shortcut():
    doc = (ROOT / "docs" / "chair-shortcuts.md").read_text(encoding="utf-8")
    rows = [line for line in doc.splitlines() if line.startswith("| `")]
    assert len(rows) == len(SHORTCUTS)
    for shortcut, row in zip(SHORTCUTS, rows, strict=True):
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert re.findall(r"`([^`]+)`", cells[0]) == list(shortcut.keys), row
        assert cells[1] == shortcut.label


# --- a restart ---------------------------------------------------------------------------------

def test_a_speech_resumes_with_the_right_time_after_a_restart(room, qtbot):
    room.add("ana")
    room.add("jorge")
    ws = room.workspace()
    qtbot.addWidget(ws)
    ws.next_speaker()
    room.time.advance(50)
    assert face(ws) == ("2:10", looks.NORMAL)
    ws.close()
    ws.deleteLater()
    room.reopen()  # the app closed (or crashed) ...
    room.time.advance(12)  # ... and took 12 s to come back: the speaker kept talking
    room.time.seconds = 1.0  # a new process: a monotonic clock from another origin
    again = room.workspace()
    qtbot.addWidget(again)
    again.sitting_id = None
    again.refresh()  # opens the sitting with a speech on the floor by itself
    assert again.sitting_id == room.sitting and again.item_id == room.item
    assert face(again) == ("1:58", looks.NORMAL)
    assert again.current_panel.speaker.text() == "Dip. Ana Lucía Pérez Núñez"
    room.time.advance(10)
    assert face(again) == ("1:48", looks.NORMAL)


def test_stable_object_names_for_automated_ui_tests(chair):
    """The names issue 4 promises to automated UI tests; renaming a widget breaks them."""
    from encounter_desk.ui.chair.clock_widget import ClockWidget

    queue = chair.findChild(QWidget, "speakerQueue")
    clock = chair.findChild(QWidget, "speechClock")
    button = chair.findChild(QWidget, "nextSpeakerButton")
    assert queue is chair.queue
    assert isinstance(clock, ClockWidget) and clock is chair.clock_widget
    assert button is not None and "F5" in button.text()


# --- a request withdrawn by mistake, changed in place --------------------------------------

def test_delete_withdraws_and_ctrl_z_puts_the_speaker_back_where_they_were(room, chair, qtbot):
    for who in ("ana", "jorge", "patricia"):
        room.add(who)
    chair.reload()
    chair.queue.select_speech(chair.queue_model.entry(1).id)
    chair.queue.setFocus()
    before = room.waiting()
    key(qtbot, chair, Qt.Key.Key_Delete)
    assert len(room.waiting()) == 2 and before[1] not in room.waiting()
    key(qtbot, chair, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert room.waiting() == before
    assert chair.queue.selected_id() == chair.queue_model.entry(1).id
    key(qtbot, chair, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # nothing more
    assert room.waiting() == before


@pytest.mark.qt_log_ignore("propagateSizeHints", "raise", "grabbing the keyboard")
def test_the_list_menu_changes_a_request_kind_and_person_in_place(room, chair):
    for who in ("ana", "jorge", "patricia"):
        room.add(who)
    chair.reload()
    row = chair.queue.visualRect(chair.queue_model.index(1, 0)).center()
    menu = chair.requests.show_menu(row)
    kinds = menu.actions()[0].menu()
    point = next(a for a in kinds.actions() if a.text() == "Point of order")
    point.trigger()
    menu.close()
    order = [(e.name, e.kind) for e in room.snapshot().waiting]
    assert order[1][1] == SpeechKind.POINT_OF_ORDER  # same place, another kind
    # the person found in the add field takes the place
    chair.add_panel.search.setText("rosa")
    chair.add_panel.search.textEdited.emit("rosa")
    menu = chair.requests.show_menu(row)
    give = menu.actions()[1]
    assert give.isEnabled() and "Rosa" in give.text()
    give.trigger()
    menu.close()
    assert "Rosa" in room.snapshot().waiting[1].name


def test_every_chair_button_shows_its_key(chair):
    for name in ("nextSpeakerButton", "pauseButton", "endSpeechButton", "addTimeButton",
                 "removeTimeButton", "moveUpButton", "moveDownButton", "withdrawButton",
                 "readdButton", "giveFloorButton", "listClosedToggle", "timesButton",
                 "showProjectorButton", "helpButton"):
        text = chair.findChild(QWidget, name).text()
        assert re.search(r"\((F\d+|Shift\+F\d+|Ctrl\+.+|Alt\+.+|Del)\)\s*$|F1$", text), (name, text)


# --- presence -------------------------------------------------------------------------------

def test_a_speaker_not_present_is_flagged_and_one_key_marks_them_present(room, chair, qtbot):
    from encounter_desk.records import attendance
    from encounter_desk.storage.models import AttendanceSource, AttendanceStatus

    attendance.mark(room.db, room.sitting, room.p["jorge"], "present")
    chair.add_person(room.p["jorge"])
    assert not chair.presence.isVisible()  # present: nothing to say
    chair.add_person(room.p["ana"])
    assert chair.presence.isVisible()
    assert chair.presence.label.text() == (
        "Ana Lucía Pérez Núñez is not marked present at this session.")
    assert "Ctrl+Shift+P" in chair.presence.button.text()
    key(qtbot, chair, Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    mark = attendance.attendance_of(room.db, room.sitting, room.p["ana"])
    assert mark.status == AttendanceStatus.PRESENT and mark.source == AttendanceSource.MANUAL
    assert not chair.presence.isVisible()
    assert room.waiting() == ["Jorge Castañeda Ruiz", "Ana Lucía Pérez Núñez"]


def test_only_present_participants_may_speak_when_the_chair_says_so(room, chair, qtbot):
    box = chair.top.only_present
    assert not box.isChecked()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert box.isChecked() and room.snapshot().settings.only_present
    chair.add_person(room.p["ana"])
    assert room.waiting() == []
    assert "not marked present" in room.messages.said[-1][2]


def test_a_default_budget_for_every_delegation_changed_for_one(room, chair, qtbot):
    from PySide6.QtCore import QTime

    chair.open_times()
    dialog = chair.times_dialog
    dialog.default_budget.setTime(QTime(0, 5, 0))
    qtbot.mouseClick(dialog.apply_default, Qt.MouseButton.LeftButton)
    assert {e.time() for e in dialog.budget_edits.values()} == {QTime(0, 5, 0)}
    dialog.budget_edits[room.delegation["MX"]].setTime(QTime(0, 8, 0))
    dialog.accept()
    budgets = {b.delegation_code: b.seconds for b in room.snapshot().budgets}
    assert budgets["MX"] == 480
    assert len(budgets) == len(room.delegation)
    assert {s for code, s in budgets.items() if code != "MX"} == {300}


def test_the_speaking_times_dialog_fits_a_small_screen(room, chair):
    chair.window().resize(1024, 600)
    chair.open_times()
    dialog = chair.times_dialog
    screen = dialog.screen().availableGeometry()
    assert dialog.height() <= min(560, screen.height() - 60)
    assert dialog.minimumSizeHint().height() <= 540 and dialog.minimumSizeHint().width() <= 460
    field = next(iter(dialog.budget_edits.values()))
    assert field.width() >= field.minimumSizeHint().width()  # never cut


# --- the sitting's life ------------------------------------------------------------------

@pytest.fixture
def closed_room(tmp_path) -> ChairRoom:
    room = ChairRoom(tmp_path / "closed.sqlite", open_sitting=False)
    yield room
    room.db.close()


def test_open_recess_resume_adjourn_from_the_buttons_and_keys(closed_room, qtbot):
    from PySide6.QtWidgets import QPushButton

    from encounter_desk.records import sitting_life

    ws = closed_room.shown_workspace(qtbot)
    bar = ws.life_bar
    buttons = {n: ws.findChild(QPushButton, n) for n in
               ("openSitting", "suspendSitting", "resumeSitting", "adjournSitting")}
    assert [b.isEnabled() for b in buttons.values()] == [True, False, False, False]
    assert bar.state_label.text() == "Session 1 has not been opened."
    # A speech outside an open sitting asks first; answered no, nobody takes the floor.
    closed_room.add("ana")
    closed_room.messages.answer_yes = False
    ws.next_speaker()
    assert closed_room.messages.said[-1][0] == "ask" and on_floor(closed_room) is None
    qtbot.mouseClick(buttons["openSitting"], Qt.MouseButton.LeftButton)
    life = sitting_life.sitting_life(closed_room.db, closed_room.sitting)
    assert life.stage is sitting_life.Stage.OPEN and life.opened_at is not None
    assert bar.state_label.text().startswith("Session 1 opened at")
    asked = len(closed_room.messages.said)
    ws.next_speaker()  # now open: no question
    assert len(closed_room.messages.said) == asked and on_floor(closed_room) is not None
    ws.end_speech()
    qtbot.keyClick(ws.queue, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert sitting_life.sitting_life(closed_room.db, closed_room.sitting).stage \
        is sitting_life.Stage.SUSPENDED
    assert buttons["resumeSitting"].isEnabled() and not buttons["suspendSitting"].isEnabled()
    qtbot.mouseClick(buttons["resumeSitting"], Qt.MouseButton.LeftButton)
    closed_room.messages.answer_yes = True
    qtbot.mouseClick(buttons["adjournSitting"], Qt.MouseButton.LeftButton)
    assert closed_room.messages.said[-1][0] == "ask"
    assert sitting_life.sitting_life(closed_room.db, closed_room.sitting).stage \
        is sitting_life.Stage.ADJOURNED
    assert not any(b.isEnabled() for b in buttons.values())
