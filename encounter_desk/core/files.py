"""Writing a file so that nothing already saved is lost, and the OS's refusals in words.

:func:`atomic_output` is the one way the app writes a file (exports, minutes, reports,
Akoma Ntoso, badges, templates, backups): the content goes to a temporary file in the
target's own folder, is flushed and ``fsync``-ed, and only then renamed over the target.
A full disk, a size limit or a kill part-way leaves the earlier file at the target whole
(and no temporary file behind, except after a kill: ``.NAME.*.tmp`` in the same folder).

:func:`file_fault` turns an ``OSError`` into a :class:`FileFault` with a sentence that says
which fault it is (disk full, read-only file, read-only folder, file-size limit, locked,
drive gone) and what to do. No traceback, no ``[Errno 28]``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

from encounter_desk.core.errors import Refusal
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, translate


class FileFault(Refusal):
    """A file could not be read or written; ``str(error)`` says why and what to do."""

    default_code = "file.error"


_DISK_FULL = QT_TRANSLATE_NOOP(
    "Files",
    "The disk holding {path} is full, so it could not be written. What was saved before "
    "is intact. Free some space (or choose another drive) and try again.",
)
_READ_ONLY_FILE = QT_TRANSLATE_NOOP(
    "Files",
    "{path} is read-only, so it could not be written. What was saved before is intact. "
    "Choose another name, or make the file writable and try again.",
)
_READ_ONLY_FOLDER = QT_TRANSLATE_NOOP(
    "Files",
    "The folder of {path} cannot be written to (it or its drive is read-only), so nothing "
    "was saved there. Choose a folder you can write to and try again.",
)
_TOO_BIG = QT_TRANSLATE_NOOP(
    "Files",
    "{path} would be larger than this system allows for one file, so it could not be "
    "written. What was saved before is intact. Save it on another drive, or ask whoever "
    "set the limit to raise it.",
)
_LOCKED = QT_TRANSLATE_NOOP(
    "Files",
    "{path} is locked by another program, so it could not be written. Close the other "
    "program (a spreadsheet or PDF viewer that has it open) and try again.",
)
_GONE = QT_TRANSLATE_NOOP(
    "Files",
    "{path} cannot be reached (its folder or drive is missing or was removed). Reconnect "
    "the drive or choose another folder and try again.",
)
_OTHER = QT_TRANSLATE_NOOP(
    "Files", "{path} could not be written ({reason}). What was saved before is intact.",
)


def file_fault(exc: OSError, path: Path | str) -> FileFault:
    """The :class:`FileFault` for an ``OSError`` met while writing ``path``."""
    path = Path(path)
    number = exc.errno
    if number in (errno.ENOSPC, errno.EDQUOT):
        return FileFault(translate("Files", _DISK_FULL).format(path=path), "file.disk_full")
    if number == errno.EFBIG:
        return FileFault(translate("Files", _TOO_BIG).format(path=path), "file.too_big")
    if number in (errno.EACCES, errno.EPERM, errno.EROFS):
        return read_only(path)
    if number in (errno.EBUSY, errno.ETXTBSY, errno.EAGAIN):
        return FileFault(translate("Files", _LOCKED).format(path=path), "file.locked")
    if number in (errno.ENOENT, errno.ENODEV, errno.ENXIO, errno.EIO, errno.ENOTDIR):
        return FileFault(translate("Files", _GONE).format(path=path), "file.unavailable")
    reason = exc.strerror or type(exc).__name__
    return FileFault(translate("Files", _OTHER).format(path=path, reason=reason), "file.error")


def read_only(path: Path) -> FileFault:
    """The fault for ``path`` that cannot be written: its folder's, else the file's own."""
    if path.parent.exists() and not os.access(path.parent, os.W_OK):
        return FileFault(translate("Files", _READ_ONLY_FOLDER).format(path=path),
                         "file.read_only_folder")
    return FileFault(translate("Files", _READ_ONLY_FILE).format(path=path), "file.read_only")


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # some filesystems (and Windows) cannot open a folder
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def atomic_output(target: Path | str) -> Iterator[Path]:
    """A temporary path beside ``target``; when the block ends well, it becomes ``target``.

    Write the whole content to the yielded path (by any library: csv, openpyxl, reportlab,
    lxml, SQLite). On leaving the block the file is ``fsync``-ed and renamed over
    ``target`` in one step. On any error the temporary file is removed and ``target`` is
    left as it was; an ``OSError`` comes out as a :class:`FileFault`.
    """
    target = Path(target)
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.tmp")
    if target.exists() and not os.access(target, os.W_OK):  # the user protected it
        raise read_only(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        yield tmp
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
        _fsync_folder(target.parent)
    except OSError as exc:
        raise file_fault(exc, target) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def write_bytes(target: Path | str, data: bytes) -> None:
    """``data`` into ``target``, atomically (see :func:`atomic_output`)."""
    with atomic_output(target) as tmp:
        tmp.write_bytes(data)

