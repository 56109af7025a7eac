"""Progress: steps reported (not too often), a cancel request honoured at the next step."""

from __future__ import annotations

import pytest
from helpers.progress import RecordingProgress

from encounter_desk.core.progress import QUIET, Cancelled, Progress, layout_steps, or_quiet


def test_steps_reach_the_report_and_a_cancel_stops_the_next_one():
    progress = RecordingProgress()
    progress.step(1, 3, "Checking 3 rows of roster.csv…")
    progress.say("Saving…")
    assert progress.reports == [(1, 3, "Checking 3 rows of roster.csv…"), (0, 0, "Saving…")]
    progress.cancel()
    assert progress.cancelled
    with pytest.raises(Cancelled):
        progress.step(2, 3, "Checking 3 rows of roster.csv…")
    with pytest.raises(Cancelled):
        progress.check()
    assert len(progress.reports) == 2


def test_reports_closer_than_the_interval_are_dropped_but_not_the_last_nor_a_new_sentence():
    now = [0.0]
    seen = []
    progress = Progress(lambda *report: seen.append(report), monotonic=lambda: now[0])
    for done in range(1, 101):
        progress.step(done, 100, "Drawing 100 badges…")
        now[0] += 0.001  # a hundred steps in a tenth of a second
    progress.step(0, 0, "Saving the badges…")
    assert seen[0] == (1, 100, "Drawing 100 badges…")
    assert (100, 100, "Drawing 100 badges…") in seen and seen[-1] == (0, 0, "Saving the badges…")
    assert 3 <= len(seen) <= 5


def test_steps_every_n_items_and_reportlab_layout_callbacks():
    progress = RecordingProgress()
    tick = progress.steps(45, "Writing 45 participants…", every=20)
    for done in range(1, 46):
        tick(done)
    assert [done for done, _total, _text in progress.reports] == [20, 40, 45]
    on_layout = layout_steps(progress, "Report of the encounter")
    on_layout("STARTED", 0)
    on_layout("SIZE_EST", 80)
    on_layout("PROGRESS", 40)
    on_layout("PAGE", 3)
    assert progress.reports[-1] == (40, 80, "Laying out Report of the encounter…")


def test_nobody_watches_the_quiet_progress():
    assert or_quiet(None) is QUIET and not QUIET.cancelled
    QUIET.step(1, 2, "anything")  # no report, no error
    own = Progress()
    assert or_quiet(own) is own
