"""The one way a screen runs a long job: off the GUI thread, a progress dialog, Cancel
where it is safe, refusals to the screen and programming errors to the excepthook."""

from __future__ import annotations

import threading

import pytest
from helpers.messages import RecordingMessages
from PySide6.QtWidgets import QPushButton, QWidget

from encounter_desk.core.errors import Refusal
from encounter_desk.core.progress import Progress
from encounter_desk.ui.widgets.long_job import JobRunner

pytestmark = pytest.mark.gui

GATE_SECONDS = 10  # a worker never waits longer than this for the test (a safety net)


@pytest.fixture
def window(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


class Outcome:
    """What the runner handed back, by kind."""

    def __init__(self) -> None:
        self.done: list[object] = []
        self.refused: list[Refusal] = []
        self.cancelled = 0

    def callbacks(self) -> dict:
        return {"done": self.done.append, "refused": self.refused.append,
                "cancelled": self._cancel}

    def _cancel(self) -> None:
        self.cancelled += 1


def test_the_job_runs_off_the_gui_thread_and_its_progress_is_shown(qtbot, window):
    runner, outcome = JobRunner(window), Outcome()
    go, finish, threads = threading.Event(), threading.Event(), []

    def work(progress: Progress) -> str:
        threads.append(threading.current_thread())
        assert go.wait(GATE_SECONDS)
        progress.step(3, 10, "Drawing 10 badges…")
        assert finish.wait(GATE_SECONDS)
        return "written"

    job = runner.run("Writing badges.pdf", work, **outcome.callbacks())
    assert runner.busy and job is not None
    assert runner.run("A second job", work, **outcome.callbacks()) is None  # one at a time
    job.show_timer.timeout.emit()  # the dialog shows once the job has taken a while
    dialog = job.dialog
    assert dialog.isVisible() and dialog.windowTitle() == "Writing badges.pdf"
    with qtbot.waitSignal(job.signals.progressed):
        go.set()
    assert dialog.text.text() == "Drawing 10 badges…"
    assert (dialog.bar.value(), dialog.bar.maximum()) == (3, 10)
    assert threads[0] is not threading.main_thread()
    assert dialog.isVisible() and outcome.done == []
    with qtbot.waitSignal(runner.ended):
        finish.set()
    assert outcome.done == ["written"] and not outcome.refused and not runner.busy
    assert not dialog.isVisible()


def test_cancel_stops_the_job_at_its_next_step_and_the_dialog_closes(qtbot, window):
    runner, outcome = JobRunner(window), Outcome()
    stepped, go, written = threading.Event(), threading.Event(), []

    def work(progress: Progress) -> None:
        progress.step(1, 3, "one")
        stepped.set()
        assert go.wait(GATE_SECONDS)
        progress.step(2, 3, "two")  # raises Cancelled: the cancel came in between
        written.append("two")

    job = runner.run("Importing the roster", work, **outcome.callbacks())
    job.show_timer.timeout.emit()
    assert stepped.wait(GATE_SECONDS)
    cancel = job.dialog.findChild(QPushButton, "jobCancel")
    assert cancel.isVisible()
    cancel.click()
    assert not cancel.isEnabled() and "Stopping" in job.dialog.text.text()
    assert job.dialog.isVisible()  # it stays until the job has stopped
    with qtbot.waitSignal(runner.ended):
        go.set()
    assert outcome.cancelled == 1 and written == [] and outcome.done == []
    assert not job.dialog.isVisible()


def test_where_stopping_is_not_safe_there_is_no_cancel(qtbot, window):
    runner, outcome = JobRunner(window), Outcome()
    go = threading.Event()
    job = runner.run("Print the badge", lambda _progress: go.wait(GATE_SECONDS),
                     cancellable=False, **outcome.callbacks())
    job.show_timer.timeout.emit()
    assert not job.dialog.findChild(QPushButton, "jobCancel").isVisible()
    job.dialog.reject()  # Escape does not stop it either
    assert job.dialog.isVisible() and not job.progress.cancelled
    with qtbot.waitSignal(runner.ended):
        go.set()
    assert outcome.done == [True]


def test_a_refusal_reaches_the_screen_and_the_dialog_closes(qtbot, window):
    runner, messages = JobRunner(window), RecordingMessages()

    def work(_progress: Progress) -> None:
        raise Refusal("The disk holding /media/usb is full.", code="file.disk_full")

    with qtbot.waitSignal(runner.ended):
        job = runner.run("Backing up the event", work, done=lambda _r: None,
                         refused=lambda exc: messages.warn(window, "The backup failed", str(exc)))
    assert messages.warnings() == [("The backup failed", "The disk holding /media/usb is full.")]
    assert not job.dialog.isVisible() and not runner.busy


def test_a_programming_error_goes_to_the_excepthook_not_to_the_screen(qtbot, window):
    runner, outcome = JobRunner(window), Outcome()

    def work(_progress: Progress) -> None:
        raise KeyError("a bug")

    with qtbot.capture_exceptions() as caught, qtbot.waitSignal(runner.ended):
        runner.run("Writing report.pdf", work, **outcome.callbacks())
    assert [type(exc) for _type, exc, _tb in caught] == [KeyError]
    assert outcome.refused == [] and outcome.done == [] and not runner.busy
