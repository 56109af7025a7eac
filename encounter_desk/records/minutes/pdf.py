"""The minutes of a sitting as PDF.

:func:`write_minutes` lays out a :class:`~encounter_desk.records.minutes.data.MinutesData` as
the acta a secretariat signs (``shared/domain.md``): the header (PROYECTO DE ACTA / DRAFT
MINUTES until final), the opening in narrative with the quorum verified at the opening,
attendance, the agenda, each item with its interventions and its agreements right under it,
annexes in full, legislative commitments, and the closing kept on one page with the
signatures, place and date. Speaking-time statistics are in the event report. The
look it shares with the event report (styles, page furniture, chunked tables) is in
:mod:`encounter_desk.records.minutes.pdf_layout`; the event report itself is in
:mod:`encounter_desk.records.minutes.report_pdf` (:func:`write_event_report` is
importable from here too).
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from encounter_desk.core.colours import ACCENT, ALERT
from encounter_desk.core.i18n import in_language
from encounter_desk.core.paper import check_paper
from encounter_desk.records.minutes import narrative
from encounter_desk.records.minutes.attendance_data import AttendanceLine
from encounter_desk.records.minutes.data import AgreementLine, MinutesData, load_minutes
from encounter_desk.records.minutes.pdf_layout import (
    WIDTH,
    Styles,
    build_pdf,
    chunked,
    heading,
    initiatives_table,
    keep_headings_with_content,
    para,
)
from encounter_desk.records.minutes.report_pdf import write_event_report
from encounter_desk.records.minutes.speech_data import AgendaSection, Intervention
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import AttendanceStatus

__all__ = ["minutes_story", "render_minutes", "write_event_report", "write_minutes"]


class _Minutes:
    def __init__(self, data: MinutesData, s: Styles) -> None:
        self.d = data
        self.s = s
        self.tr = in_language(data.lang)

    def story(self) -> list[Flowable]:
        out: list[Flowable] = []
        out += self.header()
        out += self.attendance()
        out += self.agenda()
        out += self.proceedings()
        out += self.annexes()
        out += self.initiatives()
        out += self.closing()
        return keep_headings_with_content(out, self.s)

    def section(self, number: int, title: str) -> Paragraph:
        """A numbered section heading, also a bookmark in the PDF's outline."""
        return heading(f"{number}. {title}", self.s.h1)

    # header and the opening in narrative
    def header(self) -> list[Flowable]:
        h, s, tr = self.d.header, self.s, self.tr
        title = tr.translate("Minutes", "Minutes of session {number}: {title}").format(
            number=h.sitting_number, title=h.sitting_title)
        if not h.final:
            status = [para(tr.translate("Minutes", "DRAFT MINUTES"), ParagraphStyle(
                "draft", parent=s.status, textColor=ALERT))]
        elif h.approval_text:
            status = [para(tr.translate("Minutes", "APPROVED MINUTES"), ParagraphStyle(
                "ok", parent=s.status, textColor=ACCENT)), para(h.approval_text, s.status)]
        else:
            status = [para(tr.translate("Minutes", "FINAL MINUTES"), ParagraphStyle(
                "final", parent=s.status, textColor=ACCENT))]
        pairs = [
            (tr.translate("Minutes", "Reference"), h.reference),
            (tr.translate("Minutes", "Place"), h.place or "—"),
            (tr.translate("Minutes", "Date"), h.date_text),
            (tr.translate("Minutes", "Opened"), h.actual_start),
            (tr.translate("Minutes", "Adjourned"), h.adjourned or h.stage_text),
        ]
        rows = [[para(k, s.h3), para(v, s.body)] for k, v in pairs]
        return [
            para(h.event_name, s.event),
            heading(title, s.title),
            *status,
            Table(rows, colWidths=[38 * mm, WIDTH - 38 * mm], style=s.keyvalue, hAlign="LEFT"),
            Spacer(1, 6),
            para(narrative.opening(self.d), s.body),
        ]

    # 1. attendance
    def attendance(self) -> list[Flowable]:
        s, tr = self.s, self.tr
        out: list[Flowable] = [self.section(1, tr.translate("Minutes", "Attendance"))]
        head = [tr.translate("Minutes", "Name"),
                tr.translate("Minutes", "Role, institution / committee"),
                tr.translate("Minutes", "Attendance"), tr.translate("Minutes", "Arrival")]
        widths = [58 * mm, WIDTH - 58 * mm - 44 * mm, 26 * mm, 18 * mm]
        summary = tr.translate("Minutes", "present {present} · excused {excused} · absent {absent}")
        for block in self.d.attendance:
            out.append(CondPageBreak(30 * mm))
            heading = para(block.heading, s.h2)
            lead: list[Flowable] = [heading]  # kept with the first group: never alone at a foot
            for group in block.groups:
                counts = summary.format(present=group.present, excused=group.excused,
                                        absent=group.absent)
                title = Paragraph(
                    f"{escape(group.name)} <font color='#5A5A5A' size='8'>"
                    f"({escape(counts)})</font>", s.h3)
                rows = []
                for line in group.lines:
                    style = s.cell if line.status is AttendanceStatus.PRESENT else s.cell_muted
                    name = escape(line.full_name)
                    if line.is_head_of_delegation:
                        head_of = narrative.head_of_delegation(line.gender, self.d.lang)
                        name = f"<b>{name}</b><br/><font size='7'>{escape(head_of)}</font>"
                    rows.append([Paragraph(name, style), self._role(line, style),
                                 line.status_text, line.arrival])
                tables = chunked(rows, head, widths, s)
                if len(rows) <= 12:
                    out.append(KeepTogether([*lead, title, tables[0]]))
                    out.extend(tables[1:])
                else:  # a long group: its headings go with its first rows
                    for flowable in (*lead, title):
                        flowable.keepWithNext = True
                    out.extend([*lead, title, *tables])
                lead = []
            out.extend(lead)
        totals = self.d.totals
        assert totals is not None, "the minutes of a sitting not held are refused earlier"
        out.append(Spacer(1, 4))
        out.append(para(tr.translate("Minutes", "Totals"), s.h2))
        for line in totals.lines:
            out.append(para(line, s.body))
        out.append(Paragraph(f"<b>{escape(totals.quorum_text)}</b>", s.body))
        return out

    @staticmethod
    def _role(line: AttendanceLine, style: ParagraphStyle) -> Paragraph | str:
        """The role, with the institution and committee under it in small print."""
        affiliation = line.affiliation()
        if not (line.role or affiliation):
            return ""
        text = escape(line.role)
        if affiliation:
            text += ("<br/>" if text else "") + \
                f"<font size='7' color='#5A5A5A'>{escape(affiliation)}</font>"
        return Paragraph(text, style)

    # 2. the agenda (orden del día)
    def agenda(self) -> list[Flowable]:
        s = self.s
        out: list[Flowable] = [self.section(2, self.tr.translate("Minutes", "Agenda"))]
        for section in self.d.agenda:
            if section.number is None:
                continue
            out.append(Paragraph(f"{section.number}.&nbsp;&nbsp;{escape(section.title)}",
                                 ParagraphStyle("ag", parent=s.body, leftIndent=12,
                                                firstLineIndent=-12)))
        return out

    # 3. each item: its interventions, then its agreements right under it
    def proceedings(self) -> list[Flowable]:
        s, tr = self.s, self.tr
        # the section's heading, its first item's heading and first rows start a page together
        out: list[Flowable] = [CondPageBreak(55 * mm),
                               self.section(3, tr.translate("Minutes", "Proceedings"))]
        head = ["#", tr.translate("Minutes", "Time"), tr.translate("Minutes", "Speaker"), tr.translate("Minutes", "Kind"), tr.translate("Minutes", "Duration")]
        widths = [8 * mm, 20 * mm, WIDTH - 8 * mm - 20 * mm - 28 * mm - 19 * mm, 28 * mm,
                  19 * mm]
        by_item: dict[int | None, list[AgreementLine]] = {}
        for a in self.d.agreements:
            by_item.setdefault(a.agenda_item_number, []).append(a)
        for n, section in enumerate(self.d.agenda):
            if n:
                out.append(CondPageBreak(45 * mm))  # an item's heading never alone at a foot
            out.append(self._item_heading(section))
            if section.interventions:
                rows = [self._intervention_row(i) for i in section.interventions]
                out.extend(chunked(rows, head, widths, s))
            else:
                out.append(para(tr.translate("Minutes", "No interventions."), s.cell_muted))
            out += self._agreements(by_item.pop(section.number, []))
        rest = [a for lines in by_item.values() for a in lines]
        if rest:
            out.append(para(tr.translate("Minutes", "Other agreements"), s.h3))
            out += self._agreements(rest)
        return out

    def _item_heading(self, section: AgendaSection) -> Paragraph:
        if section.number is None:
            return heading(section.title, self.s.h3, level=1)
        label = self.tr.translate("Minutes", "Item {number}. {title}")
        return heading(label.format(number=section.number, title=section.title), self.s.h3,
                       level=1)

    def _intervention_row(self, i: Intervention) -> list:
        s = self.s
        speaker = f"<b>{escape(i.full_name)}</b>"
        if i.delegation:
            speaker += f" — {escape(i.delegation)}"
        if i.reason_line:  # "Moción de orden (quórum): …", its heading in bold
            head = escape(i.reason_heading)
            speaker += f"<br/><b>{head}</b>{escape(i.reason_line)[len(head):]}"
        if i.summary:
            speaker += f"<br/>{escape(i.summary)}"
        times = f"{i.start}–{i.end}" if i.end else i.start
        return [str(i.number), times, Paragraph(speaker, s.cell), para(i.kind_text, s.cell),
                i.duration]

    def _agreements(self, lines: list[AgreementLine]) -> list[Flowable]:
        if not lines:
            return []
        s = self.s
        hanging = ParagraphStyle("agr", parent=s.body, leftIndent=14, firstLineIndent=-14,
                                 spaceAfter=3)
        out: list[Flowable] = [para(self.tr.translate("Minutes", "Agreements"), s.h3)]
        annex = self.tr.translate("Minutes", "(annex {number})")
        annexes = {a.number: n for n, a in enumerate(self.d.annexes, start=1)}
        for a in lines:
            text = a.annex_title if a.is_annex else a.text
            body = escape(text).replace("\n", "<br/>")
            if a.is_annex:
                body += " " + escape(annex.format(number=annexes[a.number]))
            out.append(Paragraph(
                f"<b>{a.number}.</b>&nbsp;&nbsp;{body} <i>{escape(a.adoption_text)}</i>",
                hanging))
        # The heading never alone at the foot of a page: kept with the first agreement.
        return [KeepTogether(out[:2]), *out[2:]]

    # 4. declarations in full
    def annexes(self) -> list[Flowable]:
        if not self.d.annexes:
            return []
        s, tr = self.s, self.tr
        out: list[Flowable] = [self.section(4, tr.translate("Minutes", "Annexes"))]
        for n, a in enumerate(self.d.annexes, start=1):
            out.append(CondPageBreak(40 * mm))
            out.append(heading(tr.translate("Minutes", "Annex {number}: {title}").format(
                number=n, title=a.annex_title), s.h2, level=1))
            out.append(Paragraph(escape(a.text).replace("\n", "<br/>"), s.body))
        return out

    # 5. legislative commitments
    def initiatives(self) -> list[Flowable]:
        s, tr = self.s, self.tr
        number = 5 if self.d.annexes else 4
        out: list[Flowable] = [
            self.section(number, tr.translate("Minutes", "Legislative initiatives pledged in this session"))]
        if not self.d.initiatives:
            out.append(para(tr.translate("Minutes", "No initiatives were pledged."), s.cell_muted))
            return out
        out.append(initiatives_table(self.d.initiatives, s, self.tr))
        return out

    # the closing, kept on one page with the signatures, place and date
    def closing(self) -> list[Flowable]:
        s, tr, h = self.s, self.tr, self.d.header
        number = 6 if self.d.annexes else 5
        text = " ".join(x for x in (narrative.recesses(self.d), narrative.closing(self.d)) if x)
        blank = "_" * 34

        def block(label: str, person) -> list:  # noqa: ANN001
            name = person.full_name if person else ""
            role = label + (f" — {person.delegation}" if person and person.delegation else "")
            return [blank, para(name, s.body), para(role, s.cell_muted)]

        lang = self.d.lang
        chair = block(narrative.chair_title(h.chair, lang), h.chair)
        secretary = block(narrative.secretary_title(h.secretary, lang), h.secretary)
        rows = [[chair[i], secretary[i]] for i in range(3)]
        signatures = Table(rows, colWidths=[WIDTH / 2, WIDTH / 2], style=TableStyle([
            ("FONT", (0, 0), (-1, -1), s.regular, 9),
            ("TOPPADDING", (0, 0), (-1, 0), 36),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]))
        return [KeepTogether([
            self.section(number, tr.translate("Minutes", "Closing")),
            para(text, s.body),
            Spacer(1, 8),
            para(narrative.signed_at(self.d), s.body),
            signatures,
        ])]


