"""Setup → This desk → Room screen: which screen shows the room's picture on this laptop."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QGroupBox, QVBoxLayout, QWidget

from encounter_desk.ui.chair import room_screen
from encounter_desk.ui.widgets.layout import named, wrapped
from encounter_desk.ui.widgets.retranslating import Retranslating


class RoomScreenBox(Retranslating, QGroupBox):
    """A choice among the screens connected now (and the one saved, if unplugged)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = named(QComboBox(), "roomScreenChoice")
        self.choice.activated.connect(lambda _n: self.save())
        self.help = wrapped("roomScreenHelp")
        layout = QVBoxLayout(self)
        layout.addWidget(self.choice)
        layout.addWidget(self.help)
        app = QGuiApplication.instance()
        app.screenAdded.connect(lambda _s: self.fill())
        app.screenRemoved.connect(lambda _s: self.fill())
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Room screen (this laptop)"))
        self.help.setText(self.tr(
            "F11 in the Chair shows the room's picture full screen on this screen, and the "
            "Chair keeps the keyboard. If it is unplugged, the picture becomes a window "
            "and goes back when a second screen returns. Kept on this laptop."))
        self.fill()

    def fill(self) -> None:
        saved = room_screen.saved_choice()
        self.choice.clear()
        self.choice.addItem(self.tr("Automatic: the screen that is not the chair's"),
                            room_screen.AUTOMATIC)
        names = []
        for screen in QGuiApplication.screens():
            if not screen.name():
                continue  # a screen the system does not name cannot be found again
            self.choice.addItem(room_screen.describe(screen), screen.name())
            names.append(screen.name())
        if saved and saved not in names:
            self.choice.addItem(self.tr("{name} (not connected now)").format(name=saved), saved)
        self.choice.setCurrentIndex(max(0, self.choice.findData(saved)))

    def save(self) -> None:
        room_screen.save_choice(self.choice.currentData())
