"""The desk's Camera button: without the extra it says how to add it; with it, frames from the
camera take the scanner's verdict path once per badge held up."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from sqlalchemy import select

from encounter_desk.desk import badges, checkin
from encounter_desk.desk.badge_pdf import write_badges
from encounter_desk.event import event as events
from encounter_desk.event import participants
from encounter_desk.event.delegations import list_delegations
from encounter_desk.storage.models import Scan
from encounter_desk.ui.desk import camera_view
from encounter_desk.ui.desk.desk_workspace import DeskWorkspace
from encounter_desk.ui.widgets.workspace import AppContext

pytestmark = pytest.mark.gui


@pytest.fixture
def desk(qtbot, sqlite_db, messages):
    events.create_event(sqlite_db, events.EventDetails(
        code="CAM-1", name_es="Encuentro", name_en="Encounter",
        start_date=dt.date(2026, 3, 1), end_date=dt.date(2026, 3, 2)))
    mx = next(d.id for d in list_delegations(sqlite_db) if d.code == "MX")
    participants.create_participant(sqlite_db, title="Dip.", given_names="Ana Lucía",
                                    first_surname="Pérez", delegation_id=mx)
    widget = DeskWorkspace(AppContext(sqlite_db, messages), desk_name="Desk 1")
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    if widget.camera_view is not None:
        widget.camera_view.close()


def _badge_image(db, tmp_path) -> QImage:
    if shutil.which("pdftoppm") is None:
        pytest.fail("pdftoppm is missing: install poppler-utils")
    out = tmp_path / "badge.pdf"
    write_badges(db, out, layout="a6")
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(out), str(tmp_path / "frame")], check=True)
    [png] = sorted(tmp_path.glob("frame*.png"))
    image = QImage(str(png)).convertToFormat(QImage.Format.Format_RGB32)  # as a camera gives
    assert not image.isNull()
    return image


def _scans(db):
    with db.read() as s:
        return [(scan.source, scan.verdict) for scan in s.scalars(select(Scan).order_by(Scan.id))]


def test_without_the_camera_extra_the_desk_says_how_to_add_it(qtbot, desk, messages, monkeypatch):
    monkeypatch.setattr(camera_view, "multimedia_available", lambda: False)
    assert desk.camera_button.text() == "Camera…"
    qtbot.mouseClick(desk.camera_button, Qt.MouseButton.LeftButton)
    [(kind, title, text)] = messages.said
    assert (kind, title) == ("inform", "Camera")
    assert 'pip install "encounter-desk[camera]"' in text
    assert desk.camera_view is None
    assert _scans(desk.db) == []


def test_frames_from_the_camera_admit_once_per_badge(qtbot, desk, tmp_path, monkeypatch):
    now = [50.0]
    monkeypatch.setattr(camera_view, "multimedia_available", lambda: True)  # the extra is in
    monkeypatch.setattr(camera_view.CameraView, "start", lambda self: True)  # no device here
    image = _badge_image(desk.db, tmp_path)
    code = badges.badge_code_for(desk.db, participants.list_participants(desk.db)[0].id)

    qtbot.mouseClick(desk.camera_button, Qt.MouseButton.LeftButton)
    view = desk.camera_view
    assert view is not None and view.isVisible() and not view.isModal()
    view._monotonic = view.debouncer._monotonic = lambda: now[0]  # a clock the test moves

    with qtbot.waitSignal(desk.verdict_shown) as shown:
        assert view.take_image(image) == [code]
    assert shown.args[0].kind is checkin.VerdictKind.ADMITTED
    assert desk.verdict_panel.state == "admitted"
    assert view.picture.pixmap() is not None and not view.picture.pixmap().isNull()

    # Held in front of the camera: frames keep coming, nothing more is scanned.
    for _ in range(25):
        now[0] += 0.1  # 10 frames a second, decoded at most 5 times a second
        assert view.take_image(image) == []
    assert _scans(desk.db) == [("camera", "admitted")]

    # Taken away and shown again later: a new scan, and the desk says so.
    now[0] += 10
    view.take_image(image)
    assert _scans(desk.db) == [("camera", "admitted"), ("camera", "already_checked_in")]

    view.close()
    qtbot.waitUntil(lambda: desk.camera_view is None)
