"""The declaration as its own PDF, in Spanish or in English.

Title, the chapeau, the preamble, the operative paragraphs numbered, place and date, how
it was adopted (each delegation's vote when taken by delegation), the authentic language,
the reservations and interpretive statements, and a signature page with a line for each
member delegation's head. A draft says so under the title and carries a watermark.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from encounter_desk.core.colours import ACCENT, RULE
from encounter_desk.declaration.document import DeclarationDocument, TextItem, build_document
from encounter_desk.declaration.pdf_pages import (
    Styles,
    build_pdf,
    para,
    text_width,
)
from encounter_desk.declaration.state import load_state
from encounter_desk.storage.database import Database


def _with_note(item: TextItem, style, s: Styles) -> list[Flowable]:  # noqa: ANN001
    # an operative paragraph's number hangs in the margin, its text aligned after it
    out: list[Flowable] = [para(item.text, style, bullet=f"{item.number}." if item.number
                                else None)]
    if item.note:
        out.append(para(f"[{item.note}]", s.note))
    return out


def declaration_story(doc: DeclarationDocument, paper: str = "letter") -> list[Flowable]:
    s = Styles()
    width = text_width(paper)
    out: list[Flowable] = []
    if doc.event_name:
        out.append(para(doc.event_name, s.event))
    out.append(para(doc.title, s.title))
    if doc.draft_label:
        out.append(para(doc.labels["draft_heading"], s.status))
    else:
        out.append(Spacer(1, 6 * mm))
    if doc.chapeau:
        out.append(para(doc.chapeau, s.body))
    for item in doc.preamble:
        out += _with_note(item, s.preamble, s)
    if doc.operative_intro:
        out.append(para(doc.operative_intro, s.intro))
    for item in doc.operative:
        out += _with_note(item, s.operative, s)
    if doc.place_date:
        out.append(Spacer(1, 4 * mm))
        out.append(para(doc.place_date, s.body))
    closing: list[Flowable] = []
    if doc.adoption_text:
        closing.append(para(doc.adoption_text, s.small))
    if doc.votes:
        rows = [[para(who, s.cell), para(vote, s.cell)] for who, vote in doc.votes]
        closing.append(para(doc.votes_heading, s.h2))
        closing.append(Table(rows, colWidths=[70 * mm, 40 * mm], hAlign="LEFT",
                             style=TableStyle([
                                 ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                 ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                                 ("TOPPADDING", (0, 0), (-1, -1), 1),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 0),
                             ])))
    closing.append(Spacer(1, 2 * mm))
    closing.append(para(doc.authentic_note, s.small))
    out.append(KeepTogether(closing))
    if doc.statements:
        out.append(CondPageBreak(40 * mm))
        out.append(para(doc.statements_heading, s.h1))
        for statement in doc.statements:
            out.append(KeepTogether([para(statement.heading, s.h2),
                                     para(statement.text, s.body)]))
    out.append(PageBreak())
    out += signature_page(doc, s, width)
    return out


def signature_page(doc: DeclarationDocument, s: Styles, width: float) -> list[Flowable]:
    """A line per member delegation's head, two to a row, in the conference's order."""
    out: list[Flowable] = [para(doc.signatures_heading, s.h1)]
    if doc.place_date:
        out.append(para(doc.place_date, s.small))
    cells = []
    for line in doc.signatures:
        cells.append([Spacer(1, 14 * mm), para("_" * 34, s.sign),
                      para(line.name or " ", s.sign), para(line.delegation, s.sign_muted)])
    rows = [cells[i:i + 2] for i in range(0, len(cells), 2)]
    if rows and len(rows[-1]) == 1:
        rows[-1].append("")
    if rows:
        out.append(Table(rows, colWidths=[width / 2, width / 2], style=TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("TEXTCOLOR", (0, 0), (-1, -1), ACCENT),
        ])))
    return out


def write_declaration_pdf(db: Database, out: Path, lang: str = "es", paper: str = "letter",
                          declaration_id: int | None = None) -> Path:
    """Write the declaration (as amended so far, or as adopted) in ``lang`` to ``out``."""
    doc = build_document(load_state(db, declaration_id), lang)
    build_pdf(Path(out), declaration_story(doc, paper), paper=paper, title=doc.title,
              reference=doc.reference, page_label=doc.labels["page"],
              watermark=doc.draft_label, lang=lang)
    return Path(out)
