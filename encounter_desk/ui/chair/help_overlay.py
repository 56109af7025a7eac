"""A translucent sheet over the Chair workspace listing every shortcut (F1 or the "?" button).

It covers its parent, follows its size, and goes away with F1, Escape or a click.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from encounter_desk.ui.chair.shortcuts import SHORTCUTS
from encounter_desk.ui.widgets.layout import named


class HelpOverlay(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutHelp")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.heading = named(QLabel(), "shortcutHelpHeading")
        self.heading.setStyleSheet("color: white; font-size: 20pt; font-weight: bold;")
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #cfd8dc;")
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(24)
        self.keys: list[QLabel] = []
        self.labels: list[QLabel] = []
        for row, _shortcut in enumerate(SHORTCUTS):
            key = QLabel()
            key.setStyleSheet(
                "color: #ffd54f; font-weight: bold; font-size: 13pt; font-family: monospace;")
            label = QLabel()
            label.setStyleSheet("color: white; font-size: 13pt;")
            label.setWordWrap(True)
            self.grid.addWidget(key, row, 0, Qt.AlignmentFlag.AlignRight)
            self.grid.addWidget(label, row, 1)
            self.keys.append(key)
            self.labels.append(label)
        self.grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.addWidget(self.heading)
        layout.addLayout(self.grid)
        layout.addStretch(1)
        layout.addWidget(self.hint)
        parent.installEventFilter(self)
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Chair shortcuts"))
        self.hint.setText(self.tr("F1, Escape or a click closes this list."))
        for shortcut, key, label in zip(SHORTCUTS, self.keys, self.labels, strict=True):
            key.setText(shortcut.key_text())
            label.setText(shortcut.description())

    def lines(self) -> list[tuple[str, str]]:
        """(keys, what they do) as shown."""
        return [(k.text(), v.text()) for k, v in zip(self.keys, self.labels, strict=True)]

    def toggle(self) -> None:
        if self.isVisible():
            self.hide()
        else:
            self.open()

    def open(self) -> None:
        self.retranslate()
        parent = self.parentWidget()
        assert parent is not None
        self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        self.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return super().eventFilter(watched, event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(10, 20, 26, 225))
        painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F1):
            self.hide()
            event.accept()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.hide()
        event.accept()
