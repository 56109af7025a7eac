"""Reading a badge as a scanner types it: through whatever keyboard layout the laptop has.

A handheld scanner sends the *keys* a US keyboard would press for each character, and the
laptop turns them into characters with its own layout. On US, Spanish, Latin American and
Canadian French layouts the code's digits and letters come out as printed; on others
they do not:

* French AZERTY: the number row types ``& é " ' ( - è _ ç à`` (with Caps Lock, ``É È Ç À``
  on some of them), the A and Q keys are swapped, and so are Z and W; M sits where the US
  layout has the semicolon, so the US M key types a comma (``?`` with Shift).
* German QWERTZ: Y and Z are swapped.

The badges already printed cannot change, so the desk undoes these substitutions and lets
the signature decide: :func:`read_badge` tries the text as typed, then as each layout would
have garbled it, and takes the reading whose signature verifies. A code of 25 Crockford
characters with a 55-bit MAC and 10 check bits leaves no room for one reading to verify by
chance where another was meant.

Scanners may also put their *AIM symbology identifier* (``]Q1`` for a QR code, ``]d2`` for
Data Matrix…) or a prefix/suffix programmed by the venue before or after the code: those
are stripped here too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from encounter_desk.event import badge_code
from encounter_desk.event.badge_code import CodeStatus, ParsedCode, ParseError, ParseProblem
from encounter_desk.event.event import find_event
from encounter_desk.storage.database import Database

_AZERTY = str.maketrans({
    "&": "1", "é": "2", "É": "2", '"': "3", "'": "4", "(": "5", "-": "6", "è": "7", "È": "7",
    "_": "8", "ç": "9", "Ç": "9", "à": "0", "À": "0",
    "a": "q", "q": "a", "A": "Q", "Q": "A", "z": "w", "w": "z", "Z": "W", "W": "Z",
    ",": "m", "?": "M", "$": "]", "£": "]",
})
_QWERTZ = str.maketrans({"y": "z", "z": "y", "Y": "Z", "Z": "Y", "+": "]", "*": "]"})
LAYOUTS: tuple[tuple[str, dict[int, str] | None], ...] = (
    ("as_typed", None), ("azerty", _AZERTY), ("qwertz", _QWERTZ))

_AIM = re.compile(r"^\][A-Za-z][0-9A-Za-z]")
"""An AIM symbology identifier: ``]``, a letter for the symbology, a modifier character."""


@dataclass(frozen=True)
class Reading:
    """The best reading of one scan: the parsed code (or why it is none), its status, and
    the keyboard layout that explains it ("as_typed" when none had to be undone)."""

    parsed: ParsedCode | ParseError
    status: CodeStatus
    layout: str = "as_typed"

    @property
    def code_shaped(self) -> bool:
        """Text a badge could have become (a damaged or foreign code), not a name or URL."""
        if isinstance(self.parsed, ParsedCode):
            return True
        return self.parsed.problem in (ParseProblem.BAD_CHECK, ParseProblem.BAD_VERSION)


def strip_wrapping(raw: str, prefix: str = "", suffix: str = "") -> str:
    """``raw`` without the scanner's configured prefix/suffix and its AIM identifier."""
    text = raw.strip()
    if prefix and text.startswith(prefix):
        text = text[len(prefix):]
    if suffix and text.endswith(suffix):
        text = text[: -len(suffix)]
    return _AIM.sub("", text.strip(), count=1)


def read_badge(raw: object, *, secret_hex: str, event_code: str, prefix: str = "",
               suffix: str = "") -> Reading:
    """Read a scanned code through every known layout; never raises.

    The first reading whose signature verifies wins. When none does, the text as typed is
    judged (forged, wrong event, malformed) unless a layout turns it into a well-formed code
    (a badge of another event, or a damaged one, typed on AZERTY), which is judged instead.
    """
    if not isinstance(raw, str) or len(raw) > badge_code.MAX_RAW_LENGTH:
        parsed = badge_code.parse_code(raw)
        return Reading(parsed, CodeStatus.MALFORMED)
    readings: list[Reading] = []
    seen: set[str] = set()
    for name, table in LAYOUTS:
        text = strip_wrapping(raw if table is None else raw.translate(table), prefix, suffix)
        if text in seen:
            continue
        seen.add(text)
        parsed = badge_code.parse_code(text)
        status = badge_code.verify(parsed, secret_hex=secret_hex, event_code=event_code)
        if status is CodeStatus.OK:
            return Reading(parsed, status, name)
        readings.append(Reading(parsed, status, name))
    as_typed = readings[0]
    if as_typed.code_shaped:
        return as_typed
    return next((r for r in readings if isinstance(r.parsed, ParsedCode)),
                next((r for r in readings if r.code_shaped), as_typed))


def badge_owner(db: Database, raw: str) -> int | None:
    """The participant whose genuine badge of this event ``raw`` is (whatever the layout it
    was typed through), or None. Says nothing about replaced or withdrawn badges: the desk,
    the door and the chair judge those; Setup only finds the person."""
    with db.read() as session:
        event = find_event(session)
    if event is None:
        return None
    reading = read_badge(raw, secret_hex=event.secret, event_code=event.code)
    if reading.status is not CodeStatus.OK:
        return None
    assert isinstance(reading.parsed, ParsedCode)
    return reading.parsed.participant_id
