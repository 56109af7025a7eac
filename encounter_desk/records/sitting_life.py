"""A sitting's life: opened (quorum verified), suspended and resumed, adjourned; its minutes approved.

A sitting that was never opened is *not held* (*no celebrada*): it has no attendance, no
quorum and no minutes. :func:`open_sitting` records the moment and the quorum as verified
at that moment (refused when the event's quorum rule is not met); :func:`suspend_sitting`
and :func:`resume_sitting` record a recess; :func:`adjourn_sitting` closes it. The approval
of the minutes (:func:`approve_minutes`) records when and at which sitting they were
approved, and is refused until the sitting is adjourned. Every refusal is a
:class:`~encounter_desk.records.register.RecordsError` with a sentence and a code
(``sitting.not_held``, ``sitting.not_adjourned``…).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, in_language, translate
from encounter_desk.event.event import require_event
from encounter_desk.records.attendance.counts import counts_in
from encounter_desk.records.attendance.door import zone_of
from encounter_desk.records.register import RecordsError, find_sitting
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import Delegation, Recess, Sitting, Speech, SpeechState
from encounter_desk.storage.models.base import Vocabulary


class Stage(Vocabulary):
    NOT_HELD = "not_held", QT_TRANSLATE_NOOP("Minutes", "not held")
    OPEN = "open", QT_TRANSLATE_NOOP("Minutes", "in progress")
    SUSPENDED = "suspended", QT_TRANSLATE_NOOP("Minutes", "suspended")
    ADJOURNED = "adjourned", QT_TRANSLATE_NOOP("Minutes", "adjourned")


def stage_label(stage: Stage, lang: str | None = None) -> str:
    """"not held" / "no celebrada", in ``lang`` (default: the UI's language)."""
    return in_language(lang).translate("Minutes", stage.label)


def stage_of(sitting: Sitting) -> Stage:
    if sitting.actual_start is None:
        return Stage.NOT_HELD
    if sitting.adjourned_at is not None:
        return Stage.ADJOURNED
    if any(r.ended_at is None for r in sitting.recesses):
        return Stage.SUSPENDED
    return Stage.OPEN


@dataclass(frozen=True)
class SittingLife:
    """Where a sitting stands, for the chair, the Records workspace and the CLI."""

    sitting_id: int
    number: int
    stage: Stage
    opened_at: dt.datetime | None
    adjourned_at: dt.datetime | None
    quorum_represented: int | None
    quorum_members: int | None
    quorum_met: bool | None
    recesses: tuple[tuple[dt.datetime, dt.datetime | None], ...]
    approved_at: dt.datetime | None
    approved_in_number: int | None
    timezone: str = "UTC"

    @property
    def held(self) -> bool:
        return self.stage is not Stage.NOT_HELD

    def local(self, moment: dt.datetime | None) -> str:
        """"09:41" in the event's time zone ("" for no moment)."""
        return moment.astimezone(zone_of(self.timezone)).strftime("%H:%M") if moment else ""

    def sentence(self, lang: str | None = None) -> str:
        """Where the sitting stands, in one sentence for the chair or the terminal."""
        tr = in_language(lang)
        if self.stage is Stage.NOT_HELD:
            return tr.translate("Records", "Session {n} has not been opened.").format(
                n=self.number)
        if self.stage is Stage.ADJOURNED:
            return tr.translate("Records", "Session {n} opened at {opened} and adjourned at "
                                "{adjourned}.").format(n=self.number,
                                                      opened=self.local(self.opened_at),
                                                      adjourned=self.local(self.adjourned_at))
        if self.stage is Stage.SUSPENDED:
            return tr.translate("Records", "Session {n} suspended (recess) since {time}.").format(
                n=self.number, time=self.local(self.recesses[-1][0]))
        if self.quorum_met is None:
            return tr.translate("Records", "Session {n} opened at {time}.").format(
                n=self.number, time=self.local(self.opened_at))
        return tr.translate("Records", "Session {n} opened at {time}, with quorum: {present} of "
                            "{members} member delegations represented.").format(
            n=self.number, time=self.local(self.opened_at), present=self.quorum_represented,
            members=self.quorum_members)


def life_of(session: Session, sitting: Sitting) -> SittingLife:
    approved_in = (session.get(Sitting, sitting.minutes_approved_in_id)
                   if sitting.minutes_approved_in_id else None)
    return SittingLife(
        sitting_id=sitting.id,
        number=sitting.number,
        stage=stage_of(sitting),
        opened_at=sitting.actual_start,
        adjourned_at=sitting.adjourned_at,
        quorum_represented=sitting.quorum_represented,
        quorum_members=sitting.quorum_members,
        quorum_met=sitting.quorum_met,
        recesses=tuple((r.started_at, r.ended_at) for r in sitting.recesses),
        approved_at=sitting.minutes_approved_at,
        approved_in_number=approved_in.number if approved_in else None,
        timezone=require_event(session).timezone,
    )


def sitting_life(db: Database, sitting_id: int) -> SittingLife:
    with db.read() as session:
        return life_of(session, find_sitting(session, sitting_id=sitting_id))


# --- refusals, worded once -------------------------------------------------------------


def require_held(sitting: Sitting) -> None:
    """Refused (``sitting.not_held``) for a sitting that was never opened."""
    if sitting.actual_start is None:
        raise RecordsError(
            translate("Records", "Session {n} was not held (it was never opened): it has no "
                      "attendance, no quorum and no minutes.").format(n=sitting.number),
            code="sitting.not_held",
        )


def require_adjourned(sitting: Sitting) -> None:
    """Refused (``sitting.not_adjourned``) until the sitting is adjourned."""
    require_held(sitting)
    if sitting.adjourned_at is None:
        raise RecordsError(
            translate("Records", "Session {n} has not been adjourned yet: its minutes can be "
                      "approved only after it is adjourned.").format(n=sitting.number),
            code="sitting.not_adjourned",
        )


def check_adjourned(db: Database, sitting_id: int) -> None:
    """:func:`require_adjourned` for a screen: refused until the sitting is adjourned, before
    it offers final minutes or asks where they were approved."""
    with db.read() as session:
        require_adjourned(find_sitting(session, sitting_id=sitting_id))


def _now(db: Database, at: dt.datetime | None) -> dt.datetime:
    return at if at is not None else db.clock()


def _life_step(
    step: Callable[[Session, Sitting, dt.datetime], None],
) -> Callable[..., SittingLife]:
    """A step of a sitting's life, called ``step(db, sitting_id, *, at=None)``: in one write,
    ``step(session, sitting, now)`` changes the sitting or refuses; returns its life after."""

    @functools.wraps(step)
    def run(db: Database, sitting_id: int, *, at: dt.datetime | None = None) -> SittingLife:
        now = _now(db, at)
        with db.write() as session:
            sitting = find_sitting(session, sitting_id=sitting_id)
            step(session, sitting, now)
            session.flush()
            return life_of(session, sitting)

    return run


def _refuse_adjourned(sitting: Sitting) -> None:
    if sitting.adjourned_at is not None:
        raise RecordsError(
            translate("Records", "Session {n} was already adjourned.").format(
                n=sitting.number), code="sitting.adjourned")


def _end_recess(sitting: Sitting, now: dt.datetime) -> None:
    for recess in sitting.recesses:
        if recess.ended_at is None:
            recess.ended_at = now


# --- the life ---------------------------------------------------------------------------


@_life_step
def open_sitting(session: Session, sitting: Sitting, now: dt.datetime) -> None:
    """Open the sitting now: record the moment and the quorum verified at it.

    Refused when it is already open or adjourned, and when the event's quorum rule is not
    met by the attendance recorded so far (the sentence says how many are present).
    """
    _refuse_adjourned(sitting)
    if sitting.actual_start is not None:
        raise RecordsError(
            translate("Records", "Session {n} is already open.").format(n=sitting.number),
            code="sitting.already_open")
    event = require_event(session)
    members = len(session.scalars(select(Delegation.id).where(Delegation.is_member)).all())
    counts = counts_in(session, sitting.id, members, event.quorum_rule or "")
    quorum = counts.quorum
    assert quorum is not None
    if quorum.met is False:
        raise RecordsError(
            translate("Records", "Session {n} cannot be opened: {quorum} Record the "
                      "attendance first.").format(n=sitting.number, quorum=quorum.text()),
            code="sitting.no_quorum")
    sitting.actual_start = now
    sitting.quorum_represented = quorum.represented
    sitting.quorum_members = quorum.members
    sitting.quorum_met = quorum.met


@_life_step
def suspend_sitting(session: Session, sitting: Sitting, now: dt.datetime) -> None:
    """Declare a recess: refused unless the sitting is open (and not already suspended)."""
    stage = stage_of(sitting)
    if stage is not Stage.OPEN:
        raise RecordsError(
            translate("Records", "Only an open session can be suspended; session {n} is "
                      "{stage}.").format(n=sitting.number, stage=stage_label(stage)),
            code="sitting.not_open")
    _stop_floor(session, sitting)
    sitting.recesses.append(Recess(started_at=now))


@_life_step
def resume_sitting(session: Session, sitting: Sitting, now: dt.datetime) -> None:
    """End the recess: refused unless the sitting is suspended."""
    if stage_of(sitting) is not Stage.SUSPENDED:
        raise RecordsError(
            translate("Records", "Session {n} is not suspended.").format(n=sitting.number),
            code="sitting.not_suspended")
    _end_recess(sitting, now)


@_life_step
def adjourn_sitting(session: Session, sitting: Sitting, now: dt.datetime) -> None:
    """Adjourn (*se levantó la sesión*): ends a recess still running; refused for a sitting
    never opened, already adjourned, or with a speech on the floor."""
    require_held(sitting)
    _refuse_adjourned(sitting)
    if _on_floor(session, sitting):
        raise RecordsError(
            translate("Records", "A speaker still has the floor in session {n}: end the "
                      "speech before adjourning.").format(n=sitting.number),
            code="sitting.speech_running")
    _end_recess(sitting, now)
    sitting.adjourned_at = now


def approve_minutes(db: Database, sitting_id: int, *, approved_in: int,
                    at: dt.datetime | None = None) -> SittingLife:
    """Record that the minutes of ``sitting_id`` were approved at sitting ``approved_in``
    (an id; the same sitting or a later one, itself held). Refused until adjourned."""
    now = _now(db, at)
    with db.write() as session:
        sitting = find_sitting(session, sitting_id=sitting_id)
        require_adjourned(sitting)
        where = find_sitting(session, sitting_id=approved_in)
        if where.number < sitting.number:
            raise RecordsError(
                translate("Records", "The minutes of session {n} cannot be approved at an "
                          "earlier session ({m}).").format(n=sitting.number, m=where.number),
                code="sitting.approved_earlier")
        require_held(where)
        sitting.minutes_approved_at = now
        sitting.minutes_approved_in_id = where.id
        session.flush()
        return life_of(session, sitting)


def _on_floor(session: Session, sitting: Sitting) -> bool:
    return session.scalar(
        select(Speech.id).where(
            Speech.sitting_id == sitting.id,
            Speech.state.in_((SpeechState.SPEAKING.value, SpeechState.PAUSED.value)),
        ).limit(1)
    ) is not None


def _stop_floor(session: Session, sitting: Sitting) -> None:
    """A recess cannot start with a speaker at the microphone."""
    if session.scalar(
        select(Speech.id).where(Speech.sitting_id == sitting.id,
                                Speech.state == SpeechState.SPEAKING.value).limit(1)
    ) is not None:
        raise RecordsError(
            translate("Records", "A speaker has the floor in session {n}: pause or end the "
                      "speech before the recess.").format(n=sitting.number),
            code="sitting.speech_running")
