"""The main window: workspaces, language switch, files, the create-event form, roster import."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QWidget

from encounter_desk.core import i18n
from encounter_desk.event import event as events
from encounter_desk.event import participants
from encounter_desk.storage.database import open_database, sqlite_url
from encounter_desk.ui.shell import settings
from encounter_desk.ui.shell.app import create_main_window

pytestmark = pytest.mark.gui

SPANISH = {
    ("SetupWorkspace", "Setup"): "Configuración",
    ("DeskWorkspace", "Registration desk"): "Registro",
    ("MainMenus", "&File"): "&Archivo",
    ("ParticipantsModel", "Name"): "Nombre",
    ("TablePage", "Add"): "Agregar",
}


@pytest.fixture
def window_for(qtbot, messages):
    made = []

    def make(url, language="en"):
        window = create_main_window(url, language=language, messages=messages)
        qtbot.addWidget(window)
        made.append(window)
        return window

    yield make
    for window in made:
        window.close()


def _tab_titles(window):
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def _where(db) -> str:
    """How the title names the database: the file's name, or the server's address."""
    return db.path.name if db.path is not None else db.describe()


def test_the_window_opens_the_event_with_five_workspaces(window_for, event_db):
    window = window_for(event_db.url)
    assert _tab_titles(window) == ["Registration desk", "Chair", "Declaration", "Records",
                                   "Setup"]
    assert window.stack.currentWidget() is window.tabs
    assert window.windowTitle() == f"Test — {_where(event_db)}"
    setup = window.show_workspace("setup")
    assert setup.participants.model.rowCount() == 5
    assert setup.participants.count_label.text() == "5 participants"
    assert setup.delegations.model.rowCount() == 16
    # The desk is the real one, its scan field ready for the first badge.
    desk = window.workspace("desk")
    assert desk.findChild(QWidget, "scanInput") is not None
    assert desk.findChild(QWidget, "verdictPanel") is not None


def test_switching_language_retranslates_the_window_at_once(
    qtbot, window_for, event_db, monkeypatch
):
    monkeypatch.setitem(i18n._catalogues, "es", dict(SPANISH))
    window = window_for(event_db.url)
    setup = window.show_workspace("setup")
    window.menus.spanish.trigger()
    qtbot.waitUntil(lambda: window.tabs.tabText(4) == "Configuración")
    assert window.tabs.tabText(0) == "Registro"
    assert window.menus.file_menu.title() == "&Archivo"
    assert setup.participants.add_button.text() == "Agregar"
    header = setup.participants.table.model().headerData(1, Qt.Orientation.Horizontal)
    assert header == "Nombre"
    assert setup.participants.table.model().index(0, 2).data() in {
        "Costa Rica", "Panamá", "México", "El Salvador", "Canadá"}
    assert window.windowTitle().startswith("Prueba — ")
    assert i18n.language() == "es"
    assert settings.saved_language() == "es"
    window.menus.english.trigger()
    qtbot.waitUntil(lambda: window.tabs.tabText(4) == "Setup")
    assert window.menus.file_menu.title() == "&File"
    assert settings.saved_language() == "en"


def test_recent_events_are_remembered_and_missing_ones_greyed(window_for, messages, tmp_path):
    first, second = tmp_path / "first.sqlite", tmp_path / "second.sqlite"
    window = window_for(sqlite_url(first))
    assert window.open_url(sqlite_url(second))
    actions = window.menus.recent_actions()
    assert [a.data() for a in actions] == [str(second), str(first)]
    assert all(a.isEnabled() for a in actions)
    window.open_path(first)  # reopening moves it to the top
    assert [a.data() for a in window.menus.recent_actions()] == [str(first), str(second)]
    window.close()
    second.unlink()
    window.menus.rebuild_recent()
    gone = next(a for a in window.menus.recent_actions() if a.data() == str(second))
    assert not gone.isEnabled()


def test_recent_menu_keeps_the_last_eight(window_for, tmp_path):
    window = window_for(None)
    for number in range(10):
        window.menus.remember(tmp_path / f"e{number}.sqlite")
    paths = [a.data() for a in window.menus.recent_actions()]
    assert len(paths) == 8 and paths[0] == str(tmp_path / "e9.sqlite")


def test_an_empty_file_shows_the_create_event_form(qtbot, window_for, db):
    window = window_for(db.url)
    assert window.stack.currentWidget() is window.create_page
    form = window.create_page.form
    qtbot.mouseClick(window.create_page.create_button, Qt.MouseButton.LeftButton)
    assert "name in Spanish and in English" in window.create_page.error.text()
    assert window.db is not None and events.load_event(window.db) is None

    form.name_es.setText("I Encuentro Parlamentario")
    form.name_en.setText("I Parliamentary Encounter")
    form.short_name_en.setText("RCM 2017")
    form.code.setText("RCM-EP-2017")
    form.start_date.setDate(QDate(2017, 9, 4))
    form.end_date.setDate(QDate(2017, 9, 6))
    qtbot.mouseClick(window.create_page.create_button, Qt.MouseButton.LeftButton)

    event = events.load_event(window.db)
    assert event is not None and event.code == "RCM-EP-2017"
    assert window.stack.currentWidget() is window.tabs
    assert window.tabs.currentWidget().KEY == "setup"
    assert window.workspace("setup").delegations.model.rowCount() == 16
    assert window.windowTitle() == f"RCM 2017 — {_where(db)}"


def test_file_new_event_creates_a_file_and_asks_for_the_event(window_for, messages, tmp_path):
    window = window_for(None)
    assert window.stack.currentWidget() is window.start_page
    messages.save_paths.append(str(tmp_path / "nuevo"))
    window.menus.new_event.trigger()
    assert (tmp_path / "nuevo.sqlite").exists()
    assert window.stack.currentWidget() is window.create_page
    # An existing file is never overwritten.
    messages.save_paths.append(str(tmp_path / "nuevo.sqlite"))
    window.menus.new_event.trigger()
    assert messages.said[-1][0] == "warn" and "already a file" in messages.said[-1][2]


def test_a_file_from_a_newer_version_is_refused_with_a_message(window_for, messages, tmp_path):
    path = tmp_path / "newer.sqlite"
    open_database(sqlite_url(path)).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = 'ffff'")
    con.commit()
    con.close()
    before = path.read_bytes()

    window = window_for(sqlite_url(path))
    assert window.db is None
    assert window.stack.currentWidget() is window.start_page
    kind, _title, text = messages.said[-1]
    assert kind == "warn" and "newer version" in text
    assert "newer version" in window.start_page.message.text()
    assert window.start_page.open_button.isVisibleTo(window.start_page)
    assert path.read_bytes() == before


def test_import_roster_reports_every_bad_row_and_imports_nothing(
    qtbot, window_for, messages, event_db, tmp_path
):
    window = window_for(event_db.url)
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join([
        "Title,Given names,Surnames,Country,Email",
        "Dip.,Carmen,Lara,Atlantis,carmen@example.org",
        "Dip.,,,México,",
        "Sen.,Luis,Mora,Mexico,luis@example.mx",
    ]) + "\n", encoding="utf-8")
    messages.open_paths.append(str(bad))
    with qtbot.waitSignal(window.roster.jobs.ended):  # checked off the GUI thread
        window.menus.import_roster.trigger()
    kind, title, summary, lines, accept = messages.said[-1]
    assert kind == "report" and accept is None
    assert "nothing was imported" in summary
    text = "\n".join(lines)
    assert "2" in text and "3" in text and "Atlantis" in text
    assert len(participants.list_participants(event_db)) == 5


def test_import_roster_checks_first_then_imports_and_refreshes(
    qtbot, window_for, messages, event_db, sample_roster
):
    window = window_for(event_db.url)
    table = window.workspace("setup").participants
    assert table.model.rowCount() == 5
    messages.open_paths.append(str(sample_roster))
    jobs = window.roster.jobs
    with qtbot.waitSignals([jobs.ended, jobs.ended]):  # the check, then the import
        window.menus.import_roster.trigger()
    kinds = messages.kinds()
    assert kinds[-2:] == ["report", "inform"]
    report = messages.said[-2]
    assert report[4].startswith("Import ")
    imported = len(participants.list_participants(event_db))
    assert imported > 5
    assert table.model.rowCount() == imported
    # The same file again changes nothing and says so.
    messages.open_paths.append(str(sample_roster))
    with qtbot.waitSignal(jobs.ended):
        window.menus.import_roster.trigger()
    assert messages.said[-1][0] == "inform" and "Nothing to import" in messages.said[-1][2]


def test_deleting_asks_first_and_explains_a_refusal(window_for, messages, event_db):
    window = window_for(event_db.url)
    page = window.workspace("setup").delegations
    row = next(r for r in range(page.model.rowCount()) if page.model.row_at(r).code == "MX")
    page.select_source_row(row)
    messages.answer_yes = False
    page.delete_current()
    assert messages.said[-1][0] == "ask"
    assert page.model.rowCount() == 16
    messages.answer_yes = True
    page.delete_current()
    assert messages.said[-1][0] == "warn" and "still has 1 participants" in messages.said[-1][2]
    assert page.model.rowCount() == 16


# Showing a dialog makes the offscreen platform plugin say it cannot propagate size hints.
@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_add_participant_form_registers_a_person(qtbot, window_for, event_db):
    window = window_for(event_db.url)
    page = window.workspace("setup").participants
    page.add_row()
    dialog = page.add_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.fields.given_names.setText("Iñaki")
    dialog.fields.first_surname.setText("Arrieta")
    dialog.fields.second_surname.setText("Goñi")
    dialog.fields.delegation.setCurrentIndex(dialog.fields.delegation.findText("Mexico"))
    dialog.accept()
    assert not dialog.isVisible()
    names = [p.sort_name for p in participants.list_participants(event_db)]
    assert "Arrieta Goñi, Iñaki" in names
    assert page.count_label.text() == "6 participants"
    assert page.current_row().sort_name == "Arrieta Goñi, Iñaki"


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_real_message_bridge_never_blocks(qtbot):
    from PySide6.QtWidgets import QApplication, QMessageBox

    from encounter_desk.ui.widgets.messages import MessageBridge

    answers = []
    bridge = MessageBridge()
    bridge.ask(None, "Delete", "Delete it?", lambda: answers.append("yes"), yes_text="Delete")
    # ask() returned at once; the question is on screen, waiting.
    box = next(w for w in QApplication.topLevelWidgets()
               if isinstance(w, QMessageBox) and w.isVisible())
    assert answers == []
    yes = next(b for b in box.buttons() if b.text() == "Delete")
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: answers == ["yes"])
