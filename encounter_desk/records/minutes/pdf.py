"""The minutes of a sitting as PDF.

:func:`write_minutes` lays out a :class:`~encounter_desk.records.minutes.data.MinutesData` in the
order a secretariat expects (``shared/domain.md``): header, attendance, agenda,
interventions, speaking time, agreements and initiatives, adjournment, signatures. The
look it shares with the event report (styles, page furniture, chunked tables) is in
:mod:`encounter_desk.records.minutes.pdf_layout`; the event report itself is in
:mod:`encounter_desk.records.minutes.report_pdf` (:func:`write_event_report` is
importable from here too).
"""

from __future__ import annotations

from collections.abc import Iterable
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

from encounter_desk.core.i18n import in_language
from encounter_desk.core.paper import check_paper
from encounter_desk.records.minutes.data import MinutesData, load_minutes
from encounter_desk.records.minutes.pdf_layout import (
    ACCENT,
    OVER,
    WIDTH,
    Styles,
    build_pdf,
    chunked,
    heads,
    initiatives_table,
    keep_headings_with_content,
    para,
)
from encounter_desk.records.minutes.report_pdf import write_event_report
from encounter_desk.records.minutes.speech_data import AgendaSection, Intervention, TimeShare
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import AttendanceStatus

__all__ = ["minutes_story", "render_minutes", "write_event_report", "write_minutes"]


