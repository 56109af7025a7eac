"""Certificates of attendance: only for people present at a session, listing their
sessions, in each person's language; the PDF read back."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from encounter_desk.demo import build as demo
from encounter_desk.event import participants
from encounter_desk.records import attendance
from encounter_desk.records.print_shop.certificates import certificates_in, write_certificates
from encounter_desk.storage.models import Attendance, AttendanceStatus, Participant, Sitting


@pytest.fixture
def demo_db(db):
    demo.build_demo(db)
    return db


def _by_status(db):
    with db.read() as s:
        marks = list(s.scalars(select(Attendance)))
        everyone = set(s.scalars(select(Participant.id)))
        sittings = {x.number: x.id for x in s.scalars(select(Sitting))}
    present = {a.participant_id for a in marks if a.status == AttendanceStatus.PRESENT.value}
    others = {a.participant_id for a in marks if a.status != AttendanceStatus.PRESENT.value}
    return present, others, everyone - present - others, sittings


def test_only_people_present_at_a_session_get_a_certificate_with_their_sessions(demo_db):
    present, not_present, unmarked, sittings = _by_status(demo_db)
    assert present and not_present and unmarked
    someone = min(present)
    attendance.mark(demo_db, sittings[2], someone, "present", source="manual", desk="test")
    with demo_db.read() as s:
        certs = {c.participant_id: c for c in certificates_in(s)}
    assert set(certs) == present
    assert [x.number for x in certs[someone].sittings] == [1, 2]
    other = next(iter(present - {someone}))
    assert [x.number for x in certs[other].sittings] == [1]
    assert not (set(certs) & (not_present | unmarked))


def test_each_certificate_in_the_persons_language_and_read_back(demo_db, tmp_path):
    present, _n, _u, _s = _by_status(demo_db)
    with demo_db.read() as s:
        certs = certificates_in(s)
    english = next(c for c in certs if c.lang == "en")
    spanish = next(c for c in certs if c.lang == "es")
    out = tmp_path / "certificates.pdf"
    assert write_certificates(demo_db, out, participant_ids=[english.participant_id,
                                                             spanish.participant_id]) == 2
    pages = [p.extract_text() for p in PdfReader(out).pages]
    assert len(pages) == 2
    by_name = {c.participant_id: c for c in certs}
    texts = {cid: next(t for t in pages if by_name[cid].name in t)
             for cid in (english.participant_id, spanish.participant_id)}
    assert "CERTIFICATE OF ATTENDANCE" in texts[english.participant_id]
    assert "Session 1" in texts[english.participant_id]
    assert "CONSTANCIA DE ASISTENCIA" in texts[spanish.participant_id]
    assert "Sesión 1" in texts[spanish.participant_id]
    assert "Presidencia" in texts[spanish.participant_id]

    # a person's own language wins over the delegation's; --lang over both
    participants.update_participant(demo_db, english.participant_id, language="es")
    with demo_db.read() as s:
        assert next(c for c in certificates_in(s)
                    if c.participant_id == english.participant_id).lang == "es"
        assert {c.lang for c in certificates_in(s, lang="en")} == {"en"}
    assert write_certificates(demo_db, tmp_path / "all.pdf") == len(present)
    assert len(PdfReader(tmp_path / "all.pdf").pages) == len(present)


def test_no_attendance_no_certificates(db, tmp_path):
    from helpers.events import DETAILS

    from encounter_desk.event import event as events

    events.create_event(db, DETAILS)
    assert write_certificates(db, tmp_path / "none.pdf") == 0
    assert not (tmp_path / "none.pdf").exists()
