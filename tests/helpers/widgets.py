"""Widgets on the (offscreen) screen for the GUI tests."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def on_screen(qtbot, widget: QWidget, width: int = 1280, height: int = 800) -> QWidget:  # noqa: ANN001
    """``widget`` shown at ``width`` x ``height`` (a laptop's screen), closed after the test."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget
