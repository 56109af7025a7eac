"""Withdrawing a participant's accreditation (and giving it back), never deleting them.

Once a person has been scanned their badge is part of the record (the scan log, the
attendance, the list of speakers), so they are never deleted: their accreditation is
*withdrawn*, with a reason, by whom and when. Their badge then admits nobody — the desk's
verdict is *withdrawn*, with the reason — until it is reinstated. Ids are never reused
(see migration 0006), so even a deleted person's badge can never name someone else.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import exists, select

from encounter_desk.core.clock import Clock, utcnow
from encounter_desk.core.errors import Refusal
from encounter_desk.core.i18n import translate
from encounter_desk.core.names import clean
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import CheckIn, Participant, Scan

MAX_REASON = 500


@dataclass(frozen=True)
class Withdrawal:
    participant_id: int
    display_name: str
    at: dt.datetime
    by: str
    reason: str


def _person(session, participant_id: int) -> Participant:  # noqa: ANN001 - a Session
    person = session.get(Participant, participant_id)
    if person is None:
        raise Refusal(translate("Accreditation", "There is no participant number {id}.").format(
            id=participant_id), "participant.not_found")
    return person


def withdraw(db: Database, participant_id: int, reason: str, *, clock: Clock | None = None
             ) -> Withdrawal:
    """Withdraw the accreditation of ``participant_id``: their badge admits nobody."""
    reason = clean(reason)[:MAX_REASON]
    if not reason:
        raise Refusal(translate("Accreditation", "Say why the accreditation is withdrawn."),
                      "participant.withdraw_reason")
    with db.write() as session:
        person = _person(session, participant_id)
        if person.withdrawn_at is not None:
            raise Refusal(translate(
                "Accreditation", "The accreditation of {name} was already withdrawn.").format(
                name=person.display_name), "participant.already_withdrawn")
        person.withdrawn_at = (clock or utcnow)()
        person.withdrawn_by = str(session.info.get("actor") or "")[:200]
        person.withdrawn_reason = reason
        return Withdrawal(person.id, person.display_name, person.withdrawn_at,
                          person.withdrawn_by, reason)


def reinstate(db: Database, participant_id: int) -> str:
    """Give the accreditation back; returns the person's name."""
    with db.write() as session:
        person = _person(session, participant_id)
        if person.withdrawn_at is None:
            raise Refusal(translate(
                "Accreditation", "The accreditation of {name} is not withdrawn.").format(
                name=person.display_name), "participant.not_withdrawn")
        person.withdrawn_at = None
        person.withdrawn_by = ""
        person.withdrawn_reason = ""
        return person.display_name


def refuse_deleting_a_scanned_person(session, participant_id: int) -> None:  # noqa: ANN001
    """A person whose badge was scanned stays in the record: withdraw them instead."""
    scanned = session.scalar(select(
        exists().where(Scan.participant_id == participant_id)
        | exists().where(CheckIn.participant_id == participant_id)))
    if scanned:
        raise Refusal(translate(
            "Accreditation", "This person's badge has been scanned, so they stay in the "
            "record: withdraw their accreditation instead (with a reason)."),
            "participant.delete_scanned")
