"""Counts of what an event holds, for the CLI, the title bar and the tests."""

from __future__ import annotations

from sqlalchemy import func, select

from encounter_desk.storage.database import Database
from encounter_desk.storage.models import Delegation, Participant, Sitting


def event_summary(db: Database) -> dict[str, int]:
    with db.read() as session:
        return {
            "delegations": session.scalar(select(func.count(Delegation.id))) or 0,
            "participants": session.scalar(select(func.count(Participant.id))) or 0,
            "sittings": session.scalar(select(func.count(Sitting.id))) or 0,
        }
