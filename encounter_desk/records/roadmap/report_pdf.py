"""The road map report (PDF): where each commitment stands, for the next encounter.

A summary with the chart of commitments by stage and horizon; the matrix by delegation
(canonical order) and horizon with the stage each commitment reached, how far it moved
since the encounter and the overdue ones marked; then every commitment in full with its
indicator, focal point and the history of its stages. :func:`roadmap_story` is also the
road map section of the event report.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from encounter_desk.core.colours import ALERT
from encounter_desk.core.i18n import in_language
from encounter_desk.records.minutes.context import long_date
from encounter_desk.records.minutes.pdf_layout import (
    Styles,
    heads,
    keep_headings_with_content,
    para,
)
from encounter_desk.records.print_shop.charts import (
    ChartData,
    commitments_chart,
    load_chart_data,
)
from encounter_desk.records.print_shop.event_facts import event_facts
from encounter_desk.records.print_shop.paper import build_document, event_paper, text_width
from encounter_desk.records.roadmap.commitments import (
    Commitment,
    commitments_in,
    horizon_label,
    instrument_label,
    source_label,
    stage_label,
    today_at_venue,
)
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import Horizon, Stage


def _short_date(day: dt.date | None) -> str:
    return day.isoformat() if day else "—"


def _stage_cell(c: Commitment, today: dt.date, lang: str) -> str:
    tr = in_language(lang)
    text = f"<b>{escape(stage_label(c.stage, lang))}</b>"
    if c.steps_forward:
        text += " " + escape(tr.translate("Roadmap", "▲{steps} since the encounter")
                             .format(steps=c.steps_forward))
    if c.overdue(today):
        overdue = tr.translate("Roadmap", "OVERDUE")
        text += (f' <font color="{ALERT.hexval().replace("0x", "#")}"><b>'
                 f'{escape(overdue)}</b></font>')
    return text


def matrix(commitments: list[Commitment], today: dt.date, lang: str, s: Styles,
           width: float) -> Table:
    """Rows: delegations in canonical order; columns: the horizons."""
    tr = in_language(lang)
    horizons = list(Horizon)
    head = [tr.translate("Roadmap", "Delegation"),
            *[horizon_label(h, lang) for h in horizons]]
    rows = [heads(head, s)]
    order: list[tuple[int, str]] = []
    cells: dict[tuple[int, Horizon], list[str]] = {}
    names: dict[int, str] = {}
    for c in commitments:
        if c.delegation_id not in names:
            order.append((c.delegation_id, c.delegation(lang)))
            names[c.delegation_id] = c.delegation(lang)
        number = f"{commitments.index(c) + 1}."
        line = (f"{number} {escape(instrument_label(c.instrument, lang))} · "
                f"{_short_date(c.target_date)}<br/>{_stage_cell(c, today, lang)}")
        cells.setdefault((c.delegation_id, c.horizon), []).append(line)
    for delegation_id, name in order:
        rows.append([para(name, s.cell), *[
            Paragraph("<br/>".join(cells.get((delegation_id, h), ["—"])), s.cell)
            for h in horizons]])
    first = 34 * mm
    rest = (width - first) / len(horizons)
    return Table(rows, colWidths=[first, *[rest] * len(horizons)], style=s.table_head,
                 repeatRows=1)


def commitment_block(number: int, c: Commitment, today: dt.date, lang: str, s: Styles,
                     width: float) -> list[Flowable]:
    tr = in_language(lang)
    head = Paragraph(f"{number}. {escape(c.text(lang))}", s.h3)
    facts = [
        (tr.translate("Roadmap", "Delegation"), escape(c.delegation(lang))),
        (tr.translate("Roadmap", "Instrument"), escape(instrument_label(c.instrument, lang))),
        (tr.translate("Roadmap", "Lawmakers"), escape(c.sponsors or "—")),
        (tr.translate("Roadmap", "Horizon"), escape(tr.translate(
            "Roadmap", "{horizon}, target date {date}").format(
            horizon=horizon_label(c.horizon, lang), date=_short_date(c.target_date)))),
        (tr.translate("Roadmap", "Stage"), escape(tr.translate(
            "Roadmap", "at the encounter: {then}; now: ").format(
            then=stage_label(c.stage_at_encounter, lang))) + _stage_cell(c, today, lang)),
        (tr.translate("Roadmap", "Indicator"), escape(c.indicator or "—")),
        (tr.translate("Roadmap", "Focal point"),
         escape(" · ".join(x for x in (c.focal_name, c.focal_email) if x) or "—")),
    ]
    table = Table([[para(k, s.cell_head), Paragraph(v, s.cell)] for k, v in facts],
                  colWidths=[32 * mm, width - 32 * mm], style=s.table)
    out: list[Flowable] = [head, table]
    if c.history:
        rows = [heads([tr.translate("Roadmap", "Date"), tr.translate("Roadmap", "Stage"),
                       tr.translate("Roadmap", "Source"), tr.translate("Roadmap", "Entered by"),
                       tr.translate("Roadmap", "Note")], s)]
        for step in c.history:
            source = source_label(step.source, lang)
            if step.source_detail:
                source = f"{source}: {step.source_detail}"
            rows.append([step.changed_on.isoformat(), para(stage_label(step.stage, lang), s.cell),
                         para(source, s.cell_muted), para(step.entered_by, s.cell_muted),
                         para(step.note, s.cell)])
        out.append(Spacer(1, 2))
        out.append(Table(rows, colWidths=[20 * mm, 26 * mm, 52 * mm, 32 * mm,
                                          width - 130 * mm], style=s.table_head, repeatRows=1))
    out.append(Spacer(1, 5))
    return out


def summary_text(commitments: list[Commitment], today: dt.date, lang: str) -> str:
    tr = in_language(lang)
    delegations = len({c.delegation_id for c in commitments})
    moved = sum(1 for c in commitments if c.steps_forward)
    done = sum(1 for c in commitments if c.stage in (Stage.APPROVED, Stage.ENACTED))
    overdue = sum(1 for c in commitments if c.overdue(today))
    return tr.translate(
        "Roadmap", "{count} commitments of {delegations} delegations. Since the encounter, "
        "{moved} moved forward and {done} were approved or enacted; {overdue} are past their "
        "target date without being approved.").format(
        count=len(commitments), delegations=delegations, moved=moved, done=done,
        overdue=overdue)


def roadmap_story(commitments: list[Commitment], charts: ChartData, today: dt.date,
                  lang: str, s: Styles, width: float, *, heading_style=None) -> list[Flowable]:  # noqa: ANN001
    """The road map as a part of a document: summary, chart, matrix, each commitment."""
    tr = in_language(lang)
    h = heading_style or s.h1
    if not commitments:
        return [para(tr.translate("Roadmap", "No commitments were made."), s.cell_muted)]
    out: list[Flowable] = [
        para(summary_text(commitments, today, lang), s.body), Spacer(1, 4),
        commitments_chart(charts, width),
        para(tr.translate("Roadmap", "By delegation and horizon"), h),
        matrix(commitments, today, lang, s, width),
    ]
    # the heading goes with the first commitment: never alone at the foot of a page
    lead = [para(tr.translate("Roadmap", "Each commitment and its history"), h)]
    for number, c in enumerate(commitments, start=1):
        out.append(KeepTogether([*lead, *commitment_block(number, c, today, lang, s, width)]))
        lead = []
    return out


def write_roadmap_report(db: Database, out: Path, *, lang: str = "es",
                         paper: str | None = None) -> int:
    """Write the road map report; returns the number of commitments in it."""
    s = Styles()
    tr = in_language(lang)
    paper = event_paper(db, paper)
    width = text_width(paper)
    with db.read() as session:
        facts = event_facts(session, lang)
        today = today_at_venue(session, db.clock())
        commitments = commitments_in(session)
    charts = load_chart_data(db, lang)
    story: list[Flowable] = [
        para(facts.name, s.event),
        para(tr.translate("Roadmap", "Road map of legislative commitments"), s.title),
        para(f"{facts.place} · {facts.dates}",
             ParagraphStyle("c", parent=s.body, alignment=TA_CENTER)),
        para(tr.translate("Roadmap", "Situation on {date}").format(date=long_date(today, lang)),
             ParagraphStyle("c2", parent=s.status)),
        *roadmap_story(commitments, charts, today, lang, s, width),
    ]
    build_document(out, keep_headings_with_content(story, s), paper=paper,
                   title=tr.translate("Roadmap", "Road map of legislative commitments"),
                   reference=facts.code,
                   page_label=tr.translate("Minutes", "Page {page} of {pages}"), lang=lang)
    return len(commitments)
