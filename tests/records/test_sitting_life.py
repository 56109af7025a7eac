"""A sitting's life: opened with its quorum, suspended and resumed, adjourned; minutes approved;
a sitting never opened is not held in every output."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from encounter_desk.core.clock import ManualClock
from encounter_desk.demo import build as demo
from encounter_desk.records import attendance, exports, sitting_life
from encounter_desk.records.minutes import data as minutes_data
from encounter_desk.records.minutes.akn import export_akn
from encounter_desk.records.minutes.pdf import write_minutes
from encounter_desk.records.register import RecordsError
from encounter_desk.storage.models import Category, Delegation, Participant, Sitting, Speech

OPENING = dt.datetime(2017, 9, 5, 14, 41, tzinfo=dt.UTC)  # 09:41 in Tuxtla (UTC-5)


@pytest.fixture
def event(db):
    clock = ManualClock(OPENING)
    db.clock = clock
    demo.build_demo(db)
    with db.read() as s:
        sittings = {x.number: x.id for x in s.scalars(select(Sitting))}
        lawmakers = [
            p.id for p in s.scalars(
                select(Participant).join(Delegation, Participant.delegation_id == Delegation.id)
                .where(Delegation.is_member, Participant.category == Category.LAWMAKER.value)
                .order_by(Participant.id))
        ]
        by_delegation = {}
        for pid in lawmakers:
            by_delegation.setdefault(s.get(Participant, pid).delegation_id, pid)
    return db, clock, sittings, list(by_delegation.values())


def present(db, sitting_id, people):
    for pid in people:
        attendance.mark(db, sitting_id, pid, "present", source="manual", desk="test")


def test_open_records_time_and_quorum_then_suspend_resume_adjourn(event):
    db, clock, sittings, heads = event
    s2 = sittings[2]
    assert sitting_life.sitting_life(db, s2).stage is sitting_life.Stage.NOT_HELD
    present(db, s2, heads[:7])
    life = sitting_life.open_sitting(db, s2)
    assert life.stage is sitting_life.Stage.OPEN and life.opened_at == OPENING
    assert (life.quorum_represented, life.quorum_members, life.quorum_met) == (7, 11, True)
    assert life.sentence("en") == ("Session 2 opened at 09:41, with quorum: 7 of 11 member "
                                   "delegations represented.")
    # The quorum is the one verified at the opening: later arrivals do not rewrite it.
    present(db, s2, heads[7:])
    clock.advance(80 * 60)
    life = sitting_life.suspend_sitting(db, s2)
    assert life.stage is sitting_life.Stage.SUSPENDED
    with pytest.raises(RecordsError) as err:
        sitting_life.suspend_sitting(db, s2)
    assert err.value.code == "sitting.not_open"
    clock.advance(20 * 60)
    life = sitting_life.resume_sitting(db, s2)
    assert life.stage is sitting_life.Stage.OPEN
    clock.advance(60 * 60)
    life = sitting_life.adjourn_sitting(db, s2)
    assert life.stage is sitting_life.Stage.ADJOURNED
    assert life.sentence("en") == "Session 2 opened at 09:41 and adjourned at 12:21."
    m = minutes_data.load_minutes(db, s2, lang="en", final=True)
    assert m.header.recesses == (("11:01", "11:21"),)
    assert "At the opening (09:41): Quorum met: 7 of 11" in m.totals.quorum_text
    with pytest.raises(RecordsError) as err:
        sitting_life.open_sitting(db, s2)
    assert err.value.code == "sitting.adjourned"


def test_open_refused_without_quorum_and_twice(event):
    db, _clock, sittings, heads = event
    present(db, sittings[3], heads[:5])
    with pytest.raises(RecordsError) as err:
        sitting_life.open_sitting(db, sittings[3])
    assert err.value.code == "sitting.no_quorum" and "5 of 11" in str(err.value)
    assert sitting_life.sitting_life(db, sittings[3]).opened_at is None
    present(db, sittings[3], heads[5:6])
    sitting_life.open_sitting(db, sittings[3])
    with pytest.raises(RecordsError) as err:
        sitting_life.open_sitting(db, sittings[3])
    assert err.value.code == "sitting.already_open"


def test_adjourn_refused_never_opened_or_with_a_speaker_on_the_floor(event):
    db, _clock, sittings, heads = event
    with pytest.raises(RecordsError) as err:
        sitting_life.adjourn_sitting(db, sittings[4])
    assert err.value.code == "sitting.not_held"
    present(db, sittings[4], heads)
    sitting_life.open_sitting(db, sittings[4])
    with db.write() as s:
        s.add(Speech(sitting_id=sittings[4], participant_id=heads[0], kind="statement",
                     state="speaking", position=1, started_at=OPENING))
    with pytest.raises(RecordsError) as err:
        sitting_life.adjourn_sitting(db, sittings[4])
    assert err.value.code == "sitting.speech_running"
    assert sitting_life.sitting_life(db, sittings[4]).adjourned_at is None


def test_not_held_refuses_minutes_akn_attendance_and_final_until_adjourned(event, tmp_path):
    db, _clock, sittings, heads = event
    for job in (lambda: write_minutes(db, sittings[4], tmp_path / "m.pdf"),
                lambda: export_akn(db, sittings[4], tmp_path / "m.xml"),
                lambda: exports.export_attendance(db, tmp_path / "a.csv", sitting_number=4)):
        with pytest.raises(RecordsError) as err:
            job()
        assert err.value.code == "sitting.not_held"
        assert "was not held" in str(err.value)
    assert not [p for p in ("m.pdf", "m.xml", "a.csv") if (tmp_path / p).exists()]
    # Every sitting: only the held one (sitting 1: 108 people), never 108 "absent" per sitting.
    assert exports.export_attendance(db, tmp_path / "all.csv") == 108
    present(db, sittings[2], heads)
    sitting_life.open_sitting(db, sittings[2])
    minutes_data.load_minutes(db, sittings[2], final=False)  # a draft while it sits
    with pytest.raises(RecordsError) as err:
        minutes_data.load_minutes(db, sittings[2], final=True)
    assert err.value.code == "sitting.not_adjourned"


def test_event_report_shows_not_held_without_quorum_line(event):
    db, *_ = event
    report = minutes_data.load_event_report(db, lang="es")
    held = [m for m in report.sittings if m.header.held]
    assert [m.header.sitting_number for m in held] == [1]
    not_held = [m for m in report.sittings if not m.header.held]
    assert all(m.totals is None and m.header.stage_text == "no celebrada" for m in not_held)
    # Attendance across the encounter: "–" for sittings not held, counted out of 1.
    first = report.people[0]
    assert first[3][1:] == ("–",) * 4 and first[4] in (0, 1)


def test_approval_records_when_and_where_and_waits_for_adjournment(event):
    db, clock, sittings, heads = event
    present(db, sittings[2], heads)
    sitting_life.open_sitting(db, sittings[2])
    with pytest.raises(RecordsError) as err:
        sitting_life.approve_minutes(db, sittings[2], approved_in=sittings[2])
    assert err.value.code == "sitting.not_adjourned"
    with pytest.raises(RecordsError) as err:
        sitting_life.approve_minutes(db, sittings[2], approved_in=sittings[1])
    assert err.value.code == "sitting.not_adjourned"
    life = sitting_life.approve_minutes(db, sittings[1], approved_in=sittings[2])
    assert life.approved_in_number == 2 and life.approved_at == OPENING
    m = minutes_data.load_minutes(db, sittings[1], lang="en", final=True)
    assert m.header.approval_text == "Approved at session 2 on 5 September 2017"
    m = minutes_data.load_minutes(db, sittings[1], lang="es", final=True)
    assert m.header.approval_text == "Aprobada en la sesión 2 el 5 de septiembre de 2017"
    sitting_life.adjourn_sitting(db, sittings[2])
    with pytest.raises(RecordsError) as err:
        sitting_life.approve_minutes(db, sittings[2], approved_in=sittings[1])
    assert err.value.code == "sitting.approved_earlier"
