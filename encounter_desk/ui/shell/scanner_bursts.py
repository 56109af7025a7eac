"""A handheld scanner recognised by its shape, wherever the keyboard is in the app.

A scanner is a keyboard that types a whole code in a burst — a key every few milliseconds,
far faster than a person types — and ends it with Enter, keypad Enter, Tab or a line feed.
The clerk may have left the keyboard anywhere: in the search box, on a button, in an open
menu, in a dialog. :class:`ScanBursts` watches every key press of the application:

* a plain key (a character, no Ctrl/Alt/Meta) is *held back* for a moment, with the widget
  it was meant for;
* when the next one follows within :data:`BURST_GAP_MS` it joins the burst;
* a terminator that follows a burst of at least :data:`MIN_BURST_CHARS` characters, typed
  :data:`SCAN_MEAN_GAP_MS` apart or closer on average, ends a scan: the held keys are dropped (the widget they were meant for never sees them), any
  open popup menu or combo list is closed, and :attr:`ScanBursts.scanned` carries the text;
* anything else — a pause, a short burst, a key with Ctrl — hands the held keys back, in
  order, to the widgets they were meant for, and a person's typing arrives as typed (a few
  tens of milliseconds late).

Times come from the key events' own timestamps (milliseconds), or from ``clock`` when one is
injected (tests: a fake clock, no sleeps). A key event without a timestamp (synthesised by a
program) cannot be measured and goes straight through.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

BURST_GAP_MS = 80
"""Keys further apart than this are never one burst: the held ones are handed back. A
scanner sends a key every 1–15 ms, but a busy laptop may deliver one late now and then."""

SCAN_MEAN_GAP_MS = 30
"""A burst is a scan when its keys came this close on average. A person's keys come 80 ms
or more apart (two rolled together may come closer: one short run is no scan, see
MIN_BURST_CHARS)."""

MIN_BURST_CHARS = 6
"""A burst shorter than this is a person's fast fingers, never a scan (a badge code is 25
characters; any code a desk reads is longer than six)."""

TERMINATORS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab})
MODIFIER_KEYS = frozenset({Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta,
                           Qt.Key.Key_AltGr, Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock})
"""A scanner holds Shift for every capital: a modifier alone neither joins nor ends a burst."""
_BLOCKING = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
             | Qt.KeyboardModifier.MetaModifier)


@dataclass
class _Held:
    receiver: QObject
    event: QKeyEvent
    at_ms: float


def _is_terminator(event: QKeyEvent) -> bool:
    if event.key() in TERMINATORS and not event.modifiers() & _BLOCKING:
        return True
    # A line feed: some scanners send Ctrl+J, some the character itself.
    return event.text() in ("\n", "\r") or (
        event.key() == Qt.Key.Key_J and bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier))


def _is_plain_character(event: QKeyEvent) -> bool:
    text = event.text()
    return (len(text) == 1 and text.isprintable() and not text.isspace()
            and not event.modifiers() & _BLOCKING)


class ScanBursts(QObject):
    """Install with ``QApplication.instance().installEventFilter(bursts)``."""

    scanned = Signal(str, str)  # the code's text, a scan uid

    def __init__(self, owner: QWidget, *, clock: Callable[[], float] | None = None) -> None:
        """Listens while ``owner`` (the main window) is on screen. ``clock``: milliseconds,
        for tests; otherwise the key events' timestamps."""
        super().__init__(owner)
        self.owner = owner
        self.clock = clock
        self.enabled = True
        self._held: list[_Held] = []
        self._replaying = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(BURST_GAP_MS + 5)
        self.timer.timeout.connect(self.hand_back_if_quiet)

    # --- the filter --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (self._replaying or not self.enabled or event.type() != QEvent.Type.KeyPress
                or not isinstance(event, QKeyEvent) or not self.owner.isVisible()):
            return False
        if event.key() in MODIFIER_KEYS:
            return False
        now = self._now(event)
        if now is None:  # a key without a time (made by a program): it cannot be a burst
            self.hand_back()
            return False
        if self._held and now - self._held[-1].at_ms > BURST_GAP_MS:
            self.hand_back()
        if _is_terminator(event) and not event.isAutoRepeat():
            if self._is_scan():
                self._finish()
                return True
            self.hand_back()
            return False
        if _is_plain_character(event) and not event.isAutoRepeat():
            self._held.append(_Held(watched, self._copy(event), now))
            self.timer.start()
            return True
        self.hand_back()
        return False

    def _is_scan(self) -> bool:
        held = self._held
        if len(held) < MIN_BURST_CHARS:
            return False
        return (held[-1].at_ms - held[0].at_ms) / (len(held) - 1) <= SCAN_MEAN_GAP_MS

    def _now(self, event: QKeyEvent) -> float | None:
        if self.clock is not None:
            return float(self.clock())
        # Every key from a window system carries its time; one made by a program may not.
        return float(event.timestamp()) or None

    @staticmethod
    def _copy(event: QKeyEvent) -> QKeyEvent:
        return QKeyEvent(event.type(), event.key(), event.modifiers(), event.nativeScanCode(),
                         event.nativeVirtualKey(), event.nativeModifiers(), event.text(),
                         event.isAutoRepeat(), event.count())

    # --- what becomes of the held keys -------------------------------------------------------

    def hand_back_if_quiet(self) -> None:
        """The timer's end: no key followed, so the held ones were a person's."""
        self.hand_back()

    def hand_back(self) -> None:
        """Deliver the held keys, in order, to the widgets they were meant for."""
        held, self._held = self._held, []
        self.timer.stop()
        if not held:
            return
        self._replaying = True
        try:
            for item in held:
                QApplication.sendEvent(item.receiver, item.event)
        finally:
            self._replaying = False

    def _finish(self) -> None:
        text = "".join(item.event.text() for item in self._held)
        self._held = []
        self.timer.stop()
        close_popups()
        log.info("scanner burst of %d characters", len(text))
        self.scanned.emit(text, uuid.uuid4().hex)


def close_popups() -> None:
    """Close any open popup menu or combo list (their keys would act as commands)."""
    for _ in range(10):
        popup = QApplication.activePopupWidget()
        if popup is None:
            return
        popup.close()
