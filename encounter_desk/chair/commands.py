"""Lists of speakers: who asks for the floor, who speaks next, for how long, and the record.

A list belongs to a sitting and one of its agenda items (``agenda_item_id`` None: the
sitting's list outside any item). Each operation is one short ``db.write()`` transaction
through the ORM (so the audit trail records every step) and returns plain dataclasses from
:mod:`encounter_desk.chair.queries`. Invalid operations raise
:class:`~encounter_desk.chair.errors.SpeakerListError` (a translated sentence and a code)
and write nothing. Every operation that marks a moment takes ``at``
(default: the database's wall clock), so a held sitting can be replayed with its real times.

Rules
-----
* **Order.** A new request is placed by :mod:`encounter_desk.chair.rules`: points of
  order ahead of everyone waiting, in the order asked; a right of reply or a question right
  after the speech it answers; statements at the end. The chair may then move anyone.
* **A closed list** refuses new statements; it still accepts points of order, rights of
  reply and questions (they arise from the debate itself, which a closed list does not end).
* **The floor.** One speech of a sitting speaks at a time. :func:`start_next` gives the
  floor to the first waiting speech of the list: a statement, reply or question ends the
  current speech first; a **point of order pauses** the current speech instead (recorded as
  a pause) and, when the point of order ends (:func:`end_current`, or :func:`start_next`
  with no other point of order waiting), the interrupted speaker **resumes**. A point of
  order waiting behind another is heard before the interrupted speaker gets the floor back.
* **Time.** A speech's limit is fixed when it starts: the chair's own time for that speaker
  if set (:func:`set_time_limit`, :func:`adjust_time` on a waiting speech), otherwise the
  list's default for its kind (statement: the list's or the sitting's
  ``default_speaking_seconds``; replies, questions and points of order their own, shorter
  times; 0 means no limit, a stopwatch). When the speaker's delegation has a budget on the
  list (:func:`set_budget`), a statement, reply or question gets at most what is left of it
  (unless the chair set that speaker's own time); points of order never use a budget.
  The chair can add or remove time while it runs (:func:`adjust_time`, :func:`add_time`).
* **The record.** A speech keeps its real start, its pauses (count, seconds, the pause
  still running), its end, the language spoken and the secretary's summary line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy.orm import Session

from encounter_desk.chair import rules as speaker_queue
from encounter_desk.chair.errors import SpeakerListError
from encounter_desk.chair.queries import (
    COUNTED_KINDS,
    BudgetRow,
    CurrentSpeech,
    ListSettings,
    ListSnapshot,
    QueueEntry,
    SpeakerTotals,
    SpeakingStats,
    _Builder,
    budget_for,
    budget_used,
    budgets,
    current_speech,
    find_list,
    kind_label,
    list_limits,
    list_settings,
    list_snapshot,
    list_speeches,
    on_floor,
    require_item,
    require_sitting,
    settings_of,
    sitting_speeches,
    speaking_stats,
    waiting_speeches,
)
from encounter_desk.core.i18n import translate
from encounter_desk.event import badge_code
from encounter_desk.event.event import find_event
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import (
    Delegation,
    Participant,
    Sitting,
    SpeakerList,
    SpeakingBudget,
    Speech,
    SpeechKind,
    SpeechState,
)

__all__ = [
    "BudgetRow",
    "CurrentSpeech",
    "ListSettings",
    "ListSnapshot",
    "QueueEntry",
    "SpeakerTotals",
    "SpeakingStats",
    "SpeechKind",
    "SpeechState",
    "add_speaker",
    "add_time",
    "adjust_time",
    "budgets",
    "close_list",
    "current_speech",
    "end_current",
    "kind_label",
    "list_settings",
    "list_snapshot",
    "move_down",
    "move_to",
    "move_up",
    "participant_from_badge",
    "pause_current",
    "readd_last",
    "reopen_list",
    "resume_current",
    "set_budget",
    "set_language",
    "set_list_times",
    "set_summary",
    "set_time_limit",
    "sitting_speeches",
    "speaking_stats",
    "start_next",
    "start_speech",
    "toggle_pause",
    "withdraw",
]

_UNSET = object()
MAX_SECONDS = 24 * 3600


def _now(db: Database, at: dt.datetime | None) -> dt.datetime:
    if at is None:
        return db.clock()
    if at.tzinfo is None:
        raise SpeakerListError(
            translate("Speakers", "A moment without a time zone cannot be recorded."),
            code="speakers.naive_moment",
        )
    return at


def _kind(kind: str | SpeechKind) -> SpeechKind:
    try:
        return SpeechKind(kind)
    except ValueError:
        raise SpeakerListError(
            translate("Speakers", "{kind} is not a kind of intervention.").format(kind=kind),
            code="speakers.kind",
        ) from None


def _seconds(seconds: int | None, *, allow_none: bool = True) -> int | None:
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


def _require_speech(session: Session, speech_id: int) -> Speech:
    speech = session.get(Speech, speech_id)
    if speech is None:
        raise SpeakerListError(
            translate("Speakers", "This speech is no longer on the list; the list was refreshed."),
            code="speakers.speech_gone",
        )
    return speech


def _require_waiting(speech: Speech) -> None:
    if speech.state != SpeechState.WAITING:
        raise SpeakerListError(
            translate("Speakers", "Only a speaker who is still waiting can be changed this way."),
            code="speakers.not_waiting",
        )


def _entry(session: Session, speech: Speech) -> QueueEntry:
    session.flush()
    return _Builder(session, require_sitting(session, speech.sitting_id)).entry(speech)


def _current(session: Session, sitting: Sitting, now: dt.datetime) -> CurrentSpeech | None:
    session.flush()
    return _Builder(session, sitting).current(now)


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


def _list_row(session: Session, sitting: Sitting, agenda_item_id: int | None) -> SpeakerList:
    row = find_list(session, sitting.id, agenda_item_id)
    if row is None:
        row = SpeakerList(sitting_id=sitting.id, agenda_item_id=agenda_item_id)
        session.add(row)
        session.flush()
    return row


# --- asking for the floor ----------------------------------------------------------------


def participant_from_badge(db: Database, raw: str) -> int:
    """The participant whose badge was scanned (or typed) at the chair's table.

    Refuses, with a sentence for the chair, a code that is damaged, of another event,
    forged, or of a badge since replaced.
    """
    parsed = badge_code.parse_code(raw)
    with db.read() as session:
        event = find_event(session)
        if event is None:
            raise SpeakerListError(
                translate("Speakers", "This file holds no event yet."), code="speakers.no_event"
            )
        status = badge_code.verify(parsed, secret_hex=event.secret, event_code=event.code)
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
        if parsed.serial != person.badge_serial:
            raise SpeakerListError(
                translate(
                    "Speakers", "This badge was replaced; ask {name} for the new one."
                ).format(name=person.display_name),
                code="speakers.badge_replaced",
            )
        return person.id


def add_speaker(
    db: Database,
    sitting_id: int,
    agenda_item_id: int | None,
    participant_id: int,
    *,
    kind: str | SpeechKind = SpeechKind.STATEMENT,
    replies_to_id: int | None = None,
    limit_seconds: int | None | object = _UNSET,
    language: str | None = None,
    at: dt.datetime | None = None,
) -> QueueEntry:
    """Put a participant on a list (the caller found them by name, delegation or badge).

    A right of reply or a question answers ``replies_to_id``; without it, the speech on the
    floor of this list, or else the last one given. ``limit_seconds`` sets this speaker's
    own time (None: no limit); left out, the list's default for the kind applies.
    ``language`` defaults to the participant's working language.
    """
    kind = _kind(kind)
    now = _now(db, at)
    if limit_seconds is not _UNSET:
        _seconds(limit_seconds)  # type: ignore[arg-type]
    with db.write() as session:
        sitting = require_sitting(session, sitting_id)
        require_item(session, sitting, agenda_item_id)
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
        waiting = waiting_speeches(session, sitting_id, agenda_item_id)
        if kind == SpeechKind.STATEMENT and any(
            s.participant_id == participant_id and s.kind == SpeechKind.STATEMENT for s in waiting
        ):
            raise SpeakerListError(
                translate("Speakers", "{name} is already waiting to speak on this list.").format(
                    name=person.display_name
                ),
                code="speakers.already_waiting",
            )
        target = None
        if kind in (SpeechKind.RIGHT_OF_REPLY, SpeechKind.QUESTION):
            target = _answered(session, sitting, agenda_item_id, replies_to_id, kind)
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
            summary="",
            custom_limit=limit_seconds is not _UNSET,
            limit_seconds=None if limit_seconds is _UNSET else limit_seconds,  # type: ignore[arg-type]
            position=0.0,
        )
        index = speaker_queue.insertion_index(
            _waiting_slots(waiting), kind, target.id if target is not None else None
        )
        _place(waiting, speech, index)
        session.add(speech)
        return _entry(session, speech)


def _answered(
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
    now = _now(db, at)
    with db.write() as session:
        speech = _require_speech(session, speech_id)
        _require_waiting(speech)
        speech.state = SpeechState.WITHDRAWN.value
        speech.withdrawn_at = now
        return _entry(session, speech)


def readd_last(
    db: Database,
    sitting_id: int,
    agenda_item_id: int | None = None,
    *,
    at: dt.datetime | None = None,
) -> QueueEntry:
    """Put the last speaker of the list (who spoke, or was withdrawn) back at its head.

    A new waiting speech of the same kind, behind the points of order already waiting;
    the earlier speech stays in the record as it was. Allowed on a closed list: it undoes
    a slip of the chair rather than taking a new request.
    """
    now = _now(db, at)
    with db.write() as session:
        sitting = require_sitting(session, sitting_id)
        require_item(session, sitting, agenda_item_id)
        past = list_speeches(
            session,
            sitting_id,
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
        waiting = waiting_speeches(session, sitting_id, agenda_item_id)
        if any(s.participant_id == last.participant_id and s.kind == last.kind for s in waiting):
            person = session.get(Participant, last.participant_id)
            raise SpeakerListError(
                translate("Speakers", "{name} is already waiting to speak on this list.").format(
                    name=person.display_name if person else ""
                ),
                code="speakers.already_waiting",
            )
        speech = Speech(
            sitting_id=sitting_id,
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
            summary="",
            custom_limit=last.custom_limit,
            limit_seconds=last.limit_seconds if last.custom_limit else None,
            position=0.0,
        )
        _place(waiting, speech, speaker_queue.head_index(_waiting_slots(waiting)))
        session.add(speech)
        return _entry(session, speech)


# --- the order of the list ---------------------------------------------------------------


def move_to(db: Database, speech_id: int, index: int) -> list[QueueEntry]:
    """Move a waiting speaker to ``index`` among the waiting (0: next). Returns the new order."""
    with db.write() as session:
        speech = _require_speech(session, speech_id)
        _require_waiting(speech)
        waiting = waiting_speeches(session, speech.sitting_id, speech.agenda_item_id)
        _place(waiting, speech, index)
        session.flush()
        ordered = waiting_speeches(session, speech.sitting_id, speech.agenda_item_id)
        return _Builder(session, require_sitting(session, speech.sitting_id)).entries(ordered)


def _move_by(db: Database, speech_id: int, step: int) -> list[QueueEntry]:
    with db.read() as session:
        speech = _require_speech(session, speech_id)
        _require_waiting(speech)
        ids = [s.id for s in waiting_speeches(session, speech.sitting_id, speech.agenda_item_id)]
    return move_to(db, speech_id, max(0, ids.index(speech_id) + step))


def move_up(db: Database, speech_id: int) -> list[QueueEntry]:
    return _move_by(db, speech_id, -1)


def move_down(db: Database, speech_id: int) -> list[QueueEntry]:
    return _move_by(db, speech_id, +1)


# --- the list's settings -----------------------------------------------------------------


def close_list(
    db: Database,
    sitting_id: int,
    agenda_item_id: int | None = None,
    *,
    at: dt.datetime | None = None,
) -> ListSettings:
    """Close the list to new statements (points of order, replies, questions still come)."""
    now = _now(db, at)
    with db.write() as session:
        sitting = require_sitting(session, sitting_id)
        require_item(session, sitting, agenda_item_id)
        row = _list_row(session, sitting, agenda_item_id)
        if not row.closed:
            row.closed = True
            row.closed_at = now
        session.flush()
        return settings_of(session, sitting, agenda_item_id)


def reopen_list(db: Database, sitting_id: int, agenda_item_id: int | None = None) -> ListSettings:
    with db.write() as session:
        sitting = require_sitting(session, sitting_id)
        require_item(session, sitting, agenda_item_id)
        row = _list_row(session, sitting, agenda_item_id)
        if row.closed:
            row.closed = False
            row.closed_at = None
        session.flush()
        return settings_of(session, sitting, agenda_item_id)


def set_list_times(
    db: Database,
    sitting_id: int,
    agenda_item_id: int | None = None,
    *,
    statement: int | None | object = _UNSET,
    reply: int | object = _UNSET,
    question: int | object = _UNSET,
    point_of_order: int | object = _UNSET,
) -> ListSettings:
    """Default seconds of each kind on a list; 0 = no limit; ``statement=None`` = the sitting's."""
    values = {
        "statement_seconds": statement,
        "reply_seconds": reply,
        "question_seconds": question,
        "point_of_order_seconds": point_of_order,
    }
    for name, value in values.items():
        if value is not _UNSET:
            _seconds(value, allow_none=name == "statement_seconds")  # type: ignore[arg-type]
    with db.write() as session:
        sitting = require_sitting(session, sitting_id)
        require_item(session, sitting, agenda_item_id)
        row = _list_row(session, sitting, agenda_item_id)
        for name, value in values.items():
            if value is not _UNSET and getattr(row, name) != value:
                setattr(row, name, value)
        session.flush()
        return settings_of(session, sitting, agenda_item_id)


