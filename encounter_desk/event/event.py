"""The event of an event file: create it, read it, change it."""

from __future__ import annotations

import datetime as dt
import secrets
import zoneinfo
from dataclasses import dataclass, fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from encounter_desk.core.errors import Refusal
from encounter_desk.core.i18n import translate
from encounter_desk.core.paper import check_paper
from encounter_desk.event.countries import ALL_PRESETS, DelegationPreset, seed_delegations
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import Event


class NoEventError(Refusal):
    """The database holds no event yet."""

    def __init__(self) -> None:
        super().__init__(
            translate(
                "Events",
                "This file holds no event yet. Create one (File → New event) or fill it with "
                "the demo (encounter-desk demo).",
            ),
            code="event.missing",
        )


@dataclass
class EventDetails:
    code: str
    name_es: str
    name_en: str
    start_date: dt.date
    end_date: dt.date
    short_name_es: str = ""
    short_name_en: str = ""
    venue: str = ""
    city: str = ""
    country: str = ""
    timezone: str = "America/Mexico_City"
    quorum_rule: str = ""
    paper: str = ""
    """"letter", "a4", or "" for the country's default (:func:`core.paper.default_paper`)."""

    @classmethod
    def of(cls, event: Event) -> EventDetails:
        return cls(**{f.name: getattr(event, f.name) for f in fields(cls)})


def new_secret() -> str:
    """256 random bits, hex: the key that signs this event's badges."""
    return secrets.token_hex(32)


def create_event(
    db: Database,
    details: EventDetails,
    presets: tuple[DelegationPreset, ...] = ALL_PRESETS,
) -> Event:
    """Create the event (one per file) with its preset delegations."""
    _check_details(details)
    with db.write() as session:
        if session.scalar(select(Event.id)) is not None:
            raise Refusal(
                translate("Events", "This file already holds an event."), "event.exists"
            )
        event = Event(secret=new_secret(), **vars(details))
        session.add(event)
        seed_delegations(session, presets)
    return event


def _check_details(details: EventDetails) -> None:
    if details.paper:
        details.paper = check_paper(details.paper)
    if details.end_date < details.start_date:
        raise Refusal(
            translate("Events", "The event cannot end before it starts."), "event.dates"
        )


def venue_zone(name: str | None) -> dt.tzinfo:
    """The venue's time zone from its IANA name (``Event.timezone``); UTC when unknown."""
    try:
        return zoneinfo.ZoneInfo(name or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return dt.UTC


def find_event(session: Session) -> Event | None:
    return session.scalar(select(Event).order_by(Event.id).limit(1))


def require_event(session: Session) -> Event:
    event = find_event(session)
    if event is None:
        raise NoEventError()
    return event


def load_event(db: Database) -> Event | None:
    with db.read() as session:
        return find_event(session)


def update_event(db: Database, details: EventDetails) -> Event:
    _check_details(details)
    with db.write() as session:
        event = require_event(session)
        for f in fields(EventDetails):
            setattr(event, f.name, getattr(details, f.name))
    return event
