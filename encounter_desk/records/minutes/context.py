"""What gathering the minutes needs in the document's language: the event, its people, formats.

:class:`MinutesContext` holds what several sittings of one event share (the event, its
delegations and people, the time zone) inside one read transaction; the functions here
turn dates, numbers and shares into text for the document's language, which may differ
from the UI's. Dates come from Babel ("5 de septiembre de 2017" / "5 September 2017");
times are shown in the event's time zone (``Event.timezone``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent
from sqlalchemy import select
from sqlalchemy.orm import Session

from encounter_desk.core.i18n import in_language
from encounter_desk.event.event import require_event
from encounter_desk.records.attendance.door import zone_of
from encounter_desk.records.people import NamedPerson
from encounter_desk.storage.models import Delegation, Event, Participant

LOCALES = {"es": "es_MX", "en": "en_GB"}
"""Numbers as Mexico writes them (1,250 and 2.6 %); dates are the same in every Spanish."""


def t(message: str, lang: str) -> str:
    """A label marked with QT_TRANSLATE_NOOP("Minutes", …), in the document's language."""
    return in_language(lang).translate("Minutes", message)


def locale_of(lang: str) -> str:
    return LOCALES.get(lang, "en_GB")


def long_date(day: dt.date, lang: str) -> str:
    return format_date(day, format="long", locale=locale_of(lang))


def number(value: int | float, lang: str) -> str:
    return format_decimal(value, locale=locale_of(lang))


def percent(share: float, lang: str) -> str:
    return format_percent(share, format="#,##0.0 %", locale=locale_of(lang))


@dataclass(frozen=True)
class PersonRef(NamedPerson):
    """The chair or the secretary of a sitting, with their delegation and role."""

    delegation_code: str
    delegation: str
    role: str
    gender: str = ""
    """"F", "M", "X" or "": the titles of the acta agree with it (Secretaria, Secretario)."""


class MinutesContext:
    """What several sittings of one event share: the event, delegations, people."""

    def __init__(self, session: Session, lang: str) -> None:
        self.session = session
        self.lang = lang
        self.event: Event = require_event(session)
        self.zone = zone_of(self.event.timezone)
        self.delegations = {d.id: d for d in session.scalars(select(Delegation))}
        self.people = {p.id: p for p in session.scalars(select(Participant))}
        self.member_count = sum(1 for d in self.delegations.values() if d.is_member)

    def local(self, moment: dt.datetime | None) -> str:
        return moment.astimezone(self.zone).strftime("%H:%M") if moment else ""

    def delegation_name(self, delegation_id: int | None) -> str:
        d = self.delegations.get(delegation_id) if delegation_id is not None else None
        return d.name(self.lang) if d else ""

    def person(self, participant_id: int | None) -> PersonRef | None:
        p = self.people.get(participant_id) if participant_id is not None else None
        if p is None:
            return None
        d = self.delegations.get(p.delegation_id) if p.delegation_id is not None else None
        return PersonRef(
            participant_id=p.id,
            title=p.title,
            name=p.display_name,
            delegation_code=d.code if d else "",
            delegation=d.name(self.lang) if d else "",
            role=p.position or p.institution,
            gender=p.gender or "",
        )
