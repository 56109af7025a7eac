"""Starting the desktop app: QApplication, translations, logging, the main window."""

from __future__ import annotations

import logging
import signal
import sys

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from encounter_desk import APP_ID, APP_NAME, __version__
from encounter_desk.core import config
from encounter_desk.storage.database import sqlite_url
from encounter_desk.ui.shell import settings
from encounter_desk.ui.shell.first_run import default_file_is_empty
from encounter_desk.ui.shell.logs import install_excepthook, setup_logging
from encounter_desk.ui.shell.main_window import MainWindow
from encounter_desk.ui.shell.translations import Translators
from encounter_desk.ui.widgets.long_job import settle_heap
from encounter_desk.ui.widgets.messages import MessageBridge

log = logging.getLogger(__name__)


def application() -> QApplication:
    """The QApplication, created once with the app's names."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app  # type: ignore[return-value]


def choose_language(requested: str | None) -> str:
    """--lang wins; else the language chosen last time; else the system's."""
    if requested in config.LANGUAGES:
        return requested  # type: ignore[return-value]
    return settings.saved_language() or config.default_language()


def create_main_window(
    db_url: str | None = None,
    *,
    language: str | None = None,
    messages: MessageBridge | None = None,
    actor: str | None = None,
    show_howto: bool = False,
) -> MainWindow:
    """Build the main window (and open ``db_url``) without running the event loop.

    ``show_howto``: show each workspace's "how this works" page the first time it is
    opened on this laptop. Needs a QApplication (tests get one from pytest-qt).
    """
    translators = Translators()
    translators.install(choose_language(language) if language is None else language)
    window = MainWindow(messages=messages, translators=translators, actor=actor)
    window.howto.automatic = show_howto
    if db_url is not None:
        window.open_url(db_url)
    return window


def first_run(database_url: str) -> bool:
    """The app opens its default event file and there is no event in it (yet)."""
    return database_url == sqlite_url(config.default_event_path()) and default_file_is_empty()


def close_on_interrupt(window: MainWindow) -> QTimer:
    """Ctrl-C in the terminal closes the window as File → Quit does (the event closed, its
    last backup taken), instead of a traceback and an app that keeps running.

    Qt's event loop runs in C++, where Python's signal handler cannot run; a timer wakes
    the interpreter four times a second so that it can. Returns that timer."""

    def interrupted(_signum, _frame) -> None:  # noqa: ANN001
        log.info("interrupted (Ctrl-C): closing")
        window.close_without_asking()  # the person at the terminal has decided

    signal.signal(signal.SIGINT, interrupted)
    timer = QTimer(window)
    timer.timeout.connect(lambda: None)
    timer.start(250)
    return timer


def run_app(database_url: str, language: str | None) -> int:
    """Open the desktop app on the event at ``database_url``; returns the exit code."""
    app = application()
    log_path = setup_logging()
    log.info("Encounter Desk %s starting; log in %s", __version__, log_path)
    lang = choose_language(language)
    window = create_main_window(language=lang, show_howto=True)
    install_excepthook(
        lambda summary, details: window.messages.warn(
            window,
            QCoreApplication.translate("MainWindow", "Something went wrong"),
            QCoreApplication.translate(
                "MainWindow",
                "The app met an unexpected error and carried on. The details are in "
                "the log file {path}.\n\n{summary}",
            ).format(path=log_path, summary=summary),
            details,
        )
    )
    close_on_interrupt(window)
    window.show()
    if first_run(database_url):
        window.show_welcome()
    else:
        window.open_url(database_url)
    settle_heap()  # long jobs' garbage collections stay short (see long_job)
    code = app.exec()
    log.info("Encounter Desk closed (%s)", code)
    return code
