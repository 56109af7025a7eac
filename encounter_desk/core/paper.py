"""Paper sizes for every PDF: US Letter (Mexico, Central America and the region) or A4.

An event chooses its paper in Setup (``Event.paper``); left empty, the paper follows the
event's country (:func:`default_paper`). Each command that writes a PDF also takes
``--paper letter|a4``. :func:`page_size` gives the page in points (Letter: 612 × 792).
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, LETTER

from encounter_desk.core import names as text
from encounter_desk.core.errors import Refusal
from encounter_desk.core.i18n import translate

PAPERS: dict[str, tuple[float, float]] = {"letter": LETTER, "a4": A4}
"""The paper sizes offered, by the name the command line and the event file use."""

LETTER_COUNTRIES = frozenset(
    text.fold(name) for name in (
        "Mexico", "México", "Guatemala", "Belize", "Belice", "El Salvador", "Honduras",
        "Nicaragua", "Costa Rica", "Panama", "Panamá", "Dominican Republic",
        "República Dominicana", "Cuba", "Puerto Rico", "Colombia", "Venezuela", "Chile",
        "United States", "Estados Unidos", "Canada", "Canadá", "Philippines", "Filipinas",
    )
)
"""Countries where offices print on Letter; elsewhere the default is A4."""


def default_paper(country: str) -> str:
    """"letter" for Mexico, Central America and the other Letter countries, else "a4"."""
    return "letter" if text.fold(country or "") in LETTER_COUNTRIES else "a4"


def check_paper(value: str) -> str:
    """``value`` as a paper name ("letter" or "a4"), or a Refusal (``paper.unknown``)."""
    name = (value or "").strip().lower()
    if name not in PAPERS:
        raise Refusal(
            translate("Paper", "Unknown paper {value!r}: use letter or a4.").format(value=value),
            "paper.unknown",
        )
    return name


def paper_of(chosen: str, country: str) -> str:
    """The event's paper: its choice in Setup, or else its country's default."""
    return check_paper(chosen) if chosen else default_paper(country)


def page_size(paper: str) -> tuple[float, float]:
    return PAPERS[check_paper(paper)]
