"""The minutes and the event report, read back from the PDF: the facts, not just a file."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from encounter_desk.core.i18n import in_language
from encounter_desk.demo import build as demo
from encounter_desk.records import attendance
from encounter_desk.records.minutes.data import load_minutes
from encounter_desk.records.minutes.pdf import write_minutes
from encounter_desk.records.minutes.report_pdf import write_event_report
from encounter_desk.records.register import RecordsError
from encounter_desk.storage.models import Sitting


@pytest.fixture
def demo_db(db):
    demo.build_demo(db)
    return db


def pages_of(path) -> list[str]:
    """Each page's text with whitespace collapsed (wrapped lines joined)."""
    return [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(path).pages]


def watermarked(page) -> bool:
    """The page draws an image (the watermark: the minutes carry no other)."""
    return any(True for _ in page.images)


def sitting_id(db, number: int) -> int:
    with db.read() as s:
        return s.scalar(select(Sitting.id).where(Sitting.number == number))


def test_english_minutes_of_the_opening_sitting(demo_db, tmp_path):
    out = tmp_path / "minutes-en.pdf"
    write_minutes(demo_db, sitting_id(demo_db, 1), out, lang="en")
    pages = pages_of(out)
    text = " ".join(pages)
    total = len(pages)
    assert total >= 3
    for n, page in enumerate(pages, start=1):
        assert f"Page {n} of {total}" in page
        assert "RCM-EP-2017/S1" in page
    assert "DRAFT MINUTES" in pages[0]
    # The watermark is on every page, as a picture: out of the extracted text.
    assert all(watermarked(page) for page in PdfReader(out).pages)
    assert not any(page.endswith("DRAFT") or "DRAFTRCM" in page for page in pages)
    # Header: event, sitting, date formatted by Babel, times in the venue's zone, chair.
    assert "I Parliamentary Encounter of the Member Countries" in text
    assert "Minutes of session 1: Opening session" in text
    assert "4 September 2017" in text
    # The opening in narrative: place, hour, date, room, presiding officers, quorum.
    assert ("In Tuxtla Gutiérrez, Chiapas, at 09:41 on 4 September 2017, in Salón Chiapas, "
            "Hotel y Centro de Convenciones Cañón del Sumidero, with Licda. Claudia Marisol "
            "Henríquez de Mejía") in " ".join(text.split())
    assert "the session was declared open." in text
    assert "Licda. Claudia Marisol Henríquez de Mejía" in text
    # Attendance: names with accents and compound surnames, the totals and the quorum.
    for name in ("Rodrigo Alfaro Núñez", "Josefina Mercedes Peña Almánzar",
                 "Marie-Ève Tremblay-Gagnon", "Rosa Elvira Argueta García-Iglesias"):
        assert name in text
    counts = attendance.live_counts(demo_db, sitting_id(demo_db, 1))
    assert (f"Present: {counts.present} · Excused: {counts.excused} · "
            f"Absent: {counts.absent} · Total: {counts.expected}") in text
    assert counts.present == 102 and counts.excused == 3 and counts.absent == 3
    assert "Quorum met: 11 of 11 member delegations represented (6 required)." in text
    # Attendance with each person's institution and committee under the role.
    flat = " ".join(text.split())
    assert "Role, institution / committee" in flat
    assert "Senator (Quebec) Senate of Canada · Standing Senate Committee on Human Rights" in flat
    # Interventions: times, durations, kinds, summaries; no overtime and no speaking-time
    # statistics in an official record (they are in the event report).
    assert "09:41–09:44" in text and "6:52" in text
    assert "over time" not in text and "Speaking time" not in text and "Share" not in text
    assert "Point of order" in text and "Right of reply" in text
    assert "Asks how the follow-up mechanism will report" in text
    # Agreements right under their item, the noun agreeing with its number; a vote taken by
    # delegation names the delegation that abstained.
    assert ("Adopted by vote of the delegations: 10 in favour, 0 against, 1 abstention "
            "(Belize).") in " ".join(text.split())
    assert text.index("Agreements") < text.index("Item 5.")
    # The initiative in English; its description, not yet translated, in Spanish marked so.
    assert "Act on the protection of migrant domestic workers" in text
    assert "Ley de protección de las trabajadoras domésticas migrantes" not in text
    assert "sin importar la situación migratoria. [original in Spanish]" in text
    # The closing with its time, kept on the page of the signatures, with place and date.
    last = " ".join(pages[-1].split())
    assert "There being no further business, the session was adjourned at 10:27." in last
    assert "Tuxtla Gutiérrez, Chiapas, 4 September 2017" in last
    assert "Mtra. Silvia Elena Barquero Montoya" in last and "Secretary" in last


