"""File → Import roster / Export roster / Export roster template, from the app.

An import is always checked first (a dry run); the report lists every bad row by its number
in the file. Only a clean file is offered for import, and only when the user agrees.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from encounter_desk.core import config
from encounter_desk.core.errors import Refusal
from encounter_desk.ui.widgets.files import write_problem
from encounter_desk.ui.widgets.long_job import JobRunner
from encounter_desk.ui.widgets.messages import MessageBridge
from encounter_desk.ui.widgets.workspace import AppContext

if TYPE_CHECKING:
    from encounter_desk.roster.importer import ImportReport

log = logging.getLogger(__name__)

ROSTER_FILTER = "(*.csv *.xlsx)"


def _count(value: Any) -> int:
    return value if isinstance(value, int) else len(value or ())


def _with_suffix(path: Path) -> Path:
    return path if path.suffix.lower() in (".csv", ".xlsx") else path.with_suffix(".xlsx")


def _write(messages: MessageBridge, window: QWidget, title: str, file: Path,
           work: Callable[[Path], Any], done: str) -> None:
    """Write ``file``; say where it went (``done`` gets the path and the count written),
    or why it could not be written."""
    try:
        count = work(file)
    except (Refusal, OSError) as exc:
        messages.warn(window, title, write_problem(exc, file))
        return
    messages.inform(window, title, done.format(count=count, path=file))


class TemplateActions(QObject):
    """The empty roster template: it works without an open event."""

    def __init__(self, window: QWidget, messages: MessageBridge) -> None:
        super().__init__(window)
        self.window = window
        self.messages = messages

    def _filter(self) -> str:
        return self.tr("Rosters {patterns};;All files (*)").format(patterns=ROSTER_FILTER)

    def start(self) -> None:
        suggested = str(config.data_dir() / "roster-template.xlsx")
        self.messages.choose_save_file(
            self.window, self.tr("Export roster template"), self._filter(), suggested,
            self.write_to)

    def write_to(self, path: str) -> None:
        from encounter_desk.roster import importer as roster

        if path:
            _write(self.messages, self.window, self.tr("Export roster template"),
                   _with_suffix(Path(path)), roster.write_template,
                   self.tr("Roster template written to {path}."))


class RosterActions(TemplateActions):
    """Import and export the open event's roster (and, like any window, the template)."""

    def __init__(self, window: QWidget, context: AppContext) -> None:
        super().__init__(window, context.messages)
        self.context = context
        self.jobs = JobRunner(window)

    # --- import --------------------------------------------------------------------------

    def start_import(self) -> None:
        self.messages.choose_open_file(
            self.window, self.tr("Import roster"), self._filter(), self.check_file
        )

    def check_file(self, path: str) -> None:
        """Dry run (off the GUI thread): report every problem, or offer to import a clean
        file."""
        from encounter_desk.roster import importer as roster

        if not path:
            return
        file, db = Path(path), self.context.db
        self.jobs.run(self.tr("Import roster"),
                      lambda progress: roster.import_roster(db, file, dry_run=True,
                                                            progress=progress),
                      done=lambda report: self._checked(path, report),
                      refused=lambda exc: self._failed(file, str(exc)))

    def _checked(self, path: str, report: ImportReport) -> None:
        file = Path(path)
        messages = self.messages
        if not report.ok:
            self._report_problems(file, report)
            return
        changes = _count(report.created) + _count(report.updated)
        if changes == 0:
            messages.inform(
                self.window,
                self.tr("Import roster"),
                self.tr("Nothing to import: everyone in {file} is already registered as "
                        "written.").format(file=file.name),
            )
            return
        messages.show_report(
            self.window,
            self.tr("Import roster"),
            self.tr("{file} is ready: {created} new participants, {updated} changed, "
                    "{unchanged} unchanged.").format(
                file=file.name,
                created=_count(report.created),
                updated=_count(report.updated),
                unchanged=_count(report.unchanged),
            ),
            list(report.lines()),
            on_accept=lambda: self.run_import(path),
            accept_text=self.tr("Import {count}").format(count=changes),
        )

    def run_import(self, path: str) -> None:
        """The import itself, off the GUI thread, in one transaction: Cancel (until it
        commits) writes nothing."""
        from encounter_desk.roster import importer as roster

        file, db = Path(path), self.context.db
        self.jobs.run(self.tr("Import roster"),
                      lambda progress: roster.import_roster(db, file, progress=progress),
                      done=lambda report: self._imported(file, report),
                      refused=lambda exc: self._failed(file, str(exc)),
                      cancelled=lambda: self.messages.inform(
                          self.window, self.tr("Import roster"),
                          self.tr("The import was cancelled: nobody from {file} was added or "
                                  "changed.").format(file=file.name)))

    def _imported(self, file: Path, report: ImportReport) -> None:
        if not report.ok:
            self._report_problems(file, report)
            return
        log.info("imported roster %s", file)
        self.context.records_changed.emit()
        self.messages.inform(
            self.window,
            self.tr("Import roster"),
            self.tr("Imported {file}: {created} new participants, {updated} changed.").format(
                file=file.name,
                created=_count(report.created),
                updated=_count(report.updated),
            ),
        )

    def _report_problems(self, file: Path, report: ImportReport) -> None:
        self.messages.show_report(
            self.window,
            self.tr("Roster not imported"),
            self.tr("{file} has problems, so nothing was imported. Correct these rows and "
                    "import the file again:").format(file=file.name),
            list(report.lines()),
        )

    def _failed(self, file: Path, reason: str) -> None:
        self.messages.warn(
            self.window,
            self.tr("Roster not imported"),
            self.tr("{file} could not be read: {reason}").format(file=file.name, reason=reason),
        )

    # --- export --------------------------------------------------------------------------

    def start_export(self) -> None:
        suggested = str(Path.home() / "participants.xlsx")
        self.messages.choose_save_file(
            self.window, self.tr("Export roster"), self._filter(), suggested, self.export_to
        )

    def export_to(self, path: str) -> None:
        from encounter_desk.roster import importer as roster

        if path:
            _write(self.messages, self.window, self.tr("Export roster"),
                   _with_suffix(Path(path)), lambda file: roster.export_roster(self.context.db, file),
                   self.tr("{count} participants written to {path}."))
