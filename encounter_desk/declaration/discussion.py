"""The paragraph under discussion, the amendment being decided, and the speeches on them.

The chair moves through the draft paragraph by paragraph (:func:`step_paragraph`) and,
within a paragraph, through its amendments (:func:`step_amendment`); each move is kept
with its time. The room screen shows the last move. The interventions of the drafting
sitting are the speeches of its list like any other: a speech that starts while a
paragraph (and an amendment) is under discussion is an intervention on it
(:func:`interventions`), so the minutes can say what each delegation spoke to.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from encounter_desk.core.i18n import pick, translate
from encounter_desk.declaration.base import DeclarationError, moment, require_paragraph
from encounter_desk.declaration.state import DeclarationState, load_state, require_declaration
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import (
    DeclarationAmendment,
    DeclarationDiscussion,
    Delegation,
    Participant,
    Speech,
    SpeechState,
)


def discuss(db: Database, declaration_id: int, paragraph_id: int | None,
            amendment_id: int | None = None, *, at: dt.datetime | None = None) -> None:
    """Put ``paragraph_id`` (and ``amendment_id``, one of its amendments) under discussion;
    None closes the discussion."""
    with db.write() as session:
        d = require_declaration(session, declaration_id)
        if paragraph_id is not None:
            require_paragraph(session, paragraph_id, d.id)
        if amendment_id is not None:
            a = session.get(DeclarationAmendment, amendment_id)
            if a is None or a.paragraph_id != paragraph_id:
                raise DeclarationError(
                    translate("Declaration", "That amendment is not on the paragraph under "
                              "discussion."), code="declaration.not_on_paragraph")
        last = session.scalar(
            select(DeclarationDiscussion).where(DeclarationDiscussion.declaration_id == d.id)
            .order_by(DeclarationDiscussion.started_at.desc(), DeclarationDiscussion.id.desc())
            .limit(1))
        if last is not None and (last.paragraph_id, last.amendment_id) == (paragraph_id,
                                                                           amendment_id):
            return
        if last is None and paragraph_id is None:
            return
        session.add(DeclarationDiscussion(declaration_id=d.id, paragraph_id=paragraph_id,
                                          amendment_id=amendment_id, started_at=moment(db, at)))


def step_paragraph(db: Database, declaration_id: int, step: int, *,
                   at: dt.datetime | None = None) -> int | None:
    """Move the discussion ``step`` paragraphs on (or back) in the draft's order; returns
    the paragraph now under discussion. From no paragraph, forward starts at the first."""
    state = load_state(db, declaration_id)
    ids = [p.id for p in state.paragraphs]
    if not ids:
        return None
    current = state.discussion.paragraph_id
    if current not in ids:
        index = 0 if step >= 0 else len(ids) - 1
    else:
        index = max(0, min(len(ids) - 1, ids.index(current) + step))
    discuss(db, declaration_id, ids[index], None, at=at)
    return ids[index]


def step_amendment(db: Database, declaration_id: int, step: int, *,
                   at: dt.datetime | None = None) -> int | None:
    """Move to the next (or previous) amendment of the paragraph under discussion; back
    from the first returns to the paragraph itself. Returns the amendment now shown."""
    state = load_state(db, declaration_id)
    paragraph_id = state.discussion.paragraph_id
    if paragraph_id is None:
        paragraph_id = step_paragraph(db, declaration_id, 1, at=at)
        state = load_state(db, declaration_id)
    if paragraph_id is None:
        return None
    choices: list[int | None] = [None] + [a.id for a in state.amendments_on(paragraph_id)]
    current = state.discussion.amendment_id
    index = choices.index(current) if current in choices else 0
    index = max(0, min(len(choices) - 1, index + step))
    discuss(db, declaration_id, paragraph_id, choices[index], at=at)
    return choices[index]


@dataclass(frozen=True)
class Intervention:
    speech_id: int
    participant_id: int
    speaker: str
    delegation_es: str
    delegation_en: str
    started_at: dt.datetime
    ended_at: dt.datetime | None
    paragraph_id: int
    amendment_id: int | None

    def delegation(self, lang: str | None = None) -> str:
        return pick(lang, self.delegation_es, self.delegation_en)


def interventions(db: Database, state: DeclarationState) -> list[Intervention]:
    """The speeches of the drafting sitting, each tied to what was under discussion when it
    started (speeches outside any discussion are left out)."""
    with db.read() as session:
        return session_interventions(session, state)


def session_interventions(session: Session, state: DeclarationState) -> list[Intervention]:
    """:func:`interventions` inside a transaction the caller already holds."""
    moves = list(session.scalars(
        select(DeclarationDiscussion).where(DeclarationDiscussion.declaration_id == state.id)
        .order_by(DeclarationDiscussion.started_at, DeclarationDiscussion.id)))
    if not moves:
        return []
    query = (select(Speech, Participant, Delegation)
             .join(Participant, Speech.participant_id == Participant.id)
             .outerjoin(Delegation, Speech.delegation_id == Delegation.id)
             .where(Speech.started_at.is_not(None),
                    Speech.state != SpeechState.WITHDRAWN.value,
                    Speech.started_at >= moves[0].started_at)
             .order_by(Speech.started_at, Speech.id))
    if state.sitting_id is not None:
        query = query.where(Speech.sitting_id == state.sitting_id)
    out: list[Intervention] = []
    for speech, person, delegation in session.execute(query):
        move = _move_at(moves, speech.started_at)
        if move is None or move.paragraph_id is None:
            continue
        out.append(Intervention(
            speech.id, person.id, f"{person.title} {person.display_name}".strip(),
            delegation.name_es if delegation else "", delegation.name_en if delegation else "",
            speech.started_at, speech.ended_at, move.paragraph_id, move.amendment_id))
    return out


def _move_at(moves: list[DeclarationDiscussion], moment: dt.datetime) -> DeclarationDiscussion | None:
    found = None
    for move in moves:
        if move.started_at <= moment:
            found = move
        else:
            break
    return found
