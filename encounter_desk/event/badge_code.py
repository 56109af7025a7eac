"""The text of a badge's QR code: what it says, how it is signed, how a desk reads it back.

A code is 25 characters of Crockford base32 (digits and the capital letters except I, L, O,
U), in six fixed-width fields and no separators::

    1 QZ7H 0004D 01 K3M9X2PQ7C4 V8
    | |    |     |  |           `-- check: 10 bits of SHA-256 of everything before (public)
    | |    |     |  `-------------- MAC: 55 bits of HMAC-SHA256(event secret, the fields before)
    | |    |     `----------------- badge serial (2 chars, up to 1023 reissues)
    | |    `----------------------- participant id (5 chars, up to 33.5 million)
    | `---------------------------- event tag: 20 bits of SHA-256 of the event's reference code
    `------------------------------ format version

(The spaces above are for reading; the QR holds the 25 characters alone.)

The public check characters let a desk tell a *damaged* code (or any other 25 letters and
digits) from a genuine code of *another* event, whose MAC it cannot verify: without them,
a smudged badge that still parsed would be reported as "wrong event".

Why this alphabet
    A handheld scanner types the code through the laptop's keyboard layout. Digits and the
    letters A-Z sit on the same keys in the US, Spanish and Latin American layouts; every
    punctuation mark does not. Caps Lock swaps the case of the letters, so the code is read
    case-insensitively. All 32 characters are in the QR *alphanumeric* mode (0-9, A-Z),
    which packs 5.5 bits per character: 25 characters fit a version-2 QR (25x25 modules, up to
    38 characters) at error correction M, which scans from a printed badge at arm's length. Crockford's
    reading rules also apply (``O`` reads as 0, ``I`` and ``L`` as 1; spaces, tabs, line
    ends and hyphens are ignored), so a code typed by hand from the badge works too.

Why HMAC-SHA256 and not Ed25519
    The only machines that verify badges are the desk laptops, and they already hold the
    event file, secret included; there is no untrusted verifier that should be able to
    check a code without being able to make one, which is the one thing a public-key
    signature would buy. An Ed25519 signature is 512 bits (about 103 base32 characters:
    a version-5 QR with modules a third the size); a truncated HMAC is as strong as its
    length against anyone without the key, and needs nothing beyond the standard library.

Why 55 bits of MAC
    The secret never leaves the event file, so a forger cannot test guesses offline: each
    guess has to be scanned at a desk, where it is recorded and refused. At a scan a second
    for a whole week a forger would try about 2^19 codes; a 55-bit tag leaves a chance of
    2^-36 of one getting through. Together with the check characters it also turns any
    damage the QR's own error correction misses (or a mistyped character) into a refusal.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from enum import StrEnum

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
"""Crockford base32: the only characters a code is printed with."""

VERSION = "1"
TAG_LEN = 4
ID_LEN = 5
SERIAL_LEN = 2
MAC_LEN = 11
CHECK_LEN = 2
CODE_LEN = len(VERSION) + TAG_LEN + ID_LEN + SERIAL_LEN + MAC_LEN + CHECK_LEN  # 25
MAX_PARTICIPANT_ID = 32 ** ID_LEN - 1
MAX_SERIAL = 32 ** SERIAL_LEN - 1
MAX_RAW_LENGTH = 200
"""Anything longer is refused before it is looked at (a scanner never sends that much)."""

_MAC_DOMAIN = b"encounter-desk/badge/v1:"
_TAG_DOMAIN = b"encounter-desk/event/"
_CHECK_DOMAIN = b"encounter-desk/check:"

_DECODE: dict[str, int] = {}
for _value, _char in enumerate(ALPHABET):
    _DECODE[_char] = _value
    _DECODE[_char.lower()] = _value
for _char, _value in (("O", 0), ("I", 1), ("L", 1)):
    _DECODE[_char] = _value
    _DECODE[_char.lower()] = _value
_IGNORED = frozenset(" \t\r\n\v\f-\x00")


class ParseProblem(StrEnum):
    EMPTY = "empty"
    TOO_LONG = "too_long"
    NOT_TEXT = "not_text"
    BAD_CHARACTER = "bad_character"
    BAD_LENGTH = "bad_length"
    BAD_VERSION = "bad_version"
    BAD_CHECK = "bad_check"  # the right shape, but damaged or mistyped


@dataclass(frozen=True)
class ParseError:
    """``raw`` is not a badge code of any event (the desk's verdict: forged or damaged)."""

    problem: ParseProblem

    def __bool__(self) -> bool:  # lets callers write ``if parsed:``
        return False


@dataclass(frozen=True)
class ParsedCode:
    """The fields of a well-formed code; says nothing yet about whether it is genuine."""

    event_tag: str
    participant_id: int
    serial: int
    mac: str

    @property
    def body(self) -> str:
        return (
            VERSION
            + self.event_tag
            + _encode(self.participant_id, ID_LEN)
            + _encode(self.serial, SERIAL_LEN)
        )

    @property
    def text(self) -> str:
        """The canonical 25-character code (what the QR holds)."""
        return with_check(self.body + self.mac)


class CodeStatus(StrEnum):
    OK = "ok"
    WRONG_EVENT = "wrong_event"
    FORGED = "forged"  # well-formed, this event's tag, but the MAC does not match
    MALFORMED = "malformed"  # not a code at all; a desk shows it as forged or damaged


def _encode(value: int, width: int) -> str:
    chars = []
    for _ in range(width):
        value, digit = divmod(value, 32)
        chars.append(ALPHABET[digit])
    if value:
        raise ValueError("value does not fit")
    return "".join(reversed(chars))


def _decode(chars: str) -> int:
    value = 0
    for char in chars:
        value = value * 32 + _DECODE[char]
    return value


def event_tag(event_code: str) -> str:
    """Four characters naming the event (from its reference code, case and spaces ignored)."""
    digest = hashlib.sha256(_TAG_DOMAIN + event_code.strip().casefold().encode("utf-8")).digest()
    return _encode(int.from_bytes(digest[:3], "big") >> 4, TAG_LEN)


def _mac(secret_hex: str, body: str) -> str:
    key = bytes.fromhex(secret_hex)
    digest = hmac.new(key, _MAC_DOMAIN + body.encode("ascii"), hashlib.sha256).digest()
    return _encode(int.from_bytes(digest[:7], "big") >> 1, MAC_LEN)


def with_check(text: str) -> str:
    """``text`` followed by its public check characters."""
    digest = hashlib.sha256(_CHECK_DOMAIN + text.encode("ascii")).digest()
    return text + _encode(int.from_bytes(digest[:2], "big") >> 6, CHECK_LEN)


def make_code(*, secret_hex: str, event_code: str, participant_id: int, serial: int) -> str:
    """The signed code for one participant's badge with serial ``serial``."""
    if not 0 < participant_id <= MAX_PARTICIPANT_ID:
        raise ValueError(f"participant id out of range for a badge code: {participant_id}")
    if not 0 <= serial <= MAX_SERIAL:
        raise ValueError(f"badge serial out of range: {serial}")
    body = VERSION + event_tag(event_code) + _encode(participant_id, ID_LEN) + _encode(
        serial, SERIAL_LEN
    )
    return with_check(body + _mac(secret_hex, body))


def normalise(raw: str) -> str:
    """``raw`` without the characters a reader ignores (whitespace, controls, hyphens)."""
    return "".join(c for c in raw if c not in _IGNORED and not (c.isspace() or ord(c) < 32))


def parse_code(raw: object) -> ParsedCode | ParseError:
    """Read a scanned or typed code. Never raises, whatever ``raw`` holds."""
    if not isinstance(raw, str):
        return ParseError(ParseProblem.NOT_TEXT)
    if len(raw) > MAX_RAW_LENGTH:
        return ParseError(ParseProblem.TOO_LONG)
    text = normalise(raw)
    if not text:
        return ParseError(ParseProblem.EMPTY)
    if any(c not in _DECODE for c in text):
        return ParseError(ParseProblem.BAD_CHARACTER)
    if len(text) != CODE_LEN:
        return ParseError(ParseProblem.BAD_LENGTH)
    canonical = "".join(ALPHABET[_DECODE[c]] for c in text)
    if canonical[0] != VERSION:
        return ParseError(ParseProblem.BAD_VERSION)
    if with_check(canonical[:-CHECK_LEN]) != canonical:
        return ParseError(ParseProblem.BAD_CHECK)
    pos = len(VERSION)
    tag = canonical[pos : pos + TAG_LEN]
    pos += TAG_LEN
    participant_id = _decode(canonical[pos : pos + ID_LEN])
    pos += ID_LEN
    serial = _decode(canonical[pos : pos + SERIAL_LEN])
    pos += SERIAL_LEN
    return ParsedCode(
        event_tag=tag,
        participant_id=participant_id,
        serial=serial,
        mac=canonical[pos : pos + MAC_LEN],
    )


def verify(parsed: ParsedCode | ParseError, *, secret_hex: str, event_code: str) -> CodeStatus:
    """Whether a parsed code is a genuine badge of this event (serial not yet looked at)."""
    if isinstance(parsed, ParseError):
        return CodeStatus.MALFORMED
    if parsed.event_tag != event_tag(event_code):
        return CodeStatus.WRONG_EVENT
    if parsed.participant_id == 0:
        return CodeStatus.FORGED
    if not hmac.compare_digest(parsed.mac, _mac(secret_hex, parsed.body)):
        return CodeStatus.FORGED
    return CodeStatus.OK


def grouped(code: str, size: int = 5) -> str:
    """The code in groups for a human to read off a badge ("1QZ7H 0004D …"); parses the same."""
    return " ".join(code[i : i + size] for i in range(0, len(code), size))
