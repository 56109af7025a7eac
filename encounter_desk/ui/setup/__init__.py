"""The Setup workspace: the event, delegations, participants and sittings."""

from encounter_desk.ui.setup.workspace import SetupWorkspace

__all__ = ["SetupWorkspace"]
