"""Choosing a sitting in a combo box, as the Chair and Records workspaces both do."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from encounter_desk.core import i18n
from encounter_desk.ui.shell.settings import app_settings


def saved_sitting(key: str, rows: Mapping[int, Any]) -> int | None:
    """The sitting remembered under settings ``key`` if it still exists, else the first."""
    saved = app_settings().value(key)
    try:
        if saved is not None and int(saved) in rows:
            return int(saved)
    except (TypeError, ValueError):
        pass
    return next(iter(rows), None)


def fill_sitting_box(box: QComboBox, rows: Mapping[int, Any], selected: int | None,
                     empty_text: str = "") -> None:
    """List the sittings as "3. Title" in the current language; select ``selected``."""
    lang = i18n.language()
    box.clear()
    for row in rows.values():
        box.addItem(
            QCoreApplication.translate("SittingChoice", "{number}. {title}").format(
                number=row.number, title=row.title(lang)),
            row.id)
    if not rows and empty_text:
        box.addItem(empty_text, None)
    box.setCurrentIndex(max(0, box.findData(selected)) if rows else 0)
