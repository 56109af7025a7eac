"""Everything the minutes of a sitting print, gathered in a few queries as plain data.

:func:`load_minutes` returns a :class:`MinutesData` tree in the language of the document
(which may differ from the UI's): every date, time, number and label is already a string
for that language, and the raw values stay beside them for other exports (Akoma Ntoso,
the Records workspace). :mod:`encounter_desk.records.minutes.pdf` lays it out; nothing here knows
about pages. :func:`load_event_report` gathers every sitting for the event report.

The parts live beside this module: the shared context and formats
(:mod:`~encounter_desk.records.minutes.context`), attendance
(:mod:`~encounter_desk.records.minutes.attendance_data`) and interventions with speaking
time (:mod:`~encounter_desk.records.minutes.speech_data`); agreements and initiatives are
here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select

from encounter_desk.chair.clock import format_duration
from encounter_desk.core.bilingual import Bilingual
from encounter_desk.core.i18n import in_language
from encounter_desk.core.paper import paper_of
from encounter_desk.declaration import annex as declaration_annex
from encounter_desk.records import initiatives
from encounter_desk.records.agreements import DelegationVote, row_of
from encounter_desk.records.minutes.attendance_data import (
    AttendanceBlock,
    Totals,
    gather_attendance,
)
from encounter_desk.records.minutes.context import MinutesContext, PersonRef, long_date
from encounter_desk.records.minutes.speech_data import (
    AgendaSection,
    Intervention,
    TimeShare,
    gather_interventions,
    speaking_shares,
)
from encounter_desk.records.register import find_sitting
from encounter_desk.records.sitting_life import (
    require_adjourned,
    require_held,
    stage_label,
    stage_of,
)
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import (
    Adoption,
    AgendaItem,
    Agreement,
    AttendanceStatus,
    Sitting,
    Vote,
)


def sitting_reference(event_code: str, sitting_number: int) -> str:
    """The reference printed on every page: "RCM-EP-2017/S1"."""
    return f"{event_code}/S{sitting_number}"


# --- the tree --------------------------------------------------------------------------


@dataclass(frozen=True)
class Header:
    event_code: str
    event_name: str
    reference: str
    sitting_id: int
    sitting_number: int
    sitting_title: str
    final: bool
    place: str
    date: dt.date
    date_text: str
    scheduled_start: str
    scheduled_end: str
    actual_start: str
    """"" when the sitting has not started."""
    adjourned: str
    chair: PersonRef | None
    secretary: PersonRef | None
    actual_start_at: dt.datetime | None = None
    adjourned_at: dt.datetime | None = None
    held: bool = True
    """False for a sitting never opened: *not held* (no attendance, no quorum, no minutes)."""
    stage_text: str = ""
    recesses: tuple[tuple[str, str], ...] = ()
    """Each recess as local times ("11:02", "11:20"; "" while it lasts)."""
    approval_text: str = ""
    """"Approved at session 2 on 5 September 2017"; "" while a draft."""
    approved_at: dt.datetime | None = None
    approved_in_number: int | None = None
    paper: str = "a4"
    """The event's paper ("letter" or "a4"), which a command may override."""
    city: str = ""
    """Where the acta says it was held and signed: "Tuxtla Gutiérrez, Chiapas"."""
    room: str = ""
    """The room and the venue: "Salón Chiapas, Hotel y Centro de Convenciones…"."""


@dataclass(frozen=True)
class AgreementLine:
    number: int
    agenda_item_number: int | None
    text: str
    adoption_text: str
    is_annex: bool
    annex_title: str
    votes_for: int | None = None
    """The tally of a vote (None for an agreement adopted by consensus)."""
    votes_against: int | None = None
    abstentions: int | None = None
    delegation_votes: tuple[DelegationVote, ...] = ()
    """Each member delegation's vote, when the vote was taken by delegation."""
    texts: Bilingual = Bilingual()
    """The text in every language held (the AKN carries them all)."""


@dataclass(frozen=True)
class InitiativeLine:
    id: int
    delegation_code: str
    delegation: str
    title: str
    description: str
    kind_text: str
    sponsors: str
    target_date: str
    status_text: str
    sitting_number: int | None


@dataclass(frozen=True)
class MinutesData:
    lang: str
    header: Header
    attendance: tuple[AttendanceBlock, ...]
    totals: Totals | None
    """None for a sitting not held (it has no attendance and no quorum)."""
    agenda: tuple[AgendaSection, ...]
    """Every agenda item (also those without interventions), in order."""
    by_delegation: tuple[TimeShare, ...]
    by_gender: tuple[TimeShare, ...]
    total_speaking: str
    agreements: tuple[AgreementLine, ...]
    initiatives: tuple[InitiativeLine, ...]
    timezone: str
    interventions_count: int = 0
    extra: dict = field(default_factory=dict)

    @property
    def annexes(self) -> tuple[AgreementLine, ...]:
        return tuple(a for a in self.agreements if a.is_annex)

    def interventions(self) -> list[Intervention]:
        return [i for section in self.agenda for i in section.interventions]


