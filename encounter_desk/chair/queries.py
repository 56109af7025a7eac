"""What the chair's window, the projector and the minutes read about lists of speakers.

Plain frozen dataclasses, built in short read transactions: :class:`QueueEntry` (one
speech, with the speaker's title, name, delegation and flag), :class:`CurrentSpeech` (the
speech on the floor with its clock inputs), :class:`ListSnapshot` (a whole list as the
chair and the room see it), :class:`BudgetRow`, and the day's totals
(:class:`SpeakingStats`). The write side is :mod:`encounter_desk.chair.commands`.

Counting rules (one place, :data:`COUNTED_KINDS`): points of order use no delegation's
budget and do not make a participant's "first speech of the sitting"; the day's totals per
person and per delegation count every speech actually given, points of order included.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from encounter_desk.chair.clock import DEFAULT_WARNING_SECONDS, SpeechTiming, format_duration
from encounter_desk.chair.errors import SpeakerListError
from encounter_desk.core.i18n import in_language, pick, translate
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import (
    SPEECH_KIND_LABELS,
    AgendaItem,
    Delegation,
    Participant,
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


def kind_label(kind: str, lang: str | None = None) -> str:
    """The kind of intervention in ``lang`` (default: the current language): "Point of order"."""
    return in_language(lang).translate("SpeechKind", SPEECH_KIND_LABELS[SpeechKind(kind)])


# --- the dataclasses ---------------------------------------------------------------------


@dataclass(frozen=True)
class QueueEntry:
    """One speech on a list, with everything a row, the projector or the minutes show."""

    id: int
    sitting_id: int
    agenda_item_id: int | None
    participant_id: int
    title: str
    name: str
    sort_name: str
    delegation_id: int | None
    delegation_code: str
    delegation_es: str
    delegation_en: str
    flag: str
    """Lower-case ISO alpha-2 of a member country's flag (``resources/flags/xx.png``), or ""."""
    kind: SpeechKind
    state: SpeechState
    position: float
    replies_to_id: int | None
    replies_to_name: str
    interrupts_id: int | None
    requested_at: dt.datetime
    started_at: dt.datetime | None
    ended_at: dt.datetime | None
    paused_at: dt.datetime | None
    paused_seconds: float
    pause_count: int
    limit_seconds: int | None
    """In force once started; for a waiting speech, what it will get (None: stopwatch)."""
    custom_limit: bool
    language: str
    summary: str
    first_of_sitting: bool
    """The speaker's first speech of the sitting (or, while waiting, they have not spoken yet)."""

    @property
    def timing(self) -> SpeechTiming:
        return SpeechTiming(
            started_at=self.started_at,
            paused_at=self.paused_at,
            paused_seconds=self.paused_seconds,
            ended_at=self.ended_at,
            limit_seconds=self.limit_seconds,
        )

    @property
    def duration_seconds(self) -> float | None:
        """Seconds spoken, pauses excluded, for a speech that is over."""
        if self.ended_at is None or self.started_at is None:
            return None
        return self.timing.elapsed_at(self.ended_at)

    @property
    def over_time(self) -> bool:
        duration = self.duration_seconds
        return (
            duration is not None
            and self.limit_seconds is not None
            and round(duration) > self.limit_seconds
        )

    @property
    def duration_text(self) -> str:
        return format_duration(self.duration_seconds)

    @property
    def kind_label(self) -> str:
        return kind_label(self.kind)

    def kind_text(self, lang: str | None = None) -> str:
        """The kind in a language of its own (the projector may differ from the chair)."""
        return kind_label(self.kind, lang)

    def delegation_name(self, lang: str | None = None) -> str:
        return pick(lang, self.delegation_es, self.delegation_en)

    @property
    def speaker(self) -> str:
        """ "Dip. María José Pérez Núñez"."""
        return f"{self.title} {self.name}".strip()


@dataclass(frozen=True)
class CurrentSpeech:
    """The speech on the floor of a sitting, with what a clock needs to show it.

    ``elapsed`` is as of ``as_of`` (wall clock, from the stored moments); a live face
    anchors a :class:`encounter_desk.chair.clock.SpeechClock` with ``follow(current.timing,
    speech_id=current.entry.id)``. ``interrupted`` is the speech a point of order paused
    (it resumes when the point of order ends).
    """

    entry: QueueEntry
    elapsed: float
    as_of: dt.datetime
    warning_seconds: int
    interrupted: QueueEntry | None = None
    budget_seconds: int | None = None
    """The delegation's budget on this list, if it has one and the kind uses it."""
    budget_used_before: float = 0.0
    """Seconds of that budget used by the delegation's other speeches."""

    @property
    def timing(self) -> SpeechTiming:
        return self.entry.timing

    @property
    def paused(self) -> bool:
        return self.entry.state == SpeechState.PAUSED

    def budget_remaining(self, elapsed: float | None = None) -> float | None:
        """What the delegation has left once this speech has lasted ``elapsed`` seconds."""
        if self.budget_seconds is None:
            return None
        spoken = self.elapsed if elapsed is None else elapsed
        return self.budget_seconds - self.budget_used_before - spoken


