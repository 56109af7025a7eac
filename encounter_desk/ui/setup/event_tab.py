"""Setup → Event: the event's names, code, dates and venue, saved with one button."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from encounter_desk.core.errors import Refusal
from encounter_desk.event import event as events
from encounter_desk.ui.widgets.event_form import EventForm
from encounter_desk.ui.widgets.retranslating import Retranslating
from encounter_desk.ui.widgets.workspace import AppContext


class EventTab(Retranslating, QWidget):
    saved = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.form = EventForm()
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.save_button.setText(self.tr("Save"))
        self.status.clear()

    def refresh(self) -> None:
        event = events.load_event(self.context.db)
        if event is not None:
            self.form.set_details(events.EventDetails.of(event))
        self.status.clear()

    def save(self) -> None:
        try:
            details = self.form.details()
            events.update_event(self.context.db, details)
        except Refusal as exc:
            self.status.setText(str(exc))
            self.context.messages.warn(self, self.tr("Not saved"), str(exc))
            return
        self.status.setText(self.tr("Saved."))
        self.saved.emit()
        self.context.event_changed.emit()
