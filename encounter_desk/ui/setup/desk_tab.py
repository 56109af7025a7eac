"""Setup → This desk: the laptop's desk name and room screen, and the event's kiosk PIN."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from encounter_desk.core.errors import Refusal
from encounter_desk.event import kiosk_pin as kiosk
from encounter_desk.ui.desk import identity
from encounter_desk.ui.setup.room_screen_box import RoomScreenBox
from encounter_desk.ui.widgets.layout import named, wrapped
from encounter_desk.ui.widgets.retranslating import Retranslating
from encounter_desk.ui.widgets.workspace import AppContext


class DeskTab(Retranslating, QWidget):
    """Name this laptop's desk (recorded on every scan) and set the kiosk PIN."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context

        self.name_box = QGroupBox()
        self.name_edit = named(QLineEdit(), "deskNameEdit")
        self.name_edit.setMaxLength(identity.MAX_DESK_NAME)
        self.save_name_button = QPushButton()
        self.save_name_button.clicked.connect(self.save_name)
        self.name_help = wrapped()
        name_row = QHBoxLayout()
        name_row.addWidget(self.name_edit, 1)
        name_row.addWidget(self.save_name_button)
        name_layout = QVBoxLayout(self.name_box)
        name_layout.addLayout(name_row)
        name_layout.addWidget(self.name_help)

        self.pin_box = QGroupBox()
        self.pin_edit = named(QLineEdit(), "kioskPinEdit")
        self.pin_repeat = named(QLineEdit(), "kioskPinRepeat")
        for edit in (self.pin_edit, self.pin_repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(kiosk.MAX_DIGITS)
        self.pin_label = QLabel()
        self.repeat_label = QLabel()
        self.set_pin_button = QPushButton()
        self.set_pin_button.clicked.connect(self.save_pin)
        self.clear_pin_button = QPushButton()
        self.clear_pin_button.clicked.connect(self.clear_pin)
        self.pin_state = wrapped("kioskPinState")
        form = QFormLayout()
        form.addRow(self.pin_label, self.pin_edit)
        form.addRow(self.repeat_label, self.pin_repeat)
        buttons = QHBoxLayout()
        buttons.addWidget(self.set_pin_button)
        buttons.addWidget(self.clear_pin_button)
        buttons.addStretch(1)
        pin_layout = QVBoxLayout(self.pin_box)
        pin_layout.addLayout(form)
        pin_layout.addLayout(buttons)
        pin_layout.addWidget(self.pin_state)

        self.room_screen = RoomScreenBox()
        self.status = wrapped("deskTabStatus")
        layout = QVBoxLayout(self)
        layout.addWidget(self.name_box)
        layout.addWidget(self.room_screen)
        layout.addWidget(self.pin_box)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.name_box.setTitle(self.tr("This laptop's desk"))
        self.save_name_button.setText(self.tr("Save name"))
        self.name_help.setText(self.tr(
            "Every scan made on this laptop records this name, e.g. “Desk 1” or “Door B”. "
            "It is kept on this laptop, not in the event file."))
        self.pin_box.setTitle(self.tr("Kiosk PIN (for every desk of this event)"))
        self.pin_label.setText(self.tr("New PIN:"))
        self.repeat_label.setText(self.tr("Repeat the PIN:"))
        self.set_pin_button.setText(self.tr("Set PIN"))
        self.clear_pin_button.setText(self.tr("Remove PIN"))
        self._show_pin_state()

    def refresh(self) -> None:
        self.name_edit.setText(identity.saved_desk_name())
        self._show_pin_state()

    def _show_pin_state(self) -> None:
        try:
            has_pin = kiosk.has_pin(self.context.db)
        except Refusal:  # no event yet: nothing to say
            has_pin = False
        self.clear_pin_button.setEnabled(has_pin)
        self.pin_state.setText(
            self.tr("A PIN is set: View → Kiosk mode keeps the clerk on the desk until it is "
                    "typed.") if has_pin else
            self.tr("No PIN is set yet: kiosk mode needs one.")
        )

    def save_name(self) -> None:
        try:
            name = identity.save_desk_name(self.name_edit.text())
        except Refusal as exc:
            self.status.setText(str(exc))
            return
        self.name_edit.setText(name)
        self.status.setText(self.tr("This laptop is now “{name}”.").format(name=name))
        self.context.desk_name_changed.emit(name)

    def save_pin(self) -> None:
        pin, repeat = self.pin_edit.text(), self.pin_repeat.text()
        if pin != repeat:
            self.status.setText(self.tr("The two PINs differ; type them again."))
            return
        try:
            kiosk.set_pin(self.context.db, pin)
        except Refusal as exc:
            self.status.setText(str(exc))
            return
        finally:
            self.pin_edit.clear()
            self.pin_repeat.clear()
        self.status.setText(self.tr("Kiosk PIN saved."))
        self._show_pin_state()

    def clear_pin(self) -> None:
        kiosk.clear_pin(self.context.db)
        self.status.setText(self.tr("Kiosk PIN removed."))
        self._show_pin_state()