@dataclass(frozen=True)
class BudgetRow:
    delegation_id: int
    delegation_code: str
    delegation_es: str
    delegation_en: str
    flag: str
    seconds: int
    used: float

    @property
    def remaining(self) -> float:
        """Seconds left (negative when the delegation spoke past its budget)."""
        return self.seconds - self.used

    def delegation_name(self, lang: str | None = None) -> str:
        return pick(lang, self.delegation_es, self.delegation_en)


@dataclass(frozen=True)
class ListSettings:
    """A list's own settings: open or closed, and the default time of each kind."""

    sitting_id: int
    agenda_item_id: int | None
    closed: bool
    closed_at: dt.datetime | None
    limits: dict[SpeechKind, int | None]
    """Default seconds per kind (None: no limit, a stopwatch)."""
    statement_from_sitting: bool
    """The statement time is the sitting's default (not set on this list)."""
    warning_seconds: int


@dataclass(frozen=True)
class ListSnapshot:
    """A list of speakers as the chair and the room see it, at ``as_of``."""

    sitting_id: int
    sitting_number: int
    sitting_title_es: str
    sitting_title_en: str
    agenda_item_id: int | None
    agenda_item_number: int | None
    agenda_title_es: str
    agenda_title_en: str
    settings: ListSettings
    current: CurrentSpeech | None
    """The sitting's speech on the floor (it may belong to another agenda item)."""
    waiting: list[QueueEntry]
    done: list[QueueEntry]
    """Speeches of this list already given, in the order they were given."""
    withdrawn: list[QueueEntry]
    budgets: list[BudgetRow]
    as_of: dt.datetime

    @property
    def closed(self) -> bool:
        return self.settings.closed

    def sitting_title(self, lang: str | None = None) -> str:
        return pick(lang, self.sitting_title_es, self.sitting_title_en)

    def agenda_title(self, lang: str | None = None) -> str:
        return pick(lang, self.agenda_title_es, self.agenda_title_en)

    def next_speakers(self, count: int = 3) -> list[QueueEntry]:
        return self.waiting[:count]


@dataclass(frozen=True)
class SpeakerTotals:
    """How often and how long one person, or one delegation, spoke."""

    key: int | None
    """participant_id, or delegation_id (None: people of no delegation)."""
    label_es: str
    label_en: str
    delegation_code: str
    speeches: int
    seconds: float
    sort_key: str = ""

    def label(self, lang: str | None = None) -> str:
        return pick(lang, self.label_es, self.label_en)


@dataclass(frozen=True)
class SpeakingStats:
    day: dt.date | None
    people: list[SpeakerTotals] = field(default_factory=list)
    delegations: list[SpeakerTotals] = field(default_factory=list)

    def person(self, participant_id: int) -> SpeakerTotals | None:
        return next((p for p in self.people if p.key == participant_id), None)

    def delegation(self, delegation_id: int | None) -> SpeakerTotals | None:
        return next((d for d in self.delegations if d.key == delegation_id), None)


# --- lookups shared with the write side --------------------------------------------------


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


def settings_of(session: Session, sitting: Sitting, agenda_item_id: int | None) -> ListSettings:
    lst = find_list(session, sitting.id, agenda_item_id)
    return ListSettings(
        sitting_id=sitting.id,
        agenda_item_id=agenda_item_id,
        closed=bool(lst and lst.closed),
        closed_at=lst.closed_at if lst else None,
        limits=list_limits(sitting, lst),
        statement_from_sitting=lst is None or lst.statement_seconds is None,
        warning_seconds=sitting.warning_seconds or 0,
    )


def elapsed_of(speech: Speech, now: dt.datetime) -> float:
    return timing_of(speech).elapsed_at(now)


def timing_of(speech: Speech) -> SpeechTiming:
    return SpeechTiming(
        started_at=speech.started_at,
        paused_at=speech.paused_at,
        paused_seconds=speech.paused_seconds or 0.0,
        ended_at=speech.ended_at,
        limit_seconds=speech.limit_seconds,
    )


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


# --- building the dataclasses ------------------------------------------------------------


