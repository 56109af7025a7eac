"""The register of legislative initiatives: the encounter's expected result and road map.

An initiative is pledged by a delegation, sponsored by one or more of its lawmakers (or
others), has a title, a short description, a kind (bill, reform, resolution…), a target
date and a status that moves along the road map (pledged → drafted → tabled → adopted, or
withdrawn). ``sitting_id`` names the sitting where it was pledged, when there was one: the
minutes of that sitting list it.

Bad input raises :class:`~encounter_desk.records.register.RecordsError` and writes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from encounter_desk.core import i18n
from encounter_desk.core import names as text
from encounter_desk.core.bilingual import Bilingual
from encounter_desk.core.copying import copied
from encounter_desk.core.i18n import pick, translate
from encounter_desk.records.people import NamedPerson
from encounter_desk.records.register import (
    RecordsError,
    Register,
    choice,
    choice_labeller,
    find_sitting,
    known_fields,
    long_text,
)
from encounter_desk.records.roadmap.history import follow_status
from encounter_desk.records.translations import checked_language
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import (
    INITIATIVE_KIND_LABELS,
    INITIATIVE_STATUS_LABELS,
    Delegation,
    Initiative,
    InitiativeKind,
    InitiativeSponsor,
    InitiativeStatus,
    Participant,
    Sitting,
)

kind_label = choice_labeller("Initiatives", INITIATIVE_KIND_LABELS)


status_label = choice_labeller("Initiatives", INITIATIVE_STATUS_LABELS)


@dataclass(frozen=True)
class Sponsor(NamedPerson):
    """A participant who sponsors an initiative."""


@dataclass(frozen=True)
class InitiativeRow:
    id: int
    delegation_id: int
    delegation_code: str
    delegation_es: str
    delegation_en: str
    delegation_order: int
    titles: Bilingual
    descriptions: Bilingual
    kind: InitiativeKind
    target_date: dt.date | None
    status: InitiativeStatus
    sitting_id: int | None
    sitting_number: int | None
    sponsors: tuple[Sponsor, ...]
    created_at: dt.datetime
    updated_at: dt.datetime

    def delegation(self, lang: str | None = None) -> str:
        return pick(lang, self.delegation_es, self.delegation_en)

    @property
    def title(self) -> str:
        """The title as the delegation gave it."""
        return self.titles.original_text or self.titles.es or self.titles.en

    @property
    def description(self) -> str:
        return self.descriptions.original_text or self.descriptions.es or self.descriptions.en

    def title_in(self, lang: str | None = None) -> str:
        """The title for a document in ``lang``, the original marked when untranslated."""
        return self.titles.marked(lang or i18n.language())

    def description_in(self, lang: str | None = None) -> str:
        return self.descriptions.marked(lang or i18n.language())

    def sponsor_names(self) -> str:
        return "; ".join(s.full_name for s in self.sponsors)


FIELDS = frozenset(
    {"delegation_id", "title", "description", "kind", "target_date", "status", "sitting_id",
     "sponsor_ids", "original_language", "title_es", "title_en", "title_original",
     "description_es", "description_en", "description_original"}
)
"""``title`` and ``description`` are the texts in the initiative's original language."""


def row_of(i: Initiative, delegation: Delegation, sitting_number: int | None,
           people: dict[int, Participant]) -> InitiativeRow:
    return copied(
        InitiativeRow, i,
        delegation_code=delegation.code,
        delegation_es=delegation.name_es,
        delegation_en=delegation.name_en,
        delegation_order=delegation.canonical_order,
        titles=i.titles,
        descriptions=i.descriptions,
        kind=InitiativeKind(i.kind),
        status=InitiativeStatus(i.status),
        sitting_number=sitting_number,
        sponsors=tuple(
            Sponsor(s.participant_id, people[s.participant_id].title,
                    people[s.participant_id].display_name)
            for s in i.sponsors if s.participant_id in people
        ),
        created_at=i.created_at,
        updated_at=i.updated_at,
    )


def _row(session: Session, i: Initiative) -> InitiativeRow:
    delegation = session.get(Delegation, i.delegation_id)
    sitting = session.get(Sitting, i.sitting_id) if i.sitting_id else None
    people = {
        p.id: p
        for p in session.scalars(
            select(Participant).where(
                Participant.id.in_([s.participant_id for s in i.sponsors])
            )
        )
    }
    return row_of(i, delegation, sitting.number if sitting else None, people)


