"""The Records workspace: attendance, agreements, initiatives, minutes and exports."""

from __future__ import annotations

from typing import Any

__all__ = ["AttendanceCountsWidget", "RecordsWorkspace"]


def __getattr__(name: str) -> Any:  # noqa: ANN401 - a class of the package
    """Imported when first asked for: the desk's counts widget must not bring the whole
    workspace (its PDF and spreadsheet libraries) into the app's startup."""
    if name == "AttendanceCountsWidget":
        from encounter_desk.ui.records.counts_widget import AttendanceCountsWidget
        return AttendanceCountsWidget
    if name == "RecordsWorkspace":
        from encounter_desk.ui.records.workspace import RecordsWorkspace
        return RecordsWorkspace
    raise AttributeError(name)
