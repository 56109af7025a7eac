"""The app's side of reliability: screens follow other desks' writes, the desk says
"NOT RECORDED" when the server is gone, and File → Back up to… / Restore from backup…."""

from __future__ import annotations

import subprocess
import sys

import pytest
from helpers.events import make_event
from PySide6.QtCore import QObject, Signal
from sqlalchemy import func, select

from encounter_desk.desk import checkin
from encounter_desk.storage.database import open_database, sqlite_url
from encounter_desk.storage.models import CheckIn
from encounter_desk.ui.widgets.change_watcher import ChangeWatcher

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture
def messages():
    from helpers.messages import RecordingMessages

    return RecordingMessages()


class FakeTimer(QObject):
    timeout = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.running = False

    def start(self) -> None:
        self.running = True

    def stop(self) -> None:
        self.running = False


def _scan_in_another_process(url: str, code: str) -> None:
    script = ("import sys; from encounter_desk.desk import checkin; "
              "from encounter_desk.storage.database import open_database; "
              "db = open_database(sys.argv[1]); "
              "print(checkin.check_in(db, sys.argv[2], desk='other laptop').kind.value)")
    done = subprocess.run([sys.executable, "-c", script, url, code],
                          capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "admitted", done.stderr


@pytest.fixture(params=["sqlite", "postgresql"])
def shared_url(request, tmp_path):
    if request.param == "sqlite":
        return sqlite_url(tmp_path / "shared.sqlite")
    return request.getfixturevalue("pg_url")


def test_watcher_sees_another_desks_scan_within_two_ticks(qtbot, shared_url):
    db = open_database(shared_url)
    codes = make_event(db, 3)
    timer = FakeTimer()
    watcher = ChangeWatcher(db, timer=timer)
    watcher.start()
    assert timer.running
    seen = []
    watcher.changed.connect(lambda: seen.append(True))
    timer.timeout.emit()
    assert seen == []  # nothing happened: no reload
    _scan_in_another_process(shared_url, codes[0])
    timer.timeout.emit()  # one tick (1 s) later the screen knows
    assert seen == [True]
    timer.timeout.emit()
    assert seen == [True]  # and reloads once, not on every tick
    db.close()


def test_watcher_checkpoints_the_file_only_on_a_quiet_tick(qtbot, tmp_path):
    db = open_database(sqlite_url(tmp_path / "event.sqlite"))
    codes = make_event(db, 3)
    timer = FakeTimer()
    watcher = ChangeWatcher(db, timer=timer)
    watcher.start()
    checkpoints = []
    db.checkpoint = lambda: checkpoints.append(True)  # count them
    checkin.check_in(db, codes[0], desk="here")
    timer.timeout.emit()  # the record moved: the screens reload, no checkpoint now
    assert checkpoints == []
    timer.timeout.emit()  # a second with nothing written: the moment to checkpoint
    assert checkpoints == [True]
    db.close()


def test_main_window_reloads_the_visible_workspace_on_change(qtbot, tmp_path, messages):
    from encounter_desk.ui.shell.app import create_main_window

    path = tmp_path / "event.sqlite"
    db = open_database(sqlite_url(path))
    codes = make_event(db, 3)
    db.close()
    window = create_main_window(sqlite_url(path), language="en", messages=messages)
    qtbot.addWidget(window)
    assert window.watcher is not None
    current = window.tabs.currentWidget()
    calls = []
    current.refresh = lambda: calls.append(current.KEY)  # count the reloads
    _scan_in_another_process(sqlite_url(path), codes[1])
    window.watcher.timer.timeout.emit()
    assert calls == [current.KEY]
    window.close()


def test_desk_says_not_recorded_when_the_server_goes_away(qtbot, private_pg):
    from encounter_desk.ui.desk.desk_workspace import DeskWorkspace
    from encounter_desk.ui.desk.verdict_panel import VerdictPanel
    from encounter_desk.ui.widgets.messages import MessageBridge
    from encounter_desk.ui.widgets.not_recorded import NotRecordedPanel
    from encounter_desk.ui.widgets.workspace import AppContext

    db = open_database(private_pg.url("postgres"))
    codes = make_event(db, 5)
    desk = DeskWorkspace(AppContext(db, MessageBridge()), desk_name="Mesa 1", open_file=lambda _p: None)
    qtbot.addWidget(desk)
    desk.resize(1280, 800)
    desk.show()
    qtbot.waitExposed(desk)
    panel = desk.findChild(NotRecordedPanel, "notRecorded")
    verdicts = desk.findChild(VerdictPanel, "verdictPanel")
    assert desk.scan(codes[0]).admitted
    assert not panel.isVisible() and verdicts.isVisible()
    private_pg.stop()
    assert desk.scan(codes[1]) is None  # nothing recorded, nothing claimed
    assert panel.isVisible() and not verdicts.isVisible()
    assert panel.headline.text() == "NOT RECORDED — the server cannot be reached"
    assert "cannot be reached" in panel.reason.text()
    assert desk.scan_field.isEnabled()  # the scan field still listens
    assert desk.search.index.search("Nombre3")  # names still found from what was loaded
    desk.search.field.setText("Nombre3")  # …and listed beside the scanner, from memory
    assert [p.display_name for p in desk.search.model.people][:1] == [
        desk.search.index.entries[desk.search.index.search("Nombre3")[0].id].display_name
    ]
    db.close()


def test_the_window_says_when_the_server_goes_away(qtbot, private_pg, messages):
    from encounter_desk.ui.shell.app import create_main_window

    url = private_pg.url("postgres")
    db = open_database(url)
    make_event(db, 2)
    db.close()
    window = create_main_window(url, language="en", messages=messages)
    qtbot.addWidget(window)
    window.watcher.timer.timeout.emit()
    assert window.statusBar().currentMessage() == ""
    private_pg.stop()
    window.watcher.timer.timeout.emit()
    assert "cannot be reached" in window.statusBar().currentMessage()
    window.close()


@pytest.fixture
def file_window(qtbot, tmp_path, messages):
    """The window on an event file of three people, the first checked in; its badge codes."""
    from encounter_desk.ui.shell.app import create_main_window

    path = tmp_path / "event.sqlite"
    db = open_database(sqlite_url(path))
    codes = make_event(db, 3)
    db.close()
    window = create_main_window(sqlite_url(path), language="en", messages=messages)
    qtbot.addWidget(window)
    checkin.check_in(window.db, codes[0], desk="D")
    return window, codes


def test_file_menu_backup_and_restore(qtbot, tmp_path, messages, file_window):
    window, codes = file_window
    stick = tmp_path / "usb" / "copy.sqlite"
    messages.save_paths.append(str(stick))
    with qtbot.waitSignal(window.backups.jobs.ended):  # written off the GUI thread
        window.menus.back_up.trigger()
    assert messages.said[-1][0] == "inform" and stick.exists()
    checkin.check_in(window.db, codes[1], desk="D")
    messages.open_paths.append(str(stick))
    window.menus.restore.trigger()
    assert messages.kinds()[-2:] == ["ask", "inform"], messages.said
    with window.db.read() as s:
        assert s.scalar(select(func.count(CheckIn.id))) == 1  # back to the backup
    window.close()
    assert list((tmp_path / "backups").glob("event-*.sqlite"))  # automatic copy on close


def test_the_automatic_backup_runs_off_the_gui_thread_without_a_dialog(qtbot, tmp_path,
                                                                        file_window):
    from encounter_desk.ui.widgets.long_job import ProgressDialog

    window, _codes = file_window
    backups = window.backups
    with qtbot.waitSignal(backups.auto_jobs.ended):
        backups.timer.timeout.emit()
        assert backups.auto_jobs.busy  # started, not done in the tick itself
        backups.timer.timeout.emit()  # a second tick while the first runs starts nothing
    assert len(list((tmp_path / "backups").glob("event-*.sqlite"))) == 1
    assert not any(d.isVisible() for d in window.findChildren(ProgressDialog))
    window.close()


def test_a_refused_backup_reaches_the_message_bridge(qtbot, tmp_path, messages, file_window):
    window, _codes = file_window
    before = (tmp_path / "event.sqlite").read_bytes()
    messages.save_paths.append(str(tmp_path / "event.sqlite"))  # the event file itself
    with qtbot.waitSignal(window.backups.jobs.ended):
        window.menus.back_up.trigger()
    assert messages.warnings()[-1] == ("The backup failed",
                                       "A backup cannot replace the event file itself.")
    assert (tmp_path / "event.sqlite").read_bytes() == before
    assert not window.backups.jobs.busy
    window.close()
