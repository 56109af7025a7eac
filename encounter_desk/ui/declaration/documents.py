"""The workbench's files: the draft in from Word or typed, the documents out, with previews.

Every file chooser and question goes through the message bridge (nothing blocks; tests
answer at once). Previews are written to a temporary folder, removed when the app quits,
and opened with ``open_file`` (the system's viewer).
"""

from __future__ import annotations

import atexit
import logging
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from encounter_desk.core.errors import Refusal
from encounter_desk.declaration import docx_import
from encounter_desk.declaration.akn import write_declaration_akn
from encounter_desk.declaration.amendments_pdf import write_amendments_log
from encounter_desk.declaration.docx_export import write_declaration_docx
from encounter_desk.declaration.pdf import write_declaration_pdf
from encounter_desk.storage.database import Database
from encounter_desk.ui.declaration.draft_forms import DraftTextDialog
from encounter_desk.ui.widgets.messages import MessageBridge

log = logging.getLogger(__name__)

FileOpener = Callable[[Path], object]


def open_with_system(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _suggested(name: str) -> str:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return str(Path(folder) / name) if folder else name


class DeclarationFiles(QObject):
    """Import, type, preview and save, for one workbench (``parent``)."""

    def __init__(self, parent: QWidget, db: Database, messages: MessageBridge,
                 open_file: FileOpener, done: Callable[[], None]) -> None:
        super().__init__(parent)
        self.widget = parent
        self.db = db
        self.messages = messages
        self.open_file = open_file
        self.done = done
        self.last_written: Path | None = None
        self._preview_dir: Path | None = None

    # --- the draft in ----------------------------------------------------------------------

    def choose_word_file(self) -> None:
        self.messages.choose_open_file(
            self.widget, self.tr("Import the draft from Word"),
            self.tr("Word documents (*.docx);;All files (*)"),
            lambda path: path and self.import_word(Path(path)))

    def import_word(self, path: Path, *, replace: bool = False) -> bool:
        try:
            report = docx_import.read_docx(path, None)
            return self._write(report, replace=replace)
        except Refusal as exc:
            self.messages.warn(self.widget, self.tr("Import the draft from Word"), str(exc))
            return False

    def _write(self, report: docx_import.ImportReport, *, replace: bool) -> bool:
        title = self.tr("Import the draft from Word")
        try:
            docx_import.write_report(self.db, report, replace=replace)
        except Refusal as exc:
            if exc.code not in ("declaration.mismatch", "declaration.exists"):
                raise
            self.messages.ask(
                self.widget, title,
                self.tr("{problem}\n\nReplace the draft with this file? Its amendments and "
                        "statements are lost.").format(problem=exc),
                lambda: self._write(report, replace=True),
                yes_text=self.tr("Replace the draft"))
            return False
        self.done()
        summary = (self.tr("The draft now has its text in this language too.")
                   if report.filled_language else self.tr("The draft was imported."))
        self.messages.show_report(self.widget, title, summary, report.lines())
        return True

    def type_draft(self, language: str, has_draft: bool) -> DraftTextDialog:
        dialog = DraftTextDialog(self.widget, self._typed, language=language,
                                 has_draft=has_draft)
        dialog.open()
        return dialog

    def _typed(self, values: dict[str, Any]) -> str | None:
        try:
            report = docx_import.read_text(values["text"], values["lang"])
            docx_import.write_report(self.db, report, replace=values["replace"])
        except Refusal as exc:
            return str(exc)
        self.done()
        if report.problems:
            self.messages.show_report(self.widget, self.tr("Type or paste the draft"),
                                      self.tr("The draft was written."), report.lines())
        return None

    # --- the documents out -----------------------------------------------------------------

    def _preview_folder(self) -> Path:
        if self._preview_dir is None:
            self._preview_dir = Path(tempfile.mkdtemp(prefix="encounter-declaration-"))
            atexit.register(shutil.rmtree, self._preview_dir, ignore_errors=True)
        return self._preview_dir

    def preview(self, lang: str, paper: str, *, log_only: bool = False) -> Path | None:
        name = f"amendments-{lang}.pdf" if log_only else f"declaration-{lang}.pdf"
        writer = write_amendments_log if log_only else write_declaration_pdf
        path = self._run(lambda: writer(self.db, self._preview_folder() / name, lang,
                                        paper=paper))
        if path is not None:
            self.open_file(path)
        return path

    def save(self, kind: str, lang: str, paper: str) -> None:
        """Ask where, then write ``kind`` (pdf, docx, akn, log) in ``lang``."""
        names = {
            "pdf": (f"declaration-{lang}.pdf", self.tr("PDF files (*.pdf)")),
            "docx": (f"declaration-{lang}.docx", self.tr("Word documents (*.docx)")),
            "akn": (f"declaration-{lang}.xml", self.tr("Akoma Ntoso files (*.xml)")),
            "log": (f"amendments-{lang}.pdf", self.tr("PDF files (*.pdf)")),
        }
        name, pattern = names[kind]
        self.messages.choose_save_file(
            self.widget, self.tr("Save the declaration"), pattern, _suggested(name),
            lambda path: path and self.write(kind, Path(path), lang, paper))

    def write(self, kind: str, path: Path, lang: str, paper: str) -> Path | None:
        writers: dict[str, Callable[[], Path]] = {
            "pdf": lambda: write_declaration_pdf(self.db, path, lang, paper=paper),
            "docx": lambda: write_declaration_docx(self.db, path, lang, paper=paper),
            "akn": lambda: write_declaration_akn(self.db, path, lang),
            "log": lambda: write_amendments_log(self.db, path, lang, paper=paper),
        }
        written = self._run(writers[kind])
        if written is not None:
            self.messages.inform(self.widget, self.tr("Save the declaration"),
                                 self.tr("Written to {path}.").format(path=written))
        return written

    def _run(self, work: Callable[[], Path]) -> Path | None:
        try:
            path = work()
        except Refusal as exc:
            self.messages.warn(self.widget, self.tr("The document was not written"), str(exc))
            return None
        except OSError as exc:
            log.warning("could not write a declaration document: %s", exc)
            self.messages.warn(self.widget, self.tr("The document was not written"),
                               self.tr("The file could not be written: {reason}").format(
                                   reason=exc.strerror or exc))
            return None
        self.last_written = path
        return path