def _apply(session: Session, i: Initiative, values: dict[str, Any]) -> None:
    known_fields(values, FIELDS, lambda names: RecordsError(
        translate("Initiatives", "An initiative has no field {name}.").format(name=names),
        code="initiative.field"))
    sponsor_ids: Sequence[int] | None = values.pop("sponsor_ids", None)
    language = i.original_language or "es"
    if "original_language" in values:  # corrected: the texts given so far move along
        language = checked_language(values.pop("original_language"))
        for name in ("title", "description"):
            Bilingual.of(i, name, i.original_language or "es").with_language(language).write(
                i, name)
        i.original_language = language
    for name, clean in (("title", text.clean), ("description", long_text)):
        kept = Bilingual.of(i, name, language)
        for suffix in ("es", "en", "original"):
            if f"{name}_{suffix}" in values:
                kept = replace(kept, **{suffix: clean(values.pop(f"{name}_{suffix}"))})
        if name in values:  # the text as given, in the original language
            kept = kept.with_text(language, clean(values.pop(name)))
        kept.write(i, name)
    for key, value in values.items():
        setattr(i, key, value)
    if i.titles.is_empty():
        raise RecordsError(translate("Initiatives", "Give the initiative a title."), code="initiative.title")
    if max(len(i.title_es), len(i.title_en), len(i.title_original)) > 400:
        raise RecordsError(translate("Initiatives", "The title is too long (400 characters at most)."), code="initiative.title_long")
    if i.delegation_id is None or session.get(Delegation, i.delegation_id) is None:
        raise RecordsError(translate("Initiatives", "Choose the delegation that pledges the initiative."), code="initiative.delegation")
    kind, status = i.kind, i.status
    i.kind = choice(InitiativeKind, kind, lambda: RecordsError(
        translate("Initiatives", "{value!r} is not a kind of initiative.").format(value=kind),
        code="initiative.kind")).value
    i.status = choice(InitiativeStatus, status, lambda: RecordsError(
        translate("Initiatives", "{value!r} is not a status of an initiative.").format(value=status),
        code="initiative.status")).value
    follow_status(session, i)  # the road map's stage follows the status set here
    if i.target_date is not None and not isinstance(i.target_date, dt.date):
        raise RecordsError(translate("Initiatives", "The target date must be a date."), code="initiative.target_date")
    if i.sitting_id is not None:
        find_sitting(session, sitting_id=i.sitting_id)
    if sponsor_ids is not None:
        ids = list(dict.fromkeys(int(x) for x in sponsor_ids))
        found = set(session.scalars(select(Participant.id).where(Participant.id.in_(ids))))
        missing = [x for x in ids if x not in found]
        if missing:
            raise RecordsError(
                translate("Initiatives", "There is no participant number {id}.").format(id=missing[0]),
                code="initiative.sponsor",
            )
        keep = {s.participant_id: s for s in i.sponsors}
        i.sponsors = [
            keep.get(pid) or InitiativeSponsor(participant_id=pid) for pid in ids
        ]
        for position, sponsor in enumerate(i.sponsors):
            sponsor.position = position


INITIATIVES: Register[Initiative, InitiativeRow] = Register(
    Initiative, _apply, _row,
    missing=lambda initiative_id: RecordsError(
        translate("Initiatives", "There is no initiative {id}.").format(id=initiative_id),
        code="initiative.missing"),
    stamp="updated_at",
)


def create_initiative(db: Database, **values: Any) -> InitiativeRow:
    """Register an initiative (``delegation_id`` and ``title`` required; ``sponsor_ids``)."""
    with db.write() as session:
        now = db.clock()
        values.setdefault("kind", InitiativeKind.BILL.value)
        values.setdefault("status", InitiativeStatus.PLEDGED.value)
        i = Initiative(created_at=now, updated_at=now, delegation_id=None, original_language="es",
                       title_es="", title_en="", title_original="", description_es="",
                       description_en="", description_original="")
        return INITIATIVES.add(session, i, values)


def update_initiative(db: Database, initiative_id: int, **changes: Any) -> InitiativeRow:
    return INITIATIVES.update(db, initiative_id, changes)


def delete_initiative(db: Database, initiative_id: int) -> None:
    INITIATIVES.delete(db, initiative_id)


def pledges_in(
    session: Session, *, sitting_id: int | None = None, delegation_id: int | None = None
) -> tuple[list[Initiative], dict[int, Delegation], dict[int, Participant]]:
    """The initiatives (with their sponsors) pledged at a sitting and/or by a delegation
    (default: all), with every delegation and the sponsoring participants, by id."""
    query = select(Initiative).options(selectinload(Initiative.sponsors))
    if sitting_id is not None:
        query = query.where(Initiative.sitting_id == sitting_id)
    if delegation_id is not None:
        query = query.where(Initiative.delegation_id == delegation_id)
    items = list(session.scalars(query))
    if not items:
        return [], {}, {}
    delegations = {d.id: d for d in session.scalars(select(Delegation))}
    ids = {s.participant_id for i in items for s in i.sponsors}
    people = {
        p.id: p for p in session.scalars(select(Participant).where(Participant.id.in_(ids)))
    }
    return items, delegations, people


def initiatives_in(
    session: Session, *, sitting_id: int | None = None, delegation_id: int | None = None
) -> list[InitiativeRow]:
    """The register inside an open session: delegation order, then target date and title."""
    items, delegations, people = pledges_in(session, sitting_id=sitting_id,
                                            delegation_id=delegation_id)
    numbers = {sid: num for sid, num in session.execute(select(Sitting.id, Sitting.number))}
    rows = [
        row_of(i, delegations[i.delegation_id], numbers.get(i.sitting_id), people)
        for i in items
    ]
    rows.sort(key=lambda r: (r.delegation_order, r.delegation_es, r.target_date or dt.date.max,
                             text.collation_key(r.title), r.id))
    return rows


def list_initiatives(
    db: Database, *, sitting_id: int | None = None, delegation_id: int | None = None
) -> list[InitiativeRow]:
    with db.read() as session:
        return initiatives_in(session, sitting_id=sitting_id, delegation_id=delegation_id)
