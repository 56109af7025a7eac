"""The chair's "Add a speaker" search at a conference's scale: a refresh (other desks wrote)
reads only the people who changed, a search reads only the people it shows, and a record
that cannot be read is said once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from encounter_desk.core.errors import Refusal
from encounter_desk.event import participants
from encounter_desk.event.participants import ParticipantRow
from encounter_desk.ui.chair.add_speaker_panel import MAX_RESULTS


@pytest.fixture
def rows_read(monkeypatch):
    """How many participants were read as rows (each read builds one ParticipantRow)."""
    count = [0]
    original = ParticipantRow.of.__func__

    def counting(cls, p):  # noqa: ANN001, ANN202
        count[0] += 1
        return original(cls, p)

    monkeypatch.setattr(ParticipantRow, "of", classmethod(counting))
    return count


def shown(panel) -> list[str]:  # noqa: ANN001
    return [panel.results.item(n).text() for n in range(panel.results.count())]


def search(qtbot, panel, text: str) -> list[str]:  # noqa: ANN001
    panel.search.clear()
    qtbot.keyClicks(panel.search, text)
    return shown(panel)


def test_a_refresh_reads_only_who_changed_and_the_search_follows(room, chair, qtbot, rows_read):
    panel = chair.add_panel
    other_desk = room.open()  # another laptop on the same record
    try:
        walk_in = participants.create_participant(
            other_desk, given_names="Xiomara", first_surname="Quispe Huamán",
            delegation_id=room.delegation["GT"])
        participants.update_participant(other_desk, room.p["rosa"], given_names="Rosaura")
    finally:
        other_desk.close()
    rows_read[0] = 0
    chair.refresh()  # what the window does when the change marker moves
    assert rows_read[0] == 0  # nobody is shown: nobody was read
    assert any("Xiomara Quispe Huamán" in line for line in search(qtbot, panel, "quispe"))
    assert panel.selected_person() == walk_in.id
    assert any("Rosaura Álvarez" in line for line in search(qtbot, panel, "rosaura"))
    assert not any("Rosa " in line for line in search(qtbot, panel, "alvarez"))
    # Enter adds the walk-in found through the followed index.
    search(qtbot, panel, "xiomara")
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert room.waiting() == ["Xiomara Quispe Huamán"]


def test_a_search_reads_only_the_people_it_shows(room, chair, qtbot, rows_read):
    panel = chair.add_panel
    for n in range(MAX_RESULTS + 15):
        participants.create_participant(room.db, given_names=f"Marta {n}",
                                        first_surname="Gómez", delegation_id=room.delegation["MX"])
    chair.refresh()
    rows_read[0] = 0
    found = search(qtbot, panel, "gomez")
    assert len(found) == MAX_RESULTS
    # Each key typed reads at most the rows shown ("g", "go", … "gomez": five reads), and
    # only those not read yet: typing on reads nobody again.
    assert 0 < rows_read[0] <= 5 * MAX_RESULTS
    before = rows_read[0]
    qtbot.keyClick(panel.search, Qt.Key.Key_Backspace)
    qtbot.keyClicks(panel.search, "z")
    assert rows_read[0] == before and len(shown(panel)) == MAX_RESULTS
    # A delegation chosen with nothing typed lists all its people, in name order.
    panel.search.clear()
    panel.delegation.setCurrentIndex(panel.delegation.findData(room.delegation["PA"]))
    panel.delegation.activated.emit(panel.delegation.currentIndex())
    assert [panel.results.item(n).data(Qt.ItemDataRole.UserRole)
            for n in range(panel.results.count())] == [room.p["itzel"]]
    # With a name typed too, only that delegation's people among those found.
    assert search(qtbot, panel, "gomez") == []
    assert len(search(qtbot, panel, "itzel")) == 1


def test_a_record_that_cannot_be_read_is_said_once(room, chair, qtbot, monkeypatch):
    def gone(*_args, **_kwargs):  # noqa: ANN002, ANN003, ANN202
        raise Refusal("The server cannot be reached.", code="storage.unreachable")

    monkeypatch.setattr(participants, "participants_by_id", gone)
    panel = chair.add_panel
    assert search(qtbot, panel, "nunez") == []
    said = [m for m in room.messages.said if "server cannot be reached" in m[2]]
    assert len(said) == 1  # not once per key typed
    monkeypatch.undo()
    assert any("Núñez" in line for line in search(qtbot, panel, "nunez"))
    # Back to normal: a new failure is said again (someone not read yet: those found
    # before are not read again until the next refresh).
    monkeypatch.setattr(participants, "participants_by_id", gone)
    search(qtbot, panel, "rosa")
    assert len([m for m in room.messages.said if "server cannot be reached" in m[2]]) == 2


def test_a_refresh_keeps_the_person_the_chair_chose(room, chair, qtbot):
    """The chair types, moves down to the third person found, and before Enter another
    desk writes: the list is read again and the third person is still the one chosen."""
    panel = chair.add_panel
    for given in ("Marta", "Lucía", "Julia", "Berta"):
        participants.create_participant(room.db, given_names=given, first_surname="Gómez",
                                        delegation_id=room.delegation["MX"])
    chair.refresh()
    found = search(qtbot, panel, "gomez")
    assert len(found) == 4
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)
    chosen = panel.selected_person()
    assert panel.results.currentRow() == 2
    other_desk = room.open()
    try:
        participants.create_participant(other_desk, given_names="Aarón", first_surname="Gómez",
                                        delegation_id=room.delegation["MX"])
    finally:
        other_desk.close()
    chair.refresh()
    assert panel.selected_person() == chosen
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    waiting = room.snapshot().waiting
    assert [e.participant_id for e in waiting] == [chosen]
    # Typing again puts the best match first, as always.
    search(qtbot, panel, "gomez")
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)
    qtbot.keyClicks(panel.search, " m")
    assert panel.results.currentRow() == 0 and "Marta" in shown(panel)[0]
