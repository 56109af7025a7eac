"""The RCM's member countries, the non-country groups, and matching a country as people write it.

"México", "Mexico", "MX", "MEX", "EE. UU.", "Estados Unidos", "Rep. Dominicana" all name a
delegation; :func:`resolve_country` finds which, ignoring accents, case and punctuation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from encounter_desk.core import names as text
from encounter_desk.core.copying import fields_of
from encounter_desk.storage.models import Delegation, DelegationKind


@dataclass(frozen=True)
class DelegationPreset:
    code: str
    kind: DelegationKind
    name_es: str
    name_en: str
    order: int
    iso2: str | None = None
    iso3: str | None = None
    aliases: tuple[str, ...] = ()

    @property
    def is_member(self) -> bool:
        return self.kind is DelegationKind.COUNTRY


def _members(*countries: tuple[str, ...]) -> tuple[DelegationPreset, ...]:
    """Member countries in the order given, each ``(ISO alpha-2, ISO alpha-3, Spanish name,
    English name, *other names)``: the alpha-2 is also the delegation's code."""
    return tuple(
        DelegationPreset(iso2, DelegationKind.COUNTRY, name_es, name_en, order, iso2, iso3,
                         tuple(aliases))
        for order, (iso2, iso3, name_es, name_en, *aliases) in enumerate(countries, start=1)
    )


# The RCM's own order: Spanish alphabetical, also in English documents.
RCM_MEMBERS: tuple[DelegationPreset, ...] = _members(
    ("BZ", "BLZ", "Belice", "Belize"),
    ("CA", "CAN", "Canadá", "Canada"),
    ("CR", "CRI", "Costa Rica", "Costa Rica"),
    ("SV", "SLV", "El Salvador", "El Salvador", "Salvador"),
    ("US", "USA", "Estados Unidos", "United States", "EE. UU.", "EE.UU.", "EEUU", "EUA",
     "E.U.A.", "U.S.", "U.S.A.", "Estados Unidos de América", "United States of America"),
    ("GT", "GTM", "Guatemala", "Guatemala"),
    ("HN", "HND", "Honduras", "Honduras"),
    ("MX", "MEX", "México", "Mexico", "Méjico", "Estados Unidos Mexicanos"),
    ("NI", "NIC", "Nicaragua", "Nicaragua"),
    ("PA", "PAN", "Panamá", "Panama"),
    ("DO", "DOM", "República Dominicana", "Dominican Republic", "Rep. Dominicana",
     "Rep Dominicana", "R. Dominicana", "RD", "Dominican Rep."),
)

NON_COUNTRY_GROUPS: tuple[DelegationPreset, ...] = (
    DelegationPreset(
        "PPT",
        DelegationKind.PRESIDENCY,
        "Presidencia Pro-Tempore",
        "Presidency Pro-Tempore",
        20,
        aliases=("Presidencia Pro Tempore", "Presidency Pro Tempore", "PPT"),
    ),
    DelegationPreset(
        "ST",
        DelegationKind.SECRETARIAT,
        "Secretaría Técnica de la CRM",
        "RCM Technical Secretariat",
        21,
        aliases=("Secretaría Técnica", "Technical Secretariat", "ST"),
    ),
    DelegationPreset(
        "OI",
        DelegationKind.INTERNATIONAL,
        "Organismos internacionales",
        "International organizations",
        22,
        aliases=("Organizaciones internacionales", "OI", "IO"),
    ),
    DelegationPreset(
        "OBS",
        DelegationKind.OBSERVER,
        "Observadores",
        "Observers",
        23,
        aliases=("Observador", "Observer"),
    ),
    DelegationPreset(
        "INV",
        DelegationKind.GUEST,
        "Invitados",
        "Guests",
        24,
        aliases=("Invitado", "Invitada", "Invitadas", "Guest"),
    ),
)

ALL_PRESETS = RCM_MEMBERS + NON_COUNTRY_GROUPS

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def match_key(name: str | None) -> str:
    """Accents, case, spaces and punctuation folded away: "EE. UU." -> "eeuu"."""
    return _NON_ALNUM.sub("", text.fold(name))


def _preset_keys(preset: DelegationPreset) -> set[str]:
    names = {preset.code, preset.name_es, preset.name_en, *preset.aliases}
    if preset.iso2:
        names.add(preset.iso2)
    if preset.iso3:
        names.add(preset.iso3)
    return {match_key(n) for n in names if n}


def delegation_keys(delegation: Delegation) -> set[str]:
    """Every spelling that names ``delegation`` (its own names plus the preset's aliases)."""
    keys = {
        match_key(n)
        for n in (
            delegation.code,
            delegation.name_es,
            delegation.name_en,
            delegation.iso2,
            delegation.iso3,
        )
        if n
    }
    for preset in ALL_PRESETS:
        if preset.code == delegation.code:
            keys |= _preset_keys(preset)
    keys.discard("")
    return keys


class CountryIndex:
    """Looks a delegation up by any of its spellings; build once per import."""

    def __init__(self, delegations: list[Delegation]):
        self._by_key: dict[str, Delegation] = {}
        for delegation in sorted(delegations, key=lambda d: d.canonical_order):
            for key in delegation_keys(delegation):
                self._by_key.setdefault(key, delegation)

    def resolve(self, name: str | None) -> Delegation | None:
        key = match_key(name)
        if not key:
            return None
        return self._by_key.get(key)

    @classmethod
    def load(cls, session: Session) -> CountryIndex:
        return cls(list(session.scalars(select(Delegation))))


def seed_delegations(session: Session, presets: tuple[DelegationPreset, ...] = ALL_PRESETS) -> int:
    """Add the preset delegations that the event does not have yet; returns how many."""
    existing = set(session.scalars(select(Delegation.code)))
    added = 0
    for preset in presets:
        if preset.code in existing:
            continue
        session.add(
            Delegation(
                **fields_of(preset, ("code", "iso2", "iso3", "name_es", "name_en", "is_member")),
                kind=preset.kind.value,
                canonical_order=preset.order,
            )
        )
        added += 1
    return added


def in_canonical_order(session: Session) -> list[Delegation]:
    return list(
        session.scalars(select(Delegation).order_by(Delegation.canonical_order, Delegation.name_es))
    )
