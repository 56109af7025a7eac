"""The rules a participant's values obey, written once.

The participant forms and the walk-in desk (through :mod:`encounter_desk.event.participants`)
and the roster importer (:mod:`encounter_desk.roster.plan`) call these same functions, so a
participant the app saved is one its own roster export imports back, and a value the
importer refuses is refused at save time too. Each caller words the refusal for its place
(a sentence in a form, "Row 7: …" in an import report).
"""

from __future__ import annotations

import re
from functools import cache

from encounter_desk.core import names as text
from encounter_desk.storage.models import Participant

# One "@", a dot in the domain, no spaces or list separators, and a last label that is not
# empty: "ana@mail.example." (a trailing dot) is refused.
_EMAIL = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>.]+$")

# Words for the working languages, folded (accents and case ignored); any other two-letter
# code is taken as it is.
_LANGUAGE_WORDS = {
    "es": ("es", "spa", "espanol", "castellano", "spanish"),
    "en": ("en", "eng", "ingles", "english"),
    "fr": ("fr", "fra", "fre", "frances", "french", "francais"),
    "pt": ("pt", "por", "portugues", "portuguese"),
}
_LANGUAGE_INDEX = {word: code for code, words in _LANGUAGE_WORDS.items() for word in words}
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def valid_email(value: str) -> bool:
    """Whether ``value`` (already cleaned) reads as one email address."""
    return bool(_EMAIL.match(value))


def language_code(value: str) -> str | None:
    """The code of a working language ("Español", "spanish", "ES" -> "es"), else None.

    A two-letter code of another language ("de", "it") is kept, lower-cased.
    """
    key = _NON_ALNUM.sub(" ", text.fold(value)).strip()
    found = _LANGUAGE_INDEX.get(key)
    if found is None and len(key) == 2 and key.isalpha():
        return key
    return found


def has_name(given_names: str, first_surname: str) -> bool:
    """A participant is named by a given name, a surname, or both."""
    return bool(text.clean(given_names) or text.clean(first_surname))


@cache
def max_length(attr: str) -> int | None:
    """The most characters the participant's column ``attr`` holds (None: no limit)."""
    return getattr(Participant.__table__.c[attr].type, "length", None)


def too_long(attr: str, value: object) -> int | None:
    """The limit ``value`` exceeds for the column ``attr``, or None when it fits."""
    limit = max_length(attr)
    if isinstance(value, str) and limit and len(value) > limit:
        return limit
    return None
