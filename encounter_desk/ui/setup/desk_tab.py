"""Setup → This desk: the laptop's desk name and room screen, and the event's kiosk PIN."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPushButton,
    QWidget,
)

from encounter_desk.core.errors import Refusal
from encounter_desk.event import kiosk_pin as kiosk
from encounter_desk.ui.desk import identity
from encounter_desk.ui.setup.room_screen_box import RoomScreenBox
from encounter_desk.ui.widgets.layout import hbox, named, vbox, wrapped
from encounter_desk.ui.widgets.retranslating import Retranslating
from encounter_desk.ui.widgets.texts import Texts
from encounter_desk.ui.widgets.workspace import AppContext


class DeskTab(Retranslating, QWidget):
    """Name this laptop's desk (recorded on every scan) and set the kiosk PIN."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context

        self.texts = texts = Texts()
        self.name_box = texts.title(QGroupBox(), lambda: self.tr("This laptop's desk"))
        self.name_edit = named(QLineEdit(), "deskNameEdit")
        self.name_edit.setMaxLength(identity.MAX_DESK_NAME)
        self.save_name_button = texts.text(QPushButton(), lambda: self.tr("Save name"))
        self.save_name_button.clicked.connect(self.save_name)
        self.name_help = texts.text(wrapped(), lambda: self.tr(
            "Every scan made on this laptop records this name, e.g. “Desk 1” or “Door B”. "
            "It is kept on this laptop, not in the event file."))
        vbox(hbox((self.name_edit, 1), self.save_name_button), self.name_help,
             parent=self.name_box)

        self.pin_box = texts.title(
            QGroupBox(), lambda: self.tr("Kiosk PIN (for every desk of this event)"))
        self.pin_edit = named(QLineEdit(), "kioskPinEdit")
        self.pin_repeat = named(QLineEdit(), "kioskPinRepeat")
        for edit in (self.pin_edit, self.pin_repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(kiosk.MAX_DIGITS)
        self.pin_label = texts.label(lambda: self.tr("New PIN:"))
        self.repeat_label = texts.label(lambda: self.tr("Repeat the PIN:"))
        self.set_pin_button = texts.text(QPushButton(), lambda: self.tr("Set PIN"))
        self.set_pin_button.clicked.connect(self.save_pin)
        self.clear_pin_button = texts.text(QPushButton(), lambda: self.tr("Remove PIN"))
        self.clear_pin_button.clicked.connect(self.clear_pin)
        self.pin_state = wrapped("kioskPinState")
        form = QFormLayout()
        form.addRow(self.pin_label, self.pin_edit)
        form.addRow(self.repeat_label, self.pin_repeat)
        vbox(form, hbox(self.set_pin_button, self.clear_pin_button, None), self.pin_state,
             parent=self.pin_box)

        self.room_screen = RoomScreenBox()
        self.status = wrapped("deskTabStatus")
        vbox(self.name_box, self.room_screen, self.pin_box, self.status, None, parent=self)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.texts.retranslate()
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
