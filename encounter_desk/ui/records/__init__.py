"""The Records workspace: attendance, agreements, initiatives, minutes and exports."""

from encounter_desk.ui.records.counts_widget import AttendanceCountsWidget
from encounter_desk.ui.records.workspace import RecordsWorkspace

__all__ = ["AttendanceCountsWidget", "RecordsWorkspace"]
