"""What the chair does to one waiting request: withdraw it (and take that back with
Ctrl+Z), change its kind or its person in place (the list's context menu), give a point
of order its reason (from that menu, or from the floor's panel while it is heard).

Kept apart from :mod:`~encounter_desk.ui.chair.chair_workspace`, which lends it the
list, the add panel and its ``_act`` (one service call, a refusal said, the list shown
again).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

from encounter_desk.chair import commands as speakers
from encounter_desk.chair.entries import QueueEntry, kind_label
from encounter_desk.core.errors import Refusal
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import SpeechKind
from encounter_desk.ui.chair.add_speaker_panel import AddSpeakerPanel
from encounter_desk.ui.chair.point_reason_form import PointReasonDialog
from encounter_desk.ui.chair.queue_view import QueueView


class RequestActions(QObject):
    def __init__(self, db: Database, queue: QueueView, add_panel: AddSpeakerPanel,
                 act: Callable[[Callable[[], Any]], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.queue = queue
        self.add_panel = add_panel
        self.act = act
        self.withdrawn: list[int] = []
        """The requests withdrawn here, the last one last (Ctrl+Z takes them back)."""
        self.menu: QMenu | None = None
        self.reason_dialog: PointReasonDialog | None = None
        queue.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        queue.customContextMenuRequested.connect(self.show_menu)

    def withdraw(self, speech_id: int) -> None:
        if self.act(lambda: speakers.withdraw(self.db, speech_id)) is not None:
            self.withdrawn.append(speech_id)

    def undo_withdraw(self) -> None:
        """Put the last withdrawn request back where it was."""
        if not self.withdrawn:
            return
        speech_id = self.withdrawn.pop()
        if self.act(lambda: speakers.undo_withdraw(self.db, speech_id)):
            self.queue.select_speech(speech_id)

    def change(self, speech_id: int, *, kind: SpeechKind | None = None,
               participant_id: int | None = None) -> None:
        self.act(lambda: speakers.change_request(
            self.db, speech_id, kind=kind, participant_id=participant_id))
        self.queue.select_speech(speech_id)

    def edit_reason(self, entry: QueueEntry | None) -> PointReasonDialog | None:
        """Ask why this point of order was raised (the dialog says a refusal and stays)."""
        if entry is None or entry.kind != SpeechKind.POINT_OF_ORDER:
            return None

        def submit(values: dict[str, str]) -> str | None:
            try:
                speakers.set_point_reason(self.db, entry.id, values["reason"], values["text"])
            except Refusal as exc:
                return str(exc)
            self.act(lambda: entry)  # show the list and the floor as they are now
            return None

        dialog = PointReasonDialog(self.queue.window(), entry.speaker, entry.reason,
                                   entry.reason_text, submit)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.reason_dialog = dialog
        dialog.open()
        return dialog

    def show_menu(self, where: QPoint) -> QMenu | None:
        """The selected request's menu: another kind, the person chosen above, withdraw."""
        index = self.queue.indexAt(where)
        if index.isValid():
            self.queue.selectRow(index.row())
        speech_id = self.queue.selected_id()
        entry = self.queue.model().entry(index.row()) if index.isValid() else None
        if speech_id is None or entry is None:
            return None
        menu = QMenu(self.queue)
        menu.setObjectName("requestMenu")
        kinds = menu.addMenu(self.tr("Change the kind to"))
        for kind in SpeechKind:
            action = kinds.addAction(kind_label(kind.value))
            action.setEnabled(kind != entry.kind)
            action.triggered.connect(lambda _=False, k=kind: self.change(speech_id, kind=k))
        person = self.add_panel.selected_person()
        chosen = self.add_panel.person(person) if person is not None else None
        replace = menu.addAction(
            self.tr("Give this place to {name}").format(name=chosen.display_name)
            if chosen is not None else self.tr("Give this place to the person found above"))
        replace.setEnabled(chosen is not None and person != entry.participant_id)
        replace.triggered.connect(lambda: self.change(speech_id, participant_id=person))
        reason = menu.addAction(self.tr("Reason of the point of order…"))
        reason.setEnabled(entry.kind == SpeechKind.POINT_OF_ORDER)
        reason.triggered.connect(lambda: self.edit_reason(entry))
        menu.addSeparator()
        withdraw = menu.addAction(self.tr("Withdraw"))
        withdraw.setShortcut(QKeySequence("Delete"))
        withdraw.triggered.connect(lambda: self.withdraw(speech_id))
        self.menu = menu
        menu.popup(self.queue.viewport().mapToGlobal(where))
        return menu
