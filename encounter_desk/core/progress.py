"""How a long job says how far it is, and learns that it should stop: :class:`Progress`.

A job that may take more than a moment at 10,000 people (importing a roster, a sheet of
1,000 badges, a backup, copying an event, the event report, the certificates) takes
``progress: Progress | None = None`` and calls ``progress.step(done, total, sentence)``
between *safe* steps: points where stopping leaves nothing half-written (the import's
transaction not yet committed, the PDF still a temporary file beside its target). ``step``
raises :class:`Cancelled` once whoever runs the job has asked it to stop; the job lets it
pass, and its ``with db.write()`` or ``atomic_output`` block undoes what it began.
``step`` is cheap (a flag read; a report at most every :data:`REPORT_EVERY_SECONDS`):
call it for every row.

Plain Python: the CLI passes nothing (:data:`QUIET`); the app's worker
(``ui/widgets/long_job.py``) passes one whose ``report`` feeds a progress dialog, from the
worker's thread. Each report also lets other threads run for a moment (the GUI thread
waits for Python's lock while a job computes).
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable

from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, translate

Report = Callable[[int, int, str], None]
"""Receives ``(done, total, sentence)``; ``total`` 0 when the job cannot count its steps."""

REPORT_EVERY_SECONDS = 0.05
"""Reports closer together than this are dropped (the last step and a new sentence are not)."""


_SAVING = QT_TRANSLATE_NOOP("Progress", "Saving {name}…")
_LAYING_OUT = QT_TRANSLATE_NOOP("Progress", "Laying out {title}…")


class Cancelled(Exception):  # noqa: N818 - what happened, not an error a person reads
    """The person stopped the job: nothing it began was kept.

    Not a :class:`~encounter_desk.core.errors.Refusal` on purpose: a job that collects
    refusals (one per bad roster row) must not collect this one; only the runner catches it.
    """


class Progress:
    """Steps done out of a total, a sentence of what is happening, and a request to stop."""

    def __init__(self, report: Report | None = None, *,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self._report = report
        self._monotonic = monotonic
        self._stop = threading.Event()
        self._last_at = -math.inf
        self._last_text = ""

    # --- the runner's side ---------------------------------------------------------------

    def cancel(self) -> None:
        """Ask the job to stop at its next safe step (any thread)."""
        self._stop.set()

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    # --- the job's side ------------------------------------------------------------------

    def check(self) -> None:
        """A safe point: raise :class:`Cancelled` if asked to stop."""
        if self._stop.is_set():
            raise Cancelled

    def step(self, done: int, total: int, text: str = "") -> None:
        """``done`` of ``total`` steps, ``text`` what is happening now (translated); a safe
        point (see :meth:`check`)."""
        self.check()
        if self._report is None:
            return
        now = self._monotonic()
        if text == self._last_text and done < total and now - self._last_at < REPORT_EVERY_SECONDS:
            return
        self._last_at, self._last_text = now, text
        self._report(done, total, text)
        time.sleep(0)  # gives up Python's lock for a moment: the GUI thread shows the report

    def say(self, text: str) -> None:
        """What is happening, when the job cannot count it (a busy bar)."""
        self.step(0, 0, text)

    def saving(self, name: str) -> None:
        """The last stretch of a document: its file ``name`` being saved."""
        self.say(translate("Progress", _SAVING).format(name=name))

    def steps(self, total: int, text: str, every: int = 1) -> Callable[[int], None]:
        """A function ``tick(done)`` that steps with ``text`` every ``every`` items (and at
        the last): for loops over many small items."""

        def tick(done: int) -> None:
            if done % every == 0 or done >= total:
                self.step(done, total, text)

        return tick


QUIET = Progress()
"""Progress that nobody watches and nobody cancels (the CLI, tests, the benchmarks' floor)."""


def or_quiet(progress: Progress | None) -> Progress:
    return progress if progress is not None else QUIET


def layout_steps(progress: Progress, title: str) -> Callable[[str, int], None]:
    """A callback for a reportlab document's ``setProgressCallBack``: every flowable laid
    out is a step of ``progress`` (and a safe point: the document is still a temporary
    file), said as laying out ``title``."""
    total = 0
    sentence = translate("Progress", _LAYING_OUT).format(title=title)

    def on_layout(kind: str, value: int) -> None:
        nonlocal total
        if kind == "SIZE_EST":
            total = value
        elif kind == "PROGRESS":
            progress.step(value, total, sentence)

    return on_layout