# --- gathering -------------------------------------------------------------------------


def _approved_in(ctx: MinutesContext, sitting: Sitting) -> Sitting | None:
    if sitting.minutes_approved_in_id is None:
        return None
    return ctx.session.get(Sitting, sitting.minutes_approved_in_id)


def approval_text(ctx: MinutesContext, sitting: Sitting) -> str:
    """"Approved at session 2 on 5 September 2017" ("" while the minutes are a draft)."""
    if sitting.minutes_approved_at is None:
        return ""
    where = _approved_in(ctx, sitting)
    day = long_date(sitting.minutes_approved_at.astimezone(ctx.zone).date(), ctx.lang)
    tr = in_language(ctx.lang)
    if where is None:
        return tr.translate("Minutes", "Approved on {date}").format(date=day)
    return tr.translate("Minutes", "Approved at session {number} on {date}").format(
        number=where.number, date=day)


def header_of(ctx: MinutesContext, sitting: Sitting, final: bool) -> Header:
    event, lang = ctx.event, ctx.lang
    place = ", ".join(x for x in (sitting.room, event.venue, event.city, event.country) if x)
    return Header(
        event_code=event.code,
        event_name=event.name(lang),
        reference=sitting_reference(event.code, sitting.number),
        sitting_id=sitting.id,
        sitting_number=sitting.number,
        sitting_title=sitting.title(lang),
        final=final,
        place=place,
        date=sitting.date,
        date_text=long_date(sitting.date, lang),
        scheduled_start=sitting.scheduled_start.strftime("%H:%M"),
        scheduled_end=sitting.scheduled_end.strftime("%H:%M") if sitting.scheduled_end else "",
        actual_start=ctx.local(sitting.actual_start),
        adjourned=ctx.local(sitting.adjourned_at),
        chair=ctx.person(sitting.chair_id),
        secretary=ctx.person(sitting.secretary_id),
        actual_start_at=sitting.actual_start,
        adjourned_at=sitting.adjourned_at,
        held=sitting.held,
        stage_text=stage_label(stage_of(sitting), lang),
        recesses=tuple((ctx.local(r.started_at), ctx.local(r.ended_at))
                       for r in sitting.recesses),
        approval_text=approval_text(ctx, sitting),
        approved_at=sitting.minutes_approved_at,
        approved_in_number=where.number if (where := _approved_in(ctx, sitting)) else None,
        paper=paper_of(event.paper, event.country),
        city=event.city or event.country,
        room=", ".join(x for x in (sitting.room, event.venue) if x),
    )


def agreement_lines(ctx: MinutesContext, sitting: Sitting,
                items: dict[int, AgendaItem]) -> tuple[AgreementLine, ...]:
    rows = ctx.session.scalars(
        select(Agreement).where(Agreement.sitting_id == sitting.id).order_by(Agreement.number)
    ).all()
    out = []
    for a in rows:
        item = items.get(a.agenda_item_id) if a.agenda_item_id else None
        row = row_of(a, sitting.number, item.number if item else None)
        annex = declaration_annex.annex_for(ctx.session, a.id, ctx.lang)
        voted = row.adoption is Adoption.VOTE
        tally = {"votes_for": (row.votes_for or 0) if voted else None,
                 "votes_against": (row.votes_against or 0) if voted else None,
                 "abstentions": (row.abstentions or 0) if voted else None}
        if annex is not None:  # an adopted declaration: its text as adopted, in this language
            votes = tuple(DelegationVote(v.delegation.id, v.delegation.code, v.delegation.name_es,
                                         v.delegation.name_en, Vote(v.vote)) for v in annex.votes)
            out.append(AgreementLine(row.number, row.agenda_item_number, annex.text,
                                     annex.adoption_text, True, annex.title,
                                     delegation_votes=votes, **tally))
            continue
        out.append(AgreementLine(row.number, row.agenda_item_number, row.text(ctx.lang),
                                 row.adoption_text(ctx.lang), row.is_annex, row.annex_title,
                                 delegation_votes=row.delegation_votes, texts=row.texts,
                                 **tally))
    return tuple(out)


def initiative_lines(rows: list[initiatives.InitiativeRow], lang: str) -> tuple[InitiativeLine, ...]:
    return tuple(
        InitiativeLine(
            id=r.id,
            delegation_code=r.delegation_code,
            delegation=r.delegation(lang),
            title=r.title_in(lang),
            description=r.description_in(lang),
            kind_text=initiatives.kind_label(r.kind, lang),
            sponsors=r.sponsor_names(),
            target_date=long_date(r.target_date, lang) if r.target_date else "",
            status_text=initiatives.status_label(r.status, lang),
            sitting_number=r.sitting_number,
        )
        for r in rows
    )


