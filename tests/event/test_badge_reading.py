"""Badges read through the laptop's keyboard layout, AIM identifiers and scanner wrapping."""

from __future__ import annotations

import pytest

from encounter_desk.event import badge_code
from encounter_desk.event.badge_code import CodeStatus
from encounter_desk.event.badge_reading import read_badge, strip_wrapping

SECRET = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"
EVENT = "RCM-EP-2017"

# What a US-keycode scanner's keys type on each host layout (X11 fr and de).
FR_KEYS = dict(zip("1234567890", "&é\"'(-è_çà", strict=True)) | {
    "A": "Q", "Q": "A", "Z": "W", "W": "Z", "M": "?", "]": "$"}
FR_CAPS_KEYS = FR_KEYS | {"2": "É", "7": "È", "9": "Ç", "0": "À", "M": "?"}
DE_KEYS = {"Y": "Z", "Z": "Y", "]": "+"}


def typed(code: str, keys: dict[str, str], caps_lock: bool = False) -> str:
    text = "".join(keys.get(c, c) for c in code)
    return text.swapcase() if caps_lock else text


def codes() -> list[str]:
    """Badges whose codes hold every garbled character (A, Q, Z, W, M, Y and digits)."""
    made = [badge_code.make_code(secret_hex=SECRET, event_code=EVENT, participant_id=pid,
                                 serial=serial) for pid in range(1, 400) for serial in (0, 1)]
    wanted = set("AQZWMY0123456789")
    chosen: list[str] = []
    for code in made:
        if set(code) & wanted - set("".join(chosen)):
            chosen.append(code)
    assert wanted <= set("".join(chosen))
    return chosen


@pytest.mark.parametrize(("layout", "keys", "caps"), [
    ("us", {}, False), ("us", {}, True),
    ("fr", FR_KEYS, False), ("fr", FR_CAPS_KEYS, True),
    ("de", DE_KEYS, False), ("de", DE_KEYS, True),
])
def test_every_printed_badge_reads_right_on_every_layout(layout, keys, caps):
    for code in codes():
        reading = read_badge(typed(code, keys, caps), secret_hex=SECRET, event_code=EVENT)
        assert reading.status is CodeStatus.OK, (layout, code, typed(code, keys, caps))
        assert reading.parsed.text == code


def test_a_garbled_reading_that_fails_its_signature_stays_forged():
    code = codes()[0]
    tampered = code[:-3] + ("X" if code[-3] != "X" else "V") + code[-2:]
    reading = read_badge(typed(tampered, FR_KEYS), secret_hex=SECRET, event_code=EVENT)
    assert reading.status is not CodeStatus.OK
    assert reading.code_shaped


def test_aim_identifiers_and_a_configured_wrapping_are_stripped():
    code = codes()[1]
    for raw in ("]Q1" + code, "]d2" + code.lower(), typed("]Q1" + code, FR_KEYS)):
        assert read_badge(raw, secret_hex=SECRET, event_code=EVENT).status is CodeStatus.OK
    assert strip_wrapping("STX" + code + "#", "STX", "#") == code
    reading = read_badge("<" + code + ">", secret_hex=SECRET, event_code=EVENT, prefix="<",
                         suffix=">")
    assert reading.status is CodeStatus.OK


@pytest.mark.parametrize("text", ["García", "https://example.org/badge?id=4", "Ana Lucía Pérez",
                                  "12345", "&é\"'"])
def test_text_not_shaped_like_a_badge_is_not_a_damaged_code(text):
    reading = read_badge(text, secret_hex=SECRET, event_code=EVENT)
    assert reading.status is CodeStatus.MALFORMED
    assert not reading.code_shaped


def test_another_events_badge_on_azerty_is_the_wrong_event():
    other = badge_code.make_code(secret_hex=SECRET, event_code="OTHER", participant_id=7, serial=0)
    reading = read_badge(typed(other, FR_KEYS), secret_hex=SECRET, event_code=EVENT)
    assert reading.status is CodeStatus.WRONG_EVENT
