"""The texts a screen shows, declared where it builds its widgets and set again on a
language change by one generic :meth:`Texts.retranslate`.

A screen makes one :class:`Texts`, builds or binds each widget's texts through it, and its
``retranslate`` calls ``self.texts.retranslate()`` (then sets what depends on its data)::

    self.texts = texts = Texts()
    self.next_button = texts.button("nextSpeakerButton", lambda: self.tr("Next speaker"))
    texts.title(self.preview_box, lambda: self.tr("Room screen"))

A text is a function that translates (``lambda: self.tr("…")``): pyside6-lupdate extracts
the literal under the screen's own context as before, so the catalogue keeps its entries,
and calling it again after a switch gives the text in the new language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QTabWidget, QWidget

from encounter_desk.ui.widgets.layout import named

Text = Callable[[], str]
"""A translated text, read again after a language switch: ``lambda: self.tr("Save")``."""

W = TypeVar("W")

LANGUAGE_NAMES = (("Español", "es"), ("English", "en"))
"""Each working language by its own name, never translated (as the Language menu shows
them): ``(text, code)`` items for a combo box."""


class Texts:
    """Every (setter, text) a screen declared; :meth:`retranslate` sets them all again."""

    def __init__(self) -> None:
        self._bound: list[tuple[Callable[[str], Any], Text]] = []

    def bind(self, setter: Callable[[str], Any], text: Text) -> None:
        """Set ``text`` with ``setter`` now and after every language switch."""
        self._bound.append((setter, text))
        setter(text())

    def retranslate(self) -> None:
        for setter, text in self._bound:
            setter(text())

    # --- the usual setters, each returning the widget --------------------------------------

    def text(self, widget: W, text: Text, tip: Text | None = None) -> W:
        """``widget``'s text (a label, a button, a check box, an action) and its tooltip."""
        self.bind(widget.setText, text)  # type: ignore[attr-defined]
        return self.tip(widget, tip) if tip is not None else widget

    def tip(self, widget: W, text: Text) -> W:
        self.bind(widget.setToolTip, text)  # type: ignore[attr-defined]
        return widget

    def title(self, widget: W, text: Text) -> W:
        """A group box's or a menu's title."""
        self.bind(widget.setTitle, text)  # type: ignore[attr-defined]
        return widget

    def placeholder(self, widget: W, text: Text) -> W:
        self.bind(widget.setPlaceholderText, text)  # type: ignore[attr-defined]
        return widget

    def tab(self, tabs: QTabWidget, page: QWidget, text: Text, tip: Text | None = None) -> None:
        """Add ``page`` to ``tabs`` under ``text`` (and its tooltip)."""
        tabs.addTab(page, "")
        self.bind(lambda s: tabs.setTabText(tabs.indexOf(page), s), text)
        if tip is not None:
            self.bind(lambda s: tabs.setTabToolTip(tabs.indexOf(page), s), tip)

    # --- widgets made with their text ------------------------------------------------------

    def button(self, name: str, text: Text, tip: Text | None = None,
               clicked: Callable[[], Any] | None = None) -> QPushButton:
        """A push button named ``name`` (what tests find it by) showing ``text``; a click
        calls ``clicked``."""
        button = self.text(named(QPushButton(), name), text, tip)
        if clicked is not None:
            button.clicked.connect(lambda _checked=False: clicked())
        return button

    def label(self, text: Text, name: str = "") -> QLabel:
        return self.text(named(QLabel(), name) if name else QLabel(), text)

    def form(self, *rows: tuple[Text, QWidget]) -> QFormLayout:
        """A form of ``(label text, field)`` rows."""
        form = QFormLayout()
        for text, field in rows:
            form.addRow(self.label(text), field)
        return form
