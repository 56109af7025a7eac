"""Folding, Spanish collation and the country spellings people write."""

from __future__ import annotations

import pytest

from encounter_desk.core import names as text
from encounter_desk.event.countries import ALL_PRESETS, RCM_MEMBERS, CountryIndex, match_key
from encounter_desk.storage.models import Delegation


def test_fold_ignores_accents_and_case():
    assert text.fold("Núñez PEÑA") == "nunez pena"
    assert text.fold("  María   José ") == "maria jose"
    assert text.fold(None) == ""


@pytest.mark.parametrize(
    "earlier, later",
    [
        ("Nunez", "Nuñez"),  # ñ after n
        ("Nz", "Ñandú"),  # ñ after every n…
        ("Ñandú", "Oscar"),  # …and before o
        ("Álvarez", "Barrios"),  # Á sorts as A
        ("alvarez", "Álvarez Zapata"),  # case and accents ignored
        ("Castañeda", "Castillo"),  # "castan~" < "casti"
        ("de la Cruz", "Delgado"),
    ],
)
def test_collation_key_follows_spanish_order(earlier, later):
    assert text.collation_key(earlier) < text.collation_key(later)


def test_collation_sorts_a_list_like_a_spanish_reader():
    names = ["Ñandú", "Nuño", "Núñez", "Nunez", "Oliva", "Álvarez", "Ayala", "nadal"]
    ordered = sorted(names, key=text.collation_key)
    assert ordered == ["Álvarez", "Ayala", "nadal", "Nunez", "Núñez", "Nuño", "Ñandú", "Oliva"]


def test_names_compose_in_both_orders():
    assert text.full_name("María José", "Pérez", "Núñez") == "María José Pérez Núñez"
    assert text.sort_name("María José", "Pérez", "Núñez") == "Pérez Núñez, María José"
    assert text.sort_name("Cher", "", "") == "Cher"


def _delegations():
    return [
        Delegation(id=i, code=p.code, kind=p.kind.value, iso2=p.iso2, iso3=p.iso3,
                   name_es=p.name_es, name_en=p.name_en, canonical_order=p.order,
                   is_member=p.is_member)
        for i, p in enumerate(ALL_PRESETS, start=1)
    ]


@pytest.mark.parametrize(
    "written, code",
    [
        ("México", "MX"), ("Mexico", "MX"), ("MX", "MX"), ("mex", "MX"),
        ("EE. UU.", "US"), ("Estados Unidos", "US"), ("United States", "US"), ("USA", "US"),
        ("Rep. Dominicana", "DO"), ("República Dominicana", "DO"), ("Dominican Republic", "DO"),
        ("Panamá", "PA"), ("PANAMA", "PA"), ("Belice", "BZ"), ("Belize", "BZ"),
        ("Canadá", "CA"), ("canada", "CA"), ("  El Salvador ", "SV"), ("Costa Rica", "CR"),
        ("Guatemala", "GT"), ("Honduras", "HN"), ("Nicaragua", "NI"),
    ],
)
def test_country_index_resolves_every_usual_spelling(written, code):
    index = CountryIndex(_delegations())
    found = index.resolve(written)
    assert found is not None and found.code == code


@pytest.mark.parametrize("written", ["Atlantis", "", None, "Brasil"])
def test_country_index_refuses_what_is_not_a_delegation(written):
    assert CountryIndex(_delegations()).resolve(written) is None


def test_members_are_in_the_rcm_canonical_order():
    assert [p.name_es for p in RCM_MEMBERS] == [
        "Belice", "Canadá", "Costa Rica", "El Salvador", "Estados Unidos", "Guatemala",
        "Honduras", "México", "Nicaragua", "Panamá", "República Dominicana",
    ]
    assert sorted(p.name_es for p in RCM_MEMBERS) == [p.name_es for p in RCM_MEMBERS]
    assert [p.order for p in RCM_MEMBERS] == list(range(1, 12))


def test_spellings_never_point_at_two_delegations():
    owners: dict[str, str] = {}
    for preset in ALL_PRESETS:
        for name in (preset.code, preset.name_es, preset.name_en, preset.iso2, preset.iso3,
                     *preset.aliases):
            if not name:
                continue
            key = match_key(name)
            assert owners.setdefault(key, preset.code) == preset.code, name
