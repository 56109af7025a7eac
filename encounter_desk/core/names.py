"""Folding and collation of names: accents and case ignored, Spanish order (ñ after n).

Pure functions, no database and no Qt: the importer, the search, the Qt sort proxies and
the tables all call these so that "Núñez", "NUNEZ" and "nunez" meet in one place.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_N_TILDE = "\u0303"  # combining tilde
# After folding, "ñ" becomes "n" followed by this marker, which sorts after every letter
# and digit but before nothing that follows: "nz" < "ña" < "o".
_ENYE_MARK = "\x7f"


def clean(text: str | None) -> str:
    """Trim and collapse inner whitespace; normalise to NFC."""
    if not text:
        return ""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", str(text))).strip()


def fold(text: str | None) -> str:
    """Lowercase without accents: for search and matching ("Peña" -> "pena")."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped).strip()


def collation_key(text: str | None) -> str:
    """Sort key for Spanish order: accents and case ignored, ñ sorts after n.

    Punctuation and spaces are kept as low-order separators so that "de la Cruz" and
    "Delacruz" stay apart but sort next to each other.
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    out: list[str] = []
    for ch in decomposed:
        if ch == _N_TILDE and out and out[-1] == "n":
            out.append(_ENYE_MARK)
        elif unicodedata.combining(ch):
            continue
        elif ch.isalnum():
            out.append(ch)
        elif ch.isspace() or ch in "-'’.,":
            if out and out[-1] != " ":
                out.append(" ")
    return "".join(out).strip()


def full_name(given_names: str, first_surname: str, second_surname: str = "") -> str:
    return clean(" ".join(p for p in (given_names, first_surname, second_surname) if p))


def sort_name(given_names: str, first_surname: str, second_surname: str = "") -> str:
    surnames = clean(" ".join(p for p in (first_surname, second_surname) if p))
    if not surnames:
        return clean(given_names)
    return f"{surnames}, {clean(given_names)}" if given_names else surnames
