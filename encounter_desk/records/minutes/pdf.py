"""The minutes of a sitting, and the event report, as PDF (reportlab platypus).

:func:`write_minutes` lays out a :class:`~encounter_desk.records.minutes.data.MinutesData` in the
order a secretariat expects (``shared/domain.md``): header, attendance, agenda,
interventions, speaking time, agreements and initiatives, adjournment, signatures.
:func:`write_event_report` prints every sitting, attendance across the encounter, all
agreements and the initiatives road map.

Every page carries "page X of Y" and the reference (``RCM-EP-2017/S1``): the pages are
drawn once, kept, and stamped when the total is known (:class:`_NumberedCanvas`, a
two-pass canvas). Unless final, each page carries a DRAFT watermark. Names and texts go
into Paragraphs (they wrap); the packaged DejaVu Sans prints every accent.

Speed: one shared TableStyle per kind of table, Paragraphs only where text may wrap, and
long tables cut into chunks so reportlab never re-wraps hundreds of rows at each page
break (500 attendees and 300 interventions lay out in well under a second).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from encounter_desk.core.fonts import register_fonts
from encounter_desk.core.i18n import in_language
from encounter_desk.records.minutes.data import (
    AgendaSection,
    EventReportData,
    Intervention,
    MinutesData,
    TimeShare,
    load_event_report,
    load_minutes,
)
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import AttendanceStatus

PAGE_W, PAGE_H = A4
MARGIN = 18 * mm
WIDTH = PAGE_W - 2 * MARGIN
CHUNK = 40
"""Rows per table chunk (see the module docstring)."""

INK = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#5A5A5A")
ACCENT = colors.HexColor("#1F3A5F")
RULE = colors.HexColor("#B8C2CC")
SHADE = colors.HexColor("#EEF2F6")
OVER = colors.HexColor("#B00020")
WATERMARK = colors.Color(0.75, 0.1, 0.1, alpha=0.13)


# --- styles ------------------------------------------------------------------------------

class _Styles:
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
            ("FONT", (0, 0), (0, -1), bold, 9),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ])


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


# --- page furniture ----------------------------------------------------------------------

def _canvas_maker(reference: str, page_label: str, watermark: str, font: str):  # noqa: ANN202
    """A canvas that keeps its pages and stamps "page X of Y" (and a watermark) at save."""

    class _NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._stamp(number, total)
                super().showPage()
            super().save()

        def _stamp(self, number: int, total: int) -> None:
            self.saveState()
            if watermark:
                self.setFillColor(WATERMARK)
                self.setFont(font, 96)
                self.translate(PAGE_W / 2, PAGE_H / 2)
                self.rotate(52)
                self.drawCentredString(0, -30, watermark)
                self.rotate(-52)
                self.translate(-PAGE_W / 2, -PAGE_H / 2)
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN, 13 * mm, PAGE_W - MARGIN, 13 * mm)
            self.setFillColor(MUTED)
            self.setFont(font, 8)
            self.drawString(MARGIN, 9 * mm, reference)
            self.drawRightString(
                PAGE_W - MARGIN, 9 * mm, page_label.format(page=number, pages=total)
            )
            self.restoreState()

    return _NumberedCanvas


def _build(out: Path, story: list[Flowable], *, title: str, reference: str,
           page_label: str, watermark: str, lang: str) -> None:
    styles_font = register_fonts()[0]
    out.parent.mkdir(parents=True, exist_ok=True)
    doc = BaseDocTemplate(
        str(out), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=16 * mm, bottomMargin=18 * mm, title=title, author=reference,
        subject=reference, lang=lang,
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story, canvasmaker=_canvas_maker(reference, page_label, watermark, styles_font))


def _heads(texts: Iterable, s: _Styles) -> list:
    """Column headings that wrap inside their column instead of running into the next
    (Spanish headings are often longer than the English ones)."""
    return [Paragraph(escape(t), s.cell_head) if isinstance(t, str) else t for t in texts]


def _chunked(rows: Sequence[list], head: list | None, widths: Sequence[float],
             s: _Styles) -> list[Flowable]:
    """``rows`` as tables of at most CHUNK rows with the same columns (head on the first)."""
    out: list[Flowable] = []
    head = _heads(head, s) if head else head
    if not rows and head:
        return [Table([head], colWidths=widths, style=s.table_head, repeatRows=1)]
    for start in range(0, len(rows), CHUNK):
        part = list(rows[start:start + CHUNK])
        if start == 0 and head:
            out.append(Table([head, *part], colWidths=widths, style=s.table_head, repeatRows=1))
        else:
            out.append(Table(part, colWidths=widths, style=s.table))
    return out


# --- the minutes -------------------------------------------------------------------------

class _Minutes:
    def __init__(self, data: MinutesData, s: _Styles) -> None:
        self.d = data
        self.s = s
        self.tr = in_language(data.lang)

    def t(self, text: str) -> str:
        return self.tr.translate("Minutes", text)

    def story(self) -> list[Flowable]:
        out: list[Flowable] = []
        out += self.header()
        out += self.attendance()
        out += self.agenda()
        out += self.interventions()
        out += self.speaking_time()
        out += self.agreements()
        out += self.initiatives()
        out += self.closing()
        return keep_headings_with_content(out, self.s)

    # 1. header
    def header(self) -> list[Flowable]:
        h, s, tr = self.d.header, self.s, self.tr
        title = tr.translate("Minutes", "Minutes of session {number}: {title}").format(
            number=h.sitting_number, title=h.sitting_title)
        if h.final:
            status = tr.translate("Minutes", "APPROVED")
            status_style = ParagraphStyle("ok", parent=s.status, textColor=ACCENT)
        else:
            status = tr.translate("Minutes", "DRAFT — not yet approved")
            status_style = ParagraphStyle("draft", parent=s.status, textColor=OVER)

        def who(person) -> str:  # noqa: ANN001
            if person is None:
                return "—"
            text = person.full_name
            if person.delegation:
                text += f" ({person.delegation})"
            return text

        scheduled = h.scheduled_start + (f"–{h.scheduled_end}" if h.scheduled_end else "")
        pairs = [
            (tr.translate("Minutes", "Reference"), h.reference),
            (tr.translate("Minutes", "Place"), h.place or "—"),
            (tr.translate("Minutes", "Date"), h.date_text),
            (tr.translate("Minutes", "Scheduled"), scheduled),
            (tr.translate("Minutes", "Actual start"),
             h.actual_start or tr.translate("Minutes", "not started")),
            (tr.translate("Minutes", "Chair"), who(h.chair)),
            (tr.translate("Minutes", "Secretary"), who(h.secretary)),
        ]
        rows = [[_p(k, s.h3), _p(v, s.body)] for k, v in pairs]
        return [
            _p(h.event_name, s.event),
            _p(title, s.title),
            _p(status, status_style),
            Table(rows, colWidths=[38 * mm, WIDTH - 38 * mm], style=s.keyvalue, hAlign="LEFT"),
        ]

    # 2. attendance
    def attendance(self) -> list[Flowable]:
        s, tr = self.s, self.tr
        out: list[Flowable] = [_p(tr.translate("Minutes", "1. Attendance"), s.h1)]
        head = [tr.translate("Minutes", "Name"), tr.translate("Minutes", "Role"),
                tr.translate("Minutes", "Attendance"), tr.translate("Minutes", "Arrival")]
        widths = [62 * mm, WIDTH - 62 * mm - 44 * mm, 26 * mm, 18 * mm]
        summary = tr.translate(
            "Minutes", "present {present} · excused {excused} · absent {absent}")
        for block in self.d.attendance:
            out.append(CondPageBreak(30 * mm))
            out.append(_p(block.heading, s.h2))
            for group in block.groups:
                counts = summary.format(present=group.present, excused=group.excused,
                                        absent=group.absent)
                heading = Paragraph(
                    f"{escape(group.name)} <font color='#5A5A5A' size='8'>"
                    f"({escape(counts)})</font>", s.h3)
                rows = []
                for line in group.lines:
                    style = s.cell if line.status is AttendanceStatus.PRESENT else s.cell_muted
                    name = f"{line.title} {line.name}".strip()
                    rows.append([_p(name, style), _p(line.role, style) if line.role else "",
                                 line.status_text, line.arrival])
                tables = _chunked(rows, head, widths, s)
                out.append(KeepTogether([heading, tables[0]]) if len(rows) <= 12
                           else heading)
                out.extend(tables[1:] if len(rows) <= 12 else tables)
        totals = self.d.totals
        out.append(Spacer(1, 4))
        out.append(_p(tr.translate("Minutes", "Totals"), s.h2))
        for line in totals.lines:
            out.append(_p(line, s.body))
        out.append(Paragraph(f"<b>{escape(totals.quorum_text)}</b>", s.body))
        return out

    # 3. agenda
    def agenda(self) -> list[Flowable]:
        s = self.s
        out: list[Flowable] = [_p(self.tr.translate("Minutes", "2. Agenda"), s.h1)]
        for section in self.d.agenda:
            if section.number is None:
                continue
            out.append(Paragraph(f"{section.number}.&nbsp;&nbsp;{escape(section.title)}",
                                 ParagraphStyle("ag", parent=s.body, leftIndent=12,
                                                firstLineIndent=-12)))
        return out

    # 4. interventions
    def interventions(self) -> list[Flowable]:
        s, tr = self.s, self.tr
        out: list[Flowable] = [_p(tr.translate("Minutes", "3. Interventions"), s.h1)]
        head = ["#", tr.translate("Minutes", "Start"), tr.translate("Minutes", "Speaker"),
                tr.translate("Minutes", "Kind"), tr.translate("Minutes", "Duration"),
                tr.translate("Minutes", "Lang.")]
        widths = [8 * mm, 12 * mm, WIDTH - 8 * mm - 12 * mm - 27 * mm - 17 * mm - 14 * mm,
                  27 * mm, 17 * mm, 14 * mm]
        none = tr.translate("Minutes", "No interventions.")
        over_label = tr.translate("Minutes", "over time")
        for section in self.d.agenda:
            out.append(CondPageBreak(25 * mm))
            out.append(self._item_heading(section))
            if not section.interventions:
                out.append(_p(none, s.cell_muted))
                continue
            rows = [self._intervention_row(i, over_label) for i in section.interventions]
            out.extend(_chunked(rows, head, widths, s))
        return out

    def _item_heading(self, section: AgendaSection) -> Paragraph:
        if section.number is None:
            return _p(section.title, self.s.h3)
        label = self.tr.translate("Minutes", "Item {number}. {title}")
        return _p(label.format(number=section.number, title=section.title), self.s.h3)

    def _intervention_row(self, i: Intervention, over_label: str) -> list:
        s = self.s
        speaker = f"<b>{escape(i.speaker)}</b>"
        if i.delegation:
            speaker += f" — {escape(i.delegation)}"
        if i.summary:
            speaker += f"<br/>{escape(i.summary)}"
        duration: object = i.duration
        if i.over_time:
            duration = Paragraph(
                f"{i.duration}<br/><font color='#B00020'>{escape(i.over_by)} "
                f"{escape(over_label)}</font>", s.cell)
        return [str(i.number), i.start, Paragraph(speaker, s.cell), _p(i.kind_text, s.cell),
                duration, i.language.upper()]

    # 5. speaking time
    def speaking_time(self) -> list[Flowable]:
        s, tr = self.s, self.tr
        out: list[Flowable] = [CondPageBreak(40 * mm),
                               _p(tr.translate("Minutes", "4. Speaking time"), s.h1)]
        if not self.d.by_delegation:
            out.append(_p(tr.translate("Minutes", "Nobody took the floor."), s.cell_muted))
            return out
        head_d = [tr.translate("Minutes", "Delegation"), tr.translate("Minutes", "Interventions"),
                  tr.translate("Minutes", "Speaking time"), tr.translate("Minutes", "Share")]
        head_g = [tr.translate("Minutes", "Gender"), *head_d[1:]]
        total = tr.translate("Minutes", "Total")
        out.append(_p(tr.translate("Minutes", "By delegation"), s.h3))
        out.append(self._shares(self.d.by_delegation, head_d, total))
        out.append(_p(tr.translate("Minutes", "By gender"), s.h3))
        out.append(self._shares(self.d.by_gender, head_g, total))
        return out

    def _shares(self, shares: Iterable[TimeShare], head: list[str], total: str) -> Table:
        s = self.s
        shares = list(shares)
        rows = [_heads(head, s)] + [[_p(x.label, s.cell), str(x.speeches), x.duration,
                                      x.share_text]
                         for x in shares]
        rows.append([total, str(sum(x.speeches for x in shares)), self.d.total_speaking,
                     "100 %" if self.d.lang == "es" else "100%"])
        return Table(rows, colWidths=[80 * mm, 28 * mm, 24 * mm, 24 * mm],
                     style=s.totals_row, hAlign="LEFT", repeatRows=1)

    # 6. agreements and initiatives
    def agreements(self) -> list[Flowable]:
        s, tr = self.s, self.tr
        out: list[Flowable] = [_p(tr.translate("Minutes", "5. Agreements"), s.h1)]
        if not self.d.agreements:
            out.append(_p(tr.translate("Minutes", "No agreements were recorded."), s.cell_muted))
        item_label = tr.translate("Minutes", "(item {number})")
        hanging = ParagraphStyle("agr", parent=s.body, leftIndent=14, firstLineIndent=-14,
                                 spaceAfter=3)
        for a in self.d.agreements:
            item = f" {item_label.format(number=a.agenda_item_number)}" \
                if a.agenda_item_number else ""
            text = a.annex_title if a.is_annex else a.text
            body = escape(text).replace("\n", "<br/>")
            out.append(Paragraph(
                f"<b>{a.number}.</b>&nbsp;&nbsp;{body}{escape(item)} "
                f"<i>{escape(a.adoption_text)}</i>", hanging))
        for n, a in enumerate(self.d.annexes, start=1):
            out.append(CondPageBreak(40 * mm))
            out.append(_p(tr.translate("Minutes", "Annex {number}: {title}").format(
                number=n, title=a.annex_title), s.h2))
            out.append(Paragraph(escape(a.text).replace("\n", "<br/>"), s.body))
        return out

    def initiatives(self) -> list[Flowable]:
        s, tr = self.s, self.tr
        out: list[Flowable] = [
            _p(tr.translate("Minutes", "6. Legislative initiatives pledged in this session"),
               s.h1)]
        if not self.d.initiatives:
            out.append(_p(tr.translate("Minutes", "No initiatives were pledged."), s.cell_muted))
            return out
        out.append(initiatives_table(self.d.initiatives, s, tr))
        return out

    # 7. adjournment and signatures
    def closing(self) -> list[Flowable]:
        s, tr, h = self.s, self.tr, self.d.header
        if h.adjourned:
            text = tr.translate("Minutes", "The chair adjourned the session at {time}.").format(
                time=h.adjourned)
        else:
            text = tr.translate("Minutes", "The session has not been adjourned yet.")
        blank = "_" * 34

        def block(label: str, person) -> list:  # noqa: ANN001
            name = person.full_name if person else ""
            role = f"{label}" + (f" — {person.delegation}" if person and person.delegation else "")
            return [blank, _p(name, s.body), _p(role, s.cell_muted)]

        chair = block(tr.translate("Minutes", "Chair"), h.chair)
        secretary = block(tr.translate("Minutes", "Secretariat"), h.secretary)
        rows = [[chair[i], secretary[i]] for i in range(3)]
        signatures = Table(rows, colWidths=[WIDTH / 2, WIDTH / 2], style=TableStyle([
            ("FONT", (0, 0), (-1, -1), s.regular, 9),
            ("TOPPADDING", (0, 0), (-1, 0), 36),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]))
        return [
            _p(tr.translate("Minutes", "7. Adjournment"), s.h1),
            _p(text, s.body),
            KeepTogether([_p(tr.translate("Minutes", "Signatures"), s.h2), signatures]),
        ]


def keep_headings_with_content(story: list[Flowable], s: _Styles) -> list[Flowable]:
    """A page break before a section heading that would sit alone at the foot of a page."""
    out: list[Flowable] = []
    for flowable in story:
        if isinstance(flowable, Paragraph) and flowable.style is s.h1:
            out.append(CondPageBreak(45 * mm))
        out.append(flowable)
    return out


def initiatives_table(lines, s: _Styles, tr) -> Table:  # noqa: ANN001
    head = [tr.translate("Minutes", "Delegation"), tr.translate("Minutes", "Initiative"),
            tr.translate("Minutes", "Kind"), tr.translate("Minutes", "Sponsors"),
            tr.translate("Minutes", "Target date"), tr.translate("Minutes", "Status")]
    rows = [_heads(head, s)]
    for i in lines:
        body = f"<b>{escape(i.title)}</b>"
        if i.description:
            body += f"<br/>{escape(i.description)}"
        rows.append([_p(i.delegation, s.cell), Paragraph(body, s.cell), _p(i.kind_text, s.cell),
                     _p(i.sponsors, s.cell), _p(i.target_date, s.cell),
                     _p(i.status_text, s.cell)])
    widths = [25 * mm, WIDTH - 25 * mm - 21 * mm - 34 * mm - 22 * mm - 24 * mm, 21 * mm,
              34 * mm, 22 * mm, 24 * mm]
    return Table(rows, colWidths=widths, style=s.table_head, repeatRows=1)


def minutes_story(data: MinutesData) -> list[Flowable]:
    return _Minutes(data, _Styles()).story()


def render_minutes(data: MinutesData, out: Path) -> None:
    """Lay out gathered minutes into ``out``."""
    tr = in_language(data.lang)
    h = data.header
    _build(
        Path(out), minutes_story(data),
        title=tr.translate("Minutes", "Minutes of session {number}: {title}").format(
            number=h.sitting_number, title=h.sitting_title),
        reference=h.reference,
        page_label=tr.translate("Minutes", "Page {page} of {pages}"),
        watermark="" if h.final else tr.translate("Minutes", "DRAFT"),
        lang=data.lang,
    )


def write_minutes(db: Database, sitting_id: int, out: Path, *, lang: str = "es",
                  final: bool = False) -> None:
    """The minutes of sitting ``sitting_id`` (its id) as a PDF in ``lang`` ("es" or "en")."""
    render_minutes(load_minutes(db, sitting_id, lang=lang, final=final), Path(out))


# --- the event report --------------------------------------------------------------------

def report_story(data: EventReportData) -> list[Flowable]:
    s = _Styles()
    tr = in_language(data.lang)
    out: list[Flowable] = [
        _p(data.event_name, s.event),
        _p(tr.translate("Minutes", "Report of the encounter"), s.title),
        _p(f"{data.place} · {data.dates}", ParagraphStyle("c", parent=s.body,
                                                          alignment=TA_CENTER)),
        _p(tr.translate("Minutes", "1. Sessions"), s.h1),
    ]
    head = ["#", tr.translate("Minutes", "Date"), tr.translate("Minutes", "Session"),
            tr.translate("Minutes", "Start"), tr.translate("Minutes", "End"),
            tr.translate("Minutes", "Present"), tr.translate("Minutes", "Interventions"),
            tr.translate("Minutes", "Speaking time")]
    rows = [head]
    for m in data.sittings:
        h = m.header
        rows.append([str(h.sitting_number), _p(h.date_text, s.cell), _p(h.sitting_title, s.cell),
                     h.actual_start or h.scheduled_start, h.adjourned or "—",
                     str(m.totals.present), str(m.interventions_count), m.total_speaking])
    widths = [8 * mm, 30 * mm, WIDTH - 8 * mm - 30 * mm - 14 * mm * 2 - 16 * mm * 2 - 20 * mm,
              14 * mm, 14 * mm, 16 * mm, 16 * mm, 20 * mm]
    out.append(Table(rows, colWidths=widths, style=s.table_head, repeatRows=1))
    for m in data.sittings:
        out.append(_p(tr.translate("Minutes", "Session {number}: {quorum}").format(
            number=m.header.sitting_number, quorum=m.totals.quorum_text), s.small))

    out.append(_p(tr.translate("Minutes", "2. Attendance across the encounter"), s.h1))
    out.append(_p(tr.translate(
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
            out.append(_p(current, s.h3))
            out.extend(_chunked(group, head, widths, s))

    for delegation, name, role, marks, present in data.people:
        if delegation != current:
            flush()
            current, group = delegation, []
        group.append([_p(name, s.cell), _p(role, s.cell_muted) if role else "", *marks,
                      f"{present}/{n}"])
    flush()

    out.append(_p(tr.translate("Minutes", "3. Agreements"), s.h1))
    any_agreement = False
    for m in data.sittings:
        if not m.agreements:
            continue
        any_agreement = True
        out.append(_p(tr.translate("Minutes", "Session {number}: {title}").format(
            number=m.header.sitting_number, title=m.header.sitting_title), s.h3))
        for a in m.agreements:
            text = a.annex_title if a.is_annex else a.text
            out.append(Paragraph(
                f"<b>{a.number}.</b>&nbsp;&nbsp;{escape(text)} <i>{escape(a.adoption_text)}</i>",
                ParagraphStyle("agr", parent=s.body, leftIndent=14, firstLineIndent=-14,
                               spaceAfter=2)))
    if not any_agreement:
        out.append(_p(tr.translate("Minutes", "No agreements were recorded."), s.cell_muted))
    for a in (a for m in data.sittings for a in m.annexes):  # the declaration as adopted
        out.append(CondPageBreak(40 * mm))
        out.append(_p(a.annex_title, s.h2))
        out.append(Paragraph(escape(a.text).replace("\n", "<br/>"), s.body))

    out.append(_p(tr.translate("Minutes", "4. Road map of legislative initiatives"), s.h1))
    if data.initiatives:
        out.append(initiatives_table(data.initiatives, s, tr))
    else:
        out.append(_p(tr.translate("Minutes", "No initiatives were pledged."), s.cell_muted))
    return keep_headings_with_content(out, s)


def write_event_report(db: Database, out: Path, lang: str = "es") -> None:
    """All sittings, attendance across the encounter, all agreements, the road map."""
    data = load_event_report(db, lang=lang)
    tr = in_language(lang)
    _build(
        Path(out), report_story(data),
        title=tr.translate("Minutes", "Report of the encounter"),
        reference=data.event_code,
        page_label=tr.translate("Minutes", "Page {page} of {pages}"),
        watermark="",
        lang=lang,
    )

