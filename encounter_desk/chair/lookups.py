"""Lookups every read and every command on a list of speakers share (inside a session).

A list and its speeches, the speech on the floor (and the one a point of order
interrupted), a list's default time for each kind, a delegation's budget and what it has
used of it, each participant's first speech of the sitting, and the sitting and agenda
item a request names (or a :class:`~encounter_desk.chair.errors.SpeakerListError`).

Counting rules (one place, :data:`COUNTED_KINDS`): points of order use no delegation's
budget and do not make a participant's "first speech of the sitting"; the day's totals per
person and per delegation count every speech actually given, points of order included.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from encounter_desk.chair.clock import SpeechTiming
from encounter_desk.chair.errors import SpeakerListError
from encounter_desk.core.i18n import translate
from encounter_desk.storage.models import (
    AgendaItem,
    Sitting,
    SpeakerList,
    SpeakingBudget,
    Speech,
    SpeechKind,
    SpeechState,
)

COUNTED_KINDS = frozenset(
    {SpeechKind.STATEMENT.value, SpeechKind.RIGHT_OF_REPLY.value, SpeechKind.QUESTION.value}
)
"""Kinds that use a delegation's budget and count for "first speech of the sitting"."""


ON_FLOOR = (SpeechState.SPEAKING.value, SpeechState.PAUSED.value)


GIVEN = (SpeechState.SPEAKING.value, SpeechState.PAUSED.value, SpeechState.DONE.value)


DEFAULT_REPLY_SECONDS = 90


DEFAULT_QUESTION_SECONDS = 60


DEFAULT_POINT_OF_ORDER_SECONDS = 60


# --- the list and its speeches ----------------------------------------------------------


def find_list(session: Session, sitting_id: int, agenda_item_id: int | None) -> SpeakerList | None:
    query = select(SpeakerList).where(SpeakerList.sitting_id == sitting_id)
    if agenda_item_id is None:
        query = query.where(SpeakerList.agenda_item_id.is_(None))
    else:
        query = query.where(SpeakerList.agenda_item_id == agenda_item_id)
    return session.scalars(query.order_by(SpeakerList.id)).first()


def _on_list(query, sitting_id: int, agenda_item_id: int | None):  # noqa: ANN001, ANN202
    query = query.where(Speech.sitting_id == sitting_id)
    if agenda_item_id is None:
        return query.where(Speech.agenda_item_id.is_(None))
    return query.where(Speech.agenda_item_id == agenda_item_id)


def list_speeches(
    session: Session, sitting_id: int, agenda_item_id: int | None, states: Iterable[str]
) -> list[Speech]:
    query = _on_list(select(Speech), sitting_id, agenda_item_id).where(
        Speech.state.in_(list(states))
    )
    return list(session.scalars(query.order_by(Speech.position, Speech.id)))


def waiting_speeches(session: Session, sitting_id: int, agenda_item_id: int | None) -> list[Speech]:
    return list_speeches(session, sitting_id, agenda_item_id, [SpeechState.WAITING.value])


def on_floor(session: Session, sitting_id: int) -> tuple[Speech | None, Speech | None]:
    """(the current speech, the speech a point of order interrupted) of a sitting.

    The current speech is the one speaking; when nobody speaks, the paused one (a point of
    order paused by the chair comes before the speech it interrupted).
    """
    rows = list(
        session.scalars(
            select(Speech)
            .where(Speech.sitting_id == sitting_id, Speech.state.in_(ON_FLOOR))
            .order_by(Speech.started_at, Speech.id)
        )
    )
    if not rows:
        return None, None
    by_id = {s.id: s for s in rows}
    interrupted_ids = {s.interrupts_id for s in rows if s.interrupts_id in by_id}
    candidates = [s for s in rows if s.id not in interrupted_ids] or rows
    speaking = [s for s in candidates if s.state == SpeechState.SPEAKING]
    current = (speaking or candidates)[-1]
    interrupted = by_id.get(current.interrupts_id) if current.interrupts_id else None
    return current, interrupted


