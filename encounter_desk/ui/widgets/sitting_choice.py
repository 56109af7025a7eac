"""Choosing a sitting in a combo box, as the Chair and Records workspaces both do."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from encounter_desk.core import i18n
from encounter_desk.event.sittings import SittingRow
from encounter_desk.ui.shell import settings
from encounter_desk.ui.widgets.layout import fit_characters


class SittingChoice(QComboBox):
    """The event's sittings as "3. Title" in the interface's language. The sitting the user
    picks is remembered in this laptop's settings under ``key`` (the workspace's own) and
    announced with :attr:`chosen`; the workspace then shows it (:meth:`show_sittings`)."""

    chosen = Signal(int)

    def __init__(self, key: str, name: str, characters: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        fit_characters(self, characters)
        self.key = key
        self.rows: dict[int, SittingRow] = {}
        self.selected: int | None = None
        self.empty_text = ""
        """Said in the box when the event has no sittings yet ("" for nothing)."""
        self.activated.connect(lambda _n: self._picked())

    def set_rows(self, rows: Iterable[SittingRow]) -> None:
        self.rows = {row.id: row for row in rows}

    def saved(self) -> int | None:
        """The sitting remembered under :attr:`key` if it still exists, else the first."""
        saved = settings.app_settings().value(self.key)
        try:
            if saved is not None and int(saved) in self.rows:
                return int(saved)
        except (TypeError, ValueError):  # not a number: nothing remembered
            pass
        return next(iter(self.rows), None)

    def row(self) -> SittingRow | None:
        """The sitting shown, or None."""
        return self.rows.get(self.selected) if self.selected is not None else None

    def show_sittings(self, selected: int | None) -> None:
        """List the sittings again (in the current language) with ``selected`` chosen."""
        self.selected = selected
        lang = i18n.language()
        self.clear()
        for row in self.rows.values():
            self.addItem(
                QCoreApplication.translate("SittingChoice", "{number}. {title}").format(
                    number=row.number, title=row.title(lang)),
                row.id)
        if not self.rows and self.empty_text:
            self.addItem(self.empty_text, None)
        self.setCurrentIndex(max(0, self.findData(selected)) if self.rows else 0)

    def _picked(self) -> None:
        sitting_id = self.currentData()
        if sitting_id is None or sitting_id == self.selected:
            return
        settings.remember(self.key, sitting_id)
        self.chosen.emit(sitting_id)
