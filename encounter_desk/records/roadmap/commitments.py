"""Commitments of the road map: an initiative seen with its stage, horizon and history.

The one rule for a change of stage is :func:`change_stage`: it keeps the change as a row of
the history (date, source, who entered it), never overwriting, and moves the register's
status along. The one rule for the other road-map fields (horizon, target date,
indicator, focal point, texts) is :func:`apply_fields`. The app, the CLI and the import of
the follow-up forms all call these two.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from encounter_desk.core import names as text
from encounter_desk.core.i18n import in_language, pick, translate
from encounter_desk.event.event import require_event
from encounter_desk.event.validation import valid_email
from encounter_desk.records.initiatives import kind_label, pledges_in
from encounter_desk.records.register import (
    RecordsError,
    choice,
    choice_label,
    choice_labeller,
    long_text,
)
from encounter_desk.records.roadmap.history import append_step, steps_of
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import (
    HORIZON_LABELS,
    STAGE_LABELS,
    STAGE_SOURCE_LABELS,
    Delegation,
    Horizon,
    Initiative,
    InitiativeKind,
    InitiativeStageChange,
    Stage,
    StageSource,
)
from encounter_desk.storage.models.roadmap import HORIZON_MONTHS, STAGE_ORDER

DONE = frozenset({Stage.APPROVED, Stage.ENACTED, Stage.WITHDRAWN})
"""Stages after which a commitment can no longer be late."""

ROADMAP_FIELDS = ("horizon", "target_date", "indicator", "focal_name", "focal_email",
                  "text_es", "text_en")


stage_label = choice_labeller("Roadmap", STAGE_LABELS)


horizon_label = choice_labeller("Roadmap", HORIZON_LABELS)


source_label = choice_labeller("Roadmap", STAGE_SOURCE_LABELS)


def instrument_label(kind: str, lang: str | None = None) -> str:
    return kind_label(kind, lang)


def parse_stage(value: Any) -> Stage:
    """A stage from its value or its label in either language ("En comisión")."""
    found = _by_label(Stage, STAGE_LABELS, value)
    if found is not None:
        return found
    return choice(Stage, value, lambda: RecordsError(
        translate("Roadmap", "{value!r} is not a stage of the road map.").format(value=value),
        code="roadmap.stage"))


def parse_horizon(value: Any) -> Horizon:
    found = _by_label(Horizon, HORIZON_LABELS, value)
    if found is not None:
        return found
    return choice(Horizon, value, lambda: RecordsError(
        translate("Roadmap", "{value!r} is not a horizon (short or medium term).")
        .format(value=value), code="roadmap.horizon"))


def _by_label(kind, labels, value):  # noqa: ANN001, ANN202
    folded = text.fold(str(value or ""))
    for member in kind:
        for lang in ("es", "en"):
            if text.fold(choice_label("Roadmap", labels, member, lang)) == folded:
                return member
    return None


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def horizon_end(encounter_end: dt.date, horizon: str) -> dt.date:
    """The last day a commitment of this horizon is due (6 or 18 months after the end)."""
    return add_months(encounter_end, HORIZON_MONTHS[Horizon(horizon)])


@dataclass(frozen=True)
class StageStep:
    stage: Stage
    previous: Stage | None
    changed_on: dt.date
    source: StageSource
    source_detail: str
    entered_by: str
    note: str


@dataclass(frozen=True)
class Commitment:
    id: int
    delegation_id: int
    delegation_code: str
    delegation_es: str
    delegation_en: str
    delegation_order: int
    iso2: str | None
    title: str
    text_es: str
    text_en: str
    instrument: InitiativeKind
    stage: Stage
    horizon: Horizon
    target_date: dt.date | None
    indicator: str
    focal_name: str
    focal_email: str
    sponsors: str
    history: tuple[StageStep, ...]

    def delegation(self, lang: str | None = None) -> str:
        return pick(lang, self.delegation_es, self.delegation_en)

    def text(self, lang: str | None = None) -> str:
        """The commitment in ``lang``, else in the other language, else its title."""
        return pick(lang, self.text_es, self.text_en) or self.title

    @property
    def stage_at_encounter(self) -> Stage:
        return self.history[0].stage if self.history else self.stage

    @property
    def steps_forward(self) -> int:
        """How many stages it moved since the encounter (0 when withdrawn)."""
        if self.stage is Stage.WITHDRAWN:
            return 0
        return max(0, STAGE_ORDER[self.stage] - STAGE_ORDER[self.stage_at_encounter])

    def overdue(self, today: dt.date) -> bool:
        return (self.target_date is not None and today > self.target_date
                and self.stage not in DONE)


def _steps(rows: list[InitiativeStageChange]) -> tuple[StageStep, ...]:
    return tuple(
        StageStep(Stage(r.stage), Stage(r.previous_stage) if r.previous_stage else None,
                  r.changed_on, StageSource(r.source), r.source_detail, r.entered_by, r.note)
        for r in sorted(rows, key=lambda r: (r.changed_on, r.id))
    )


def commitments_in(session: Session, *, delegation_id: int | None = None) -> list[Commitment]:
    """Every commitment, in the delegations' canonical order, then by horizon and date."""
    items, delegations, people = pledges_in(session, delegation_id=delegation_id)
    if not items:
        return []
    ids = [i.id for i in items]
    history: dict[int, list[InitiativeStageChange]] = {}
    for change in session.scalars(select(InitiativeStageChange)
                                  .where(InitiativeStageChange.initiative_id.in_(ids))):
        history.setdefault(change.initiative_id, []).append(change)
    out = []
    for i in items:
        d = delegations[i.delegation_id]
        sponsors = "; ".join(
            " ".join(x for x in (people[s.participant_id].title,
                                 people[s.participant_id].display_name) if x)
            for s in i.sponsors if s.participant_id in people)
        out.append(Commitment(
            id=i.id, delegation_id=d.id, delegation_code=d.code, delegation_es=d.name_es,
            delegation_en=d.name_en, delegation_order=d.canonical_order, iso2=d.iso2,
            title=i.title, text_es=i.text_es, text_en=i.text_en,
            instrument=InitiativeKind(i.kind), stage=Stage(i.stage),
            horizon=Horizon(i.horizon), target_date=i.target_date, indicator=i.indicator,
            focal_name=i.focal_name, focal_email=i.focal_email, sponsors=sponsors,
            history=_steps(history.get(i.id, []))))
    out.sort(key=lambda c: (c.delegation_order, c.delegation_es,
                            list(Horizon).index(c.horizon),
                            c.target_date or dt.date.max, text.collation_key(c.title), c.id))
    return out


