"""The one way a screen runs a long job: off the GUI thread, behind a progress dialog.

A screen owns a :class:`JobRunner` and hands it a plain-Python job, ``work(progress)``
(the job stays in its package; see :mod:`encounter_desk.core.progress`). The runner runs it
on a worker thread of a ``QThreadPool`` and, on the GUI thread:

* shows a :class:`ProgressDialog` over the screen's window (after :data:`SHOW_AFTER_MS`,
  so a quick job does not flash one) that says what the job is doing and how far it is,
  with **Cancel** only where the caller says stopping is safe (nothing half-written);
* when the job ends, closes the dialog and calls ``done(result)``; a
  :class:`~encounter_desk.core.errors.Refusal` goes to ``refused(error)`` (the screen
  says it through its message bridge, as it always did); a cancelled job to
  ``cancelled()``; anything else is a programming error and goes to ``sys.excepthook``
  (the log and the error dialog), never to the screen as a refusal.

Python's full garbage collection holds the interpreter's lock for as long as it walks
every object: with the app's modules loaded that is 100–250 ms, in whichever thread it
starts, so a job that allocates (all of them) froze the window anyway. So the app calls
:func:`settle_heap` once it is up (what is loaded by then is never walked again), and
while a job runs, full collections wait (:class:`FullCollections`; the young generations
are still collected, and most of a job's garbage goes by reference counting anyway).

The runner emits :attr:`JobRunner.ended` after the outcome's callback ran: tests wait for
it with ``qtbot.waitSignal``. One job at a time per runner; the dialog is window-modal, so
the window cannot start a second job or close the event under a running one.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from encounter_desk.core.errors import Refusal
from encounter_desk.core.progress import Cancelled, Progress

log = logging.getLogger(__name__)

SHOW_AFTER_MS = 250
"""A job that ends sooner never shows its dialog."""

Work = Callable[[Progress], Any]


def settle_heap() -> None:
    """Move every object alive now (the modules, the open event's caches) out of the
    garbage collector's reach (``gc.freeze``): full collections during a long job then
    walk only what the job made, and stay far below the 100 ms a window may stall."""
    gc.freeze()


def finish_jobs() -> None:
    """Wait for the jobs still running in the shared pool: before the event they work on is
    closed (its dialog stops the window from closing it, but only once shown)."""
    QThreadPool.globalInstance().waitForDone()


class FullCollections:
    """Holds Python's full garbage collections while any job runs (GUI thread only)."""

    HELD_THRESHOLD = 1_000_000
    """Young collections between two full ones while a job runs: never, in practice."""

    running = 0
    thresholds: tuple[int, int, int] | None = None

    @classmethod
    def hold(cls) -> None:
        if cls.running == 0:
            cls.thresholds = gc.get_threshold()
            gc.set_threshold(cls.thresholds[0], cls.thresholds[1], cls.HELD_THRESHOLD)
        cls.running += 1

    @classmethod
    def release(cls) -> None:
        cls.running -= 1
        if cls.running == 0 and cls.thresholds is not None:
            gc.set_threshold(*cls.thresholds)


class ProgressDialog(QDialog):
    """What the job is doing, a bar of how far it is, and Cancel where stopping is safe."""

    stop_requested = Signal()

    def __init__(self, parent: QWidget | None, title: str, cancellable: bool) -> None:
        super().__init__(parent)
        self.setObjectName("jobProgress")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(440)
        self.cancellable = cancellable
        self.running = True
        self.stopping = False
        self.text = QLabel(QCoreApplication.translate("Progress", "Starting…"))
        self.text.setObjectName("jobProgressText")
        self.text.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setObjectName("jobProgressBar")
        self.bar.setRange(0, 0)  # busy until the job counts its steps
        self.buttons = QDialogButtonBox()
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("jobCancel")
        self.cancel_button.setVisible(cancellable)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)

    def show_progress(self, done: int, total: int, text: str) -> None:
        if text and not self.stopping:
            self.text.setText(text)
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        else:
            self.bar.setRange(0, 0)

    def reject(self) -> None:
        """Escape, the close button or Cancel: a request to stop, never a dismissal; the
        dialog stays until the job has stopped."""
        if not self.running:
            super().reject()
            return
        if not self.cancellable or not self.cancel_button.isEnabled():
            return
        self.cancel_button.setEnabled(False)
        self.stopping = True
        self.text.setText(QCoreApplication.translate(
            "Progress", "Stopping… nothing is kept of what was begun."))
        self.stop_requested.emit()

    def finish(self) -> None:
        self.running = False
        self.close()
        self.deleteLater()


