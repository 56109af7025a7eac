"""The Registration desk workspace."""

from encounter_desk.ui.desk.workspace import DeskWorkspace

__all__ = ["DeskWorkspace"]
