"""The interventions of the minutes and the speaking time they add up to.

Interventions are the speeches actually given (withdrawn and waiting ones are not in the
record), numbered through the sitting in the order they started and grouped by agenda
item (:class:`AgendaSection`); :func:`speaking_shares` sums them by delegation and by
gender.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select

from encounter_desk.chair.clock import SpeechTiming, format_duration
from encounter_desk.chair.point_reasons import point_of_order_heading, point_of_order_line
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, in_language
from encounter_desk.declaration import annex as declaration_annex
from encounter_desk.records.minutes.context import MinutesContext, percent, t
from encounter_desk.records.people import NamedPerson
from encounter_desk.storage.models import (
    SPEECH_KIND_LABELS,
    AgendaItem,
    Sitting,
    Speech,
    SpeechKind,
    SpeechState,
)

GIVEN_STATES = (SpeechState.SPEAKING.value, SpeechState.PAUSED.value, SpeechState.DONE.value)


GENDERS = (
    ("F", QT_TRANSLATE_NOOP("Minutes", "Women")),
    ("M", QT_TRANSLATE_NOOP("Minutes", "Men")),
    ("X", QT_TRANSLATE_NOOP("Minutes", "Other")),
    ("", QT_TRANSLATE_NOOP("Minutes", "Not stated")),
)


@dataclass(frozen=True)
class Intervention(NamedPerson):
    """One speech given, as the minutes print it (``full_name`` is the speaker)."""

    number: int
    speech_id: int
    agenda_item_number: int | None
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
    reason: str = ""
    """A point of order's reason (a PointReason value; "": not stated, other kinds)."""
    reason_text: str = ""
    """A point of order's reason in the chair's words."""
    reason_heading: str = ""
    """"Moción de orden (quórum)" for a point of order (its kind alone without a reason)."""
    reason_line: str = ""
    """"Moción de orden (quórum): se pide verificar el quórum" — "" when not stated."""


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


def gather_interventions(
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
        seconds = SpeechTiming.of(s).elapsed_at(s.ended_at or now)
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
                **_reason(s, ctx.lang),
            )
        )
    return out


def _reason(s: Speech, lang: str) -> dict[str, str]:
    """A point of order's reason as the minutes print it ("moción de orden (quórum): …")."""
    if s.kind != SpeechKind.POINT_OF_ORDER:
        return {}
    return {"reason": s.reason, "reason_text": s.reason_text,
            "reason_heading": point_of_order_heading(s.reason, lang),
            "reason_line": point_of_order_line(s.reason, s.reason_text, lang)}


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


def speaking_shares(ctx: MinutesContext, interventions: list[Intervention]):  # noqa: ANN202
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
