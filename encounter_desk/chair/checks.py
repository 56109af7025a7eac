"""The checks every command on a list of speakers makes before it writes.

A moment with a time zone (default: the database's clock), a kind of intervention, a
number of seconds, a speech still on the list and still waiting. Each refuses with a
:class:`~encounter_desk.chair.errors.SpeakerListError`.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.orm import Session

from encounter_desk.chair.errors import SpeakerListError
from encounter_desk.chair.lookups import require_list_sitting
from encounter_desk.core.i18n import translate
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import Sitting, Speech, SpeechKind, SpeechState

T = TypeVar("T")

MAX_SECONDS = 24 * 3600
"""The longest time a speaker may be given, or given and taken at once."""

UNSET = object()
"""An argument left out (where None means something: no limit)."""


def moment(db: Database, at: dt.datetime | None) -> dt.datetime:
    if at is None:
        return db.clock()
    if at.tzinfo is None:
        raise SpeakerListError(
            translate("Speakers", "A moment without a time zone cannot be recorded."),
            code="speakers.naive_moment",
        )
    return at


def list_command(
    job: Callable[[Session, Sitting, int | None, dt.datetime], T],
) -> Callable[..., T]:
    """A command on one list of speakers, called as ``job(db, sitting_id, agenda_item_id=None,
    *, at=None)``: it runs ``job(session, sitting, agenda_item_id, now)`` in one write, the
    moment checked (:func:`moment`) and the list's sitting and agenda item looked up (or
    refused) first."""

    @functools.wraps(job)
    def command(
        db: Database, sitting_id: int, agenda_item_id: int | None = None, *,
        at: dt.datetime | None = None,
    ) -> T:
        now = moment(db, at)
        with db.write() as session:
            sitting = require_list_sitting(session, sitting_id, agenda_item_id)
            return job(session, sitting, agenda_item_id, now)

    return command


def speech_kind(kind: str | SpeechKind) -> SpeechKind:
    try:
        return SpeechKind(kind)
    except ValueError:
        raise SpeakerListError(
            translate("Speakers", "{kind} is not a kind of intervention.").format(kind=kind),
            code="speakers.kind",
        ) from None


def checked_seconds(seconds: int | None, *, allow_none: bool = True) -> int | None:
    if seconds is None:
        if allow_none:
            return None
        raise SpeakerListError(
            translate("Speakers", "Give a number of seconds."), code="speakers.seconds_missing"
        )
    if isinstance(seconds, bool) or not isinstance(seconds, int) or not 0 <= seconds <= MAX_SECONDS:
        raise SpeakerListError(
            translate(
                "Speakers", "A speaking time must be a whole number of seconds from 0 to {most}."
            ).format(most=MAX_SECONDS),
            code="speakers.seconds",
        )
    return seconds


def require_speech(session: Session, speech_id: int) -> Speech:
    speech = session.get(Speech, speech_id)
    if speech is None:
        raise SpeakerListError(
            translate("Speakers", "This speech is no longer on the list; the list was refreshed."),
            code="speakers.speech_gone",
        )
    return speech


def require_waiting(speech: Speech) -> None:
    if speech.state != SpeechState.WAITING:
        raise SpeakerListError(
            translate("Speakers", "Only a speaker who is still waiting can be changed this way."),
            code="speakers.not_waiting",
        )