class _Minutes:
    def __init__(self, data: MinutesData, s: Styles) -> None:
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
            (tr.translate("Minutes", "Opened"), h.actual_start),
            (tr.translate("Minutes", "Adjourned"), h.adjourned or h.stage_text),
            (tr.translate("Minutes", "Chair"), who(h.chair)),
            (tr.translate("Minutes", "Secretary"), who(h.secretary)),
        ]
        rows = [[para(k, s.h3), para(v, s.body)] for k, v in pairs]
        approval = [para(h.approval_text, s.status)] if h.approval_text else []
        return [
            para(h.event_name, s.event),
            para(title, s.title),
            para(status, status_style),
            *approval,
            Table(rows, colWidths=[38 * mm, WIDTH - 38 * mm], style=s.keyvalue, hAlign="LEFT"),
        ]

    # 2. attendance
    def attendance(self) -> list[Flowable]:
        s, tr = self.s, self.tr
        out: list[Flowable] = [para(tr.translate("Minutes", "1. Attendance"), s.h1)]
        head = [tr.translate("Minutes", "Name"), tr.translate("Minutes", "Role"),
                tr.translate("Minutes", "Attendance"), tr.translate("Minutes", "Arrival")]
        widths = [62 * mm, WIDTH - 62 * mm - 44 * mm, 26 * mm, 18 * mm]
        summary = tr.translate(
            "Minutes", "present {present} · excused {excused} · absent {absent}")
        for block in self.d.attendance:
            out.append(CondPageBreak(30 * mm))
            out.append(para(block.heading, s.h2))
            for group in block.groups:
                counts = summary.format(present=group.present, excused=group.excused,
                                        absent=group.absent)
                heading = Paragraph(
                    f"{escape(group.name)} <font color='#5A5A5A' size='8'>"
                    f"({escape(counts)})</font>", s.h3)
                rows = []
                for line in group.lines:
                    style = s.cell if line.status is AttendanceStatus.PRESENT else s.cell_muted
                    rows.append([para(line.full_name, style), para(line.role, style) if line.role else "",
                                 line.status_text, line.arrival])
                tables = chunked(rows, head, widths, s)
                out.append(KeepTogether([heading, tables[0]]) if len(rows) <= 12
                           else heading)
                out.extend(tables[1:] if len(rows) <= 12 else tables)
        totals = self.d.totals
        assert totals is not None, "the minutes of a sitting not held are refused earlier"
        out.append(Spacer(1, 4))
        out.append(para(tr.translate("Minutes", "Totals"), s.h2))
        for line in totals.lines:
            out.append(para(line, s.body))
        out.append(Paragraph(f"<b>{escape(totals.quorum_text)}</b>", s.body))
        return out

    # 3. agenda
    def agenda(self) -> list[Flowable]:
        s = self.s
        out: list[Flowable] = [para(self.tr.translate("Minutes", "2. Agenda"), s.h1)]
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
        out: list[Flowable] = [para(tr.translate("Minutes", "3. Interventions"), s.h1)]
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
                out.append(para(none, s.cell_muted))
                continue
            rows = [self._intervention_row(i, over_label) for i in section.interventions]
            out.extend(chunked(rows, head, widths, s))
        return out

    def _item_heading(self, section: AgendaSection) -> Paragraph:
        if section.number is None:
            return para(section.title, self.s.h3)
        label = self.tr.translate("Minutes", "Item {number}. {title}")
        return para(label.format(number=section.number, title=section.title), self.s.h3)

    def _intervention_row(self, i: Intervention, over_label: str) -> list:
        s = self.s
        speaker = f"<b>{escape(i.full_name)}</b>"
        if i.delegation:
            speaker += f" — {escape(i.delegation)}"
        if i.summary:
            speaker += f"<br/>{escape(i.summary)}"
        duration: object = i.duration
        if i.over_time:
            duration = Paragraph(
                f"{i.duration}<br/><font color='#B00020'>{escape(i.over_by)} "
                f"{escape(over_label)}</font>", s.cell)
        return [str(i.number), i.start, Paragraph(speaker, s.cell), para(i.kind_text, s.cell),
                duration, i.language.upper()]

    # 5. speaking time
    def speaking_time(self) -> list[Flowable]:
        s, tr = self.s, self.tr
        out: list[Flowable] = [CondPageBreak(40 * mm),
                               para(tr.translate("Minutes", "4. Speaking time"), s.h1)]
        if not self.d.by_delegation:
            out.append(para(tr.translate("Minutes", "Nobody took the floor."), s.cell_muted))
            return out
        head_d = [tr.translate("Minutes", "Delegation"), tr.translate("Minutes", "Interventions"),
                  tr.translate("Minutes", "Speaking time"), tr.translate("Minutes", "Share")]
        head_g = [tr.translate("Minutes", "Gender"), *head_d[1:]]
        total = tr.translate("Minutes", "Total")
        out.append(para(tr.translate("Minutes", "By delegation"), s.h3))
        out.append(self._shares(self.d.by_delegation, head_d, total))
        out.append(para(tr.translate("Minutes", "By gender"), s.h3))
        out.append(self._shares(self.d.by_gender, head_g, total))
        return out

    def _shares(self, shares: Iterable[TimeShare], head: list[str], total: str) -> Table:
        s = self.s
        shares = list(shares)
        rows = [heads(head, s)] + [[para(x.label, s.cell), str(x.speeches), x.duration,
                                      x.share_text]
                         for x in shares]
        rows.append([total, str(sum(x.speeches for x in shares)), self.d.total_speaking,
                     "100 %" if self.d.lang == "es" else "100%"])
        return Table(rows, colWidths=[80 * mm, 28 * mm, 24 * mm, 24 * mm],
                     style=s.totals_row, hAlign="LEFT", repeatRows=1)

    # 6. agreements and initiatives
    def agreements(self) -> list[Flowable]:
        s, tr = self.s, self.tr
        out: list[Flowable] = [para(tr.translate("Minutes", "5. Agreements"), s.h1)]
        if not self.d.agreements:
            out.append(para(tr.translate("Minutes", "No agreements were recorded."), s.cell_muted))
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
            out.append(para(tr.translate("Minutes", "Annex {number}: {title}").format(
                number=n, title=a.annex_title), s.h2))
            out.append(Paragraph(escape(a.text).replace("\n", "<br/>"), s.body))
        return out

    def initiatives(self) -> list[Flowable]:
        s, tr = self.s, self.tr
        out: list[Flowable] = [
            para(tr.translate("Minutes", "6. Legislative initiatives pledged in this session"),
               s.h1)]
        if not self.d.initiatives:
            out.append(para(tr.translate("Minutes", "No initiatives were pledged."), s.cell_muted))
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
        recess = tr.translate("Minutes", "The session was suspended from {start} to {end}.")
        lasting = tr.translate("Minutes", "The session has been suspended since {start}.")
        for start, end in h.recesses:
            text += " " + (recess.format(start=start, end=end) if end
                           else lasting.format(start=start))
        blank = "_" * 34

        def block(label: str, person) -> list:  # noqa: ANN001
            name = person.full_name if person else ""
            role = f"{label}" + (f" — {person.delegation}" if person and person.delegation else "")
            return [blank, para(name, s.body), para(role, s.cell_muted)]

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
            para(tr.translate("Minutes", "7. Adjournment"), s.h1),
            para(text, s.body),
            KeepTogether([para(tr.translate("Minutes", "Signatures"), s.h2), signatures]),
        ]


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
