"""The Records workspace."""

from encounter_desk.ui.records.workspace import RecordsWorkspace

__all__ = ["RecordsWorkspace"]
