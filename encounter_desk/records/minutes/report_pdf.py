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
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle

from encounter_desk.core.i18n import in_language, translate
from encounter_desk.core.paper import check_paper
from encounter_desk.core.progress import Progress, or_quiet
from encounter_desk.records.minutes.data import EventReportData, load_event_report
from encounter_desk.records.minutes.pdf_layout import (
    WIDTH,
    Styles,
    build_pdf,
    chunked,
    heading,
    heads,
    initiatives_table,
    keep_headings_with_content,
    para,
    shares_table,
)
from encounter_desk.storage.database import Database


def report_story(data: EventReportData, *, charts: list[Flowable] | None = None,
                 roadmap: list[Flowable] | None = None) -> list[Flowable]:
    """The report; ``charts`` go after the sessions, ``roadmap`` (the road map report's
    own section) replaces the plain table of initiatives."""
    s = Styles()
    tr = in_language(data.lang)
    out: list[Flowable] = [
        para(data.event_name, s.event),
        para(tr.translate("Minutes", "Report of the encounter"), s.title),
        para(f"{data.place} · {data.dates}", ParagraphStyle("c", parent=s.body,
                                                          alignment=TA_CENTER)),
        heading(tr.translate("Minutes", "1. Sessions"), s.h1),
    ]
    head = ["#", tr.translate("Minutes", "Date"), tr.translate("Minutes", "Session"),
            tr.translate("Minutes", "Opened"), tr.translate("Minutes", "Adjourned"),
            tr.translate("Minutes", "Present"), tr.translate("Minutes", "Interventions"),
            tr.translate("Minutes", "Speaking time")]
    rows = [heads(head, s)]
    spans = []
    for m in data.sittings:
        h = m.header
        if not h.held:
            # Not held: no times, no attendance, no quorum; said once across the row.
            spans.append(("SPAN", (3, len(rows)), (-1, len(rows))))
            rows.append([str(h.sitting_number), para(h.date_text, s.cell),
                         para(h.sitting_title, s.cell), para(h.stage_text, s.cell_muted),
                         "", "", "", ""])
            continue
        rows.append([str(h.sitting_number), para(h.date_text, s.cell), para(h.sitting_title, s.cell),
                     h.actual_start, h.adjourned or para(h.stage_text, s.cell_muted),
                     str(m.totals.present if m.totals else ""), str(m.interventions_count),
                     m.total_speaking])
    # Widths that hold the longest (Spanish) heading of each column on whole words.
    fixed = [7 * mm, 26 * mm, 18 * mm, 18 * mm, 19 * mm, 27 * mm, 24 * mm]
    widths = [*fixed[:2], WIDTH - sum(fixed), *fixed[2:]]
    out.append(Table(rows, colWidths=widths, style=TableStyle(s.table_head.getCommands() + spans),
                     repeatRows=1))
    for m in data.sittings:
        if m.totals is not None:
            out.append(para(tr.translate("Minutes", "Session {number}: {quorum}").format(
                number=m.header.sitting_number, quorum=m.totals.quorum_text), s.small))
    out.extend(charts or [])

    out.append(heading(tr.translate("Minutes", "2. Attendance across the encounter"), s.h1))
    out.append(para(tr.translate(
        "Minutes", "P present · E excused · A absent, for each session in order."), s.small))
    n = sum(1 for m in data.sittings if m.header.held)
    head = [tr.translate("Minutes", "Name"), tr.translate("Minutes", "Role"),
            *[f"S{m.header.sitting_number}" for m in data.sittings],
            tr.translate("Minutes", "Total")]
    mark_w = 8 * mm
    columns = len(data.sittings)
    widths = [60 * mm, WIDTH - 60 * mm - mark_w * columns - 12 * mm, *[mark_w] * columns,
              12 * mm]
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

    out.append(heading(tr.translate("Minutes", "3. Agreements"), s.h1))
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

    out.append(heading(tr.translate("Minutes", "4. Road map of legislative initiatives"), s.h1))
    if roadmap:
        out.extend(roadmap)
    elif data.initiatives:
        out.append(initiatives_table(data.initiatives, s, tr))
    else:
        out.append(para(tr.translate("Minutes", "No initiatives were pledged."), s.cell_muted))
    out += speaking_time(data, s)
    return keep_headings_with_content(out, s)


def speaking_time(data: EventReportData, s: Styles) -> list[Flowable]:
    """Speaking time by delegation and by gender, and the interventions over their time, of
    each sitting held: statistics for the report, not for the acta."""
    tr = in_language(data.lang)
    out: list[Flowable] = [heading(tr.translate("Minutes", "5. Speaking time"), s.h1)]
    head_d = [tr.translate("Minutes", "Delegation"), tr.translate("Minutes", "Interventions"),
              tr.translate("Minutes", "Speaking time"), tr.translate("Minutes", "Share")]
    head_g = [tr.translate("Minutes", "Gender"), *head_d[1:]]
    total = tr.translate("Minutes", "Total")
    over = tr.translate("Minutes", "Over their time: {count} of {total} interventions.")
    for m in data.sittings:
        if not m.by_delegation:
            continue
        out.append(CondPageBreak(60 * mm))
        out.append(heading(tr.translate("Minutes", "Session {number}: {title}").format(
            number=m.header.sitting_number, title=m.header.sitting_title), s.h3, level=1))
        out.append(shares_table(m.by_delegation, head_d, total, m.total_speaking, data.lang, s))
        out.append(Spacer(1, 4))
        out.append(shares_table(m.by_gender, head_g, total, m.total_speaking, data.lang, s))
        late = [i for i in m.interventions() if i.over_time]
        out.append(para(over.format(count=len(late), total=m.interventions_count), s.small))
        for i in late:
            out.append(para(f"{i.number}. {i.full_name} — {i.duration} ({i.over_by})", s.small))
    if len(out) == 1:
        out.append(para(tr.translate("Minutes", "Nobody took the floor."), s.cell_muted))
    return out


def write_event_report(db: Database, out: Path, lang: str = "es",
                       paper: str | None = None, progress: Progress | None = None) -> None:
    """All sittings, attendance across the encounter, all agreements, the road map, on
    ``paper`` ("letter" or "a4"; default: the event's paper). ``progress`` hears of the
    reading and the layout; cancelling it leaves no file."""
    progress = or_quiet(progress)
    progress.say(translate("Minutes", "Reading the records of the encounter…"))
    if paper is not None:
        check_paper(paper)
    from encounter_desk.records.print_shop.charts import load_chart_data, speaking_charts
    from encounter_desk.records.roadmap.commitments import commitments_in, today_at_venue
    from encounter_desk.records.roadmap.report_pdf import roadmap_story

    data = load_event_report(db, lang=lang)
    tr = in_language(lang)
    with db.read() as session:
        commitments = commitments_in(session)
        today = today_at_venue(session, db.clock())
    chart_data = load_chart_data(db, lang)
    s = Styles()
    build_pdf(
        Path(out), report_story(
            data, charts=[Spacer(1, 6), *speaking_charts(chart_data, WIDTH)],
            roadmap=roadmap_story(commitments, chart_data, today, lang, s, WIDTH,
                                  heading_style=s.h2)),
        title=tr.translate("Minutes", "Report of the encounter"),
        reference=data.event_code,
        page_label=tr.translate("Minutes", "Page {page} of {pages}"),
        watermark="",
        subject=tr.translate("Minutes", "Report of the encounter"),
        author=data.event_name,
        lang=lang,
        paper=paper or data.paper,
        progress=progress,
    )
