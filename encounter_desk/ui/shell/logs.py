"""Logging for the desktop app: a rotating file, Qt's messages, and uncaught exceptions.

Uncaught exceptions are logged and shown in a non-blocking dialog; the app stays open.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path

from PySide6.QtCore import QtMsgType, qInstallMessageHandler

from encounter_desk.core import config
from encounter_desk.core.redact import MaskingFormatter

log = logging.getLogger(__name__)
qt_log = logging.getLogger("qt")

LOG_NAME = "encounter-desk.log"

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def log_file() -> Path:
    return config.log_dir() / LOG_NAME


def setup_logging(level: int = logging.INFO) -> Path:
    """Send the app's log to a rotating file (1 MB × 5) and route Qt messages into it."""
    path = log_file()
    root = logging.getLogger()
    if not any(getattr(h, "encounter_desk", False) for h in root.handlers):
        handler = PrivateRotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
        handler.encounter_desk = True  # type: ignore[attr-defined]
        handler.setFormatter(MaskingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    root.setLevel(level)
    qInstallMessageHandler(qt_message_handler)
    return path


class PrivateRotatingFileHandler(RotatingFileHandler):
    """The log file (and each rotated one) readable and writable by its owner only: it
    may name participants and the event's server."""

    def _open(self):  # noqa: ANN202
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.chmod(self.baseFilename, 0o600)  # a file made by an older version, too
        return os.fdopen(fd, self.mode.replace("w", "a"), encoding=self.encoding,
                         errors=self.errors)


def qt_message_handler(mode: QtMsgType, context, message: str) -> None:  # noqa: ANN001
    where = ""
    if context is not None and getattr(context, "file", None):
        where = f" ({context.file}:{context.line})"
    qt_log.log(_QT_LEVELS.get(mode, logging.WARNING), "%s%s", message, where)


def install_excepthook(show: Callable[[str, str], None]) -> None:
    """Log uncaught exceptions and tell the user through ``show(summary, details)``."""

    def hook(exc_type, exc, tb) -> None:  # noqa: ANN001
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("uncaught exception\n%s", details)
        try:
            show(f"{exc_type.__name__}: {exc}", details)
        except Exception:  # noqa: BLE001 - the hook must never raise
            log.exception("could not show the error dialog")

    sys.excepthook = hook