def set_budget(
    db: Database,
    sitting_id: int,
    agenda_item_id: int | None,
    delegation_id: int,
    seconds: int | None,
    *,
    now: dt.datetime | None = None,
) -> BudgetRow | None:
    """Give a delegation ``seconds`` on a list (None removes its budget)."""
    _seconds(seconds)
    now = _now(db, now)
    with db.write() as session:
        sitting = require_sitting(session, sitting_id)
        require_item(session, sitting, agenda_item_id)
        if session.get(Delegation, delegation_id) is None:
            raise SpeakerListError(
                translate("Speakers", "This delegation no longer exists."),
                code="speakers.delegation_gone",
            )
        budget = budget_for(session, sitting_id, agenda_item_id, delegation_id)
        if seconds is None:
            if budget is not None:
                session.delete(budget)
            return None
        if budget is None:
            budget = SpeakingBudget(
                sitting_id=sitting_id,
                agenda_item_id=agenda_item_id,
                delegation_id=delegation_id,
                seconds=seconds,
            )
            session.add(budget)
        elif budget.seconds != seconds:
            budget.seconds = seconds
        session.flush()
        rows = _Builder(session, sitting).budgets(agenda_item_id, now)
        return next(r for r in rows if r.delegation_id == delegation_id)


# --- one speaker's time, language and summary --------------------------------------------


