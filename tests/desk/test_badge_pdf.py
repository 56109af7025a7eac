"""Badge sheets: layouts, names that fit, accents, flags, and QR codes that decode and admit."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics
from sqlalchemy import select

from encounter_desk.core.errors import Refusal
from encounter_desk.core.fonts import BOLD, register_fonts
from encounter_desk.desk import badge_pdf as badge_sheets
from encounter_desk.desk import badges, checkin, scan_log
from encounter_desk.desk.badge_pdf import fit_text, write_badges
from encounter_desk.desk.verdict import VerdictKind
from encounter_desk.event import event as events
from encounter_desk.event.countries import RCM_MEMBERS
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import Delegation, Participant

LONG = ("María Fernanda de los Ángeles", "Rodríguez-Saavedra", "Villalobos Núñez")


def _event(db: Database) -> list[int]:
    events.create_event(
        db,
        events.EventDetails(
            code="RCM-EP-2026", name_es="Encuentro Parlamentario", name_en="Parliamentary Encounter",
            start_date=dt.date(2026, 12, 1), end_date=dt.date(2026, 12, 3),
        ),
    )
    ids = []
    with db.write() as s:
        delegations = {d.code: d for d in s.scalars(select(Delegation))}
        people = []
        for i, preset in enumerate(RCM_MEMBERS):
            given, first, second = LONG if i == 0 else (f"Ñusta {i}", "Güemes", "Ibáñez")
            people.append(Participant(title="Dip.", given_names=given, first_surname=first,
                                      second_surname=second, delegation=delegations[preset.code],
                                      position="Presidenta de la Comisión de Migración"))
        people.append(Participant(given_names="Jean-François", first_surname="Lévesque-Côté",
                                  delegation=delegations["OI"], category="international",
                                  institution="Organización Internacional para las Migraciones"))
        s.add_all(people)
        s.flush()
        ids = [p.id for p in people]
    return ids


def _render(pdf: Path, tmp_path: Path, dpi: int = 150) -> list[Path]:
    if shutil.which("pdftoppm") is None:
        pytest.fail("pdftoppm is missing: install poppler-utils")
    prefix = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(prefix)], check=True)
    return sorted(tmp_path.glob("page*.png"))


def _pdf_text(pdf: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())


def test_a4_sheets_hold_eight_badges_with_accents_and_every_delegation(db, tmp_path):
    ids = _event(db)
    out = tmp_path / "badges.pdf"
    assert write_badges(db, out, layout="a4-8", lang="es") == len(ids) == 12
    reader = PdfReader(out)
    assert len(reader.pages) == 2
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(float(width)), round(float(height))) == (595, 842)  # A4 in points
    text = _pdf_text(out)
    for word in ("Ángeles", "Rodríguez-Saavedra", "Núñez", "Güemes", "Lévesque-Côté",
                 "República Dominicana", "Panamá", "Canadá", "Belice",
                 "Organización Internacional para las Migraciones", "Encuentro Parlamentario"):
        assert word in text, word
    # every member's flag image is embedded once, however many badges show it
    page_images = sum(len(page.images) for page in reader.pages)
    assert page_images == len(RCM_MEMBERS)


def test_a6_one_badge_a_page_in_english(db, tmp_path):
    ids = _event(db)
    out = tmp_path / "a6.pdf"
    assert write_badges(db, out, ids[:3], layout="a6", lang="en") == 3
    reader = PdfReader(out)
    assert len(reader.pages) == 3
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (298, 420)  # A6
    text = _pdf_text(out)
    assert "Belize" in text and "Canada" in text and "December" in text


def test_qr_round_trips_through_the_rendered_page_to_an_admission(db, tmp_path):
    ids = _event(db)
    out = tmp_path / "sheet.pdf"
    write_badges(db, out, ids[:8], layout="a4-8")
    [page] = _render(out, tmp_path)
    decoded = [r.text for r in zxingcpp.read_barcodes(Image.open(page))
               if r.format == zxingcpp.BarcodeFormat.QRCode]
    expected = [badges.badge_code_for(db, pid) for pid in ids[:8]]
    assert sorted(decoded) == sorted(expected)
    for text in decoded:
        assert checkin.check_in(db, text, desk="Desk 1").kind in (
            VerdictKind.ADMITTED, VerdictKind.ADMITTED_ATTENTION)
    assert scan_log.counts(db).checked_in == 8


def test_a6_qr_decodes_at_low_resolution(db, tmp_path):
    ids = _event(db)
    out = tmp_path / "one.pdf"
    write_badges(db, out, [ids[4]], layout="a6")
    [page] = _render(out, tmp_path, dpi=72)
    [result] = zxingcpp.read_barcodes(Image.open(page))
    assert result.text == badges.badge_code_for(db, ids[4])


def test_reissued_badge_prints_the_new_code(db, tmp_path):
    ids = _event(db)
    old = badges.badge_code_for(db, ids[1])
    badges.reissue_badge(db, ids[1])
    out = tmp_path / "new.pdf"
    write_badges(db, out, [ids[1]], layout="a6")
    [page] = _render(out, tmp_path)
    [result] = zxingcpp.read_barcodes(Image.open(page))
    assert result.text != old
    assert checkin.check_in(db, result.text, desk="D").kind is VerdictKind.ADMITTED
    assert checkin.check_in(db, old, desk="D").kind is VerdictKind.REPLACED


def test_unknown_participant_or_layout_writes_nothing(db, tmp_path):
    _event(db)
    out = tmp_path / "none.pdf"
    with pytest.raises(badges.BadgeError, match="no participant number 999"):
        write_badges(db, out, [1, 999])
    with pytest.raises(badges.BadgeError, match="layout"):
        write_badges(db, out, layout="letter")
    assert not out.exists()
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob(".*.tmp"))


def test_no_participants_is_a_clear_error(db, tmp_path):
    events.create_event(db, events.EventDetails(
        code="E", name_es="E", name_en="E", start_date=dt.date(2026, 1, 1),
        end_date=dt.date(2026, 1, 1)))
    with pytest.raises(badges.BadgeError, match="no participants"):
        write_badges(db, tmp_path / "x.pdf")


@pytest.mark.parametrize(
    "name",
    [
        "Ana Paz",
        " ".join(LONG),
        "María de la Concepción Guadalupe Fernández de Córdoba y Sánchez-Villaseñor",
        "Wolfeschlegelsteinhausenbergerdorff Ñandú",
        "Xi",
    ],
)
def test_names_shrink_then_wrap_and_are_never_cut(name):
    register_fonts()
    width, height = 140.0, 60.0
    size, lines = fit_text(name, BOLD, width=width, height=height, max_size=17, min_size=12)
    assert " ".join(lines).replace(" ", "") == name.replace(" ", "")  # every letter kept
    assert 1 <= len(lines) <= 3 or size == 4.0
    for line in lines:
        assert pdfmetrics.stringWidth(line, BOLD, size) <= width + 0.01
    if pdfmetrics.stringWidth(name, BOLD, 12) <= width:
        assert len(lines) == 1  # shrink first, then wrap


def test_every_member_country_has_a_flag():
    for preset in RCM_MEMBERS:
        assert badge_sheets.flag_image(preset.iso2) is not None, preset.iso2
    assert badge_sheets.flag_image("zz") is None


def test_letter_sheets_for_mexico_hold_eight_badges_that_all_decode(db, tmp_path):
    ids = _event(db)
    details = events.EventDetails.of(events.load_event(db))
    details.country = "México"  # no paper chosen: the country's, Letter
    events.update_event(db, details)
    out = tmp_path / "letter.pdf"
    write_badges(db, out, ids[:8], layout="a4-8")
    [page] = PdfReader(out).pages
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (612, 792)
    [png] = _render(out, tmp_path)
    decoded = [r.text for r in zxingcpp.read_barcodes(Image.open(png))
               if r.format == zxingcpp.BarcodeFormat.QRCode]
    assert sorted(decoded) == sorted(badges.badge_code_for(db, pid) for pid in ids[:8])
    # The last row and its cut marks stay inside the page (the old A4 grid ran off Letter).
    text = PdfReader(out).pages[0].extract_text()
    assert "Ñusta 7" in text
    # A command's --paper wins over the event's.
    write_badges(db, out, ids[:8], layout="a4-8", paper="a4")
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    with pytest.raises(Refusal) as refused:
        write_badges(db, out, ids[:8], paper="legal")
    assert refused.value.code == "paper.unknown"
