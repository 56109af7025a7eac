"""The lists of Setup: delegations, participants, sittings with their agenda."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLabel, QPushButton, QWidget

from encounter_desk.core.errors import Refusal
from encounter_desk.event import accreditation
from encounter_desk.ui.setup.delegations_model import DelegationsModel
from encounter_desk.ui.setup.participant_form import AddParticipantDialog
from encounter_desk.ui.setup.participants_model import ParticipantsModel
from encounter_desk.ui.setup.sittings_model import AgendaModel, SittingsModel
from encounter_desk.ui.widgets.layout import pane, split, vbox
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
        self.db = context.db
        self.add_dialog: AddParticipantDialog | None = None
        self.withdraw_dialog: QInputDialog | None = None
        # Once scanned, a person is never deleted: their accreditation is withdrawn.
        self.withdraw_button = QPushButton()
        self.withdraw_button.setObjectName("withdrawAccreditation")
        self.withdraw_button.clicked.connect(self.withdraw_current)
        self.buttons.insertWidget(2, self.withdraw_button)
        self.current_row_changed.connect(lambda _row: self._update_withdraw_button())
        self._update_withdraw_button()

    def retranslate(self) -> None:
        super().retranslate()
        if hasattr(self, "withdraw_button"):  # not while TablePage builds itself
            self._update_withdraw_button()

    def _update_withdraw_button(self) -> None:
        row = self.current_row()
        withdrawn = row is not None and row.withdrawn_at is not None
        self.withdraw_button.setEnabled(row is not None)
        self.withdraw_button.setText(self.tr("Reinstate accreditation…") if withdrawn
                                     else self.tr("Withdraw accreditation…"))
        self.withdraw_button.setToolTip(
            self.tr("Withdrawn: {reason}").format(reason=row.withdrawn_reason) if withdrawn
            else self.tr("Their badge then admits nobody; they stay in the record."))

    def withdraw_current(self) -> None:
        """Withdraw the accreditation of the selected person (asks why), or give it back."""
        row = self.current_row()
        if row is None:
            return
        if row.withdrawn_at is not None:
            self.messages.ask(
                self, self.tr("Reinstate accreditation"),
                self.tr("Give {name} their accreditation back? Their badge admits them "
                        "again.").format(name=row.display_name),
                lambda: self._accreditation(row.id, None), self.tr("Reinstate"))
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Withdraw accreditation"))
        dialog.setLabelText(self.tr("Why is the accreditation of {name} withdrawn? Their "
                                    "badge will admit nobody; they stay in the record.").format(
            name=row.display_name))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(lambda reason: self._accreditation(row.id, reason))
        self.withdraw_dialog = dialog
        dialog.open()

    def _accreditation(self, participant_id: int, reason: str | None) -> None:
        try:
            if reason is None:
                accreditation.reinstate(self.db, participant_id)
            else:
                accreditation.withdraw(self.db, participant_id, reason)
        except Refusal as exc:
            self.messages.warn(self, self.tr("Not saved"), str(exc))
            return
        self.participants.refresh()
        number = self.participants.row_of_id(participant_id)
        if number is not None:
            self.select_source_row(number, ParticipantsModel.NAME)
        self._update_withdraw_button()

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
        bottom = pane(self.agenda_heading, self.agenda)
        vbox(split(Qt.Orientation.Vertical, (self.sittings, 3), (bottom, 2)), parent=self,
             margins=0)
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
