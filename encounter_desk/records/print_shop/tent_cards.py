"""Name plates (tent cards) as PDF: one folded card per delegation, or per named seat.

Each sheet (landscape Letter or A4) is folded along its middle into a tent: the lower half
reads upright, the upper half is printed upside down so that it reads from the other side
of the table. A delegation's card shows its flag and its name large, in Spanish on one
face and in English on the other; a named seat shows the person's title and name large
with the delegation beneath, again one face in each language.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select

from encounter_desk.core.colours import ACCENT, INK
from encounter_desk.core.files import atomic_output
from encounter_desk.core.fonts import register_fonts
from encounter_desk.core.i18n import in_language
from encounter_desk.desk.badge_pdf import draw_flag, fit_text, flag_image
from encounter_desk.event.countries import in_canonical_order
from encounter_desk.records.attendance import NOT_EXPECTED
from encounter_desk.records.print_shop.paper import event_paper, page_size
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import Participant

FOLD = colors.HexColor("#999999")


@dataclass(frozen=True)
class Face:
    big: str
    small: str


@dataclass(frozen=True)
class TentCard:
    flag: str | None
    spanish: Face
    english: Face


def cards_in(session, *, seats: bool = False) -> list[TentCard]:  # noqa: ANN001
    """A card per delegation in canonical order (``seats``: a card per person expected in
    the room, heads of delegation first)."""
    out = []
    for d in in_canonical_order(session):
        flag = d.iso2 if d.is_member and d.iso2 else None
        if not seats:
            out.append(TentCard(flag, Face(d.name_es, ""), Face(d.name_en, "")))
            continue
        people = session.scalars(
            select(Participant).where(Participant.delegation_id == d.id,
                                      Participant.category.not_in(NOT_EXPECTED))
            .order_by(Participant.is_head_of_delegation.desc(), Participant.sort_key))
        for p in people:
            name = " ".join(x for x in (p.title, p.display_name) if x)
            out.append(TentCard(flag, Face(name, d.name_es), Face(name, d.name_en)))
    return out


def _face(c: Canvas, card: TentCard, face: Face, width: float, height: float) -> None:
    """One face, drawn upright in the box (0, 0)–(width, height), its top at the fold."""
    regular, bold = register_fonts()
    margin = 14 * mm
    flag_h = height * 0.34 if card.flag and flag_image(card.flag) else 0
    text_w = width - 2 * margin
    y_top = height - 12 * mm
    if flag_h:
        flag_w = flag_h * 4 / 3
        draw_flag(c, card.flag, (width - flag_w) / 2, y_top - flag_h, flag_w, flag_h)
        y_top -= flag_h + 6 * mm
    small_h = 12 * mm if face.small else 0
    box_h = y_top - 12 * mm - small_h
    size, lines = fit_text(face.big, bold, width=text_w, height=box_h,
                           max_size=110 if not face.small else 64, min_size=30, max_lines=2,
                           leading=1.05)
    block = size * 1.05 * len(lines)
    y = y_top - (box_h - block) / 2
    c.setFillColor(INK)
    c.setFont(bold, size)
    for line in lines:
        y -= size * 1.05
        c.drawCentredString(width / 2, y + size * 0.2, line)
    if face.small:
        c.setFillColor(ACCENT)
        small, small_lines = fit_text(face.small, regular, width=text_w, height=small_h,
                                      max_size=22, min_size=10, max_lines=1)
        c.setFont(regular, small)
        c.drawCentredString(width / 2, 14 * mm, small_lines[0] if small_lines else "")


def write_tent_cards(db: Database, out: Path, *, paper: str | None = None,
                     seats: bool = False) -> int:
    """Write the name plates; returns how many cards."""
    paper = event_paper(db, paper)
    short, long = page_size(paper)
    width, height = long, short  # landscape
    with db.read() as session:
        cards = cards_in(session, seats=seats)
    with atomic_output(Path(out)) as tmp:
        _draw_cards(tmp, cards, width, height)
    return len(cards)


def _draw_cards(path: Path, cards: list[TentCard], width: float, height: float) -> None:
    c = Canvas(str(path), pagesize=(width, height))
    c.setTitle(in_language("es").translate("Print", "Name plates"))
    half = height / 2
    for card in cards:
        # lower half upright: Spanish; upper half turned over: English
        c.saveState()
        _face(c, card, card.spanish, width, half)
        c.restoreState()
        c.saveState()
        c.translate(width, height)
        c.rotate(180)
        _face(c, card, card.english, width, half)
        c.restoreState()
        c.setStrokeColor(FOLD)
        c.setLineWidth(0.4)
        c.setDash(4, 4)
        c.line(0, half, width, half)
        c.setDash()
        c.showPage()
    c.save()