def test_spanish_minutes_use_spanish_dates_and_data(demo_db, tmp_path):
    out = tmp_path / "actas.pdf"
    write_minutes(demo_db, sitting_id(demo_db, 1), out, lang="es")
    pages = pages_of(out)
    text = " ".join(pages)
    tr = in_language("es")
    label = tr.translate("Minutes", "Page {page} of {pages}")
    for n, page in enumerate(pages, start=1):
        assert label.format(page=n, pages=len(pages)) in page
        assert "RCM-EP-2017/S1" in page
        assert "PROYECTO" not in page.replace("PROYECTO DE ACTA", "")
    assert all(watermarked(page) for page in PdfReader(out).pages)
    assert "4 de septiembre de 2017" in text
    assert "31 de marzo de 2018" in text  # the initiative's target date
    assert "Sesión de apertura" in text
    assert "Instalación de la sesión y verificación del quórum" in text
    assert "Se aprueba la agenda del Encuentro" in text
    assert "República Dominicana" in text
    assert "PROYECTO DE ACTA" in pages[0] and "BORRADOR" not in text
    assert ("En Tuxtla Gutiérrez, Chiapas, siendo las 09:41 horas del 4 de septiembre de 2017"
            in " ".join(text.split()))
    assert "verificado el quórum con la presencia de 11 de las 11 delegaciones miembro" in \
        " ".join(text.split())
    assert "1 abstención (Belice)." in text and "1 abstenciones" not in text
    assert "No habiendo más asuntos que tratar, se levantó la sesión a las 10:27 horas." in text
    # The Technical Secretariat's head signs as Secretaria (a woman), not "Secretario(a)".
    assert "Secretaria" in pages[-1] and "Secretario(a)" not in text
    assert "Tuxtla Gutiérrez, Chiapas, a 4 de septiembre de 2017" in pages[-1]


def test_final_minutes_carry_no_watermark(demo_db, tmp_path):
    out = tmp_path / "final.pdf"
    write_minutes(demo_db, sitting_id(demo_db, 1), out, lang="en", final=True)
    pages = pages_of(out)
    assert all("DRAFT" not in page for page in pages)
    assert not any(watermarked(page) for page in PdfReader(out).pages)
    assert "FINAL MINUTES" in pages[0] and "APPROVED" not in pages[0]
    assert all(f"of {len(pages)}" in page for page in pages)


def test_minutes_of_a_sitting_not_held_are_refused(demo_db, tmp_path):
    # A sitting never opened has no attendance, no quorum and no minutes: not 108 "absent".
    out = tmp_path / "s4.pdf"
    for final in (False, True):
        with pytest.raises(RecordsError) as refused:
            write_minutes(demo_db, sitting_id(demo_db, 4), out, lang="en", final=final)
        assert refused.value.code == "sitting.not_held"
        assert str(refused.value).startswith("Session 4 was not held")
    assert not out.exists()


def test_minutes_data_numbers_interventions_through_the_sitting(demo_db):
    data = load_minutes(demo_db, sitting_id(demo_db, 1), lang="en")
    numbers = [i.number for i in data.interventions()]
    assert numbers == list(range(1, 14))
    host = next(i for i in data.interventions() if "Fernández de Córdoba" in i.name)
    # The point of order paused her: 176 s spoken over 217 s of wall time.
    assert host.duration == "2:56" and not host.over_time
    assert [s.number for s in data.agenda] == [1, 2, 3, 4, 5]


def test_event_report_has_every_sitting_attendance_and_the_road_map(demo_db, tmp_path):
    out = tmp_path / "report.pdf"
    write_event_report(demo_db, out, lang="en")
    pages = pages_of(out)
    text = " ".join(pages)
    for n, page in enumerate(pages, start=1):
        assert f"Page {n} of {len(pages)}" in page and "RCM-EP-2017" in page
    assert "Opening session" in text and "Panel: the rights of migrant women" in text
    assert "Session 1: At the opening (09:41): Quorum met: 11 of 11" in text
    # Sittings 2 to 5 were never opened: not held, and no quorum line for them.
    assert text.count("not held") >= 4
    assert "Quorum not met" not in text and "Session 4: " not in text
    # Speaking time and overtime, moved here from the acta.
    assert "5. Speaking time" in text
    assert "Total 13 36:40 100%" in text and "Women 11 30:01" in text
    assert "Over their time: 4 of 13 interventions." in text and "(+3:52)" in text
    es = tmp_path / "informe.pdf"
    write_event_report(demo_db, es, lang="es")
    assert "81.9 %" in " ".join(pages_of(es))  # the women's share, as Mexico writes it
    assert "Rodrigo Alfaro Núñez" in text
    assert "Ley de protección de las trabajadoras domésticas migrantes" in text
    assert "Road map of legislative initiatives" in text
    assert "4 September 2017 to 6 September 2017" in text


def test_pdf_hygiene_fonts_metadata_outline(demo_db, tmp_path):
    out = tmp_path / "m.pdf"
    write_minutes(demo_db, sitting_id(demo_db, 1), out, lang="es", paper="letter")
    reader = PdfReader(out)
    # Every font the PDF names is embedded (no bare Helvetica).
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert "Helvetica" not in str(font["/BaseFont"])
            descriptor = font.get("/FontDescriptor")
            assert descriptor is not None and "/FontFile2" in descriptor.get_object()
    info = reader.metadata
    assert info.title == "Acta de la sesión 1: Sesión de apertura"
    assert info.author.startswith("I Encuentro Parlamentario")
    assert info.subject == "Acta de la sesión" and info.creator == "Encounter Desk"
    assert str(reader.trailer["/Root"]["/Lang"]) == "es"
    titles = [o.title for o in reader.outline if not isinstance(o, list)]
    assert titles[:4] == ["Acta de la sesión 1: Sesión de apertura", "1. Asistencia",
                          "2. Orden del día", "3. Desarrollo de la sesión"]
    assert titles[-1] == "5. Clausura"
    assert {(round(float(p.mediabox.width)), round(float(p.mediabox.height)))
            for p in reader.pages} == {(612, 792)}
