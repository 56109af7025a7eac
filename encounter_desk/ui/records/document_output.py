"""Writing a document from a screen: a preview in a temporary folder opened with the
system's PDF viewer, or a file the user chooses; refusals and disk problems said in words.

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

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QWidget

from encounter_desk.core.errors import Refusal
from encounter_desk.ui.widgets.files import FileOpener, open_with_system, write_problem
from encounter_desk.ui.widgets.layout import show_status, wrapped
from encounter_desk.ui.widgets.messages import MessageBridge
from encounter_desk.ui.widgets.retranslating import Retranslating
from encounter_desk.ui.widgets.workspace import AppContext

log = logging.getLogger(__name__)


def suggested_path(name: str) -> str:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return str(Path(folder) / name) if folder else name


class DocumentOutput:
    """Preview and save for one screen (``status``: the label that says what happened)."""

    def __init__(self, owner: QWidget, messages: MessageBridge, status: QLabel,
                 open_file: FileOpener | None = None) -> None:
        self.owner, self.messages, self.status = owner, messages, status
        self.open_file: FileOpener = open_file or open_with_system
        self.last_written: Path | None = None
        self._folder: Path | None = None

    def folder(self) -> Path:
        if self._folder is None:
            self._folder = Path(tempfile.mkdtemp(prefix="encounter-desk-preview-"))
            atexit.register(shutil.rmtree, self._folder, True)
        return self._folder

    def write(self, path: Path, work: Callable[[Path], object]) -> object | None:
        """Run ``work(path)``; its result, or None after saying what went wrong."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = work(path)
        except Refusal as exc:
            self.failed(str(exc))
            return None
        except OSError as exc:
            self.failed(write_problem(exc, path))
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.last_written = path
        return result if result is not None else True

    def failed(self, problem: str) -> None:
        log.warning("document not written: %s", problem)
        show_status(self.status, problem, problem=True)
        self.messages.warn(self.owner, QCoreApplication.translate("DocumentOutput", "Not written"), problem)

    def say(self, message: str) -> None:
        show_status(self.status, message)

    def preview(self, name: str, work: Callable[[Path], object]) -> Path | None:
        path = self.folder() / name
        if self.write(path, work) is None:
            return None
        self.say(QCoreApplication.translate("DocumentOutput", "Preview opened from {path}").format(path=path))
        self.open_file(path)
        return path

    def save(self, title: str, suggested: str, work: Callable[[Path], object], done: str,
             *, name_filter: str = "", suffix: str = ".pdf",
             details: Mapping[str, object] | None = None) -> None:
        """Ask where, then write; ``done`` (with ``{path}``, ``{count}`` and the
        ``details``) says it was written."""
        def chosen(path: str) -> None:
            if not path:
                return
            target = Path(path)
            if not target.suffix and suffix:
                target = target.with_name(target.name + suffix)
            result = self.write(target, work)
            if result is not None:
                self.say(done.format(path=target, count=result, **(details or {})))

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
