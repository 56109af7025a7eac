"""What the window shows without an open event: a start page, or the create-event form."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from encounter_desk.core import i18n
from encounter_desk.core.errors import Refusal
from encounter_desk.event.countries import NON_COUNTRY_GROUPS, RCM_MEMBERS, DelegationPreset
from encounter_desk.event.event import EventDetails
from encounter_desk.ui.widgets.event_form import EventForm
from encounter_desk.ui.widgets.layout import heading, problem_label, scrolling, wrapped
from encounter_desk.ui.widgets.retranslating import Retranslating
from encounter_desk.ui.widgets.texts import Texts


class StartPage(Retranslating, QWidget):
    """No event open (or it could not be opened): say why, offer Open and New."""

    open_requested = Signal()
    new_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._problem = ""
        self.heading = heading()
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = wrapped()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setMaximumWidth(640)
        # Wide enough that the wrapped sentence gets the height it needs (a narrow label
        # centred in the layout would overlap the heading).
        self.message.setMinimumWidth(560)
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

    def retranslate(self) -> None:
        self.heading.setText(self.tr("No event is open"))
        self.message.setText(
            self._problem or self.tr("Open an event file, or create a new event.")
        )
        self.open_button.setText(self.tr("Open event…"))
        self.new_button.setText(self.tr("New event…"))


class DelegationPicker(QGroupBox):
    """The delegations the new event starts with: the 11 RCM members, ticked, and the
    non-country groups (observers, international organizations, guests…)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.members: dict[str, QCheckBox] = {}
        grid = QGridLayout(self)
        for number, preset in enumerate(RCM_MEMBERS):
            box = QCheckBox()
            box.setChecked(True)
            box.setObjectName(f"delegation-{preset.code}")
            self.members[preset.code] = box
            grid.addWidget(box, number // 3, number % 3)
        self.groups = QCheckBox()
        self.groups.setChecked(True)
        self.group_names = wrapped()
        self.group_names.setContentsMargins(24, 0, 0, 0)
        row = len(RCM_MEMBERS) // 3 + 1
        grid.addWidget(self.groups, row, 0, 1, 3)
        grid.addWidget(self.group_names, row + 1, 0, 1, 3)
        self.retranslate()

    def retranslate(self) -> None:
        lang = i18n.language()
        self.setTitle(self.tr("3. Delegations"))
        for preset in RCM_MEMBERS:
            self.members[preset.code].setText(i18n.pick(lang, preset.name_es, preset.name_en))
        names = ", ".join(i18n.pick(lang, p.name_es, p.name_en) for p in NON_COUNTRY_GROUPS)
        self.groups.setText(self.tr("Groups without a country:"))
        self.group_names.setText(names)

    def presets(self) -> tuple[DelegationPreset, ...]:
        chosen = tuple(p for p in RCM_MEMBERS if self.members[p.code].isChecked())
        if self.groups.isChecked():
            chosen += NON_COUNTRY_GROUPS
        return chosen


class CreateEventPage(Retranslating, QWidget):
    """The file holds no event yet: a short guided form creates it — names, dates and venue,
    and the delegations (preset to the 11 RCM member countries)."""

    create_requested = Signal(object)  # EventDetails
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = texts = Texts()
        self.heading = texts.text(heading(), lambda: self.tr("Create the event"))
        self.intro = texts.text(wrapped(), lambda: self.tr(
            "This file holds no event yet. Describe the event; the 11 member "
            "delegations of the RCM and the non-country groups are added for you."))
        self.form = EventForm()
        self.steps = texts.text(wrapped(), lambda: self.tr(
            "1. The event's names in both languages and its reference code. "
            "2. The days and the venue. 3. The delegations taking part."))
        self.delegations = DelegationPicker()
        self.back_button = texts.text(QPushButton(), lambda: self.tr("← Back"))
        self.back_button.clicked.connect(self.back_requested)
        self.back_button.setVisible(False)
        self.create_button = texts.text(QPushButton(), lambda: self.tr("Create event"))
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self._create)
        self.error = problem_label()
        inner = QWidget()
        inner.setMaximumWidth(720)
        column = QVBoxLayout(inner)
        column.addWidget(self.heading)
        column.addWidget(self.intro)
        column.addWidget(self.steps)
        column.addWidget(self.form)
        column.addWidget(self.delegations)
        column.addWidget(self.error)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.create_button)
        column.addLayout(row)
        layout = QHBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(scrolling(inner), 3)  # a small screen scrolls the form
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.texts.retranslate()
        self.delegations.retranslate()

    def set_back_visible(self, visible: bool) -> None:
        """Offer the way back to the first screen (when the form was reached from it)."""
        self.back_button.setVisible(visible)

    def presets(self) -> tuple[DelegationPreset, ...]:
        return self.delegations.presets()

    def show_error(self, message: str) -> None:
        self.error.setText(message)

    def _create(self) -> None:
        try:
            details: EventDetails = self.form.details()
        except Refusal as exc:
            self.show_error(str(exc))
            return
        self.show_error("")
        self.create_requested.emit(details)