class _Builder:
    """Turns speeches into entries, loading people and delegations once per read."""

    def __init__(self, session: Session, sitting: Sitting) -> None:
        self.session = session
        self.sitting = sitting
        self._people: dict[int, Participant] = {}
        self._delegations: dict[int, Delegation] = {}
        self._limits: dict[int | None, dict[SpeechKind, int | None]] = {}
        self.first_ids, self.spoken = first_speeches(session, sitting.id)

    def _load(self, speeches: Sequence[Speech]) -> None:
        wanted = {s.participant_id for s in speeches} - self._people.keys()
        if wanted:
            for p in self.session.scalars(select(Participant).where(Participant.id.in_(wanted))):
                self._people[p.id] = p
        wanted_d = {s.delegation_id for s in speeches if s.delegation_id} - self._delegations.keys()
        if wanted_d:
            for d in self.session.scalars(select(Delegation).where(Delegation.id.in_(wanted_d))):
                self._delegations[d.id] = d

    def delegation(self, delegation_id: int | None) -> Delegation | None:
        if delegation_id is None:
            return None
        if delegation_id not in self._delegations:
            found = self.session.get(Delegation, delegation_id)
            if found is None:
                return None
            self._delegations[delegation_id] = found
        return self._delegations[delegation_id]

    def limits(self, agenda_item_id: int | None) -> dict[SpeechKind, int | None]:
        if agenda_item_id not in self._limits:
            lst = find_list(self.session, self.sitting.id, agenda_item_id)
            self._limits[agenda_item_id] = list_limits(self.sitting, lst)
        return self._limits[agenda_item_id]

    def entries(self, speeches: Sequence[Speech]) -> list[QueueEntry]:
        targets = {s.replies_to_id for s in speeches if s.replies_to_id}
        answered = (
            {s.id: s for s in self.session.scalars(select(Speech).where(Speech.id.in_(targets)))}
            if targets
            else {}
        )
        self._load([*speeches, *answered.values()])
        return [self._entry(s, answered.get(s.replies_to_id)) for s in speeches]

    def entry(self, speech: Speech) -> QueueEntry:
        return self.entries([speech])[0]

    def _entry(self, s: Speech, answered: Speech | None) -> QueueEntry:
        person = self._people[s.participant_id]
        delegation = self.delegation(s.delegation_id)
        if s.state == SpeechState.WAITING and not s.custom_limit:
            limit = self.limits(s.agenda_item_id)[SpeechKind(s.kind)]
        else:
            limit = s.limit_seconds
        if s.state == SpeechState.WAITING:
            first = s.kind in COUNTED_KINDS and s.participant_id not in self.spoken
        else:
            first = s.id in self.first_ids
        answered_name = ""
        if answered is not None:
            who = self._people.get(answered.participant_id)
            answered_name = f"{who.title} {who.display_name}".strip() if who else ""
        return QueueEntry(
            id=s.id,
            sitting_id=s.sitting_id,
            agenda_item_id=s.agenda_item_id,
            participant_id=s.participant_id,
            title=person.title,
            name=person.display_name,
            sort_name=person.sort_name,
            delegation_id=s.delegation_id,
            delegation_code=delegation.code if delegation else "",
            delegation_es=delegation.name_es if delegation else "",
            delegation_en=delegation.name_en if delegation else "",
            flag=flag_of(delegation),
            kind=SpeechKind(s.kind),
            state=SpeechState(s.state),
            position=s.position,
            replies_to_id=s.replies_to_id,
            replies_to_name=answered_name,
            interrupts_id=s.interrupts_id,
            requested_at=s.requested_at,
            started_at=s.started_at,
            ended_at=s.ended_at,
            paused_at=s.paused_at,
            paused_seconds=s.paused_seconds or 0.0,
            pause_count=s.pause_count or 0,
            limit_seconds=limit,
            custom_limit=s.custom_limit,
            language=s.language,
            summary=s.summary,
            first_of_sitting=first,
        )

    def current(self, now: dt.datetime) -> CurrentSpeech | None:
        current, interrupted = on_floor(self.session, self.sitting.id)
        if current is None:
            return None
        entry = self.entry(current)
        budget_seconds: int | None = None
        used_before = 0.0
        if current.kind in COUNTED_KINDS and current.delegation_id is not None:
            budget = budget_for(
                self.session, current.sitting_id, current.agenda_item_id, current.delegation_id
            )
            if budget is not None:
                budget_seconds = budget.seconds
                used_before = budget_used(
                    self.session,
                    current.sitting_id,
                    current.agenda_item_id,
                    current.delegation_id,
                    now,
                    excluding=current.id,
                )
        return CurrentSpeech(
            entry=entry,
            elapsed=elapsed_of(current, now),
            as_of=now,
            warning_seconds=(
                self.sitting.warning_seconds
                if self.sitting.warning_seconds is not None
                else DEFAULT_WARNING_SECONDS
            ),
            interrupted=self.entry(interrupted) if interrupted is not None else None,
            budget_seconds=budget_seconds,
            budget_used_before=used_before,
        )

    def budgets(self, agenda_item_id: int | None, now: dt.datetime) -> list[BudgetRow]:
        query = select(SpeakingBudget).where(SpeakingBudget.sitting_id == self.sitting.id)
        if agenda_item_id is None:
            query = query.where(SpeakingBudget.agenda_item_id.is_(None))
        else:
            query = query.where(SpeakingBudget.agenda_item_id == agenda_item_id)
        rows = []
        for budget in self.session.scalars(query):
            delegation = self.delegation(budget.delegation_id)
            if delegation is None:
                continue
            used = budget_used(
                self.session, self.sitting.id, agenda_item_id, budget.delegation_id, now
            )
            rows.append(
                BudgetRow(
                    delegation_id=delegation.id,
                    delegation_code=delegation.code,
                    delegation_es=delegation.name_es,
                    delegation_en=delegation.name_en,
                    flag=flag_of(delegation),
                    seconds=budget.seconds,
                    used=used,
                )
            )
        order = {d.id: (d.canonical_order, d.code) for d in self._delegations.values()}
        return sorted(rows, key=lambda r: order.get(r.delegation_id, (0, "")))


