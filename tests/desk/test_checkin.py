"""Check-in verdicts, the scan log, retries, undo, counts, and one admission under concurrency."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import textwrap
from dataclasses import dataclass

import pytest
from sqlalchemy import func, select

from encounter_desk.desk import badges, checkin, scan_log
from encounter_desk.desk.verdict import CheckInError, Verdict, VerdictKind, describe
from encounter_desk.event import badge_code
from encounter_desk.event import event as events
from encounter_desk.storage.database import Database, open_database, sqlite_url
from encounter_desk.storage.models import (
    AuditEntry,
    CheckIn,
    Delegation,
    Participant,
    Scan,
    Sitting,
)
from encounter_desk.storage.models.scans import kept_raw

T0 = dt.datetime(2026, 12, 1, 14, 5, tzinfo=dt.UTC)  # 08:05 in Mexico City


class Clock:
    def __init__(self, start: dt.datetime = T0):
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


@dataclass
class Desk:
    db: Database
    clock: Clock
    secret: str
    code: str
    ana: int  # plain lawmaker
    head: int  # head of delegation
    noted: int  # desk note
    guest: int  # no delegation

    def badge(self, pid: int, serial: int = 1) -> str:
        return badge_code.make_code(
            secret_hex=self.secret, event_code=self.code, participant_id=pid, serial=serial
        )

    def scan(self, raw: str, **kw) -> Verdict:
        kw.setdefault("desk", "Desk 1")
        return checkin.check_in(self.db, raw, clock=self.clock, **kw)


def make_desk(db: Database) -> Desk:
    event = events.create_event(
        db,
        events.EventDetails(
            code="RCM-EP-2026", name_es="Encuentro", name_en="Encounter",
            start_date=dt.date(2026, 12, 1), end_date=dt.date(2026, 12, 2),
        ),
    )
    with db.write() as s:
        mx = s.scalar(select(Delegation).where(Delegation.code == "MX"))
        cr = s.scalar(select(Delegation).where(Delegation.code == "CR"))
        ana = Participant(title="Dip.", given_names="Ana María", first_surname="Núñez",
                          second_surname="Peña", delegation=mx)
        head = Participant(title="Sen.", given_names="José", first_surname="Pérez",
                           delegation=cr, is_head_of_delegation=True)
        noted = Participant(given_names="Lucía", first_surname="Ortiz", delegation=mx,
                            category="official", desk_note="Wheelchair: seat by the aisle")
        guest = Participant(given_names="John", first_surname="Doe", category="guest")
        s.add_all([ana, head, noted, guest])
        s.add_all([
            Sitting(number=1, title_es="Apertura", title_en="Opening", date=dt.date(2026, 12, 1),
                    scheduled_start=dt.time(9, 0), scheduled_end=dt.time(11, 0)),
            Sitting(number=2, title_es="Clausura", title_en="Closing", date=dt.date(2026, 12, 2),
                    scheduled_start=dt.time(9, 0)),
        ])
    return Desk(db, Clock(), event.secret, event.code, ana.id, head.id, noted.id, guest.id)


@pytest.fixture
def desk(db) -> Desk:
    return make_desk(db)


def _scan_rows(db: Database) -> list[Scan]:
    with db.read() as s:
        return list(s.scalars(select(Scan).order_by(Scan.id)))


def test_admitted_shows_person_delegation_and_first_sitting(desk):
    v = desk.scan(desk.badge(desk.ana))
    assert v.kind is VerdictKind.ADMITTED and v.admitted
    assert v.participant.full_title_name == "Dip. Ana María Núñez Peña"
    assert (v.participant.delegation("es"), v.participant.delegation("en")) == ("México", "Mexico")
    assert v.due_sitting.number == 1 and v.due_sitting.title("en") == "Opening"
    assert v.desk == "Desk 1" and v.at == T0 and v.source == "scanner"
    assert scan_log.is_checked_in(desk.db, desk.ana)
    data = v.to_json()
    json.dumps(data)
    assert data["verdict"] == "admitted" and data["participant"]["id"] == desk.ana
    assert data["due_sitting"]["start"] == "09:00"


def test_first_sitting_moves_on_once_the_first_is_over(desk):
    desk.clock.now = dt.datetime(2026, 12, 1, 17, 30, tzinfo=dt.UTC)  # 11:30 at the venue
    v = desk.scan(desk.badge(desk.ana))
    assert v.due_sitting.number == 2


@pytest.mark.parametrize("who", ["head", "noted"])
def test_head_of_delegation_or_desk_note_needs_attention(desk, who):
    v = desk.scan(desk.badge(getattr(desk, who)))
    assert v.kind is VerdictKind.ADMITTED_ATTENTION and v.admitted
    expected = "Head of delegation" if who == "head" else "Wheelchair: seat by the aisle"
    assert v.attention == (expected,)


def test_two_quick_scans_back_to_back_second_is_already_checked_in(desk):
    code = desk.badge(desk.ana)
    first = desk.scan(code, desk="Desk 2")
    desk.clock.advance(0.2)
    second = desk.scan(code, desk="Desk 1")
    assert first.kind is VerdictKind.ADMITTED
    assert second.kind is VerdictKind.ALREADY_CHECKED_IN
    assert second.checked_in_at == T0 and second.checked_in_desk == "Desk 2"
    assert second.participant.id == desk.ana
    # never a toggle: a third scan still says "already", the person stays in
    third = desk.scan(code)
    assert third.kind is VerdictKind.ALREADY_CHECKED_IN
    assert scan_log.is_checked_in(desk.db, desk.ana)
    assert [s.verdict for s in _scan_rows(desk.db)] == [
        "admitted", "already_checked_in", "already_checked_in"]


def test_lowercase_and_caps_lock_codes_admit(desk):
    assert desk.scan(desk.badge(desk.ana).lower() + "\n").kind is VerdictKind.ADMITTED
    assert desk.scan(desk.badge(desk.head).swapcase() + "\t").kind is VerdictKind.ADMITTED_ATTENTION


def test_retry_with_the_same_scan_uid_is_counted_once(desk):
    code = desk.badge(desk.ana)
    first = desk.scan(code, scan_uid="uid-1")
    desk.clock.advance(1)
    again = desk.scan(code, scan_uid="uid-1")
    assert again.kind is VerdictKind.ADMITTED  # the original verdict, not "already"
    assert again.repeated and not first.repeated
    assert again.scan_id == first.scan_id and again.at == first.at
    assert len(_scan_rows(desk.db)) == 1
    # a retry of a refused scan too
    desk.scan("garbage", scan_uid="uid-2")
    assert desk.scan("garbage", scan_uid="uid-2").repeated
    assert len(_scan_rows(desk.db)) == 2


def test_replaced_badge_after_reissue(desk):
    old = desk.badge(desk.ana)
    assert badges.reissue_badge(desk.db, desk.ana) == 2
    v = desk.scan(old)
    assert v.kind is VerdictKind.REPLACED
    assert v.participant.id == desk.ana
    assert (v.scanned_serial, v.current_serial) == (1, 2)
    assert not scan_log.is_checked_in(desk.db, desk.ana)
    new = badges.badge_code_for(desk.db, desk.ana)
    assert new == desk.badge(desk.ana, 2)
    assert desk.scan(new).kind is VerdictKind.ADMITTED
    assert desk.scan(old).kind is VerdictKind.REPLACED  # still refused afterwards


def test_code_of_another_event_is_wrong_event(desk):
    other = badge_code.make_code(secret_hex="ab" * 32, event_code="OTHER-2025",
                                 participant_id=desk.ana, serial=1)
    v = desk.scan(other)
    assert v.kind is VerdictKind.WRONG_EVENT and v.participant is None
    assert not scan_log.is_checked_in(desk.db, desk.ana)


def test_tampered_signature_is_forged(desk):
    code = desk.badge(desk.ana)
    mac = code[12:-2]
    forged = badge_code.with_check(code[:12] + mac[:-1] + ("0" if mac[-1] != "0" else "1"))
    v = desk.scan(forged)
    assert v.kind is VerdictKind.FORGED and v.detail == "bad_mac"
    assert v.participant is None
    damaged = desk.scan(code[:5] + ("0" if code[5] != "0" else "1") + code[6:])
    assert damaged.kind is VerdictKind.FORGED and damaged.detail == "bad_check"
    assert not scan_log.is_checked_in(desk.db, desk.ana)


def test_genuine_code_of_nobody_is_unknown(desk):
    assert desk.scan(desk.badge(9999)).kind is VerdictKind.UNKNOWN
    ahead = desk.scan(desk.badge(desk.ana, serial=5))  # signed, never issued from this file
    assert ahead.kind is VerdictKind.UNKNOWN and ahead.detail == "serial_ahead"


@pytest.mark.parametrize(
    ("raw", "kind"),
    [("", VerdictKind.NOT_A_BADGE), ("garbage", VerdictKind.NOT_A_BADGE),
     ("x" * 100_000, VerdictKind.NOT_A_BADGE), ("\x00\x07\x1b[2J\r\n", VerdictKind.NOT_A_BADGE),
     ("ÑÑÑ", VerdictKind.NOT_A_BADGE), ("1" * 25, VerdictKind.FORGED),
     ("1" * 24, VerdictKind.NOT_A_BADGE), ("https://evil/?a=b", VerdictKind.NOT_A_BADGE)],
)
def test_garbage_and_very_long_input_are_recorded_as_refused(desk, raw, kind):
    """Code-shaped text whose check fails is forged or damaged; anything else (a name, a
    URL, noise) is not a badge at all. Both are recorded, neither admits."""
    v = desk.scan(raw)
    assert v.kind is kind and v.participant is None
    [row] = _scan_rows(desk.db)
    assert row.verdict == kind.value
    assert row.raw == kept_raw(raw) and row.raw_length == len(raw)
    assert len(row.raw) <= 512 and "\x00" not in row.raw


def test_search_and_walk_in_use_the_same_verdict_path(desk):
    v = checkin.check_in_participant(desk.db, desk.guest, desk="Desk 3", clock=desk.clock)
    assert v.kind is VerdictKind.ADMITTED and v.source == "search"
    assert v.participant.delegation_code == ""
    again = checkin.check_in_participant(desk.db, desk.guest, desk="Desk 3", source="walk-in")
    assert again.kind is VerdictKind.ALREADY_CHECKED_IN
    assert desk.scan(desk.badge(desk.guest)).kind is VerdictKind.ALREADY_CHECKED_IN
    assert checkin.check_in_participant(desk.db, 4242, desk="Desk 3").kind is VerdictKind.UNKNOWN
    with pytest.raises(CheckInError):
        checkin.check_in_participant(desk.db, desk.guest, desk="Desk 3", source="telepathy")


def test_undo_needs_a_reason_and_keeps_both_in_the_log(desk):
    code = desk.badge(desk.ana)
    first = desk.scan(code)
    with pytest.raises(CheckInError, match="reason"):
        scan_log.undo_check_in(desk.db, desk.ana, "   ", desk="Desk 1")
    assert scan_log.is_checked_in(desk.db, desk.ana)

    desk.clock.advance(60)
    undone = scan_log.undo_check_in(desk.db, desk.ana, "Scanned the wrong badge", desk="Desk 1",
                                   clock=desk.clock)
    assert undone.scan_id == first.scan_id and undone.reason == "Scanned the wrong badge"
    assert not scan_log.is_checked_in(desk.db, desk.ana)
    with pytest.raises(CheckInError, match="not checked in"):
        scan_log.undo_check_in(desk.db, desk.ana, "again", desk="Desk 1")

    desk.clock.advance(60)
    readmitted = desk.scan(code)
    assert readmitted.kind is VerdictKind.ADMITTED and readmitted.scan_id != first.scan_id
    rows = _scan_rows(desk.db)
    assert [r.verdict for r in rows] == ["admitted", "admitted"]
    assert rows[0].undone_at == T0 + dt.timedelta(seconds=60)
    assert rows[0].undo_reason == "Scanned the wrong badge"
    assert rows[0].undone_by == "tester@desk @ Desk 1"
    assert rows[1].undone_at is None
    with desk.db.read() as s:
        trail = list(s.scalars(select(AuditEntry).where(AuditEntry.table_name == "check_in")
                               .order_by(AuditEntry.id)))
        assert [e.action for e in trail] == ["insert", "delete", "insert"]
        assert s.scalar(select(func.count()).select_from(CheckIn)) == 1
    log = scan_log.recent_scans(desk.db)
    assert log[0].id == readmitted.scan_id and log[1].undo_reason == "Scanned the wrong badge"


def test_every_verdict_leaves_its_audit_entries_as_an_orm_write_would(desk):
    """The verdict path writes its rows without the ORM; the trail must not notice."""
    admitted = desk.scan(desk.badge(desk.head), scan_uid="uid-admitted")
    forged = desk.scan("RCM1.garbage\x00", scan_uid="uid-forged")
    with desk.db.read() as s:
        trail = {(e.table_name, e.row_id): e for e in s.scalars(
            select(AuditEntry).where(AuditEntry.table_name.in_(["scan", "check_in"])))}
        scans = {row.id: row for row in s.scalars(select(Scan))}
        check_in = s.scalar(select(CheckIn))
    assert set(trail) == {("scan", str(admitted.scan_id)), ("scan", str(forged.scan_id)),
                          ("check_in", str(check_in.id))}
    for verdict in (admitted, forged):
        entry = trail["scan", str(verdict.scan_id)]
        row = scans[verdict.scan_id]
        expected = {column.key: getattr(row, column.key) for column in Scan.__table__.columns}
        expected["at"] = row.at.isoformat()
        assert json.loads(entry.changes) == expected
        assert entry.action == "insert"
    assert json.loads(trail["scan", str(admitted.scan_id)].changes)["verdict"] == \
        "admitted_attention"
    assert json.loads(trail["scan", str(forged.scan_id)].changes)["raw"] == kept_raw(
        "RCM1.garbage\x00")
    entry = trail["check_in", str(check_in.id)]
    assert json.loads(entry.changes) == {
        "id": check_in.id, "participant_id": desk.head, "scan_id": admitted.scan_id,
        "at": T0.isoformat(), "desk": "Desk 1",
    }
    assert {e.actor for e in trail.values()} == {"tester@desk"}


def test_counts_by_delegation_and_category(desk):
    desk.scan(desk.badge(desk.ana))
    desk.scan(desk.badge(desk.head))
    counts = scan_log.counts(desk.db)
    assert (counts.checked_in, counts.expected) == (2, 4)
    assert [(g.key, g.checked_in, g.expected) for g in counts.by_delegation] == [
        ("CR", 1, 1), ("MX", 1, 2), ("", 0, 1)]
    assert counts.by_delegation[0].label("es") == "Costa Rica"
    assert [(g.key, g.checked_in, g.expected) for g in counts.by_category] == [
        ("lawmaker", 2, 2), ("official", 0, 1), ("guest", 0, 1)]


def test_no_event_is_a_clear_error(db):
    with pytest.raises(events.NoEventError):
        checkin.check_in(db, "anything", desk="Desk 1")


def test_two_processes_scanning_the_same_badges_admit_each_person_once(desk):
    with desk.db.write() as s:
        for i in range(12):
            s.add(Participant(given_names=f"Persona {i}", first_surname="Prueba"))
    with desk.db.read() as s:
        ids = list(s.scalars(select(Participant.id).order_by(Participant.id)))
    codes = [desk.badge(pid) for pid in ids]
    script = textwrap.dedent(
        """
        import json, sys
        from encounter_desk.desk import checkin
        from encounter_desk.storage.database import open_database
        db = open_database(sys.argv[1])
        kinds = [checkin.check_in(db, c, desk=sys.argv[2]).kind.value for c in json.loads(sys.argv[3])]
        print(json.dumps(kinds))
        """
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", script, desk.db.url, name, json.dumps(codes)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for name in ("Desk A", "Desk B")
    ]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        results.append(json.loads(out))
    for i in range(len(codes)):
        pair = sorted(r[i] for r in results)
        assert pair in (["admitted", "already_checked_in"],
                        ["admitted_attention", "already_checked_in"]), pair
    with desk.db.read() as s:
        assert s.scalar(select(func.count()).select_from(CheckIn)) == len(ids)


def test_one_admission_on_postgresql_under_concurrent_desks(pg_url):
    import threading

    first = open_database(pg_url, actor="desk-a")
    second = open_database(pg_url, actor="desk-b")
    try:
        d = make_desk(first)
        codes = [d.badge(pid) for pid in (d.ana, d.head, d.noted, d.guest)] * 3
        results: dict[str, list[str]] = {}
        barrier = threading.Barrier(2)

        def run(db: Database, name: str) -> None:
            barrier.wait()
            results[name] = [checkin.check_in(db, c, desk=name).kind.value for c in codes]

        threads = [threading.Thread(target=run, args=(db, n))
                   for db, n in ((first, "A"), (second, "B"))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        admitted = [k for r in results.values() for k in r if k.startswith("admitted")]
        assert len(admitted) == 4
        with first.read() as s:
            assert s.scalar(select(func.count()).select_from(CheckIn)) == 4
            assert s.scalar(select(func.count()).select_from(Scan)) == 2 * len(codes)
    finally:
        first.close()
        second.close()


def test_verdict_text_for_the_terminal(desk):
    code = desk.badge(desk.ana)
    desk.scan(code, desk="Desk 2")
    lines = describe(desk.scan(code))
    assert lines[0] == "Already checked in"
    assert "Checked in at 08:05 (desk Desk 2)" in lines  # venue time, not UTC


def test_sqlite_file_at_head_has_the_scan_tables(tmp_path):
    db = open_database(sqlite_url(tmp_path / "x.sqlite"))
    try:
        from encounter_desk.storage.database import metadata_matches_head

        assert metadata_matches_head(db) == []
    finally:
        db.close()
