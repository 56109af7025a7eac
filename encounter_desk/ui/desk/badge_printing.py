"""Badges printed at the desk: a walk-in's, a reprint, a new one for a lost badge.

Mixed into :class:`~encounter_desk.ui.desk.desk_workspace.DeskWorkspace` (which supplies the
database, the message bridge, the status line and the file opener).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from encounter_desk.core import i18n
from encounter_desk.core.errors import Refusal
from encounter_desk.desk import badges, walk_in
from encounter_desk.event import participants
from encounter_desk.ui.widgets.files import write_problem


class BadgePrinting:
    """Reprint and reissue from a search result, and the walk-in's badge."""

    def reprint_badge(self, participant_id: int) -> Path | None:
        """The person's current badge again (the same code: the old print still works)."""
        try:
            person = participants.get_participant(self.db, participant_id)
        except Refusal as exc:
            self._problem(str(exc))
            return None
        path = self.print_badge(person)
        self.take_keyboard()
        return path

    def reissue_badge(self, participant_id: int) -> None:
        """A lost badge: after the clerk confirms, a new badge; the lost one is refused."""
        try:
            person = participants.get_participant(self.db, participant_id)
        except Refusal as exc:
            self._problem(str(exc))
            return

        def reissue() -> None:
            try:
                badges.reissue_badge(self.db, participant_id)
            except Refusal as exc:
                self._problem(str(exc))
                return
            self.print_badge(person)
            self.take_keyboard()

        self.messages.ask(
            self, QCoreApplication.translate("DeskWorkspace", "Badge lost"),
            QCoreApplication.translate("DeskWorkspace", "Issue a new badge for {name}? The lost badge will be refused as "
                    "replaced from now on.").format(name=person.display_name),
            reissue, QCoreApplication.translate("DeskWorkspace", "Issue a new badge"))

    def print_badge(self, participant: Any) -> Path | None:  # noqa: ANN401 - a ParticipantRow
        """Write the person's A6 badge and open it for printing."""
        try:
            path = walk_in.write_walk_in_badge(
                self.db, participant, self.badge_folder,
                now=self.clock() if self.clock else None, lang=i18n.language())
        except Refusal as exc:
            self._problem(QCoreApplication.translate("DeskWorkspace", "The badge could not be written: {error}").format(error=exc))
            return None
        except OSError as exc:
            self._problem(write_problem(exc))
            return None
        self.last_badge = path
        self._say(QCoreApplication.translate("DeskWorkspace", "Badge of {name} ready to print: {path}").format(
            name=participant.display_name, path=path))
        self.open_file(path)
        return path
