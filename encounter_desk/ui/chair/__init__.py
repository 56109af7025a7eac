"""The Chair workspace: the list of speakers, the clock and the room's screen."""

from encounter_desk.ui.chair.chair_workspace import ChairWorkspace

__all__ = ["ChairWorkspace"]
