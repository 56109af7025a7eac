"""A waiting request changed in place, and a withdrawal taken back.

* :func:`change_request` — the chair heard "point of order" where it was a statement, or
  wrote down the wrong person: the request keeps its place in the list and gets the
  right kind or person (a right of reply or a question then answers the speech on the
  floor, or the last one given).
* :func:`undo_withdraw` — Delete was a slip: the withdrawn request waits again where it
  was (its position in the list was never given away).

Both keep the rule of :func:`~encounter_desk.chair.queue.refuse_second_request`: a person
waits at most once with each kind of request.
"""

from __future__ import annotations

from encounter_desk.chair.checks import require_speech, require_waiting, speech_kind
from encounter_desk.chair.entries import QueueEntry, entry_of
from encounter_desk.chair.errors import SpeakerListError
from encounter_desk.chair.lookups import find_list, require_list_sitting, waiting_speeches
from encounter_desk.chair.presence import refuse_absent
from encounter_desk.chair.queue import answered_speech, refuse_second_request
from encounter_desk.core.i18n import translate
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import Participant, SpeechKind, SpeechState


def change_request(
    db: Database, speech_id: int, *, kind: str | SpeechKind | None = None,
    participant_id: int | None = None,
) -> QueueEntry:
    """Give a waiting request another kind and/or person; it keeps its place."""
    new_kind = speech_kind(kind) if kind is not None else None
    with db.write() as session:
        speech = require_speech(session, speech_id)
        require_waiting(speech)
        person = session.get(Participant, participant_id or speech.participant_id)
        if person is None:
            raise SpeakerListError(
                translate("Speakers", "This participant is no longer registered."),
                code="speakers.participant_gone",
            )
        if person.id != speech.participant_id:
            refuse_absent(session, find_list(session, speech.sitting_id, speech.agenda_item_id),
                          person)
        target_kind = new_kind or speech_kind(speech.kind)
        waiting = waiting_speeches(session, speech.sitting_id, speech.agenda_item_id)
        refuse_second_request(waiting, person, target_kind, ignore=speech.id)
        if target_kind in (SpeechKind.RIGHT_OF_REPLY, SpeechKind.QUESTION):
            if speech.replies_to_id is None:
                sitting = require_list_sitting(session, speech.sitting_id, speech.agenda_item_id)
                speech.replies_to_id = answered_speech(
                    session, sitting, speech.agenda_item_id, None, target_kind).id
        else:
            speech.replies_to_id = None
        if target_kind != SpeechKind.POINT_OF_ORDER:
            speech.reason, speech.reason_text = "", ""  # only a point of order has a reason
        if person.id != speech.participant_id:
            speech.participant_id = person.id
            speech.delegation_id = person.delegation_id
            speech.language = (person.language or "")[:5]
        speech.kind = target_kind.value
        return entry_of(session, speech)


def undo_withdraw(db: Database, speech_id: int) -> QueueEntry:
    """Put a withdrawn request back on the list, where it was."""
    with db.write() as session:
        speech = require_speech(session, speech_id)
        if speech.state != SpeechState.WITHDRAWN:
            raise SpeakerListError(
                translate("Speakers", "Only a withdrawn request can be put back."),
                code="speakers.not_withdrawn",
            )
        waiting = waiting_speeches(session, speech.sitting_id, speech.agenda_item_id)
        refuse_second_request(
            waiting, session.get(Participant, speech.participant_id), speech_kind(speech.kind))
        speech.state = SpeechState.WAITING.value
        speech.withdrawn_at = None
        return entry_of(session, speech)
