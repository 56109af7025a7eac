"""Certificates of attendance (PDF): one page for each participant who attended at least
one sitting, listing the sittings with their dates.

A certificate is written in the participant's language: the person's own (Spanish or
English, see ``Participant.language``, changed in the participant's record), else their
delegation's document language (see
:func:`~encounter_desk.records.roadmap.commitments.document_language`); ``lang`` forces one
language for all. It names the encounter, its place and dates, and carries the signature
lines of the Presidency Pro Tempore and the Technical Secretariat (their heads of
delegation, when registered).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph
from sqlalchemy import select
from sqlalchemy.orm import Session

from encounter_desk.core.colours import ACCENT, INK
from encounter_desk.core.files import atomic_output
from encounter_desk.core.fonts import register_fonts
from encounter_desk.core.i18n import in_language, pick, translate
from encounter_desk.core.progress import Progress, or_quiet
from encounter_desk.desk.badge_pdf import draw_flag, fit_text
from encounter_desk.event.event import require_event
from encounter_desk.records.minutes.context import long_date
from encounter_desk.records.print_shop.event_facts import EventFacts, event_facts
from encounter_desk.records.print_shop.paper import event_paper, page_size
from encounter_desk.records.roadmap.commitments import document_language
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import (
    Attendance,
    AttendanceStatus,
    Delegation,
    DelegationKind,
    Participant,
    Sitting,
)

GOLD = colors.HexColor("#B08D3C")


@dataclass(frozen=True)
class SittingAttended:
    number: int
    title_es: str
    title_en: str
    date: dt.date


@dataclass(frozen=True)
class Certificate:
    participant_id: int
    name: str
    """Title and full name, as printed."""
    delegation_es: str
    delegation_en: str
    flag: str | None
    role: str
    lang: str
    sittings: tuple[SittingAttended, ...]


@dataclass(frozen=True)
class Signatory:
    name: str
    office_es: str
    office_en: str


def person_language(person: Participant, delegation: Delegation | None) -> str:
    """The language of a person's documents: their own if Spanish or English, else their
    delegation's."""
    if person.language in ("es", "en"):
        return person.language
    return document_language(delegation) if delegation is not None else "es"


def certificates_in(session: Session, *, lang: str | None = None) -> list[Certificate]:
    """Everyone present at one sitting at least, in canonical order then by surname."""
    sittings = {s.id: s for s in session.scalars(select(Sitting))}
    attended: dict[int, list[Sitting]] = {}
    for a in session.scalars(select(Attendance).where(
            Attendance.status == AttendanceStatus.PRESENT.value)):
        attended.setdefault(a.participant_id, []).append(sittings[a.sitting_id])
    if not attended:
        return []
    delegations = {d.id: d for d in session.scalars(select(Delegation))}
    people = session.scalars(select(Participant).where(Participant.id.in_(list(attended))))
    out = []
    order: dict[int, tuple] = {}
    for p in people:
        d = delegations.get(p.delegation_id) if p.delegation_id else None
        order[p.id] = (d.canonical_order if d else 999, p.sort_key, p.id)
        out.append(Certificate(
            participant_id=p.id,
            name=" ".join(x for x in (p.title, p.display_name) if x),
            delegation_es=d.name_es if d else "", delegation_en=d.name_en if d else "",
            flag=d.iso2 if d and d.is_member else None,
            role=", ".join(x for x in (p.position, p.institution) if x),
            lang=lang or person_language(p, d),
            sittings=tuple(SittingAttended(s.number, s.title_es, s.title_en, s.date)
                           for s in sorted(attended[p.id], key=lambda s: s.number)),
        ))
    out.sort(key=lambda c: order[c.participant_id])
    return out


def signatories(session: Session) -> list[Signatory]:
    """The Presidency Pro Tempore and the Technical Secretariat, with their heads' names."""
    out = []
    for kind, es, en in (
        (DelegationKind.PRESIDENCY, "Presidencia Pro Tempore", "Presidency Pro Tempore"),
        (DelegationKind.SECRETARIAT, "Secretaría Técnica", "Technical Secretariat"),
    ):
        delegation = session.scalars(select(Delegation).where(Delegation.kind == kind.value)).first()
        head = None
        if delegation is not None:
            head = session.scalars(select(Participant).where(
                Participant.delegation_id == delegation.id)
                .order_by(Participant.is_head_of_delegation.desc(), Participant.id)).first()
            es, en = delegation.name_es, delegation.name_en
        name = " ".join(x for x in (head.title, head.display_name) if x) if head else ""
        out.append(Signatory(name, es, en))
    return out


