"""Kiosk mode: only the Registration desk is reachable until the event's PIN is typed.

For a clerk's laptop at the door: the tabs and the menus disappear, the window fills the
screen, closing it is refused, and a "Leave kiosk mode…" button at the bottom asks for the
PIN set in Setup → This desk (:mod:`encounter_desk.event.kiosk_pin`). Nothing here is modal.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from encounter_desk.core.errors import Refusal
from encounter_desk.event import kiosk_pin as kiosk
from encounter_desk.storage.database import Database
from encounter_desk.ui.widgets.layout import named, problem_label
from encounter_desk.ui.widgets.messages import MessageBridge

log = logging.getLogger(__name__)


class PinDialog(QDialog):
    """Asks for the kiosk PIN; stays open (and says so) when the PIN is wrong."""

    def __init__(self, check, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("kioskPinDialog")
        self._check = check
        self.prompt = QLabel(self.tr("Type the kiosk PIN to leave kiosk mode."))
        self.pin = named(QLineEdit(), "kioskPinInput")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(kiosk.MAX_DIGITS)
        self.error = problem_label("kioskPinError")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._try)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.pin)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setWindowTitle(self.tr("Leave kiosk mode"))

    def _try(self) -> None:
        try:
            right = self._check(self.pin.text())
        except Refusal as exc:  # locked after too many wrong PINs
            self.pin.clear()
            self.error.setText(str(exc))
            self.adjustSize()  # the sentence may wrap onto a second line
            return
        if right:
            self.accept()
            return
        self.pin.clear()
        self.error.setText(self.tr("That is not the PIN."))
        self.pin.setFocus()


class KioskController(QObject):
    """Locks ``window`` onto its desk tab; :meth:`request_leave` asks for the PIN."""

    changed = Signal(bool)

    def __init__(self, window: QMainWindow, tabs: QTabWidget, messages: MessageBridge) -> None:
        super().__init__(window)
        self.window = window
        self.tabs = tabs
        self.messages = messages
        self.db: Database | None = None
        self.desk: QWidget | None = None
        self.active = False
        self.dialog: PinDialog | None = None
        self.guard: kiosk.PinGuard | None = None
        self.monotonic = time.monotonic  # tests put a ManualClock's monotonic here
        self._was_maximized = False
        self.leave_button = named(QPushButton(), "leaveKioskButton")
        self.leave_button.clicked.connect(self.request_leave)
        self.leave_button.hide()
        self.banner = QLabel()
        self.banner.hide()
        tabs.currentChanged.connect(self._keep_desk)
        window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.leave_button.setText(self.tr("Leave kiosk mode…"))
        self.banner.setText(self.tr("Kiosk mode: only the desk is open."))

    def attach(self, db: Database | None, desk: QWidget | None) -> None:
        """The event and desk the window shows now (None when no event is open)."""
        if self.active and (db is None or desk is None):
            self._unlock()
        self.db, self.desk = db, desk

    def enter(self) -> bool:
        if self.active:
            return True
        if self.db is None or self.desk is None:
            return False
        if not kiosk.has_pin(self.db):
            self.messages.warn(
                self.window, self.tr("Kiosk mode needs a PIN"),
                self.tr("Set a kiosk PIN first in Setup → This desk: it is what lets a "
                        "supervisor leave kiosk mode."),
            )
            return False
        self.active = True
        self._was_maximized = self.window.isMaximized()
        self.tabs.setCurrentWidget(self.desk)
        self.tabs.tabBar().hide()
        self.window.menuBar().hide()
        status = self.window.statusBar()
        status.addWidget(self.banner, 1)
        status.addPermanentWidget(self.leave_button)
        self.banner.show()
        self.leave_button.show()
        status.show()
        self.window.showFullScreen()
        log.info("kiosk mode on")
        self.changed.emit(True)
        return True

    def request_leave(self) -> None:
        if not self.active or self.db is None:
            return
        if self.guard is None or self.guard.db is not self.db:
            self.guard = kiosk.PinGuard(self.db, self.monotonic)
        self.dialog = PinDialog(self.guard.attempt, self.window)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.accepted.connect(self._unlock)
        self.dialog.open()

    def _unlock(self) -> None:
        if not self.active:
            return
        self.active = False
        self.tabs.tabBar().show()
        self.window.menuBar().show()
        status = self.window.statusBar()
        for widget in (self.banner, self.leave_button):
            status.removeWidget(widget)
            widget.hide()
        if self._was_maximized:
            self.window.showMaximized()
        else:
            self.window.showNormal()
        log.info("kiosk mode off")
        self.changed.emit(False)

    def _keep_desk(self, _index: int) -> None:
        if self.active and self.desk is not None and self.tabs.currentWidget() is not self.desk:
            self.tabs.setCurrentWidget(self.desk)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.window and self.active and event.type() == QEvent.Type.Close:
            event.ignore()
            self.request_leave()
            return True
        return super().eventFilter(watched, event)
