"""The main window: one workspace per job, the menus, and the event file that is open."""

from __future__ import annotations

import importlib
import logging
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QTabWidget, QWidget

from encounter_desk import APP_NAME, __version__
from encounter_desk.core import config, i18n
from encounter_desk.core.errors import Refusal
from encounter_desk.event import event as events
from encounter_desk.storage.database import (
    Database,
    DatabaseError,
    describe_url,
    open_database,
    sqlite_url,
)
from encounter_desk.ui.shell import settings, workspace_keys
from encounter_desk.ui.shell.backup_actions import BackupActions
from encounter_desk.ui.shell.first_run import WelcomePage, ensure_demo
from encounter_desk.ui.shell.howto import HowToPages
from encounter_desk.ui.shell.kiosk import KioskController
from encounter_desk.ui.shell.menus import MainMenus
from encounter_desk.ui.shell.roster_actions import RosterActions, TemplateActions
from encounter_desk.ui.shell.scanner_bursts import ScanBursts
from encounter_desk.ui.shell.start_pages import CreateEventPage, StartPage
from encounter_desk.ui.shell.translations import Translators
from encounter_desk.ui.widgets.change_watcher import ChangeWatcher
from encounter_desk.ui.widgets.files import write_problem
from encounter_desk.ui.widgets.long_job import finish_jobs
from encounter_desk.ui.widgets.messages import MessageBridge
from encounter_desk.ui.widgets.retranslating import Retranslating
from encounter_desk.ui.widgets.workspace import AppContext, Workspace

log = logging.getLogger(__name__)

# The workspaces, in the order of their tabs: key, module, class, and the tab's title in
# the class's own translation context. A workspace's module is imported when its tab is
# first shown (importing every one, the records' with their PDF and spreadsheet libraries,
# delayed the desk at startup). A new workspace is a Workspace subclass in its own
# subpackage (encounter_desk/ui/<name>/) added here.
WORKSPACES: list[tuple[str, str, str, str]] = [
    ("desk", "encounter_desk.ui.desk.desk_workspace", "DeskWorkspace",
     QT_TRANSLATE_NOOP("DeskWorkspace", "Registration desk")),
    ("chair", "encounter_desk.ui.chair.chair_workspace", "ChairWorkspace",
     QT_TRANSLATE_NOOP("ChairWorkspace", "Chair")),
    ("declaration", "encounter_desk.ui.declaration.workspace", "DeclarationWorkspace",
     QT_TRANSLATE_NOOP("DeclarationWorkspace", "Declaration")),
    ("records", "encounter_desk.ui.records.workspace", "RecordsWorkspace",
     QT_TRANSLATE_NOOP("RecordsWorkspace", "Records")),
    ("setup", "encounter_desk.ui.setup.workspace", "SetupWorkspace",
     QT_TRANSLATE_NOOP("SetupWorkspace", "Setup")),
]
LIVE = {"desk", "chair", "declaration", "records"}
"""Workspaces reloaded when another laptop writes (Setup is edited by hand: not reloaded
under the user's cursor; it reloads on records_changed after an import)."""


class PendingWorkspace(QWidget):
    """Holds a workspace's tab until it is first shown: building every workspace when an
    event opens (search index, tables, the chair's panels) would delay the desk."""

    def __init__(self, key: str, module: str, name: str, title: str) -> None:
        super().__init__()
        self.KEY = key
        self._module, self._name, self._title = module, name, title

    @property
    def kind(self) -> type[Workspace]:
        """The workspace's class (its module imported now, if it was not yet)."""
        return getattr(importlib.import_module(self._module), self._name)

    def title(self) -> str:
        return QCoreApplication.translate(self._name, self._title)

    def refresh(self) -> None:
        """Nothing to reload yet: it reads the database when it is built."""


