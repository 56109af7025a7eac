"""Commitments: a change of stage is kept with its date, source and who entered it; the
register's status follows; the road-map fields are checked once."""

from __future__ import annotations

import datetime as dt

import pytest

from encounter_desk.demo import build as demo
from encounter_desk.records import initiatives
from encounter_desk.records.register import RecordsError
from encounter_desk.records.roadmap.commitments import (
    add_months,
    document_language,
    horizon_end,
    load_commitments,
    parse_stage,
    set_document_language,
    set_stage,
    update_commitment,
)
from encounter_desk.storage.models import Delegation, Stage, StageSource


@pytest.fixture
def demo_db(db):
    demo.build_demo(db)
    return db


def test_a_new_initiative_gets_a_history_when_its_stage_first_changes(demo_db):
    with demo_db.read() as s:
        dr = s.query(Delegation).filter_by(code="DO").one().id
    row = initiatives.create_initiative(demo_db, delegation_id=dr, title="Ley de cuidados")
    fresh = next(c for c in load_commitments(demo_db) if c.id == row.id)
    assert fresh.stage is Stage.ANNOUNCED and fresh.history == ()

    moved = set_stage(demo_db, row.id, "drafted", on=dt.date(2018, 1, 15), note="Borrador")
    assert [s.stage for s in moved.history] == [Stage.ANNOUNCED, Stage.DRAFTED]
    assert moved.history[0].source is StageSource.ENCOUNTER
    assert moved.history[1].source is StageSource.APP and moved.history[1].note == "Borrador"
    assert moved.history[1].entered_by  # who entered it
    assert initiatives.list_initiatives(demo_db, delegation_id=dr)[-1].status.value in (
        "drafted", "pledged")
    assert next(i for i in initiatives.list_initiatives(demo_db)
                if i.id == row.id).status.value == "drafted"


def test_stage_changes_are_refused_out_of_order_or_in_the_future(demo_db):
    sv = next(c for c in load_commitments(demo_db) if c.delegation_code == "SV")
    with pytest.raises(RecordsError) as early:
        set_stage(demo_db, sv.id, "withdrawn", on=dt.date(2017, 1, 1))
    assert early.value.code == "roadmap.date_order"
    with pytest.raises(RecordsError) as future:
        set_stage(demo_db, sv.id, "withdrawn", on=dt.date.today() + dt.timedelta(days=30))
    assert future.value.code == "roadmap.future"
    with pytest.raises(RecordsError) as bad:
        set_stage(demo_db, sv.id, "lost")
    assert bad.value.code == "roadmap.stage"
    assert next(c for c in load_commitments(demo_db) if c.id == sv.id).history == sv.history


def test_stages_read_from_their_labels_in_either_language():
    assert parse_stage("En comisión") is Stage.IN_COMMITTEE
    assert parse_stage("in committee") is Stage.IN_COMMITTEE
    assert parse_stage("enacted") is Stage.ENACTED


def test_horizons_and_overdue(demo_db):
    assert add_months(dt.date(2017, 8, 31), 6) == dt.date(2018, 2, 28)
    assert horizon_end(dt.date(2017, 9, 6), "medium") == dt.date(2019, 3, 6)
    commitments = load_commitments(demo_db)
    honduras = next(c for c in commitments if c.delegation_code == "HN")
    enacted = next(c for c in commitments if c.stage is Stage.ENACTED)
    assert honduras.overdue(dt.date(2018, 3, 2)) and not honduras.overdue(dt.date(2018, 3, 1))
    assert not enacted.overdue(dt.date(2030, 1, 1))


def test_road_map_fields_are_checked(demo_db):
    c = load_commitments(demo_db)[0]
    with pytest.raises(RecordsError) as bad:
        update_commitment(demo_db, c.id, focal_email="not an address")
    assert bad.value.code == "roadmap.focal_email"
    updated = update_commitment(demo_db, c.id, horizon="Mediano plazo (18 meses)",
                                indicator="  Ley   publicada ")
    assert updated.horizon.value == "medium" and updated.indicator == "Ley publicada"


def test_document_language_by_delegation_and_by_choice(demo_db):
    with demo_db.read() as s:
        ca = s.query(Delegation).filter_by(code="CA").one()
        mx = s.query(Delegation).filter_by(code="MX").one()
        assert (document_language(ca), document_language(mx)) == ("en", "es")
        ca_id = ca.id
    set_document_language(demo_db, ca_id, "es")
    with demo_db.read() as s:
        assert document_language(s.get(Delegation, ca_id)) == "es"
    with pytest.raises(RecordsError):
        set_document_language(demo_db, ca_id, "fr")


def test_the_registers_status_moves_the_stage_with_a_step_in_the_history(demo_db):
    honduras = next(c for c in load_commitments(demo_db) if c.delegation_code == "HN")
    initiatives.update_initiative(demo_db, honduras.id, status="adopted")
    after = next(c for c in load_commitments(demo_db) if c.id == honduras.id)
    assert after.stage is Stage.APPROVED
    assert [s.stage for s in after.history] == [Stage.ANNOUNCED, Stage.APPROVED]
    # a status that already matches the stage changes nothing
    initiatives.update_initiative(demo_db, honduras.id, title="Exhorto (texto revisado)")
    assert next(c for c in load_commitments(demo_db)
                if c.id == honduras.id).history == after.history
    with demo_db.read() as s:
        dr = s.query(Delegation).filter_by(code="DO").one().id
    new = initiatives.create_initiative(demo_db, delegation_id=dr, title="Ley", status="tabled")
    assert next(c for c in load_commitments(demo_db) if c.id == new.id).stage is Stage.FILED
