"""The queue of a list of speakers: asking for the floor, withdrawing, reordering, re-adding.

* **Order.** A new request is placed by :mod:`encounter_desk.chair.rules`: points of
  order ahead of everyone waiting, in the order asked; a right of reply or a question right
  after the speech it answers; statements at the end. The chair may then move anyone
  (:func:`move_to`, :func:`move_up`, :func:`move_down`).
* **A closed list** refuses new statements; it still accepts points of order, rights of
  reply and questions (they arise from the debate itself, which a closed list does not end).
* **Put back.** :func:`readd_last` undoes a slip of the chair: the last speaker to leave
  the list waits again at its head, behind the points of order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy.orm import Session

from encounter_desk.chair import rules as speaker_queue
from encounter_desk.chair.checks import (
    UNSET,
    checked_seconds,
    list_command,
    moment,
    require_speech,
    require_waiting,
    speech_kind,
)
from encounter_desk.chair.entries import EntryBuilder, QueueEntry, entry_of, kind_label
from encounter_desk.chair.errors import SpeakerListError
from encounter_desk.chair.lookups import (
    find_list,
    list_speeches,
    on_floor,
    require_list_sitting,
    require_sitting,
    waiting_speeches,
)
from encounter_desk.chair.point_reasons import checked_reason
from encounter_desk.chair.presence import refuse_absent
from encounter_desk.core.i18n import translate
from encounter_desk.event import badge_code
from encounter_desk.event.badge_reading import read_badge
from encounter_desk.event.event import find_event
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import Participant, Sitting, Speech, SpeechKind, SpeechState


def _waiting_slots(speeches: Sequence[Speech]) -> list[speaker_queue.Waiting]:
    return [speaker_queue.Waiting(s.id, s.kind, s.position, s.replies_to_id) for s in speeches]


def _place(waiting: list[Speech], speech: Speech, index: int) -> None:
    """Give ``speech`` the position at ``index`` among ``waiting`` (renumbering if needed)."""
    others = [s for s in waiting if s.id != speech.id]
    index = max(0, min(index, len(others)))
    position = speaker_queue.position_at([s.position for s in others], index)
    if position is None:
        order = [*others]
        order.insert(index, speech)
        for s, value in zip(order, speaker_queue.renumbered(len(order)), strict=True):
            if s.position != value:
                s.position = value
        return
    speech.position = position


# --- asking for the floor --------------------------------------------------------------


def participant_from_badge(db: Database, raw: str) -> int:
    """The participant whose badge was scanned (or typed) at the chair's table.

    Refuses, with a sentence for the chair, a code that is damaged, of another event,
    forged, or of a badge since replaced.
    """
    with db.read() as session:
        event = find_event(session)
        if event is None:
            raise SpeakerListError(
                translate("Speakers", "This file holds no event yet."), code="speakers.no_event"
            )
        reading = read_badge(raw, secret_hex=event.secret, event_code=event.code)
        parsed, status = reading.parsed, reading.status
        if status == badge_code.CodeStatus.WRONG_EVENT:
            raise SpeakerListError(
                translate("Speakers", "This badge belongs to another event."),
                code="speakers.badge_wrong_event",
            )
        if status != badge_code.CodeStatus.OK:
            raise SpeakerListError(
                translate(
                    "Speakers", "This badge code cannot be read: it is damaged or not a badge."
                ),
                code="speakers.badge_unreadable",
            )
        assert isinstance(parsed, badge_code.ParsedCode)
        person = session.get(Participant, parsed.participant_id)
        if person is None:
            raise SpeakerListError(
                translate("Speakers", "The participant of this badge is no longer registered."),
                code="speakers.badge_participant_gone",
            )
        if person.withdrawn_at is not None:
            raise SpeakerListError(
                translate("Speakers", "The accreditation of {name} was withdrawn.").format(
                    name=person.display_name),
                code="speakers.badge_withdrawn",
            )
        if parsed.serial != person.badge_serial:
            raise SpeakerListError(
                translate(
                    "Speakers", "This badge was replaced; ask {name} for the new one."
                ).format(name=person.display_name),
                code="speakers.badge_replaced",
            )
        return person.id


def refuse_second_request(
    waiting: Sequence[Speech], person: Participant | None, kind: SpeechKind,
    *, ignore: int | None = None,
) -> None:
    """A person waits at most once with each kind of request (two points of order from one
    person are one too many); ``ignore`` is a waiting speech being changed in place."""
    if person is None or not any(
        s.participant_id == person.id and s.kind == kind.value and s.id != ignore
        for s in waiting
    ):
        return
    if kind == SpeechKind.STATEMENT:
        message = translate("Speakers", "{name} is already waiting to speak on this list.")
    else:
        message = translate(
            "Speakers", "{name} already has a request waiting on this list: {kind}.")
    raise SpeakerListError(
        message.format(name=person.display_name, kind=kind_label(kind.value)),
        code="speakers.already_waiting",
    )


def add_speaker(
    db: Database,
    sitting_id: int,
    agenda_item_id: int | None,
    participant_id: int,
    *,
    kind: str | SpeechKind = SpeechKind.STATEMENT,
    replies_to_id: int | None = None,
    limit_seconds: int | None | object = UNSET,
    language: str | None = None,
    reason: str | None = None,
    reason_text: str | None = None,
    at: dt.datetime | None = None,
) -> QueueEntry:
    """Put a participant on a list (the caller found them by name, delegation or badge).

    A right of reply or a question answers ``replies_to_id``; without it, the speech on the
    floor of this list, or else the last one given. ``limit_seconds`` sets this speaker's
    own time (None: no limit); left out, the list's default for the kind applies.
    ``language`` defaults to the participant's working language. A point of order may
    carry its ``reason`` and ``reason_text`` (see :mod:`~encounter_desk.chair.point_reasons`).
    """
    kind = speech_kind(kind)
    reason, reason_text = checked_reason(kind, reason, reason_text)
    now = moment(db, at)
    if limit_seconds is not UNSET:
        checked_seconds(limit_seconds)  # type: ignore[arg-type]
    with db.write() as session:
        sitting = require_list_sitting(session, sitting_id, agenda_item_id)
        person = session.get(Participant, participant_id)
        if person is None:
            raise SpeakerListError(
                translate("Speakers", "This participant is no longer registered."),
                code="speakers.participant_gone",
            )
        lst = find_list(session, sitting_id, agenda_item_id)
        if kind == SpeechKind.STATEMENT and lst is not None and lst.closed:
            raise SpeakerListError(
                translate(
                    "Speakers",
                    "The list of speakers is closed: it takes no new statements. "
                    "Reopen it to add {name}.",
                ).format(name=person.display_name),
                code="speakers.list_closed",
            )
        refuse_absent(session, lst, person)
        waiting = waiting_speeches(session, sitting_id, agenda_item_id)
        refuse_second_request(waiting, person, kind)
        target = None
        if kind in (SpeechKind.RIGHT_OF_REPLY, SpeechKind.QUESTION):
            target = answered_speech(session, sitting, agenda_item_id, replies_to_id, kind)
        elif replies_to_id is not None:
            raise SpeakerListError(
                translate(
                    "Speakers", "Only a right of reply or a question answers another speech."
                ),
                code="speakers.not_an_answer",
            )
        speech = Speech(
            sitting_id=sitting_id,
            agenda_item_id=agenda_item_id,
            participant_id=participant_id,
            delegation_id=person.delegation_id,
            kind=kind.value,
            state=SpeechState.WAITING.value,
            replies_to_id=target.id if target is not None else None,
            requested_at=now,
            paused_seconds=0.0,
            pause_count=0,
            language=(language if language is not None else person.language or "")[:5],
            reason=reason,
            reason_text=reason_text,
            custom_limit=limit_seconds is not UNSET,
            limit_seconds=None if limit_seconds is UNSET else limit_seconds,  # type: ignore[arg-type]
            position=0.0,
        )
        index = speaker_queue.insertion_index(
            _waiting_slots(waiting), kind, target.id if target is not None else None
        )
        _place(waiting, speech, index)
        session.add(speech)
        return entry_of(session, speech)


def answered_speech(
    session: Session,
    sitting: Sitting,
    agenda_item_id: int | None,
    replies_to_id: int | None,
    kind: SpeechKind,
) -> Speech:
    if replies_to_id is not None:
        target = session.get(Speech, replies_to_id)
        if (
            target is None
            or target.sitting_id != sitting.id
            or target.agenda_item_id != agenda_item_id
            or target.state == SpeechState.WITHDRAWN
        ):
            raise SpeakerListError(
                translate("Speakers", "The speech to answer is not on this list."),
                code="speakers.answer_not_on_list",
            )
        return target
    current, interrupted = on_floor(session, sitting.id)
    for candidate in (current, interrupted):
        if (
            candidate is not None
            and candidate.agenda_item_id == agenda_item_id
            and candidate.kind != SpeechKind.POINT_OF_ORDER
        ):
            return candidate
    given = list_speeches(session, sitting.id, agenda_item_id, [SpeechState.DONE.value])
    given = [s for s in given if s.kind != SpeechKind.POINT_OF_ORDER and s.ended_at is not None]
    if given:
        return max(given, key=lambda s: (s.ended_at, s.id))
    if kind == SpeechKind.QUESTION:
        raise SpeakerListError(
            translate(
                "Speakers", "A question is put to a speaker: nobody has spoken on this list yet."
            ),
            code="speakers.nobody_to_question",
        )
    raise SpeakerListError(
        translate(
            "Speakers", "A right of reply answers a speech: nobody has spoken on this list yet."
        ),
        code="speakers.nobody_to_answer",
    )


def withdraw(db: Database, speech_id: int, *, at: dt.datetime | None = None) -> QueueEntry:
    """Take a waiting speaker off the list (kept as withdrawn, for the record)."""
    now = moment(db, at)
    with db.write() as session:
        speech = require_speech(session, speech_id)
        require_waiting(speech)
        speech.state = SpeechState.WITHDRAWN.value
        speech.withdrawn_at = now
        return entry_of(session, speech)


@list_command
def readd_last(
    session: Session, sitting: Sitting, agenda_item_id: int | None, now: dt.datetime
) -> QueueEntry:
    """Put the last speaker of the list (who spoke, or was withdrawn) back at its head.

    A new waiting speech of the same kind, behind the points of order already waiting;
    the earlier speech stays in the record as it was. Allowed on a closed list: it undoes
    a slip of the chair rather than taking a new request.
    """
    past = list_speeches(
        session,
        sitting.id,
        agenda_item_id,
        [SpeechState.DONE.value, SpeechState.WITHDRAWN.value],
    )
    past = [s for s in past if (s.ended_at or s.withdrawn_at) is not None]
    if not past:
        raise SpeakerListError(
            translate(
                "Speakers", "Nobody has left this list yet: there is no one to put back."
            ),
            code="speakers.nobody_to_put_back",
        )
    last = max(past, key=lambda s: (s.ended_at or s.withdrawn_at, s.id))
    waiting = waiting_speeches(session, sitting.id, agenda_item_id)
    refuse_second_request(
        waiting, session.get(Participant, last.participant_id), speech_kind(last.kind))
    speech = Speech(
        sitting_id=sitting.id,
        agenda_item_id=agenda_item_id,
        participant_id=last.participant_id,
        delegation_id=last.delegation_id,
        kind=last.kind,
        state=SpeechState.WAITING.value,
        replies_to_id=last.replies_to_id,
        requested_at=now,
        paused_seconds=0.0,
        pause_count=0,
        language=last.language,
        reason=last.reason,
        reason_text=last.reason_text,
        custom_limit=last.custom_limit,
        limit_seconds=last.limit_seconds if last.custom_limit else None,
        position=0.0,
    )
    _place(waiting, speech, speaker_queue.head_index(_waiting_slots(waiting)))
    session.add(speech)
    return entry_of(session, speech)


# --- the order of the list -------------------------------------------------------------


def move_to(db: Database, speech_id: int, index: int) -> list[QueueEntry]:
    """Move a waiting speaker to ``index`` among the waiting (0: next). Returns the new order."""
    with db.write() as session:
        speech = require_speech(session, speech_id)
        require_waiting(speech)
        waiting = waiting_speeches(session, speech.sitting_id, speech.agenda_item_id)
        _place(waiting, speech, index)
        session.flush()
        ordered = waiting_speeches(session, speech.sitting_id, speech.agenda_item_id)
        return EntryBuilder(session, require_sitting(session, speech.sitting_id)).entries(ordered)


def _move_by(db: Database, speech_id: int, step: int) -> list[QueueEntry]:
    with db.read() as session:
        speech = require_speech(session, speech_id)
        require_waiting(speech)
        ids = [s.id for s in waiting_speeches(session, speech.sitting_id, speech.agenda_item_id)]
    return move_to(db, speech_id, max(0, ids.index(speech_id) + step))


def move_up(db: Database, speech_id: int) -> list[QueueEntry]:
    return _move_by(db, speech_id, -1)


def move_down(db: Database, speech_id: int) -> list[QueueEntry]:
    return _move_by(db, speech_id, +1)
