"""The amendments log: what each delegation proposed, the wording, and what became of it.

One table per draft paragraph that was amended, in the draft's order; each amendment with
its number, its sponsors, what it does, its wording (the other language's when not yet
translated, said so), the decision and its time, and the final wording of an amendment
accepted as orally amended. A count of the outcomes comes first.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from encounter_desk.core.colours import ACCENT, RULE, SHADE
from encounter_desk.core.i18n import in_language
from encounter_desk.declaration.base import kind_label, local_time, other_language, status_label
from encounter_desk.declaration.document import build_document, pending_note
from encounter_desk.declaration.pdf_pages import (
    Styles,
    build_pdf,
    para,
    text_width,
)
from encounter_desk.declaration.state import AmendmentRow, DeclarationState, load_state
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import AmendmentKind, AmendmentStatus


def _wording(text: str, other: str, lang: str) -> str:
    if text:
        return text
    if other:
        return f"{other} [{pending_note(lang)}]"
    return ""


def amendment_cells(a: AmendmentRow, state: DeclarationState, lang: str, s: Styles) -> list:
    t = in_language(lang)
    other = other_language(lang)
    wording = _wording(a.proposed(lang), a.proposed(other), lang)
    if a.kind == AmendmentKind.DELETE:
        wording = t.translate("Declaration", "(deletes the paragraph)")
    elif a.kind == AmendmentKind.INSERT_AFTER:
        wording = t.translate("Declaration", "New paragraph: {text}").format(text=wording)
    cell = [para(wording, s.cell)]
    if a.status == AmendmentStatus.ACCEPTED_AMENDED:
        final = _wording(a.final(lang), a.final(other), lang)
        cell.append(para(t.translate("Declaration", "Final wording: {text}").format(text=final),
                         s.cell_head))
    if a.note:
        cell.append(para(a.note, s.small))
    decision = status_label(a.status, lang)
    if a.decided_at is not None:
        decision = f"{decision}\n{local_time(a.decided_at, state.timezone)}"
    return [str(a.number), para(a.sponsors_text(lang), s.cell), para(kind_label(a.kind, lang),
            s.cell), cell, para(decision, s.cell)]


def log_story(state: DeclarationState, lang: str, paper: str = "letter") -> list[Flowable]:
    s = Styles()
    t = in_language(lang)
    doc = build_document(state, lang)
    width = text_width(paper)
    out: list[Flowable] = [
        para(doc.event_name, s.event),
        para(t.translate("Declaration", "Amendments log"), s.title),
        para(doc.title, s.h2),
    ]
    counts = Counter(a.status for a in state.amendments)
    summary = t.translate("Declaration", "{count} amendments proposed").format(
        count=len(state.amendments))
    if counts:
        summary += ": " + "; ".join(
            f"{status_label(status, lang).lower()} {counts[status]}"
            for status in AmendmentStatus if counts[status])
    out.append(para(summary + ".", s.small))
    out.append(Spacer(1, 4 * mm))
    if not state.amendments:
        out.append(para(t.translate("Declaration", "No amendment has been proposed."), s.body))
    head = [para(x, s.cell_head) for x in (
        t.translate("Declaration", "No."), t.translate("Declaration", "Proposed by"),
        t.translate("Declaration", "Kind"), t.translate("Declaration", "Wording"),
        t.translate("Declaration", "Decision"))]
    widths = [13 * mm, 34 * mm, 22 * mm, width - 13 * mm - 34 * mm - 22 * mm - 28 * mm, 28 * mm]
    style = TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONT", (0, 0), (-1, -1), s.regular, 8.5),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ])
    for paragraph in state.paragraphs:
        on = state.amendments_on(paragraph.id)
        if not on:
            continue
        excerpt = paragraph.text(lang) or paragraph.text(other_language(lang))
        rows = [head] + [amendment_cells(a, state, lang, s) for a in on]
        # the paragraph's heading never stays alone at the foot of a page
        out.append(KeepTogether([
            para(f"{paragraph.code(lang)} — {paragraph.name(lang)}", s.h2),
            para(excerpt, s.small),
            Table(rows, colWidths=widths, style=style, repeatRows=1),
        ]))
    return out


def write_amendments_log(db: Database, out: Path, lang: str = "es", paper: str = "letter",
                         declaration_id: int | None = None) -> Path:
    state = load_state(db, declaration_id)
    doc = build_document(state, lang)
    t = in_language(lang)
    build_pdf(Path(out), log_story(state, lang, paper), paper=paper,
              title=t.translate("Declaration", "Amendments log"),
              reference=f"{doc.reference}/AM", page_label=doc.labels["page"], watermark="",
              lang=lang)
    return Path(out)