def set_time_limit(db: Database, speech_id: int, seconds: int | None) -> QueueEntry:
    """This speaker's own time (None: no limit), before or during the speech."""
    _seconds(seconds)
    with db.write() as session:
        speech = _require_speech(session, speech_id)
        if speech.state in (SpeechState.DONE, SpeechState.WITHDRAWN):
            raise SpeakerListError(
                translate("Speakers", "This speech is over; its time can no longer change."),
                code="speakers.speech_over",
            )
        speech.limit_seconds = seconds
        speech.custom_limit = True
        return _entry(session, speech)


def adjust_time(db: Database, speech_id: int, seconds: int) -> QueueEntry:
    """Give (``seconds`` > 0) or take (< 0) time from one speaker, waiting or speaking."""
    if isinstance(seconds, bool) or not isinstance(seconds, int) or abs(seconds) > MAX_SECONDS:
        raise SpeakerListError(
            translate("Speakers", "Give a number of seconds to add or remove."),
            code="speakers.seconds_change",
        )
    with db.write() as session:
        speech = _require_speech(session, speech_id)
        if speech.state in (SpeechState.DONE, SpeechState.WITHDRAWN):
            raise SpeakerListError(
                translate("Speakers", "This speech is over; its time can no longer change."),
                code="speakers.speech_over",
            )
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
        return _entry(session, speech)