def load_commitments(db: Database, *, delegation_id: int | None = None) -> list[Commitment]:
    with db.read() as session:
        return commitments_in(session, delegation_id=delegation_id)


def get_commitment(db: Database, initiative_id: int) -> Commitment:
    with db.read() as session:
        return _one(session, initiative_id)


def _one(session: Session, initiative_id: int) -> Commitment:
    initiative = session.get(Initiative, initiative_id)
    if initiative is None:
        raise _missing(initiative_id)
    return next(c for c in commitments_in(session, delegation_id=initiative.delegation_id)
                if c.id == initiative_id)


def _missing(initiative_id: int) -> RecordsError:
    return RecordsError(translate("Initiatives", "There is no initiative {id}.")
                        .format(id=initiative_id), code="initiative.missing")


def today_at_venue(session: Session, now: dt.datetime) -> dt.date:
    from encounter_desk.event.event import venue_zone

    return now.astimezone(venue_zone(require_event(session).timezone)).date()


def change_stage(
    session: Session,
    initiative: Initiative,
    stage: Any,
    *,
    on: dt.date,
    today: dt.date,
    source: StageSource = StageSource.APP,
    source_detail: str = "",
    note: str = "",
    now: dt.datetime,
) -> bool:
    """Move ``initiative`` to ``stage`` as of ``on``, keeping the change in the history.

    False (nothing written) when it is already at that stage. A date in the future, or
    before the last change, is refused: the history reads in order.
    """
    new = parse_stage(stage)
    if not isinstance(on, dt.date):
        raise RecordsError(translate("Roadmap", "The date of a change of stage must be a date."),
                           code="roadmap.date")
    if on > today:
        raise RecordsError(translate("Roadmap", "The date of a change of stage cannot be in "
                                     "the future ({date}).").format(date=on.isoformat()),
                           code="roadmap.future")
    history = steps_of(session, initiative.id)
    if new.value == initiative.stage:
        return False
    if history and on < max(h.changed_on for h in history):
        raise RecordsError(translate(
            "Roadmap", "The date of a change of stage cannot come before the last change "
            "({date}).").format(date=max(h.changed_on for h in history).isoformat()),
            code="roadmap.date_order")
    append_step(session, initiative, new, on=on, source=source, source_detail=source_detail,
                note=note, now=now, history=history)
    return True


