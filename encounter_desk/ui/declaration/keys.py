"""Every key of the Declaration workbench, in one table: installed, listed, documented.

The keys work while the workbench has the focus (``WidgetWithChildrenShortcut``), never in
another workspace; ``docs/guide/*/declaration.md`` lists them. The room's window takes a
presenter's clicker (Page Down / Page Up) and the arrow keys itself
(:class:`~encounter_desk.ui.declaration.room_screen.RoomWindow`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from encounter_desk.core.i18n import QT_TRANSLATE_NOOP

SHORTCUTS = (
    ("next_paragraph", ("Alt+Down", "Ctrl+PgDown"),
     QT_TRANSLATE_NOOP("DeclarationKeys", "Discuss the next paragraph")),
    ("previous_paragraph", ("Alt+Up", "Ctrl+PgUp"),
     QT_TRANSLATE_NOOP("DeclarationKeys", "Discuss the previous paragraph")),
    ("next_amendment", ("Alt+Right",),
     QT_TRANSLATE_NOOP("DeclarationKeys", "Show the paragraph's next amendment")),
    ("previous_amendment", ("Alt+Left",),
     QT_TRANSLATE_NOOP("DeclarationKeys", "Show the previous amendment (or the paragraph)")),
    ("discuss", ("Ctrl+Return",),
     QT_TRANSLATE_NOOP("DeclarationKeys", "Discuss the selected paragraph")),
    ("room", ("F11",), QT_TRANSLATE_NOOP("DeclarationKeys", "Show the room screen")),
)
"""Every key of the workbench: (action, keys, what it does)."""


def install_keys(widget: QWidget, handlers: Mapping[str, Callable[[], Any]]) -> list[QShortcut]:
    """A ``QShortcut`` of ``widget`` for every key of :data:`SHORTCUTS`."""
    out = []
    for action, keys, _label in SHORTCUTS:
        for key in keys:
            shortcut = QShortcut(QKeySequence(key), widget)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(handlers[action])
            out.append(shortcut)
    return out
