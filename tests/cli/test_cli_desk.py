"""The desk from the terminal: badges, codes, every check-in verdict as JSON, undo."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from encounter_desk.cli import main as cli
from encounter_desk.event import badge_code
from encounter_desk.event import event as events
from encounter_desk.storage.database import open_database, sqlite_url
from encounter_desk.storage.models import Delegation, Participant, Scan


@pytest.fixture
def event_file(tmp_path):
    path = tmp_path / "event.sqlite"
    db = open_database(sqlite_url(path))
    event = events.create_event(db, events.EventDetails(
        code="RCM-CLI", name_es="Encuentro", name_en="Encounter",
        start_date=dt.date(2026, 12, 1), end_date=dt.date(2026, 12, 2)))
    with db.write() as s:
        hn = s.scalar(select(Delegation).where(Delegation.code == "HN"))
        s.add(Participant(title="Dip.", given_names="Ana", first_surname="Núñez", delegation=hn))
        s.add(Participant(given_names="Beto", first_surname="Ruiz", delegation=hn,
                          is_head_of_delegation=True))
    db.close()
    return path, event.secret


def run(path, *args, capsys):
    code = cli.main(["--db", str(path), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def _json(path, code_text, capsys):
    rc, out, _ = run(path, "checkin", code_text, "--desk", "Desk 9", "--json", capsys=capsys)
    lines = out.strip().splitlines()
    assert len(lines) == 1  # exactly one JSON object
    return rc, json.loads(lines[0])


def test_badge_code_then_every_verdict_as_json(event_file, capsys):
    path, secret = event_file
    rc, out, _ = run(path, "badge-code", "1", capsys=capsys)
    assert rc == 0
    ana = out.strip()
    assert badge_code.parse_code(ana).participant_id == 1

    rc, data = _json(path, ana.lower(), capsys)
    assert (rc, data["verdict"]) == (0, "admitted")
    assert data["participant"]["display_name"] == "Ana Núñez"
    assert data["participant"]["delegation_es"] == "Honduras" and data["desk"] == "Desk 9"

    rc, data = _json(path, ana, capsys)
    assert (rc, data["verdict"]) == (3, "already_checked_in")
    assert data["checked_in_desk"] == "Desk 9" and data["checked_in_at"]

    _, out, _ = run(path, "badge-code", "2", capsys=capsys)
    rc, data = _json(path, out.strip(), capsys)
    assert (rc, data["verdict"]) == (0, "admitted_attention")
    assert data["attention"] == ["Head of delegation"]

    rc, out, _ = run(path, "reissue-badge", "1", capsys=capsys)
    assert rc == 0 and "number 2" in out
    rc, data = _json(path, ana, capsys)
    assert (rc, data["verdict"]) == (4, "replaced")
    assert data["participant"]["id"] == 1 and data["current_serial"] == 2

    other = badge_code.make_code(secret_hex="cd" * 32, event_code="ANOTHER", participant_id=1,
                                 serial=1)
    rc, data = _json(path, other, capsys)
    assert (rc, data["verdict"], data["participant"]) == (4, "wrong_event", None)

    rc, data = _json(path, "not a badge at all", capsys)
    assert (rc, data["verdict"], data["participant"]) == (4, "not_a_badge", None)

    nobody = badge_code.make_code(secret_hex=secret, event_code="RCM-CLI", participant_id=77,
                                  serial=1)
    rc, data = _json(path, nobody, capsys)
    assert (rc, data["verdict"], data["participant"]) == (4, "unknown", None)

    db = open_database(sqlite_url(path))
    with db.read() as s:
        assert [r.verdict for r in s.scalars(select(Scan).order_by(Scan.id))] == [
            "admitted", "already_checked_in", "admitted_attention", "replaced",
            "wrong_event", "not_a_badge", "unknown"]
    db.close()


def test_plain_verdict_is_readable_without_colour_when_piped(event_file, capsys):
    path, _ = event_file
    _, out, _ = run(path, "badge-code", "1", capsys=capsys)
    rc, out, _ = run(path, "checkin", out.strip(), "--desk", "Front", capsys=capsys)
    assert rc == 0
    assert out.splitlines()[0] == "Admitted"  # no escape codes: stdout is not a terminal
    assert "Dip. Ana Núñez" in out and "Honduras" in out


def test_undo_checkin_needs_a_reason_and_allows_readmission(event_file, capsys):
    path, _ = event_file
    _, out, _ = run(path, "badge-code", "1", capsys=capsys)
    code = out.strip()
    run(path, "checkin", code, capsys=capsys)
    with pytest.raises(SystemExit) as info:
        cli.main(["--db", str(path), "undo-checkin", "1"])
    assert info.value.code == 2
    capsys.readouterr()
    rc, _, err = run(path, "undo-checkin", "1", "--reason", " ", capsys=capsys)
    assert rc == 1 and "reason" in err
    rc, out, _ = run(path, "undo-checkin", "1", "--reason", "wrong person", capsys=capsys)
    assert rc == 0 and "undone" in out
    rc, _, err = run(path, "undo-checkin", "1", "--reason", "again", capsys=capsys)
    assert rc == 1 and "not checked in" in err
    rc, data = _json(path, code, capsys)
    assert (rc, data["verdict"]) == (0, "admitted")


def test_badges_command_writes_the_pdf(event_file, tmp_path, capsys):
    path, _ = event_file
    out_pdf = tmp_path / "out" / "badges.pdf"
    rc, out, _ = run(path, "badges", str(out_pdf), capsys=capsys)
    assert rc == 0 and "2 badges" in out
    assert len(PdfReader(out_pdf).pages) == 1
    rc, out, _ = run(path, "badges", str(tmp_path / "a6.pdf"), "--participant", "2",
                     "--layout", "a6", capsys=capsys)
    assert rc == 0 and len(PdfReader(tmp_path / "a6.pdf").pages) == 1
    rc, _, err = run(path, "badges", str(tmp_path / "x.pdf"), "--participant", "9",
                     capsys=capsys)
    assert rc == 1 and "no participant number 9" in err
    assert not (tmp_path / "x.pdf").exists()


def test_bad_participant_numbers_are_clear_errors(event_file, capsys):
    path, _ = event_file
    rc, _, err = run(path, "badge-code", "99", capsys=capsys)
    assert rc == 1 and "99" in err
    with pytest.raises(SystemExit):
        cli.main(["--db", str(path), "badge-code", "cero"])
    assert "cero" in capsys.readouterr().err


def test_checkin_without_an_event_is_an_error(tmp_path, capsys):
    path = tmp_path / "empty.sqlite"
    open_database(sqlite_url(path)).close()
    rc, out, err = run(path, "checkin", "ABC", capsys=capsys)
    assert rc == 1 and out == "" and "no event" in err


def test_withdraw_needs_a_reason_refuses_the_badge_and_reinstate_gives_it_back(event_file, capsys):
    path, _ = event_file
    _, out, _ = run(path, "badge-code", "1", capsys=capsys)
    code = out.strip()
    with pytest.raises(SystemExit) as info:
        cli.main(["--db", str(path), "withdraw", "1"])
    assert info.value.code == 2
    capsys.readouterr()
    rc, out, _ = run(path, "withdraw", "1", "--reason", "Sustituida por su suplente",
                     capsys=capsys)
    assert rc == 0 and "withdrawn" in out and "Sustituida por su suplente" in out
    rc, data = _json(path, code, capsys)
    assert (rc, data["verdict"], data["participant"]["id"]) == (4, "withdrawn", 1)
    rc, out, _ = run(path, "reinstate", "1", capsys=capsys)
    assert rc == 0 and "reinstated" in out
    rc, _, err = run(path, "reinstate", "1", capsys=capsys)
    assert rc == 1 and "not withdrawn" in err
    rc, data = _json(path, code, capsys)
    assert (rc, data["verdict"]) == (0, "admitted")
