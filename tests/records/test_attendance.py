"""Attendance per sitting: door scans, roll call, manual marks, live counts and quorum."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from encounter_desk.core import names as text
from encounter_desk.demo import build as demo
from encounter_desk.desk import badges
from encounter_desk.records import attendance
from encounter_desk.records.attendance.door import DoorVerdictKind
from encounter_desk.records.attendance.marks import AttendanceError
from encounter_desk.storage.database import open_database
from encounter_desk.storage.models import (
    Attendance,
    AttendanceSource,
    AttendanceStatus,
    CheckIn,
    Delegation,
    Event,
    Participant,
    Scan,
    Sitting,
)

T0 = dt.datetime(2017, 9, 4, 16, 12, tzinfo=dt.UTC)  # 11:12 in Tuxtla (UTC-5)


def clock_at(moment: dt.datetime):
    return lambda: moment


@pytest.fixture
def event(db):
    demo.build_demo(db)
    with db.read() as s:
        sitting = s.scalar(select(Sitting).where(Sitting.number == 2))
        people = {
            p.display_name: p.id for p in s.scalars(select(Participant))
        }
    return db, sitting.id, people


def person(people: dict[str, int], fragment: str) -> int:
    return next(pid for name, pid in people.items() if fragment in name)


def test_door_scan_marks_present_and_a_rescan_is_not_a_toggle(event):
    db, sitting, people = event
    ana = person(people, "Ayala de Menjívar")
    code = badges.badge_code_for(db, ana)
    first = attendance.record_door_scan(db, sitting, code, desk="Puerta", clock=clock_at(T0))
    assert first.kind is DoorVerdictKind.PRESENT
    assert first.name.startswith("Ana Lucía") and first.sitting_number == 2
    assert first.message("en") == "Present since 11:12"
    later = T0 + dt.timedelta(minutes=20)
    again = attendance.record_door_scan(db, sitting, code, desk="Puerta 2", clock=clock_at(later))
    assert again.kind is DoorVerdictKind.ALREADY_PRESENT
    assert again.present_since == T0 and again.message("en") == "Present since 11:12"
    mark = attendance.attendance_of(db, sitting, ana)
    assert mark.status is AttendanceStatus.PRESENT and mark.arrived_at == T0
    assert mark.source is AttendanceSource.SCAN and mark.desk == "Puerta"
    with db.read() as s:
        scans = s.scalars(select(Scan).where(Scan.sitting_id == sitting)).all()
        # Both reads are in the desk's log, at the sitting; nobody was checked in at the event.
        assert [x.verdict for x in scans] == ["admitted", "already_checked_in"]
        assert s.scalar(select(func.count()).select_from(CheckIn)) == 0


def test_door_scan_refusals_are_logged_and_mark_nobody(event):
    db, sitting, people = event
    forged = attendance.record_door_scan(db, sitting, "NOT-A-BADGE", desk="Puerta")
    assert forged.kind is DoorVerdictKind.FORGED and forged.participant_id is None
    ana = person(people, "Ayala de Menjívar")
    old = badges.badge_code_for(db, ana)
    badges.reissue_badge(db, ana)
    replaced = attendance.record_door_scan(db, sitting, old, desk="Puerta")
    assert replaced.kind is DoorVerdictKind.REPLACED and replaced.participant_id == ana
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Attendance)
                        .where(Attendance.sitting_id == sitting)) == 0
        assert s.scalar(select(func.count()).select_from(Scan)
                        .where(Scan.sitting_id == sitting)) == 2


def test_same_scan_uid_is_counted_once(event):
    db, sitting, people = event
    code = badges.badge_code_for(db, person(people, "Ayala de Menjívar"))
    a = attendance.record_door_scan(db, sitting, code, desk="P", scan_uid="u1")
    b = attendance.record_door_scan(db, sitting, code, desk="P", scan_uid="u1")
    assert a.kind is b.kind is DoorVerdictKind.PRESENT and a.scan_id == b.scan_id
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Scan)) == 1


def test_a_scan_turns_excused_into_present_but_a_person_overrides_a_scan(event):
    db, sitting, people = event
    pid = person(people, "Ayala de Menjívar")
    attendance.mark(db, sitting, pid, "excused", clock=clock_at(T0))
    verdict = attendance.record_door_participant(db, sitting, pid, desk="P",
                                                 clock=clock_at(T0 + dt.timedelta(minutes=5)))
    assert verdict.kind is DoorVerdictKind.PRESENT
    assert attendance.attendance_of(db, sitting, pid).arrived_at == T0 + dt.timedelta(minutes=5)
    # The secretariat marks her absent after all (she left): the mark wins, arrival cleared.
    mark = attendance.mark(db, sitting, pid, "absent", clock=clock_at(T0 + dt.timedelta(hours=1)))
    assert mark.status is AttendanceStatus.ABSENT and mark.arrived_at is None
    assert mark.source is AttendanceSource.MANUAL and mark.recorded_by == "tester@desk"
    # Marking present again by hand keeps one row, present from the new time.
    again = attendance.mark(db, sitting, pid, "present", clock=clock_at(T0 + dt.timedelta(hours=2)))
    assert again.arrived_at == T0 + dt.timedelta(hours=2)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Attendance)
                        .where(Attendance.participant_id == pid,
                               Attendance.sitting_id == sitting)) == 1


def test_roll_call_by_delegation_in_canonical_order_and_bulk_mark(event):
    db, sitting, people = event
    groups = attendance.roll_call(db, sitting)
    member_codes = [g.code for g in groups if g.is_member]
    assert member_codes == ["BZ", "CA", "CR", "SV", "US", "GT", "HN", "MX", "NI", "PA", "DO"]
    assert all(e.status is None for g in groups for e in g.entries)
    # Staff and press are not on the roll.
    assert all(e.category not in ("staff", "press") for g in groups for e in g.entries)
    mexico = next(g for g in groups if g.code == "MX")
    names = [e.sort_name for e in mexico.entries]
    assert names == sorted(names, key=text.collation_key)
    marks = {e.participant_id: "present" for e in mexico.entries}
    marks[mexico.entries[0].participant_id] = "excused"
    result = attendance.mark_many(db, sitting, marks, clock=clock_at(T0))
    assert len(result) == len(mexico.entries)
    after = next(g for g in attendance.roll_call(db, sitting) if g.code == "MX")
    assert after.count(AttendanceStatus.PRESENT) == len(mexico.entries) - 1
    assert after.count(AttendanceStatus.EXCUSED) == 1
    assert {e.source for e in after.entries} == {AttendanceSource.ROLL_CALL}


def test_a_bad_roll_call_writes_nothing(event):
    db, sitting, people = event
    pid = person(people, "Ayala de Menjívar")
    with pytest.raises(AttendanceError, match="no participant number 99999") as refused:
        attendance.mark_many(db, sitting, {pid: "present", 99999: "present"})
    assert refused.value.code == "attendance.no_participant"
    with pytest.raises(AttendanceError, match="not an attendance status") as refused:
        attendance.mark_many(db, sitting, {pid: "maybe"})
    assert refused.value.code == "attendance.status"
    with pytest.raises(AttendanceError, match="no session") as refused:
        attendance.mark(db, 999, pid, "present")
    assert refused.value.code == "attendance.no_sitting"
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Attendance)
                        .where(Attendance.sitting_id == sitting)) == 0


def _lawmakers(db, codes):
    with db.read() as s:
        return {
            code: s.scalar(
                select(Participant.id).join(Delegation)
                .where(Delegation.code == code, Participant.category == "lawmaker")
                .order_by(Participant.id).limit(1))
            for code in codes
        }


def test_live_counts_and_quorum_of_member_delegations(event):
    db, sitting, people = event
    five = _lawmakers(db, ["BZ", "CA", "CR", "SV", "US"])
    attendance.mark_many(db, sitting, {pid: "present" for pid in five.values()})
    counts = attendance.live_counts(db, sitting)
    assert counts.delegations_represented == 5 and counts.member_delegations == 11
    assert counts.lawmakers_present == 5 and counts.present == 5
    assert counts.quorum.required == 6 and counts.quorum.met is False
    assert counts.quorum.text("en") == (
        "Quorum not met: 5 of 11 member delegations represented (6 required).")
    belize = next(d for d in counts.by_delegation if d.code == "BZ")
    assert belize.present == 1 and belize.absent == belize.expected - 1 and belize.represented
    # A non-lawmaker of a sixth country does not represent it; a lawmaker does.
    sixth = _lawmakers(db, ["GT"])["GT"]
    attendance.mark(db, sitting, sixth, "present")
    counts = attendance.live_counts(db, sitting)
    assert counts.quorum.met is True and counts.delegations_represented == 6
    assert counts.quorum.text("en").startswith("Quorum met: 6 of 11")


def test_counts_agree_with_the_roll_call_person_by_person(event):
    """The counts are taken by the database in one grouped query; they say what counting
    the roll call's people one by one says: every delegation (observers, guests, people of
    no delegation), staff and press left out, excused apart from absent, lawmakers apart."""
    db, sitting, people = event
    ids = sorted(people.values())
    marks = {pid: ("present", "excused", "absent")[n % 3] for n, pid in enumerate(ids[::2])}
    attendance.mark_many(db, sitting, marks)
    with db.write() as s:  # someone of no delegation, present
        loose = s.get(Participant, ids[1])
        loose.delegation_id = None
    attendance.mark(db, sitting, ids[1], "present")
    counts = attendance.live_counts(db, sitting)
    groups = attendance.roll_call(db, sitting)
    assert [c.delegation_id for c in counts.by_delegation] == [g.delegation_id for g in groups]
    assert groups[-1].delegation_id is None and counts.by_delegation[-1].name_en == "No delegation"
    for c, g in zip(counts.by_delegation, groups, strict=True):
        statuses = [e.status for e in g.entries]
        assert (c.expected, c.present, c.excused, c.absent, c.lawmakers_present, c.is_member) == (
            len(statuses), statuses.count(AttendanceStatus.PRESENT),
            statuses.count(AttendanceStatus.EXCUSED),
            len(statuses) - statuses.count(AttendanceStatus.PRESENT)
            - statuses.count(AttendanceStatus.EXCUSED),
            sum(1 for e in g.entries
                if e.status is AttendanceStatus.PRESENT and e.category == "lawmaker"),
            g.is_member)
    everyone = [e for g in groups for e in g.entries]
    assert counts.expected == len(everyone) and counts.present > 0 and counts.excused > 0
    assert counts.lawmakers_expected == sum(1 for e in everyone if e.category == "lawmaker")
    with db.read() as s:
        staff = s.scalar(select(func.count(Participant.id))
                         .where(Participant.category.in_(attendance.NOT_EXPECTED)))
        total = s.scalar(select(func.count(Participant.id)))
    assert staff > 0 and counts.expected == total - staff


def test_no_quorum_rule_means_no_quorum(event):
    db, sitting, _ = event
    with db.write() as s:
        s.scalar(select(Event)).quorum_rule = ""
    counts = attendance.live_counts(db, sitting)
    assert counts.quorum.met is None
    assert counts.quorum.text("en") == "The event defines no quorum."


def test_the_database_holds_one_row_per_person_and_sitting(event):
    db, sitting, people = event
    pid = person(people, "Ayala de Menjívar")
    attendance.mark(db, sitting, pid, "present")
    with pytest.raises(IntegrityError), db.write() as s:
        s.add(Attendance(sitting_id=sitting, participant_id=pid, status="absent",
                         source="manual", recorded_by="", desk="", updated_at=T0))


def test_two_desks_marking_the_same_people_make_one_row_each(event, db_path):
    db, sitting, people = event
    ids = list(people.values())[:30]
    other = open_database(db.url, actor="desk-b")
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def run(database, status):  # noqa: ANN001
        try:
            barrier.wait()
            for pid in ids:
                attendance.mark(database, sitting, pid, status)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(d, st))
               for d, st in ((db, "present"), (other, "excused"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    other.close()
    assert errors == []
    with db.read() as s:
        rows = s.scalars(select(Attendance).where(Attendance.sitting_id == sitting)).all()
    assert sorted(r.participant_id for r in rows) == sorted(ids)


def test_one_row_per_person_on_postgresql_under_concurrent_desks(pg_url):
    first = open_database(pg_url, actor="desk-a")
    second = open_database(pg_url, actor="desk-b")
    try:
        demo.build_demo(first)
        with first.read() as s:
            sitting = s.scalar(select(Sitting.id).where(Sitting.number == 3))
            ids = list(s.scalars(select(Participant.id).order_by(Participant.id).limit(25)))
        barrier = threading.Barrier(2)
        errors: list[BaseException] = []

        def run(database):  # noqa: ANN001
            try:
                barrier.wait()
                for pid in ids:
                    attendance.record_door_participant(database, sitting, pid, desk="d")
            except BaseException as exc:  # noqa: BLE001
                errors.append(exc)

        threads = [threading.Thread(target=run, args=(d,)) for d in (first, second)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        assert errors == []
        with first.read() as s:
            assert s.scalar(select(func.count()).select_from(Attendance)
                            .where(Attendance.sitting_id == sitting)) == len(ids)
    finally:
        first.close()
        second.close()
