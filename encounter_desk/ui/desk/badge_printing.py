"""Badges printed at the desk: a walk-in's, a reprint, a new one for a lost badge.

Mixed into :class:`~encounter_desk.ui.desk.desk_workspace.DeskWorkspace` (which supplies the
database, the message bridge, the status line and the file opener).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton

from encounter_desk.core import i18n
from encounter_desk.core.errors import Refusal
from encounter_desk.desk import badges, walk_in
from encounter_desk.event import participants
from encounter_desk.ui.widgets.files import write_problem
from encounter_desk.ui.widgets.long_job import JobRunner
from encounter_desk.ui.widgets.printing import print_pdf


class BadgePrinting:
    """Reprint and reissue from a search result, and the walk-in's badge."""

    print_pdf = staticmethod(print_pdf)
    """How a badge goes to a printer (tests replace it, or its ``submit``)."""

    def make_print_button(self) -> QPushButton:
        """"Print…": the last badge written (the walk-in's, a reprint) to a printer."""
        button = QPushButton()
        button.setObjectName("printBadgeButton")
        button.setEnabled(False)
        button.clicked.connect(lambda: self.print_on_printer(self.last_badge))
        self.print_jobs = JobRunner(self)
        return button

    def print_on_printer(self, path: Path | None) -> None:
        """Qt's print dialog, then the system's print queue; the PDF stays as it was."""
        if path is not None:
            self.print_pdf(self, path, self.messages, fallback=self.open_file,
                           on_printed=self._say, jobs=self.print_jobs)

    def _person(self, participant_id: int) -> Any | None:  # noqa: ANN401 - a ParticipantRow
        """The participant, or None after saying why not (gone since the search)."""
        try:
            return participants.get_participant(self.db, participant_id)
        except Refusal as exc:
            self._problem(str(exc))
            return None

    def reprint_on_printer(self, participant_id: int) -> None:
        """The search result's "Print…": the current badge, written again, to a printer."""
        person = self._person(participant_id)
        if person is not None:
            self.print_on_printer(self.print_badge(person, open_it=False))

    def reprint_badge(self, participant_id: int) -> Path | None:
        """The person's current badge again (the same code: the old print still works)."""
        person = self._person(participant_id)
        if person is None:
            return None
        path = self.print_badge(person)
        self.take_keyboard()
        return path

    def reissue_badge(self, participant_id: int) -> None:
        """A lost badge: after the clerk confirms, a new badge; the lost one is refused."""
        person = self._person(participant_id)
        if person is None:
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

    def print_badge(self, participant: Any, open_it: bool = True) -> Path | None:  # noqa: ANN401
        """Write the person's A6 badge (a ParticipantRow) and open it for printing."""
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
        self.print_button.setEnabled(True)
        self._say(QCoreApplication.translate("DeskWorkspace", "Badge of {name} ready to print: {path}").format(
            name=participant.display_name, path=path))
        if open_it:
            self.open_file(path)
        return path
