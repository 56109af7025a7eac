"""Helpers for the Chair and projector GUI tests: an event file on fake clocks, people, a
session with two agenda items, and a Chair workspace bound to them.

Time never passes by itself: one ``ManualClock`` moves the wall clock (the record, through
the event file's ``db.clock``) and the monotonic clock (the faces) together, and the
tests call ``floor.tick()`` where the real app's timer would.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from encounter_desk.chair import commands as speakers
from encounter_desk.core.clock import ManualClock
from encounter_desk.desk import badges
from encounter_desk.event import delegations as delegation_admin
from encounter_desk.event import event as events
from encounter_desk.event import sittings
from encounter_desk.records import sitting_life
from encounter_desk.storage.database import Database, open_database, sqlite_url
from encounter_desk.ui.chair.chair_workspace import ChairWorkspace
from encounter_desk.ui.chair.sounds import ClockSounds
from encounter_desk.ui.widgets.workspace import AppContext
from helpers.events import add_people, details
from helpers.messages import RecordingMessages

T0 = dt.datetime(2017, 9, 4, 15, 0, tzinfo=dt.UTC)

DETAILS = details(code="CHAIR-TEST")


class RecordingSounds(ClockSounds):
    def __init__(self) -> None:
        self.beeps = 0
        super().__init__(enabled=False, beep=self._count)

    def _count(self) -> None:
        self.beeps += 1


class ChairRoom:
    """An event file with five people and session 1 (two agenda items, 3:00, warning 30 s)."""

    def __init__(self, path: Path, time: ManualClock | None = None, *,
                 open_sitting: bool = True) -> None:
        self.path = path
        self.time = time or ManualClock(T0, seconds=5000.0)
        self.db = self.open()
        events.create_event(self.db, DETAILS)
        self.p: dict[str, int] = add_people(self.db, language="es")
        self.delegation = {d.code: d.id for d in delegation_admin.list_delegations(self.db)}
        sitting = sittings.create_sitting(
            self.db, title_es="Sesión inaugural", title_en="Opening session",
            default_speaking_seconds=180, warning_seconds=30)
        self.sitting = sitting.id
        self.item = sittings.create_agenda_item(
            self.db, sitting.id, title_es="Mujeres migrantes", title_en="Migrant women").id
        self.item2 = sittings.create_agenda_item(
            self.db, sitting.id, title_es="Hoja de ruta", title_en="Road map").id
        if open_sitting:  # the chair works in a sitting already opened
            sitting_life.open_sitting(self.db, sitting.id)
        self.messages = RecordingMessages()
        self.sounds = RecordingSounds()

    def open(self) -> Database:
        return open_database(sqlite_url(self.path), actor="chair@test", clock=self.time.wall)

    def reopen(self) -> None:
        self.db.close()
        self.db = self.open()

    def workspace(self) -> ChairWorkspace:
        context = AppContext(self.db, self.messages)
        ws = ChairWorkspace(context, monotonic=self.time.monotonic, wall=self.time.wall,
                            sounds=self.sounds)
        ws.floor.stop_ticking()  # the tests tick by hand, after moving the fake clocks
        context.setParent(ws)
        ws.select(self.sitting, self.item)
        return ws

    def shown_workspace(self, qtbot, size: tuple[int, int] = (1280, 800)) -> ChairWorkspace:  # noqa: ANN001
        """The workspace shown at ``size`` and active, as a chair finds it on the laptop."""
        ws = self.workspace()
        qtbot.addWidget(ws)
        ws.resize(*size)
        ws.show()
        with qtbot.waitActive(ws):
            ws.activateWindow()
        return ws

    def add(self, key: str, **kw) -> int:  # noqa: ANN003
        return speakers.add_speaker(self.db, self.sitting, self.item, self.p[key], **kw).id

    def badge(self, key: str) -> str:
        return badges.badge_code_for(self.db, self.p[key])

    def snapshot(self):  # noqa: ANN201
        return speakers.list_snapshot(self.db, self.sitting, self.item)

    def waiting(self) -> list[str]:
        return [e.name for e in self.snapshot().waiting]
