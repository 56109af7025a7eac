"""The chair's clock: big digits whose colour says where the speaker is.

The face is painted from :meth:`SpeechClock.state` each time it repaints; a repaint is
asked for by the floor's tick (or a change), never counted. Normal time is green, the last
``warning_seconds`` amber, past zero red with the overtime counting up ("+0:12"), a pause
grey with the caption "Paused", a speech without a limit blue with "Stopwatch".
:func:`paint_clock` is shared with the projector, so both faces look alike.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from encounter_desk.chair.clock import ClockState
from encounter_desk.ui.chair import looks
from encounter_desk.ui.chair.floor_state import FloorState
from encounter_desk.ui.chair.text_fit import draw_fitted


def paint_clock(
    painter: QPainter, rect: QRectF, reading: ClockState, caption: str, *, radius: float = 12
) -> None:
    """The face in ``rect``: a coloured box, the digits as large as fit, a caption below."""
    look = looks.clock_look(reading)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(look.background))
    painter.drawRoundedRect(rect, radius, radius)
    painter.setPen(QColor(look.foreground))
    pad = rect.height() * 0.06
    caption_h = rect.height() * 0.2 if caption else 0.0
    digits = QRectF(
        rect.left() + pad, rect.top() + pad,
        rect.width() - 2 * pad, rect.height() - 2 * pad - caption_h,
    )
    font = QFont()
    font.setBold(True)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    draw_fitted(
        painter, digits, reading.text, font, max_px=max(8, int(digits.height() * 0.95)),
        min_px=6, align=Qt.AlignmentFlag.AlignHCenter,
    )
    if caption:
        below = QRectF(digits.left(), digits.bottom(), digits.width(), caption_h)
        small = QFont()
        small.setBold(True)
        draw_fitted(
            painter, below, caption, small, max_px=max(6, int(caption_h * 0.8)), min_px=6,
            align=Qt.AlignmentFlag.AlignHCenter,
        )
    painter.restore()


class ClockWidget(QWidget):
    """The chair's clock face (objectName ``speechClock``)."""

    def __init__(self, floor: FloorState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speechClock")
        self.floor = floor
        self.reading: ClockState = floor.clock.state()
        self.setMinimumSize(220, 110)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        floor.ticked.connect(self.refresh)
        floor.changed.connect(self.refresh)

    # what the face shows now (for the chair's eyes and for tests)
    def refresh(self) -> None:
        self.reading = self.floor.clock.state()
        self.setToolTip(self.caption())
        self.update()

    @property
    def text(self) -> str:
        return self.reading.text

    @property
    def look(self) -> str:
        return looks.clock_look_name(self.reading)

    def caption(self) -> str:
        name = self.look
        if name == looks.PAUSED:
            return self.tr("Paused")
        if name == looks.STOPWATCH:
            return self.tr("Stopwatch")
        if name == looks.OVERTIME:
            return looks.overtime_caption()
        if name == looks.IDLE:
            return self.tr("Next speaker's time")
        if name == looks.STOPPED:
            return self.tr("Speech ended")
        return ""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        paint_clock(painter, QRectF(self.rect()).adjusted(1, 1, -1, -1), self.reading,
                    self.caption())
        painter.end()
