"""The declaration as a Word file (.docx) for the secretariat to circulate.

The same :class:`~encounter_desk.declaration.document.DeclarationDocument` as the PDF:
title, chapeau, preamble, the operative paragraphs numbered "1.", "2.", … by hand (so the
numbers survive any editor and :mod:`.docx_import` reads them back), place and date, the
adoption with each delegation's vote, the statements, and a signature page.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Mm, Pt, RGBColor

from encounter_desk.declaration.document import DeclarationDocument, build_document
from encounter_desk.declaration.pdf_pages import paper_size
from encounter_desk.declaration.state import load_state
from encounter_desk.storage.database import Database

ACCENT = RGBColor(0x1F, 0x3A, 0x5F)
MUTED = RGBColor(0x5A, 0x5A, 0x5A)
RED = RGBColor(0xB0, 0x00, 0x20)


def _paragraph(document, value: str, *, bold: bool = False, size: float | None = None,  # noqa: ANN001
               align=None, color: RGBColor | None = None, style: str | None = None):  # noqa: ANN001, ANN202
    p = document.add_paragraph(style=style)
    lines = value.split("\n")
    for index, line in enumerate(lines):
        run = p.add_run(line)
        run.bold = bold or None
        if size:
            run.font.size = Pt(size)
        if color is not None:
            run.font.color.rgb = color
        if index < len(lines) - 1:
            run.add_break(WD_BREAK.LINE)
    if align is not None:
        p.alignment = align
    return p


def build_docx(doc: DeclarationDocument, paper: str = "letter"):  # noqa: ANN201 - a Document
    width, height = paper_size(paper)
    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(width / 72 * 25.4), Mm(height / 72 * 25.4)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(25))
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    document.core_properties.title = doc.title
    document.core_properties.language = doc.lang
    document.core_properties.subject = doc.reference

    centred = WD_ALIGN_PARAGRAPH.CENTER
    justified = WD_ALIGN_PARAGRAPH.JUSTIFY
    # The event and the draft's status go in the page header: the body is the text alone,
    # which the importer reads back.
    header = section.header
    top = header.paragraphs[0]
    top.alignment = centred
    run = top.add_run(doc.event_name or doc.reference)
    run.bold, run.font.size, run.font.color.rgb = True, Pt(9), ACCENT
    if doc.draft_label:
        status = header.add_paragraph()
        status.alignment = centred
        run = status.add_run(doc.labels["draft_heading"])
        run.bold, run.font.size, run.font.color.rgb = True, Pt(9), RED
    title = _paragraph(document, doc.title, bold=True, size=16, align=centred, style="Title")
    title.style.font.color.rgb = RGBColor(0, 0, 0)
    if doc.chapeau:
        _paragraph(document, doc.chapeau, align=justified)
    for item in doc.preamble:
        p = _paragraph(document, item.text, align=justified)
        p.paragraph_format.first_line_indent = Mm(12)
        if item.note:
            _paragraph(document, f"[{item.note}]", size=9, color=MUTED)
    if doc.operative_intro:
        _paragraph(document, doc.operative_intro, bold=True)
    for item in doc.operative:
        p = _paragraph(document, f"{item.number}.\t{item.text}", align=justified)
        p.paragraph_format.left_indent = Mm(10)
        p.paragraph_format.first_line_indent = Mm(-10)
        p.paragraph_format.tab_stops.add_tab_stop(Mm(10))
        if item.note:
            _paragraph(document, f"[{item.note}]", size=9, color=MUTED)
    if doc.place_date:
        _paragraph(document, doc.place_date)
    if doc.adoption_text:
        _paragraph(document, doc.adoption_text, size=9, color=MUTED)
    if doc.votes:
        _paragraph(document, doc.votes_heading, bold=True, size=10)
        table = document.add_table(rows=0, cols=2)
        for who, vote in doc.votes:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = who, vote
    _paragraph(document, doc.authentic_note, size=9, color=MUTED)
    if doc.statements:
        document.add_heading(doc.statements_heading, level=1)
        for statement in doc.statements:
            _paragraph(document, statement.heading, bold=True)
            _paragraph(document, statement.text, align=justified)
    document.add_page_break()
    document.add_heading(doc.signatures_heading, level=1)
    if doc.place_date:
        _paragraph(document, doc.place_date, size=9, color=MUTED)
    table = document.add_table(rows=0, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for start in range(0, len(doc.signatures), 2):
        cells = table.add_row().cells
        for cell, line in zip(cells, doc.signatures[start:start + 2], strict=False):
            cell.text = ""
            first = cell.paragraphs[0]
            first.paragraph_format.space_before = Pt(36)
            first.add_run("_" * 32)
            first.alignment = centred
            name = cell.add_paragraph(line.name)
            name.alignment = centred
            who = cell.add_paragraph()
            run = who.add_run(line.delegation)
            run.font.color.rgb = MUTED
            who.alignment = centred
    return document


def write_declaration_docx(db: Database, out: Path, lang: str = "es", paper: str = "letter",
                           declaration_id: int | None = None) -> Path:
    doc = build_document(load_state(db, declaration_id), lang)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    build_docx(doc, paper).save(str(out))
    return out
