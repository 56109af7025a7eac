"""The participants of the event: list, add, change and remove them, one short transaction each.

Every change is made through the ORM (so the audit trail records it) and validated first; a
bad value raises a :class:`~encounter_desk.core.errors.Refusal` (a sentence for the user and a
code such as ``participant.email``) and writes nothing. Callers get
plain :class:`ParticipantRow` values, never live ORM objects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload

from encounter_desk.core import names as text
from encounter_desk.core.errors import Refusal
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, bilingual, translate
from encounter_desk.event.accreditation import refuse_deleting_a_scanned_person
from encounter_desk.event.editing import Editable, one_of, row_of
from encounter_desk.event.validation import has_name, language_code, too_long, valid_email
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import Category, Delegation, Gender, Participant


@dataclass(frozen=True)
class ParticipantRow:
    id: int
    title: str
    given_names: str
    first_surname: str
    second_surname: str
    display_name: str
    sort_name: str
    sort_key: str
    gender: str | None
    delegation_id: int | None
    delegation_code: str
    delegation_name_es: str
    delegation_name_en: str
    delegation_order: int
    category: str
    institution: str
    position: str
    chamber: str
    committee: str
    is_head_of_delegation: bool
    email: str
    phone: str
    desk_note: str
    language: str
    withdrawn_at: dt.datetime | None = None
    """When the accreditation was withdrawn (see event.accreditation); None: accredited."""
    withdrawn_reason: str = ""

    delegation_name = bilingual("delegation_name")

    @classmethod
    def of(cls, p: Participant) -> ParticipantRow:
        d = p.delegation
        return row_of(
            cls,
            p,
            delegation_code=d.code if d else "",
            delegation_name_es=d.name_es if d else "",
            delegation_name_en=d.name_en if d else "",
            delegation_order=d.canonical_order if d else 10_000,
        )


TEXT_FIELDS = (
    "title",
    "given_names",
    "first_surname",
    "second_surname",
    "institution",
    "position",
    "chamber",
    "committee",
    "email",
    "phone",
    "desk_note",
    "language",
)
EDITABLE_FIELDS = frozenset(
    TEXT_FIELDS + ("gender", "delegation_id", "category", "is_head_of_delegation")
)


def list_participants(db: Database, *, delegation_id: int | None = None) -> list[ParticipantRow]:
    """Every participant (or a delegation's), in Spanish name order."""
    return _rows(db, delegation_id=delegation_id)


def participants_by_id(db: Database, ids: Iterable[int]) -> list[ParticipantRow]:
    """The participants among ``ids`` that exist, in Spanish name order: what a search
    found, read without reading everyone."""
    wanted = list(dict.fromkeys(ids))
    return _rows(db, Participant.id.in_(wanted)) if wanted else []


def _rows(db: Database, *where: Any, delegation_id: int | None = None) -> list[ParticipantRow]:
    if delegation_id is not None:
        where = (*where, Participant.delegation_id == delegation_id)
    with db.read() as session:
        people = session.scalars(
            select(Participant)
            .options(joinedload(Participant.delegation))
            .where(*where)
            .order_by(Participant.sort_key, Participant.id)
        )
        return [ParticipantRow.of(p) for p in people]


def get_participant(db: Database, participant_id: int) -> ParticipantRow:
    with db.read() as session:
        return ParticipantRow.of(_require(session, participant_id))


def create_participant(db: Database, **values: Any) -> ParticipantRow:
    """Register a participant; at least a given name or a surname is required."""
    return PARTICIPANTS.create(
        db, lambda _: Participant(given_names="", category=Category.LAWMAKER.value), values
    )


def update_participant(db: Database, participant_id: int, **changes: Any) -> ParticipantRow:
    """Change some fields of a participant; returns the participant as saved."""
    return PARTICIPANTS.update(db, participant_id, changes)


def delete_participant(db: Database, participant_id: int) -> None:
    """Remove a person registered by mistake; once scanned, withdraw them instead."""
    with db.read() as session:
        refuse_deleting_a_scanned_person(session, participant_id)
    PARTICIPANTS.delete(db, participant_id)


def _row(session: Session, person: Participant) -> ParticipantRow:
    session.refresh(person, ["delegation"])
    return ParticipantRow.of(person)


# --- validation --------------------------------------------------------------------------


def _require(session: Session, participant_id: int) -> Participant:
    return PARTICIPANTS.get(session, participant_id, options=[joinedload(Participant.delegation)])


def _clean_text(name: str, value: Any) -> str:
    """One text field, cleaned and checked by the rules the roster importer also follows."""
    value = text.clean(value)
    if name == "email" and value and not valid_email(value):
        raise Refusal(
            translate("Participants", "{email} is not an email address.").format(email=value),
            "participant.email",
        )
    if name == "language" and value:
        code = language_code(value)
        if code is None:
            raise Refusal(
                translate("Participants", "Unknown language: {value}.").format(value=value),
                "participant.language",
            )
        value = code
    limit = too_long(name, value)
    if limit is not None:
        raise Refusal(
            translate("Participants", "“{value}…” is longer than {limit} characters.").format(
                value=value[:40], limit=limit
            ),
            "participant.too_long",
        )
    return value


def _apply(session: Session, person: Participant, name: str, value: Any) -> Any:
    if name in TEXT_FIELDS:
        return _clean_text(name, value)
    if name == "gender":
        if not value:
            return None
        return one_of(value, Gender, translate("Participants", "Unknown gender: {value}."),
                      "participant.gender")
    if name == "category":
        return one_of(value, Category, translate("Participants", "Unknown category: {value}."),
                      "participant.category")
    if name == "delegation_id":
        value = int(value) if value not in (None, "") else None
        delegation = session.get(Delegation, value) if value is not None else None
        if value is not None and delegation is None:
            raise Refusal(
                translate("Participants", "This delegation no longer exists."),
                "delegation.missing",
            )
        person.delegation = delegation
    elif name == "is_head_of_delegation":
        value = bool(value)
    return value


def _check_person(session: Session, person: Participant) -> None:
    """A name, and nobody else with the same name in the same delegation or the same email
    (the roster importer matches people by email, so two people sharing one could not be
    told apart). Checked before writing, so a duplicate is refused in words."""
    if not has_name(person.given_names, person.first_surname):
        raise Refusal(
            translate("Participants", "A participant needs a given name or a surname."),
            "participant.name",
        )
    name = text.full_name(person.given_names, person.first_surname, person.second_surname)
    others = select(Participant).where(Participant.id != (person.id or -1))
    with session.no_autoflush:
        clash = session.scalar(
            others.where(
                Participant.identity_key == text.fold(name),
                Participant.delegation_id.is_(None)
                if person.delegation_id is None
                else Participant.delegation_id == person.delegation_id,
            )
        )
        same_email = person.email and session.scalar(
            others.where(func.lower(Participant.email) == person.email.lower())
        )
    if clash is not None:
        raise Refusal(
            translate("Participants", "{name} is already registered in this delegation.").format(
                name=name
            ),
            "participant.duplicate",
        )
    if same_email:
        raise Refusal(
            translate("Participants", "{email} is already the email of {name}.").format(
                email=person.email, name=same_email.display_name
            ),
            "participant.email_taken",
        )


PARTICIPANTS = Editable(
    Participant,
    EDITABLE_FIELDS,
    "participant",
    "Participants",
    unknown_field=QT_TRANSLATE_NOOP("Participants", "Unknown participant field: {names}."),
    missing=QT_TRANSLATE_NOOP(
        "Participants", "This participant no longer exists; the list was refreshed."
    ),
    apply=_apply,
    row=_row,
    check=_check_person,
    in_use=QT_TRANSLATE_NOOP(
        "Participants",
        "This participant cannot be deleted: the record of the event refers to them.",
    ),
)