def apply_fields(initiative: Initiative, values: dict[str, Any], *,
                 encounter_end: dt.date) -> bool:
    """Set the road-map fields named in ``values`` (see :data:`ROADMAP_FIELDS`), checked;
    True when something changed. A horizon without a target date gets its last day."""
    unknown = set(values) - set(ROADMAP_FIELDS)
    if unknown:
        raise RecordsError(translate("Initiatives", "An initiative has no field {name}.")
                           .format(name=", ".join(sorted(unknown))), code="initiative.field")
    clean: dict[str, Any] = {}
    for key, value in values.items():
        if key == "horizon":
            clean[key] = parse_horizon(value).value
        elif key == "target_date":
            if value is not None and not isinstance(value, dt.date):
                raise RecordsError(translate("Initiatives", "The target date must be a date."),
                                   code="initiative.target_date")
            clean[key] = value
        elif key == "focal_email":
            email = text.clean(value).lower()
            if email and not valid_email(email):
                raise RecordsError(translate(
                    "Roadmap", "{value!r} is not an email address.").format(value=email),
                    code="roadmap.focal_email")
            clean[key] = email
        elif key in ("indicator", "text_es", "text_en"):
            clean[key] = long_text(value)
        else:
            clean[key] = text.clean(value)[:200]
    changed = False
    for key, value in clean.items():
        if getattr(initiative, key) != value:
            setattr(initiative, key, value)
            changed = True
    if initiative.target_date is None:
        initiative.target_date = horizon_end(encounter_end, initiative.horizon)
        changed = True
    return changed


def set_stage(db: Database, initiative_id: int, stage: Any, *, on: dt.date | None = None,
              source_detail: str = "", note: str = "") -> Commitment:
    """Record a change of stage entered in the app (``on``: the day it happened, default
    today at the venue)."""
    with db.write() as session:
        initiative = session.get(Initiative, initiative_id)
        if initiative is None:
            raise _missing(initiative_id)
        now = db.clock()
        today = today_at_venue(session, now)
        change_stage(session, initiative, stage, on=on or today, today=today,
                     source_detail=source_detail, note=note, now=now)
        session.flush()
        return _one(session, initiative_id)


def update_commitment(db: Database, initiative_id: int, **values: Any) -> Commitment:
    """Change the road-map fields of a commitment (horizon, target date, indicator…)."""
    with db.write() as session:
        initiative = session.get(Initiative, initiative_id)
        if initiative is None:
            raise _missing(initiative_id)
        if apply_fields(initiative, values, encounter_end=require_event(session).end_date):
            initiative.updated_at = db.clock()
        session.flush()
        return _one(session, initiative_id)


def document_language(delegation: Delegation) -> str:
    """The language of a delegation's documents: its choice, else English for the
    English-speaking members (Belize, Canada, the United States), else Spanish."""
    if delegation.document_language in ("es", "en"):
        return delegation.document_language
    return "en" if (delegation.iso2 or "").upper() in ("BZ", "CA", "US") else "es"


def set_document_language(db: Database, delegation_id: int, lang: str) -> None:
    """Choose the language of a delegation's certificates and forms ("" for the usual)."""
    if lang not in ("", "es", "en"):
        raise RecordsError(translate("Roadmap", "{value!r} is not a language of the "
                                     "documents (es or en).").format(value=lang),
                           code="roadmap.language")
    with db.write() as session:
        delegation = session.get(Delegation, delegation_id)
        if delegation is None:
            raise RecordsError(translate("Roadmap", "There is no delegation {id}.")
                               .format(id=delegation_id), code="roadmap.delegation")
        delegation.document_language = lang


def labels_in(lang: str) -> dict[str, str]:
    """The stage labels in ``lang`` by value (for a list to choose from)."""
    tr = in_language(lang)
    return {stage.value: tr.translate("Roadmap", STAGE_LABELS[stage]) for stage in Stage}
