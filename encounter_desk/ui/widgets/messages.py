"""Every question and message to the user goes through one :class:`MessageBridge`.

Dialogs never block the logic: they are opened with ``open()`` and the answer arrives in a
callback. Tests replace the bridge with one that records what was said and answers at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)


class MessageBridge(QObject):
    """Non-blocking messages, questions and file choices."""

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        log.info("%s: %s", title, text)
        self._box(parent, QMessageBox.Icon.Information, title, text)

    def warn(self, parent: QWidget | None, title: str, text: str, details: str = "") -> None:
        log.warning("%s: %s", title, text)
        self._box(parent, QMessageBox.Icon.Warning, title, text, details)

    def ask(
        self,
        parent: QWidget | None,
        title: str,
        text: str,
        on_yes: Callable[[], None],
        yes_text: str | None = None,
    ) -> None:
        """Ask a yes/no question; ``on_yes`` runs only if the user agrees."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        yes = box.addButton(yes_text or self.tr("Yes"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def done(_result: int) -> None:
            if box.clickedButton() is yes:
                on_yes()

        box.finished.connect(done)
        box.open()

    def show_report(
        self,
        parent: QWidget | None,
        title: str,
        summary: str,
        lines: Sequence[str],
        on_accept: Callable[[], None] | None = None,
        accept_text: str | None = None,
    ) -> None:
        """A list of lines (e.g. every bad row of a file), optionally with an action button."""
        dialog = ReportDialog(parent, title, summary, lines, accept_text if on_accept else None)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if on_accept is not None:
            dialog.accepted.connect(on_accept)
        dialog.open()

    def choose_open_file(
        self,
        parent: QWidget | None,
        title: str,
        name_filter: str,
        on_chosen: Callable[[str], None],
    ) -> None:
        dialog = QFileDialog(parent, title, "", name_filter)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        self._open_file_dialog(dialog, on_chosen)

    def choose_save_file(
        self,
        parent: QWidget | None,
        title: str,
        name_filter: str,
        suggested: str,
        on_chosen: Callable[[str], None],
        confirm_overwrite: bool = True,
    ) -> None:
        dialog = QFileDialog(parent, title, suggested, name_filter)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        if not confirm_overwrite:
            dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)
        self._open_file_dialog(dialog, on_chosen)

    # --- plumbing ------------------------------------------------------------------------

    def _open_file_dialog(self, dialog: QFileDialog, on_chosen: Callable[[str], None]) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(on_chosen)
        dialog.open()

    def _box(
        self,
        parent: QWidget | None,
        icon: QMessageBox.Icon,
        title: str,
        text: str,
        details: str = "",
    ) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
        if details:
            box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()


class ReportDialog(QDialog):
    """A summary sentence above a scrollable list of lines."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        summary: str,
        lines: Sequence[str],
        accept_text: str | None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        label = QLabel(summary)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.lines = QPlainTextEdit("\n".join(lines))
        self.lines.setReadOnly(True)
        self.lines.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        layout.addWidget(self.lines)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        if accept_text:
            buttons.addButton(accept_text, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
