"""Everything the minutes of a sitting print, gathered in a few queries as plain data.

:func:`load_minutes` returns a :class:`MinutesData` tree in the language of the document
(which may differ from the UI's): every date, time, number and label is already a string
for that language, and the raw values stay beside them for other exports (Akoma Ntoso,
the Records workspace). :mod:`encounter_desk.records.minutes.pdf` lays it out; nothing here knows
about pages.

Dates come from Babel ("5 de septiembre de 2017" / "5 September 2017"); times are shown
in the event's time zone (``Event.timezone``).

Rules: interventions are the speeches actually given (withdrawn and waiting ones are not
in the record), numbered through the sitting in the order they started and grouped by
agenda item; attendance lists everyone but staff and press, and a person nobody marked is
absent (see :mod:`encounter_desk.records.attendance`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent
from sqlalchemy import select
from sqlalchemy.orm import Session

from encounter_desk.chair.clock import SpeechTiming, format_duration
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, in_language, translate
from encounter_desk.declaration import annex as declaration_annex
from encounter_desk.event.event import require_event
from encounter_desk.records import attendance, initiatives
from encounter_desk.records.agreements import RecordsError, row_of
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import (
    SPEECH_KIND_LABELS,
    AgendaItem,
    Agreement,
    AttendanceStatus,
    Delegation,
    DelegationKind,
    Event,
    Participant,
    Sitting,
    Speech,
    SpeechKind,
    SpeechState,
)

LOCALES = {"es": "es", "en": "en_GB"}
GIVEN_STATES = (SpeechState.SPEAKING.value, SpeechState.PAUSED.value, SpeechState.DONE.value)

# Attendance blocks: the kinds of delegation each one holds, in print order.
BLOCKS = (
    ("members", (DelegationKind.COUNTRY,), QT_TRANSLATE_NOOP("Minutes", "Member delegations")),
    ("observers", (DelegationKind.OBSERVER,), QT_TRANSLATE_NOOP("Minutes", "Observers")),
    ("organizations", (DelegationKind.INTERNATIONAL,),
     QT_TRANSLATE_NOOP("Minutes", "International organizations")),
    ("secretariat", (DelegationKind.PRESIDENCY, DelegationKind.SECRETARIAT),
     QT_TRANSLATE_NOOP("Minutes", "Presidency Pro-Tempore and Technical Secretariat")),
    ("guests", (DelegationKind.GUEST,), QT_TRANSLATE_NOOP("Minutes", "Guests")),
    ("others", (), QT_TRANSLATE_NOOP("Minutes", "Other participants")),
)
GENDERS = (
    ("F", QT_TRANSLATE_NOOP("Minutes", "Women")),
    ("M", QT_TRANSLATE_NOOP("Minutes", "Men")),
    ("X", QT_TRANSLATE_NOOP("Minutes", "Other")),
    ("", QT_TRANSLATE_NOOP("Minutes", "Not stated")),
)


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


def sitting_reference(event_code: str, sitting_number: int) -> str:
    """The reference printed on every page: "RCM-EP-2017/S1"."""
    return f"{event_code}/S{sitting_number}"


# --- the tree ----------------------------------------------------------------------------

@dataclass(frozen=True)
class PersonRef:
    participant_id: int
    title: str
    name: str
    delegation_code: str
    delegation: str
    role: str

    @property
    def full_name(self) -> str:
        return f"{self.title} {self.name}".strip()


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


@dataclass(frozen=True)
class AttendanceLine:
    participant_id: int
    title: str
    name: str
    role: str
    category: str
    gender: str
    status: AttendanceStatus
    status_text: str
    arrival: str
    """Local arrival time "08:52" of a present person, else ""."""
    source: str


@dataclass(frozen=True)
class AttendanceGroup:
    delegation_id: int | None
    code: str
    name: str
    is_member: bool
    lines: tuple[AttendanceLine, ...]
    present: int
    excused: int
    absent: int


@dataclass(frozen=True)
class AttendanceBlock:
    key: str
    heading: str
    groups: tuple[AttendanceGroup, ...]


@dataclass(frozen=True)
class Intervention:
    number: int
    speech_id: int
    agenda_item_number: int | None
    participant_id: int
    title: str
    name: str
    delegation_code: str
    delegation: str
    gender: str
    kind: SpeechKind
    kind_text: str
    start: str
    end: str
    started_at: dt.datetime
    ended_at: dt.datetime | None
    seconds: float
    duration: str
    limit_seconds: int | None
    over_time: bool
    over_by: str
    """"+0:27" when over time, else ""."""
    language: str
    summary: str

    @property
    def speaker(self) -> str:
        return f"{self.title} {self.name}".strip()


@dataclass(frozen=True)
class AgendaSection:
    number: int | None
    """None: interventions outside any agenda item."""
    title: str
    interventions: tuple[Intervention, ...]
    item_id: int | None = None


@dataclass(frozen=True)
class TimeShare:
    key: str
    label: str
    speeches: int
    seconds: float
    duration: str
    share: float
    share_text: str


@dataclass(frozen=True)
class AgreementLine:
    number: int
    agenda_item_number: int | None
    text: str
    adoption_text: str
    is_annex: bool
    annex_title: str


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
class Totals:
    expected: int
    present: int
    excused: int
    absent: int
    lawmakers_present: int
    lawmakers_expected: int
    delegations_represented: int
    member_delegations: int
    quorum: attendance.Quorum
    quorum_text: str
    lines: tuple[str, ...]
    """Ready to print: "Present: 96", "Lawmakers present: 52 of 58"…"""


@dataclass(frozen=True)
class MinutesData:
    lang: str
    header: Header
    attendance: tuple[AttendanceBlock, ...]
    totals: Totals
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


# --- gathering ---------------------------------------------------------------------------

class MinutesContext:
    """What several sittings of one event share: the event, delegations, people."""

    def __init__(self, session: Session, lang: str) -> None:
        self.session = session
        self.lang = lang
        self.event: Event = require_event(session)
        self.zone = attendance.zone_of(self.event.timezone)
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
        )


def _header(ctx: MinutesContext, sitting: Sitting, final: bool) -> Header:
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
    )


def _attendance(
    ctx: MinutesContext, sitting: Sitting
) -> tuple[tuple[AttendanceBlock, ...], Totals]:
    lang = ctx.lang
    groups = attendance.roll_call_in(ctx.session, sitting.id)
    counts = attendance.counts_from(sitting.id, groups, ctx.member_count,
                                    ctx.event.quorum_rule or "")
    absent = AttendanceStatus.ABSENT
    built: dict[str, list[AttendanceGroup]] = {key: [] for key, _, _ in BLOCKS}
    for g in groups:
        lines = tuple(
            AttendanceLine(
                participant_id=e.participant_id,
                title=e.title,
                name=e.name,
                role=e.role,
                category=e.category,
                gender=e.gender,
                status=e.status or absent,
                status_text=attendance.status_label(e.status or absent, lang),
                arrival=ctx.local(e.arrived_at) if e.status is AttendanceStatus.PRESENT else "",
                source=e.source.value if e.source else "",
            )
            for e in g.entries
        )
        present = sum(1 for x in lines if x.status is AttendanceStatus.PRESENT)
        excused = sum(1 for x in lines if x.status is AttendanceStatus.EXCUSED)
        group = AttendanceGroup(g.delegation_id, g.code, g.name(lang), g.is_member, lines,
                                present, excused, len(lines) - present - excused)
        key = next((k for k, kinds, _ in BLOCKS if g.kind in kinds), "others")
        built[key].append(group)
    blocks = tuple(
        AttendanceBlock(key, t(heading, lang), tuple(built[key]))
        for key, _, heading in BLOCKS
        if built[key]
    )
    quorum = counts.quorum
    assert quorum is not None
    n = lambda v: number(v, lang)  # noqa: E731
    tr = in_language(lang)
    lines = (
        tr.translate("Minutes",
                     "Present: {present} · Excused: {excused} · Absent: {absent} · Total: {total}")
        .format(present=n(counts.present), excused=n(counts.excused), absent=n(counts.absent),
                total=n(counts.expected)),
        tr.translate("Minutes", "Lawmakers present: {present} of {total}").format(
            present=n(counts.lawmakers_present), total=n(counts.lawmakers_expected)),
        tr.translate("Minutes", "Member delegations represented: {represented} of {members}").format(
            represented=n(counts.delegations_represented), members=n(counts.member_delegations)),
    )
    totals = Totals(
        expected=counts.expected,
        present=counts.present,
        excused=counts.excused,
        absent=counts.absent,
        lawmakers_present=counts.lawmakers_present,
        lawmakers_expected=counts.lawmakers_expected,
        delegations_represented=counts.delegations_represented,
        member_delegations=counts.member_delegations,
        quorum=quorum,
        quorum_text=quorum.text(lang),
        lines=lines,
    )
    return blocks, totals


def _interventions(
    ctx: MinutesContext, sitting: Sitting, items: dict[int, AgendaItem], now: dt.datetime
) -> list[Intervention]:
    speeches = ctx.session.scalars(
        select(Speech)
        .where(Speech.sitting_id == sitting.id, Speech.state.in_(GIVEN_STATES),
               Speech.started_at.is_not(None))
        .order_by(Speech.started_at, Speech.id)
    ).all()
    out = []
    kinds = in_language(ctx.lang)
    subjects = declaration_annex.speech_subjects(ctx.session, sitting.id, ctx.lang)
    for n, s in enumerate(speeches, start=1):
        timing = SpeechTiming(s.started_at, s.paused_at, s.paused_seconds, s.ended_at,
                              s.limit_seconds)
        seconds = timing.elapsed_at(s.ended_at or now)
        over = s.limit_seconds is not None and s.limit_seconds > 0 and \
            round(seconds) > s.limit_seconds
        p = ctx.people.get(s.participant_id)
        delegation_id = s.delegation_id if s.delegation_id is not None else (
            p.delegation_id if p else None)
        d = ctx.delegations.get(delegation_id) if delegation_id is not None else None
        item = items.get(s.agenda_item_id) if s.agenda_item_id is not None else None
        out.append(
            Intervention(
                number=n,
                speech_id=s.id,
                agenda_item_number=item.number if item else None,
                participant_id=s.participant_id,
                title=p.title if p else "",
                name=p.display_name if p else "",
                delegation_code=d.code if d else "",
                delegation=d.name(ctx.lang) if d else "",
                gender=(p.gender or "") if p else "",
                kind=SpeechKind(s.kind),
                kind_text=kinds.translate("SpeechKind", SPEECH_KIND_LABELS[SpeechKind(s.kind)]),
                start=ctx.local(s.started_at),
                end=ctx.local(s.ended_at),
                started_at=s.started_at,
                ended_at=s.ended_at,
                seconds=seconds,
                duration=format_duration(seconds),
                limit_seconds=s.limit_seconds,
                over_time=over,
                over_by="+" + format_duration(round(seconds) - s.limit_seconds) if over else "",
                language=s.language or (p.language if p else ""),
                summary=" — ".join(x for x in (subjects.get(s.id, ""), s.summary) if x),
            )
        )
    return out


def time_shares(
    interventions: list[Intervention], key: Callable[[Intervention], str],
    labels: list[tuple[str, str]], lang: str,
) -> tuple[TimeShare, ...]:
    """Speeches and seconds per group, in the order of ``labels`` (key, label)."""
    total = sum(i.seconds for i in interventions) or 1.0
    out = []
    for k, label in labels:
        mine = [i for i in interventions if key(i) == k]
        if not mine:
            continue
        seconds = sum(i.seconds for i in mine)
        out.append(TimeShare(k, label, len(mine), seconds, format_duration(seconds),
                             seconds / total, percent(seconds / total, lang)))
    return tuple(out)


def _speaking(ctx: MinutesContext, interventions: list[Intervention]):  # noqa: ANN202
    lang = ctx.lang
    ordered = sorted(ctx.delegations.values(), key=lambda d: (d.canonical_order, d.name_es))
    nobody = in_language(lang).translate("Minutes", "No delegation")
    labels = [(d.code, d.name(lang)) for d in ordered] + [("", nobody)]
    by_delegation = time_shares(interventions, lambda i: i.delegation_code, labels, lang)
    genders = [(k, t(label, lang)) for k, label in GENDERS]
    known = {k for k, _ in GENDERS}
    by_gender = time_shares(
        interventions, lambda i: i.gender if i.gender in known else "", genders, lang)
    return by_delegation, by_gender


def _agreements(ctx: MinutesContext, sitting: Sitting,
                items: dict[int, AgendaItem]) -> tuple[AgreementLine, ...]:
    rows = ctx.session.scalars(
        select(Agreement).where(Agreement.sitting_id == sitting.id).order_by(Agreement.number)
    ).all()
    out = []
    for a in rows:
        item = items.get(a.agenda_item_id) if a.agenda_item_id else None
        row = row_of(a, sitting.number, item.number if item else None)
        annex = declaration_annex.annex_for(ctx.session, a.id, ctx.lang)
        if annex is not None:  # an adopted declaration: its text as adopted, in this language
            out.append(AgreementLine(row.number, row.agenda_item_number, annex.text,
                                     annex.adoption_text, True, annex.title))
            continue
        out.append(AgreementLine(row.number, row.agenda_item_number, row.text(ctx.lang),
                                 row.adoption_text(ctx.lang), row.is_annex, row.annex_title))
    return tuple(out)


def initiative_lines(rows: list[initiatives.InitiativeRow], lang: str) -> tuple[InitiativeLine, ...]:
    return tuple(
        InitiativeLine(
            id=r.id,
            delegation_code=r.delegation_code,
            delegation=r.delegation(lang),
            title=r.title,
            description=r.description,
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
    blocks, totals = _attendance(ctx, sitting)
    given = _interventions(ctx, sitting, items, now)
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
    by_delegation, by_gender = _speaking(ctx, given)
    return MinutesData(
        lang=lang,
        header=_header(ctx, sitting, final),
        attendance=blocks,
        totals=totals,
        agenda=tuple(sections),
        by_delegation=by_delegation,
        by_gender=by_gender,
        total_speaking=format_duration(sum(i.seconds for i in given)),
        agreements=_agreements(ctx, sitting, items),
        initiatives=initiative_lines(
            initiatives.initiatives_in(ctx.session, sitting_id=sitting.id), lang),
        timezone=ctx.event.timezone,
        interventions_count=len(given),
    )


def find_sitting(session: Session, *, sitting_id: int | None = None,
                 number: int | None = None) -> Sitting:
    if sitting_id is not None:
        sitting = session.get(Sitting, sitting_id)
    else:
        sitting = session.scalar(select(Sitting).where(Sitting.number == number))
    if sitting is None:
        raise RecordsError(
            translate("Records", "There is no session {id}.").format(
                id=sitting_id if sitting_id is not None else number)
        )
    return sitting


def load_minutes(db: Database, sitting_id: int, *, lang: str = "es",
                 final: bool = False) -> MinutesData:
    """The minutes of one sitting as data, in ``lang`` ("es" or "en")."""
    with db.read() as session:
        ctx = MinutesContext(session, lang)
        sitting = find_sitting(session, sitting_id=sitting_id)
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
    sitting as P/E/A, sittings present)."""
    initiatives: tuple[InitiativeLine, ...]


def load_event_report(db: Database, *, lang: str = "es") -> EventReportData:
    """Every sitting's record, attendance across the encounter, the initiatives road map."""
    with db.read() as session:
        ctx = MinutesContext(session, lang)
        sittings = session.scalars(select(Sitting).order_by(Sitting.number)).all()
        now = db.clock()
        data = tuple(gather(ctx, s, final=True, now=now) for s in sittings)
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
                            group.name, f"{line.title} {line.name}".strip(), line.role,
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
    )

