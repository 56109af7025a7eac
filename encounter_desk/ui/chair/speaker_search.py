"""Who the chair can add: the people search behind "Add a speaker", kept current.

The index is loaded in steps and then follows the record's changes person by person
(:class:`~encounter_desk.ui.widgets.search_loading.SearchLoading`), and only the people a
search shows are read: other desks' scans move the change marker every second, and reading
every participant again at each (10,000 people: over a second) froze the chair.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from encounter_desk.core import i18n
from encounter_desk.core.errors import Refusal
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP
from encounter_desk.event import participants
from encounter_desk.event.participants import ParticipantRow
from encounter_desk.storage.database import Database
from encounter_desk.ui.chair.add_speaker_panel import AddSpeakerPanel
from encounter_desk.ui.widgets.messages import MessageBridge
from encounter_desk.ui.widgets.search_loading import SearchLoading

log = logging.getLogger(__name__)
CHAIR = QT_TRANSLATE_NOOP("ChairWorkspace", "Chair")


class SpeakerSearch(QObject):
    """Feeds ``panel`` from ``db``; a record that cannot be read is said once through
    ``messages`` (over ``window``), not at every key typed."""

    def __init__(self, db: Database, panel: AddSpeakerPanel, messages: MessageBridge,
                 window: QWidget) -> None:
        super().__init__(window)
        self.db = db
        self.messages = messages
        self.window = window
        self.failed = False
        self.loading = SearchLoading(db, panel, self.problem, self)
        panel.lookup = self.lookup
        panel.members = lambda delegation_id: self.lookup(delegation_id=delegation_id)

    def follow(self) -> None:
        """Load the index, or put again only the people changed since the last look.
        Raises a Refusal when the record cannot be read."""
        self.loading.follow()

    def lookup(self, ids: Sequence[int] | None = None, *,
               delegation_id: int | None = None) -> list[ParticipantRow]:
        """The people a search found (``ids``), or a delegation's; nothing when the record
        cannot be read (the server is gone)."""
        try:
            if ids is None:
                people = participants.list_participants(self.db, delegation_id=delegation_id)
            else:
                people = participants.participants_by_id(self.db, ids)
        except Refusal as exc:
            self.problem(str(exc))
            return []
        self.failed = False
        return people

    def problem(self, text: str) -> None:
        log.info("the chair's search could not read the record: %s", text)
        if not self.failed:
            self.failed = True
            title = i18n.translate("ChairWorkspace", CHAIR)
            self.messages.warn(self.window, title, text)

