"""The Declaration workspace: the drafting session's workbench and the room's screen."""

from encounter_desk.ui.declaration.workspace import DeclarationWorkspace

__all__ = ["DeclarationWorkspace"]
