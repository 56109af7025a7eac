"""The printed look the minutes and the event report share (reportlab platypus).

Colours and paragraph and table styles (:class:`Styles`), page furniture, long tables cut
into chunks, and the tables both documents print (the initiatives road map).

Every page carries "page X of Y" and the reference (``RCM-EP-2017/S1``): the pages are
drawn once, kept, and stamped when the total is known (a two-pass canvas, see
:func:`build_pdf`). Unless final, each page carries a DRAFT watermark. Names and texts go
into Paragraphs (they wrap); the packaged DejaVu Sans prints every accent.

Speed: one shared TableStyle per kind of table, Paragraphs only where text may wrap, and
long tables cut into chunks so reportlab never re-wraps hundreds of rows at each page
break (500 attendees and 300 interventions lay out in well under a second). The DRAFT
watermark is a picture drawn once per PDF, so it never mixes into the extracted text.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from encounter_desk.core.colours import ACCENT, INK, MUTED, RULE, SHADE
from encounter_desk.core.files import atomic_output
from encounter_desk.core.fonts import register_fonts
from encounter_desk.core.page_canvas import CountedPagesCanvas
from encounter_desk.core.paper import page_size
from encounter_desk.core.progress import Progress, layout_steps, or_quiet

PAGE_W, PAGE_H = A4
MARGIN = 18 * mm
WIDTH = PAGE_W - 2 * MARGIN
"""The text width of the narrower paper (A4): tables laid out to it fit Letter as well."""
CHUNK = 40
"""Rows per table chunk (see the module docstring)."""




# --- styles ----------------------------------------------------------------------------


class Styles:
    """The paragraph and table styles of the minutes and the event report."""

    def __init__(self) -> None:
        regular, bold = register_fonts()
        registerFontFamily(regular, normal=regular, bold=bold, italic=regular, boldItalic=bold)
        self.regular, self.bold = regular, bold
        base = ParagraphStyle("base", fontName=regular, fontSize=9, leading=11.5, textColor=INK)
        self.body = base
        self.small = ParagraphStyle("small", parent=base, fontSize=8, leading=10)
        self.cell = ParagraphStyle("cell", parent=base, fontSize=8.2, leading=10.2)
        self.cell_muted = ParagraphStyle("muted", parent=self.cell, textColor=MUTED)
        self.cell_head = ParagraphStyle("head", parent=self.cell, fontName=bold, fontSize=8,
                                        leading=9.6)
        self.event = ParagraphStyle("event", parent=base, fontName=bold, fontSize=11,
                                    leading=14, textColor=ACCENT, alignment=TA_CENTER)
        self.title = ParagraphStyle("title", parent=base, fontName=bold, fontSize=15,
                                    leading=19, alignment=TA_CENTER, spaceBefore=4)
        self.status = ParagraphStyle("status", parent=base, fontName=bold, fontSize=10,
                                     leading=13, alignment=TA_CENTER, spaceAfter=6)
        self.h1 = ParagraphStyle("h1", parent=base, fontName=bold, fontSize=12, leading=15,
                                 textColor=ACCENT, spaceBefore=10, spaceAfter=4)
        self.h2 = ParagraphStyle("h2", parent=base, fontName=bold, fontSize=10, leading=13,
                                 spaceBefore=6, spaceAfter=2)
        self.h3 = ParagraphStyle("h3", parent=base, fontName=bold, fontSize=9, leading=12,
                                 spaceBefore=4, spaceAfter=1, textColor=ACCENT)
        grid = [
            ("FONT", (0, 0), (-1, -1), regular, 8.2),
            ("LEADING", (0, 0), (-1, -1), 10.2),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 1.6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ]
        head = [
            ("FONT", (0, 0), (-1, 0), bold, 8),
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, ACCENT),
        ]
        self.table = TableStyle(grid)
        self.table_head = TableStyle(grid + head)
        self.totals_row = TableStyle(grid + head + [
            ("FONT", (0, -1), (-1, -1), bold, 8.2),
            ("LINEABOVE", (0, -1), (-1, -1), 0.6, ACCENT),
        ])
        self.keyvalue = TableStyle([
            ("FONT", (0, 0), (-1, -1), regular, 9),
            ("FONT", (0, 0), (0, -1), bold, 9),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ])


def para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


# --- page furniture --------------------------------------------------------------------


@functools.cache
def watermark_image(text: str) -> tuple[ImageReader, float, float]:
    """``text`` in 96 pt bold, pale red, turned 52°, as a transparent picture (and its size in
    points) that every page of a PDF shares."""
    scale = 3  # pixels per point: sharp when printed
    with resources.as_file(
        resources.files("encounter_desk.resources").joinpath("fonts", "DejaVuSans-Bold.ttf")
    ) as path:
        font = ImageFont.truetype(str(path), 96 * scale)
    left, top, right, bottom = font.getbbox(text)
    flat = Image.new("RGBA", (right - left + 8, bottom - top + 8), (0, 0, 0, 0))
    ImageDraw.Draw(flat).text((4 - left, 4 - top), text, font=font,
                              fill=(191, 26, 26, round(255 * 0.13)))
    turned = flat.rotate(52, expand=True, resample=Image.Resampling.BICUBIC)
    return ImageReader(turned), turned.width / scale, turned.height / scale


def numbered_canvas(reference: str, page_label: str, watermark: str, font: str):  # noqa: ANN202
    """A canvas that keeps its pages and stamps "page X of Y" (and a watermark) at save."""

    class _NumberedCanvas(CountedPagesCanvas):
        def __init__(self, *args, **kwargs) -> None:
            # reportlab starts every page in Helvetica: name our embedded font instead, so
            # the PDF refers to no font it does not carry.
            kwargs["initialFontName"] = font
            super().__init__(*args, **kwargs)

        def stamp(self, number: int, total: int) -> None:
            if watermark:
                # A picture, not text: the watermark stays out of the extracted text and out
                # of what a screen reader or a search finds.
                image, w, h = watermark_image(watermark)
                page_w, page_h = self._pagesize
                self.drawImage(image, (page_w - w) / 2, (page_h - h) / 2, w, h, mask="auto")
            self.foot(reference=reference, page=page_label.format(page=number, pages=total),
                      font=font, margin=MARGIN, rule_y=13 * mm, text_y=9 * mm)

    return _NumberedCanvas


class _Heading(Paragraph):
    """A heading that is also an entry of the PDF's outline (bookmarks) at ``level``."""

    def __init__(self, text: str, style: ParagraphStyle, level: int) -> None:
        super().__init__(escape(text), style)
        self.outline_text = text
        self.outline_level = level


