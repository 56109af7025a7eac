"""Encounter Desk: runs a parliamentary meeting from the registration desk to the signed minutes."""

__version__ = "0.1.0"
APP_NAME = "Encounter Desk"
APP_ID = "EncounterDesk"
