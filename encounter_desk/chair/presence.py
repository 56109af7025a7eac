"""Who is present at a sitting, as the chair's list sees it.

The record of attendance belongs to the records (marked at the door, or by hand); the
chair only reads it: a speaker added who is not marked present is flagged, and a list set
to "only present participants may speak" refuses them (:func:`refuse_absent`).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from encounter_desk.chair.errors import SpeakerListError
from encounter_desk.core.i18n import translate
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import (
    Attendance,
    AttendanceStatus,
    Participant,
    SpeakerList,
    Speech,
    SpeechState,
)


def present_in(session: Session, sitting_id: int, participant_ids: Iterable[int]) -> set[int]:
    """Which of ``participant_ids`` are marked present at the sitting."""
    ids = set(participant_ids)
    if not ids:
        return set()
    query = select(Attendance.participant_id).where(
        Attendance.sitting_id == sitting_id,
        Attendance.status == AttendanceStatus.PRESENT.value,
        Attendance.participant_id.in_(ids),
    )
    return set(session.scalars(query))


def not_present(db: Database, sitting_id: int, participant_ids: Iterable[int]) -> set[int]:
    """Which of ``participant_ids`` are not marked present at the sitting."""
    ids = set(participant_ids)
    with db.read() as session:
        return ids - present_in(session, sitting_id, ids)


def refuse_absent(session: Session, lst: SpeakerList | None, person: Participant) -> None:
    """On a list for present participants only, someone not marked present is refused."""
    if lst is None or not lst.only_present or present_in(session, lst.sitting_id, [person.id]):
        return
    raise SpeakerListError(
        translate(
            "Speakers",
            "Only participants marked present at this session may speak, and {name} is "
            "not marked present. Mark them present first.",
        ).format(name=person.display_name),
        code="speakers.not_present",
    )


def speeches_given(db: Database, sitting_id: int, participant_id: int) -> int:
    """How many times the participant has had the floor at the sitting (spoke or speaks)."""
    with db.read() as session:
        query = select(Speech.id).where(
            Speech.sitting_id == sitting_id,
            Speech.participant_id == participant_id,
            Speech.state.in_([SpeechState.DONE.value, SpeechState.SPEAKING.value,
                              SpeechState.PAUSED.value]),
        )
        return len(list(session.scalars(query)))
