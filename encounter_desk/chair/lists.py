"""A list's own settings: closed or open, the default time of each kind, delegations' budgets.

A list is created the first time one of its settings is written; until then it is open
and takes the sitting's statement time and the shorter default times of the other kinds
(0 means no limit, a stopwatch). A delegation's budget caps what its statements, replies
and questions get when they start (see :mod:`encounter_desk.chair.floor`).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from encounter_desk.chair.checks import UNSET, checked_seconds, list_command, moment
from encounter_desk.chair.entries import BudgetRow, EntryBuilder, ListSettings, settings_of
from encounter_desk.chair.errors import SpeakerListError
from encounter_desk.chair.lookups import (
    budget_for,
    find_list,
    require_list_sitting,
)
from encounter_desk.core.i18n import translate
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import Delegation, Sitting, SpeakerList, SpeakingBudget


def _list_row(session: Session, sitting: Sitting, agenda_item_id: int | None) -> SpeakerList:
    row = find_list(session, sitting.id, agenda_item_id)
    if row is None:
        row = SpeakerList(sitting_id=sitting.id, agenda_item_id=agenda_item_id)
        session.add(row)
        session.flush()
    return row


@list_command
def close_list(
    session: Session, sitting: Sitting, agenda_item_id: int | None, now: dt.datetime
) -> ListSettings:
    """Close the list to new statements (points of order, replies, questions still come)."""
    row = _list_row(session, sitting, agenda_item_id)
    if not row.closed:
        row.closed = True
        row.closed_at = now
    session.flush()
    return settings_of(session, sitting, agenda_item_id)


def reopen_list(db: Database, sitting_id: int, agenda_item_id: int | None = None) -> ListSettings:
    with db.write() as session:
        sitting = require_list_sitting(session, sitting_id, agenda_item_id)
        row = _list_row(session, sitting, agenda_item_id)
        if row.closed:
            row.closed = False
            row.closed_at = None
        session.flush()
        return settings_of(session, sitting, agenda_item_id)


def set_only_present(
    db: Database, sitting_id: int, agenda_item_id: int | None, only_present: bool,
) -> ListSettings:
    """Whether only participants marked present at the sitting may be put on the list."""
    with db.write() as session:
        sitting = require_list_sitting(session, sitting_id, agenda_item_id)
        row = _list_row(session, sitting, agenda_item_id)
        if row.only_present != bool(only_present):
            row.only_present = bool(only_present)
        session.flush()
        return settings_of(session, sitting, agenda_item_id)


def set_list_times(
    db: Database,
    sitting_id: int,
    agenda_item_id: int | None = None,
    *,
    statement: int | None | object = UNSET,
    reply: int | object = UNSET,
    question: int | object = UNSET,
    point_of_order: int | object = UNSET,
) -> ListSettings:
    """Default seconds of each kind on a list; 0 = no limit; ``statement=None`` = the sitting's."""
    values = {
        "statement_seconds": statement,
        "reply_seconds": reply,
        "question_seconds": question,
        "point_of_order_seconds": point_of_order,
    }
    for name, value in values.items():
        if value is not UNSET:
            checked_seconds(value, allow_none=name == "statement_seconds")  # type: ignore[arg-type]
    with db.write() as session:
        sitting = require_list_sitting(session, sitting_id, agenda_item_id)
        row = _list_row(session, sitting, agenda_item_id)
        for name, value in values.items():
            if value is not UNSET and getattr(row, name) != value:
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
    checked_seconds(seconds)
    now = moment(db, now)
    with db.write() as session:
        sitting = require_list_sitting(session, sitting_id, agenda_item_id)
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
        rows = EntryBuilder(session, sitting).budgets(agenda_item_id, now)
        return next(r for r in rows if r.delegation_id == delegation_id)