def heading(text: str, style: ParagraphStyle, level: int = 0) -> Paragraph:
    """A heading that shows in the outline (bookmarks) of the PDF."""
    return _Heading(text, style, level)


class _OutlinedDoc(BaseDocTemplate):
    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - reportlab's name
        if isinstance(flowable, _Heading):
            key = f"h{id(flowable)}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.outline_text, key, level=flowable.outline_level,
                                      closed=flowable.outline_level > 0)


def build_pdf(out: Path, story: list[Flowable], *, title: str, reference: str,
           page_label: str, watermark: str, lang: str, paper: str = "a4",
           author: str = "", subject: str = "", progress: Progress | None = None) -> None:
    """Lay ``story`` out on ``paper`` ("letter" or "a4"), numbered and stamped, with its
    title, author, subject, language and creator set and an outline of its headings.
    ``progress`` hears of the layout; cancelling it leaves no file."""
    styles_font = register_fonts()[0]
    with atomic_output(out) as tmp:
        _build(tmp, story, title=title, reference=reference, page_label=page_label,
               watermark=watermark, font=styles_font, lang=lang, paper=paper,
               author=author, subject=subject, progress=or_quiet(progress))


def _build(out: Path, story: list[Flowable], *, title: str, reference: str,
           page_label: str, watermark: str, font: str, lang: str, paper: str,
           author: str, subject: str, progress: Progress) -> None:
    doc = _OutlinedDoc(
        str(out), pagesize=page_size(paper), leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=16 * mm, bottomMargin=18 * mm, title=title, author=author or reference,
        subject=subject or reference, lang=lang, creator="Encounter Desk",
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.setProgressCallBack(layout_steps(progress, title))
    doc.build(story, canvasmaker=numbered_canvas(reference, page_label, watermark, font))


def heads(texts: Iterable, s: Styles) -> list:
    """Column headings that wrap inside their column instead of running into the next
    (Spanish headings are often longer than the English ones)."""
    return [Paragraph(escape(t), s.cell_head) if isinstance(t, str) else t for t in texts]


def chunked(rows: Sequence[list], head: list | None, widths: Sequence[float],
             s: Styles) -> list[Flowable]:
    """``rows`` as tables of at most CHUNK rows with the same columns (head on the first)."""
    out: list[Flowable] = []
    head = heads(head, s) if head else head
    if not rows and head:
        return [Table([head], colWidths=widths, style=s.table_head, repeatRows=1)]
    for start in range(0, len(rows), CHUNK):
        part = list(rows[start:start + CHUNK])
        if start == 0 and head:
            out.append(Table([head, *part], colWidths=widths, style=s.table_head, repeatRows=1))
        else:
            out.append(Table(part, colWidths=widths, style=s.table))
    return out


def keep_headings_with_content(story: list[Flowable], s: Styles) -> list[Flowable]:
    """A page break before a section heading that would sit alone at the foot of a page."""
    out: list[Flowable] = []
    for flowable in story:
        if isinstance(flowable, Paragraph) and flowable.style is s.h1:
            out.append(CondPageBreak(45 * mm))
        out.append(flowable)
    return out


def shares_table(shares, head: list[str], total: str, total_time: str, lang: str,  # noqa: ANN001
                 s: Styles) -> Table:
    """Speaking time by delegation or by gender: interventions, time, share, and a total."""
    shares = list(shares)
    rows = [heads(head, s)] + [[para(x.label, s.cell), str(x.speeches), x.duration,
                                  x.share_text] for x in shares]
    rows.append([total, str(sum(x.speeches for x in shares)), total_time,
                 "100 %" if lang == "es" else "100%"])
    return Table(rows, colWidths=[80 * mm, 28 * mm, 24 * mm, 24 * mm],
                 style=s.totals_row, hAlign="LEFT", repeatRows=1)


def initiatives_table(lines, s: Styles, tr) -> Table:  # noqa: ANN001
    head = [tr.translate("Minutes", "Delegation"), tr.translate("Minutes", "Initiative"),
            tr.translate("Minutes", "Kind"), tr.translate("Minutes", "Sponsors"),
            tr.translate("Minutes", "Target date"), tr.translate("Minutes", "Status")]
    rows = [heads(head, s)]
    for i in lines:
        body = f"<b>{escape(i.title)}</b>"
        if i.description:
            body += f"<br/>{escape(i.description)}"
        rows.append([para(i.delegation, s.cell), Paragraph(body, s.cell), para(i.kind_text, s.cell),
                     para(i.sponsors, s.cell), para(i.target_date, s.cell),
                     para(i.status_text, s.cell)])
    widths = [25 * mm, WIDTH - 25 * mm - 21 * mm - 34 * mm - 22 * mm - 24 * mm, 21 * mm,
              34 * mm, 22 * mm, 24 * mm]
    return Table(rows, colWidths=widths, style=s.table_head, repeatRows=1)