def add_time(
    db: Database, sitting_id: int, seconds: int = 30, *, at: dt.datetime | None = None
) -> CurrentSpeech:
    """The chair's "+30 s" (or "−30 s"): change the time of the speech on the floor."""
    now = _now(db, at)
    with db.read() as session:
        current, _ = on_floor(session, sitting_id)
    if current is None:
        raise SpeakerListError(
            translate("Speakers", "Nobody has the floor."), code="speakers.nobody_on_floor"
        )
    adjust_time(db, current.id, seconds)
    found = current_speech(db, sitting_id, now=now)
    assert found is not None
    return found


def set_summary(db: Database, speech_id: int, summary: str) -> QueueEntry:
    """The secretary's summary line for the minutes."""
    with db.write() as session:
        speech = _require_speech(session, speech_id)
        text = " ".join((summary or "").split())
        if speech.summary != text:
            speech.summary = text
        return _entry(session, speech)


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
        speech = _require_speech(session, speech_id)
        if speech.language != code:
            speech.language = code
        return _entry(session, speech)


# --- the floor ---------------------------------------------------------------------------


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


def start_next(
    db: Database,
    sitting_id: int,
    agenda_item_id: int | None = None,
    *,
    at: dt.datetime | None = None,
) -> CurrentSpeech:
    """Give the floor to the next speaker of the list (see the rules in the module text).

    While a point of order interrupts a speaker and no other point of order waits, the
    interrupted speaker gets the floor back instead.
    """
    now = _now(db, at)
    with db.write() as session:
        sitting = require_sitting(session, sitting_id)
        require_item(session, sitting, agenda_item_id)
        waiting = waiting_speeches(session, sitting_id, agenda_item_id)
        target = waiting[0] if waiting else None
        current, interrupted = on_floor(session, sitting_id)
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
        found = _current(session, sitting, now)
        assert found is not None
        return found