def list_limits(sitting: Sitting, lst: SpeakerList | None) -> dict[SpeechKind, int | None]:
    """Default seconds per kind for a list (0 anywhere means no limit: None)."""
    statement = sitting.default_speaking_seconds
    if lst is not None and lst.statement_seconds is not None:
        statement = lst.statement_seconds
    reply = lst.reply_seconds if lst is not None else DEFAULT_REPLY_SECONDS
    question = lst.question_seconds if lst is not None else DEFAULT_QUESTION_SECONDS
    order = lst.point_of_order_seconds if lst is not None else DEFAULT_POINT_OF_ORDER_SECONDS
    values = {
        SpeechKind.STATEMENT: statement,
        SpeechKind.RIGHT_OF_REPLY: reply,
        SpeechKind.QUESTION: question,
        SpeechKind.POINT_OF_ORDER: order,
    }
    return {kind: (seconds or None) for kind, seconds in values.items()}


# --- time and budgets ------------------------------------------------------------------


def elapsed_of(speech: Speech, now: dt.datetime) -> float:
    return SpeechTiming.of(speech).elapsed_at(now)


def budget_for(
    session: Session, sitting_id: int, agenda_item_id: int | None, delegation_id: int | None
) -> SpeakingBudget | None:
    if delegation_id is None:
        return None
    query = select(SpeakingBudget).where(
        SpeakingBudget.sitting_id == sitting_id, SpeakingBudget.delegation_id == delegation_id
    )
    if agenda_item_id is None:
        query = query.where(SpeakingBudget.agenda_item_id.is_(None))
    else:
        query = query.where(SpeakingBudget.agenda_item_id == agenda_item_id)
    return session.scalars(query.order_by(SpeakingBudget.id)).first()


def budget_used(
    session: Session,
    sitting_id: int,
    agenda_item_id: int | None,
    delegation_id: int,
    now: dt.datetime,
    *,
    excluding: int | None = None,
) -> float:
    """Seconds a delegation has spoken on a list (budgeted kinds only), as of ``now``."""
    total = 0.0
    for speech in list_speeches(session, sitting_id, agenda_item_id, GIVEN):
        if speech.delegation_id != delegation_id or speech.kind not in COUNTED_KINDS:
            continue
        if speech.id == excluding:
            continue
        total += elapsed_of(speech, now)
    return total


def first_speeches(session: Session, sitting_id: int) -> tuple[set[int], set[int]]:
    """(ids of each participant's first counted speech of the sitting, who has spoken)."""
    rows = session.execute(
        select(Speech.id, Speech.participant_id)
        .where(
            Speech.sitting_id == sitting_id,
            Speech.state.in_(GIVEN),
            Speech.kind.in_(sorted(COUNTED_KINDS)),
            Speech.started_at.is_not(None),
        )
        .order_by(Speech.started_at, Speech.id)
    ).all()
    first: dict[int, int] = {}
    for speech_id, participant_id in rows:
        first.setdefault(participant_id, speech_id)
    return set(first.values()), set(first)


# --- the sitting and agenda item a request names --------------------------------------


def require_sitting(session: Session, sitting_id: int) -> Sitting:
    sitting = session.get(Sitting, sitting_id)
    if sitting is None:
        raise SpeakerListError(
            translate("Speakers", "This session no longer exists."), code="speakers.sitting_gone"
        )
    return sitting


def require_item(
    session: Session, sitting: Sitting, agenda_item_id: int | None
) -> AgendaItem | None:
    if agenda_item_id is None:
        return None
    item = session.get(AgendaItem, agenda_item_id)
    if item is None or item.sitting_id != sitting.id:
        raise SpeakerListError(
            translate("Speakers", "This agenda item is not part of the session."),
            code="speakers.item_not_in_sitting",
        )
    return item


def require_list_sitting(session: Session, sitting_id: int, agenda_item_id: int | None) -> Sitting:
    """The sitting a list belongs to, its agenda item checked to be part of it (or refused)."""
    sitting = require_sitting(session, sitting_id)
    require_item(session, sitting, agenda_item_id)
    return sitting