class _Signals(QObject):
    """Carries the worker thread's news to the GUI thread (queued connections)."""

    progressed = Signal(int, int, str)
    ended = Signal(object, object)  # (result, sys.exc_info() or None)


WORKER_NICENESS = 5
"""How much lower than the window a worker thread asks the system to run it (Unix)."""


def _step_aside() -> None:
    """Let the GUI thread have the processor first: on a busy laptop, a worker at the
    window's own priority delays the window's turn after each hand-over of Python's lock.
    The jobs still run at full speed when the window has nothing to do."""
    if hasattr(os, "setpriority"):
        try:
            current = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
            if current < WORKER_NICENESS:
                os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), WORKER_NICENESS)
        except OSError as exc:  # not allowed here: the job runs at the window's priority
            log.debug("worker priority unchanged: %s", exc)


class _Task(QRunnable):
    def __init__(self, work: Work, progress: Progress, signals: _Signals) -> None:
        super().__init__()
        self.work, self.progress, self.signals = work, progress, signals

    def run(self) -> None:
        _step_aside()
        try:
            result = self.work(self.progress)
        except BaseException:  # noqa: BLE001 - handed to the GUI thread, sorted there
            self.signals.ended.emit(None, sys.exc_info())
        else:
            self.signals.ended.emit(result, None)


class LongJob(QObject):
    """One job in flight: its progress, its dialog and what to do with its outcome."""

    def __init__(self, runner: JobRunner, title: str, work: Work, *, cancellable: bool,
                 done: Callable[[Any], None], refused: Callable[[Refusal], None],
                 cancelled: Callable[[], None] | None,
                 crashed: Callable[..., None] | None) -> None:
        super().__init__(runner)
        self.runner = runner
        self.done, self.refused = done, refused
        self.on_cancelled, self.crashed = cancelled, crashed
        self.signals = _Signals(self)
        self.progress = Progress(self.signals.progressed.emit)
        self.work = work
        self.dialog = ProgressDialog(runner.owner, title, cancellable)
        self.dialog.stop_requested.connect(self.cancel)
        self.signals.progressed.connect(self.dialog.show_progress)
        self.signals.ended.connect(self._ended)
        self.show_timer = QTimer(self)
        self.show_timer.setSingleShot(True)
        self.show_timer.setInterval(SHOW_AFTER_MS)
        self.show_timer.timeout.connect(self.dialog.open)

    def start(self, pool: QThreadPool) -> None:
        if not self.runner.quiet:
            self.show_timer.start()
        FullCollections.hold()
        pool.start(_Task(self.work, self.progress, self.signals))  # the pool owns it

    def cancel(self) -> None:
        log.info("job cancelled: %s", self.dialog.windowTitle())
        self.progress.cancel()

    def _ended(self, result: Any, error: tuple | None) -> None:  # noqa: ANN401
        FullCollections.release()
        self.show_timer.stop()
        self.dialog.finish()
        self.runner.release(self)  # free before the outcome: it may start the next job
        try:
            if error is None:
                self.done(result)
            elif isinstance(error[1], Refusal):
                self.refused(error[1])
            elif isinstance(error[1], Cancelled):
                if self.on_cancelled is not None:
                    self.on_cancelled()
            else:
                (self.crashed or sys.excepthook)(*error)
        finally:
            self.deleteLater()
            self.runner.ended.emit()


class JobRunner(QObject):
    """A screen's long jobs, one at a time (see the module's note)."""

    started = Signal()
    ended = Signal()
    """After a job's outcome was handled (done, refused, cancelled or crashed)."""

    def __init__(self, owner: QWidget | None, pool: QThreadPool | None = None, *,
                 quiet: bool = False) -> None:
        """``quiet``: no dialog (work the person did not ask for, such as the automatic
        backups, must not stop the window)."""
        super().__init__(owner)
        self.owner = owner
        self.pool = pool or QThreadPool.globalInstance()
        self.quiet = quiet
        self.job: LongJob | None = None

    @property
    def busy(self) -> bool:
        return self.job is not None

    def run(self, title: str, work: Work, *, done: Callable[[Any], None],
            refused: Callable[[Refusal], None], cancellable: bool = True,
            cancelled: Callable[[], None] | None = None,
            crashed: Callable[..., None] | None = None) -> LongJob | None:
        """Start ``work(progress)`` (see the module's note); None while another job runs."""
        if self.job is not None:
            log.warning("job not started, another is running: %s", title)
            return None
        self.job = LongJob(self, title, work, cancellable=cancellable, done=done,
                           refused=refused, cancelled=cancelled, crashed=crashed)
        self.job.start(self.pool)
        self.started.emit()
        return self.job

    def release(self, job: LongJob) -> None:
        if self.job is job:
            self.job = None
