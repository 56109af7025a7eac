"""Nothing on the room screen is cut: the longest speaker with every line under the name
still ends above the next speakers' band (the canvas is 1920 × 1080 at any screen size,
so 1280 × 720 and 1920 × 1080 draw the same boxes)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter

from encounter_desk.chair.clock import SpeechClock
from encounter_desk.storage.models import SpeechKind
from encounter_desk.ui.chair import projector
from encounter_desk.ui.chair.projector import CANVAS, ProjectorContent
from encounter_desk.ui.chair.text_fit import fitted_font

pytestmark = pytest.mark.gui

BAND_TOP = 830
LONGEST = "María de los Ángeles Guadalupe Fernández de Córdoba y Villaseñor-Echeverría"


def content(note: str, first: str = "Primera intervención en esta sesión") -> ProjectorContent:
    return ProjectorContent(
        language="es", agenda="Punto 1. Mujeres migrantes", sitting="Sesión 2",
        speaker_title="Senadora", speaker_name=LONGEST, delegation="México", flag="",
        kind="Moción de orden", kind_value=SpeechKind.POINT_OF_ORDER, first_speech=first,
        floor_note=note, clock_text="1:00", clock_look="normal", clock_caption="Tiempo",
        next_heading="Próximos oradores")


def painted_boxes(monkeypatch, shown: ProjectorContent) -> dict[str, QRectF]:
    boxes: dict[str, QRectF] = {}
    real = projector.draw_fitted

    def recording(painter, rect, text, base, **kw):  # noqa: ANN001, ANN003
        boxes[text] = (QRectF(rect), base, kw)
        real(painter, rect, text, base, **kw)

    monkeypatch.setattr(projector, "draw_fitted", recording)
    image = QImage(CANVAS, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    projector.paint_projector(painter, shown, SpeechClock().state())
    painter.end()
    assert image.pixelColor(10, 1000) == QColor(projector.BAND)
    return boxes


def whole(text: str, box) -> bool:  # noqa: ANN001
    """Whether ``text`` fits its box on one line at the size it is drawn (not elided)."""
    rect, base, kw = box
    font = fitted_font(base, text, rect.width(), rect.height(), max_px=kw["max_px"],
                       min_px=kw["min_px"], lines=kw.get("lines", 1))
    return QFontMetricsF(font).horizontalAdvance(text) <= rect.width() * kw.get("lines", 1)


@pytest.mark.parametrize("first", ["Primera intervención en esta sesión", ""])
def test_the_interruption_line_ends_above_the_next_speakers(qapp, monkeypatch, first):
    note = "Interrumpe a Senator Margaret Ellen Whitfield"
    boxes = painted_boxes(monkeypatch, content(note, first))
    rect = boxes[note][0]
    assert rect.bottom() <= BAND_TOP and rect.height() >= 50, rect
    assert whole(note, boxes[note])
    name = boxes[LONGEST][0]
    assert name.bottom() <= rect.top() and name.height() >= 150
    if first:
        star = boxes["\u2605 " + first][0]
        assert name.bottom() <= star.top() and star.bottom() <= rect.top()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_chair_and_the_room_say_overtime_with_one_word(qapp, lang):
    from types import SimpleNamespace

    from encounter_desk.chair.clock import ClockState, Phase
    from encounter_desk.core import i18n
    from encounter_desk.ui.chair import looks
    from encounter_desk.ui.chair.clock_widget import ClockWidget

    over = ClockState(phase=Phase.OVERTIME, elapsed=192, limit_seconds=180, warning_seconds=30)
    assert looks.clock_look_name(over) == looks.OVERTIME
    room = projector.projector_content(None, over, lang).clock_caption
    assert room == {"en": "Time is up", "es": "Tiempo agotado"}[lang]
    before = i18n.language()
    i18n.set_language(lang)
    try:  # the chair's face, in the app's language
        face = SimpleNamespace(look=looks.OVERTIME, tr=lambda text: text)
        assert ClockWidget.caption(face) == room
    finally:
        i18n.set_language(before)
