"""The history of a commitment's stages: one place that appends a step.

:func:`append_step` keeps a change of stage as a new row (the first change also keeps the
stage the commitment had before, as the starting point), moves the stage and the
register's status along. :func:`follow_status` is what the register of initiatives calls
when its coarser status is set by hand: the stage follows, and the history says so.
Checking the date of a change is :func:`~encounter_desk.records.roadmap.commitments.change_stage`'s.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from encounter_desk.core.clock import utcnow
from encounter_desk.event.event import require_event, venue_zone
from encounter_desk.records.register import long_text
from encounter_desk.storage.models import Initiative, InitiativeStageChange, Stage, StageSource
from encounter_desk.storage.models.roadmap import STAGE_OF_STATUS, STATUS_OF_STAGE


def steps_of(session: Session, initiative_id: int) -> list[InitiativeStageChange]:
    return list(session.scalars(select(InitiativeStageChange).where(
        InitiativeStageChange.initiative_id == initiative_id)))


def append_step(session: Session, initiative: Initiative, stage: Stage, *, on: dt.date,
                source: StageSource, source_detail: str = "", note: str = "",
                now: dt.datetime, history: list[InitiativeStageChange] | None = None) -> None:
    actor = str(session.info.get("actor") or "")[:200]
    if not (history if history is not None else steps_of(session, initiative.id)):
        created = initiative.created_at or now
        session.add(InitiativeStageChange(
            initiative_id=initiative.id, stage=initiative.stage, previous_stage="",
            changed_on=min(created.date(), on), source=StageSource.ENCOUNTER.value,
            entered_by=actor, recorded_at=now))
    session.add(InitiativeStageChange(
        initiative_id=initiative.id, stage=stage.value, previous_stage=initiative.stage,
        changed_on=on, source=StageSource(source).value, source_detail=source_detail[:300],
        entered_by=actor, note=long_text(note), recorded_at=now))
    initiative.stage = stage.value
    initiative.status = STATUS_OF_STAGE[stage]
    initiative.updated_at = now


def follow_status(session: Session, initiative: Initiative) -> None:
    """The register's status was set: when it says another stage, the stage follows (a
    new initiative simply starts there; a stored one gets a step in its history)."""
    current = Stage(initiative.stage or Stage.ANNOUNCED.value)
    if STATUS_OF_STAGE[current] == initiative.status:
        return
    stage = STAGE_OF_STATUS[initiative.status]
    if initiative.id is None:
        initiative.stage = stage.value
        return
    now = (session.info.get("clock") or utcnow)()
    today = now.astimezone(venue_zone(require_event(session).timezone)).date()
    append_step(session, initiative, stage, on=today, source=StageSource.APP, now=now)
