"""What every workspace of the main window is, and the context they share."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from encounter_desk.storage.database import Database
from encounter_desk.ui.widgets.messages import MessageBridge
from encounter_desk.ui.widgets.retranslating import Retranslating


class AppContext(QObject):
    """The open event and the message bridge, handed to every workspace."""

    records_changed = Signal()
    """The event's records changed outside a workspace (an import, a demo): reload."""
    event_changed = Signal()
    """The event's own details (names, dates) changed."""
    desk_name_changed = Signal(str)
    """This laptop's desk name was saved (Setup → This desk): the desk records it from now on."""

    def __init__(self, db: Database, messages: MessageBridge, parent: QObject | None = None):
        super().__init__(parent)
        self.db = db
        self.messages = messages


class Workspace(Retranslating, QWidget):
    """One job's screen (Registration desk, Chair, Records, Setup).

    Subclasses set ``KEY`` (a stable name), implement :meth:`title` (translated, read
    again after a language switch) and :meth:`refresh`, and re-translate their own texts
    in :meth:`retranslate`.
    """

    KEY = "workspace"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        context.records_changed.connect(self.refresh)

    def title(self) -> str:
        raise NotImplementedError

    def refresh(self) -> None:
        """Reload what the workspace shows from the database."""

    def retranslate(self) -> None:
        """Set every text again in the current language."""

