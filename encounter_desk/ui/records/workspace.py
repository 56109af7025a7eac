"""Records: attendance, agreements and the minutes (coming with its own issue)."""

from __future__ import annotations

from encounter_desk.ui.coming_soon import ComingSoonWorkspace


class RecordsWorkspace(ComingSoonWorkspace):
    KEY = "records"

    def title(self) -> str:
        return self.tr("Records")

    def description(self) -> str:
        return self.tr(
            "Attendance, agreements and initiatives, and the minutes of each session as PDF."
        )
