"""The search index follows the record one person at a time: a walk-in, an edit, a
deletion, an import, a delegation renamed reach a loaded index without rebuilding it, and an
index changed person by person answers every query as one built from scratch."""

from __future__ import annotations

import random

import pytest
from helpers.events import DETAILS, add_people
from sqlalchemy import func, select, update

from encounter_desk.core import names as text
from encounter_desk.event import delegations as delegation_admin
from encounter_desk.event import event as events
from encounter_desk.event import participants, people_search
from encounter_desk.event.people_search import SearchEntry, SearchIndex
from encounter_desk.event.search_updates import SETTLE_SECONDS, SearchFeed
from encounter_desk.roster.importer import import_roster
from encounter_desk.storage.models import AuditEntry


@pytest.fixture
def event_db(db):
    events.create_event(db, DETAILS)
    add_people(db)
    return db


def no_rebuild(monkeypatch) -> None:  # noqa: ANN001
    """From now on, building an index from scratch fails the test."""

    def rebuilt(cls, entries):  # noqa: ANN001, ANN202
        raise AssertionError("the whole index was built again")

    monkeypatch.setattr(SearchIndex, "build", classmethod(rebuilt))


def _names(index: SearchIndex, query: str) -> list[str]:
    return [hit.display_name for hit in index.search(query)]


def test_a_walk_in_an_edit_and_a_deletion_reach_the_loaded_index(event_db, monkeypatch):
    feed = SearchFeed.load(event_db)
    no_rebuild(monkeypatch)
    assert feed.catch_up(event_db) == 0  # nothing changed yet
    person = participants.create_participant(event_db, given_names="Xóchitl",
                                             first_surname="Gálvez", second_surname="Ruiz")
    assert feed.catch_up(event_db) == 1
    assert _names(feed.index, "xochitl galves") == ["Xóchitl Gálvez Ruiz"]
    participants.update_participant(event_db, person.id, first_surname="Peña")
    assert feed.catch_up(event_db) == 1
    assert all(hit.id != person.id for hit in feed.index.search("galvez"))
    assert _names(feed.index, "xochitl pena") == ["Xóchitl Peña Ruiz"]
    participants.delete_participant(event_db, person.id)
    assert feed.catch_up(event_db) == 1
    assert feed.index.search("xochitl") == []
    assert _names(feed.index, "castaneda") == ["Jorge Castañeda Ruiz"]  # the others stay


def test_a_delegation_renamed_reaches_its_members(event_db, monkeypatch):
    feed = SearchFeed.load(event_db)
    no_rebuild(monkeypatch)
    mexico = next(d for d in delegation_admin.list_delegations(event_db) if d.code == "MX")
    delegation_admin.update_delegation(event_db, mexico.id, name_es="Estados Unidos Mexicanos")
    feed.catch_up(event_db)
    assert _names(feed.index, "mexicanos") == ["Jorge Castañeda Ruiz"]


def test_an_import_is_followed_as_a_load_would_find_it(event_db, sample_roster, monkeypatch):
    feed = SearchFeed.load(event_db)
    report = import_roster(event_db, sample_roster)
    assert report.created
    loaded = SearchIndex.load(event_db)
    no_rebuild(monkeypatch)
    assert feed.catch_up(event_db) == report.created + report.updated
    assert feed.index.entries == loaded.entries
    for query in ("a", "ma", "gonzales", "nunez", "mex", "oim", "castaneda ruiz"):
        assert feed.index.search(query) == loaded.search(query), query


def test_an_entry_that_commits_after_a_later_one_is_still_read(event_db):
    """PostgreSQL takes ids before commit: a smaller id may become visible later."""
    feed = SearchFeed.load(event_db, now=0.0)
    with event_db.read() as session:
        gap = (session.scalar(select(func.max(AuditEntry.id))) or 0) + 1
    participants.create_participant(event_db, given_names="Berta", first_surname="Quesada")
    with event_db.write() as session:  # Berta's entries move up, leaving a gap below them
        session.execute(update(AuditEntry).where(AuditEntry.id >= gap)
                        .values(id=AuditEntry.id + 1000))
    feed.catch_up(event_db, now=1.0)
    assert _names(feed.index, "berta") == ["Berta Quesada"]
    assert feed.low == gap - 1 and gap in feed.missing
    with event_db.read() as session:
        before_carmen = session.scalar(select(func.max(AuditEntry.id)))
    participants.create_participant(event_db, given_names="Carmen", first_surname="Olmos")
    with event_db.write() as session:  # ... and Carmen's entries commit late, in the gap
        session.execute(update(AuditEntry).where(AuditEntry.id > before_carmen)
                        .values(id=AuditEntry.id - before_carmen - 1 + gap))
    feed.catch_up(event_db, now=2.0)
    assert _names(feed.index, "carmen olmos") == ["Carmen Olmos"]
    # The ids never used (rolled back) are given up after a while; the feed moves on.
    feed.catch_up(event_db, now=2.0 + SETTLE_SECONDS)
    assert not feed.missing and not feed.seen
    with event_db.read() as session:
        assert feed.low == session.scalar(select(func.max(AuditEntry.id)))


