"""A backup or a copy that is cancelled part-way leaves nothing behind: no backup file, an
empty target database."""

from __future__ import annotations

import pytest
from helpers.events import make_event
from helpers.progress import RecordingProgress

from encounter_desk.core.progress import Cancelled
from encounter_desk.storage import backups
from encounter_desk.storage.copy import copy_event, row_counts
from encounter_desk.storage.database import open_database, sqlite_url


def test_a_backup_reports_its_progress_and_its_check(db, tmp_path):
    make_event(db, 40)
    progress = RecordingProgress()
    done = backups.back_up(db, tmp_path / "usb" / "copy.sqlite", progress)
    assert done.exists()
    assert progress.texts()[-1] == "Checking the copy…"
    assert any(total and done == total for done, total, _text in progress.reports)


def test_a_cancelled_backup_writes_no_file(db, tmp_path):
    make_event(db, 40)
    target = tmp_path / "usb" / "copy.sqlite"
    progress = RecordingProgress(cancel_when=lambda done, total, text: total > 0)
    with pytest.raises(Cancelled):
        backups.back_up(db, target, progress)
    assert not target.exists()
    assert list(target.parent.iterdir()) == []  # no temporary file left either


def test_a_cancelled_copy_leaves_the_target_empty(db, tmp_path):
    make_event(db, 40)
    target = open_database(sqlite_url(tmp_path / "copy.sqlite"))
    try:
        progress = RecordingProgress(cancel_when=lambda done, total, text: done > 0)
        with pytest.raises(Cancelled):
            copy_event(db, target, progress)
        assert progress.texts() == [f"Copying {sum(row_counts(db).values())} rows of the "
                                    f"event to {target.describe()}…"]
        assert not any(row_counts(target).values())
        copy_event(db, target)  # and it can be copied into afterwards
        assert row_counts(target) == row_counts(db)
    finally:
        target.close()
