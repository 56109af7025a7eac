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
from encounter_desk.core.i18n import language, translate
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

    def name(self, lang: str) -> str:
        return self.name_es if lang == "es" else self.name_en


EDITABLE_FIELDS = frozenset({"code", "kind", "name_es", "name_en", "canonical_order"})


def _row(session: Session, d: Delegation) -> DelegationRow:
    count = session.scalar(
        select(func.count(Participant.id)).where(Participant.delegation_id == d.id)
    )
    return DelegationRow(
        id=d.id,
        code=d.code,
        kind=d.kind,
        name_es=d.name_es,
        name_en=d.name_en,
        canonical_order=d.canonical_order,
        is_member=d.is_member,
        iso2=d.iso2,
        participants=count or 0,
    )


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
        return [
            DelegationRow(
                id=d.id,
                code=d.code,
                kind=d.kind,
                name_es=d.name_es,
                name_en=d.name_en,
                canonical_order=d.canonical_order,
                is_member=d.is_member,
                iso2=d.iso2,
                participants=counts.get(d.id, 0),
            )
            for d in rows
        ]


def create_delegation(db: Database, **values: Any) -> DelegationRow:
    """Add a delegation (by default a guest group after the existing ones)."""
    _check_fields(values)
    with db.write() as session:
        last = session.scalar(select(func.max(Delegation.canonical_order))) or 0
        taken = set(session.scalars(select(Delegation.code)))
        number = 1
        while f"G{number}" in taken:
            number += 1
        delegation = Delegation(
            code=f"G{number}",
            kind=DelegationKind.GUEST.value,
            name_es=f"Delegación {number}",
            name_en=f"Delegation {number}",
            canonical_order=last + 1,
            is_member=False,
        )
        _apply(session, delegation, values)
        session.add(delegation)
        session.flush()
        return _row(session, delegation)


def update_delegation(db: Database, delegation_id: int, **changes: Any) -> DelegationRow:
    _check_fields(changes)
    with db.write() as session:
        delegation = _require(session, delegation_id)
        _apply(session, delegation, changes)
        session.flush()
        return _row(session, delegation)


def delete_delegation(db: Database, delegation_id: int) -> None:
    """Remove a delegation that has no participants."""
    with db.write() as session:
        delegation = _require(session, delegation_id)
        count = session.scalar(
            select(func.count(Participant.id)).where(Participant.delegation_id == delegation_id)
        )
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


def _check_fields(values: dict[str, Any]) -> None:
    unknown = set(values) - EDITABLE_FIELDS
    if unknown:
        raise Refusal(
            translate("Delegations", "Unknown delegation field: {names}.").format(
                names=", ".join(sorted(unknown))
            ),
            "delegation.unknown_field",
        )


def _require(session: Session, delegation_id: int) -> Delegation:
    delegation = session.get(Delegation, delegation_id)
    if delegation is None:
        raise Refusal(
            translate("Delegations", "This delegation no longer exists; the list was refreshed."),
            "delegation.missing",
        )
    return delegation


def _apply(session: Session, delegation: Delegation, values: dict[str, Any]) -> None:
    for name, value in values.items():
        if name in ("name_es", "name_en"):
            value = text.clean(value)
            if not value:
                raise Refusal(
                    translate("Delegations", "A delegation needs a name in Spanish and in English."),
                    "delegation.name",
                )
        elif name == "code":
            value = text.clean(value).upper()
            if not value or len(value) > 20 or " " in value:
                raise Refusal(
                    translate(
                        "Delegations",
                        "A delegation code is 1 to 20 letters or digits, without spaces.",
                    ),
                    "delegation.code",
                )
            with session.no_autoflush:
                clash = session.scalar(
                    select(Delegation.id).where(
                        Delegation.code == value, Delegation.id != (delegation.id or -1)
                    )
                )
            if clash is not None:
                raise Refusal(
                    translate(
                        "Delegations", "Another delegation already uses the code {code}."
                    ).format(code=value),
                    "delegation.code_taken",
                )
        elif name == "kind":
            if value not in {k.value for k in DelegationKind}:
                raise Refusal(
                    translate("Delegations", "Unknown kind of delegation: {value}.").format(
                        value=value
                    ),
                    "delegation.kind",
                )
            delegation.is_member = value == DelegationKind.COUNTRY.value
        elif name == "canonical_order":
            try:
                value = int(value)
            except (TypeError, ValueError):
                value = -1
            if value < 0:
                raise Refusal(
                    translate("Delegations", "The order is a whole number."), "delegation.order"
                ) from None
        setattr(delegation, name, value)
