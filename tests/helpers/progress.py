"""A :class:`~encounter_desk.core.progress.Progress` that records every report (none is
dropped: its clock moves a second a call) and cancels itself when the test says."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from encounter_desk.core.progress import Progress


class RecordingProgress(Progress):
    def __init__(self, cancel_when: Callable[[int, int, str], bool] | None = None) -> None:
        seconds = itertools.count()
        super().__init__(self._record, monotonic=lambda: float(next(seconds)))
        self.reports: list[tuple[int, int, str]] = []
        self.cancel_when = cancel_when

    def _record(self, done: int, total: int, text: str) -> None:
        self.reports.append((done, total, text))
        if self.cancel_when is not None and self.cancel_when(done, total, text):
            self.cancel()

    def texts(self) -> list[str]:
        return list(dict.fromkeys(text for _done, _total, text in self.reports))
