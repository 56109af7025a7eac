"""The report of the encounter as PDF: every sitting, attendance across the encounter, all
agreements and the road map of legislative initiatives (:func:`write_event_report`).

It prints the same look as the minutes (:mod:`encounter_desk.records.minutes.pdf_layout`)
from :func:`~encounter_desk.records.minutes.data.load_event_report`.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table

from encounter_desk.core.i18n import in_language
from encounter_desk.records.minutes.data import EventReportData, load_event_report
from encounter_desk.records.minutes.pdf_layout import (
    WIDTH,
    Styles,
    build_pdf,
    chunked,
    initiatives_table,
    keep_headings_with_content,
    para,
)
from encounter_desk.storage.database import Database


def report_story(data: EventReportData) -> list[Flowable]:
    s = Styles()
    tr = in_language(data.lang)
    out: list[Flowable] = [
        para(data.event_name, s.event),
        para(tr.translate("Minutes", "Report of the encounter"), s.title),
        para(f"{data.place} · {data.dates}", ParagraphStyle("c", parent=s.body,
                                                          alignment=TA_CENTER)),
        para(tr.translate("Minutes", "1. Sessions"), s.h1),
    ]
    head = ["#", tr.translate("Minutes", "Date"), tr.translate("Minutes", "Session"),
            tr.translate("Minutes", "Start"), tr.translate("Minutes", "End"),
            tr.translate("Minutes", "Present"), tr.translate("Minutes", "Interventions"),
            tr.translate("Minutes", "Speaking time")]
    rows = [head]
    for m in data.sittings:
        h = m.header
        rows.append([str(h.sitting_number), para(h.date_text, s.cell), para(h.sitting_title, s.cell),
                     h.actual_start or h.scheduled_start, h.adjourned or "—",
                     str(m.totals.present), str(m.interventions_count), m.total_speaking])
    widths = [8 * mm, 30 * mm, WIDTH - 8 * mm - 30 * mm - 14 * mm * 2 - 16 * mm * 2 - 20 * mm,
              14 * mm, 14 * mm, 16 * mm, 16 * mm, 20 * mm]
    out.append(Table(rows, colWidths=widths, style=s.table_head, repeatRows=1))
    for m in data.sittings:
        out.append(para(tr.translate("Minutes", "Session {number}: {quorum}").format(
            number=m.header.sitting_number, quorum=m.totals.quorum_text), s.small))

    out.append(para(tr.translate("Minutes", "2. Attendance across the encounter"), s.h1))
    out.append(para(tr.translate(
        "Minutes", "P present · E excused · A absent, for each session in order."), s.small))
    n = len(data.sittings)
    head = [tr.translate("Minutes", "Name"), tr.translate("Minutes", "Role"),
            *[f"S{m.header.sitting_number}" for m in data.sittings],
            tr.translate("Minutes", "Total")]
    mark_w = 8 * mm
    widths = [60 * mm, WIDTH - 60 * mm - mark_w * n - 12 * mm, *[mark_w] * n, 12 * mm]
    current = None
    group: list[list] = []

    def flush() -> None:
        if current is not None:
            out.append(CondPageBreak(25 * mm))
            out.append(para(current, s.h3))
            out.extend(chunked(group, head, widths, s))

    for delegation, name, role, marks, present in data.people:
        if delegation != current:
            flush()
            current, group = delegation, []
        group.append([para(name, s.cell), para(role, s.cell_muted) if role else "", *marks,
                      f"{present}/{n}"])
    flush()

    out.append(para(tr.translate("Minutes", "3. Agreements"), s.h1))
    any_agreement = False
    for m in data.sittings:
        if not m.agreements:
            continue
        any_agreement = True
        out.append(para(tr.translate("Minutes", "Session {number}: {title}").format(
            number=m.header.sitting_number, title=m.header.sitting_title), s.h3))
        for a in m.agreements:
            text = a.annex_title if a.is_annex else a.text
            out.append(Paragraph(
                f"<b>{a.number}.</b>&nbsp;&nbsp;{escape(text)} <i>{escape(a.adoption_text)}</i>",
                ParagraphStyle("agr", parent=s.body, leftIndent=14, firstLineIndent=-14,
                               spaceAfter=2)))
    if not any_agreement:
        out.append(para(tr.translate("Minutes", "No agreements were recorded."), s.cell_muted))
    for a in (a for m in data.sittings for a in m.annexes):  # the declaration as adopted
        out.append(CondPageBreak(40 * mm))
        out.append(para(a.annex_title, s.h2))
        out.append(Paragraph(escape(a.text).replace("\n", "<br/>"), s.body))

    out.append(para(tr.translate("Minutes", "4. Road map of legislative initiatives"), s.h1))
    if data.initiatives:
        out.append(initiatives_table(data.initiatives, s, tr))
    else:
        out.append(para(tr.translate("Minutes", "No initiatives were pledged."), s.cell_muted))
    return keep_headings_with_content(out, s)


def write_event_report(db: Database, out: Path, lang: str = "es") -> None:
    """All sittings, attendance across the encounter, all agreements, the road map."""
    data = load_event_report(db, lang=lang)
    tr = in_language(lang)
    build_pdf(
        Path(out), report_story(data),
        title=tr.translate("Minutes", "Report of the encounter"),
        reference=data.event_code,
        page_label=tr.translate("Minutes", "Page {page} of {pages}"),
        watermark="",
        lang=lang,
    )
