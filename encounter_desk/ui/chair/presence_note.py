"""The line under the add field that flags a speaker not marked present at the sitting,
with the one key that marks them present (Ctrl+Shift+P), and the list's option "only
present participants may speak".

The attendance itself is the records' (:mod:`encounter_desk.records.attendance`); the
chair marks a person present by hand, as the secretary would, and the mark is kept with
its source (manual) and this laptop's desk name.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QWidget

from encounter_desk.chair import commands as speakers
from encounter_desk.core.errors import Refusal
from encounter_desk.records import attendance
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import AttendanceSource, AttendanceStatus
from encounter_desk.ui.chair.shortcuts import with_key
from encounter_desk.ui.desk import identity
from encounter_desk.ui.widgets.layout import PROBLEM_STYLE, hbox, named


class PresenceNote(QWidget):
    """Hidden until a speaker who is not marked present is added."""

    marked = Signal(int)  # participant id, now present
    refused = Signal(object)  # a Refusal to say

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presenceNote")
        self.db = db
        self.sitting_id: int | None = None
        self.participant_id: int | None = None
        self.name = ""
        self.label = named(QLabel(), "presenceText")
        self.label.setWordWrap(True)
        self.label.setStyleSheet(PROBLEM_STYLE)
        self.button = named(QPushButton(), "markPresentButton")
        self.button.clicked.connect(self.mark_present)
        layout = hbox((self.label, 1), self.button)
        layout.setContentsMargins(0, 0, 0, 0)
        self.setLayout(layout)
        self.hide()

    def retranslate(self) -> None:
        self.button.setText(with_key(self.tr("Mark present"), "mark_present"))
        if self.participant_id is not None:
            self.label.setText(self.tr("{name} is not marked present at this session.").format(
                name=self.name))

    def check(self, sitting_id: int, participant_id: int, name: str) -> bool:
        """Flag the person just added if they are not marked present; whether flagged."""
        try:
            absent = participant_id in speakers.not_present(self.db, sitting_id, [participant_id])
        except Refusal as exc:
            self.refused.emit(exc)
            return False
        if not absent:
            self.clear()
            return False
        self.sitting_id, self.participant_id, self.name = sitting_id, participant_id, name
        self.retranslate()
        self.show()
        return True

    def clear(self) -> None:
        self.participant_id = None
        self.hide()

    def mark_present(self) -> None:
        """The one key: the flagged person is marked present now (manual, this desk)."""
        if self.participant_id is None or self.sitting_id is None:
            return
        try:
            attendance.mark(self.db, self.sitting_id, self.participant_id,
                            AttendanceStatus.PRESENT, source=AttendanceSource.MANUAL,
                            desk=identity.saved_desk_name())
        except Refusal as exc:
            self.refused.emit(exc)
            return
        participant_id = self.participant_id
        self.clear()
        self.marked.emit(participant_id)


class OnlyPresentBox(QCheckBox):
    """The list's option: only participants marked present may be put on it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("onlyPresentBox")

    def retranslate(self) -> None:
        self.setText(self.tr("Only present may speak"))
        self.setToolTip(self.tr(
            "Only participants marked present at this session may be put on this list"))