def gather(ctx: MinutesContext, sitting: Sitting, *, final: bool, now: dt.datetime) -> MinutesData:
    lang = ctx.lang
    items = {item.id: item for item in sitting.agenda_items}
    blocks, totals = gather_attendance(ctx, sitting) if sitting.held else ((), None)
    given = gather_interventions(ctx, sitting, items, now)
    sections = []
    outside = tuple(i for i in given if i.agenda_item_number is None)
    if outside:
        title = in_language(lang).translate("Minutes", "Outside the agenda")
        sections.append(AgendaSection(None, title, outside))
    for item in sorted(items.values(), key=lambda x: x.number):
        sections.append(
            AgendaSection(item.number, item.title(lang),
                          tuple(i for i in given if i.agenda_item_number == item.number),
                          item.id)
        )
    by_delegation, by_gender = speaking_shares(ctx, given)
    return MinutesData(
        lang=lang,
        header=header_of(ctx, sitting, final),
        attendance=blocks,
        totals=totals,
        agenda=tuple(sections),
        by_delegation=by_delegation,
        by_gender=by_gender,
        total_speaking=format_duration(sum(i.seconds for i in given)),
        agreements=agreement_lines(ctx, sitting, items),
        initiatives=initiative_lines(
            initiatives.initiatives_in(ctx.session, sitting_id=sitting.id), lang),
        timezone=ctx.event.timezone,
        interventions_count=len(given),
    )


def load_minutes(db: Database, sitting_id: int, *, lang: str = "es",
                 final: bool = False) -> MinutesData:
    """The minutes of one sitting as data, in ``lang`` ("es" or "en").

    Refused for a sitting not held (``sitting.not_held``), and ``final`` refused until the
    sitting is adjourned (``sitting.not_adjourned``)."""
    with db.read() as session:
        ctx = MinutesContext(session, lang)
        sitting = find_sitting(session, sitting_id=sitting_id)
        require_held(sitting)
        if final:
            require_adjourned(sitting)
        return gather(ctx, sitting, final=final, now=db.clock())


@dataclass(frozen=True)
class EventReportData:
    lang: str
    event_code: str
    event_name: str
    place: str
    dates: str
    sittings: tuple[MinutesData, ...]
    people: tuple[tuple[str, str, str, tuple[str, ...], int], ...]
    """Attendance across the encounter: (delegation, title and name, role, status per
    sitting as P/E/A — "–" for a sitting not held —, sittings present)."""
    initiatives: tuple[InitiativeLine, ...]
    paper: str = "a4"


def load_event_report(db: Database, *, lang: str = "es") -> EventReportData:
    """Every sitting's record, attendance across the encounter, the initiatives road map."""
    with db.read() as session:
        ctx = MinutesContext(session, lang)
        sittings = session.scalars(select(Sitting).order_by(Sitting.number)).all()
        now = db.clock()
        data = tuple(gather(ctx, s, final=s.adjourned_at is not None, now=now)
                     for s in sittings)
        rows = initiatives.initiatives_in(session)
        event = ctx.event
    marks = {
        AttendanceStatus.PRESENT: in_language(lang).translate("Minutes", "P"),
        AttendanceStatus.EXCUSED: in_language(lang).translate("Minutes", "E"),
        AttendanceStatus.ABSENT: in_language(lang).translate("Minutes", "A"),
    }
    people: dict[int, list] = {}
    order: list[int] = []
    for index, minutes in enumerate(data):
        for block in minutes.attendance:
            for group in block.groups:
                for line in group.lines:
                    if line.participant_id not in people:
                        order.append(line.participant_id)
                        people[line.participant_id] = [
                            group.name, line.full_name, line.role,
                            ["–"] * len(data), 0]
                    entry = people[line.participant_id]
                    entry[3][index] = marks[line.status]
                    entry[4] += line.status is AttendanceStatus.PRESENT
    if event.start_date == event.end_date:
        dates = long_date(event.start_date, lang)
    else:
        dates = in_language(lang).translate("Minutes", "{start} to {end}").format(
            start=long_date(event.start_date, lang), end=long_date(event.end_date, lang))
    return EventReportData(
        lang=lang,
        event_code=event.code,
        event_name=event.name(lang),
        place=", ".join(x for x in (event.venue, event.city, event.country) if x),
        dates=dates,
        sittings=data,
        people=tuple(
            (e[0], e[1], e[2], tuple(e[3]), e[4]) for e in (people[i] for i in order)
        ),
        initiatives=initiative_lines(rows, lang),
        paper=paper_of(event.paper, event.country),
    )
