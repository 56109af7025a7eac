"""What the minutes and the event report read of the declaration, inside their transaction.

* :func:`annex_for` — the declaration adopted by an agreement: its title, its text as
  adopted (the consolidated text, the statements of delegations) and how it was adopted,
  with each delegation's vote, in the document's language. The minutes print it as the
  agreement's annex; the event report prints it in full.
* :func:`speech_subjects` — for each speech of a sitting that was an intervention on the
  declaration, what it spoke to: "On operative paragraph 3 (amendment 2)".

Both take the caller's session (the records read a sitting in one transaction) and write
nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from encounter_desk.core.i18n import in_language
from encounter_desk.declaration.base import paragraph_name
from encounter_desk.declaration.discussion import session_interventions
from encounter_desk.declaration.document import build_document
from encounter_desk.declaration.state import VoteRow, find_declaration, read_state
from encounter_desk.storage.models import DeclarationAdoption, Sitting


@dataclass(frozen=True)
class AnnexText:
    title: str
    text: str
    adoption_text: str
    """"Adopted by vote of delegations at session 4…: 9 in favour…" and each delegation's vote."""
    votes: tuple[VoteRow, ...] = ()
    """Each member delegation's vote, when adopted by vote of the delegations."""


def annex_for(session: Session, agreement_id: int, lang: str) -> AnnexText | None:
    """The declaration an agreement adopted, as printed in ``lang``; None for any other."""
    adoption = session.scalar(select(DeclarationAdoption).where(
        DeclarationAdoption.agreement_id == agreement_id))
    if adoption is None:
        return None
    state = read_state(session, adoption.declaration_id)
    doc = build_document(state, lang)
    adopted = doc.adoption_text
    if doc.votes:
        votes = "; ".join(f"{who}: {vote.lower()}" for who, vote in doc.votes)
        adopted = f"{adopted} {doc.votes_heading}: {votes}."
    body = doc.plain_text()
    if body.startswith(doc.title):
        body = body[len(doc.title):].lstrip()  # the annex's heading already says it
    return AnnexText(doc.title, body, adopted,
                     state.adoption.votes if state.adoption is not None else ())


def speech_subjects(session: Session, sitting_id: int, lang: str) -> dict[int, str]:
    """speech id -> "On operative paragraph 3 (amendment 2)" for the sitting's speeches on
    the declaration (none when the declaration is negotiated in another sitting)."""
    declaration = find_declaration(session)
    if declaration is None or declaration.sitting_id != sitting_id or \
            session.get(Sitting, sitting_id) is None:
        return {}
    state = read_state(session, declaration.id)
    t = in_language(lang)
    out = {}
    for i in session_interventions(session, state):
        paragraph = state.paragraph(i.paragraph_id)
        amendment = state.amendment(i.amendment_id)
        name = paragraph_name(paragraph.part, paragraph.position, lang)
        if amendment is not None:
            out[i.speech_id] = t.translate("Declaration", "On {paragraph} (amendment "
                                           "{number})").format(paragraph=name,
                                                               number=amendment.number)
        else:
            out[i.speech_id] = t.translate("Declaration", "On {paragraph}").format(
                paragraph=name)
    return out
