"""The Chair's top bar: which session and agenda item, the list's state and speaking times,
the sounds, the room's screen and its language, and the keys."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QPushButton, QSizePolicy, QWidget

from encounter_desk.chair.queries import ListSnapshot
from encounter_desk.core import i18n
from encounter_desk.event.sittings import AgendaItemRow
from encounter_desk.ui.chair.presence_note import OnlyPresentBox
from encounter_desk.ui.chair.shortcuts import with_key
from encounter_desk.ui.widgets.flow_layout import FlowLayout
from encounter_desk.ui.widgets.layout import hbox, named, sized_combo
from encounter_desk.ui.widgets.sitting_choice import SittingChoice

SITTING_KEY = "chair/sitting"
PROJECTOR_LANGUAGES = (("es", "Español"), ("en", "English"))
"""Each language of the room's screen by its own name, as the Language menu shows them."""


def group(*items) -> QWidget:  # noqa: ANN002 - what hbox takes
    """Widgets side by side that the bar never separates (a label and its box)."""
    holder = QWidget()
    layout = hbox(*items)
    layout.setContentsMargins(0, 0, 0, 0)
    holder.setLayout(layout)
    return holder


class ChairTopBar(QWidget):
    """The widgets only; the Chair workspace says what they do."""

    def __init__(self, projector_language: str, sounds_on: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sitting_label = QLabel()
        self.sitting_box = SittingChoice(SITTING_KEY, "sittingSelector", 18)
        self.item_label = QLabel()
        self.item_box = sized_combo("agendaItemSelector", 18)
        for box in (self.sitting_box, self.item_box):  # the whole title, however narrow
            box.currentTextChanged.connect(box.setToolTip)
        self.closed_toggle = named(QPushButton(), "listClosedToggle")
        self.closed_toggle.setCheckable(True)
        self.times_button = named(QPushButton(), "timesButton")
        self.only_present = OnlyPresentBox()
        self.sound_box = named(QCheckBox(), "chairSound")
        self.sound_box.setChecked(sounds_on)
        self.projector_language_label = QLabel()
        self.projector_language = named(QComboBox(), "projectorLanguage")
        for code, name in PROJECTOR_LANGUAGES:
            self.projector_language.addItem(name, code)
        self.projector_language.setCurrentIndex(
            self.projector_language.findData(projector_language))
        self.projector_button = named(QPushButton(), "showProjectorButton")
        self.help_button = named(QPushButton("?  F1"), "helpButton")
        # Groups that stay together; the bar wraps between them on a narrow screen.
        flow = FlowLayout(self)
        item_group = group(self.item_label, (self.item_box, 1))
        item_group.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        for part in (group(self.sitting_label, self.sitting_box), item_group,
                     group(self.closed_toggle, self.times_button, self.only_present),
                     self.sound_box,
                     group(self.projector_language_label, self.projector_language,
                           self.projector_button, self.help_button)):
            flow.addWidget(part)

    def retranslate(self) -> None:
        self.sitting_label.setText(self.tr("Session"))
        self.item_label.setText(self.tr("Item"))
        self.times_button.setText(with_key(self.tr("Speaking times…"), "times"))
        self.sound_box.setText(self.tr("Sounds"))
        self.only_present.retranslate()
        self.sound_box.setToolTip(self.tr("A chime at the warning, a double beep at zero"))
        self.projector_language_label.setText(self.tr("Projector language"))
        self.projector_button.setText(self.tr("Room screen  (F11)"))
        self.projector_button.setToolTip(
            self.tr("Show the room screen: full screen on the screen chosen in Setup"))
        self.help_button.setToolTip(self.tr("Keyboard shortcuts (F1)"))

    def show_items(self, items: Sequence[AgendaItemRow]) -> list[Any]:
        """List a sitting's agenda items (or the whole session when it has none); returns
        the item ids in the order shown."""
        self.item_box.clear()
        lang = i18n.language()
        for item in items:
            self.item_box.addItem(
                self.tr("{number}. {title}").format(number=item.number, title=item.title(lang)),
                item.id)
        if not items:
            self.item_box.addItem(self.tr("The session (no agenda items)"), None)
        return [self.item_box.itemData(n) for n in range(self.item_box.count())]

    def show_list(self, snapshot: ListSnapshot | None) -> None:
        """Whether the list on screen is closed; nothing to change without one."""
        closed = snapshot is not None and snapshot.closed
        self.closed_toggle.setChecked(closed)
        self.closed_toggle.setText(with_key(
            self.tr("List closed") if closed else self.tr("List open"), "toggle_list"))
        self.closed_toggle.setToolTip(
            self.tr("Reopen the list to new statements") if closed
            else self.tr("Close the list to new statements"))
        self.closed_toggle.setEnabled(snapshot is not None)
        self.only_present.setChecked(snapshot is not None and snapshot.settings.only_present)
        self.only_present.setEnabled(snapshot is not None)
        self.times_button.setEnabled(snapshot is not None)
