"""Bad input at volume: the badge code path and the roster importer never crash.

Profiles (see conftest.py): 500 examples per property by default, 10,000 with
``HYPOTHESIS_PROFILE=ci``. The event is set up once per test, not per example.

* Badge codes: random text and bytes, truncated and altered genuine codes (wrong
  signatures), control characters, 100 KB lines, formula-like text. ``parse_code`` never
  raises; ``check_in`` always returns a verdict, records exactly one scan, and checks in
  nobody unless the text really is a badge of a participant of this event.
* Rosters: random bytes, CSV in several encodings mixed in one file, control characters,
  100 KB cells, formula-like cells (``=HYPERLINK(…)``). ``import_roster`` always returns a
  report; when it refuses, nothing at all is written (the change marker does not move).
"""

from __future__ import annotations

import csv
import io

import pytest
from helpers.events import make_event
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from encounter_desk.desk import checkin
from encounter_desk.desk.checkin import VerdictKind
from encounter_desk.event import badge_code
from encounter_desk.event.badge_reading import LAYOUTS, strip_wrapping
from encounter_desk.roster import importer as roster
from encounter_desk.roster.export import headers
from encounter_desk.storage import change_marker as changes
from encounter_desk.storage.database import open_database, sqlite_url
from encounter_desk.storage.models import CheckIn, Scan

pytestmark = pytest.mark.slow  # thousands of generated inputs

FORMULAS = ["=HYPERLINK(\"http://evil.example\",\"clic\")", "=1+2", "+52 55", "-2+3",
            "@SUM(A1:A9)", "=cmd|' /C calc'!A0", "\t=1", "\r=1"]
CONTROL = st.characters(min_codepoint=0, max_codepoint=0x1F)


def _altered(code: str, data: st.DataObject) -> str:
    """A genuine code with one change: cut short, one character replaced, or spaced out."""
    how = data.draw(st.sampled_from(["cut", "replace", "insert", "case", "group"]))
    if how == "cut":
        return code[: data.draw(st.integers(0, len(code) - 1))]
    i = data.draw(st.integers(0, len(code) - 1))
    if how == "replace":
        other = data.draw(st.sampled_from(badge_code.ALPHABET.replace(code[i], "")))
        return code[:i] + other + code[i + 1:]
    if how == "insert":
        return code[:i] + data.draw(st.text(min_size=1, max_size=3)) + code[i:]
    if how == "case":
        return code.lower()
    return badge_code.grouped(code, data.draw(st.integers(1, 8)))


def raw_codes(codes: list[str]) -> st.SearchStrategy:
    return st.one_of(
        st.text(max_size=60),
        st.binary(max_size=80).map(lambda b: b.decode("latin-1")),
        st.text(alphabet=badge_code.ALPHABET, min_size=1, max_size=40),
        st.lists(CONTROL, max_size=30).map("".join),
        st.sampled_from(FORMULAS),
        st.integers(1, 100_000).map(lambda n: "Z" * n),  # up to 100 KB lines
        st.builds(lambda c, d: _altered(c, d), st.sampled_from(codes), st.data()),
        st.sampled_from(codes),  # the genuine article, now and then
    )


def test_parse_code_never_raises_on_anything():
    @given(st.one_of(st.text(), st.binary(), st.none(), st.integers(), st.floats(),
                     st.builds(lambda t, n: t * n, st.text(min_size=1, max_size=9),
                               st.integers(10_000, 100_000))))
    def run(raw: object) -> None:
        parsed = badge_code.parse_code(raw)
        assert isinstance(parsed, badge_code.ParsedCode | badge_code.ParseError)

    run()


def _genuine_owner(raw: str, genuine: dict[str, int]) -> int | None:
    """The participant whose issued code ``raw`` is, read as typed or through one of the
    keyboard layouts the desk undoes (AZERTY, QWERTZ…): a badge typed through a French
    laptop is still that person's badge."""
    for _name, table in LAYOUTS:
        text = strip_wrapping(raw if table is None else raw.translate(table))
        parsed = badge_code.parse_code(text)
        if parsed and parsed.text in genuine:
            return genuine[parsed.text]
    return None


