"""Which screen the room's picture goes to: the one chosen in Setup, kept on this laptop.

A laptop at the chair's table has its own screen and, usually, a projector or a large
screen for the room. Setup → This desk names the room's screen (by the name the system
gives it, e.g. ``HDMI-1``); "automatic" takes the screen that is not the chair's. The
choice is kept in this laptop's settings, not in the event file: another laptop has other
screens. When the chosen screen is not connected (the cable was pulled), any other screen
than the chair's serves; with one screen there is no room screen, and the room's picture
is an ordinary window.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QScreen

from encounter_desk.ui.shell import settings

ROOM_SCREEN_KEY = "chair/room_screen"
AUTOMATIC = ""
"""The saved choice that means "the screen that is not the chair's"."""


def saved_choice() -> str:
    """The name of the screen chosen for the room on this laptop ("" for automatic)."""
    value = settings.app_settings().value(ROOM_SCREEN_KEY, AUTOMATIC)
    return str(value or AUTOMATIC)


def save_choice(name: str) -> None:
    settings.remember(ROOM_SCREEN_KEY, name)


def describe(screen: QScreen) -> str:
    """How Setup names a screen: its system name and its size."""
    size = screen.size()
    return f"{screen.name()} — {size.width()} × {size.height()}"


def connected(gone: QScreen | None = None) -> list[QScreen]:
    """The screens connected now; ``gone`` is one being unplugged (Qt may still list it)."""
    return [s for s in QGuiApplication.screens() if s is not gone]


def room_screen(chair_screen: QScreen | None, gone: QScreen | None = None,
                choice: str | None = None) -> QScreen | None:
    """The screen for the room's picture, never the chair's own; None with one screen."""
    screens = connected(gone)
    chair = chair_screen if chair_screen in screens else QGuiApplication.primaryScreen()
    others = [s for s in screens if s is not chair]
    if not others:
        return None
    choice = saved_choice() if choice is None else choice
    chosen = next((s for s in others if s.name() == choice), None)
    return chosen or others[0]
