"""The room's screen: who speaks, the clock, who is next, the agenda item — in its own language.

What it shows is built by :func:`projector_content` from the chair's
:class:`~encounter_desk.ui.chair.floor_state.FloorState` (the same snapshot and the same
:class:`~encounter_desk.chair.clock.SpeechClock` the chair's clock reads), in the projector's
language, which may differ from the app's: its texts go through
``in_language(lang).translate("Projector", ...)``, never through the app-wide ``tr()``.

:class:`ProjectorView` paints that content on a fixed 1920 × 1080 canvas, scaled to
whatever size the widget has (letterboxed, never stretched). The room's window
(:class:`ProjectorWindow`, objectName ``projectorWindow``) holds one view; the chair's
window holds another, small one as its preview. Two views of one class over one state
draw the same picture at two scales, so the chair sees exactly what the room sees —
without grabbing the room's window into a pixmap ten times a second, which would cost a
full-resolution render per tick and show nothing while the room's window is hidden.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from encounter_desk.chair.clock import ClockState
from encounter_desk.chair.point_reasons import point_of_order_heading
from encounter_desk.chair.queries import ListSnapshot, QueueEntry
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, in_language
from encounter_desk.storage.models import SpeechKind
from encounter_desk.ui.chair import looks
from encounter_desk.ui.chair.clock_widget import paint_clock
from encounter_desk.ui.chair.floor_state import FloorState
from encounter_desk.ui.chair.room_screen import RoomScreenPlacement
from encounter_desk.ui.chair.text_fit import draw_fitted
from encounter_desk.ui.desk.verdict_panel import flag_pixmap

CANVAS = QSize(1920, 1080)
NEXT_COUNT = 3
BACKGROUND = "#0f1a20"
BAND = "#1c2b33"
TEXT = "#ffffff"
MUTED = "#b0bec5"
ACCENT = "#ffd54f"
SPEAKER_BOTTOM = 816
"""Where the speaker's side ends: the next speakers' band starts at 830."""
FIRST_LINE = 62
NOTE_LINE = 66


@dataclass(frozen=True)
class NextSpeaker:
    name: str
    delegation: str
    kind: str
    """The kind's name when it is not a statement (a statement needs no label)."""
    kind_value: SpeechKind


@dataclass(frozen=True)
class ProjectorContent:
    """Every text the room's screen shows, in the projector's language."""

    language: str
    agenda: str
    sitting: str
    speaker_title: str
    speaker_name: str
    delegation: str
    flag: str
    kind: str
    kind_value: SpeechKind | None
    first_speech: str
    floor_note: str
    """What the screen says when nobody has the floor, or that a point of order interrupts."""
    clock_text: str
    clock_look: str
    clock_caption: str
    next_heading: str
    next_speakers: list[NextSpeaker] = field(default_factory=list)
    list_note: str = ""

    @property
    def speaker(self) -> str:
        return f"{self.speaker_title} {self.speaker_name}".strip()


CAPTIONS = {
    looks.PAUSED: QT_TRANSLATE_NOOP("Projector", "Paused"),
    looks.STOPWATCH: QT_TRANSLATE_NOOP("Projector", "Speaking time"),
    looks.WARNING: QT_TRANSLATE_NOOP("Projector", "Please conclude"),
    looks.IDLE: QT_TRANSLATE_NOOP("Projector", "Speaking time"),
    looks.STOPPED: QT_TRANSLATE_NOOP("Projector", "Speech ended"),
    looks.NORMAL: QT_TRANSLATE_NOOP("Projector", "Time left"),
}
"""What the clock's face says under the time, for each look."""


def _caption(look: str, lang: str) -> str:
    if look == looks.OVERTIME:
        return looks.overtime_caption(lang)
    return in_language(lang).translate("Projector", CAPTIONS[look])


def _next(entry: QueueEntry, lang: str) -> NextSpeaker:
    kind = "" if entry.kind == SpeechKind.STATEMENT else entry.kind_text(lang)
    return NextSpeaker(entry.name, entry.delegation_name(lang), kind, entry.kind)


def _kind(entry: QueueEntry, lang: str) -> str:
    """The kind on the floor; a point of order with its reason's word ("Point of order
    (quorum)") so the room knows why the speaker waits — never the chair's own words."""
    if entry.kind == SpeechKind.POINT_OF_ORDER:
        return point_of_order_heading(entry.reason, lang)
    return entry.kind_text(lang)


