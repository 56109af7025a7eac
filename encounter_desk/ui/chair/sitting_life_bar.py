"""The chair's controls of the sitting's life: open, suspend, resume, adjourn.

One line above the list of speakers: where the sitting stands ("Session 2 opened at 09:41,
with quorum…") and the buttons that move it on, each showing its key (Ctrl+Shift+I, S, U,
L) from the chair's one table of shortcuts (:mod:`encounter_desk.ui.chair.shortcuts`).
The jobs are :mod:`encounter_desk.records.sitting_life`; a refusal (no quorum, a speaker
still on the floor) is said in a message and changes nothing. Adjourning asks first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from encounter_desk.core.errors import Refusal
from encounter_desk.records import sitting_life
from encounter_desk.records.sitting_life import SittingLife, Stage
from encounter_desk.storage.database import Database
from encounter_desk.ui.chair.shortcuts import with_key
from encounter_desk.ui.widgets.messages import MessageBridge


class SittingLifeBar(QWidget):
    changed = Signal()
    """The sitting moved on (opened, suspended, resumed, adjourned)."""

    def __init__(self, db: Database, messages: MessageBridge,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.messages = messages
        self.sitting_id: int | None = None
        self.life: SittingLife | None = None
        self.state_label = QLabel()
        self.state_label.setObjectName("sittingState")
        self.buttons: dict[str, QPushButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state_label, 1)
        for name, slot in (("openSitting", self.open_sitting),
                           ("suspendSitting", self.suspend),
                           ("resumeSitting", self.resume),
                           ("adjournSitting", self.adjourn)):
            button = QPushButton()
            button.setObjectName(name)
            button.clicked.connect(slot)
            layout.addWidget(button)
            self.buttons[name] = button
        self.retranslate()

    def retranslate(self) -> None:
        for name, action, text, tip in (
                ("openSitting", "open_sitting", self.tr("Open the session"),
                 self.tr("Record the opening time and the quorum")),
                ("suspendSitting", "suspend_sitting", self.tr("Recess"),
                 self.tr("Suspend the session")),
                ("resumeSitting", "resume_sitting", self.tr("Resume"), self.tr("End the recess")),
                ("adjournSitting", "adjourn_sitting", self.tr("Adjourn"),
                 self.tr("Adjourn the session: records the closing time"))):
            # the key, as on every chair button, from the one table of shortcuts
            self.buttons[name].setText(with_key(text, action))
            self.buttons[name].setToolTip(tip)
        self._show()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_sitting(self, sitting_id: int | None) -> None:
        self.sitting_id = sitting_id
        self.refresh()

    def refresh(self) -> None:
        self.life = None
        if self.sitting_id is not None:
            try:
                self.life = sitting_life.sitting_life(self.db, self.sitting_id)
            except Refusal as exc:
                self.messages.warn(self, self.tr("Session"), str(exc))
        self._show()

    def is_open(self) -> bool:
        return self.life is not None and self.life.stage is Stage.OPEN

    def _show(self) -> None:
        stage = self.life.stage if self.life is not None else None
        self.state_label.setText(self.life.sentence() if self.life is not None else "")
        self.buttons["openSitting"].setEnabled(stage is Stage.NOT_HELD)
        self.buttons["suspendSitting"].setEnabled(stage is Stage.OPEN)
        self.buttons["resumeSitting"].setEnabled(stage is Stage.SUSPENDED)
        self.buttons["adjournSitting"].setEnabled(stage in (Stage.OPEN, Stage.SUSPENDED))

    def _run(self, job: Callable[..., SittingLife]) -> None:
        if self.sitting_id is None:
            return
        try:
            self.life = job(self.db, self.sitting_id)
        except Refusal as exc:
            self.messages.warn(self, self.tr("Session"), str(exc))
            return
        self._show()
        self.changed.emit()

    def open_sitting(self) -> None:
        self._run(sitting_life.open_sitting)

    def suspend(self) -> None:
        self._run(sitting_life.suspend_sitting)

    def resume(self) -> None:
        self._run(sitting_life.resume_sitting)

    def adjourn(self) -> None:
        if self.life is None:
            return
        self.messages.ask(
            self, self.tr("Adjourn"),
            self.tr("Adjourn session {n}? The closing time is recorded now and the session "
                    "cannot be reopened.").format(n=self.life.number),
            lambda: self._run(sitting_life.adjourn_sitting), self.tr("Adjourn"))
