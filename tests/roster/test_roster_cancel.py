"""A roster import tells how far it is; cancelled before it commits, it adds nobody."""

from __future__ import annotations

import csv

import pytest
from helpers.events import DETAILS
from helpers.progress import RecordingProgress
from sqlalchemy import func, select

from encounter_desk.core.progress import Cancelled
from encounter_desk.event import event as events
from encounter_desk.roster import importer as roster
from encounter_desk.storage.models import AuditEntry, Participant

ROWS = 60


@pytest.fixture
def roster_file(tmp_path):
    path = tmp_path / "roster.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["Title", "Given names", "Surnames", "Country", "Email"])
        for n in range(ROWS):
            out.writerow(["Dip.", f"Ana {n}", "Pérez Núñez", "El Salvador",
                          f"ana{n}@example.sv"])
    return path


def counts(db) -> tuple[int, int]:  # noqa: ANN001
    with db.read() as session:
        return (session.scalar(select(func.count(Participant.id))),
                session.scalar(select(func.count(AuditEntry.id))))


def test_the_import_reports_reading_checking_and_writing(db, roster_file):
    events.create_event(db, DETAILS)
    progress = RecordingProgress()
    report = roster.import_roster(db, roster_file, progress=progress)
    assert report.written and counts(db)[0] == ROWS
    assert progress.texts() == ["Reading roster.csv…", f"Checking {ROWS} rows of roster.csv…",
                                f"Writing {ROWS} participants…"]
    assert (ROWS, ROWS, f"Writing {ROWS} participants…") in progress.reports


def test_an_import_cancelled_while_it_writes_adds_nobody(db, roster_file):
    events.create_event(db, DETAILS)
    before = counts(db)
    progress = RecordingProgress(
        cancel_when=lambda done, total, text: text.startswith("Writing") and done >= 40)
    with pytest.raises(Cancelled):
        roster.import_roster(db, roster_file, progress=progress)
    assert counts(db) == before  # not a participant, not an audit row
    assert roster.import_roster(db, roster_file).written  # the file is still good
    assert counts(db)[0] == ROWS