def minutes_story(data: MinutesData) -> list[Flowable]:
    return _Minutes(data, Styles()).story()


def render_minutes(data: MinutesData, out: Path, *, paper: str | None = None) -> None:
    """Lay out gathered minutes into ``out`` on ``paper`` (default: the event's)."""
    tr = in_language(data.lang)
    h = data.header
    build_pdf(
        Path(out), minutes_story(data),
        title=tr.translate("Minutes", "Minutes of session {number}: {title}").format(
            number=h.sitting_number, title=h.sitting_title),
        reference=h.reference,
        page_label=tr.translate("Minutes", "Page {page} of {pages}"),
        watermark="" if h.final else tr.translate("Minutes", "DRAFT"),
        subject=tr.translate("Minutes", "Minutes of the session"),
        author=h.event_name,
        lang=data.lang,
        paper=paper or h.paper,
    )


def write_minutes(db: Database, sitting_id: int, out: Path, *, lang: str = "es",
                  final: bool = False, paper: str | None = None) -> None:
    """The minutes of sitting ``sitting_id`` (its id) as a PDF in ``lang`` ("es" or "en"),
    on ``paper`` ("letter" or "a4"; default: the event's paper)."""
    if paper is not None:
        check_paper(paper)
    render_minutes(load_minutes(db, sitting_id, lang=lang, final=final), Path(out), paper=paper)
