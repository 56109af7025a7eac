"""Files the app writes: opening one with the system's viewer, and the one sentence a screen
shows when the disk refuses a file.

The jobs turn what a person must read into a :class:`~encounter_desk.core.errors.Refusal`;
an :class:`OSError` raised while a screen writes a file (a badge, the minutes, a roster) is
the disk speaking, and every screen says it the same way: which file, and the system's
reason ("Permission denied", "No space left on device"), never Python's ``[Errno 13]``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices

from encounter_desk.core.errors import Refusal
from encounter_desk.core.files import file_fault

FileOpener = Callable[[Path], object]
"""How a screen opens a file it wrote (tests pass one that only records the path)."""


def open_with_system(path: Path) -> bool:
    """Open a file the app wrote (a badge, the minutes) with the system's viewer, to print it."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def write_problem(error: OSError | Refusal, path: Path | str | None = None) -> str:
    """The sentence for a file that could not be written: ``path`` (default: the one the
    system names) and the reason (the system's, or the job's refusal)."""
    if isinstance(error, OSError):
        where = path or error.filename
        if where:  # the storage layer's one wording: disk full, read-only, drive gone…
            return str(file_fault(error, where))
        reason = error.strerror or str(error)
    else:
        reason, where = str(error), path
    if where:
        return QCoreApplication.translate("Files", "{path} could not be written: {reason}").format(
            path=where, reason=reason)
    return QCoreApplication.translate("Files", "The file could not be written: {reason}").format(
        reason=reason)
