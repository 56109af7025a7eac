"""Every key the chair uses during a speech, in one table: installed, listed, documented.

:data:`SHORTCUTS` is the single source: :func:`install` makes a ``QShortcut`` of each
workspace-wide entry with the ``WidgetWithChildrenShortcut`` context (it fires only while
the Chair workspace has the focus, never in the desk's or another workspace), the help
overlay lists them all, and ``docs/chair-shortcuts.md`` mirrors them (a test keeps the two
in step). Keys avoid the main window's menu shortcuts (Ctrl+N, Ctrl+O, Ctrl+Q), which
would make a key ambiguous. Entries with ``in_queue`` are keys of the speaker list
itself, handled by :class:`~encounter_desk.ui.chair.queue_view.QueueView`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, translate

CONTEXT = "ChairShortcuts"


@dataclass(frozen=True)
class ChairShortcut:
    action: str
    keys: tuple[str, ...]
    label: str
    """English source text; shown through ``translate("ChairShortcuts", label)``."""
    in_queue: bool = False

    def description(self) -> str:
        return translate(CONTEXT, self.label)

    def key_text(self) -> str:
        return "  /  ".join(
            QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in self.keys)


SHORTCUTS: tuple[ChairShortcut, ...] = (
    ChairShortcut("next", ("F5", "Ctrl+Return"),
                  QT_TRANSLATE_NOOP("ChairShortcuts", "Give the floor to the next speaker")),
    ChairShortcut("pause", ("F6", "Ctrl+P"),
                  QT_TRANSLATE_NOOP("ChairShortcuts", "Pause or resume the clock")),
    ChairShortcut("add_time", ("F7", "Ctrl++", "Ctrl+="),
                  QT_TRANSLATE_NOOP("ChairShortcuts", "Give the speaker 30 seconds more")),
    ChairShortcut("remove_time", ("Shift+F7", "Ctrl+-"),
                  QT_TRANSLATE_NOOP("ChairShortcuts", "Take 30 seconds from the speaker")),
    ChairShortcut("end", ("F8", "Ctrl+E"),
                  QT_TRANSLATE_NOOP("ChairShortcuts", "End the speech")),
    ChairShortcut("point_of_order", ("F9", "Ctrl+Shift+O"),
                  QT_TRANSLATE_NOOP("ChairShortcuts",
                                    "Point of order: find who raises it, Enter gives them "
                                    "the floor and pauses the speaker")),
    ChairShortcut("point_reason", ("Ctrl+Shift+M",),
                  QT_TRANSLATE_NOOP("ChairShortcuts",
                                    "Reason of the point of order on the floor (or just given)")),
    ChairShortcut("right_of_reply", ("F10", "Ctrl+R"),
                  QT_TRANSLATE_NOOP("ChairShortcuts",
                                    "Right of reply to the speech on the floor: find who "
                                    "asks, Enter puts them next")),
    ChairShortcut("question", ("Ctrl+Shift+Q",),
                  QT_TRANSLATE_NOOP("ChairShortcuts", "Question to the speaker: find who asks")),
    ChairShortcut("find", ("Ctrl+F", "Ctrl+L"),
                  QT_TRANSLATE_NOOP("ChairShortcuts",
                                    "Add a speaker: type a name or scan a badge, then Enter")),
    ChairShortcut("give_floor", ("Ctrl+Shift+Return",),
                  QT_TRANSLATE_NOOP("ChairShortcuts",
                                    "Give the floor to the selected speaker, out of turn")),
    ChairShortcut("toggle_list", ("Ctrl+Shift+C",),
                  QT_TRANSLATE_NOOP("ChairShortcuts", "Close or reopen the list")),
    ChairShortcut("times", ("Ctrl+T",),
                  QT_TRANSLATE_NOOP("ChairShortcuts", "Speaking times of the list")),
    ChairShortcut("mark_present", ("Ctrl+Shift+P",),
                  QT_TRANSLATE_NOOP("ChairShortcuts",
                                    "Mark present the speaker just flagged as not present")),
    ChairShortcut("readd", ("Ctrl+Shift+R",),
                  QT_TRANSLATE_NOOP("ChairShortcuts", "Put the last speaker back on the list")),
    ChairShortcut("queue", ("Alt+L",),
                  QT_TRANSLATE_NOOP("ChairShortcuts", "Go to the list of speakers")),
    ChairShortcut("move_up", ("Alt+Up", "Ctrl+Up"),
                  QT_TRANSLATE_NOOP("ChairShortcuts", "Move the selected speaker up"),
                  in_queue=True),
    ChairShortcut("move_down", ("Alt+Down", "Ctrl+Down"),
                  QT_TRANSLATE_NOOP("ChairShortcuts", "Move the selected speaker down"),
                  in_queue=True),
    ChairShortcut("withdraw", ("Delete",),
                  QT_TRANSLATE_NOOP("ChairShortcuts", "Withdraw the selected speaker"),
                  in_queue=True),
    ChairShortcut("undo_withdraw", ("Ctrl+Z",),
                  QT_TRANSLATE_NOOP("ChairShortcuts",
                                    "Put the last withdrawn speaker back where they were")),
    ChairShortcut("open_sitting", ("Ctrl+Shift+I",),
                  QT_TRANSLATE_NOOP("ChairShortcuts",
                                    "Open the session (records the time and the quorum)")),
    ChairShortcut("suspend_sitting", ("Ctrl+Shift+S",),
                  QT_TRANSLATE_NOOP("ChairShortcuts", "Suspend the session (recess)")),
    ChairShortcut("resume_sitting", ("Ctrl+Shift+U",),
                  QT_TRANSLATE_NOOP("ChairShortcuts", "Resume the session after the recess")),
    ChairShortcut("adjourn_sitting", ("Ctrl+Shift+L",),
                  QT_TRANSLATE_NOOP("ChairShortcuts", "Adjourn the session (asks first)")),
    ChairShortcut("projector", ("F11",),
                  QT_TRANSLATE_NOOP("ChairShortcuts", "Show the room screen (projector)")),
    ChairShortcut("projector_off", ("Shift+F11",),
                  QT_TRANSLATE_NOOP("ChairShortcuts", "Close the room screen")),
    ChairShortcut("help", ("F1",),
                  QT_TRANSLATE_NOOP("ChairShortcuts", "Show or hide this list of shortcuts")),
)


def by_action(action: str) -> ChairShortcut:
    return next(s for s in SHORTCUTS if s.action == action)


def with_key(text: str, action: str) -> str:
    """A button's text followed by its first key: "Withdraw  (Del)" (the short names
    written on keyboards, which fit a small screen in either language)."""
    key = QKeySequence(by_action(action).keys[0]).toString(
        QKeySequence.SequenceFormat.PortableText)
    return f"{text}  ({key})"


def install(workspace: QWidget, handlers: Mapping[str, Callable[[], None]]) -> list[QShortcut]:
    """A ``QShortcut`` per key of every workspace-wide entry, bound to ``handlers``."""
    made = []
    for shortcut in SHORTCUTS:
        if shortcut.in_queue:
            continue
        handler = handlers[shortcut.action]
        for key in shortcut.keys:
            qs = QShortcut(QKeySequence(key), workspace)
            qs.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            qs.setObjectName(f"shortcut_{shortcut.action}")
            qs.activated.connect(handler)
            made.append(qs)
    return made
