"""The main window's menu bar: File, View → Language, Help; and the recent events."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from encounter_desk.ui.shell import settings


class MainMenus(QObject):
    """Builds the menus on ``window`` and re-translates them; emits what the user chose."""

    recent_chosen = Signal(str)
    language_chosen = Signal(str)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        bar = window.menuBar()
        self.file_menu = bar.addMenu("")
        self.new_event = self._action(self.file_menu, QKeySequence.StandardKey.New)
        self.open_event = self._action(self.file_menu, QKeySequence.StandardKey.Open)
        self.recent_menu = self.file_menu.addMenu("")
        self.file_menu.addSeparator()
        self.import_roster = self._action(self.file_menu)
        self.export_roster = self._action(self.file_menu)
        self.export_template = self._action(self.file_menu)
        self.file_menu.addSeparator()
        self.back_up = self._action(self.file_menu)
        self.restore = self._action(self.file_menu)
        self.file_menu.addSeparator()
        self.quit = self._action(self.file_menu, QKeySequence.StandardKey.Quit)

        self.view_menu = bar.addMenu("")
        self.language_menu = self.view_menu.addMenu("")
        group = QActionGroup(self)
        self.spanish = self._action(self.language_menu)
        self.english = self._action(self.language_menu)
        for action, code in ((self.spanish, "es"), (self.english, "en")):
            action.setCheckable(True)
            action.setData(code)
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, c=code: self.language_chosen.emit(c))
        self.view_menu.addSeparator()
        self.kiosk = self._action(self.view_menu)
        self.kiosk.setShortcut(QKeySequence("Ctrl+Shift+K"))

        self.help_menu = bar.addMenu("")
        self.howto_desk = self._action(self.help_menu)
        self.howto_chair = self._action(self.help_menu)
        self.howto_records = self._action(self.help_menu)
        self.help_menu.addSeparator()
        self.about = self._action(self.help_menu)
        self.clear_recent = QAction(self)
        self.clear_recent.triggered.connect(self._clear_recent)
        self.rebuild_recent()
        self.retranslate()

    def _action(self, menu: QMenu, shortcut: QKeySequence.StandardKey | None = None) -> QAction:
        action = QAction(menu)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        menu.addAction(action)
        return action

    def set_language(self, language: str) -> None:
        (self.spanish if language == "es" else self.english).setChecked(True)

    def set_event_open(self, is_open: bool) -> None:
        for action in (self.import_roster, self.export_roster, self.back_up, self.restore,
                       self.kiosk):
            action.setEnabled(is_open)

    def retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.new_event.setText(self.tr("&New event…"))
        self.open_event.setText(self.tr("&Open event…"))
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self.import_roster.setText(self.tr("&Import roster…"))
        self.export_roster.setText(self.tr("&Export roster…"))
        self.export_template.setText(self.tr("Export roster &template…"))
        self.back_up.setText(self.tr("&Back up to…"))
        self.restore.setText(self.tr("Restore from &backup…"))
        self.quit.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.spanish.setText("Español")
        self.english.setText("English")
        self.kiosk.setText(self.tr("&Kiosk mode (desk only)"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.howto_desk.setText(self.tr("How the &desk works"))
        self.howto_chair.setText(self.tr("How the &chair works"))
        self.howto_records.setText(self.tr("How the &records work"))
        self.about.setText(self.tr("&About Encounter Desk"))
        self.clear_recent.setText(self.tr("Clear the list"))
        self.rebuild_recent()

    def rebuild_recent(self) -> None:
        """The last eight event files; files that are gone are shown greyed out."""
        menu = self.recent_menu
        menu.clear()
        paths = settings.recent_files()
        for number, path in enumerate(paths, start=1):
            action = menu.addAction(f"&{number} {path.name} — {path.parent}")
            action.setData(str(path))
            if not path.exists():
                action.setEnabled(False)
                action.setToolTip(self.tr("This file no longer exists."))
            action.triggered.connect(lambda _checked=False, p=str(path): self.recent_chosen.emit(p))
        if not paths:
            empty = menu.addAction(self.tr("(no recent events)"))
            empty.setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction(self.clear_recent)
        menu.setToolTipsVisible(True)

    def recent_actions(self) -> list[QAction]:
        return [a for a in self.recent_menu.actions() if a.data()]

    def remember(self, path: Path) -> None:
        settings.add_recent_file(path)
        self.rebuild_recent()

    def _clear_recent(self) -> None:
        for path in settings.recent_files():
            settings.remove_recent_file(path)
        self.rebuild_recent()
