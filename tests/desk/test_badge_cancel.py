"""A sheet of badges tells how far it is; cancelled part-way, it leaves no file."""

from __future__ import annotations

import pytest
from helpers.events import make_event
from helpers.progress import RecordingProgress

from encounter_desk.core.progress import Cancelled
from encounter_desk.desk.badge_pdf import write_badges


def test_every_badge_is_a_step_and_the_save_is_said(sqlite_db, tmp_path):
    make_event(sqlite_db, 10)
    progress = RecordingProgress()
    assert write_badges(sqlite_db, tmp_path / "badges.pdf", layout="a4-8", lang="en",
                        progress=progress) == 10
    steps = [(done, total) for done, total, _text in progress.reports if total]
    assert steps == [(n, 10) for n in range(1, 11)]
    assert progress.texts() == ["Drawing 10 badges…", "Saving badges.pdf…"]


def test_cancelled_badges_leave_no_file_and_keep_an_earlier_one(sqlite_db, tmp_path):
    make_event(sqlite_db, 10)
    out = tmp_path / "print" / "badges.pdf"
    out.parent.mkdir()
    out.write_bytes(b"%PDF- yesterday's badges")
    progress = RecordingProgress(cancel_when=lambda done, total, text: done == 3)
    with pytest.raises(Cancelled):
        write_badges(sqlite_db, out, layout="a6", lang="es", progress=progress)
    assert out.read_bytes() == b"%PDF- yesterday's badges"
    assert [p.name for p in out.parent.iterdir()] == ["badges.pdf"]  # no temporary file