def _person(rng: random.Random, pid: int) -> SearchEntry:
    given = rng.choice(["María", "Mónica", "Ana", "Óscar", "Marco", "Ñeco", "Zoe", "Alma"])
    first = rng.choice(["Martínez", "Mora", "Núñez", "Ortiz", "Zúñiga", "Álvarez", "Ma"])
    second = rng.choice(["Peña", "Paz", "", "Soto", "Sosa"]) + rng.choice(["", "", "s"])
    delegation = rng.choice([("México", "Mexico", "MX", "MEX"), ("Honduras", "Honduras", "HN",
                                                                 "HND"), ()])
    return SearchEntry.from_values(
        pid, text.full_name(given, first, second),
        text.collation_key(text.sort_name(given, first, second)), (given, first, second),
        delegation, rng.choice(["Congreso", "Senado", "", f"Distrito {pid}"]))


QUERIES = ["m", "a", "z", "n", "s", "ma", "mo", "nu", "martines", "zuniga", "pena",
           "maria m", "ana ortiz", "mex", "senado", "distrito 1", "alvares sosa", "hnd", "o"]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_an_index_changed_person_by_person_answers_as_one_built_from_scratch(seed, monkeypatch):
    # Few people kept per first letter and little room between ranks: the refills and the
    # renumbering run often.
    monkeypatch.setattr(people_search, "FIRST_LETTER_KEPT", 20)
    monkeypatch.setattr(people_search, "RANK_GAP", 4.0)
    rng = random.Random(seed)
    current = {pid: _person(rng, pid) for pid in range(1, 151)}
    index = SearchIndex.build(current.values())
    for query in QUERIES:  # what it remembers and the beginnings it groups, made before
        index.search(query)
    for _ in range(400):
        pid = rng.randint(1, 300)
        if rng.random() < 0.3:
            index.remove(pid)
            current.pop(pid, None)
        else:
            current[pid] = _person(rng, pid)
            index.put(current[pid])
        if rng.random() < 0.1:
            index.search(rng.choice(QUERIES))
    fresh = SearchIndex.build(current.values())
    assert index.entries == fresh.entries
    for query in QUERIES:
        assert index.search(query) == fresh.search(query), query
        assert index.search(query, limit=5) == fresh.search(query, limit=5), query


@pytest.mark.parametrize("first, page", [(3, 5), (5, 3), (4, 4)])
def test_a_load_in_pages_reads_everyone(db, monkeypatch, first, page):
    """Whatever the first page's size against the others', a load in steps ends with
    everyone in the index (a first page smaller than the next once stopped the load after
    the second page: 600 people at the desk, whatever the event's size)."""
    from helpers.events import make_event

    from encounter_desk.event import search_updates

    monkeypatch.setattr(search_updates, "FIRST_PAGE", first)
    monkeypatch.setattr(search_updates, "PAGE", page)
    make_event(db, 23)
    feed = SearchFeed()
    steps = sum(1 for _ in feed.loading(db))
    assert feed.loaded
    assert set(feed.index.entries) == set(SearchIndex.load(db).entries)
    assert len(feed.index.entries) == 23
    assert steps >= 23 // max(first, page)  # in steps, between which the window runs


def test_a_load_with_the_desk_s_own_pages_reads_everyone(db):
    """The real page sizes (300 first, then 2,000) on an event larger than both."""
    from helpers.events import make_event

    from encounter_desk.event.search_updates import FIRST_PAGE, PAGE

    people = FIRST_PAGE + PAGE + 150
    make_event(db, people)
    feed = SearchFeed.load(db)
    assert len(feed.index.entries) == people
    assert [h.display_name for h in feed.index.search(f"Nombre{people - 1}")] == \
        [f"Nombre{people - 1} Apellido{people - 1}"]
