"""The desktop app as the command line sees it: open a window, or check one can be built.

The CLI sits below the UI (it must not import Qt), so the entry point hands it this object;
``encounter-desk`` with no command then opens the app, and ``--self-test`` builds the main
window as its last step.
"""

from __future__ import annotations

import os


class DesktopApp:
    """Opens the Qt app for the command line (see :mod:`encounter_desk.launch`)."""

    def open(self, database_url: str, language: str | None) -> int:
        """Open the app on the event at ``database_url``; returns the exit code."""
        from encounter_desk.ui.shell.app import run_app

        return run_app(database_url=database_url, language=language)

    def check_window(self, database_url: str, language: str) -> str:
        """Build the main window offscreen on an event, show the desk, close; the title."""
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from encounter_desk.ui.shell.app import application, create_main_window

        app = application()
        window = create_main_window(database_url, language=language)
        try:
            window.show()
            app.processEvents()
            desk = window.workspace("desk")
            if window.db is None or not desk.isVisible():
                raise RuntimeError("the desk did not open")
            return window.windowTitle()
        finally:
            # Closed for real, the event with it (a plain close() asks first and, unanswered,
            # left the window alive, its automatic backups ticking on a deleted file).
            window.close_without_asking()
            window.deleteLater()
            app.processEvents()
