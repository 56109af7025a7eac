"""Run in a process of its own by tests/ui/chair/test_room_screen.py: the Chair on a
laptop with a second screen (Qt's offscreen platform given a screens configuration, read
only when Qt starts), pressing the room screen's key, the pause key, and a cable pulled.

    QT_QPA_PLATFORM="offscreen:configfile=screens.json" python room_screen_run.py FOLDER [CHOICE]

Prints one JSON object: what was seen after each step (the test asserts on it).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from encounter_desk.ui.chair import room_screen
from helpers.chair_room import ChairRoom


def seen(app: QApplication, ws, room: ChairRoom) -> dict:  # noqa: ANN001
    window = ws.projector
    app.processEvents()
    current = room.snapshot().current
    return {
        "visible": window is not None and window.isVisible(),
        "full_screen": window is not None and window.isFullScreen(),
        # where the window is (the offscreen platform may not update window.screen())
        "screen": app.screenAt(window.geometry().center()).name() if window is not None else None,
        "geometry": list(window.geometry().getRect()) if window is not None else None,
        "active_is_chair": app.activeWindow() is ws,
        "focus_in_chair": app.focusWidget() is not None and ws.isAncestorOf(app.focusWidget()),
        "paused": bool(current and current.paused),
    }


def main(folder: Path, choice: str) -> dict:
    app = QApplication.instance() or QApplication([])
    room_screen.save_choice(choice)
    room = ChairRoom(folder / "event.sqlite")
    ws = room.workspace()
    ws.resize(1200, 680)
    ws.show()
    ws.activateWindow()
    app.processEvents()
    ws.queue.setFocus()
    room.add("ana")
    room.add("jorge")
    ws.reload()
    QTest.keyClick(ws.queue, Qt.Key.Key_F5)
    steps = {"before": seen(app, ws, room)}
    QTest.keyClick(ws.queue, Qt.Key.Key_F11)
    steps["after_f11"] = seen(app, ws, room)
    QTest.keyClick(app.focusWidget() or ws.queue, Qt.Key.Key_F6)
    steps["after_f6"] = seen(app, ws, room)
    steps["screens"] = [s.name() for s in app.screens()]
    room_screen_now = ws.projector.screen()
    # Unplugging: the offscreen platform cannot remove a screen once started, so the test
    # calls what QGuiApplication.screenRemoved / screenAdded are connected to.
    ws.projector.screen_removed(room_screen_now)
    steps["unplugged"] = seen(app, ws, room)
    steps["unplugged_fits"] = app.primaryScreen().geometry().contains(ws.projector.geometry())
    ws.projector.screen_added(room_screen_now)
    steps["plugged_back"] = seen(app, ws, room)
    QTest.keyClick(app.focusWidget() or ws.queue, Qt.Key.Key_F11, Qt.KeyboardModifier.ShiftModifier)
    steps["closed"] = seen(app, ws, room)
    ws.close()
    room.db.close()
    return steps


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "")))