def projector_content(
    snapshot: ListSnapshot | None, reading: ClockState, lang: str
) -> ProjectorContent:
    """What the room sees of ``snapshot`` with the clock at ``reading``, in ``lang``."""
    t = in_language(lang)
    look = looks.clock_look_name(reading)
    empty = ProjectorContent(
        language=lang, agenda="", sitting="", speaker_title="", speaker_name="",
        delegation="", flag="", kind="", kind_value=None, first_speech="",
        floor_note=t.translate("Projector", "No session is open."), clock_text=reading.text,
        clock_look=look, clock_caption=_caption(look, lang), next_heading="",
    )
    if snapshot is None:
        return empty
    agenda = snapshot.agenda_title(lang)
    if snapshot.agenda_item_number is not None:
        agenda = t.translate("Projector", "Item {number}. {title}").format(
            number=snapshot.agenda_item_number, title=agenda)
    sitting = t.translate("Projector", "Session {number}: {title}").format(
        number=snapshot.sitting_number, title=snapshot.sitting_title(lang))
    current = snapshot.current
    entry = current.entry if current is not None else None
    note = ""
    if entry is None:
        note = (
            t.translate("Projector", "The floor will be given to the next speaker.")
            if snapshot.waiting
            else t.translate("Projector", "Nobody has the floor.")
        )
    elif current is not None and current.interrupted is not None:
        note = t.translate("Projector", "Interrupts {name}").format(
            name=current.interrupted.speaker)
    first = ""
    if entry is not None and entry.first_of_sitting:
        first = t.translate("Projector", "First speech in this session")
    list_note = t.translate("Projector", "The list of speakers is closed.") if snapshot.closed else ""
    return ProjectorContent(
        language=lang,
        agenda=agenda,
        sitting=sitting,
        speaker_title=entry.title if entry else "",
        speaker_name=entry.name if entry else "",
        delegation=entry.delegation_name(lang) if entry else "",
        flag=entry.flag if entry else "",
        kind=_kind(entry, lang) if entry else "",
        kind_value=entry.kind if entry else None,
        first_speech=first,
        floor_note=note,
        clock_text=reading.text,
        clock_look=look,
        clock_caption=_caption(look, lang),
        next_heading=t.translate("Projector", "Next speakers") if snapshot.waiting else "",
        next_speakers=[_next(e, lang) for e in snapshot.next_speakers(NEXT_COUNT)],
        list_note=list_note,
    )


# --- painting ----------------------------------------------------------------------------


def _font(bold: bool = False) -> QFont:
    font = QFont()
    font.setBold(bold)
    return font


def paint_projector(painter: QPainter, content: ProjectorContent, reading: ClockState) -> None:
    """Paint ``content`` on the 1920 × 1080 canvas (the painter is already scaled)."""
    W, H = CANVAS.width(), CANVAS.height()  # noqa: N806
    painter.fillRect(QRectF(0, 0, W, H), QColor(BACKGROUND))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)

    # top band: the agenda item, the session
    painter.fillRect(QRectF(0, 0, W, 150), QColor(BAND))
    painter.setPen(QColor(TEXT))
    draw_fitted(painter, QRectF(50, 12, W - 100, 84), content.agenda, _font(True),
                max_px=56, min_px=26, lines=2)
    painter.setPen(QColor(MUTED))
    draw_fitted(painter, QRectF(50, 100, W - 100, 42), content.sitting, _font(), max_px=32,
                min_px=20)

    # left: the speaker
    left = QRectF(60, 190, 1100, 600)
    y = left.top()
    if content.kind and content.kind_value is not None:
        look = looks.kind_look(content.kind_value)
        label = f"{look.symbol}  {content.kind}".upper()
        font = _font(True)
        font.setPixelSize(40)
        painter.setFont(font)
        width = min(left.width(), painter.fontMetrics().horizontalAdvance(label) + 60)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(look.background))
        painter.drawRoundedRect(QRectF(left.left(), y, width, 68), 14, 14)
        painter.setPen(QColor(look.foreground))
        painter.drawText(QRectF(left.left(), y, width, 68), int(Qt.AlignmentFlag.AlignCenter),
                         label)
        y += 92
    if content.speaker_name:
        text_left = left.left()
        flag = flag_pixmap(content.flag, 150) if content.flag else None
        if flag is not None:
            painter.drawPixmap(QRectF(left.left(), y, 200, 150), flag, QRectF(flag.rect()))
            painter.setPen(QColor("#607d8b"))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(left.left(), y, 200, 150))
            text_left += 230
        painter.setPen(QColor(MUTED))
        draw_fitted(painter, QRectF(text_left, y, left.right() - text_left, 60),
                    content.speaker_title, _font(), max_px=48, min_px=28)
        painter.setPen(QColor(TEXT))
        draw_fitted(painter, QRectF(text_left, y + 66, left.right() - text_left, 84),
                    content.delegation, _font(True), max_px=60, min_px=30)
        y += 170
        # The name takes what the lines under it (first speech, "Interrupts …") leave
        # above the next speakers' band.
        below = (FIRST_LINE if content.first_speech else 0) + (
            NOTE_LINE if content.floor_note else 0)
        name_height = min(270, SPEAKER_BOTTOM - y - below - 12)
        draw_fitted(painter, QRectF(left.left(), y, left.width(), name_height),
                    content.speaker_name, _font(True), max_px=118, min_px=40, lines=3)
        y += name_height + 12
    painter.setPen(QColor(ACCENT))
    if content.first_speech:
        draw_fitted(painter, QRectF(left.left(), y, left.width(), FIRST_LINE - 6),
                    "\u2605 " + content.first_speech, _font(True), max_px=44, min_px=24)
        y += FIRST_LINE
    if content.floor_note:
        painter.setPen(QColor(MUTED if content.speaker_name else TEXT))
        height = min(120, SPEAKER_BOTTOM - max(y, left.top()))
        draw_fitted(painter, QRectF(left.left(), max(y, left.top()), left.width(), height),
                    content.floor_note, _font(not content.speaker_name), max_px=56, min_px=28,
                    lines=2 if height >= 100 else 1)

    # right: the clock
    paint_clock(painter, QRectF(1200, 190, 660, 600), reading, content.clock_caption,
                radius=28)

    # bottom band: the next speakers
    painter.fillRect(QRectF(0, 830, W, 250), QColor(BAND))
    painter.setPen(QColor(MUTED))
    heading = content.next_heading
    if content.list_note:
        heading = f"{heading} — {content.list_note}" if heading else content.list_note
    draw_fitted(painter, QRectF(60, 842, W - 120, 50), heading, _font(True), max_px=38,
                min_px=22)
    column = (W - 120) / NEXT_COUNT
    for index, person in enumerate(content.next_speakers):
        x = 60 + index * column
        box = QRectF(x, 900, column - 40, 170)
        painter.setPen(QColor(ACCENT))
        draw_fitted(painter, QRectF(box.left(), box.top(), 60, 60), f"{index + 1}.",
                    _font(True), max_px=48, min_px=24)
        painter.setPen(QColor(TEXT))
        draw_fitted(painter, QRectF(box.left() + 64, box.top(), box.width() - 64, 104),
                    person.name, _font(True), max_px=44, min_px=32, lines=2)
        sub = person.delegation
        if person.kind:
            look = looks.kind_look(person.kind_value)
            sub = f"{look.symbol} {person.kind}" + (f" · {sub}" if sub else "")
        painter.setPen(QColor(MUTED))
        draw_fitted(painter, QRectF(box.left() + 64, box.top() + 110, box.width() - 64, 50),
                    sub, _font(), max_px=36, min_px=24)


