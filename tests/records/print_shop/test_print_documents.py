"""The road map report, name plates and the list of participants, each read back."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from encounter_desk.core.errors import Refusal
from encounter_desk.demo import build as demo
from encounter_desk.records.print_shop.charts import load_chart_data
from encounter_desk.records.print_shop.participants_list import write_participants_list
from encounter_desk.records.print_shop.tent_cards import write_tent_cards
from encounter_desk.records.roadmap.commitments import load_commitments
from encounter_desk.records.roadmap.report_pdf import write_roadmap_report


@pytest.fixture
def demo_db(sqlite_db):
    demo.build_demo(sqlite_db)
    return sqlite_db


def _text(path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(path).pages)


def test_road_map_report_has_the_matrix_the_overdue_and_every_history(demo_db, tmp_path):
    out = tmp_path / "roadmap.pdf"
    assert write_roadmap_report(demo_db, out, lang="es") == len(load_commitments(demo_db))
    text = _text(out)
    reader = PdfReader(out)
    assert abs(float(reader.pages[0].mediabox.width) - 612) < 1  # Letter by default
    for words in ("Hoja de ruta de los compromisos legislativos", "Por delegación y plazo",
                  "Corto plazo (6 meses)", "Mediano plazo (18 meses)", "VENCIDO",
                  "Promulgada", "n.º 36", "Compromisos por etapa alcanzada",
                  "Página 1 de"):
        assert words in text, words
    a4 = tmp_path / "roadmap-en.pdf"
    write_roadmap_report(demo_db, a4, lang="en", paper="a4")
    assert abs(float(PdfReader(a4).pages[0].mediabox.width) - 595.3) < 1
    assert "OVERDUE" in _text(a4) and "In committee" in _text(a4)
    with pytest.raises(Refusal) as refused:
        write_roadmap_report(demo_db, tmp_path / "x.pdf", paper="legal")
    assert refused.value.code == "paper.unknown"


def test_chart_figures_come_from_the_record(demo_db):
    data = load_chart_data(demo_db, "en")
    assert data.attendance and data.attendance[0][0] == "S1" and data.attendance[0][1] > 0
    assert data.delegation_minutes and all(m >= 0 for _l, m in data.delegation_minutes)
    assert {label for label, _m in data.gender_minutes} <= {"Female", "Male", "Other"}
    assert sum(sum(c) for _h, c in data.horizons) == len(load_commitments(demo_db))


def test_name_plates_one_per_delegation_with_both_languages(demo_db, tmp_path):
    out = tmp_path / "plates.pdf"
    count = write_tent_cards(demo_db, out)
    reader = PdfReader(out)
    assert len(reader.pages) == count == 17
    first = reader.pages[1].extract_text()
    assert "Canadá" in first and "Canada" in first
    assert float(reader.pages[0].mediabox.width) > float(reader.pages[0].mediabox.height)
    seats = tmp_path / "seats.pdf"
    assert write_tent_cards(demo_db, seats, seats=True, paper="a4") > count


def test_list_of_participants_heads_first_and_a_public_version(demo_db, tmp_path):
    full, public = tmp_path / "list.pdf", tmp_path / "public.pdf"
    count = write_participants_list(demo_db, full, lang="en")
    assert write_participants_list(demo_db, public, lang="es", public=True) == count
    text = _text(full)
    assert "@" in text and "Head of delegation" in text
    assert text.index("Belize") < text.index("Canada") < text.index("Mexico")
    public_text = _text(public)
    assert "@" not in public_text and "Jefatura de delegación" in public_text


def test_list_of_participants_keeps_its_column_headings_under_a_head_of_delegation(
        demo_db, tmp_path):
    """Every delegation's table keeps its four headings after a head of delegation's row
    (a row's note once took the headings' name: 18 one-letter columns, the cells gone)."""
    path = tmp_path / "list.pdf"
    write_participants_list(demo_db, path, lang="en")
    first_page = PdfReader(path).pages[0].extract_text()
    assert "Belize (4)" in first_page
    for heading in ("Name", "Position", "Institution /", "Email"):  # the third wraps
        assert heading in first_page
    assert "dolores.chan@example.bz" in first_page and "MHR for Corozal" in first_page


def test_the_event_report_carries_the_charts_and_the_same_road_map(demo_db, tmp_path):
    from encounter_desk.records.minutes.report_pdf import write_event_report

    out = tmp_path / "report.pdf"
    write_event_report(demo_db, out, lang="en")
    text = _text(out)
    for words in ("Speaking time by delegation (minutes)", "Speaking time by gender (minutes)",
                  "Participants present at each session", "By delegation and horizon",
                  "Commitments by stage reached and horizon", "OVERDUE",
                  "Each commitment and its history"):
        assert words in text, words
