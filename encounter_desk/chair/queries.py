"""What the chair's window, the projector and the minutes read about lists of speakers.

Each function is one short read transaction returning the plain dataclasses of
:mod:`encounter_desk.chair.entries`: a whole list (:func:`list_snapshot`), the speech on
the floor (:func:`current_speech`), a list's settings and budgets, and every speech of a
sitting for the minutes. The day's totals are in :mod:`encounter_desk.chair.statistics`;
the commands that change a list are gathered in :mod:`encounter_desk.chair.commands`.
The chair's screens import the dataclasses, :func:`kind_label` and the day's totals from
here too.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from encounter_desk.chair.entries import (
    BudgetRow,
    CurrentSpeech,
    EntryBuilder,
    ListSettings,
    ListSnapshot,
    QueueEntry,
    settings_of,
)
from encounter_desk.chair.entries import kind_label as kind_label
from encounter_desk.chair.lookups import (
    GIVEN,
    list_speeches,
    require_item,
    require_list_sitting,
    require_sitting,
    waiting_speeches,
)
from encounter_desk.chair.statistics import SpeakerTotals as SpeakerTotals
from encounter_desk.chair.statistics import SpeakingStats as SpeakingStats
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import Speech, SpeechState


def list_snapshot(
    db: Database,
    sitting_id: int,
    agenda_item_id: int | None = None,
    *,
    now: dt.datetime | None = None,
) -> ListSnapshot:
    """Everything the chair's window and the projector show about one list, at ``now``."""
    now = now or db.clock()
    with db.read() as session:
        sitting = require_sitting(session, sitting_id)
        item = require_item(session, sitting, agenda_item_id)
        build = EntryBuilder(session, sitting)
        given = list_speeches(session, sitting_id, agenda_item_id, [SpeechState.DONE.value])
        given.sort(key=lambda s: (s.started_at or s.requested_at, s.id))
        withdrawn = list_speeches(
            session, sitting_id, agenda_item_id, [SpeechState.WITHDRAWN.value]
        )
        return ListSnapshot(
            sitting_id=sitting.id,
            sitting_number=sitting.number,
            sitting_title_es=sitting.title_es,
            sitting_title_en=sitting.title_en,
            agenda_item_id=agenda_item_id,
            agenda_item_number=item.number if item else None,
            agenda_title_es=item.title_es if item else "",
            agenda_title_en=item.title_en if item else "",
            settings=settings_of(session, sitting, agenda_item_id),
            current=build.current(now),
            waiting=build.entries(waiting_speeches(session, sitting_id, agenda_item_id)),
            done=build.entries(given),
            withdrawn=build.entries(withdrawn),
            budgets=build.budgets(agenda_item_id, now),
            as_of=now,
        )


def current_speech(
    db: Database, sitting_id: int, *, now: dt.datetime | None = None
) -> CurrentSpeech | None:
    """The sitting's speech on the floor, its elapsed time computed from the stored moments.

    This is how a reopened window resumes a speech after the app closed or crashed.
    """
    now = now or db.clock()
    with db.read() as session:
        sitting = require_sitting(session, sitting_id)
        return EntryBuilder(session, sitting).current(now)


def list_settings(db: Database, sitting_id: int, agenda_item_id: int | None = None) -> ListSettings:
    with db.read() as session:
        sitting = require_list_sitting(session, sitting_id, agenda_item_id)
        return settings_of(session, sitting, agenda_item_id)


def budgets(
    db: Database,
    sitting_id: int,
    agenda_item_id: int | None = None,
    *,
    now: dt.datetime | None = None,
) -> list[BudgetRow]:
    """The delegations' budgets on a list with what each has left, as of ``now``."""
    now = now or db.clock()
    with db.read() as session:
        sitting = require_list_sitting(session, sitting_id, agenda_item_id)
        return EntryBuilder(session, sitting).budgets(agenda_item_id, now)


def sitting_speeches(db: Database, sitting_id: int) -> list[QueueEntry]:
    """Every speech given in a sitting (all its lists), in the order given: for the minutes."""
    with db.read() as session:
        sitting = require_sitting(session, sitting_id)
        rows = list(
            session.scalars(
                select(Speech)
                .where(Speech.sitting_id == sitting_id, Speech.state.in_(GIVEN))
                .order_by(Speech.started_at, Speech.id)
            )
        )
        return EntryBuilder(session, sitting).entries(rows)
