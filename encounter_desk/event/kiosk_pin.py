"""The kiosk PIN: in kiosk mode only the desk is reachable, and leaving it takes this PIN.

The PIN belongs to the event (every desk of the event shares it) and is set in Setup. Only
a salted PBKDF2 hash is stored, so reading the event file does not reveal it; the audit
trail never copies the column.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
import time

from encounter_desk.core.clock import Monotonic
from encounter_desk.core.errors import Refusal
from encounter_desk.core.i18n import translate
from encounter_desk.event.event import require_event
from encounter_desk.storage.database import Database

ITERATIONS = 200_000
MIN_DIGITS, MAX_DIGITS = 4, 12


def _hash(pin: str, salt: bytes, iterations: int = ITERATIONS) -> str:
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


def validate_pin(pin: str) -> str:
    pin = (pin or "").strip()
    if not (pin.isdigit() and pin.isascii() and MIN_DIGITS <= len(pin) <= MAX_DIGITS):
        raise Refusal(
            translate("Kiosk", "The PIN is {low} to {high} digits.").format(
                low=MIN_DIGITS, high=MAX_DIGITS
            ),
            "kiosk.pin",
        )
    return pin


def set_pin(db: Database, pin: str) -> None:
    """Set (or change) the event's kiosk PIN."""
    pin = validate_pin(pin)
    with db.write() as session:
        require_event(session).kiosk_pin_hash = _hash(pin, secrets.token_bytes(16))


def clear_pin(db: Database) -> None:
    with db.write() as session:
        require_event(session).kiosk_pin_hash = ""


def has_pin(db: Database) -> bool:
    with db.read() as session:
        return bool(require_event(session).kiosk_pin_hash)


def check_pin(db: Database, pin: str) -> bool:
    """Whether ``pin`` is the event's kiosk PIN (False when none is set)."""
    with db.read() as session:
        stored = require_event(session).kiosk_pin_hash
    try:
        scheme, iterations, salt, _digest = stored.split("$")
        if scheme != "pbkdf2_sha256":
            return False
        expected = _hash((pin or "").strip(), bytes.fromhex(salt), int(iterations))
    except ValueError:  # not a hash this version wrote
        return False
    return hmac.compare_digest(expected, stored)


FREE_TRIES = 3
FIRST_LOCK = 30.0  # seconds; doubles with every further wrong PIN
LONGEST_LOCK = 15 * 60.0


class PinGuard:
    """Wrong PINs lock the kiosk for growing intervals: after :data:`FREE_TRIES` wrong ones,
    30 s, then 60 s, 120 s… up to 15 minutes; a right PIN resets it. One guard per desk
    (it lives as long as the kiosk), on a monotonic clock so a changed wall clock cannot
    shorten a lock."""

    def __init__(self, db: Database, clock: Monotonic = time.monotonic) -> None:
        self.db = db
        self.clock = clock
        self.wrong = 0
        self.locked_until = 0.0

    def seconds_left(self) -> int:
        left = self.locked_until - self.clock()
        return math.ceil(left) if left > 0 else 0

    def attempt(self, pin: str) -> bool:
        """Whether ``pin`` is right; refused (``kiosk.locked``) while a lock lasts."""
        left = self.seconds_left()
        if left:
            raise Refusal(
                translate(
                    "Kiosk", "Too many wrong PINs. Try again in {seconds} seconds."
                ).format(seconds=left),
                "kiosk.locked",
            )
        if check_pin(self.db, pin):
            self.wrong, self.locked_until = 0, 0.0
            return True
        self.wrong += 1
        if self.wrong >= FREE_TRIES:
            lock = min(FIRST_LOCK * 2 ** (self.wrong - FREE_TRIES), LONGEST_LOCK)
            self.locked_until = self.clock() + lock
        return False
