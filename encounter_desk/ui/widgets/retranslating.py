"""Every screen sets its texts again when the language changes: one hook for all of them."""

from __future__ import annotations

from PySide6.QtCore import QEvent


class Retranslating:
    """Mixed into a widget (``class Page(Retranslating, QWidget)``): on Qt's language-change
    event it calls the widget's :meth:`retranslate`, which sets every text again."""

    def retranslate(self) -> None:
        """Set every text again in the current language."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]
