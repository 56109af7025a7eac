"""The draft: typed or imported, in Spanish and English side by side, one language authentic.

The draft is the text the delegations amend, so it holds still once it matters:

* its **structure** (adding, removing, moving paragraphs) changes only while no amendment
  has been proposed — amendments name paragraphs by their place ("OP3");
* its **wording** changes only until the chair decides the first amendment; after that,
  only a translation still missing (an empty side) may be added;
* after the **adoption** nothing changes.

Every function validates before writing and raises :class:`DeclarationError` with a
sentence for the user, writing nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from encounter_desk.core import names as text
from encounter_desk.core.i18n import translate
from encounter_desk.declaration.base import (
    LANGUAGES,
    DeclarationError,
    check_language,
    paragraph_text,
)
from encounter_desk.declaration.state import find_declaration, require_declaration
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import (
    AmendmentSponsor,
    Declaration,
    DeclarationAdoption,
    DeclarationAmendment,
    DeclarationDiscussion,
    DeclarationParagraph,
    DeclarationPart,
    DeclarationStatement,
    Event,
    Sitting,
)


@dataclass
class DraftParagraph:
    part: str
    text_es: str = ""
    text_en: str = ""


@dataclass
class DraftContent:
    """A whole draft as typed or read from a file (either language may be empty)."""

    title_es: str = ""
    title_en: str = ""
    chapeau_es: str = ""
    chapeau_en: str = ""
    operative_intro_es: str = ""
    operative_intro_en: str = ""
    paragraphs: list[DraftParagraph] = field(default_factory=list)
    place: str = ""
    date: dt.date | None = None

    def count(self, part: str) -> int:
        return sum(1 for p in self.paragraphs if p.part == part)


FRAME_TEXT = ("title_es", "title_en", "chapeau_es", "chapeau_en", "operative_intro_es",
              "operative_intro_en")
FRAME_OTHER = ("authentic_language", "place", "date", "sitting_id")


# --- guards ------------------------------------------------------------------------------

def _not_adopted(session: Session, d: Declaration) -> None:
    if session.scalar(select(DeclarationAdoption.id).where(
            DeclarationAdoption.declaration_id == d.id)) is not None:
        raise DeclarationError(
            translate("Declaration", "The declaration has been adopted: its text can no "
                      "longer change. Cancel the adoption first if it was recorded by "
                      "mistake."), code="declaration.adopted")


def _amendments(session: Session, d: Declaration, *, decided: bool) -> int:
    query = select(func.count(DeclarationAmendment.id)).where(
        DeclarationAmendment.declaration_id == d.id)
    if decided:
        query = query.where(DeclarationAmendment.status != "pending")
    return session.scalar(query) or 0


def _check_wording(session: Session, d: Declaration, changes: list[tuple[str, str]]) -> None:
    """Refuse a change of wording once a decision was taken (filling an empty side is fine)."""
    _not_adopted(session, d)
    if not any(old != new for old, new in changes):
        return
    if _amendments(session, d, decided=True) == 0:
        return
    if any(old and old != new for old, new in changes):
        raise DeclarationError(
            translate("Declaration", "The chair has decided amendments to this draft: its "
                      "wording can no longer change. Only a missing translation can be "
                      "added."), code="declaration.draft_frozen")


def _check_structure(session: Session, d: Declaration) -> None:
    _not_adopted(session, d)
    if _amendments(session, d, decided=False):
        raise DeclarationError(
            translate("Declaration", "Amendments have been proposed to this draft: its "
                      "paragraphs can no longer be added, removed or moved, since the "
                      "amendments name them by their place."), code="declaration.structure")


# --- the whole draft ---------------------------------------------------------------------

def _validate(content: DraftContent) -> None:
    if not (text.clean(content.title_es) or text.clean(content.title_en)):
        raise DeclarationError(translate("Declaration", "The declaration needs a title."),
                               code="declaration.title")
    if content.count(DeclarationPart.OPERATIVE) == 0:
        raise DeclarationError(
            translate("Declaration", "The declaration needs at least one operative "
                      "paragraph."), code="declaration.no_operative")
    for p in content.paragraphs:
        if p.part not in (DeclarationPart.PREAMBLE, DeclarationPart.OPERATIVE):
            raise DeclarationError(translate("Declaration", "A paragraph belongs to the "
                                             "preamble or to the operative part."))


def _default_place(session: Session) -> str:
    event = session.scalar(select(Event).order_by(Event.id).limit(1))
    if event is None:
        return ""
    return ", ".join(x for x in (event.city, event.country) if x)


def create_draft(
    db: Database,
    content: DraftContent,
    *,
    authentic_language: str = "es",
    sitting_id: int | None = None,
    replace: bool = False,
) -> int:
    """Write a new draft; returns its id. An existing draft is refused unless ``replace``
    (and an adopted one always is): replacing drops its amendments and statements too."""
    check_language(authentic_language)
    _validate(content)
    with db.write() as session:
        old = find_declaration(session)
        if old is not None:
            if not replace:
                raise DeclarationError(
                    translate("Declaration", "The event already has a draft declaration. "
                              "Replace it (its amendments are lost), or fill in its other "
                              "language."), code="declaration.exists")
            _not_adopted(session, old)
            _delete(session, old)
        if sitting_id is not None and session.get(Sitting, sitting_id) is None:
            raise DeclarationError(translate("Declaration", "There is no session {id}.").format(
                id=sitting_id))
        d = Declaration(
            authentic_language=authentic_language,
            place=text.clean(content.place) or _default_place(session),
            date=content.date,
            sitting_id=sitting_id,
            created_at=db.clock(),
            updated_at=db.clock(),
            **{name: _frame_text(name, getattr(content, name)) for name in FRAME_TEXT},
        )
        session.add(d)
        session.flush()
        positions = {DeclarationPart.PREAMBLE.value: 0, DeclarationPart.OPERATIVE.value: 0}
        for p in content.paragraphs:
            positions[p.part] += 1
            session.add(DeclarationParagraph(
                declaration_id=d.id, part=p.part, position=positions[p.part],
                text_es=paragraph_text(p.text_es), text_en=paragraph_text(p.text_en)))
        session.flush()
        return d.id


def _delete(session: Session, d: Declaration) -> None:
    """Delete a declaration and all its rows through the ORM (the audit trail sees it)."""
    amendment_ids = list(session.scalars(select(DeclarationAmendment.id).where(
        DeclarationAmendment.declaration_id == d.id)))
    for model, column, values in (
        (DeclarationDiscussion, DeclarationDiscussion.declaration_id, [d.id]),
        (DeclarationStatement, DeclarationStatement.declaration_id, [d.id]),
        (AmendmentSponsor, AmendmentSponsor.amendment_id, amendment_ids),
        (DeclarationAmendment, DeclarationAmendment.declaration_id, [d.id]),
        (DeclarationParagraph, DeclarationParagraph.declaration_id, [d.id]),
    ):
        for row in session.scalars(select(model).where(column.in_(values))).all():
            session.delete(row)
        session.flush()
    session.delete(d)
    session.flush()


def _frame_text(name: str, value: str | None) -> str:
    return paragraph_text(value) if name.startswith("chapeau") else text.clean(value)


def fill_language(db: Database, declaration_id: int, lang: str, content: DraftContent) -> None:
    """Put ``content``'s ``lang`` side into the draft (e.g. the English file after the
    Spanish one): it must have as many preambular and operative paragraphs."""
    check_language(lang)
    with db.write() as session:
        d = require_declaration(session, declaration_id)
        rows = _paragraphs(session, d.id)
        for part in (DeclarationPart.PREAMBLE, DeclarationPart.OPERATIVE):
            have = sum(1 for p in rows if p.part == part)
            got = content.count(part)
            if have != got:
                raise DeclarationError(
                    translate("Declaration", "The draft has {have} {part} paragraphs and the "
                              "file {got}: the two languages must match paragraph by "
                              "paragraph. To start again from this file, replace the "
                              "draft.").format(
                        have=have, got=got, part=_part_word(part)),
                    code="declaration.mismatch")
        incoming = {p.part: [] for p in content.paragraphs}
        for p in content.paragraphs:
            incoming[p.part].append(getattr(p, f"text_{lang}"))
        changes: list[tuple[str, str]] = []
        plan: list[tuple[Any, str, str]] = []
        for name in FRAME_TEXT:
            if name.endswith(f"_{lang}") and getattr(content, name):
                new = _frame_text(name, getattr(content, name))
                changes.append((getattr(d, name), new))
                plan.append((d, name, new))
        for p in rows:
            new = paragraph_text(incoming[p.part][p.position - 1])
            changes.append((getattr(p, f"text_{lang}"), new))
            plan.append((p, f"text_{lang}", new))
        _check_wording(session, d, changes)
        for obj, name, value in plan:
            setattr(obj, name, value)
        d.updated_at = db.clock()


def _part_word(part: str) -> str:
    if part == DeclarationPart.PREAMBLE:
        return translate("Declaration", "preambular")
    return translate("Declaration", "operative")


def update_frame(db: Database, declaration_id: int, **values: Any) -> None:
    """Change the title, chapeau, operative opening, place, date, authentic language or
    drafting sitting."""
    unknown = set(values) - set(FRAME_TEXT) - set(FRAME_OTHER)
    if unknown:
        raise DeclarationError(translate("Declaration", "A declaration has no field "
                                         "{name}.").format(name=", ".join(sorted(unknown))))
    with db.write() as session:
        d = require_declaration(session, declaration_id)
        wording = {k: _frame_text(k, v) for k, v in values.items() if k in FRAME_TEXT}
        _check_wording(session, d, [(getattr(d, k), v) for k, v in wording.items()])
        _not_adopted(session, d)
        if not (wording.get("title_es", d.title_es) or wording.get("title_en", d.title_en)):
            raise DeclarationError(translate("Declaration", "The declaration needs a title."),
                                   code="declaration.title")
        if "authentic_language" in values:
            check_language(values["authentic_language"])
        if values.get("sitting_id") is not None and session.get(
                Sitting, values["sitting_id"]) is None:
            raise DeclarationError(translate("Declaration", "There is no session {id}.").format(
                id=values["sitting_id"]))
        if "place" in values:
            values["place"] = text.clean(values["place"])
        for key, value in {**values, **wording}.items():
            setattr(d, key, value)
        d.updated_at = db.clock()


# --- paragraphs --------------------------------------------------------------------------

def _paragraphs(session: Session, declaration_id: int) -> list[DeclarationParagraph]:
    return list(session.scalars(
        select(DeclarationParagraph).where(DeclarationParagraph.declaration_id == declaration_id)
        .order_by(DeclarationParagraph.part, DeclarationParagraph.position)))


def _require_paragraph(session: Session, paragraph_id: int) -> DeclarationParagraph:
    p = session.get(DeclarationParagraph, paragraph_id)
    if p is None:
        raise DeclarationError(translate("Declaration", "There is no paragraph {id} in the "
                                         "draft.").format(id=paragraph_id),
                               code="declaration.no_paragraph")
    return p


def _renumber(session: Session, ordered: list[DeclarationParagraph]) -> None:
    for position, p in enumerate(ordered, start=1):
        p.position = position
    session.flush()


def add_paragraph(db: Database, declaration_id: int, part: str, text_es: str = "",
                  text_en: str = "", after_id: int | None = None) -> int:
    """Add a draft paragraph at the end of its part, or right after ``after_id``."""
    if part not in (DeclarationPart.PREAMBLE, DeclarationPart.OPERATIVE):
        raise DeclarationError(translate("Declaration", "A paragraph belongs to the "
                                         "preamble or to the operative part."))
    text_es, text_en = paragraph_text(text_es), paragraph_text(text_en)
    if not (text_es or text_en):
        raise DeclarationError(translate("Declaration", "Write the paragraph in Spanish or "
                                         "in English."), code="declaration.empty")
    with db.write() as session:
        d = require_declaration(session, declaration_id)
        _check_structure(session, d)
        same = [p for p in _paragraphs(session, d.id) if p.part == part]
        new = DeclarationParagraph(declaration_id=d.id, part=part, position=len(same) + 1,
                                   text_es=text_es, text_en=text_en)
        index = len(same)
        if after_id is not None:
            index = next((i + 1 for i, p in enumerate(same) if p.id == after_id), index)
        same.insert(index, new)
        session.add(new)
        _renumber(session, same)
        d.updated_at = db.clock()
        return new.id


def update_paragraph(db: Database, paragraph_id: int, *, text_es: str | None = None,
                     text_en: str | None = None) -> None:
    with db.write() as session:
        p = _require_paragraph(session, paragraph_id)
        d = require_declaration(session, p.declaration_id)
        new = {lang: paragraph_text(value) for lang, value in (("es", text_es), ("en", text_en))
               if value is not None}
        _check_wording(session, d, [(getattr(p, f"text_{k}"), v) for k, v in new.items()])
        for lang in LANGUAGES:
            if lang in new:
                setattr(p, f"text_{lang}", new[lang])
        if not (p.text_es or p.text_en):
            raise DeclarationError(translate("Declaration", "Write the paragraph in Spanish "
                                             "or in English."), code="declaration.empty")
        d.updated_at = db.clock()


def remove_paragraph(db: Database, paragraph_id: int) -> None:
    with db.write() as session:
        p = _require_paragraph(session, paragraph_id)
        d = require_declaration(session, p.declaration_id)
        _check_structure(session, d)
        rest = [x for x in _paragraphs(session, d.id) if x.part == p.part and x.id != p.id]
        if p.part == DeclarationPart.OPERATIVE and not rest:
            raise DeclarationError(
                translate("Declaration", "The declaration needs at least one operative "
                          "paragraph."), code="declaration.no_operative")
        session.delete(p)
        session.flush()
        _renumber(session, rest)


def move_paragraph(db: Database, paragraph_id: int, step: int) -> None:
    """Move a draft paragraph ``step`` places up (negative) or down within its part."""
    with db.write() as session:
        p = _require_paragraph(session, paragraph_id)
        d = require_declaration(session, p.declaration_id)
        _check_structure(session, d)
        same = [x for x in _paragraphs(session, d.id) if x.part == p.part]
        index = same.index(p)
        target = max(0, min(len(same) - 1, index + step))
        same.insert(target, same.pop(index))
        _renumber(session, same)