def start_speech(db: Database, speech_id: int, *, at: dt.datetime | None = None) -> CurrentSpeech:
    """Give the floor to one waiting speaker out of turn (the chair's choice).

    As :func:`start_next`, except that a speaker interrupted by a point of order is not
    handed the floor back when the chair picks someone else: that speech ends.
    """
    now = _now(db, at)
    with db.write() as session:
        speech = _require_speech(session, speech_id)
        _require_waiting(speech)
        sitting = require_sitting(session, speech.sitting_id)
        _give_floor(session, sitting, speech, now, resume_interrupted=False)
        found = _current(session, sitting, now)
        assert found is not None
        return found


def pause_current(db: Database, sitting_id: int, *, at: dt.datetime | None = None) -> CurrentSpeech:
    """Stop the clock of the speaker on the floor."""
    now = _now(db, at)
    with db.write() as session:
        sitting = require_sitting(session, sitting_id)
        current, _ = on_floor(session, sitting_id)
        if current is None:
            raise SpeakerListError(
                translate("Speakers", "Nobody has the floor."), code="speakers.nobody_on_floor"
            )
        if current.state != SpeechState.SPEAKING:
            raise SpeakerListError(
                translate("Speakers", "The clock is already paused."),
                code="speakers.already_paused",
            )
        _pause(current, now)
        found = _current(session, sitting, now)
        assert found is not None
        return found


def resume_current(
    db: Database, sitting_id: int, *, at: dt.datetime | None = None
) -> CurrentSpeech:
    """Start the paused clock of the speaker on the floor again."""
    now = _now(db, at)
    with db.write() as session:
        sitting = require_sitting(session, sitting_id)
        current, _ = on_floor(session, sitting_id)
        if current is None:
            raise SpeakerListError(
                translate("Speakers", "Nobody has the floor."), code="speakers.nobody_on_floor"
            )
        if current.state != SpeechState.PAUSED:
            raise SpeakerListError(
                translate("Speakers", "The clock is already running."),
                code="speakers.already_running",
            )
        _resume(current, now)
        found = _current(session, sitting, now)
        assert found is not None
        return found


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
    now = _now(db, at)
    with db.write() as session:
        sitting = require_sitting(session, sitting_id)
        current, interrupted = on_floor(session, sitting_id)
        if current is None:
            raise SpeakerListError(
                translate("Speakers", "Nobody has the floor."), code="speakers.nobody_on_floor"
            )
        _end(current, now)
        if interrupted is not None:
            _resume(interrupted, now)
        return _current(session, sitting, now)
