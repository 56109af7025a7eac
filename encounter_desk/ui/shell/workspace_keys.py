"""The keys that switch workspaces from anywhere in the main window, the scan field too.

Ctrl+1, Ctrl+2, … open the workspace of that tab (in the tabs' order); Ctrl+Tab and Ctrl+PgDown the next one,
Ctrl+Shift+Tab and Ctrl+PgUp the one before. They are window-wide shortcuts, so a field
that keeps Tab for itself (the desk's scan field ends a scan with it) does not swallow
them. Kiosk mode still keeps the clerk on the desk (it turns any other tab back).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTabWidget, QWidget

NEXT_KEYS = ("Ctrl+Tab", "Ctrl+PgDown")
PREVIOUS_KEYS = ("Ctrl+Shift+Tab", "Ctrl+Backtab", "Ctrl+PgUp")
NUMBERED = 9
"""Ctrl+1 … Ctrl+9: as many as there are tabs."""


def install(window: QWidget, tabs: QTabWidget) -> list[QShortcut]:
    made = []

    def key(sequence: str, handler) -> None:  # noqa: ANN001
        shortcut = QShortcut(QKeySequence(sequence), window)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(handler)
        made.append(shortcut)

    def go(index: int) -> None:
        if tabs.isVisible() and 0 <= index < tabs.count():
            tabs.setCurrentIndex(index)

    def step(by: int) -> None:
        if tabs.count():
            go((tabs.currentIndex() + by) % tabs.count())

    for number in range(NUMBERED):
        key(f"Ctrl+{number + 1}", lambda n=number: go(n))
    for sequence in NEXT_KEYS:
        key(sequence, lambda: step(+1))
    for sequence in PREVIOUS_KEYS:
        key(sequence, lambda: step(-1))
    return made
