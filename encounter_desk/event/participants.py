"""The participants of the event: list, add, change and remove them, one short transaction each.

Every change is made through the ORM (so the audit trail records it) and validated first; a
bad value raises a :class:`~encounter_desk.core.errors.Refusal` (a sentence for the user and a
code such as ``participant.email``) and writes nothing. Callers get
plain :class:`ParticipantRow` values, never live ORM objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload

from encounter_desk.core import names as text
from encounter_desk.core.errors import Refusal
from encounter_desk.core.i18n import translate
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

    def delegation_name(self, lang: str) -> str:
        return self.delegation_name_es if lang == "es" else self.delegation_name_en

    @classmethod
    def of(cls, p: Participant) -> ParticipantRow:
        d = p.delegation
        return cls(
            id=p.id,
            title=p.title,
            given_names=p.given_names,
            first_surname=p.first_surname,
            second_surname=p.second_surname,
            display_name=p.display_name,
            sort_name=p.sort_name,
            sort_key=p.sort_key,
            gender=p.gender,
            delegation_id=p.delegation_id,
            delegation_code=d.code if d else "",
            delegation_name_es=d.name_es if d else "",
            delegation_name_en=d.name_en if d else "",
            delegation_order=d.canonical_order if d else 10_000,
            category=p.category,
            institution=p.institution,
            position=p.position,
            chamber=p.chamber,
            committee=p.committee,
            is_head_of_delegation=p.is_head_of_delegation,
            email=p.email,
            phone=p.phone,
            desk_note=p.desk_note,
            language=p.language,
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


def list_participants(db: Database) -> list[ParticipantRow]:
    """Every participant, in Spanish name order."""
    with db.read() as session:
        people = session.scalars(
            select(Participant)
            .options(joinedload(Participant.delegation))
            .order_by(Participant.sort_key, Participant.id)
        )
        return [ParticipantRow.of(p) for p in people]


def get_participant(db: Database, participant_id: int) -> ParticipantRow:
    with db.read() as session:
        return ParticipantRow.of(_require(session, participant_id))


def create_participant(db: Database, **values: Any) -> ParticipantRow:
    """Register a participant; at least a given name or a surname is required."""
    _check_fields(values)
    with db.write() as session:
        person = Participant(
            given_names="",
            category=Category.LAWMAKER.value,
        )
        _apply(session, person, values)
        session.add(person)
        _flush(session, person)
        return ParticipantRow.of(person)


def update_participant(db: Database, participant_id: int, **changes: Any) -> ParticipantRow:
    """Change some fields of a participant; returns the participant as saved."""
    _check_fields(changes)
    with db.write() as session:
        person = _require(session, participant_id)
        _apply(session, person, changes)
        _flush(session, person)
        return ParticipantRow.of(person)


def delete_participant(db: Database, participant_id: int) -> None:
    try:
        with db.write() as session:
            session.delete(_require(session, participant_id))
    except IntegrityError as exc:
        raise Refusal(
            translate(
                "Participants",
                "This participant cannot be deleted: the record of the event refers to them.",
            ),
            "participant.has_record",
        ) from exc


# --- validation --------------------------------------------------------------------------


def _check_fields(values: dict[str, Any]) -> None:
    unknown = set(values) - EDITABLE_FIELDS
    if unknown:
        raise Refusal(
            translate("Participants", "Unknown participant field: {names}.").format(
                names=", ".join(sorted(unknown))
            ),
            "participant.unknown_field",
        )


def _require(session: Session, participant_id: int) -> Participant:
    person = session.get(Participant, participant_id, options=[joinedload(Participant.delegation)])
    if person is None:
        raise Refusal(
            translate("Participants", "This participant no longer exists; the list was refreshed."),
            "participant.missing",
        )
    return person


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


def _apply(session: Session, person: Participant, values: dict[str, Any]) -> None:
    for name, value in values.items():
        if name in TEXT_FIELDS:
            value = _clean_text(name, value)
        elif name == "gender":
            value = value or None
            if value is not None and value not in {g.value for g in Gender}:
                raise Refusal(
                    translate("Participants", "Unknown gender: {value}.").format(value=value),
                    "participant.gender",
                )
        elif name == "category":
            if value not in {c.value for c in Category}:
                raise Refusal(
                    translate("Participants", "Unknown category: {value}.").format(value=value),
                    "participant.category",
                )
        elif name == "delegation_id":
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
        setattr(person, name, value)
    if not has_name(person.given_names, person.first_surname):
        raise Refusal(
            translate("Participants", "A participant needs a given name or a surname."),
            "participant.name",
        )


def _flush(session: Session, person: Participant) -> None:
    """Write now so that a duplicate person is reported in words, not as a database error.

    One person per name and delegation, and one person per email (the roster importer
    matches people by email, so two people sharing one could not be told apart)."""
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
    session.flush()
    session.refresh(person, ["delegation"])
