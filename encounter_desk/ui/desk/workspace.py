"""Registration desk: QR check-in (coming with its own issue)."""

from __future__ import annotations

from encounter_desk.ui.coming_soon import ComingSoonWorkspace


class DeskWorkspace(ComingSoonWorkspace):
    KEY = "desk"

    def title(self) -> str:
        return self.tr("Registration desk")

    def description(self) -> str:
        return self.tr(
            "Check people in with a badge scanner, with a verdict readable from a metre away."
        )
