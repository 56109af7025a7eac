"""The fonts every PDF uses: the packaged DejaVu Sans, registered with reportlab once.

Badges, minutes and reports embed the same two faces, so accents and ñ print everywhere
and no PDF refers to a font it does not carry.
"""

from __future__ import annotations

import functools
from importlib import resources

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "EncounterSans"
BOLD = "EncounterSans-Bold"


@functools.cache
def register_fonts() -> tuple[str, str]:
    """Register the packaged DejaVu Sans with reportlab (once); returns (regular, bold)."""
    base = resources.files("encounter_desk.resources").joinpath("fonts")
    for name, filename in ((REGULAR, "DejaVuSans.ttf"), (BOLD, "DejaVuSans-Bold.ttf")):
        with resources.as_file(base.joinpath(filename)) as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    return REGULAR, BOLD
