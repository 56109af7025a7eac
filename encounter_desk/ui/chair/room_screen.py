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

from PySide6.QtCore import Qt
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


def screen_for_room(chair_screen: QScreen | None, gone: QScreen | None = None,
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


class RoomScreenPlacement:
    """For a room's window (a QWidget that is a top-level window with the chair's
    workspace as parent): full screen on the room's screen without taking the keyboard,
    a window on the chair's screen when that screen is unplugged, back when it returns.
    Call :meth:`follow_screens` once from ``__init__``."""

    wanted = False
    """The chair asked for the room's screen (and has not closed it)."""

    def follow_screens(self) -> None:
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setWindowFlag(Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        app = QGuiApplication.instance()
        app.screenRemoved.connect(self.screen_removed)
        app.screenAdded.connect(self.screen_added)

    def chair_screen(self) -> QScreen | None:
        """The screen the chair's own window is on."""
        parent = self.parentWidget()
        return parent.window().screen() if parent is not None else None

    def room_screen(self, gone: QScreen | None = None) -> QScreen | None:
        """The screen chosen for the room, or any other than the chair's; None with one."""
        return screen_for_room(self.chair_screen(), gone)

    def show_on_room_screen(self) -> bool:
        """Full screen on the room's screen; a window when there is only one screen. The
        chair's window keeps the keyboard. Returns whether it went full screen."""
        self.wanted = True
        return self._place()

    def close_room_screen(self) -> None:
        self.wanted = False
        self.hide()

    def _place(self, gone: QScreen | None = None) -> bool:
        screen = self.room_screen(gone)
        if screen is None:
            if self.isFullScreen():
                self.showNormal()
            here = self.chair_screen()
            if here is None or here is gone:
                here = next(iter(connected(gone)), None)
            if here is not None:
                area = here.availableGeometry()
                self.setScreen(here)
                self.resize(min(1280, area.width() * 3 // 4), min(720, area.height() * 3 // 4))
                self.move(area.center() - self.rect().center())
            self.show()
            self._give_keyboard_back()
            return False
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()
        self._give_keyboard_back()
        return True

    def _give_keyboard_back(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            parent.window().activateWindow()

    def screen_removed(self, screen: QScreen) -> None:
        """A screen went (a cable pulled): off it, as a window, before Qt moves it anyhow."""
        if self.wanted and self.isVisible() and (
                self.screen() is screen or self.isFullScreen()):
            self._place(gone=screen)

    def screen_added(self, _screen: QScreen) -> None:
        """A screen came back: full screen on it again if the room's picture is up."""
        if self.wanted and self.isVisible() and not self.isFullScreen():
            self._place()

