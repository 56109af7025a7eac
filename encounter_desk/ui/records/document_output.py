"""Writing a document from a screen: a preview in a temporary folder opened with the
system's PDF viewer, or a file the user chooses; refusals and disk problems said in words.
Every document is written off the GUI thread, behind a progress dialog
(:mod:`encounter_desk.ui.widgets.long_job`).

PySide6-Essentials has no QtPdf: the preview is the real PDF, written aside and opened
with ``open_file`` (tests replace it). File choosers go through the message bridge.
"""

from __future__ import annotations

import atexit
import logging
import shutil
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QLabel, QWidget

from encounter_desk.core.files import file_fault
from encounter_desk.core.progress import Progress
from encounter_desk.ui.widgets.files import FileOpener, open_with_system
from encounter_desk.ui.widgets.layout import show_status, wrapped
from encounter_desk.ui.widgets.long_job import JobRunner
from encounter_desk.ui.widgets.messages import MessageBridge
from encounter_desk.ui.widgets.retranslating import Retranslating
from encounter_desk.ui.widgets.workspace import AppContext

log = logging.getLogger(__name__)


def suggested_path(name: str) -> str:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return str(Path(folder) / name) if folder else name


Work = Callable[[Path, Progress], object]
"""Writes the document at the path it is given, telling the progress how far it is."""


class DocumentOutput:
    """Preview and save for one screen (``status``: the label that says what happened).

    The document is written off the GUI thread by :attr:`jobs` (a progress dialog says
    what is happening; Cancel where the writer steps its progress: the file is a
    temporary one until the end, so a cancelled document leaves nothing behind)."""

    def __init__(self, owner: QWidget, messages: MessageBridge, status: QLabel,
                 open_file: FileOpener | None = None) -> None:
        self.owner, self.messages, self.status = owner, messages, status
        self.open_file: FileOpener = open_file or open_with_system
        self.last_written: Path | None = None
        self._folder: Path | None = None
        self.jobs = JobRunner(owner)

    def folder(self) -> Path:
        if self._folder is None:
            self._folder = Path(tempfile.mkdtemp(prefix="encounter-desk-preview-"))
            atexit.register(shutil.rmtree, self._folder, True)
        return self._folder

    def write(self, path: Path, work: Work, then: Callable[[object], None], *,
              cancellable: bool = False) -> None:
        """Run ``work(path, progress)`` off the GUI thread, then ``then(its result)``
        (True when it returns nothing); a refusal or a disk problem is said instead."""

        def job(progress: Progress) -> object:
            try:
                return work(path, progress)
            except OSError as exc:  # the disk's reason, in the storage layer's words
                raise file_fault(exc, path) from exc

        def done(result: object) -> None:
            self.last_written = path
            then(result if result is not None else True)

        self.jobs.run(
            QCoreApplication.translate("DocumentOutput", "Writing {name}").format(name=path.name),
            job, done=done, refused=lambda exc: self.failed(str(exc)), cancellable=cancellable,
            cancelled=lambda: self.say(QCoreApplication.translate(
                "DocumentOutput", "Cancelled: {name} was not written.").format(name=path.name)))

    def failed(self, problem: str) -> None:
        log.warning("document not written: %s", problem)
        show_status(self.status, problem, problem=True)
        self.messages.warn(self.owner, QCoreApplication.translate("DocumentOutput", "Not written"), problem)

    def say(self, message: str) -> None:
        show_status(self.status, message)

    def preview(self, name: str, work: Work, *, said: str = "",
                cancellable: bool = False) -> None:
        """Write ``name`` in a temporary folder and open it; ``said`` (with ``{path}``)
        tells where it was written."""
        path = self.folder() / name

        def written(_result: object) -> None:
            self.say((said or QCoreApplication.translate(
                "DocumentOutput", "Preview opened from {path}")).format(path=path))
            self.open_file(path)

        self.write(path, work, written, cancellable=cancellable)

    def save(self, title: str, suggested: str, work: Work, done: str,
             *, name_filter: str = "", suffix: str = ".pdf", cancellable: bool = False,
             details: Mapping[str, object] | None = None) -> None:
        """Ask where, then write there; ``done`` (with ``{path}``, ``{count}``, the
        writer's result, and the ``details``) says it was written."""
        def chosen(path: str) -> None:
            if not path:
                return
            target = Path(path)
            if not target.suffix and suffix:
                target = target.with_name(target.name + suffix)
            self.write(target, work,
                       lambda result: self.say(done.format(path=target, count=result, **(details or {}))),
                       cancellable=cancellable)

        self.messages.choose_save_file(self.owner, title, name_filter or QCoreApplication.translate(
            "DocumentOutput", "PDF (*.pdf)"),
                                       suggested_path(suggested), chosen)


class DocumentPage(Retranslating, QWidget):
    """A Records page that writes documents: the event's database, the message bridge, a
    status line (objectName ``status_name``) and a :class:`DocumentOutput` writing through
    them (``open_file`` shows a preview; tests replace it)."""

    def __init__(self, context: AppContext, status_name: str,
                 open_file: FileOpener | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = context.db
        self.messages = context.messages
        self.status = wrapped(status_name)
        self.output = DocumentOutput(self, self.messages, self.status, open_file)
