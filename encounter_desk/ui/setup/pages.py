"""The lists of Setup: delegations, participants, sittings with their agenda."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from encounter_desk.core.errors import Refusal
from encounter_desk.ui.setup.delegations_model import DelegationsModel
from encounter_desk.ui.setup.participant_form import AddParticipantDialog
from encounter_desk.ui.setup.participants_model import ParticipantsModel
from encounter_desk.ui.setup.sittings_model import AgendaModel, SittingsModel
from encounter_desk.ui.widgets.messages import MessageBridge
from encounter_desk.ui.widgets.retranslating import Retranslating
from encounter_desk.ui.widgets.table_page import TablePage
from encounter_desk.ui.widgets.workspace import AppContext


class DelegationsPage(TablePage):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(DelegationsModel(context.db), context.messages,
                         DelegationsModel.ORDER, parent)


class ParticipantsPage(TablePage):
    """Participants, sorted by name in Spanish order; Add opens a short form."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.participants = ParticipantsModel(context.db)
        super().__init__(self.participants, context.messages, ParticipantsModel.NAME, parent)
        self.add_dialog: AddParticipantDialog | None = None

    def add_row(self) -> None:
        self.add_dialog = AddParticipantDialog(self, self.participants.delegations(), self._submit)
        self.add_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.add_dialog.open()

    def _submit(self, values: dict[str, Any]) -> str | None:
        try:
            row = self.participants.create_from(values)
        except Refusal as exc:
            return str(exc)
        self.filter_box.clear()
        self.select_source_row(row, ParticipantsModel.NAME)
        return None


class SittingsPage(Retranslating, QWidget):
    """The sittings above; the agenda of the selected sitting below."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        messages: MessageBridge = context.messages
        self.sittings = TablePage(SittingsModel(context.db), messages, SittingsModel.NUMBER)
        self.agenda_model = AgendaModel(context.db)
        self.agenda = TablePage(self.agenda_model, messages, AgendaModel.NUMBER)
        self.agenda_heading = QLabel()
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.agenda_heading)
        bottom_layout.addWidget(self.agenda)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.sittings)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.sittings.current_row_changed.connect(self._sitting_chosen)
        for signal in (self.agenda_model.rowsInserted, self.agenda_model.rowsRemoved):
            signal.connect(self._agenda_changed)
        self.retranslate()

    def retranslate(self) -> None:
        row = self.sittings.current_row()
        if row is None:
            self.agenda_heading.setText(self.tr("Agenda: choose a session above."))
        else:
            self.agenda_heading.setText(
                self.tr("Agenda of session {number}").format(number=row.number)
            )

    def refresh(self) -> None:
        self.sittings.refresh()
        self.agenda_model.set_sitting(None)
        self.retranslate()

    def _sitting_chosen(self, row: Any) -> None:
        self.agenda_model.set_sitting(row.id if row is not None else None)
        self.agenda.fit_columns()
        self.retranslate()

    def _agenda_changed(self, *_args: Any) -> None:
        if self.agenda_model.sitting_id is not None:
            model = self.sittings.model
            assert isinstance(model, SittingsModel)
            model.update_item_count(self.agenda_model.sitting_id)
