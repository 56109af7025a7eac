"""Paper, type and page furniture of the declaration's PDFs (the text and the amendments log).

Letter paper by default, as in Mexico and the region; A4 on request. Every page carries
the reference and "page X of Y" (pages are kept and stamped once the total is known) and,
while the declaration is a draft, a watermark. The packaged DejaVu Sans prints every
accent and ñ.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from encounter_desk.core.colours import ACCENT, INK, MUTED
from encounter_desk.core.colours import ALERT as DELETED
from encounter_desk.core.fonts import register_fonts
from encounter_desk.core.i18n import translate
from encounter_desk.core.page_canvas import CountedPagesCanvas
from encounter_desk.declaration.base import DeclarationError

PAPERS = {"letter": LETTER, "a4": A4}
MARGIN = 22 * mm

INSERTED = colors.HexColor("#1B5E20")
WATERMARK = colors.Color(0.75, 0.1, 0.1, alpha=0.12)


def paper_size(paper: str) -> tuple[float, float]:
    try:
        return PAPERS[paper.lower()]
    except (KeyError, AttributeError):
        raise DeclarationError(
            translate("Declaration", "The paper is letter or a4, not {paper!r}.").format(
                paper=paper), code="declaration.paper") from None


class Styles:
    def __init__(self) -> None:
        regular, bold = register_fonts()
        registerFontFamily(regular, normal=regular, bold=bold, italic=regular, boldItalic=bold)
        self.regular, self.bold = regular, bold
        base = ParagraphStyle("base", fontName=regular, fontSize=10.5, leading=14.5,
                              textColor=INK)
        self.body = ParagraphStyle("body", parent=base, alignment=TA_JUSTIFY, spaceAfter=7)
        self.preamble = ParagraphStyle("preamble", parent=self.body, firstLineIndent=12 * mm)
        self.operative = ParagraphStyle("operative", parent=self.body, leftIndent=10 * mm,
                                        bulletIndent=0, bulletFontName=regular,
                                        bulletFontSize=10.5)
        self.intro = ParagraphStyle("intro", parent=base, fontName=bold, spaceBefore=4,
                                    spaceAfter=8)
        self.event = ParagraphStyle("event", parent=base, fontName=bold, fontSize=10,
                                    leading=13, textColor=ACCENT, alignment=TA_CENTER)
        self.title = ParagraphStyle("title", parent=base, fontName=bold, fontSize=16,
                                    leading=21, alignment=TA_CENTER, spaceBefore=6,
                                    spaceAfter=4)
        self.status = ParagraphStyle("status", parent=base, fontName=bold, fontSize=10,
                                     leading=13, alignment=TA_CENTER, textColor=DELETED,
                                     spaceAfter=10)
        self.h1 = ParagraphStyle("h1", parent=base, fontName=bold, fontSize=12, leading=16,
                                 textColor=ACCENT, spaceBefore=12, spaceAfter=6)
        self.h2 = ParagraphStyle("h2", parent=base, fontName=bold, fontSize=10.5, leading=14,
                                 spaceBefore=6, spaceAfter=2)
        self.small = ParagraphStyle("small", parent=base, fontSize=8.5, leading=11,
                                    textColor=MUTED)
        self.note = ParagraphStyle("note", parent=self.small, leftIndent=10 * mm,
                                   spaceAfter=6)
        self.cell = ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11)
        self.cell_head = ParagraphStyle("cell_head", parent=self.cell, fontName=bold)
        self.sign = ParagraphStyle("sign", parent=base, fontSize=9.5, leading=12,
                                   alignment=TA_CENTER)
        self.sign_muted = ParagraphStyle("sign_muted", parent=self.sign, fontSize=8.5,
                                         textColor=MUTED)


def para(text: str, style: ParagraphStyle, bullet: str | None = None) -> Paragraph:
    """A paragraph of plain text (escaped; line breaks kept), with a hanging ``bullet``."""
    return Paragraph(escape(text).replace("\n", "<br/>"), style, bulletText=bullet)


def canvas_maker(reference: str, page_label: str, watermark: str, font: str,
                 size: tuple[float, float]):  # noqa: ANN201 - a Canvas subclass
    width, height = size

    class StampedCanvas(CountedPagesCanvas):
        """Stamps "page X of Y" (and the watermark) on each page when saved."""

        def stamp(self, number: int, total: int) -> None:
            if watermark:
                self.setFillColor(WATERMARK)
                self.setFont(font, 84)
                self.translate(width / 2, height / 2)
                self.rotate(52)
                self.drawCentredString(0, -28, watermark)
                self.rotate(-52)
                self.translate(-width / 2, -height / 2)
            self.foot(reference=reference, page=page_label.format(page=number, pages=total),
                      font=font, margin=MARGIN, rule_y=14 * mm, text_y=10 * mm)

    return StampedCanvas


def build_pdf(out: Path, story: Sequence[Flowable], *, paper: str, title: str, reference: str,
              page_label: str, watermark: str, lang: str) -> None:
    size = paper_size(paper)
    font = register_fonts()[0]
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    doc = BaseDocTemplate(
        str(out), pagesize=size, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=20 * mm,
        bottomMargin=22 * mm, title=title, author=reference, subject=reference, lang=lang)
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(list(story), canvasmaker=canvas_maker(reference, page_label, watermark, font,
                                                    size))


def text_width(paper: str) -> float:
    return paper_size(paper)[0] - 2 * MARGIN
