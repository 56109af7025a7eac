"""What the window shows without an open event: a start page, or the create-event form."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from encounter_desk.events import EventDetails
from encounter_desk.ui.event_form import EventForm


def _heading(label: QLabel) -> None:
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setBold(True)
    label.setFont(font)


class StartPage(QWidget):
    """No event open (or it could not be opened): say why, offer Open and New."""

    open_requested = Signal()
    new_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._problem = ""
        self.heading = QLabel()
        _heading(self.heading)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setMaximumWidth(640)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_requested)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.heading)
        layout.addWidget(self.message, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.retranslate()

    def set_problem(self, message: str) -> None:
        """The reason no event is open (a translated sentence), or "" for none."""
        self._problem = message
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("No event is open"))
        self.message.setText(
            self._problem or self.tr("Open an event file, or create a new event.")
        )
        self.open_button.setText(self.tr("Open event…"))
        self.new_button.setText(self.tr("New event…"))


class CreateEventPage(QWidget):
    """The file holds no event yet: a short form creates it (with the 11 RCM delegations)."""

    create_requested = Signal(object)  # EventDetails

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        _heading(self.heading)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.form = EventForm()
        self.create_button = QPushButton()
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self._create)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        inner = QWidget()
        inner.setMaximumWidth(720)
        column = QVBoxLayout(inner)
        column.addWidget(self.heading)
        column.addWidget(self.intro)
        column.addWidget(self.form)
        column.addWidget(self.error)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.create_button)
        column.addLayout(row)
        layout = QHBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(inner, 3)
        layout.addStretch(1)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Create the event"))
        self.intro.setText(
            self.tr("This file holds no event yet. Describe the event; the 11 member "
                    "delegations of the RCM and the non-country groups are added for you.")
        )
        self.create_button.setText(self.tr("Create event"))

    def show_error(self, message: str) -> None:
        self.error.setText(message)

    def _create(self) -> None:
        try:
            details: EventDetails = self.form.details()
        except ValueError as exc:
            self.show_error(str(exc))
            return
        self.show_error("")
        self.create_requested.emit(details)
