"""The first screen on a laptop with no event yet: open the demo, create an event, open a file.

Shown when the app starts on its default event file (no ``--db``, no
``ENCOUNTER_DESK_DATABASE``) and that file does not exist or holds no event. Nothing is
written until the user picks one of the three ways in: the demo is built in its own file
in the user data folder, a new event goes into the default file, and a chosen file opens
as it is.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from encounter_desk.core import config
from encounter_desk.core.errors import Refusal
from encounter_desk.event import event as events
from encounter_desk.storage.database import Database, open_database, sqlite_url
from encounter_desk.ui.widgets.layout import enlarge, heading, named, problem_label, wrapped
from encounter_desk.ui.widgets.retranslating import Retranslating

DEMO_FILE = "demo.sqlite"


def demo_path() -> Path:
    """Where the demo event lives: its own file beside the user's events."""
    return config.data_dir() / "events" / DEMO_FILE


def default_file_is_empty(path: Path | None = None) -> bool:
    """True when the default event file does not exist yet or holds no event."""
    path = path or config.default_event_path()
    if not path.exists():
        return True
    db: Database | None = None
    try:
        db = open_database(sqlite_url(path))
        return events.load_event(db) is None
    except Refusal:  # a damaged file is not "empty": let the window say why
        return False
    finally:
        if db is not None:
            db.close()


def ensure_demo(path: Path | None = None) -> Path:
    """Build the demo event at ``path`` (default: :func:`demo_path`) unless it is there."""
    path = path or demo_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    db = open_database(sqlite_url(path))
    try:
        if events.load_event(db) is None:
            from encounter_desk.demo import (
                build as demo,  # the demo's data loads only when asked for
            )

            demo.build_demo(db)
    finally:
        db.close()
    return path


def _big_button(button: QPushButton) -> None:
    enlarge(button, 1.2)
    button.setMinimumHeight(56)
    button.setMinimumWidth(420)


class WelcomePage(Retranslating, QWidget):
    """Three ways in, each with one sentence saying what it does."""

    demo_requested = Signal()
    create_requested = Signal()
    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        self.heading = heading(1.6)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.intro = wrapped()
        self.intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.demo_button = named(QPushButton(), "welcomeDemo")
        self.demo_button.clicked.connect(self.demo_requested)
        self.demo_hint = QLabel()
        self.create_button = named(QPushButton(), "welcomeCreate")
        self.create_button.clicked.connect(self.create_requested)
        self.create_hint = QLabel()
        self.open_button = named(QPushButton(), "welcomeOpen")
        self.open_button.clicked.connect(self.open_requested)
        self.open_hint = QLabel()
        self.error = problem_label()

        # One centred column of fixed width: word-wrapped labels placed with an alignment
        # in a box layout get no height for their width, and overlap their neighbours.
        column = QWidget()
        column.setFixedWidth(640)
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.heading)
        inner.addWidget(self.intro)
        inner.addSpacing(16)
        for button, hint in ((self.demo_button, self.demo_hint),
                             (self.create_button, self.create_hint),
                             (self.open_button, self.open_hint)):
            _big_button(button)
            hint.setWordWrap(True)
            hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
            hint.setStyleSheet("color: #4a4a4a;")
            inner.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
            inner.addWidget(hint)
            inner.addSpacing(12)
        inner.addWidget(self.error)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        self.demo_button.setDefault(True)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Welcome to Encounter Desk"))
        self.intro.setText(self.tr(
            "There is no event on this laptop yet. Try the app on the demo encounter, "
            "create your event, or open an event file you were given."))
        self.demo_button.setText(self.tr("Open the demo"))
        self.demo_hint.setText(self.tr(
            "A complete encounter to practise on: 11 delegations, about 120 participants, "
            "five sessions. It lives in its own file; your events are not touched."))
        self.create_button.setText(self.tr("Create an event…"))
        self.create_hint.setText(self.tr(
            "Names, dates and venue; the 11 member delegations of the RCM are added for you."))
        self.open_button.setText(self.tr("Open an event file…"))
        self.open_hint.setText(self.tr(
            "An event file (.sqlite) made on another laptop or restored from a backup."))

    def show_error(self, message: str) -> None:
        self.error.setText(message)
