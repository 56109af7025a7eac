"""The room's screen during the negotiation: the paragraph under discussion and the amendment
being decided, large, in the room's language.

:func:`room_content` says what the room sees of the declaration's state in a language (the
one the chair chose for the projector, which may differ from the app's); its texts go
through ``in_language(lang)``. :class:`RoomView` paints it on the same 1920 × 1080 canvas as
the chair's projector (:mod:`encounter_desk.ui.chair.projector`), in the same colours:
the paragraph as it stands, and below it the amendment with its words struck out and
inserted, and the chair's decision once taken.

:class:`RoomWindow` is the room's window, full screen on the second monitor like the
chair's. A presenter's clicker (Page Down / Page Up) or the arrow keys move the discussion
from it as from the workbench: :attr:`RoomWindow.step_paragraph` and
:attr:`RoomWindow.step_amendment` ask the workbench to move.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QTextDocument
from PySide6.QtWidgets import QVBoxLayout, QWidget

from encounter_desk.core.i18n import in_language
from encounter_desk.declaration.base import (
    kind_label,
    local_time,
    other_language,
    paragraph_name,
    status_label,
)
from encounter_desk.declaration.changes import amendment_changes
from encounter_desk.declaration.consolidate import paragraph_now
from encounter_desk.declaration.document import pending_note
from encounter_desk.declaration.state import DeclarationState
from encounter_desk.storage.models import AmendmentKind, AmendmentStatus
from encounter_desk.ui.chair.projector import (
    ACCENT,
    BACKGROUND,
    BAND,
    CANVAS,
    MUTED,
    TEXT,
    ScreenView,
)
from encounter_desk.ui.chair.room_screen import RoomScreenPlacement
from encounter_desk.ui.chair.text_fit import draw_fitted
from encounter_desk.ui.declaration.marks import segments_html

ROOM_LANGUAGE_KEY = "chair/projector_language"
"""The same setting as the chair's projector: one room, one language on its screen."""

LOOKS = {
    AmendmentStatus.PENDING.value: "#ffd54f",
    AmendmentStatus.ACCEPTED.value: "#9be7a0",
    AmendmentStatus.ACCEPTED_AMENDED.value: "#9be7a0",
    AmendmentStatus.REJECTED.value: "#ff8a80",
    AmendmentStatus.WITHDRAWN.value: "#b0bec5",
}


@dataclass(frozen=True)
class RoomContent:
    language: str
    title: str
    paragraph: str
    """"Operative paragraph 5" — what is under discussion."""
    text_html: str
    text_note: str
    amendment: str
    """"Amendment 5 · Canada · Replace" (empty: the paragraph itself is discussed)."""
    amendment_html: str
    amendment_note: str
    status: str
    status_colour: str
    idle: str
    """What the screen says when nothing is under discussion."""


def _words(lang: str, es: str, en: str) -> tuple[str, str]:
    """The words in ``lang``, or in the other language with a note when not translated."""
    own = es if lang == "es" else en
    if own:
        return own, ""
    other = en if lang == "es" else es
    return other, (pending_note(lang) if other else "")


def room_content(state: DeclarationState | None, lang: str) -> RoomContent:
    t = in_language(lang)
    idle = t.translate("DeclarationRoom", "The declaration is not under discussion.")
    empty = RoomContent(lang, "", "", "", "", "", "", "", "", MUTED, idle)
    if state is None:
        return empty
    title = state.title(lang) or state.title(other_language(lang))
    paragraph = state.paragraph(state.discussion.paragraph_id)
    if paragraph is None:
        if state.adopted:
            idle = t.translate("DeclarationRoom", "The declaration has been adopted.")
        return RoomContent(lang, title, "", "", "", "", "", "", "", MUTED, idle)
    amendment = state.amendment(state.discussion.amendment_id)
    alive, es, en = paragraph_now(state, paragraph.id, before=amendment)
    words, note = _words(lang, es, en)
    text_html = html.escape(words).replace("\n", "<br/>")
    if not alive:
        text_html = f'<span style="text-decoration:line-through;">' \
                    f"{html.escape(paragraph.text(lang) or paragraph.text(other_language(lang)))}" \
                    "</span>"
        note = t.translate("DeclarationRoom", "Deleted by an accepted amendment.")
    content = RoomContent(
        lang, title, paragraph_name(paragraph.part, paragraph.position, lang).capitalize(),
        text_html, note, "", "", "", "", MUTED, "")
    if amendment is None:
        return content
    label = t.translate("DeclarationRoom", "Amendment {number} · {sponsors} · {kind}").format(
        number=amendment.number, sponsors=amendment.sponsors_text(lang),
        kind=kind_label(amendment.kind, lang))
    shown_lang = lang
    if not amendment.wording(lang) and amendment.wording(other_language(lang)):
        shown_lang = other_language(lang)
    segments = amendment_changes(state, amendment, shown_lang)
    amendment_note = pending_note(lang) if shown_lang != lang else ""
    if amendment.kind == AmendmentKind.INSERT_AFTER:
        amendment_note = " · ".join(x for x in (
            t.translate("DeclarationRoom", "New paragraph after this one"), amendment_note) if x)
    status = status_label(amendment.status, lang)
    if amendment.decided_at is not None:
        status = t.translate("DeclarationRoom", "{status} at {time}").format(
            status=status, time=local_time(amendment.decided_at, state.timezone))
    elif amendment.pending:
        status = t.translate("DeclarationRoom", "Being decided")
    return RoomContent(
        lang, title, content.paragraph, text_html, content.text_note, label,
        segments_html(segments, dark=True), amendment_note, status,
        LOOKS[amendment.status], "")


