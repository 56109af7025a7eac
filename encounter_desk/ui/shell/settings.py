"""The app's remembered choices (language, recent events, window geometry) in an INI file.

The file lives at :func:`encounter_desk.core.config.settings_path`, so tests that set
``ENCOUNTER_DESK_HOME`` never touch a real user's settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from encounter_desk.core import config

RECENT_KEY = "recent/files"
LANGUAGE_KEY = "ui/language"
MAX_RECENT = 8


def app_settings() -> QSettings:
    return QSettings(str(config.settings_path()), QSettings.Format.IniFormat)


def saved_language() -> str | None:
    value = app_settings().value(LANGUAGE_KEY)
    return value if value in config.LANGUAGES else None


def save_language(language: str) -> None:
    settings = app_settings()
    settings.setValue(LANGUAGE_KEY, language)
    settings.sync()


def recent_files() -> list[Path]:
    value = app_settings().value(RECENT_KEY) or []
    if isinstance(value, str):
        value = [value]
    return [Path(v) for v in value if v][:MAX_RECENT]


def _store(paths: list[Path]) -> None:
    settings = app_settings()
    settings.setValue(RECENT_KEY, [str(p) for p in paths[:MAX_RECENT]])
    settings.sync()


def add_recent_file(path: Path) -> list[Path]:
    """Put ``path`` first in the recent events (at most eight, no duplicates)."""
    path = Path(path).absolute()
    paths = [path] + [p for p in recent_files() if p != path]
    _store(paths)
    return paths[:MAX_RECENT]


def remove_recent_file(path: Path) -> list[Path]:
    paths = [p for p in recent_files() if p != Path(path).absolute()]
    _store(paths)
    return paths
