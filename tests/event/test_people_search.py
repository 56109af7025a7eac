"""Search as you type: accents, case and typos on both sides; delegation and institution."""

from __future__ import annotations

import pytest

from encounter_desk.event.people_search import SearchEntry, SearchIndex


def _entry(pid, given, first, second="", delegation=("", "", ""), institution=""):
    from encounter_desk.core import names as text
    from encounter_desk.event.people_search import _words

    names = _words(f"{given} {first} {second}")
    other = [*_words(" ".join(delegation)), *_words(institution)]
    return SearchEntry(
        id=pid,
        display_name=text.full_name(given, first, second),
        sort_key=text.collation_key(text.sort_name(given, first, second)),
        name_words=tuple(dict.fromkeys(names)),
        other_words=tuple(w for w in dict.fromkeys(other) if w not in names),
    )


@pytest.fixture
def index():
    return SearchIndex.build([
        _entry(1, "María José", "González", "Núñez", ("México", "Mexico", "MX"),
               "Senado de la República"),
        _entry(2, "Ana Lucía", "Pérez", "Núñez", ("El Salvador", "El Salvador", "SV"),
               "Asamblea Legislativa"),
        _entry(3, "Sofía", "Ramírez", "", ("Organismos internacionales",
                                           "International organizations", "OI"),
               "Organización Internacional para las Migraciones (OIM)"),
        _entry(4, "Iñaki", "Muñoz de la Cruz", "", ("Panamá", "Panama", "PA"),
               "Asamblea Nacional"),
        _entry(5, "Patricia", "Tremblay", "", ("Canadá", "Canada", "CA"), "House of Commons"),
        _entry(6, "José", "Gonzaga", "Peña", ("Honduras", "Honduras", "HN"), "Congreso Nacional"),
    ])


def _ids(hits):
    return [h.id for h in hits]


def test_typos_and_missing_accents_find_the_person(index):
    assert _ids(index.search("gonzales nunes")) == [1]


def test_accents_in_the_query_are_ignored_too(index):
    assert set(_ids(index.search("NÚÑEZ"))) == {1, 2}
    assert set(_ids(index.search("nunez"))) == {1, 2}


def test_prefix_while_typing(index):
    assert _ids(index.search("tremb")) == [5]
    assert 4 in _ids(index.search("iña"))
    assert 4 in _ids(index.search("ina"))


def test_every_word_must_match(index):
    assert _ids(index.search("ana nunez")) == [2]
    assert index.search("ana tremblay") == []


def test_search_by_delegation_and_institution(index):
    assert _ids(index.search("oim")) == [3]
    assert set(_ids(index.search("asamblea"))) == {2, 4}
    assert _ids(index.search("mexico")) == [1]
    assert _ids(index.search("panama")) == [4]


def test_name_beats_institution_and_ranking_is_stable(index):
    hits = index.search("gonza")
    assert _ids(hits)[:2] in ([1, 6], [6, 1])
    assert all(0 < h.score <= 1 for h in hits)


def test_nonsense_finds_nobody_and_empty_query_is_empty(index):
    assert index.search("xqzwv") == []
    assert index.search("   ") == []
    assert index.search("!!!") == []


def test_put_and_remove_keep_the_index_current(index):
    index.put(_entry(7, "Begoña", "Iturbide", "", ("Belice", "Belize", "BZ")))
    assert _ids(index.search("begona")) == [7]
    index.put(_entry(7, "Begoña", "Echeverría", "", ("Belice", "Belize", "BZ")))
    assert index.search("iturbide") == []
    assert _ids(index.search("echeverria")) == [7]
    index.remove(7)
    assert index.search("begona") == []


def test_load_reads_participants_from_the_event(db):
    import datetime as dt

    from sqlalchemy import select

    from encounter_desk.event import event as events
    from encounter_desk.storage.models import Delegation, Participant

    events.create_event(db, events.EventDetails(
        code="T", name_es="E", name_en="E", start_date=dt.date(2017, 9, 4),
        end_date=dt.date(2017, 9, 6)))
    with db.write() as s:
        mx = s.scalar(select(Delegation).where(Delegation.code == "MX"))
        s.add(Participant(title="Sen.", given_names="Jorge", first_surname="Castañeda",
                          second_surname="Ruiz", delegation=mx, institution="Senado"))
    index = SearchIndex.load(db)
    hits = index.search("castaneda mex")
    assert [h.display_name for h in hits] == ["Jorge Castañeda Ruiz"]


def _crowd(n: int) -> SearchIndex:
    import random

    rng = random.Random(5)
    given = ["María", "Mónica", "Ana", "Óscar", "Marco", "Ñeco", "Zoe", "Alma"]
    surnames = ["Martínez", "Mora", "Núñez", "Ortiz", "Zúñiga", "Álvarez", "Ma", "M"]
    delegations = [("México", "Mexico", "MX"), ("Honduras", "Honduras", "HN")]
    return SearchIndex.build([
        _entry(pid, rng.choice(given), rng.choice(surnames),
               rng.choice("mzoha") + "".join(chr(97 + int(d)) for d in str(pid)),
               rng.choice(delegations), rng.choice(["Congreso", "Senado", "Asamblea"]))
        for pid in range(1, n + 1)
    ])


@pytest.mark.parametrize("letter", ["m", "a", "z", "h", "s", "o", "n", "x"])
def test_a_first_letter_in_a_large_event_ranks_as_a_full_search_would(letter, monkeypatch):
    """The first letter typed is answered from the people kept per letter; same hits, same
    order as crediting everyone."""
    from encounter_desk.event import people_search

    index = _crowd(1500)
    walked = index.search(letter)
    monkeypatch.setattr(people_search, "FIRST_LETTER_KEPT", 0)  # the full search instead
    full = SearchIndex.build(list(index.entries.values())).search(letter)
    assert walked == full
    assert all(hit.score > 0 for hit in walked)


def test_a_typo_is_found_among_many_words_and_numbers_only_by_their_start():
    index = _crowd(300)
    index.put(_entry(5000, "Guadalupe", "Castañeda", "Villaseñor", institution="Distrito 1234"))
    assert index.search("castaneda vilasenor")[0].id == 5000  # two typos, one per word
    assert index.search("123")[0].id == 5000  # the number as it is typed
    assert all(hit.id != 5000 for hit in index.search("1243"))  # numbers take no typos


def test_what_the_index_remembers_between_keystrokes_follows_its_changes():
    index = _crowd(200)
    assert all(hit.id != 7000 for hit in index.search("martinez ber"))
    index.put(_entry(7000, "Berta", "Martínez", "Quesada"))  # a walk-in, between keystrokes
    assert index.search("martinez bert")[0].id == 7000
    index.remove(7000)
    assert all(hit.id != 7000 for hit in index.search("martinez bert"))
