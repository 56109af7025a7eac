"""Charts drawn with reportlab's own graphics, for the event report and the road map report.

:func:`load_chart_data` gathers the figures once (speaking time by delegation and by
gender, attendance per held sitting, commitments by stage and horizon) as plain data;
each ``*_chart`` turns one of them into a :class:`~reportlab.graphics.shapes.Drawing`,
a flowable that sits in a story beside the tables.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from sqlalchemy import func, select

from encounter_desk.chair.statistics import speaking_stats
from encounter_desk.core.colours import ACCENT, INK, MUTED
from encounter_desk.core.fonts import register_fonts
from encounter_desk.core.i18n import in_language
from encounter_desk.records.roadmap.commitments import commitments_in, horizon_label, stage_label
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import (
    GENDER_LABELS,
    Attendance,
    AttendanceStatus,
    Gender,
    Horizon,
    Participant,
    Sitting,
    Stage,
)

PALETTE = (ACCENT, colors.HexColor("#C8102E"), colors.HexColor("#6A8EAE"),
           colors.HexColor("#E0A030"))


@dataclass(frozen=True)
class ChartData:
    lang: str
    delegation_minutes: list[tuple[str, float]]
    gender_minutes: list[tuple[str, float]]
    attendance: list[tuple[str, int]]
    stages: list[str]
    """Stage labels, in order (the categories of the commitments chart)."""
    horizons: list[tuple[str, list[int]]]
    """(horizon label, commitments at each stage)."""


def load_chart_data(db: Database, lang: str) -> ChartData:
    tr = in_language(lang)
    stats = speaking_stats(db)
    with db.read() as session:
        genders = {pid: g for pid, g in session.execute(select(Participant.id, Participant.gender))}
        held = list(session.scalars(select(Sitting).where(Sitting.actual_start.is_not(None))
                                    .order_by(Sitting.number)))
        present = {sitting_id: count for sitting_id, count in session.execute(
            select(Attendance.sitting_id, func.count(Attendance.id))
            .where(Attendance.status == AttendanceStatus.PRESENT.value)
            .group_by(Attendance.sitting_id))}
        commitments = commitments_in(session)
    by_gender: dict[str, float] = {}
    for person in stats.people:
        key = genders.get(person.key) or Gender.OTHER.value
        by_gender[key] = by_gender.get(key, 0.0) + person.seconds / 60
    gender_rows = [(tr.translate("Gender", GENDER_LABELS[g]), round(by_gender.get(g.value, 0), 1))
                   for g in Gender if g.value in by_gender]
    stages = [s for s in Stage]
    horizons = []
    for horizon in Horizon:
        counts = [sum(1 for c in commitments if c.horizon is horizon and c.stage is s)
                  for s in stages]
        horizons.append((horizon_label(horizon, lang), counts))
    return ChartData(
        lang=lang,
        delegation_minutes=[(d.label(lang), round(d.seconds / 60, 1)) for d in stats.delegations],
        gender_minutes=gender_rows,
        attendance=[(tr.translate("Print", "S{number}").format(number=s.number),
                     present.get(s.id, 0)) for s in held],
        stages=[stage_label(s, lang) for s in stages],
        horizons=horizons,
    )


def _title(drawing: Drawing, text: str, width: float, height: float) -> None:
    _regular, bold = register_fonts()
    drawing.add(String(0, height - 11, text, fontName=bold, fontSize=9.5, fillColor=INK))


def _empty(width: float, title: str, note: str) -> Drawing:
    regular, _bold = register_fonts()
    d = Drawing(width, 40)
    _title(d, title, width, 40)
    d.add(String(0, 12, note, fontName=regular, fontSize=8, fillColor=MUTED))
    return d


def horizontal_bars(rows: list[tuple[str, float]], *, width: float, title: str,
                    empty: str, unit: str = "") -> Drawing:
    """One bar per row (label, value), longest labels on the left, values at the bar ends."""
    if not rows or not any(v for _l, v in rows):
        return _empty(width, title, empty)
    regular, _bold = register_fonts()
    bar = 13
    label_w = min(width * 0.38, 150)
    height = 24 + bar * len(rows) + 18
    d = Drawing(width, height)
    _title(d, title, width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_w, 14
    chart.width, chart.height = width - label_w - 40, bar * len(rows)
    chart.data = [[v for _l, v in reversed(rows)]]
    chart.categoryAxis.categoryNames = [label for label, _v in reversed(rows)]
    chart.categoryAxis.labels.fontName = regular
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = regular
    chart.valueAxis.labels.fontSize = 7
    chart.bars[0].fillColor = PALETTE[0]
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%s" + unit
    chart.barLabels.fontName = regular
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    d.add(chart)
    return d


def _columns(title: str, width: float, height: float, categories: list[str],
             data: list[list[float]], *, x: float, y: float, plot_width: float,
             label_size: float) -> tuple[Drawing, VerticalBarChart]:
    """A drawing with its title and a column chart of ``data`` over ``categories``."""
    regular, _bold = register_fonts()
    d = Drawing(width, height)
    _title(d, title, width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = x, y
    chart.width, chart.height = plot_width, height - y - 26
    chart.data = data
    chart.categoryAxis.categoryNames = categories
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = regular
        axis.labels.fontSize = label_size
    chart.valueAxis.valueMin = 0
    return d, chart


def vertical_bars(rows: list[tuple[str, float]], *, width: float, title: str,
                  empty: str) -> Drawing:
    if not rows:
        return _empty(width, title, empty)
    regular, _bold = register_fonts()
    d, chart = _columns(title, width, 130, [label for label, _v in rows],
                        [[v for _l, v in rows]], x=28, y=20,
                        plot_width=min(width - 40, 70 * len(rows)), label_size=7.5)
    chart.bars[0].fillColor = PALETTE[2]
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = regular
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 6
    d.add(chart)
    return d


def stages_chart(data: ChartData, *, width: float, title: str, empty: str) -> Drawing:
    """Commitments by stage reached, one bar per horizon in each stage."""
    if not any(sum(counts) for _h, counts in data.horizons):
        return _empty(width, title, empty)
    regular, _bold = register_fonts()
    height = 175
    d, chart = _columns(title, width, height, data.stages,
                        [counts for _h, counts in data.horizons], x=24, y=38,
                        plot_width=width - 30, label_size=7)
    chart.height = height - 76
    chart.categoryAxis.labels.angle = 25
    chart.categoryAxis.labels.boxAnchor = "ne"
    chart.valueAxis.valueStep = 1
    for index in range(len(data.horizons)):
        chart.bars[index].fillColor = PALETTE[index % len(PALETTE)]
        chart.bars[index].strokeColor = None
    d.add(chart)
    legend = Legend()
    legend.x, legend.y = 4, height - 22
    legend.fontName, legend.fontSize = regular, 7.5
    legend.columnMaximum = 1
    legend.alignment = "right"  # each swatch before its label, as a reader looks for it
    legend.colorNamePairs = [(PALETTE[i % len(PALETTE)], label)
                             for i, (label, _c) in enumerate(data.horizons)]
    # each entry as wide as the longest label, so a long one never runs into the next
    legend.deltax = max((stringWidth(label, regular, 7.5) for label, _c in data.horizons),
                        default=0) + legend.dx + legend.dxTextSpace + 16
    d.add(legend)
    return d


def speaking_charts(data: ChartData, width: float) -> list[Drawing]:
    """Speaking time by delegation and by gender, attendance per sitting."""
    tr = in_language(data.lang)
    none = tr.translate("Print", "Nobody has spoken yet.")
    minutes = tr.translate("Print", " min")
    return [
        horizontal_bars(data.delegation_minutes, width=width, unit=minutes, empty=none,
                        title=tr.translate("Print", "Speaking time by delegation (minutes)")),
        horizontal_bars(data.gender_minutes, width=width, unit=minutes, empty=none,
                        title=tr.translate("Print", "Speaking time by gender (minutes)")),
        vertical_bars(data.attendance, width=width,
                      empty=tr.translate("Print", "No session has been held yet."),
                      title=tr.translate("Print", "Participants present at each session")),
    ]


def commitments_chart(data: ChartData, width: float) -> Drawing:
    tr = in_language(data.lang)
    return stages_chart(data, width=width,
                        title=tr.translate("Print", "Commitments by stage reached and horizon"),
                        empty=tr.translate("Print", "No commitments yet."))
