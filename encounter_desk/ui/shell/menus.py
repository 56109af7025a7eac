"""The main window's menu bar: File, View → Language, Help; and the recent events."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from encounter_desk.ui.shell import settings
from encounter_desk.ui.widgets.texts import Text, Texts


class MainMenus(QObject):
    """Builds the menus on ``window`` and re-translates them; emits what the user chose."""

    recent_chosen = Signal(str)
    language_chosen = Signal(str)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        bar = window.menuBar()
        self.texts = texts = Texts()
        file_menu = self.file_menu = texts.title(bar.addMenu(""), lambda: self.tr("&File"))
        self.new_event = self._action(file_menu, lambda: self.tr("&New event…"),
                                      QKeySequence.StandardKey.New)
        self.open_event = self._action(file_menu, lambda: self.tr("&Open event…"),
                                       QKeySequence.StandardKey.Open)
        self.recent_menu = texts.title(file_menu.addMenu(""), lambda: self.tr("Open &recent"))
        file_menu.addSeparator()
        self.import_roster = self._action(file_menu, lambda: self.tr("&Import roster…"))
        self.export_roster = self._action(file_menu, lambda: self.tr("&Export roster…"))
        self.export_template = self._action(file_menu,
                                            lambda: self.tr("Export roster &template…"))
        file_menu.addSeparator()
        self.back_up = self._action(file_menu, lambda: self.tr("&Back up to…"))
        self.restore = self._action(file_menu, lambda: self.tr("Restore from &backup…"))
        file_menu.addSeparator()
        self.quit = self._action(file_menu, lambda: self.tr("&Quit"),
                                 QKeySequence.StandardKey.Quit)

        self.view_menu = texts.title(bar.addMenu(""), lambda: self.tr("&View"))
        self.language_menu = texts.title(self.view_menu.addMenu(""),
                                         lambda: self.tr("&Language"))
        group = QActionGroup(self)
        self.spanish = self._action(self.language_menu, lambda: "Español")
        self.english = self._action(self.language_menu, lambda: "English")
        for action, code in ((self.spanish, "es"), (self.english, "en")):
            action.setCheckable(True)
            action.setData(code)
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, c=code: self.language_chosen.emit(c))
        self.view_menu.addSeparator()
        self.kiosk = self._action(self.view_menu, lambda: self.tr("&Kiosk mode (desk only)"))
        self.kiosk.setShortcut(QKeySequence("Ctrl+Shift+K"))

        help_menu = self.help_menu = texts.title(bar.addMenu(""), lambda: self.tr("&Help"))
        self.howto_desk = self._action(help_menu, lambda: self.tr("How the &desk works"))
        self.howto_chair = self._action(help_menu, lambda: self.tr("How the &chair works"))
        self.howto_records = self._action(help_menu, lambda: self.tr("How the &records work"))
        help_menu.addSeparator()
        self.about = self._action(help_menu, lambda: self.tr("&About Encounter Desk"))
        self.clear_recent = texts.text(QAction(self), lambda: self.tr("Clear the list"))
        self.clear_recent.triggered.connect(self._clear_recent)
        self.rebuild_recent()
        self.retranslate()

    def _action(self, menu: QMenu, text: Text,
                shortcut: QKeySequence.StandardKey | None = None) -> QAction:
        action = self.texts.text(QAction(menu), text)
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
        self.texts.retranslate()
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
