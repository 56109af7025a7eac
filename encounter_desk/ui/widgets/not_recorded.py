"""The desk's "NOT RECORDED" panel: shown instead of a verdict when a scan could not be saved.

A desk must never show a verdict it did not record. When :func:`encounter_desk.desk.checkin`
raises a :class:`~encounter_desk.storage.database.DatabaseError` (the server cannot be reached, the disk
is full, the file is locked…) the desk hides its verdict panel and shows this red panel
with the reason; the scan field keeps listening, and search keeps working from the names
already loaded. The next verdict that *was* recorded hides the panel again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from encounter_desk.storage.database import DatabaseError, DatabaseUnavailableError
from encounter_desk.ui.widgets.layout import PROBLEM_COLOUR, named, wrapped

RED = PROBLEM_COLOUR


class NotRecordedPanel(QFrame):
    """Red, large, impossible to mistake for a verdict; replaces ``covers`` while shown."""

    def __init__(self, covers: QWidget | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notRecorded")
        self.covers = covers
        self.setStyleSheet(
            f"QFrame#notRecorded {{ background: {RED}; border-radius: 8px; }}"
            " QLabel { color: white; }"
        )
        self.headline = named(QLabel(), "notRecordedHeadline")
        font = self.headline.font()
        font.setPointSize(28)
        font.setBold(True)
        self.headline.setFont(font)
        self.headline.setWordWrap(True)
        self.reason = wrapped("notRecordedReason")
        self.reason.setTextFormat(Qt.TextFormat.PlainText)
        font = self.reason.font()
        font.setPointSize(14)
        self.reason.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.reason, 1)
        self.failure: DatabaseError | None = None
        self.hide()

    def headline_text(self, failure: DatabaseError) -> str:
        if isinstance(failure, DatabaseUnavailableError):
            return self.tr("NOT RECORDED — the server cannot be reached")
        return self.tr("NOT RECORDED — the scan could not be saved")

    def show_failure(self, failure: DatabaseError) -> None:
        self.failure = failure
        self.headline.setText(self.headline_text(failure))
        self.reason.setText(
            str(failure) + "\n\n"
            + self.tr("Scan the badge again when the connection is back. You can still "
                      "search for names.")
        )
        if self.covers is not None:
            self.covers.hide()
        self.show()

    def clear(self) -> None:
        """A recorded verdict (or the connection back): the verdict panel returns."""
        self.failure = None
        self.hide()
        if self.covers is not None:
            self.covers.show()

    @property
    def showing(self) -> bool:
        return self.failure is not None
