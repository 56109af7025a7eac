"""Where files live, environment variables and defaults.

One place for paths so that the desktop app, the command line and the tests agree.
"""

from __future__ import annotations

import getpass
import os
import socket
from pathlib import Path

import platformdirs

from encounter_desk import APP_ID

ENV_DATABASE = "ENCOUNTER_DESK_DATABASE"
ENV_LANG = "ENCOUNTER_DESK_LANG"
ENV_HOME = "ENCOUNTER_DESK_HOME"  # overrides the user data folder (tests, portable installs)
ENV_ACTOR = "ENCOUNTER_DESK_ACTOR"

EVENT_SUFFIX = ".sqlite"
LANGUAGES = ("es", "en")
DEFAULT_LANGUAGE = "es"


def data_dir() -> Path:
    """The user data folder: events, backups and settings live under it."""
    override = os.environ.get(ENV_HOME)
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_ID, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    override = os.environ.get(ENV_HOME)
    path = (Path(override) / "logs") if override else Path(
        platformdirs.user_log_dir(APP_ID, appauthor=False)
    )
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_event_path() -> Path:
    return data_dir() / "events" / f"encounter{EVENT_SUFFIX}"


def settings_path() -> Path:
    return data_dir() / "settings.ini"


def default_language() -> str:
    lang = (os.environ.get(ENV_LANG) or "").strip().lower()[:2]
    if lang in LANGUAGES:
        return lang
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = (os.environ.get(var) or "").lower()
        if value[:2] in LANGUAGES:
            return value[:2]
    return DEFAULT_LANGUAGE


def default_actor() -> str:
    """Who is making changes, for the audit trail: user@host unless told otherwise."""
    actor = os.environ.get(ENV_ACTOR)
    if actor:
        return actor
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name on some frozen Windows setups
        user = "user"
    return f"{user}@{socket.gethostname()}"