class MainWindow(Retranslating, QMainWindow):
    database_opened = Signal(object)  # Database
    event_ready = Signal()

    def __init__(
        self,
        messages: MessageBridge | None = None,
        translators: Translators | None = None,
        actor: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.messages = messages or MessageBridge(self)
        self.translators = translators or Translators()
        self.actor = actor
        self.db: Database | None = None
        self.context: AppContext | None = None
        self.roster: RosterActions | None = None
        self.watcher: ChangeWatcher | None = None
        self.stale: set[str] = set()

        self.start_page = StartPage()
        self.create_page = CreateEventPage()
        self.welcome_page = WelcomePage()
        self.howto = HowToPages(self)
        self.tabs = QTabWidget()
        self._building = False
        self.tabs.setDocumentMode(True)
        self.stack = QStackedWidget()
        for page in (self.start_page, self.create_page, self.welcome_page, self.tabs):
            self.stack.addWidget(page)
        self.setCentralWidget(self.stack)

        self.menus = MainMenus(self)
        self.menus.set_language(i18n.language())
        self.menus.set_event_open(False)
        self.template = TemplateActions(self, self.messages)
        self.backups = BackupActions(self, self.messages, close_event=self._close_database,
                                     open_path=self.open_path)
        self.kiosk = KioskController(self, self.tabs, self.messages)
        # A scanner's burst lands on the scan path wherever the keyboard is in the app.
        self.bursts = ScanBursts(self)
        QApplication.instance().installEventFilter(self.bursts)
        self.bursts.scanned.connect(self.take_scan)
        self._quit_confirmed = False
        self.workspace_keys = workspace_keys.install(self, self.tabs)
        self._connect()
        self.resize(1280, 800)
        self.retranslate()

    def _connect(self) -> None:
        m = self.menus
        m.new_event.triggered.connect(self.choose_new_event)
        m.open_event.triggered.connect(self.choose_event)
        m.recent_chosen.connect(lambda path: self.open_path(Path(path)))
        m.import_roster.triggered.connect(lambda: self.roster and self.roster.start_import())
        m.export_roster.triggered.connect(lambda: self.roster and self.roster.start_export())
        m.export_template.triggered.connect(self.template.start)
        m.back_up.triggered.connect(self.backups.start_backup)
        m.restore.triggered.connect(self.backups.start_restore)
        self.tabs.currentChanged.connect(self._build_if_pending)
        self.tabs.currentChanged.connect(lambda _index: self._refresh_if_stale())
        self.tabs.currentChanged.connect(lambda _index: self._workspace_shown())
        m.kiosk.triggered.connect(self.kiosk.enter)
        m.quit.triggered.connect(self.close)
        m.language_chosen.connect(self.set_language)
        m.about.triggered.connect(self.show_about)
        m.howto_desk.triggered.connect(lambda: self.howto.show("desk"))
        m.howto_chair.triggered.connect(lambda: self.howto.show("chair"))
        m.howto_records.triggered.connect(lambda: self.howto.show("records"))
        self.welcome_page.demo_requested.connect(self.open_demo)
        self.welcome_page.create_requested.connect(self._create_in_default_file)
        self.welcome_page.open_requested.connect(self.choose_event)
        self.create_page.back_requested.connect(self.show_welcome)
        self.start_page.open_requested.connect(self.choose_event)
        self.start_page.new_requested.connect(self.choose_new_event)
        self.create_page.create_requested.connect(self.create_event)

    # --- texts ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.menus.retranslate()
        self.kiosk.retranslate()
        for number in range(self.tabs.count()):
            self.tabs.setTabText(number, self.tabs.widget(number).title())
        self._update_title()

    def set_language(self, language: str) -> None:
        """Switch the whole app to ``language`` now, and remember the choice."""
        if language not in config.LANGUAGES:
            raise ValueError(language)
        self.translators.install(language)
        settings.save_language(language)
        self.menus.set_language(language)
        log.info("language switched to %s", language)

    def _update_title(self) -> None:
        if self.db is None:
            self.setWindowTitle(APP_NAME)
            return
        where = self.db.path.name if self.db.path is not None else self.db.describe()
        event = events.load_event(self.db)
        if event is None:
            self.setWindowTitle(f"{where} — {APP_NAME}")
            return
        lang = i18n.language()
        short = i18n.pick(lang, event.short_name_es, event.short_name_en) or event.name(lang)
        self.setWindowTitle(f"{short} — {where}")

    # --- the event file ------------------------------------------------------------------

    def open_url(self, url: str) -> bool:
        """Open (or create) the database at ``url``; on failure say why and stay usable."""
        try:
            db = open_database(url, actor=self.actor)
        except DatabaseError as exc:
            log.warning("could not open %s: %s", describe_url(url), exc)
            self.messages.warn(self, self.tr("The event could not be opened"), str(exc))
            self.start_page.set_problem(str(exc))
            if self.db is None:
                self.stack.setCurrentWidget(self.start_page)
            return False
        self._set_database(db)
        return True

    def open_path(self, path: Path) -> bool:
        if not path.exists():
            settings.remove_recent_file(path)
            self.menus.rebuild_recent()
            self.messages.warn(
                self, self.tr("The event could not be opened"),
                self.tr("There is no event file at {path}.").format(path=path),
            )
            return False
        return self.open_url(sqlite_url(path))

    def _set_database(self, db: Database) -> None:
        self._close_database()
        self.db = db
        self.context = AppContext(db, self.messages, self)
        self.context.event_changed.connect(self._update_title)
        self.roster = RosterActions(self, self.context)
        if db.path is not None:
            self.menus.remember(db.path)
        if db.upgraded_from:
            self.messages.inform(
                self, self.tr("Event file upgraded"),
                self.tr("This file was made by an older version and has been upgraded. "
                        "A copy of the original was kept at {path}.").format(
                    path=db.backup_before_upgrade),
            )
        self.backups.attach(db)
        self.watcher = ChangeWatcher(db, self)
        self.watcher.changed.connect(self.other_desks_wrote)
        # Say so before the next scan fails: the server (or the file's drive) is gone.
        self.watcher.unavailable.connect(lambda problem: self.statusBar().showMessage(problem))
        self.watcher.available.connect(lambda: self.statusBar().clearMessage())
        self.watcher.start()
        self.database_opened.emit(db)
        if events.load_event(db) is None:
            self.create_page.show_error("")
            self.stack.setCurrentWidget(self.create_page)
            self.menus.set_event_open(False)
        else:
            self._show_workspaces()
        self._update_title()

    def other_desks_wrote(self) -> None:
        """The record changed (maybe on another laptop): reload the workspace on screen now,
        the other live ones when they are shown."""
        self.stale = {w.KEY for w in self.workspaces if w.KEY in LIVE}
        self._refresh_if_stale()

    def _refresh_if_stale(self) -> None:
        current = self.tabs.currentWidget()
        key = getattr(current, "KEY", None)
        if key in self.stale:
            self.stale.discard(key)
            current.refresh()

    def _close_database(self) -> None:
        finish_jobs()  # a job started a moment ago still works on this event
        self.kiosk.attach(None, None)
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher.deleteLater()
            self.watcher = None
        self.backups.detach()
        tabs = [self.tabs.widget(i) for i in range(self.tabs.count())]
        self.tabs.clear()
        for tab in tabs:
            tab.deleteLater()
        if self.roster is not None:
            self.roster.deleteLater()
            self.roster = None
        if self.context is not None:
            self.context.deleteLater()
            self.context = None
        if self.db is not None:
            self.db.close()
            self.db = None

    def _show_workspaces(self) -> None:
        assert self.context is not None
        self.tabs.clear()
        self._building = True
        for spec in WORKSPACES:
            pending = PendingWorkspace(*spec)
            self.tabs.addTab(pending, pending.title())
        self._building = False
        self._build_if_pending(self.tabs.currentIndex())
        self.stack.setCurrentWidget(self.tabs)
        self.create_page.set_back_visible(False)
        self.menus.set_event_open(True)
        self.kiosk.attach(self.db, self.workspace("desk"))
        self.event_ready.emit()
        self._workspace_shown()

    @property
    def workspaces(self) -> list[Workspace]:
        """The workspaces built so far, in tab order."""
        widgets = (self.tabs.widget(i) for i in range(self.tabs.count()))
        return [w for w in widgets if not isinstance(w, PendingWorkspace)]

    def workspace(self, key: str) -> Workspace:
        """The workspace ``key``, built now if it was not yet."""
        for index in range(self.tabs.count()):
            if self.tabs.widget(index).KEY == key:
                return self._build_if_pending(index)
        raise KeyError(key)

    def _build_if_pending(self, index: int) -> Workspace | None:
        widget = self.tabs.widget(index)
        if not isinstance(widget, PendingWorkspace) or self._building or self.context is None:
            return widget
        self._building = True
        try:
            workspace = widget.kind(self.context)
            current = self.tabs.currentIndex() == index
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, workspace, workspace.title())
            if current:
                self.tabs.setCurrentIndex(index)
            widget.deleteLater()
        finally:
            self._building = False
        return workspace

    def show_workspace(self, key: str) -> Workspace:
        workspace = self.workspace(key)
        self.tabs.setCurrentWidget(workspace)
        return workspace

    def create_event(self, details: events.EventDetails) -> None:
        if self.db is None:
            return
        try:
            events.create_event(self.db, details, self.create_page.presets())
        except Refusal as exc:
            self.create_page.show_error(str(exc))
            return
        self._show_workspaces()
        self.show_workspace("setup")
        self._update_title()

    def _workspace_shown(self) -> None:
        # While a tab is being built Qt passes through its neighbour: no page for that one.
        if self._building:
            return
        if self.stack.currentWidget() is self.tabs:
            self.howto.workspace_shown(getattr(self.tabs.currentWidget(), "KEY", None))

    # --- the first run -------------------------------------------------------------------

    def show_welcome(self) -> None:
        """No event on this laptop yet: offer the demo, a new event or a file."""
        self._close_database()
        self.welcome_page.show_error("")
        self.stack.setCurrentWidget(self.welcome_page)
        self.menus.set_event_open(False)
        self._update_title()

    def open_demo(self) -> bool:
        """Build the demo event in its own file in the user data folder, and open it."""
        try:
            path = ensure_demo()
        except Refusal as exc:
            log.warning("could not build the demo: %s", exc)
            self.welcome_page.show_error(str(exc))
            return False
        except OSError as exc:
            log.warning("could not build the demo: %s", exc)
            self.welcome_page.show_error(write_problem(exc))
            return False
        return self.open_path(path)

    def _create_in_default_file(self) -> None:
        if self.open_url(sqlite_url(config.default_event_path())) and (
                self.stack.currentWidget() is self.create_page):
            self.create_page.set_back_visible(True)

    def choose_event(self) -> None:
        self.messages.choose_open_file(
            self, self.tr("Open event"),
            self.tr("Event files (*.sqlite *.db);;All files (*)"),
            lambda path: path and self.open_path(Path(path)),
        )

    def choose_new_event(self) -> None:
        folder = config.data_dir() / "events"
        folder.mkdir(parents=True, exist_ok=True)
        self.messages.choose_save_file(
            self, self.tr("New event"),
            self.tr("Event files (*.sqlite)"),
            str(folder / f"event{config.EVENT_SUFFIX}"),
            self.new_event_at,
            confirm_overwrite=False,
        )

    def new_event_at(self, path: str) -> bool:
        """Create an event file at ``path`` and show the create-event form."""
        if not path:
            return False
        file = Path(path)
        if file.suffix.lower() not in (".sqlite", ".db"):
            file = file.with_name(file.name + config.EVENT_SUFFIX)
        if file.exists():
            self.messages.warn(
                self, self.tr("New event"),
                self.tr("There is already a file at {path}. Choose another name, or open it "
                        "with File → Open event.").format(path=file),
            )
            return False
        return self.open_url(sqlite_url(file))

    def show_about(self) -> None:
        self.messages.inform(
            self, self.tr("About Encounter Desk"),
            self.tr("Encounter Desk {version}\nRuns a parliamentary meeting offline: QR "
                    "check-in, the list of speakers and the clock, attendance and the "
                    "minutes.").format(version=__version__),
        )

    def take_scan(self, text: str, scan_uid: str) -> None:
        """A scanner's burst: to the workspace on screen, which does what it needs with a
        badge (the desk checks in, the chair finds the speaker, …); the desk when the one on
        screen has no use for a badge. Without an open event there is nothing to do."""
        if self.stack.currentWidget() is not self.tabs or self.context is None:
            self.statusBar().showMessage(self.tr("A badge was scanned, but no event is open."))
            return
        current = self.tabs.currentWidget()
        take = getattr(current, "take_scan", None)
        if take is None or not take(text, scan_uid):
            desk = self.show_workspace("desk")
            desk.take_scan(text, scan_uid)  # type: ignore[attr-defined]

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.db is not None and self.context is not None and not self._quit_confirmed:
            # Never at once: a stray key (or a scan into a menu) must not close the desk.
            event.ignore()
            self.messages.ask(
                self, self.tr("Quit Encounter Desk"),
                self.tr("An event is open. Quit Encounter Desk? Scans at this laptop stop "
                        "until it is opened again."),
                self._quit_now, self.tr("Quit"))
            return
        self.bursts.enabled = False
        self._close_database()
        super().closeEvent(event)

    def close_without_asking(self) -> None:
        """Close at once (Ctrl-C in the terminal): no question about the open event."""
        self._quit_confirmed = True
        self.close()

    def _quit_now(self) -> None:
        self._quit_confirmed = True
        QTimer.singleShot(0, self.close)  # not inside the close being refused
