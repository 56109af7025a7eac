"""One speech's own time, the language spoken and the secretary's summary line.

The chair may give a speaker a time of their own before or during the speech
(:func:`set_time_limit`), or add and remove seconds (:func:`adjust_time`); it then
overrides the list's default and the delegation's budget. The language and the summary
go to the minutes.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from encounter_desk.chair.checks import MAX_SECONDS, checked_seconds, require_speech
from encounter_desk.chair.entries import QueueEntry, entry_of
from encounter_desk.chair.errors import SpeakerListError
from encounter_desk.chair.lookups import find_list, list_limits, require_sitting
from encounter_desk.core.i18n import translate
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import Speech, SpeechKind, SpeechState


def _not_over(session: Session, speech_id: int) -> Speech:
    """The speech, still waiting or on the floor: the time of a speech over never changes."""
    speech = require_speech(session, speech_id)
    if speech.state in (SpeechState.DONE, SpeechState.WITHDRAWN):
        raise SpeakerListError(
            translate("Speakers", "This speech is over; its time can no longer change."),
            code="speakers.speech_over",
        )
    return speech


def set_time_limit(db: Database, speech_id: int, seconds: int | None) -> QueueEntry:
    """This speaker's own time (None: no limit), before or during the speech."""
    checked_seconds(seconds)
    with db.write() as session:
        speech = _not_over(session, speech_id)
        speech.limit_seconds = seconds
        speech.custom_limit = True
        return entry_of(session, speech)


def adjust_time(db: Database, speech_id: int, seconds: int) -> QueueEntry:
    """Give (``seconds`` > 0) or take (< 0) time from one speaker, waiting or speaking."""
    if isinstance(seconds, bool) or not isinstance(seconds, int) or abs(seconds) > MAX_SECONDS:
        raise SpeakerListError(
            translate("Speakers", "Give a number of seconds to add or remove."),
            code="speakers.seconds_change",
        )
    with db.write() as session:
        speech = _not_over(session, speech_id)
        limit = speech.limit_seconds
        if speech.state == SpeechState.WAITING and not speech.custom_limit:
            sitting = require_sitting(session, speech.sitting_id)
            lst = find_list(session, speech.sitting_id, speech.agenda_item_id)
            limit = list_limits(sitting, lst)[SpeechKind(speech.kind)]
        if limit is None:
            raise SpeakerListError(
                translate(
                    "Speakers",
                    "This speaker has no time limit (stopwatch): set a speaking time first.",
                ),
                code="speakers.stopwatch",
            )
        speech.limit_seconds = max(0, limit + seconds)
        speech.custom_limit = True
        return entry_of(session, speech)


def set_summary(db: Database, speech_id: int, summary: str) -> QueueEntry:
    """The secretary's summary line for the minutes, in the language spoken (its original;
    the translations are entered in Records, see :mod:`encounter_desk.records.translations`)."""
    with db.write() as session:
        speech = require_speech(session, speech_id)
        text = " ".join((summary or "").split())
        kept = speech.summary
        if kept.original_text != text:
            kept.with_text(kept.language, text).write(speech, "summary")
        return entry_of(session, speech)


def set_language(db: Database, speech_id: int, language: str) -> QueueEntry:
    """The language spoken ("es", "en", "fr"…), for interpretation and the minutes."""
    code = (language or "").strip().lower()
    if len(code) > 5 or not all(ch.isalpha() or ch == "-" for ch in code):
        raise SpeakerListError(
            translate("Speakers", "{code} is not a language code such as es, en or fr.").format(
                code=language
            ),
            code="speakers.language",
        )
    with db.write() as session:
        speech = require_speech(session, speech_id)
        if speech.language != code:
            # the summary given so far was in the language now set
            speech.summary.with_language(code or "es").write(speech, "summary")
            speech.language = code
        return entry_of(session, speech)
