"""Opening the desktop app: ``encounter-desk [open]``, and why a window cannot open here.

The CLI stands below the UI and does not import Qt: the entry point
(:mod:`encounter_desk.launch`) hands :func:`encounter_desk.cli.main.main` a :class:`Desktop`.
Before asking it to open, the command checks that there is a display, and on an X11
desktop that the system libraries Qt's X11 plugin loads are there, so that a missing one
is one sentence instead of a Qt abort.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Protocol

from encounter_desk.cli.common import CommandError, add_command, command
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, translate


class Desktop(Protocol):
    """What the CLI needs of the desktop app (``ui/shell/launcher.py`` provides it)."""

    def open(self, database_url: str, language: str | None) -> int: ...

    def check_window(self, database_url: str, language: str) -> str: ...


@command("open", "CLI", QT_TRANSLATE_NOOP("CLI", "open the desktop app (the default)"),
         QT_TRANSLATE_NOOP("CLI", "Open the desktop app on the event."))
def cmd_open(args: argparse.Namespace) -> int:
    if not display_available():
        print(no_display_message(), file=sys.stderr)
        return 2
    missing = missing_x11_library()
    if missing:
        print(missing_x11_message(missing), file=sys.stderr)
        return 2
    if args.desktop is None:
        raise CommandError(translate("CLI", "This command line was started without the desktop app."))
    # A language saved in the app's settings wins unless --lang was given.
    return args.desktop.open(args.url, args.lang_given)


def display_available() -> bool:
    """Whether Qt can open a window here (a display, or an explicit platform plugin)."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux") or "bsd" in sys.platform:
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True  # Windows and macOS always have a window system


# What Qt's X11 plugin (libqxcb) loads from the system, with Debian's package names.
X11_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-image": "libxcb-image0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-shape": "libxcb-shape0",
    "xcb-randr": "libxcb-randr0",
    "xcb-xkb": "libxcb-xkb1",
    "xkbcommon-x11": "libxkbcommon-x11-0",
}


def missing_x11_library() -> str | None:
    """On an X11 desktop, the system libraries Qt's X11 plugin needs and cannot find (Debian
    package names, space-separated), or None.

    Without them Qt aborts with a plugin trace before the app can say anything."""
    if os.environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith("linux"):
        return None
    if os.environ.get("WAYLAND_DISPLAY") or not os.environ.get("DISPLAY"):
        return None
    import ctypes.util

    missing = [package for name, package in X11_LIBRARIES.items()
               if not ctypes.util.find_library(name)]
    return " ".join(missing) or None


def missing_x11_message(library: str) -> str:
    return translate(
        "CLI",
        "The app cannot open a window on this X11 desktop: system libraries are missing "
        "({library}). Install them (on Debian or Ubuntu: sudo apt-get install {library}) and "
        "start the app again.",
    ).format(library=library)


def no_display_message() -> str:
    return translate(
        "CLI",
        "There is no display to open the app on: run it from a desktop session, under a "
        "virtual display (xvfb-run encounter-desk), or offscreen with QT_QPA_PLATFORM=offscreen.",
    )


def register(sub: argparse._SubParsersAction) -> None:
    add_command(sub, cmd_open)
