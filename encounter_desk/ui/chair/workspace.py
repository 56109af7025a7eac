"""Chair: list of speakers and the clock (coming with its own issue)."""

from __future__ import annotations

from encounter_desk.ui.coming_soon import ComingSoonWorkspace


class ChairWorkspace(ComingSoonWorkspace):
    KEY = "chair"

    def title(self) -> str:
        return self.tr("Chair")

    def description(self) -> str:
        return self.tr(
            "Run a session: the list of speakers, points of order, and a clock for the projector."
        )