# --- painting ----------------------------------------------------------------------------

def _font(bold: bool = False) -> QFont:
    font = QFont()
    font.setBold(bold)
    return font


def draw_rich(painter: QPainter, rect: QRectF, markup: str, colour: str, *, max_px: int,
              min_px: int) -> None:
    """HTML in ``rect`` at the largest pixel size (``max_px`` down to ``min_px``) that fits."""
    if not markup:
        return
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setDefaultStyleSheet(f"body {{ color: {colour}; }}")
    doc.setHtml(f"<body>{markup}</body>")
    doc.setTextWidth(rect.width())
    size = max_px
    while True:
        font = _font()
        font.setPixelSize(size)
        doc.setDefaultFont(font)
        if doc.size().height() <= rect.height() or size <= min_px:
            break
        size = max(min_px, int(size * 0.92))
    painter.save()
    painter.translate(rect.topLeft())
    doc.drawContents(painter, QRectF(0, 0, rect.width(), rect.height()))
    painter.restore()


def paint_room(painter: QPainter, content: RoomContent) -> None:
    """Paint ``content`` on the 1920 × 1080 canvas (the painter is already scaled)."""
    W, H = CANVAS.width(), CANVAS.height()  # noqa: N806
    painter.fillRect(QRectF(0, 0, W, H), QColor(BACKGROUND))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(QRectF(0, 0, W, 150), QColor(BAND))
    painter.setPen(QColor(MUTED))
    draw_fitted(painter, QRectF(50, 14, W - 100, 44), content.title, _font(), max_px=34,
                min_px=20)
    painter.setPen(QColor(ACCENT))
    draw_fitted(painter, QRectF(50, 62, W - 100, 76), content.paragraph or content.idle,
                _font(True), max_px=64, min_px=30)
    if not content.paragraph:
        return
    text_box = QRectF(60, 180, W - 120, 820 if not content.amendment else 320)
    draw_rich(painter, text_box, content.text_html, TEXT if not content.amendment else MUTED,
              max_px=64 if not content.amendment else 48, min_px=22)
    if content.text_note:
        painter.setPen(QColor(MUTED))
        draw_fitted(painter, QRectF(60, text_box.bottom() + 6, W - 120, 40),
                    f"[{content.text_note}]", _font(), max_px=30, min_px=18)
    if not content.amendment:
        return
    painter.fillRect(QRectF(0, 556, W, 380), QColor(BAND))
    painter.setPen(QColor(ACCENT))
    draw_fitted(painter, QRectF(60, 570, W - 120, 56), content.amendment, _font(True),
                max_px=46, min_px=24)
    draw_rich(painter, QRectF(60, 636, W - 120, 286), content.amendment_html, TEXT,
              max_px=60, min_px=22)
    painter.setPen(QColor(MUTED))
    draw_fitted(painter, QRectF(60, 940, W - 640, 50), content.amendment_note, _font(),
                max_px=32, min_px=18)
    painter.setPen(QColor(content.status_colour))
    draw_fitted(painter, QRectF(W - 620, 940, 560, 110), content.status, _font(True),
                max_px=64, min_px=28, align=Qt.AlignmentFlag.AlignRight)


class RoomView(ScreenView):
    """The room's picture at any size (letterboxed 16:9), as the chair's projector view."""

    def __init__(self, parent: QWidget | None = None, *, letterbox: str | None = None) -> None:
        super().__init__(parent, letterbox=letterbox)
        self.content = room_content(None, "es")

    def show_content(self, content: RoomContent) -> None:
        self.content = content
        self.update()

    def paint(self, painter: QPainter) -> None:
        paint_room(painter, self.content)


class RoomWindow(RoomScreenPlacement, QWidget):
    """The room's window (objectName ``declarationRoomWindow``), a top-level window."""

    step_paragraph = Signal(int)
    step_amendment = Signal(int)

    # Placed as the chair's projector is (ui/chair/room_screen.py): the second screen,
    # chosen in Setup, without taking the keyboard; a window when it is unplugged.

    KEYS = {
        Qt.Key.Key_PageDown: ("paragraph", 1), Qt.Key.Key_Down: ("paragraph", 1),
        Qt.Key.Key_PageUp: ("paragraph", -1), Qt.Key.Key_Up: ("paragraph", -1),
        Qt.Key.Key_Right: ("amendment", 1), Qt.Key.Key_Left: ("amendment", -1),
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("declarationRoomWindow")
        self.view = RoomView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.resize(1280, 720)
        self.follow_screens()

    @property
    def content(self) -> RoomContent:
        return self.view.content

    def show_content(self, content: RoomContent) -> None:
        self.setWindowTitle(in_language(content.language).translate(
            "DeclarationRoom", "Encounter Desk — the declaration on the room screen"))
        self.view.show_content(content)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
            return
        move = self.KEYS.get(Qt.Key(event.key()))
        if move is not None:
            (self.step_paragraph if move[0] == "paragraph" else self.step_amendment).emit(move[1])
            return
        super().keyPressEvent(event)
