"""What every printed document says about the encounter: its name, place, dates, reference."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from encounter_desk.core.i18n import in_language
from encounter_desk.event.event import require_event
from encounter_desk.records.minutes.context import long_date


@dataclass(frozen=True)
class EventFacts:
    code: str
    name: str
    place: str
    city: str
    dates: str


def event_facts(session: Session, lang: str) -> EventFacts:
    event = require_event(session)
    if event.start_date == event.end_date:
        dates = long_date(event.start_date, lang)
    else:
        dates = in_language(lang).translate("Minutes", "{start} to {end}").format(
            start=long_date(event.start_date, lang), end=long_date(event.end_date, lang))
    return EventFacts(code=event.code, name=event.name(lang),
                      place=", ".join(x for x in (event.venue, event.city, event.country) if x),
                      city=", ".join(x for x in (event.city, event.country) if x), dates=dates)
