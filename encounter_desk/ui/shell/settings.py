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


def remember(key: str, value: object) -> None:
    """Keep ``value`` under ``key`` for the next start (written at once)."""
    settings = app_settings()
    settings.setValue(key, value)
    settings.sync()


def saved_flag(key: str, default: bool = False) -> bool:
    """A yes/no choice kept under ``key`` (the INI file holds it as text)."""
    value = app_settings().value(key, default)
    return value is True or str(value).lower() in ("true", "1")


def saved_language() -> str | None:
    value = app_settings().value(LANGUAGE_KEY)
    return value if value in config.LANGUAGES else None


def save_language(language: str) -> None:
    remember(LANGUAGE_KEY, language)


def recent_files() -> list[Path]:
    value = app_settings().value(RECENT_KEY) or []
    if isinstance(value, str):
        value = [value]
    return [Path(v) for v in value if v][:MAX_RECENT]


def _store(paths: list[Path]) -> None:
    remember(RECENT_KEY, [str(p) for p in paths[:MAX_RECENT]])


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
