"""This laptop's desk name, remembered in the app's settings.

Every scan records the name of the desk it was made at ("Mesa 1", "Desk 2"). The name is
chosen once per laptop and kept in the user's settings; until then it is
``$ENCOUNTER_DESK_DESK`` or the computer's name (:func:`encounter_desk.desk.checkin.default_desk_name`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from encounter_desk.core.errors import Refusal
from encounter_desk.core.names import clean
from encounter_desk.desk.checkin import default_desk_name
from encounter_desk.ui.shell.settings import app_settings, remember

DESK_NAME_KEY = "desk/name"
HOLD_SECONDS_KEY = "desk/hold_seconds"
MAX_DESK_NAME = 80


def saved_desk_name() -> str:
    value = app_settings().value(DESK_NAME_KEY)
    name = clean(value) if isinstance(value, str) else ""
    return name[:MAX_DESK_NAME] or default_desk_name()


def save_desk_name(name: str) -> str:
    """Remember ``name`` for this laptop; returns the name as kept (cleaned, at most 80).
    Refuses an empty name."""
    name = clean(name)[:MAX_DESK_NAME]
    if not name:
        raise Refusal(QCoreApplication.translate("DeskIdentity", "A desk needs a name."),
                      "desk.name_empty")
    remember(DESK_NAME_KEY, name)
    return name


def saved_hold_seconds(default: float) -> float:
    """How long a verdict stays on screen (seconds), from the settings file if set there."""
    value = app_settings().value(HOLD_SECONDS_KEY)
    try:
        seconds = float(value) if value is not None else default
    except (TypeError, ValueError):
        return default
    return min(max(seconds, 1.0), 60.0)


PREFIX_KEY = "desk/scanner_prefix"
SUFFIX_KEY = "desk/scanner_suffix"


def scanner_wrapping() -> tuple[str, str]:
    """The prefix and suffix this laptop's scanner is programmed to add around every code
    (stripped before the code is read; the AIM identifier is always stripped)."""
    values = [app_settings().value(key) for key in (PREFIX_KEY, SUFFIX_KEY)]
    prefix, suffix = (v.strip() if isinstance(v, str) else "" for v in values)
    return prefix, suffix


def save_scanner_wrapping(prefix: str, suffix: str) -> None:
    remember(PREFIX_KEY, prefix.strip())
    remember(SUFFIX_KEY, suffix.strip())