class ScreenView(QWidget):
    """A picture drawn on the room screen's 16:9 canvas, shown at any size (letterboxed);
    subclasses draw it in :meth:`paint`."""

    def __init__(self, parent: QWidget | None = None, *, letterbox: str | None = None) -> None:
        """``letterbox``: the colour around the 16:9 picture (default black, as in a hall;
        the chair's preview passes its window colour so the bars do not look like screen)."""
        super().__init__(parent)
        self.letterbox = letterbox or "#000000"
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(192, 108)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return width * CANVAS.height() // CANVAS.width()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(480, 270)

    def paint(self, painter: QPainter) -> None:
        """Draw the picture on the canvas (1920 × 1080 units)."""
        raise NotImplementedError

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(self.letterbox))
        scale = min(self.width() / CANVAS.width(), self.height() / CANVAS.height())
        painter.translate((self.width() - CANVAS.width() * scale) / 2,
                          (self.height() - CANVAS.height() * scale) / 2)
        painter.scale(scale, scale)
        self.paint(painter)
        painter.end()


class ProjectorView(ScreenView):
    """One picture of the room's screen: the floor, the clock and who waits."""

    def __init__(
        self, floor: FloorState, parent: QWidget | None = None, *, letterbox: str | None = None
    ) -> None:
        super().__init__(parent, letterbox=letterbox)
        self.floor = floor
        self.reading = floor.clock.state()
        self.content = projector_content(floor.snapshot, self.reading, floor.projector_language)
        floor.ticked.connect(self.refresh)
        floor.changed.connect(self.refresh)

    def refresh(self) -> None:
        self.reading = self.floor.clock.state()
        self.content = projector_content(
            self.floor.snapshot, self.reading, self.floor.projector_language)
        self.update()

    def paint(self, painter: QPainter) -> None:
        paint_projector(painter, self.content, self.reading)


class ProjectorWindow(RoomScreenPlacement, QWidget):
    """The room's window (objectName ``projectorWindow``), a top-level window of its own.

    It never takes the keyboard: the chair keeps typing names and pressing F6 while it is
    up (it is shown without activating and does not accept focus). Full screen on the
    room's screen (:mod:`~encounter_desk.ui.chair.room_screen`); when that screen is
    unplugged it becomes a window on the chair's screen, and goes back full screen when a
    second screen returns."""

    def __init__(self, floor: FloorState, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("projectorWindow")
        self.floor = floor
        self.view = ProjectorView(floor, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.resize(1280, 720)
        self.retitle()
        floor.projector_language_changed.connect(self.retitle)
        self.follow_screens()

    def retitle(self) -> None:
        self.setWindowTitle(in_language(self.floor.projector_language).translate(
            "Projector", "Encounter Desk — room screen"))

    @property
    def content(self) -> ProjectorContent:
        return self.view.content

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.view.update()
