"""The one field a handheld scanner types into.

A scanner is a keyboard: it types the code's characters in a burst and ends it with Enter
(some models with Tab). Each terminator makes one scan: the field hands the text over and
clears itself in the same key event, so the characters of the next badge can never run
into the last one, however fast they come. Tab is taken as a terminator here and never
moves the focus away from the field.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

TERMINATORS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab})

MAX_SCAN_CHARS = 4096
"""A field never holds more: a stuck key or a pasted page cannot grow it without bound
(the check-in service keeps the first 512 characters and the length it was given)."""


class ScanField(QLineEdit):
    """Emits :attr:`scanned` (text, scan uid) once per burst ended by Enter or Tab."""

    scanned = Signal(str, str)
    empty_enter = Signal()  # Enter with nothing typed (after "not a badge": search for it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanInput")
        self.setMaxLength(MAX_SCAN_CHARS)
        font = QFont(self.font())
        font.setPointSize(22)
        self.setFont(font)
        self.setMinimumHeight(52)
        self.setClearButtonEnabled(False)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)

    def event(self, event: QEvent) -> bool:
        # Tab never reaches the focus chain: it ends a scan like Enter does.
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                self._finish()
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in TERMINATORS:
            self._finish()
            event.accept()
            return
        super().keyPressEvent(event)

    def _finish(self) -> None:
        raw = self.text()
        self.clear()
        if raw.strip():
            self.scanned.emit(raw, uuid.uuid4().hex)
        else:
            self.empty_enter.emit()
