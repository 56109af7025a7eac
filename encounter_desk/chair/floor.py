"""The floor: who speaks now, the pauses, the end of a speech, points of order, extra time.

* One speech of a sitting speaks at a time. :func:`start_next` gives the floor to the
  first waiting speech of the list: a statement, reply or question ends the current
  speech first; a **point of order pauses** the current speech instead (recorded as a
  pause) and, when the point of order ends (:func:`end_current`, or :func:`start_next`
  with no other point of order waiting), the interrupted speaker **resumes**. A point of
  order waiting behind another is heard before the interrupted speaker gets the floor back.
* A speech's limit is fixed when it starts: the chair's own time for that speaker if set
  (:mod:`encounter_desk.chair.speech_details`), otherwise the list's default for its kind;
  when the speaker's delegation has a budget on the list, a statement, reply or question
  gets at most what is left of it. Points of order never use a budget. :func:`add_time`
  is the chair's "+30 s" while the speech runs.
* The record keeps the real start, the pauses (count, seconds, the pause still running)
  and the end.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from encounter_desk.chair.checks import list_command, moment, require_speech, require_waiting
from encounter_desk.chair.entries import CurrentSpeech, current_of
from encounter_desk.chair.errors import SpeakerListError
from encounter_desk.chair.lookups import (
    COUNTED_KINDS,
    budget_for,
    budget_used,
    find_list,
    list_limits,
    on_floor,
    require_sitting,
    waiting_speeches,
)
from encounter_desk.chair.queries import current_speech
from encounter_desk.chair.speech_details import adjust_time
from encounter_desk.core.i18n import translate
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import Sitting, Speech, SpeechKind, SpeechState


def _start(session: Session, speech: Speech, now: dt.datetime, interrupts: Speech | None) -> None:
    if not speech.custom_limit:
        sitting = require_sitting(session, speech.sitting_id)
        lst = find_list(session, speech.sitting_id, speech.agenda_item_id)
        limit = list_limits(sitting, lst)[SpeechKind(speech.kind)]
        if speech.kind in COUNTED_KINDS:
            budget = budget_for(
                session, speech.sitting_id, speech.agenda_item_id, speech.delegation_id
            )
            if budget is not None:
                left = budget.seconds - budget_used(
                    session,
                    speech.sitting_id,
                    speech.agenda_item_id,
                    budget.delegation_id,
                    now,
                    excluding=speech.id,
                )
                left = max(0, int(left))
                limit = left if limit is None else min(limit, left)
        speech.limit_seconds = limit
    speech.state = SpeechState.SPEAKING.value
    speech.started_at = now
    speech.interrupts_id = interrupts.id if interrupts is not None else None


def _pause(speech: Speech, now: dt.datetime) -> None:
    if speech.state != SpeechState.SPEAKING:
        return
    speech.state = SpeechState.PAUSED.value
    speech.paused_at = max(now, speech.started_at) if speech.started_at else now
    speech.pause_count = (speech.pause_count or 0) + 1


def _resume(speech: Speech, now: dt.datetime) -> None:
    if speech.state != SpeechState.PAUSED:
        return
    if speech.paused_at is not None:
        speech.paused_seconds = (speech.paused_seconds or 0.0) + max(
            0.0, (now - speech.paused_at).total_seconds()
        )
    speech.paused_at = None
    speech.state = SpeechState.SPEAKING.value


def _end(speech: Speech, now: dt.datetime) -> None:
    _resume(speech, now)  # a pause running at the end is folded into paused_seconds
    speech.state = SpeechState.DONE.value
    speech.ended_at = max(now, speech.started_at) if speech.started_at else now


def _give_floor(
    session: Session,
    sitting: Sitting,
    target: Speech | None,
    now: dt.datetime,
    *,
    resume_interrupted: bool,
) -> None:
    """Hand the floor to ``target`` (or back to an interrupted speaker), by the rules above."""
    current, interrupted = on_floor(session, sitting.id)
    poo = target is not None and target.kind == SpeechKind.POINT_OF_ORDER
    if current is not None and current.kind == SpeechKind.POINT_OF_ORDER:
        _end(current, now)
        if poo:
            assert target is not None
            _start(session, target, now, interrupts=interrupted)
            return
        if interrupted is not None:
            if resume_interrupted or target is None:
                _resume(interrupted, now)
                return
            _end(interrupted, now)
        if target is not None:
            _start(session, target, now, interrupts=None)
        return
    if current is not None:
        if poo:
            _pause(current, now)
            _start(session, target, now, interrupts=current)  # type: ignore[arg-type]
            return
        _end(current, now)
    if target is not None:
        _start(session, target, now, interrupts=None)


def floor_speech(session: Session, sitting_id: int) -> tuple[Speech, Speech | None]:
    """:func:`~encounter_desk.chair.lookups.on_floor`, refused when nobody has the floor."""
    current, interrupted = on_floor(session, sitting_id)
    if current is None:
        raise SpeakerListError(
            translate("Speakers", "Nobody has the floor."), code="speakers.nobody_on_floor"
        )
    return current, interrupted


def _speaking_now(session: Session, sitting: Sitting, now: dt.datetime) -> CurrentSpeech:
    """Who has the floor after a command that gave it to someone."""
    found = current_of(session, sitting, now)
    assert found is not None
    return found


@list_command
def start_next(
    session: Session, sitting: Sitting, agenda_item_id: int | None, now: dt.datetime
) -> CurrentSpeech:
    """Give the floor to the next speaker of the list (see the rules in the module text).

    While a point of order interrupts a speaker and no other point of order waits, the
    interrupted speaker gets the floor back instead.
    """
    waiting = waiting_speeches(session, sitting.id, agenda_item_id)
    target = waiting[0] if waiting else None
    current, interrupted = on_floor(session, sitting.id)
    hands_back = (
        current is not None
        and current.kind == SpeechKind.POINT_OF_ORDER
        and interrupted is not None
    )
    if target is None and not hands_back:
        raise SpeakerListError(
            translate("Speakers", "Nobody is waiting to speak on this list."),
            code="speakers.nobody_waiting",
        )
    _give_floor(session, sitting, target, now, resume_interrupted=True)
    return _speaking_now(session, sitting, now)


def start_speech(db: Database, speech_id: int, *, at: dt.datetime | None = None) -> CurrentSpeech:
    """Give the floor to one waiting speaker out of turn (the chair's choice).

    As :func:`start_next`, except that a speaker interrupted by a point of order is not
    handed the floor back when the chair picks someone else: that speech ends.
    """
    now = moment(db, at)
    with db.write() as session:
        speech = require_speech(session, speech_id)
        require_waiting(speech)
        sitting = require_sitting(session, speech.sitting_id)
        _give_floor(session, sitting, speech, now, resume_interrupted=False)
        return _speaking_now(session, sitting, now)


def pause_current(db: Database, sitting_id: int, *, at: dt.datetime | None = None) -> CurrentSpeech:
    """Stop the clock of the speaker on the floor."""
    return _set_clock(db, sitting_id, at, running=False)


def resume_current(
    db: Database, sitting_id: int, *, at: dt.datetime | None = None
) -> CurrentSpeech:
    """Start the paused clock of the speaker on the floor again."""
    return _set_clock(db, sitting_id, at, running=True)


def _set_clock(db: Database, sitting_id: int, at: dt.datetime | None, *, running: bool):  # noqa: ANN202
    """Resume (``running``) or pause the clock of the speaker on the floor, or refuse."""
    now = moment(db, at)
    with db.write() as session:
        sitting = require_sitting(session, sitting_id)
        current, _ = floor_speech(session, sitting_id)
        if running and current.state != SpeechState.PAUSED:
            raise SpeakerListError(
                translate("Speakers", "The clock is already running."),
                code="speakers.already_running",
            )
        if not running and current.state != SpeechState.SPEAKING:
            raise SpeakerListError(
                translate("Speakers", "The clock is already paused."),
                code="speakers.already_paused",
            )
        (_resume if running else _pause)(current, now)
        return _speaking_now(session, sitting, now)


def toggle_pause(db: Database, sitting_id: int, *, at: dt.datetime | None = None) -> CurrentSpeech:
    """Pause or resume, whichever applies (one key for the chair)."""
    with db.read() as session:
        current, _ = on_floor(session, sitting_id)
    if current is not None and current.state == SpeechState.PAUSED:
        return resume_current(db, sitting_id, at=at)
    return pause_current(db, sitting_id, at=at)


def end_current(
    db: Database, sitting_id: int, *, at: dt.datetime | None = None
) -> CurrentSpeech | None:
    """End the speech on the floor. Returns who has the floor now: the speaker a point of
    order interrupted (their clock running again), or None."""
    now = moment(db, at)
    with db.write() as session:
        sitting = require_sitting(session, sitting_id)
        current, interrupted = floor_speech(session, sitting_id)
        _end(current, now)
        if interrupted is not None:
            _resume(interrupted, now)
        return current_of(session, sitting, now)


def add_time(
    db: Database, sitting_id: int, seconds: int = 30, *, at: dt.datetime | None = None
) -> CurrentSpeech:
    """The chair's "+30 s" (or "−30 s"): change the time of the speech on the floor."""
    now = moment(db, at)
    with db.read() as session:
        current, _ = floor_speech(session, sitting_id)
    adjust_time(db, current.id, seconds)
    found = current_speech(db, sitting_id, now=now)
    assert found is not None
    return found
