"""The badge code: signed, short, digits and capitals only, read whatever the keyboard did."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from encounter_desk.event import badge_code
from encounter_desk.event.badge_code import (
    ALPHABET,
    CODE_LEN,
    CodeStatus,
    ParsedCode,
    ParseError,
    ParseProblem,
    make_code,
    parse_code,
    verify,
)

SECRET = "5f" * 32
OTHER_SECRET = "a1" * 32
EVENT = "RCM-EP-2026"


def _code(pid: int = 42, serial: int = 1, secret: str = SECRET, event: str = EVENT) -> str:
    return make_code(secret_hex=secret, event_code=event, participant_id=pid, serial=serial)


def _status(raw: object, secret: str = SECRET, event: str = EVENT) -> CodeStatus:
    return verify(parse_code(raw), secret_hex=secret, event_code=event)


def test_round_trip_names_event_participant_and_serial():
    code = _code(pid=1234, serial=3)
    assert len(code) == CODE_LEN <= 30
    assert set(code) <= set(ALPHABET)
    parsed = parse_code(code)
    assert isinstance(parsed, ParsedCode)
    assert parsed.participant_id == 1234
    assert parsed.serial == 3
    assert parsed.event_tag == badge_code.event_tag(EVENT)
    assert parsed.text == code
    assert _status(code) is CodeStatus.OK


def test_codes_differ_by_participant_serial_and_event():
    codes = {_code(1), _code(2), _code(1, serial=2), _code(1, event="OTHER")}
    assert len(codes) == 4


def test_only_qr_alphanumeric_characters_no_punctuation():
    for pid in (1, 31, 32, 999, 33_554_431):
        code = _code(pid=pid, serial=1023)
        assert code.isalnum() and code.isupper() or code.isdigit()
        assert all(c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" for c in code)


@pytest.mark.parametrize(
    "transform",
    [
        str.lower,
        str.swapcase,  # Caps Lock on while the scanner types
        lambda c: c + "\n",  # the scanner's Enter
        lambda c: c + "\t",  # or Tab
        lambda c: "  " + c + " \r\n",
        lambda c: badge_code.grouped(c),  # typed by hand from the badge, in groups
        lambda c: c[:8] + "-" + c[8:],
    ],
)
def test_case_and_stray_whitespace_are_ignored(transform):
    code = _code()
    assert _status(transform(code)) is CodeStatus.OK
    assert parse_code(transform(code)).text == code


def test_crockford_look_alikes_read_as_digits():
    code = _code(pid=10)
    typed = code.replace("0", "O").replace("1", "l")
    assert _status(typed) is CodeStatus.OK


def _flip(char: str) -> str:
    return "0" if char != "0" else "1"


def test_tampered_signature_is_forged():
    code = _code()
    body, mac = code[:12], code[12:-2]
    tampered = badge_code.with_check(body + mac[:-1] + _flip(mac[-1]))  # a valid check
    assert _status(tampered) is CodeStatus.FORGED


def test_damaged_code_fails_its_check_characters():
    code = _code()
    for i in range(1, len(code)):
        damaged = code[:i] + _flip(code[i]) + code[i + 1 :]
        parsed = parse_code(damaged)
        assert isinstance(parsed, ParseError), i
        assert parsed.problem is ParseProblem.BAD_CHECK
        assert _status(damaged) is CodeStatus.MALFORMED


def test_changed_participant_with_old_signature_is_forged():
    code = _code(pid=42)
    other = _code(pid=43)
    spliced = badge_code.with_check(other[:12] + code[12:-2])  # 43's fields, 42's MAC
    assert _status(spliced) is CodeStatus.FORGED


def test_code_of_another_event_is_wrong_event():
    assert _status(_code(event="RCM-EP-2025", secret=OTHER_SECRET)) is CodeStatus.WRONG_EVENT


def test_same_event_code_but_another_secret_is_forged():
    assert _status(_code(secret=OTHER_SECRET)) is CodeStatus.FORGED


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("", ParseProblem.EMPTY),
        ("   \t\n", ParseProblem.EMPTY),
        ("thank you", ParseProblem.BAD_CHARACTER),  # U is not in the alphabet
        ("hello world", ParseProblem.BAD_LENGTH),  # l and o read as 1 and 0
        ("https://example.org/?q=1", ParseProblem.BAD_CHARACTER),
        ("ABC", ParseProblem.BAD_LENGTH),
        ("9" * CODE_LEN, ParseProblem.BAD_VERSION),
        ("1" * CODE_LEN, ParseProblem.BAD_CHECK),
        ("A" * 100_000, ParseProblem.TOO_LONG),
        ("\x00\x01\x02\x1b[A", ParseProblem.BAD_CHARACTER),
        ("ñ" * CODE_LEN, ParseProblem.BAD_CHARACTER),
        (None, ParseProblem.NOT_TEXT),
        (b"1ABC", ParseProblem.NOT_TEXT),
        (12345, ParseProblem.NOT_TEXT),
    ],
)
def test_garbage_is_a_parse_error_never_an_exception(raw, problem):
    parsed = parse_code(raw)
    assert isinstance(parsed, ParseError)
    assert parsed.problem is problem
    assert not parsed
    assert _status(raw) is CodeStatus.MALFORMED


def test_make_code_refuses_values_that_do_not_fit():
    with pytest.raises(ValueError):
        _code(pid=0)
    with pytest.raises(ValueError):
        _code(pid=badge_code.MAX_PARTICIPANT_ID + 1)
    with pytest.raises(ValueError):
        _code(serial=badge_code.MAX_SERIAL + 1)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=300), st.binary(max_size=50), st.none(), st.integers()))
def test_parse_code_never_raises(raw):
    parsed = parse_code(raw)
    assert isinstance(parsed, ParsedCode | ParseError)
    assert verify(parsed, secret_hex=SECRET, event_code=EVENT) in set(CodeStatus)


@settings(max_examples=200, deadline=None)
@given(
    pid=st.integers(1, badge_code.MAX_PARTICIPANT_ID),
    serial=st.integers(0, badge_code.MAX_SERIAL),
    flips=st.lists(st.booleans(), min_size=CODE_LEN, max_size=CODE_LEN),
)
def test_any_code_in_any_case_round_trips(pid, serial, flips):
    code = _code(pid=pid, serial=serial)
    typed = "".join(c.lower() if f else c for c, f in zip(code, flips, strict=True))
    parsed = parse_code(typed)
    assert isinstance(parsed, ParsedCode)
    assert (parsed.participant_id, parsed.serial) == (pid, serial)
    assert _status(typed) is CodeStatus.OK