def draw_certificate(c: Canvas, cert: Certificate, facts: EventFacts, signers: list[Signatory],
                     size: tuple[float, float], issued: dt.date) -> None:
    regular, bold = register_fonts()
    tr = in_language(cert.lang)
    width, height = size
    c.setStrokeColor(ACCENT)
    c.setLineWidth(2)
    c.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)
    c.setStrokeColor(GOLD)
    c.setLineWidth(0.7)
    c.rect(15 * mm, 15 * mm, width - 30 * mm, height - 30 * mm)
    inner = width - 60 * mm
    left = 30 * mm

    def block(text: str, style: ParagraphStyle, top: float) -> float:
        p = Paragraph(text, style)
        _w, h = p.wrap(inner, height)
        p.drawOn(c, left, top - h)
        return top - h

    centred = ParagraphStyle("c", fontName=regular, fontSize=11, leading=15, alignment=TA_CENTER,
                             textColor=INK)
    y = height - 32 * mm
    y = block(escape(facts.name), ParagraphStyle("e", parent=centred, fontName=bold,
                                                  fontSize=13, leading=17, textColor=ACCENT), y)
    y -= 12 * mm
    y = block(escape(tr.translate("Print", "CERTIFICATE OF ATTENDANCE")),
              ParagraphStyle("t", parent=centred, fontName=bold, fontSize=22, leading=26), y)
    y -= 10 * mm
    y = block(escape(tr.translate("Print", "This is to certify that")), centred, y)
    y -= 5 * mm
    size_pt, lines = fit_text(cert.name, bold, width=inner, height=24 * mm, max_size=24,
                              min_size=14, max_lines=2)
    c.setFont(bold, size_pt)
    c.setFillColor(INK)
    for line in lines:
        y -= size_pt * 1.2
        c.drawCentredString(width / 2, y, line)
    y -= 4 * mm
    delegation = pick(cert.lang, cert.delegation_es, cert.delegation_en)
    if cert.flag and draw_flag(c, cert.flag, width / 2 - 6 * mm, y - 9 * mm, 12 * mm, 9 * mm):
        y -= 11 * mm
    if delegation:
        y = block(escape(delegation), ParagraphStyle("d", parent=centred, fontName=bold), y)
    if cert.role:
        y = block(escape(cert.role), ParagraphStyle("r", parent=centred, fontSize=9.5,
                                                   leading=12, textColor=colors.HexColor("#555555")), y)
    y -= 8 * mm
    if len(cert.sittings) == 1:
        text = tr.translate("Print", "attended the following session of the encounter, held "
                            "in {place}, {dates}:")
    else:
        text = tr.translate("Print", "attended the following {count} sessions of the "
                            "encounter, held in {place}, {dates}:")
    text = text.format(count=len(cert.sittings), place=facts.city or facts.place,
                       dates=facts.dates)
    y = block(escape(text), centred, y)
    y -= 4 * mm
    listed = ParagraphStyle("l", parent=centred, fontSize=10, leading=13.5)
    for s in cert.sittings:
        line = tr.translate("Print", "Session {number}: {title} — {date}").format(
            number=s.number, title=pick(cert.lang, s.title_es, s.title_en),
            date=long_date(s.date, cert.lang))
        y = block(escape(line), listed, y)
    y -= 8 * mm
    block(escape(tr.translate("Print", "{place}, {date}").format(
        place=facts.city or facts.place, date=long_date(issued, cert.lang))), centred, y)
    # the signature lines
    line_w = (width - 2 * left - 20 * mm) / 2
    base = 42 * mm
    for index, signer in enumerate(signers[:2]):
        x = left + index * (line_w + 20 * mm)
        c.setStrokeColor(INK)
        c.setLineWidth(0.6)
        c.line(x, base, x + line_w, base)
        c.setFillColor(INK)
        c.setFont(bold, 9)
        if signer.name:
            c.drawCentredString(x + line_w / 2, base - 4.5 * mm, signer.name)
        office = pick(cert.lang, signer.office_es, signer.office_en)
        p = Paragraph(escape(office), ParagraphStyle("s", fontName=regular, fontSize=8.5,
                                                     leading=10.5, alignment=TA_CENTER))
        _w, h = p.wrap(line_w, 30 * mm)
        p.drawOn(c, x, base - 6 * mm - h - (0 if signer.name else -4 * mm))
    c.setFont(regular, 7)
    c.setFillColor(colors.HexColor("#777777"))
    c.drawRightString(width - 20 * mm, 19 * mm, f"{facts.code} · {cert.participant_id}")


def write_certificates(db: Database, out: Path, *, lang: str | None = None,
                       paper: str | None = None,
                       participant_ids: list[int] | None = None,
                       progress: Progress | None = None) -> int:
    """Write the certificates; returns how many (0: nobody attended, an empty file is not
    written). ``participant_ids`` limits them to some people (a preview, a reprint).
    ``progress`` hears of every page (cancelling it leaves no file)."""
    progress = or_quiet(progress)
    paper = event_paper(db, paper)
    size = page_size(paper)
    with db.read() as session:
        certs = certificates_in(session, lang=lang)
        facts = {code: event_facts(session, code) for code in ("es", "en")}
        signers = signatories(session)
        issued = require_event(session).end_date
    if participant_ids is not None:
        wanted = set(participant_ids)
        certs = [cert for cert in certs if cert.participant_id in wanted]
    if not certs:
        return 0
    with atomic_output(Path(out)) as tmp:
        c = Canvas(str(tmp), pagesize=size)
        c.setTitle(in_language(lang or "es").translate("Print", "CERTIFICATE OF ATTENDANCE"))
        drawn = progress.steps(len(certs), translate(
            "Print", "Drawing {count} certificates…").format(count=len(certs)))
        for done, cert in enumerate(certs, start=1):
            draw_certificate(c, cert, facts[cert.lang], signers, size, issued)
            c.showPage()
            drawn(done)
        progress.saving(Path(out).name)
        c.save()
    return len(certs)
