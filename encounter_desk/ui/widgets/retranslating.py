"""Every screen sets its texts again when the language changes: one hook for all of them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent

if TYPE_CHECKING:
    from encounter_desk.ui.widgets.texts import Texts


class Retranslating:
    """Mixed into a widget (``class Page(Retranslating, QWidget)``): on Qt's language-change
    event it calls the widget's :meth:`retranslate`, which sets every text again."""

    texts: Texts | None = None
    """The texts the screen declared through :class:`~encounter_desk.ui.widgets.texts.Texts`,
    if it did."""

    def retranslate(self) -> None:
        """Set every text again in the current language: by default the declared
        :attr:`texts`; a screen with texts that depend on its data overrides this."""
        if self.texts is not None:
            self.texts.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]
