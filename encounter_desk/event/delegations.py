"""Editing the event's delegations: list, add, change, remove (Setup → Delegations).

Presets and country matching live in :mod:`encounter_desk.event.countries`; this module changes
the delegations an event keeps, one short transaction per change; bad input raises a
:class:`~encounter_desk.core.errors.Refusal` (a translated sentence and a ``delegation.…`` code).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from encounter_desk.core import names as text
from encounter_desk.core.errors import Refusal
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, bilingual, language, translate
from encounter_desk.event import editing
from encounter_desk.event.editing import Editable, row_of
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import Delegation, DelegationKind, Participant


@dataclass(frozen=True)
class DelegationRow:
    id: int
    code: str
    kind: str
    name_es: str
    name_en: str
    canonical_order: int
    is_member: bool
    iso2: str | None
    participants: int

    name = bilingual("name")


EDITABLE_FIELDS = frozenset({"code", "kind", "name_es", "name_en", "canonical_order"})


def _participants(session: Session, delegation_id: int) -> int:
    return session.scalar(
        select(func.count(Participant.id)).where(Participant.delegation_id == delegation_id)
    ) or 0


def _row(session: Session, d: Delegation) -> DelegationRow:
    return row_of(DelegationRow, d, participants=_participants(session, d.id))


def list_delegations(db: Database) -> list[DelegationRow]:
    """Every delegation in the RCM's canonical order, with its number of participants."""
    with db.read() as session:
        counts = dict(
            session.execute(
                select(Participant.delegation_id, func.count(Participant.id)).group_by(
                    Participant.delegation_id
                )
            ).all()
        )
        rows = session.scalars(
            select(Delegation).order_by(Delegation.canonical_order, Delegation.name_es)
        )
        return [row_of(DelegationRow, d, participants=counts.get(d.id, 0)) for d in rows]


def create_delegation(db: Database, **values: Any) -> DelegationRow:
    """Add a delegation (by default a guest group after the existing ones)."""

    def new(session: Session) -> Delegation:
        last = session.scalar(select(func.max(Delegation.canonical_order))) or 0
        taken = set(session.scalars(select(Delegation.code)))
        number = 1
        while f"G{number}" in taken:
            number += 1
        return Delegation(
            code=f"G{number}",
            kind=DelegationKind.GUEST.value,
            name_es=f"Delegación {number}",
            name_en=f"Delegation {number}",
            canonical_order=last + 1,
            is_member=False,
        )

    return DELEGATIONS.create(db, new, values)


def update_delegation(db: Database, delegation_id: int, **changes: Any) -> DelegationRow:
    return DELEGATIONS.update(db, delegation_id, changes)


def delete_delegation(db: Database, delegation_id: int) -> None:
    """Remove a delegation that has no participants."""
    with db.write() as session:
        delegation = DELEGATIONS.get(session, delegation_id)
        count = _participants(session, delegation_id)
        if count:
            raise Refusal(
                translate(
                    "Delegations",
                    "{name} still has {count} participants. Move them to another delegation "
                    "or delete them first.",
                ).format(name=delegation.name(language()), count=count),
                "delegation.has_participants",
            )
        session.delete(delegation)


def _apply(session: Session, delegation: Delegation, name: str, value: Any) -> Any:
    if name in ("name_es", "name_en"):
        return editing.required_text(
            value, translate("Delegations", "A delegation needs a name in Spanish and in English."),
            "delegation.name",
        )
    if name == "code":
        value = text.clean(value).upper()
        if not value or len(value) > 20 or " " in value:
            raise Refusal(
                translate(
                    "Delegations", "A delegation code is 1 to 20 letters or digits, without spaces."
                ),
                "delegation.code",
            )
        return editing.unique(
            session, Delegation.code, value, delegation.id,
            translate("Delegations", "Another delegation already uses the code {code}.").format(
                code=value
            ),
            "delegation.code_taken",
        )
    if name == "kind":
        editing.one_of(value, DelegationKind,
                       translate("Delegations", "Unknown kind of delegation: {value}."),
                       "delegation.kind")
        delegation.is_member = value == DelegationKind.COUNTRY.value
    elif name == "canonical_order":
        value = editing.whole_number(
            value, translate("Delegations", "The order is a whole number."), "delegation.order",
            least=0,
        )
    return value


DELEGATIONS = Editable(
    Delegation,
    EDITABLE_FIELDS,
    "delegation",
    "Delegations",
    unknown_field=QT_TRANSLATE_NOOP("Delegations", "Unknown delegation field: {names}."),
    missing=QT_TRANSLATE_NOOP(
        "Delegations", "This delegation no longer exists; the list was refreshed."
    ),
    apply=_apply,
    row=_row,
)
