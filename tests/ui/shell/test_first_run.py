"""The first run (demo, guided new event, open a file) and the "how this works" pages."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from encounter_desk.core import config
from encounter_desk.event import delegations as delegation_admin
from encounter_desk.event import event as events
from encounter_desk.event.countries import NON_COUNTRY_GROUPS, RCM_MEMBERS
from encounter_desk.storage.database import open_database, sqlite_url
from encounter_desk.ui.shell import howto
from encounter_desk.ui.shell.app import create_main_window, first_run
from encounter_desk.ui.shell.first_run import default_file_is_empty, demo_path, ensure_demo

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, messages):
    made = create_main_window(language="en", messages=messages, show_howto=True)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    yield made
    for page in made.howto.pages.values():
        page.close()
    made.close()


@pytest.fixture
def event_db(sqlite_db):
    """An event in a SQLite file (what a laptop opens from the first screen)."""
    events.create_event(sqlite_db, events.EventDetails(
        code="TEST-UI", name_es="Encuentro de prueba", name_en="Test encounter",
        start_date=dt.date(2017, 9, 4), end_date=dt.date(2017, 9, 6)))
    return sqlite_db


def _visible_howtos(window) -> list[str]:
    return [key for key, page in window.howto.pages.items() if page.isVisible()]


# --- when the first screen shows ----------------------------------------------------------

def test_first_run_only_on_the_default_file_without_an_event(tmp_path):
    default = sqlite_url(config.default_event_path())
    assert not config.default_event_path().exists()
    assert first_run(default)
    assert not config.default_event_path().exists()  # asking wrote nothing
    assert not first_run(sqlite_url(tmp_path / "chosen.sqlite"))  # --db: open it as asked

    db = open_database(default)  # the file exists, still no event: still the first screen
    db.close()
    assert default_file_is_empty() and first_run(default)

    db = open_database(default)
    events.create_event(db, events.EventDetails(
        code="EV-1", name_es="Encuentro", name_en="Encounter",
        start_date=dt.date(2026, 5, 4), end_date=dt.date(2026, 5, 5)))
    db.close()
    assert not first_run(default)


# --- the three ways in ---------------------------------------------------------------------

def test_open_the_demo_builds_it_in_the_data_folder_and_opens_the_desk(qtbot, window):
    window.show_welcome()
    page = window.welcome_page
    assert window.stack.currentWidget() is page
    assert page.demo_button.text() == "Open the demo"
    assert not window.menus.import_roster.isEnabled()

    qtbot.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)

    assert window.stack.currentWidget() is window.tabs
    assert window.db is not None and window.db.path == demo_path()
    assert demo_path().parent == config.data_dir() / "events"
    event = events.load_event(window.db)
    assert event is not None and event.code
    desk = window.workspace("desk")
    assert window.tabs.currentWidget() is desk
    assert desk.search.index is not None and len(desk.search.index.entries) > 100
    assert not config.default_event_path().exists()  # the user's own event file is not made

    # Asking for the demo again reuses it, it is not rebuilt on top of itself.
    assert ensure_demo() == demo_path()
    assert events.load_event(window.db).code == event.code


def test_create_an_event_with_the_guided_form_and_chosen_delegations(qtbot, window):
    window.show_welcome()
    qtbot.mouseClick(window.welcome_page.create_button, Qt.MouseButton.LeftButton)
    page = window.create_page
    assert window.stack.currentWidget() is page
    assert page.back_button.isVisible()
    picker = page.delegations
    assert [box.text() for box in picker.members.values()] == [p.name_en for p in RCM_MEMBERS]
    assert len(picker.members) == 11
    assert all(box.isChecked() for box in picker.members.values())
    assert picker.groups.isChecked()

    # Nothing typed yet: a clear message, no event.
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert "name in Spanish and in English" in page.error.text()
    assert events.load_event(window.db) is None

    form = page.form
    qtbot.keyClicks(form.name_es, "II Encuentro Parlamentario")
    qtbot.keyClicks(form.name_en, "II Parliamentary Encounter")
    qtbot.keyClicks(form.code, "RCM-EP-2027")
    form.start_date.setDate(QDate(2027, 3, 1))
    form.end_date.setDate(QDate(2027, 3, 2))
    qtbot.keyClicks(form.venue, "Hotel Real")
    picker.members["BZ"].setChecked(False)
    picker.groups.setChecked(False)
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)

    assert window.stack.currentWidget() is window.tabs
    assert window.db.path == config.default_event_path()
    event = events.load_event(window.db)
    assert (event.name_en, event.venue) == ("II Parliamentary Encounter", "Hotel Real")
    codes = {d.code for d in delegation_admin.list_delegations(window.db)}
    assert codes == {p.code for p in RCM_MEMBERS} - {"BZ"}
    assert not codes & {p.code for p in NON_COUNTRY_GROUPS}
    assert not page.back_button.isVisible()


def test_back_from_the_form_returns_to_the_first_screen(qtbot, window):
    window.show_welcome()
    qtbot.mouseClick(window.welcome_page.create_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.create_page.back_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.welcome_page
    assert window.db is None


def test_open_a_file_from_the_first_screen(qtbot, window, messages, event_db, db_path):
    window.show_welcome()
    messages.open_paths.append(str(db_path))
    qtbot.mouseClick(window.welcome_page.open_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.tabs
    assert window.db.path == db_path


# --- how this works ------------------------------------------------------------------------

def test_each_workspace_shows_its_page_once_per_laptop(qtbot, window, event_db, messages):
    window.open_url(event_db.url)
    desk = window.workspace("desk")
    assert _visible_howtos(window) == ["desk"]
    page = window.howto.pages["desk"]
    assert page.windowTitle() == "How the desk works"
    assert not page.isModal() and QApplication.activeModalWidget() is None
    assert 4 <= page.body.text().count("<li") <= 6
    assert "Enter" in page.body.text()
    # The page does not take the keyboard: a badge scanned now reaches the scan field.
    desk.refocus()
    assert QApplication.focusWidget() is desk.scan_field

    window.show_workspace("chair")
    assert set(_visible_howtos(window)) == {"desk", "chair"}
    assert "F5" in window.howto.pages["chair"].body.text()
    window.show_workspace("records")
    assert "minutes" in window.howto.pages["records"].body.text()
    window.show_workspace("setup")  # Setup has no page
    assert set(window.howto.pages) == {"desk", "chair", "records"}
    assert all(howto.seen(key) for key in howto.KEYS)

    # Another window on this laptop: the pages have been seen, they stay closed.
    again = create_main_window(event_db.url, language="en", messages=messages, show_howto=True)
    qtbot.addWidget(again)
    again.show()
    again.show_workspace("chair")
    assert _visible_howtos(again) == []
    again.close()


def test_help_menu_shows_each_page_again(qtbot, window, event_db):
    window.howto.automatic = False
    window.open_url(event_db.url)
    assert _visible_howtos(window) == []
    menus = window.menus
    assert [a.text() for a in (menus.howto_desk, menus.howto_chair, menus.howto_records)] == [
        "How the &desk works", "How the &chair works", "How the &records work"]
    for action, key in ((menus.howto_desk, "desk"), (menus.howto_chair, "chair"),
                        (menus.howto_records, "records")):
        action.trigger()
        page = window.howto.pages[key]
        assert page.isVisible()
        qtbot.mouseClick(page.buttons.buttons()[0], Qt.MouseButton.LeftButton)
        assert not page.isVisible()
        action.trigger()  # and again, as often as wanted
        assert page.isVisible()


def test_pages_follow_the_language(qtbot, window, event_db, monkeypatch):
    from encounter_desk.core import i18n

    monkeypatch.setitem(i18n._catalogues, "es", {
        ("HowToDialog", "How the desk works"): "Cómo funciona el registro"})
    window.howto.show("desk")
    window.set_language("es")
    qtbot.waitUntil(lambda: window.howto.pages["desk"].windowTitle() == "Cómo funciona el registro")
    window.set_language("en")


def test_opening_the_chair_tab_shows_only_the_chair_page(qtbot, window, event_db):
    window.open_url(event_db.url)
    window.howto.pages["desk"].close()
    window.tabs.setCurrentIndex(1)  # a click on "Chair": built now, records beside it
    assert window.tabs.currentWidget().KEY == "chair"
    assert _visible_howtos(window) == ["chair"]
    assert "records" not in window.howto.pages and not howto.seen("records")
