"""What a reader of a list of speakers gets: plain frozen dataclasses, and their builder.

:class:`QueueEntry` (one speech, with the speaker's title, name, delegation and flag),
:class:`CurrentSpeech` (the speech on the floor with its clock inputs),
:class:`ListSettings`, :class:`ListSnapshot` (a whole list as the chair and the room see
it) and :class:`BudgetRow`. :class:`EntryBuilder` makes them from the rows of one
session, loading people and delegations once per read; the commands hand back what
:func:`entry_of` and :func:`current_of` build.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from encounter_desk.chair.clock import DEFAULT_WARNING_SECONDS, SpeechTiming, format_duration
from encounter_desk.chair.lookups import (
    COUNTED_KINDS,
    budget_for,
    budget_used,
    elapsed_of,
    find_list,
    first_speeches,
    list_limits,
    on_floor,
    require_sitting,
)
from encounter_desk.core.copying import fields_of
from encounter_desk.core.i18n import in_language, pick
from encounter_desk.storage.models import (
    SPEECH_KIND_LABELS,
    Delegation,
    Participant,
    Sitting,
    SpeakingBudget,
    Speech,
    SpeechKind,
    SpeechState,
)


def kind_label(kind: str, lang: str | None = None) -> str:
    """The kind of intervention in ``lang`` (default: the current language): "Point of order"."""
    return in_language(lang).translate("SpeechKind", SPEECH_KIND_LABELS[SpeechKind(kind)])


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
    reason: str = ""
    """A point of order's reason (a :class:`~encounter_desk.storage.models.PointReason`
    value; "": not stated yet, and every other kind)."""
    reason_text: str = ""
    """A point of order's reason in the chair's few words."""

    @property
    def timing(self) -> SpeechTiming:
        return SpeechTiming.of(self)

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
    only_present: bool = False
    """Only participants marked present at the sitting may be put on the list."""


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
        only_present=bool(lst and lst.only_present),
    )


def flag_of(delegation: Delegation | None) -> str:
    if delegation is None or delegation.kind != "country" or not delegation.iso2:
        return ""
    return delegation.iso2.lower()


# --- building the dataclasses -----------------------------------------------------------


_SPEECH_AS_IS = (
    "id", "sitting_id", "agenda_item_id", "participant_id", "delegation_id", "position",
    "replies_to_id", "interrupts_id", "requested_at", "started_at", "ended_at", "paused_at",
    "custom_limit", "language",
)
"""The columns of a speech a queue entry shows as they are stored."""


class EntryBuilder:
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
            **fields_of(s, _SPEECH_AS_IS),
            title=person.title,
            name=person.display_name,
            sort_name=person.sort_name,
            delegation_code=delegation.code if delegation else "",
            delegation_es=delegation.name_es if delegation else "",
            delegation_en=delegation.name_en if delegation else "",
            flag=flag_of(delegation),
            kind=SpeechKind(s.kind),
            state=SpeechState(s.state),
            replies_to_name=answered_name,
            paused_seconds=s.paused_seconds or 0.0,
            pause_count=s.pause_count or 0,
            limit_seconds=limit,
            summary=s.summary.original_text,
            first_of_sitting=first,
            reason=s.reason or "",
            reason_text=s.reason_text or "",
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


def entry_of(session: Session, speech: Speech) -> QueueEntry:
    """What a command hands back about the speech it changed (its changes flushed first)."""
    session.flush()
    return EntryBuilder(session, require_sitting(session, speech.sitting_id)).entry(speech)


def current_of(session: Session, sitting: Sitting, now: dt.datetime) -> CurrentSpeech | None:
    """Who has the floor of ``sitting`` once a command's changes are flushed (None: nobody)."""
    session.flush()
    return EntryBuilder(session, sitting).current(now)
