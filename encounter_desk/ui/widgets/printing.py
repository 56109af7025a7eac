"""Printing a PDF the app wrote (a badge) straight to a printer.

PySide6-Essentials has QtPrintSupport but no QtPdf: Qt can let the clerk choose a printer and
the number of copies, but cannot draw our PDF onto a :class:`QPrinter`. So the dialog only
chooses, and the PDF goes to the system's print queue: ``lp`` (CUPS; ``lpr`` when ``lp`` is
missing) on Linux and macOS, the shell's "print" verb on Windows (the default printer).

The dialog opens with ``open()`` (never ``exec()``); the queue runs through one injectable
``submit`` function with a short timeout, off the GUI thread (a screen's
:class:`~encounter_desk.ui.widgets.long_job.JobRunner`), and its refusal reaches the clerk
as a sentence.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QWidget

from encounter_desk.core.errors import Refusal
from encounter_desk.core.progress import Progress
from encounter_desk.ui.widgets.long_job import JobRunner
from encounter_desk.ui.widgets.messages import MessageBridge

QUEUE_TIMEOUT_SECONDS = 5
"""How long the print queue may take to accept a file before the desk gives up on it."""

Submit = Callable[[str, int, Path], None]
"""Hands ``(printer name, copies, pdf path)`` to the print queue; raises Refusal when refused."""


def queue_commands(printer: str, copies: int, path: Path) -> list[list[str]]:
    """The commands to try in order: CUPS's ``lp``, then BSD ``lpr``."""
    lp = ["lp", "-n", str(copies)] + (["-d", printer] if printer else []) + [str(path)]
    lpr = ["lpr", "-#", str(copies)] + (["-P", printer] if printer else []) + [str(path)]
    return [lp, lpr]


def submit_to_queue(printer: str, copies: int, path: Path) -> None:
    """Send ``path`` to the system's print queue (see the module's note)."""
    if sys.platform.startswith("win"):
        try:
            for _ in range(max(copies, 1)):
                os.startfile(str(path), "print")  # type: ignore[attr-defined]  # noqa: S606
        except OSError as exc:
            raise Refusal(QCoreApplication.translate("Printing", "The printer refused the badge: {reason}").format(
                reason=exc.strerror or exc), code="print.refused") from exc
        return
    for command in queue_commands(printer, copies, path):
        try:
            done = subprocess.run(command, capture_output=True, text=True,  # noqa: S603
                                  timeout=QUEUE_TIMEOUT_SECONDS, check=False)
        except FileNotFoundError:
            continue
        except subprocess.TimeoutExpired as exc:
            raise Refusal(QCoreApplication.translate("Printing", "The print queue did not answer within {seconds} seconds; the "
                             "badge is saved as a PDF: {path}").format(
                seconds=QUEUE_TIMEOUT_SECONDS, path=path), code="print.timeout") from exc
        if done.returncode != 0:
            reason = (done.stderr or done.stdout).strip() or str(done.returncode)
            raise Refusal(QCoreApplication.translate("Printing", "The print queue refused the badge for {printer}: {reason}").format(
                printer=printer, reason=reason), code="print.refused")
        return
    raise Refusal(QCoreApplication.translate("Printing", "This laptop has no print queue (the lp command is missing); the badge is "
                     "saved as a PDF: {path}").format(path=path), code="print.no_lp")


def available_printers() -> list[str]:
    """The names of the printers installed on this laptop."""
    return list(QPrinterInfo.availablePrinterNames())


class PrintChoice(Protocol):
    """What the print dialog gives back: the chosen printer and copies."""

    def printerName(self) -> str: ...  # noqa: N802, D102
    def copyCount(self) -> int: ...  # noqa: N802, D102


def print_dialog(parent: QWidget | None) -> QPrintDialog:
    """Qt's print dialog on a fresh printer (the dialog keeps it alive)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.keep_printer = printer  # type: ignore[attr-defined]
    title = QCoreApplication.translate("Printing", "Print the badge")
    if sys.platform.startswith("win"):
        title = QCoreApplication.translate("Printing", "Print the badge (Windows prints on the default printer)")
    dialog.setWindowTitle(title)
    return dialog


def print_pdf(
    parent: QWidget | None,
    pdf_path: Path,
    messages: MessageBridge,
    *,
    submit: Submit = submit_to_queue,
    dialog_factory: Callable[[QWidget | None], QPrintDialog] = print_dialog,
    printers: Callable[[], list[str]] = available_printers,
    fallback: Callable[[Path], object] | None = None,
    on_printed: Callable[[str], None] | None = None,
    jobs: JobRunner,
) -> None:
    """Let the clerk choose a printer and copies, then queue ``pdf_path`` there through
    ``jobs`` (off the GUI thread: a queue may take its whole timeout to answer).

    With no printer installed, say so at once and hand the PDF to ``fallback`` (open it, as
    before). ``on_printed`` receives the sentence saying where the badge went."""
    title = QCoreApplication.translate("Printing", "Print the badge")
    if not printers():
        messages.inform(parent, title, QCoreApplication.translate("Printing",
            "No printer is installed on this laptop; the badge was saved as a PDF instead: "
            "{path}").format(path=pdf_path))
        if fallback is not None:
            fallback(pdf_path)
        return
    dialog = dialog_factory(parent)

    def chosen() -> None:
        choice: PrintChoice = dialog.printer()
        name, copies = choice.printerName(), max(choice.copyCount(), 1)
        printer = name or QCoreApplication.translate("Printing", "the default printer")

        def printed(_result: object) -> None:
            if on_printed is not None:
                on_printed(QCoreApplication.translate(
                    "Printing", "{copies} copies of the badge sent to {printer}").format(
                    copies=copies, printer=printer))

        def queue(progress: Progress) -> None:
            progress.say(QCoreApplication.translate(
                "Printing", "Sending the badge to {printer}…").format(printer=printer))
            submit(name, copies, pdf_path)

        # Once handed to the queue a badge cannot be called back: no Cancel.
        jobs.run(title, queue, done=printed,
                 refused=lambda exc: messages.warn(parent, title, str(exc)), cancellable=False)

    dialog.accepted.connect(chosen)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
