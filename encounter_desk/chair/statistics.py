"""How often and how long each person and each delegation spoke: the day's totals.

:func:`speaking_stats` counts every speech actually given (points of order included; see
:data:`~encounter_desk.chair.lookups.COUNTED_KINDS` for what budgets count), for one day,
one sitting or the whole event, as :class:`SpeakingStats`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select

from encounter_desk.chair.lookups import GIVEN, elapsed_of
from encounter_desk.core.i18n import pick, translate
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import Delegation, Participant, Sitting, Speech


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
