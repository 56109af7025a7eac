"""Who has the floor: the kind (a coloured tag), a point of order's reason beside it, the
speaker, the delegation, first speech, the delegation's time left, the language spoken and
the secretary's summary line.

With nobody on the floor it shows the last speech given, so the secretary can finish its
summary after the speaker has sat down. The panel only asks; the workspace saves through
:func:`encounter_desk.chair.commands.set_language` and :func:`~encounter_desk.chair.commands.set_summary`.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from encounter_desk.chair.clock import format_seconds
from encounter_desk.chair.point_reasons import reason_note
from encounter_desk.chair.queries import CurrentSpeech, QueueEntry
from encounter_desk.storage.models import SpeechKind
from encounter_desk.ui.chair.looks import kind_look
from encounter_desk.ui.chair.shortcuts import with_key
from encounter_desk.ui.desk.verdict_panel import flag_pixmap
from encounter_desk.ui.widgets.elided_label import ElidedLabel
from encounter_desk.ui.widgets.layout import heading, named, wrapped

LANGUAGES = ("es", "en", "fr", "pt")
FLAG_HEIGHT = 28


class CurrentSpeechPanel(QGroupBox):
    language_chosen = Signal(int, str)  # speech id, language code
    summary_saved = Signal(int, str)  # speech id, summary
    reason_requested = Signal(object)  # the point of order (QueueEntry) whose reason to give

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("currentSpeech")
        self.entry: QueueEntry | None = None
        self.current: CurrentSpeech | None = None

        self.kind_tag = named(QLabel(), "currentKind")
        self.kind_tag.setMargin(4)
        self.first_marker = named(QLabel(), "firstSpeechMarker")
        self.first_marker.setStyleSheet("color: #8d6e00; font-weight: bold;")
        self.reason = named(ElidedLabel(), "currentReason")  # a point of order's reason
        self.reason_button = named(QPushButton(), "pointReasonButton")
        self.speaker = heading(1.5, "currentSpeaker")
        self.speaker.setWordWrap(True)
        self.flag = QLabel()
        self.delegation = QLabel()
        self.note = wrapped("currentNote")
        self.budget = named(QLabel(), "budgetRemaining")
        self.language_label = QLabel()
        self.language = named(QComboBox(), "speechLanguage")
        self.language.setEditable(True)
        self.language.setMaximumWidth(90)
        for code in LANGUAGES:
            self.language.addItem(code, code)
        self.summary_label = QLabel()
        self.summary = named(QLineEdit(), "speechSummary")
        self.save_summary = named(QPushButton(), "saveSummaryButton")

        tags = QHBoxLayout()
        tags.addWidget(self.kind_tag)
        tags.addWidget(self.first_marker)
        tags.addWidget(self.reason, 1)
        tags.addWidget(self.reason_button)
        tags.addWidget(self.budget)
        where = QHBoxLayout()
        where.addWidget(self.flag)
        where.addWidget(self.delegation, 1)
        where.addWidget(self.language_label)
        where.addWidget(self.language)
        summary = QHBoxLayout()
        summary.addWidget(self.summary_label)
        summary.addWidget(self.summary, 1)
        summary.addWidget(self.save_summary)
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 6, 6, 6)
        grid.addLayout(tags, 0, 0)
        grid.addWidget(self.speaker, 1, 0)
        grid.addLayout(where, 2, 0)
        grid.addWidget(self.note, 3, 0)
        grid.addLayout(summary, 4, 0)

        self.language.activated.connect(lambda _n: self._language_chosen())
        self.language.lineEdit().editingFinished.connect(self._language_chosen)
        self.save_summary.clicked.connect(self._save_summary)
        self.summary.returnPressed.connect(self._save_summary)
        self.reason_button.clicked.connect(lambda: self.reason_requested.emit(self.entry))
        self.retranslate()
        self.show_speech(None, None)

    def retranslate(self) -> None:
        self.language_label.setText(self.tr("Language"))
        self.summary_label.setText(self.tr("Summary"))
        self.summary.setPlaceholderText(self.tr("The secretary's summary line for the minutes"))
        self.save_summary.setText(self.tr("Save"))
        self.reason_button.setText(with_key(self.tr("Reason…"), "point_reason"))
        self.reason_button.setToolTip(self.tr("Why the point of order was raised (the minutes print it)"))
        self.show_speech(self.current, self.entry)

    def show_speech(self, current: CurrentSpeech | None, last: QueueEntry | None) -> None:
        """The speech on the floor, or (``current`` None) the last one given, or nothing."""
        entry = current.entry if current is not None else last
        previous = self.entry.id if self.entry is not None else None
        self.current = current
        self.entry = entry
        self.setTitle(self.tr("On the floor") if current is not None else self.tr("Last speech"))
        enabled = entry is not None
        for widget in (self.language, self.summary, self.save_summary):
            widget.setEnabled(enabled)
        if entry is None:
            self.setTitle(self.tr("On the floor"))
            self.kind_tag.hide()
            self.first_marker.clear()
            self.speaker.setText(self.tr("Nobody has the floor"))
            self.delegation.clear()
            self.flag.clear()
            self.note.clear()
            self.budget.clear()
            self.summary.clear()
            self._show_reason(None)
            return
        self._show_reason(entry)
        look = kind_look(entry.kind)
        self.kind_tag.setText(f"{look.symbol}  {entry.kind_label}")
        self.kind_tag.setStyleSheet(
            f"background: {look.background}; color: {look.foreground}; font-weight: bold;"
            " border-radius: 4px;")
        self.kind_tag.show()
        self.first_marker.setText(self.tr("★ First speech") if entry.first_of_sitting else "")
        self.speaker.setText(entry.speaker)
        self.delegation.setText(entry.delegation_name())
        pixmap = flag_pixmap(entry.flag, FLAG_HEIGHT) if entry.flag else None
        if pixmap is not None:
            self.flag.setPixmap(pixmap)
        else:
            self.flag.clear()
        notes = []
        if entry.replies_to_name:
            notes.append(self.tr("Answers {name}").format(name=entry.replies_to_name))
        if current is not None and current.interrupted is not None:
            notes.append(self.tr("Interrupts {name}, whose clock is paused").format(
                name=current.interrupted.speaker))
        self.note.setText("  ·  ".join(notes))
        if entry.id != previous:
            self.summary.setText(entry.summary)
            found = self.language.findData(entry.language)
            if found < 0 and entry.language:
                self.language.addItem(entry.language, entry.language)
                found = self.language.findData(entry.language)
            self.language.setCurrentIndex(found)
        self.show_budget(current.elapsed if current is not None else None)

    def _show_reason(self, entry: QueueEntry | None) -> None:
        """Beside a point of order: its reason, or that it is still to be given."""
        point = entry is not None and entry.kind == SpeechKind.POINT_OF_ORDER
        self.reason_button.setVisible(point)
        self.reason_button.setEnabled(point)
        note = reason_note(entry.reason, entry.reason_text) if point and entry else ""
        self.reason.set_full_text(
            note or (self.tr("Reason not stated yet") if point else ""))
        self.reason.setStyleSheet("" if note else "color: #6d6d6d; font-style: italic;")

    def show_budget(self, elapsed: float | None) -> None:
        """The delegation's time left on this item, as of ``elapsed`` seconds of the speech."""
        left = self.current.budget_remaining(elapsed) if self.current is not None else None
        if left is None:
            self.budget.clear()
            return
        if left >= 0:
            self.budget.setText(self.tr("Delegation time left: {time}").format(
                time=format_seconds(int(left + 0.999))))
            self.budget.setStyleSheet("")
        else:
            self.budget.setText(self.tr("Delegation over its time by {time}").format(
                time=format_seconds(int(-left))))
            self.budget.setStyleSheet("color: #c62828; font-weight: bold;")

    def _language_chosen(self) -> None:
        if self.entry is None:
            return
        code = self.language.currentText().strip().lower()
        if code and code != self.entry.language:
            self.language_chosen.emit(self.entry.id, code)

    def _save_summary(self) -> None:
        if self.entry is not None:
            self.summary_saved.emit(self.entry.id, self.summary.text())

    def summary_is_dirty(self) -> bool:
        return self.entry is not None and self.summary.text().strip() != self.entry.summary
