"""Paper sizes and the numbered page every print-shop document shares.

The paper is the event's (:func:`event_paper`, the rule the minutes use) unless a
command chooses ``paper="letter"|"a4"``.
:func:`build_document` lays a platypus story out on the chosen paper with "page X of Y"
and the event's reference at the foot of each page (drawn once, stamped when the total
is known).
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from encounter_desk.core.files import atomic_output
from encounter_desk.core.fonts import register_fonts
from encounter_desk.core.page_canvas import CountedPagesCanvas
from encounter_desk.core.paper import check_paper, paper_of
from encounter_desk.core.paper import page_size as core_page_size
from encounter_desk.core.progress import Progress, layout_steps, or_quiet
from encounter_desk.event.event import load_event

DEFAULT_PAPER = "letter"
MARGIN = 18 * mm


def event_paper(db, paper: str | None = None) -> str:  # noqa: ANN001
    """``paper`` when given, else the event's paper (as the minutes use: :func:`paper_of`)."""
    if paper:
        return check_paper(paper)
    event = load_event(db)
    return paper_of(event.paper, event.country) if event is not None else DEFAULT_PAPER


def page_size(paper: str) -> tuple[float, float]:
    """(width, height) in points of ``paper`` ("letter" or "a4"; a Refusal otherwise)."""
    return core_page_size(paper or DEFAULT_PAPER)


def text_width(paper: str) -> float:
    return page_size(paper)[0] - 2 * MARGIN


def _numbered(reference: str, page_label: str, font: str):  # noqa: ANN202
    class _Numbered(CountedPagesCanvas):
        def stamp(self, number: int, total: int) -> None:
            self.foot(reference=reference, page=page_label.format(page=number, pages=total),
                      font=font, margin=MARGIN, rule_y=13 * mm, text_y=9 * mm)

    return _Numbered


def build_document(out: Path, story: list[Flowable], *, paper: str, title: str,
                   reference: str, page_label: str, lang: str,
                   landscape_pages: bool = False, progress: Progress | None = None) -> None:
    """Write ``story`` to ``out`` on ``paper`` with numbered pages; ``progress`` hears of
    the layout (cancelling it leaves no file)."""
    size = page_size(paper)
    if landscape_pages:
        size = (size[1], size[0])
    font = register_fonts()[0]
    with atomic_output(Path(out)) as tmp:
        _build(tmp, story, size=size, font=font, title=title, reference=reference,
               page_label=page_label, lang=lang, progress=or_quiet(progress))


def _build(path: Path, story: list[Flowable], *, size: tuple[float, float], font: str,
           title: str, reference: str, page_label: str, lang: str,
           progress: Progress) -> None:
    doc = BaseDocTemplate(str(path), pagesize=size, leftMargin=MARGIN, rightMargin=MARGIN,
                          topMargin=16 * mm, bottomMargin=18 * mm, title=title,
                          author=reference, subject=reference, lang=lang)
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], pagesize=size)])
    doc.setProgressCallBack(layout_steps(progress, title))
    doc.build(story, canvasmaker=_numbered(reference, page_label, font))
