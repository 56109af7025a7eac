"""The room's screen follows the chair, in a language of its own, and the chair sees it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget

from encounter_desk.core import i18n
from encounter_desk.core.i18n import in_language
from encounter_desk.storage.models import SpeechKind
from encounter_desk.ui.chair import looks
from encounter_desk.ui.chair.projector import CANVAS, ProjectorWindow, projector_content

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints", "raise")]


@pytest.fixture
def chair(room, qtbot):
    for who in ("ana", "jorge", "patricia", "itzel", "rosa"):
        room.add(who)
    ws = room.workspace()
    qtbot.addWidget(ws)
    ws.floor.set_projector_language("es")
    return ws


def shown(window: ProjectorWindow):
    window.floor.tick()
    return window.content


def at_canvas(image, x: float, y: float):  # noqa: ANN001, ANN201
    """The colour painted at canvas point (x, y) of a picture of the room's screen."""
    scale = min(image.width() / CANVAS.width(), image.height() / CANVAS.height())
    x0 = (image.width() - CANVAS.width() * scale) / 2
    y0 = (image.height() - CANVAS.height() * scale) / 2
    return image.pixelColor(int(x0 + x * scale), int(y0 + y * scale))


def clock_pixel(window: ProjectorWindow) -> str:
    """The colour just inside the clock's box, as painted on screen."""
    return at_canvas(window.grab().toImage(), 1240, 230).name()


def test_projector_follows_the_chair(room, chair, qtbot):
    window = chair.show_projector()
    assert window.objectName() == "projectorWindow" and window.isWindow()
    assert window.isVisible() and not window.isFullScreen()  # one screen: a normal window
    content = shown(window)
    assert content.speaker_name == ""
    assert content.floor_note == in_language("es").translate(
        "Projector", "The floor will be given to the next speaker.")
    assert [p.name for p in content.next_speakers] == [
        "Ana Lucía Pérez Núñez", "Jorge Castañeda Ruiz", "Patricia Tremblay"]
    assert content.clock_text == "3:00"

    qtbot.mouseClick(chair.findChild(QWidget, "nextSpeakerButton"), Qt.MouseButton.LeftButton)
    room.time.advance(42)
    content = shown(window)
    assert (content.speaker_title, content.speaker_name) == ("Dip.", "Ana Lucía Pérez Núñez")
    assert content.flag == "sv"
    assert content.clock_text == "2:18" == chair.clock_widget.text
    assert content.clock_look == looks.NORMAL
    assert [p.name for p in content.next_speakers] == [
        "Jorge Castañeda Ruiz", "Patricia Tremblay", "Itzel Ñandú"]
    assert clock_pixel(window) == looks.CLOCK_LOOKS[looks.NORMAL].background

    room.time.advance(150)  # 12 s over
    content = shown(window)
    assert content.clock_text == "+0:12" == chair.clock_widget.text
    assert content.clock_look == looks.OVERTIME
    assert clock_pixel(window) == looks.CLOCK_LOOKS[looks.OVERTIME].background

    chair.toggle_pause()
    assert shown(window).clock_look == looks.PAUSED
    chair.end_speech()
    chair.next_speaker()
    assert shown(window).speaker_name == "Jorge Castañeda Ruiz"


def test_projector_has_its_own_language(room, chair):
    assert i18n.language() == "en"  # the chair works in English
    chair.next_speaker()
    window = chair.show_projector()
    content = shown(window)
    assert content.language == "es"
    assert content.delegation == "El Salvador"
    assert content.kind == "Intervención"  # a statement, in Spanish
    assert content.agenda.endswith("Mujeres migrantes")
    assert chair.current_panel.kind_tag.text().endswith("Statement")  # the chair: English
    box: QComboBox = chair.findChild(QComboBox, "projectorLanguage")
    box.setCurrentIndex(box.findData("en"))
    box.activated.emit(box.currentIndex())
    content = shown(window)
    assert content.language == "en"
    assert content.kind == "Statement"
    assert content.agenda == "Item 1. Migrant women"
    assert content.sitting == "Session 1: Opening session"
    chair.end_speech()
    chair.next_speaker()  # Jorge, Mexico
    assert shown(window).delegation == "Mexico"
    box.setCurrentIndex(box.findData("es"))
    box.activated.emit(box.currentIndex())
    assert shown(window).delegation == "México"


def test_the_chair_sees_exactly_what_the_room_sees(room, chair):
    chair.next_speaker()
    room.time.advance(155)
    window = chair.show_projector()
    window.floor.tick()
    assert chair.preview.content == window.content
    assert chair.preview.content.clock_look == looks.WARNING
    # the same picture at another scale: compare the two paintings point by point
    chair.resize(1280, 800)
    chair.show()
    window.resize(1280, 720)
    big = window.view.grab().toImage()
    small = chair.preview.grab().toImage()
    assert small.width() < big.width() / 2
    points = [(x, y) for x in range(20, 1920, 60) for y in range(20, 1080, 60)]
    differing = [p for p in points if _far(at_canvas(big, *p), at_canvas(small, *p))]
    assert len(differing) < 0.08 * len(points)  # only where text edges fall differently


def _far(a, b) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) > 90


def test_a_point_of_order_and_the_speech_it_interrupts(room, chair):
    chair.next_speaker()
    room.time.advance(30)
    chair.add_panel.focus_for(SpeechKind.POINT_OF_ORDER)
    chair.add_person(room.p["patricia"])
    content = shown(chair.show_projector())
    assert content.speaker_name == "Patricia Tremblay"
    assert content.kind == "Moción de orden"
    assert content.kind_value == SpeechKind.POINT_OF_ORDER
    chair.floor.set_projector_language("en")
    assert shown(chair.projector).floor_note == "Interrupts Dip. Ana Lucía Pérez Núñez"


def test_content_with_nothing_open():
    from encounter_desk.chair.clock import SpeechClock

    content = projector_content(None, SpeechClock().state(), "en")
    assert content.floor_note == "No session is open."
    assert content.next_speakers == []


def test_closed_list_is_said_on_the_screen(room, chair):
    chair.floor.set_projector_language("en")
    window = chair.show_projector()
    assert shown(window).list_note == ""
    chair.toggle_list_closed()
    assert shown(window).list_note == "The list of speakers is closed."
