"""Sittings (shown as "Session"/"Sesión") and their agenda items: list, add, change, remove.

One short transaction per change, through the ORM (so the audit trail records it). Bad input
raises a :class:`~encounter_desk.core.errors.Refusal` (a translated sentence and a code such as
``sitting.number_taken``) and writes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from encounter_desk.core import names as text
from encounter_desk.core.errors import Refusal
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, bilingual, translate
from encounter_desk.event import editing
from encounter_desk.event.editing import Editable, row_of
from encounter_desk.event.event import find_event
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import AgendaItem, Participant, Sitting


@dataclass(frozen=True)
class SittingRow:
    id: int
    number: int
    title_es: str
    title_en: str
    date: dt.date
    scheduled_start: dt.time
    scheduled_end: dt.time | None
    room: str
    chair_id: int | None
    chair_name: str
    default_speaking_seconds: int
    warning_seconds: int
    agenda_items: int

    title = bilingual("title")


@dataclass(frozen=True)
class AgendaItemRow:
    id: int
    sitting_id: int
    number: int
    title_es: str
    title_en: str

    title = bilingual("title")


SITTING_FIELDS = frozenset(
    {
        "number",
        "title_es",
        "title_en",
        "date",
        "scheduled_start",
        "scheduled_end",
        "room",
        "chair_id",
        "default_speaking_seconds",
        "warning_seconds",
    }
)
AGENDA_FIELDS = frozenset({"number", "title_es", "title_en"})


def _sitting_row(session: Session, s: Sitting) -> SittingRow:
    chair = session.get(Participant, s.chair_id) if s.chair_id else None
    items = session.scalar(select(func.count(AgendaItem.id)).where(AgendaItem.sitting_id == s.id))
    return row_of(SittingRow, s, chair_name=chair.sort_name if chair else "",
                  agenda_items=items or 0)


def _item_row(session: Session, item: AgendaItem) -> AgendaItemRow:
    return row_of(AgendaItemRow, item)


# --- sittings ----------------------------------------------------------------------------


def get_sitting(
    session: Session, *, sitting_id: int | None = None, number: int | None = None
) -> Sitting:
    """The sitting with this id, or else with this number; refused (``sitting.missing``)
    when the event has none. Every job that is handed a sitting looks it up here."""
    if sitting_id is not None:
        return SITTINGS.get(session, sitting_id)
    if number is None:
        raise TypeError("get_sitting needs a sitting_id or a number")
    sitting = session.scalar(select(Sitting).where(Sitting.number == number))
    if sitting is None:
        raise Refusal(
            translate("Sittings", "There is no session {n}.").format(n=number), "sitting.missing"
        )
    return sitting


def list_sittings(db: Database) -> list[SittingRow]:
    with db.read() as session:
        return [
            _sitting_row(session, s)
            for s in session.scalars(select(Sitting).order_by(Sitting.number))
        ]


def create_sitting(db: Database, **values: Any) -> SittingRow:
    """Add a sitting; by default the next number, on the event's first day at 09:00."""

    def new(session: Session) -> Sitting:
        number = (session.scalar(select(func.max(Sitting.number))) or 0) + 1
        event = find_event(session)
        return Sitting(
            number=number,
            title_es=f"Sesión {number}",
            title_en=f"Session {number}",
            date=event.start_date if event else dt.date.today(),
            scheduled_start=dt.time(9, 0),
            default_speaking_seconds=180,
            warning_seconds=30,
            room="",
        )

    return SITTINGS.create(db, new, values)


def update_sitting(db: Database, sitting_id: int, **changes: Any) -> SittingRow:
    return SITTINGS.update(db, sitting_id, changes)


def delete_sitting(db: Database, sitting_id: int) -> None:
    """Remove a sitting and its agenda; refused once the sitting has a record (speeches…)."""
    SITTINGS.delete(db, sitting_id)


