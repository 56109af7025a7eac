"""Setup: the event, its delegations, participants and sittings."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from encounter_desk.core.errors import Refusal
from encounter_desk.event.badge_reading import badge_owner
from encounter_desk.ui.setup.desk_tab import DeskTab
from encounter_desk.ui.setup.event_tab import EventTab
from encounter_desk.ui.setup.pages import DelegationsPage, ParticipantsPage, SittingsPage
from encounter_desk.ui.widgets.workspace import AppContext, Workspace


class SetupWorkspace(Workspace):
    KEY = "setup"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.event_tab = EventTab(context)
        self.delegations = DelegationsPage(context)
        self.participants = ParticipantsPage(context)
        self.sittings = SittingsPage(context)
        self.desk_tab = DeskTab(context)
        for page in (self.event_tab, self.delegations, self.participants, self.sittings,
                     self.desk_tab):
            self.tabs.addTab(page, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)
        # The chair of a sitting is chosen among the participants: keep the choice current.
        for signal in (self.participants.model.rowsInserted, self.participants.model.rowsRemoved):
            signal.connect(self.sittings.refresh)
        self.refresh()
        self.retranslate()

    def title(self) -> str:
        return self.tr("Setup")

    def retranslate(self) -> None:
        for number, label in enumerate(
            (self.tr("Event"), self.tr("Delegations"), self.tr("Participants"), self.tr("Sessions"),
             self.tr("This desk"))
        ):
            self.tabs.setTabText(number, label)

    def refresh(self) -> None:
        self.event_tab.refresh()
        self.delegations.refresh()
        self.participants.refresh()
        self.sittings.refresh()
        self.desk_tab.refresh()

    def take_scan(self, raw: str, _scan_uid: str) -> bool:
        """A scanner's burst in Setup: the participant whose badge it is is selected."""
        try:
            participant_id = badge_owner(self.context.db, raw)
        except Refusal as exc:
            self.context.messages.warn(self, self.tr("Setup"), str(exc))
            return True
        self.show_tab("participants")
        if participant_id is None:
            self.context.messages.warn(self, self.tr("Setup"),
                                       self.tr("That is not a badge of this event."))
            return True
        number = self.participants.model.row_of_id(participant_id)
        if number is not None:
            self.participants.select_source_row(number)
        return True

    def show_tab(self, key: str) -> None:
        pages = {"event": self.event_tab, "delegations": self.delegations,
                 "participants": self.participants, "sittings": self.sittings,
                 "desk": self.desk_tab}
        self.tabs.setCurrentWidget(pages[key])
