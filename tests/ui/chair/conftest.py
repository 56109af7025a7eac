"""The Chair's GUI tests share one event file on fake clocks and one Chair workspace."""

from __future__ import annotations

import pytest
from helpers.chair_room import ChairRoom


@pytest.fixture
def room(tmp_path) -> ChairRoom:
    room = ChairRoom(tmp_path / "event.sqlite")
    yield room
    room.db.close()


@pytest.fixture
def chair(room, qtbot):
    """The Chair workspace at 1280 × 800, shown and active, the list of speakers focused."""
    ws = room.shown_workspace(qtbot)
    ws.queue.setFocus()
    return ws