def test_check_in_always_gives_a_verdict_and_admits_only_genuine_badges(tmp_path):
    db = open_database(sqlite_url(tmp_path / "fuzz.sqlite"))
    codes = make_event(db, 20)
    genuine = {c: n + 1 for n, c in enumerate(codes)}  # the codes this event issued

    @given(raw_codes(codes))
    def run(raw: str) -> None:
        with db.read() as s:
            scans = s.scalar(select(func.count(Scan.id)))
            checked = s.scalar(select(func.count(CheckIn.id)))
        verdict = checkin.check_in(db, raw, desk="fuzz")
        assert isinstance(verdict.kind, VerdictKind)
        assert checkin.describe(verdict)  # always something to say
        with db.read() as s:
            assert s.scalar(select(func.count(Scan.id))) == scans + 1
            now_checked = s.scalar(select(func.count(CheckIn.id)))
        pid = _genuine_owner(raw, genuine)  # what the scanner really read, on any layout
        if verdict.admitted:
            assert pid is not None and verdict.participant.id == pid
            assert now_checked == checked + 1
        else:
            assert now_checked == checked
            if pid is None:
                assert verdict.kind.refused
            else:
                assert verdict.kind is VerdictKind.ALREADY_CHECKED_IN

    run()
    db.close()


def _csv(rows: list[list[str]], encodings: list[str]) -> bytes:
    """A CSV whose lines are encoded each in its own encoding (a file pasted together)."""
    out = b""
    for n, row in enumerate(rows):
        buf = io.StringIO()
        csv.writer(buf).writerow(row)
        out += buf.getvalue().encode(encodings[n % len(encodings)], errors="replace")
    return out


CELL = st.one_of(
    st.text(max_size=30),
    st.sampled_from(FORMULAS),
    st.sampled_from(["México", "MX", "Costa Rica", "Sí", "F", "lawmaker", "", "Núñez Peña"]),
    st.lists(CONTROL, max_size=5).map("".join),
    st.integers(1, 100_000).map(lambda n: "ñ" * n),
)
HEADERS = headers("en") + headers("es") + ["", "Nombre", "Apellidos", "País", "=A1"]
ENCODINGS = st.lists(st.sampled_from(["utf-8", "utf-8-sig", "latin-1", "cp1252", "utf-16"]),
                     min_size=1, max_size=3)


def roster_files() -> st.SearchStrategy:
    table = st.integers(1, 6).flatmap(
        lambda width: st.tuples(
            st.lists(st.sampled_from(HEADERS), min_size=width, max_size=width),
            st.lists(st.lists(CELL, min_size=width, max_size=width), max_size=4),
        )
    )
    return st.one_of(
        st.tuples(st.binary(max_size=300), st.sampled_from([".csv", ".xlsx", ".txt"])),
        st.builds(lambda t, enc: (_csv([t[0], *t[1]], enc), ".csv"), table, ENCODINGS),
    )


def test_roster_import_never_crashes_and_writes_nothing_on_refusal(tmp_path):
    db = open_database(sqlite_url(tmp_path / "roster.sqlite"))
    make_event(db, 3)
    path = tmp_path / "roster"

    @given(roster_files(), st.booleans())
    def run(file: tuple[bytes, str], dry_run: bool) -> None:
        data, suffix = file
        target = path.with_suffix(suffix)
        target.write_bytes(data)
        before = changes.marker(db)
        report = roster.import_roster(db, target, dry_run=dry_run)
        lines = report.lines()
        assert lines and all(isinstance(line, str) for line in lines)
        if not report.ok or dry_run:
            assert changes.marker(db) == before  # refused or a dry run: nothing written
            if not report.ok:
                assert report.file_error or report.errors
        target.unlink()

    run()
    db.close()
