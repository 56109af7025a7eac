"""Small builders for what every screen makes the same way: a named widget, a heading, a
label that wraps, the red line of a form's problem, a row of buttons, a column of widgets.

They only spare the repetition; what a screen shows and where stays in the screen.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

W = TypeVar("W", bound=QObject)
Item = QWidget | QLayout | tuple[QWidget | QLayout, int] | int | None
"""What :func:`fill` takes: a widget, a layout, a ``(widget or layout, stretch)`` pair,
a number of pixels of space, or ``None`` for a stretch."""

PROBLEM_COLOUR = "#b00020"
"""The red of every problem the app shows (a refused form, a desk that could not record)."""
PROBLEM_STYLE = f"color: {PROBLEM_COLOUR}; font-weight: bold;"


def named(widget: W, name: str) -> W:
    """``widget`` with its object name (what tests and style sheets find it by)."""
    widget.setObjectName(name)
    return widget


def enlarge(widget: QWidget, scale: float = 1.0, bold: bool = False) -> None:
    """Make ``widget``'s font ``scale`` times larger (and bold)."""
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold or font.bold())
    widget.setFont(font)


def heading(scale: float = 1.4, name: str = "") -> QLabel:
    """A bold heading, ``scale`` times the normal size."""
    label = named(QLabel(), name) if name else QLabel()
    enlarge(label, scale, bold=True)
    return label


def wrapped(name: str = "", text: str = "") -> QLabel:
    """A label whose text wraps at the width it is given."""
    label = named(QLabel(text), name) if name else QLabel(text)
    label.setWordWrap(True)
    return label


def problem_label(name: str = "", bold: bool = False) -> QLabel:
    """The red line where a form says what is wrong (empty until then)."""
    label = wrapped(name)
    label.setStyleSheet(PROBLEM_STYLE if bold else f"color: {PROBLEM_COLOUR};")
    return label


def show_status(label: QLabel, text: str, problem: bool = False) -> None:
    """A status line: plain for news, red and bold for a problem."""
    label.setStyleSheet(PROBLEM_STYLE if problem else "")
    label.setText(text)


def sized_combo(name: str, characters: int) -> QComboBox:
    """A combo box wide enough for ``characters`` characters, whatever it holds."""
    combo = named(QComboBox(), name)
    fit_characters(combo, characters)
    return combo


def refill(combo: QComboBox, items: Iterable[tuple[str, object]]) -> None:
    """Replace ``combo``'s ``(text, data)`` items, keeping the one chosen (else the first)."""
    keep = combo.currentData()
    combo.clear()
    for text, data in items:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(0, combo.findData(keep)))


def fit_characters(combo: QComboBox, characters: int) -> None:
    combo.setMinimumContentsLength(characters)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)


def fill(layout: QBoxLayout, *items: Item) -> QBoxLayout:
    """Add ``items`` (see :data:`Item`) to ``layout`` in order; returns the layout."""
    for item in items:
        stretch = 0
        if isinstance(item, tuple):
            item, stretch = item
        if item is None:
            layout.addStretch(1)
        elif isinstance(item, int):
            layout.addSpacing(item)
        elif isinstance(item, QLayout):
            layout.addLayout(item, stretch)
        else:
            layout.addWidget(item, stretch)
    return layout


Cell = QWidget | tuple[QWidget, int] | None
"""A cell of :func:`grid`: a widget, a ``(widget, columns)`` pair spanning that many
columns, or ``None`` for an empty cell."""


def grid(*rows: tuple[Cell, ...], parent: QWidget | None = None) -> QGridLayout:
    """A grid filled row by row with ``rows`` (see :data:`Cell`), set on ``parent`` when
    given."""
    layout = QGridLayout(parent) if parent is not None else QGridLayout()
    for row, cells in enumerate(rows):
        column = 0
        for cell in cells:
            widget, span = cell if isinstance(cell, tuple) else (cell, 1)
            if widget is not None:
                layout.addWidget(widget, row, column, 1, span)
            column += span
    return layout


def hbox(*items: Item) -> QHBoxLayout:
    """A row of widgets (see :func:`fill`): ``hbox(a, b, None)`` is two buttons then space."""
    return fill(QHBoxLayout(), *items)


def pane(*items: Item) -> QWidget:
    """A widget holding ``items`` in a column without margins (one side of a splitter)."""
    widget = QWidget()
    vbox(*items, parent=widget, margins=0)
    return widget


def scrolling(content: QWidget | QLayout, name: str = "") -> QScrollArea:
    """``content`` in a frameless area that scrolls when the window is smaller than it: a
    part that may be squeezed on a small screen (1024 × 600) without forcing the whole
    window to be larger. At its full size it shows no scroll bar."""
    area = named(QScrollArea(), name) if name else QScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    if isinstance(content, QLayout):
        holder = QWidget()
        holder.setLayout(content)
        content = holder
    area.setWidget(content)
    return area


def side_by_side(left: QWidget, right: QWidget, stretch: tuple[int, int],
                 sizes: tuple[int, int]) -> QSplitter:
    """Two panes the user can resize, neither of which can be closed; ``stretch`` shares
    the window's growth, ``sizes`` are the first widths (pixels)."""
    splitter = split(Qt.Orientation.Horizontal, (left, stretch[0]), (right, stretch[1]))
    splitter.setSizes(list(sizes))
    splitter.setChildrenCollapsible(False)
    return splitter


def split(orientation: Qt.Orientation, *panes: tuple[QWidget, int]) -> QSplitter:
    """``panes`` side by side (or one above the other), each a ``(widget, stretch)`` pair:
    the share of the window's growth it takes."""
    splitter = QSplitter(orientation)
    for number, (widget, stretch) in enumerate(panes):
        splitter.addWidget(widget)
        splitter.setStretchFactor(number, stretch)
    return splitter


def vbox(*items: Item, parent: QWidget | None = None,
         margins: int | None = None) -> QVBoxLayout:
    """A column of widgets (see :func:`fill`), set on ``parent`` when given; ``margins`` 0
    for a column inside another screen."""
    layout = QVBoxLayout(parent) if parent is not None else QVBoxLayout()
    if margins is not None:
        layout.setContentsMargins(margins, margins, margins, margins)
    return fill(layout, *items)
