"""The list of participants (PDF), the annex of every final report.

By delegation in canonical order, heads of delegation first, then by surname: title,
name, position, institution or committee, email. ``public=True`` leaves the contact
details out, for a version to publish. Staff and press are not listed.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph
from sqlalchemy import select

from encounter_desk.core.i18n import in_language
from encounter_desk.core.progress import Progress
from encounter_desk.event.countries import in_canonical_order
from encounter_desk.records.attendance import NOT_EXPECTED
from encounter_desk.records.minutes.pdf_layout import Styles, chunked, para
from encounter_desk.records.print_shop.event_facts import event_facts
from encounter_desk.records.print_shop.paper import build_document, event_paper, text_width
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import Participant


def participant_groups(session, lang: str) -> list[tuple[str, list[Participant]]]:  # noqa: ANN001
    """(delegation name, its people: heads first, then by surname), canonical order."""
    out = []
    for d in in_canonical_order(session):
        people = list(session.scalars(
            select(Participant).where(Participant.delegation_id == d.id,
                                      Participant.category.not_in(NOT_EXPECTED))
            .order_by(Participant.is_head_of_delegation.desc(), Participant.sort_key,
                      Participant.id)))
        if people:
            out.append((d.name(lang), people))
    return out


def write_participants_list(db: Database, out: Path, *, lang: str = "es",
                            paper: str | None = None, public: bool = False,
                            progress: Progress | None = None) -> int:
    """Write the list; returns how many people it names. ``progress`` hears of the layout
    (cancelling it leaves no file)."""
    s = Styles()
    tr = in_language(lang)
    paper = event_paper(db, paper)
    width = text_width(paper)
    head = [tr.translate("Print", "Name"), tr.translate("Print", "Position"),
            tr.translate("Print", "Institution / committee")]
    if public:
        widths = [62 * mm, 50 * mm, width - 112 * mm]
    else:
        head.append(tr.translate("Print", "Email"))
        widths = [52 * mm, 40 * mm, width - 142 * mm, 50 * mm]
    title = tr.translate("Print", "List of participants")
    with db.read() as session:
        facts = event_facts(session, lang)
        groups = participant_groups(session, lang)
        story: list[Flowable] = [
            para(facts.name, s.event), para(title, s.title),
            para(f"{facts.place} · {facts.dates}", s.status),
        ]
        count = 0
        for name, people in groups:
            rows = []
            for p in people:
                who = escape(" ".join(x for x in (p.title, p.display_name) if x))
                if p.is_head_of_delegation:
                    leads = tr.translate("Print", "Head of delegation")
                    who = f"<b>{who}</b><br/>{escape(leads)}"
                where = "; ".join(x for x in (p.institution, p.committee) if x)
                row = [Paragraph(who, s.cell), para(p.position, s.cell), para(where, s.cell)]
                if not public:
                    row.append(para(p.email, s.cell))
                rows.append(row)
            count += len(rows)
            story.append(CondPageBreak(30 * mm))
            story.append(para(f"{name} ({len(rows)})", s.h2))
            story.extend(chunked(rows, head, widths, s))
    build_document(out, story, paper=paper, title=title, reference=facts.code,
                   page_label=tr.translate("Minutes", "Page {page} of {pages}"), lang=lang,
                   progress=progress)
    return count
