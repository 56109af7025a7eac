"""The Registration desk workspace."""

from encounter_desk.ui.desk.desk_workspace import DeskWorkspace

__all__ = ["DeskWorkspace"]
