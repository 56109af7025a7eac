"""The desk's search results follow each keystroke in place: no model reset, the people
already shown not read again, and the index kept current as people change elsewhere."""

from __future__ import annotations

import pytest
from helpers.widgets import on_screen
from PySide6.QtWidgets import QApplication, QHeaderView
from sqlalchemy import select

from encounter_desk.desk import checkin
from encounter_desk.event import participants
from encounter_desk.event.people_search import SearchIndex
from encounter_desk.storage.models import Delegation
from encounter_desk.ui.desk import desk_workspace
from encounter_desk.ui.desk.desk_workspace import DeskWorkspace
from encounter_desk.ui.desk.search_panel import SearchResultsModel
from encounter_desk.ui.widgets.messages import MessageBridge
from encounter_desk.ui.widgets.workspace import AppContext

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture
def desk(qtbot, event_db, monkeypatch) -> DeskWorkspace:
    looked_up: list[list[int]] = []
    real = desk_workspace.desk_people

    def counted(db, ids):  # noqa: ANN001, ANN202
        looked_up.append(list(ids))
        return real(db, ids)

    monkeypatch.setattr(desk_workspace, "desk_people", counted)
    widget = on_screen(qtbot, DeskWorkspace(AppContext(event_db, MessageBridge()),
                                            desk_name="Mesa 1", open_file=lambda path: None))
    widget.looked_up = looked_up  # type: ignore[attr-defined]
    return widget


def _record(model: SearchResultsModel) -> list[str]:
    seen: list[str] = []
    model.modelReset.connect(lambda: seen.append("reset"))
    model.rowsInserted.connect(lambda _p, first, last: seen.append(f"inserted {first}-{last}"))
    model.rowsRemoved.connect(lambda _p, first, last: seen.append(f"removed {first}-{last}"))
    model.dataChanged.connect(lambda first, last, _roles: seen.append(
        f"changed {first.row()}-{last.row()}"))
    return seen


def _shown(model: SearchResultsModel) -> list[str]:
    return [model.data(model.index(row, model.NAME)) for row in range(model.rowCount())]


def test_typing_updates_the_results_in_place_and_never_resets_them(qtbot, qtmodeltester, desk):
    model = desk.search.model
    events = _record(model)
    search = desk.search.field
    search.setFocus()
    qtbot.keyClicks(search, "r")  # Rosa Álvarez, Jorge Castañeda Ruiz…
    many = model.rowCount()
    assert many >= 2
    qtbot.keyClicks(search, "uiz")
    assert _shown(model) == ["Sen. Jorge Castañeda Ruiz"]
    assert "reset" not in events
    assert f"inserted 0-{many - 1}" in events and f"removed 1-{many - 1}" in events
    assert events[-1] == "changed 0-0"
    assert desk.search.view.currentIndex().row() == 0  # the first result stays chosen
    qtmodeltester.check(model, force_py=True)


def test_the_columns_beside_the_name_keep_their_width_as_results_change(qtbot, desk):
    header = desk.search.view.horizontalHeader()
    mode = header.sectionResizeMode
    assert mode(SearchResultsModel.NAME) == QHeaderView.ResizeMode.Stretch
    assert mode(SearchResultsModel.DELEGATION) == QHeaderView.ResizeMode.Interactive
    width = header.sectionSize(SearchResultsModel.DELEGATION)
    qtbot.keyClicks(desk.search.field, "a")
    assert header.sectionSize(SearchResultsModel.DELEGATION) == width
    assert width >= desk.search.view.fontMetrics().horizontalAdvance("República Dominicana")


def test_a_keystroke_reads_only_the_people_not_shown_yet(qtbot, event_db, desk):
    search = desk.search.field
    qtbot.keyClicks(search, "ca")
    jorge = desk.search.model.people[0]
    desk.looked_up.clear()
    qtbot.keyClicks(search, "sta")
    assert desk.looked_up == []  # Jorge was already read
    # Checked in at another desk: the next refresh (the change watcher) shows it.
    checkin.check_in_participant(event_db, jorge.id, desk="Mesa 2")
    desk.refresh()
    assert desk.search.model.people[0].checked_in_desk == "Mesa 2"
    assert len(desk.looked_up) == 1 and jorge.id in desk.looked_up[0]  # read again, once


