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
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from encounter_desk.core import names as text
from encounter_desk.core.errors import Refusal
from encounter_desk.core.i18n import translate
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

    def title(self, lang: str) -> str:
        return self.title_es if lang == "es" else self.title_en


@dataclass(frozen=True)
class AgendaItemRow:
    id: int
    sitting_id: int
    number: int
    title_es: str
    title_en: str

    def title(self, lang: str) -> str:
        return self.title_es if lang == "es" else self.title_en


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
    return SittingRow(
        id=s.id,
        number=s.number,
        title_es=s.title_es,
        title_en=s.title_en,
        date=s.date,
        scheduled_start=s.scheduled_start,
        scheduled_end=s.scheduled_end,
        room=s.room,
        chair_id=s.chair_id,
        chair_name=chair.sort_name if chair else "",
        default_speaking_seconds=s.default_speaking_seconds,
        warning_seconds=s.warning_seconds,
        agenda_items=items or 0,
    )


def _item_row(item: AgendaItem) -> AgendaItemRow:
    return AgendaItemRow(
        id=item.id,
        sitting_id=item.sitting_id,
        number=item.number,
        title_es=item.title_es,
        title_en=item.title_en,
    )


# --- sittings ----------------------------------------------------------------------------


def get_sitting(
    session: Session, *, sitting_id: int | None = None, number: int | None = None
) -> Sitting:
    """The sitting with this id, or else with this number; refused (``sitting.missing``)
    when the event has none. Every job that is handed a sitting looks it up here."""
    if sitting_id is not None:
        sitting = session.get(Sitting, sitting_id)
        missing = translate("Sittings", "This session no longer exists; the list was refreshed.")
    elif number is not None:
        sitting = session.scalar(select(Sitting).where(Sitting.number == number))
        missing = translate("Sittings", "There is no session {n}.").format(n=number)
    else:
        raise TypeError("get_sitting needs a sitting_id or a number")
    if sitting is None:
        raise Refusal(missing, "sitting.missing")
    return sitting


def list_sittings(db: Database) -> list[SittingRow]:
    with db.read() as session:
        return [
            _sitting_row(session, s)
            for s in session.scalars(select(Sitting).order_by(Sitting.number))
        ]


def create_sitting(db: Database, **values: Any) -> SittingRow:
    """Add a sitting; by default the next number, on the event's first day at 09:00."""
    _check(values, SITTING_FIELDS, "sitting")
    with db.write() as session:
        number = (session.scalar(select(func.max(Sitting.number))) or 0) + 1
        event = find_event(session)
        sitting = Sitting(
            number=number,
            title_es=f"Sesión {number}",
            title_en=f"Session {number}",
            date=event.start_date if event else dt.date.today(),
            scheduled_start=dt.time(9, 0),
            default_speaking_seconds=180,
            warning_seconds=30,
            room="",
        )
        _apply_sitting(session, sitting, values)
        session.add(sitting)
        session.flush()
        return _sitting_row(session, sitting)


def update_sitting(db: Database, sitting_id: int, **changes: Any) -> SittingRow:
    _check(changes, SITTING_FIELDS, "sitting")
    with db.write() as session:
        sitting = get_sitting(session, sitting_id=sitting_id)
        _apply_sitting(session, sitting, changes)
        session.flush()
        return _sitting_row(session, sitting)


def delete_sitting(db: Database, sitting_id: int) -> None:
    """Remove a sitting and its agenda; refused once the sitting has a record (speeches…)."""
    try:
        with db.write() as session:
            session.delete(get_sitting(session, sitting_id=sitting_id))
    except IntegrityError as exc:
        raise Refusal(
            translate(
                "Sittings",
                "This session cannot be deleted: it already has a record (speeches, "
                "attendance or agreements). Change its details instead.",
            ),
            "sitting.has_record",
        ) from exc