def _apply_sitting(session: Session, sitting: Sitting, name: str, value: Any) -> Any:
    if name in ("title_es", "title_en"):
        return editing.required_text(
            value, translate("Sittings", "A session needs a title in Spanish and in English."),
            "sitting.title",
        )
    if name == "room":
        return text.clean(value)
    if name == "number":
        return editing.unique_number(
            session, Sitting.number, value, sitting.id,
            translate("Sittings", "The session number is a whole number from 1."),
            translate("Sittings", "There is already a session number {n}."),
            "sitting.number",
        )
    if name == "date" and not isinstance(value, dt.date):
        raise Refusal(
            translate("Sittings", "The date of a session is a calendar date."), "sitting.date"
        )
    elif name in ("scheduled_start", "scheduled_end"):
        if not isinstance(value, dt.time) and not (value is None and name == "scheduled_end"):
            raise Refusal(
                translate("Sittings", "Times are hours and minutes, such as 09:30."),
                "sitting.time",
            )
    elif name == "chair_id":
        value = int(value) if value not in (None, "") else None
        if value is not None and session.get(Participant, value) is None:
            raise Refusal(
                translate("Sittings", "The chosen chair is not a participant of the event."),
                "sitting.chair",
            )
    elif name in ("default_speaking_seconds", "warning_seconds"):
        value = editing.whole_number(
            value, translate("Sittings", "Times in seconds are whole numbers from 1."),
            "sitting.seconds",
        )
    return value


def _check_sitting(session: Session, sitting: Sitting) -> None:
    if sitting.scheduled_end is not None and sitting.scheduled_end <= sitting.scheduled_start:
        raise Refusal(
            translate("Sittings", "A session must end after it starts."), "sitting.ends_early"
        )
    if sitting.warning_seconds >= sitting.default_speaking_seconds:
        raise Refusal(
            translate("Sittings", "The warning must come before the speaking time runs out."),
            "sitting.warning",
        )


# --- agenda items ------------------------------------------------------------------------


def list_agenda_items(db: Database, sitting_id: int) -> list[AgendaItemRow]:
    with db.read() as session:
        items = session.scalars(
            select(AgendaItem)
            .where(AgendaItem.sitting_id == sitting_id)
            .order_by(AgendaItem.number)
        )
        return [_item_row(session, i) for i in items]


def create_agenda_item(db: Database, sitting_id: int, **values: Any) -> AgendaItemRow:
    """Add an agenda item at the end of the sitting's agenda."""

    def new(session: Session) -> AgendaItem:
        get_sitting(session, sitting_id=sitting_id)
        number = (
            session.scalar(
                select(func.max(AgendaItem.number)).where(AgendaItem.sitting_id == sitting_id)
            )
            or 0
        ) + 1
        return AgendaItem(
            sitting_id=sitting_id,
            number=number,
            title_es=f"Punto {number}",
            title_en=f"Item {number}",
        )

    return AGENDA_ITEMS.create(db, new, values)


def update_agenda_item(db: Database, item_id: int, **changes: Any) -> AgendaItemRow:
    return AGENDA_ITEMS.update(db, item_id, changes)


def delete_agenda_item(db: Database, item_id: int) -> None:
    AGENDA_ITEMS.delete(db, item_id)


def _apply_item(session: Session, item: AgendaItem, name: str, value: Any) -> Any:
    if name in ("title_es", "title_en"):
        return editing.required_text(
            value,
            translate("Sittings", "An agenda item needs a title in Spanish and in English."),
            "agenda_item.title",
        )
    if name == "number":
        return editing.unique_number(
            session, AgendaItem.number, value, item.id,
            translate("Sittings", "The item number is a whole number from 1."),
            translate("Sittings", "This session already has an agenda item number {n}."),
            "agenda_item.number",
            AgendaItem.sitting_id == item.sitting_id,
        )
    return value


# --- the two kinds of row, for the jobs above -----------------------------------------

SITTINGS = Editable(
    Sitting,
    SITTING_FIELDS,
    "sitting",
    "Sittings",
    unknown_field=QT_TRANSLATE_NOOP("Sittings", "Unknown field: {names}."),
    missing=QT_TRANSLATE_NOOP("Sittings", "This session no longer exists; the list was refreshed."),
    apply=_apply_sitting,
    row=_sitting_row,
    check=_check_sitting,
    in_use=QT_TRANSLATE_NOOP(
        "Sittings",
        "This session cannot be deleted: it already has a record (speeches, "
        "attendance or agreements). Change its details instead.",
    ),
)

AGENDA_ITEMS = Editable(
    AgendaItem,
    AGENDA_FIELDS,
    "agenda_item",
    "Sittings",
    unknown_field=QT_TRANSLATE_NOOP("Sittings", "Unknown field: {names}."),
    missing=QT_TRANSLATE_NOOP(
        "Sittings", "This agenda item no longer exists; the list was refreshed."
    ),
    apply=_apply_item,
    row=_item_row,
    in_use=QT_TRANSLATE_NOOP(
        "Sittings",
        "This agenda item cannot be deleted: speeches or agreements refer to it. "
        "Change its title instead.",
    ),
)