def test_a_person_added_or_edited_elsewhere_is_found_without_rebuilding_the_index(
        qtbot, event_db, desk, monkeypatch):
    def rebuilt(cls, entries):  # noqa: ANN001, ANN202
        raise AssertionError("the whole index was built again")

    monkeypatch.setattr(SearchIndex, "build", classmethod(rebuilt))
    search = desk.search.field
    search.setFocus()
    qtbot.keyClicks(search, "xochitl")
    assert desk.search.model.rowCount() == 0
    with event_db.read() as session:
        mexico = session.scalar(select(Delegation.id).where(Delegation.code == "MX"))
    person = participants.create_participant(event_db, given_names="Xóchitl",
                                             first_surname="Gálvez", delegation_id=mexico)
    desk.refresh()  # what the change watcher does when the record moves
    assert _shown(desk.search.model) == ["Xóchitl Gálvez"]
    participants.update_participant(event_db, person.id, title="Sen.")
    desk.refresh()
    assert _shown(desk.search.model) == ["Sen. Xóchitl Gálvez"]
    assert QApplication.focusWidget() is search  # the clerk keeps typing


@pytest.fixture
def opening(qtbot, event_db, monkeypatch):  # noqa: ANN201
    """Builds a desk (in the test: pytest-qt runs the event loop between fixture and test)
    on an event loaded as a large one would be: in pages of two people."""
    from encounter_desk.event import search_updates

    monkeypatch.setattr(search_updates, "PAGE", 2)
    monkeypatch.setattr(search_updates, "FIRST_PAGE", 2)

    def build() -> DeskWorkspace:
        widget = DeskWorkspace(AppContext(event_db, MessageBridge()), desk_name="Mesa 1",
                               open_file=lambda path: None)
        qtbot.addWidget(widget)
        return widget

    return build


def test_a_large_event_opens_before_its_index_is_complete_and_loads_it_between_events(
        qtbot, opening):
    desk = opening()
    loading = desk.search_loading
    assert not loading.feed.loaded and loading.timer.isActive()  # the desk takes scans now
    qtbot.waitUntil(lambda: loading.feed.loaded)
    assert not loading.timer.isActive()
    assert len(desk.search.index.entries) == 5


def test_a_name_typed_before_the_index_is_complete_finishes_it_at_once(qtbot, opening):
    desk = opening()
    assert not desk.search_loading.feed.loaded
    qtbot.keyClicks(desk.search.field, "tremblay")
    assert desk.search_loading.feed.loaded and not desk.search_loading.timer.isActive()
    assert _shown(desk.search.model) == ["Hon. Patricia Tremblay"]


def test_after_an_import_the_desk_reads_everyone_again_in_steps_searching_meanwhile(
        qtbot, opening, event_db, sample_roster, monkeypatch):
    """An import changes too many people to put one by one: the window never waits for a
    whole reload (it stalled 0.3–1.3 s at 10,000 people), and one reload serves however many
    refreshes arrive meanwhile (the change watcher and the records signal both ask)."""
    from encounter_desk.event import search_updates
    from encounter_desk.roster.importer import import_roster

    monkeypatch.setattr(search_updates, "RELOAD_AT_LEAST", 3)
    desk = opening()
    loading = desk.search_loading
    qtbot.waitUntil(lambda: loading.feed.loaded and not loading.timer.isActive())
    before = desk.search._index  # (reading .index would ask for the index at once)
    report = import_roster(event_db, sample_roster)
    assert report.created + report.updated > 3
    desk.refresh()
    desk.refresh()  # a second ask while the reload runs starts nothing new
    assert loading.timer.isActive() and desk.search._index is before
    fresh = loading._fresh
    qtbot.keyClicks(desk.search.field, "tremblay")  # searched on the index as it was...
    assert _shown(desk.search.model) == ["Hon. Patricia Tremblay"]
    assert loading.feed is fresh and not loading.timer.isActive()  # ...then finished at once
    assert desk.search.index.entries == SearchIndex.load(event_db).entries


def test_a_reload_after_an_import_finishes_between_events(
        qtbot, opening, event_db, sample_roster, monkeypatch):
    from encounter_desk.event import search_updates
    from encounter_desk.roster.importer import import_roster

    monkeypatch.setattr(search_updates, "RELOAD_AT_LEAST", 3)
    desk = opening()
    loading = desk.search_loading
    qtbot.waitUntil(lambda: loading.feed.loaded and not loading.timer.isActive())
    import_roster(event_db, sample_roster)
    desk.refresh()
    assert loading.timer.isActive()
    qtbot.waitUntil(lambda: not loading.timer.isActive())
    assert loading._fresh is None
    assert desk.search.index.entries == SearchIndex.load(event_db).entries
