"""The Chair workspace."""

from encounter_desk.ui.chair.workspace import ChairWorkspace

__all__ = ["ChairWorkspace"]
