"""Camera scanning without Qt: badge images rendered from the app's own PDFs → decode_frame →
the check-in admits; the debouncer lets a badge held up through once."""

from __future__ import annotations

import builtins
import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageFilter
from sqlalchemy import select

from encounter_desk.desk import badges, checkin
from encounter_desk.desk import camera as camera_decode
from encounter_desk.desk.badge_pdf import write_badges
from encounter_desk.desk.camera import Debouncer, decode_frame
from encounter_desk.desk.verdict import VerdictKind
from encounter_desk.event import event as events
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import Delegation, Participant, Scan


def _people(db: Database) -> list[int]:
    events.create_event(db, events.EventDetails(
        code="RCM-EP-2026", name_es="Encuentro Parlamentario", name_en="Parliamentary Encounter",
        start_date=dt.date(2026, 12, 1), end_date=dt.date(2026, 12, 3)))
    with db.write() as s:
        mx = s.scalar(select(Delegation).where(Delegation.code == "MX"))
        people = [Participant(title="Dip.", given_names=f"Ñusta {i}", first_surname="Güemes",
                              delegation=mx) for i in range(3)]
        s.add_all(people)
        s.flush()
        return [p.id for p in people]


def _camera_picture(db: Database, ids: list[int], tmp_path: Path, dpi: int = 60) -> Image.Image:
    """What a laptop camera sees: the printed A6 badge, small, grey and a little blurred."""
    if shutil.which("pdftoppm") is None:
        pytest.fail("pdftoppm is missing: install poppler-utils")
    out = tmp_path / "badges.pdf"
    write_badges(db, out, ids, layout="a6")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-f", "1", "-l", "1", str(out),
                    str(tmp_path / "page")], check=True)
    [page] = sorted(tmp_path.glob("page*.png"))
    return Image.open(page).convert("L").filter(ImageFilter.GaussianBlur(0.6))


def test_a_badge_seen_by_the_camera_decodes_and_admits(sqlite_db, tmp_path):
    ids = _people(sqlite_db)
    picture = _camera_picture(sqlite_db, ids[:1], tmp_path)
    assert decode_frame(picture) == [badges.badge_code_for(sqlite_db, ids[0])]
    [text] = decode_frame(picture)
    verdict = checkin.check_in(sqlite_db, text, desk="Desk 1", source="camera")
    assert verdict.kind is VerdictKind.ADMITTED
    assert verdict.participant.id == ids[0]
    with sqlite_db.read() as s:
        assert s.scalar(select(Scan.source)) == "camera"


def test_grey_pixels_as_bytes_with_padded_rows(sqlite_db, tmp_path):
    ids = _people(sqlite_db)
    picture = _camera_picture(sqlite_db, ids[1:2], tmp_path)
    width, height = picture.size
    stride = width + 13  # camera frames pad their rows
    rows = picture.tobytes()
    padded = b"".join(rows[y * width:(y + 1) * width] + b"\0" * 13 for y in range(height))
    expected = [badges.badge_code_for(sqlite_db, ids[1])]
    assert decode_frame(padded, width, height, row_stride=stride) == expected
    assert decode_frame(bytearray(rows), width, height) == expected
    assert decode_frame(memoryview(rows), width, height) == expected
    with pytest.raises(ValueError):
        decode_frame(rows[:-width], width, height)
    with pytest.raises(ValueError):
        decode_frame(rows)


def test_a_frame_without_a_badge_gives_nothing():
    assert decode_frame(Image.new("L", (640, 480), 200)) == []


def test_a_reissued_badge_seen_by_the_camera_is_refused(sqlite_db, tmp_path):
    ids = _people(sqlite_db)
    old_picture = _camera_picture(sqlite_db, ids[2:3], tmp_path)
    badges.reissue_badge(sqlite_db, ids[2])
    [old] = decode_frame(old_picture)
    assert checkin.check_in(sqlite_db, old, desk="D", source="camera").kind is VerdictKind.REPLACED


def test_the_debouncer_lets_a_held_badge_through_once():
    now = [100.0]
    debounce = Debouncer(repeat_seconds=3.0, monotonic=lambda: now[0])
    assert debounce.accept(["A"]) == ["A"]
    for _ in range(20):  # held up for 4 s at 5 frames a second
        now[0] += 0.2
        assert debounce.accept(["A"]) == []
    assert debounce.accept(["A", "B"]) == ["B"]  # a second badge beside it
    now[0] += 3.5  # out of sight long enough: the next showing is a new scan
    assert debounce.accept(["A"]) == ["A"]
    now[0] += 0.2
    assert debounce.accept([]) == []


def test_without_the_decoder_the_message_says_how_to_add_it(monkeypatch):
    real_import = builtins.__import__

    def no_zxing(name, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003
        if name == "zxingcpp":
            raise ImportError("No module named 'zxingcpp'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_zxing)
    with pytest.raises(camera_decode.CameraUnavailable) as info:
        decode_frame(Image.new("L", (10, 10)))
    assert 'pip install "encounter-desk[camera]"' in str(info.value)