def flag_of(delegation: Delegation | None) -> str:
    if delegation is None or delegation.kind != "country" or not delegation.iso2:
        return ""
    return delegation.iso2.lower()


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


# --- the read functions ------------------------------------------------------------------


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
        build = _Builder(session, sitting)
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
        return _Builder(session, sitting).current(now)


def list_settings(db: Database, sitting_id: int, agenda_item_id: int | None = None) -> ListSettings:
    with db.read() as session:
        sitting = require_sitting(session, sitting_id)
        require_item(session, sitting, agenda_item_id)
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
        sitting = require_sitting(session, sitting_id)
        require_item(session, sitting, agenda_item_id)
        return _Builder(session, sitting).budgets(agenda_item_id, now)


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
        return _Builder(session, sitting).entries(rows)


def speaking_stats(
    db: Database,
    day: dt.date | None = None,
    *,
    sitting_id: int | None = None,
    now: dt.datetime | None = None,
) -> SpeakingStats:
    """How many times and how long each person and each delegation spoke.

    ``day``: the sittings held that day (the usual "today"); ``sitting_id``: one sitting;
    both None: the whole event. A speech still on the floor counts with its time so far.
    """
    now = now or db.clock()
    with db.read() as session:
        query = (
            select(Speech)
            .join(Sitting, Sitting.id == Speech.sitting_id)
            .where(Speech.state.in_(GIVEN), Speech.started_at.is_not(None))
        )
        if day is not None:
            query = query.where(Sitting.date == day)
        if sitting_id is not None:
            query = query.where(Speech.sitting_id == sitting_id)
        speeches = list(session.scalars(query))
        people_ids = {s.participant_id for s in speeches}
        people = (
            {
                p.id: p
                for p in session.scalars(select(Participant).where(Participant.id.in_(people_ids)))
            }
            if people_ids
            else {}
        )
        delegations = {d.id: d for d in session.scalars(select(Delegation))}
        per_person: dict[int, list[float]] = {}
        per_delegation: dict[int | None, list[float]] = {}
        for s in speeches:
            seconds = elapsed_of(s, now)
            per_person.setdefault(s.participant_id, []).append(seconds)
            per_delegation.setdefault(s.delegation_id, []).append(seconds)
        person_rows = []
        for pid, times in per_person.items():
            p = people[pid]
            d = delegations.get(p.delegation_id) if p.delegation_id else None
            label = f"{p.title} {p.display_name}".strip()
            person_rows.append(
                SpeakerTotals(
                    key=pid,
                    label_es=label,
                    label_en=label,
                    delegation_code=d.code if d else "",
                    speeches=len(times),
                    seconds=sum(times),
                    sort_key=p.sort_key,
                )
            )
        delegation_rows = []
        for did, times in per_delegation.items():
            d = delegations.get(did) if did is not None else None
            none = translate("Speakers", "No delegation")
            delegation_rows.append(
                SpeakerTotals(
                    key=did,
                    label_es=d.name_es if d else none,
                    label_en=d.name_en if d else none,
                    delegation_code=d.code if d else "",
                    speeches=len(times),
                    seconds=sum(times),
                    sort_key=f"{d.canonical_order:06d}{d.code}" if d else "999999",
                )
            )
        return SpeakingStats(
            day=day,
            people=sorted(person_rows, key=lambda r: r.sort_key),
            delegations=sorted(delegation_rows, key=lambda r: r.sort_key),
        )
