"""The Chair's list of speakers: adding a speaker, the waiting speakers in order, and the
buttons that move, withdraw, re-add or call one out of turn."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from encounter_desk.chair.queries import ListSnapshot
from encounter_desk.ui.chair.add_speaker_panel import AddSpeakerPanel
from encounter_desk.ui.chair.queue_model import QueueModel
from encounter_desk.ui.chair.queue_view import QueueView
from encounter_desk.ui.chair.shortcuts import with_key
from encounter_desk.ui.widgets.flow_layout import FlowLayout
from encounter_desk.ui.widgets.layout import heading, named, vbox


class ListPanel(QWidget):
    """The widgets only; the Chair workspace says what they do."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.add_panel = AddSpeakerPanel()
        self.queue_model = QueueModel(self)
        self.queue = QueueView(self.queue_model)
        self.queue_heading = heading(1.0)
        self.up_button = named(QPushButton(), "moveUpButton")
        self.down_button = named(QPushButton(), "moveDownButton")
        self.withdraw_button = named(QPushButton(), "withdrawButton")
        self.readd_button = named(QPushButton(), "readdButton")
        self.give_floor_button = named(QPushButton(), "giveFloorButton")
        vbox(self.add_panel, self.queue_heading, (self.queue, 1),
             self._buttons(),
             parent=self, margins=0)

    def _buttons(self) -> QWidget:
        """The buttons wrap onto a second line when the panel is narrow."""
        row = QWidget()
        flow = FlowLayout(row)
        for button in (self.up_button, self.down_button, self.withdraw_button,
                       self.readd_button, self.give_floor_button):
            flow.addWidget(button)
        return row

    def retranslate(self) -> None:
        self.up_button.setText(with_key(self.tr("Up"), "move_up"))
        self.down_button.setText(with_key(self.tr("Down"), "move_down"))
        self.withdraw_button.setText(with_key(self.tr("Withdraw"), "withdraw"))
        self.withdraw_button.setToolTip(self.tr("Ctrl+Z puts the speaker back where they were"))
        self.readd_button.setText(with_key(self.tr("Re-add last"), "readd"))
        self.give_floor_button.setText(with_key(self.tr("Give the floor"), "give_floor"))
        self.give_floor_button.setToolTip(
            self.tr("Give the floor to the selected speaker, out of turn"))
        self.add_panel.retranslate()

    def show_count(self, snapshot: ListSnapshot | None) -> None:
        waiting = len(snapshot.waiting) if snapshot is not None else 0
        self.queue_heading.setText(self.tr("Waiting to speak: {count}").format(count=waiting))

    def enable_for_selection(self) -> None:
        """The buttons that act on one waiting speaker work only while one is selected."""
        selected = self.queue.selected_id() is not None
        for button in (self.up_button, self.down_button, self.withdraw_button,
                       self.give_floor_button):
            button.setEnabled(selected)
