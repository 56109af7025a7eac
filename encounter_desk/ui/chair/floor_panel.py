"""The Chair's floor: the clock and the buttons the chair presses during a speech, who
speaks, a live preview of the room's screen, today's speaking totals and the attendance."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QPushButton, QSizePolicy, QWidget

from encounter_desk.chair.queries import ListSnapshot
from encounter_desk.storage.database import Database
from encounter_desk.ui.chair.clock_widget import ClockWidget
from encounter_desk.ui.chair.current_speech_panel import CurrentSpeechPanel
from encounter_desk.ui.chair.floor_state import FloorState
from encounter_desk.ui.chair.projector import ProjectorView
from encounter_desk.ui.chair.stats_panel import StatsPanel
from encounter_desk.ui.records.counts_widget import AttendanceCountsWidget
from encounter_desk.ui.widgets.layout import enlarge, hbox, named, scrolling, vbox
from encounter_desk.ui.widgets.texts import Texts


class FloorPanel(QWidget):
    """The widgets only; the Chair workspace says what they do."""

    def __init__(self, floor: FloorState, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clock_widget = ClockWidget(floor)
        self.clock_widget.setMinimumHeight(110)
        self.texts = texts = Texts()
        self.next_button = texts.button("nextSpeakerButton", lambda: self.tr("Next speaker  (F5)"))
        self.next_button.setMinimumHeight(44)
        enlarge(self.next_button, 1.15, bold=True)
        self.pause_button = named(QPushButton(), "pauseButton")
        self.end_button = texts.button("endSpeechButton", lambda: self.tr("End speech  (F8)"))
        self.add_time_button = texts.button("addTimeButton", lambda: self.tr("+30 s  (F7)"))
        self.remove_time_button = texts.button("removeTimeButton",
                                               lambda: self.tr("−30 s  (Shift+F7)"))
        controls = vbox(self.next_button, self.pause_button,
                        hbox(self.remove_time_button, self.add_time_button), self.end_button,
                        None)

        self.current_panel = CurrentSpeechPanel()
        self.preview_box = texts.title(
            QGroupBox(), lambda: self.tr("Room screen (what the projector shows)"))
        self.preview = named(ProjectorView(floor, letterbox=self.palette().window().color().name()),
                             "projectorPreview")
        self.preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        vbox(self.preview, parent=self.preview_box, margins=4)
        self.stats = StatsPanel()
        self.attendance_counts = AttendanceCountsWidget(db)  # live attendance, quorum
        texts.tab(self.stats, self.attendance_counts, lambda: self.tr("Attendance"),
                  tip=lambda: self.tr("Attendance"))
        self.attendance_counts.heading.hide()  # the tab already says what it is
        # The preview and the totals give way first on a small screen (they scroll).
        self.lower = scrolling(hbox((self.preview_box, 3), (self.stats, 2)), "floorLower")
        vbox(hbox((self.clock_widget, 3), (controls, 2)), self.current_panel,
             (self.lower, 1), parent=self, margins=0)

    def retranslate(self) -> None:
        self.current_panel.retranslate()
        self.stats.retranslate()
        self.texts.retranslate()

    def show_floor(self, snapshot: ListSnapshot | None) -> None:
        """The buttons for what can happen now: the next speaker when someone waits (or a
        speaker gets the floor back), the rest while someone speaks."""
        current = snapshot.current if snapshot is not None else None
        waiting = bool(snapshot and snapshot.waiting)
        hands_back = current is not None and current.interrupted is not None
        self.next_button.setEnabled(waiting or hands_back)
        for button in (self.pause_button, self.end_button, self.add_time_button,
                       self.remove_time_button):
            button.setEnabled(current is not None)
        paused = current is not None and current.paused
        self.pause_button.setText(self.tr("Resume  (F6)") if paused else self.tr("Pause  (F6)"))