def _apply_sitting(session: Session, sitting: Sitting, values: dict[str, Any]) -> None:
    for name, value in values.items():
        if name in ("title_es", "title_en"):
            value = text.clean(value)
            if not value:
                raise Refusal(
                    translate("Sittings", "A session needs a title in Spanish and in English."),
                    "sitting.title",
                )
        elif name == "room":
            value = text.clean(value)
        elif name == "number":
            value = _positive(
                value,
                translate("Sittings", "The session number is a whole number from 1."),
                "sitting.number",
            )
            with session.no_autoflush:
                clash = session.scalar(
                    select(Sitting.id).where(
                        Sitting.number == value, Sitting.id != (sitting.id or -1)
                    )
                )
            if clash is not None:
                raise Refusal(
                    translate("Sittings", "There is already a session number {n}.").format(n=value),
                    "sitting.number_taken",
                )
        elif name == "date":
            if not isinstance(value, dt.date):
                raise Refusal(
                    translate("Sittings", "The date of a session is a calendar date."),
                    "sitting.date",
                )
        elif name in ("scheduled_start", "scheduled_end"):
            if value is None and name == "scheduled_end":
                pass
            elif not isinstance(value, dt.time):
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
            value = _positive(
                value,
                translate("Sittings", "Times in seconds are whole numbers from 1."),
                "sitting.seconds",
            )
        setattr(sitting, name, value)
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
        return [_item_row(i) for i in items]


def create_agenda_item(db: Database, sitting_id: int, **values: Any) -> AgendaItemRow:
    """Add an agenda item at the end of the sitting's agenda."""
    _check(values, AGENDA_FIELDS, "agenda_item")
    with db.write() as session:
        get_sitting(session, sitting_id=sitting_id)
        number = (
            session.scalar(
                select(func.max(AgendaItem.number)).where(AgendaItem.sitting_id == sitting_id)
            )
            or 0
        ) + 1
        item = AgendaItem(
            sitting_id=sitting_id,
            number=number,
            title_es=f"Punto {number}",
            title_en=f"Item {number}",
        )
        _apply_item(session, item, values)
        session.add(item)
        session.flush()
        return _item_row(item)


def update_agenda_item(db: Database, item_id: int, **changes: Any) -> AgendaItemRow:
    _check(changes, AGENDA_FIELDS, "agenda_item")
    with db.write() as session:
        item = _require_item(session, item_id)
        _apply_item(session, item, changes)
        session.flush()
        return _item_row(item)


def delete_agenda_item(db: Database, item_id: int) -> None:
    try:
        with db.write() as session:
            session.delete(_require_item(session, item_id))
    except IntegrityError as exc:
        raise Refusal(
            translate(
                "Sittings",
                "This agenda item cannot be deleted: speeches or agreements refer to it. "
                "Change its title instead.",
            ),
            "agenda_item.has_record",
        ) from exc


def _require_item(session: Session, item_id: int) -> AgendaItem:
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise Refusal(
            translate("Sittings", "This agenda item no longer exists; the list was refreshed."),
            "agenda_item.missing",
        )
    return item


def _apply_item(session: Session, item: AgendaItem, values: dict[str, Any]) -> None:
    for name, value in values.items():
        if name in ("title_es", "title_en"):
            value = text.clean(value)
            if not value:
                raise Refusal(
                    translate("Sittings", "An agenda item needs a title in Spanish and in English."),
                    "agenda_item.title",
                )
        elif name == "number":
            value = _positive(
                value,
                translate("Sittings", "The item number is a whole number from 1."),
                "agenda_item.number",
            )
            with session.no_autoflush:
                clash = session.scalar(
                    select(AgendaItem.id).where(
                        AgendaItem.sitting_id == item.sitting_id,
                        AgendaItem.number == value,
                        AgendaItem.id != (item.id or -1),
                    )
                )
            if clash is not None:
                raise Refusal(
                    translate(
                        "Sittings", "This session already has an agenda item number {n}."
                    ).format(n=value),
                    "agenda_item.number_taken",
                )
        setattr(item, name, value)


# --- shared ------------------------------------------------------------------------------


def _check(values: dict[str, Any], allowed: frozenset[str], what: str) -> None:
    unknown = set(values) - allowed
    if unknown:
        raise Refusal(
            translate("Sittings", "Unknown field: {names}.").format(
                names=", ".join(sorted(unknown))
            ),
            f"{what}.unknown_field",
        )


def _positive(value: Any, message: str, code: str) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError) as exc:
        raise Refusal(message, code) from exc
    if number < 1:
        raise Refusal(message, code)
    return number
