"""Agreements and initiatives registers; attendance and speeches out to CSV and XLSX."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from encounter_desk.demo import build as demo
from encounter_desk.records import agreements, exports, initiatives
from encounter_desk.records.register import RecordsError
from encounter_desk.storage.models import Agreement, Delegation, Participant, Sitting, Speech


@pytest.fixture
def demo_db(db):
    demo.build_demo(db)
    return db


def ids(db):
    with db.read() as s:
        sitting = s.scalar(select(Sitting).where(Sitting.number == 2))
        mx = s.scalar(select(Delegation.id).where(Delegation.code == "MX"))
        people = list(s.scalars(select(Participant.id).where(Participant.delegation_id == mx)
                                .order_by(Participant.id).limit(2)))
        return sitting.id, sitting.agenda_items[0].id, mx, people


def test_agreements_are_numbered_validated_and_listed(demo_db):
    sitting, item, _, _ = ids(demo_db)
    a = agreements.create_agreement(demo_db, sitting, text_es="Primer acuerdo.",
                                    agenda_item_id=item)
    assert a.number == 1 and a.adoption_text("en") == "Adopted by consensus."
    b = agreements.create_agreement(demo_db, sitting, text_en="Second.", adoption="vote",
                                    votes_for=9, votes_against=1, abstentions=1)
    # written in English only: English is its original, marked so in a Spanish document
    assert b.number == 2 and b.original_language == "en"
    assert b.text("es") == "Second. [original en inglés]" and b.text("en") == "Second."
    # The noun agrees with its number: 1 abstention, 2 abstentions (1 abstención, 2 abstenciones).
    assert b.adoption_text("en") == "Adopted by vote: 9 in favour, 1 against, 1 abstention."
    assert b.adoption_text("es") == ("Aprobado por votación: 9 a favor, 1 en contra, "
                                     "1 abstención.")
    for bad, message, code in (
        ({"text_es": " "}, "Write the text", "agreement.text"),
        ({"text_es": "x", "adoption": "vote"}, "needs the votes in favour", "agreement.votes_for"),
        ({"text_es": "x", "adoption": "acclaim"}, "consensus or by vote", "agreement.adoption"),
        ({"text_es": "x", "adoption": "vote", "votes_for": -2}, "zero or more", "agreement.count"),
        ({"text_es": "x", "is_annex": True}, "needs a title", "agreement.annex_title"),
        ({"text_es": "x", "number": 1}, "already has an agreement number 1",
         "agreement.number_taken"),
        ({"text_es": "x", "colour": "red"}, "no field colour", "agreement.field"),
    ):
        with pytest.raises(RecordsError, match=message) as refused:
            agreements.create_agreement(demo_db, sitting, **bad)
        assert refused.value.code == code
    with pytest.raises(RecordsError, match="not on this session's agenda") as refused:
        other_item = ids(demo_db)[1] + 100
        agreements.create_agreement(demo_db, sitting, text_es="x", agenda_item_id=other_item)
    assert refused.value.code == "agreement.agenda_item"
    updated = agreements.update_agreement(demo_db, a.id, adoption="vote", votes_for=11)
    assert updated.votes_against == 0 and updated.agenda_item_number == 1
    assert [r.number for r in agreements.list_agreements(demo_db, sitting)] == [1, 2]
    two = agreements.update_agreement(demo_db, b.id, abstentions=2)
    assert two.adoption_text("en").endswith("1 against, 2 abstentions.")
    assert two.adoption_text("es").endswith("1 en contra, 2 abstenciones.")
    agreements.delete_agreement(demo_db, b.id)
    with demo_db.read() as s:
        assert s.scalar(select(func.count()).select_from(Agreement)
                        .where(Agreement.sitting_id == sitting)) == 1


def test_initiatives_register_with_sponsors(demo_db):
    sitting, _, mx, people = ids(demo_db)
    row = initiatives.create_initiative(
        demo_db, delegation_id=mx, title="  Reforma a la Ley de Migración ",
        description="Acceso a la justicia.", kind="reform", target_date=dt.date(2018, 6, 30),
        sitting_id=sitting, sponsor_ids=people)
    assert row.title == "Reforma a la Ley de Migración" and row.delegation("en") == "Mexico"
    assert [s.participant_id for s in row.sponsors] == people
    assert initiatives.kind_label(row.kind, "en") == "Reform"
    changed = initiatives.update_initiative(demo_db, row.id, status="tabled",
                                            sponsor_ids=people[:1])
    assert changed.status.value == "tabled" and len(changed.sponsors) == 1
    for bad, message, code in (
        ({"delegation_id": mx, "title": ""}, "title", "initiative.title"),
        ({"delegation_id": None, "title": "x"}, "delegation", "initiative.delegation"),
        ({"delegation_id": mx, "title": "x", "kind": "poem"}, "not a kind", "initiative.kind"),
        ({"delegation_id": mx, "title": "x", "status": "lost"}, "not a status",
         "initiative.status"),
        ({"delegation_id": mx, "title": "x", "sponsor_ids": [99999]}, "99999",
         "initiative.sponsor"),
    ):
        with pytest.raises(RecordsError, match=message) as refused:
            initiatives.create_initiative(demo_db, **bad)
        assert refused.value.code == code
    listed = initiatives.list_initiatives(demo_db)
    # canonical order (the demo's road map holds eleven commitments of nine delegations)
    assert [r.delegation_code for r in listed] == [
        "BZ", "CA", "CR", "SV", "SV", "GT", "HN", "MX", "MX", "MX", "PA", "DO"]
    assert [r.id for r in initiatives.list_initiatives(demo_db, sitting_id=sitting)] == [row.id]
    initiatives.delete_initiative(demo_db, row.id)
    assert len(initiatives.list_initiatives(demo_db)) == 11


def test_attendance_export_csv_and_xlsx(demo_db, tmp_path):
    count = exports.export_attendance(demo_db, tmp_path / "a.csv", sitting_number=1, lang="en")
    with (tmp_path / "a.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["Session", "Session title", "Date", "Delegation", "Title", "Name",
                       "Role", "Institution", "Committee", "Category", "Head of delegation",
                       "Attendance", "Arrival", "Source"]
    assert len(rows) == count + 1 == 109
    nunez = next(r for r in rows if r[5] == "Rodrigo Alfaro Núñez")
    assert nunez[:4] == ["1", "Opening session", "2017-09-04", "Costa Rica"]
    assert nunez[9] == "Lawmaker" and nunez[11] == "Present"
    assert len(nunez[12]) == 5 and nunez[13] == "Door scan"  # translated, not "scan"
    assert {r[10] for r in rows[1:]} == {"yes", "no"}
    # The institution and the committee each in their own column.
    with demo_db.read() as s:
        person = s.scalar(select(Participant).where(Participant.display_name == nunez[5]))
        assert (nunez[7], nunez[8]) == (person.institution, person.committee)
    assert nunez[7] and nunez[8]
    # A semicolon for a spreadsheet in Spanish, headings and sources in Spanish.
    exports.export_attendance(demo_db, tmp_path / "es.csv", sitting_number=1, lang="es",
                              delimiter=";")
    with (tmp_path / "es.csv").open(encoding="utf-8-sig", newline="") as fh:
        es = list(csv.reader(fh, delimiter=";"))
    assert es[0][:3] == ["Sesión", "Título de la sesión", "Fecha"] and len(es) == 109
    assert {r[13] for r in es[1:]} == {"Lectura en la entrada", "Pase de lista", "Manual"}
    assert es[0][7:9] == ["Institución", "Comisión"]
    with pytest.raises(RecordsError) as refused:
        exports.export_attendance(demo_db, tmp_path / "x.csv", delimiter="|")
    assert refused.value.code == "records.delimiter"
    # Every sitting: only those held (the demo's sitting 1); the four never opened are
    # not held, not 4 × 108 people absent.
    all_count = exports.export_attendance(demo_db, tmp_path / "a.xlsx", lang="en")
    assert all_count == 108
    sheet = load_workbook(tmp_path / "a.xlsx").active
    assert sheet.max_row == all_count + 1
    assert {row[0].value for row in sheet.iter_rows(min_row=2)} == {1}
    # Real date and time cells, and an autofilter over the table.
    assert sheet["C2"].value == dt.datetime(2017, 9, 4) and sheet["C2"].is_date
    arrival = next(row[12] for row in sheet.iter_rows(min_row=2) if row[12].value)
    assert isinstance(arrival.value, dt.time) and arrival.number_format == "hh:mm"
    assert sheet.auto_filter.ref == f"A1:N{all_count + 1}"


def test_speeches_export_neutralises_formulas(demo_db, tmp_path):
    with demo_db.write() as s:
        speech = s.scalar(select(Speech).order_by(Speech.started_at).limit(1))
        speech.summary_en = "=HYPERLINK(\"http://evil\",\"clic\")"
    count = exports.export_speeches(demo_db, tmp_path / "s.xlsx", lang="en")
    assert count == 13
    sheet = load_workbook(tmp_path / "s.xlsx").active
    header = [c.value for c in sheet[1]]
    cells = dict(zip(header, sheet[2], strict=True))
    first = {k: c.value for k, c in cells.items()}
    # Text as typed, no visible apostrophe, never a formula (Excel's hidden quote prefix).
    assert first["Summary"] == "=HYPERLINK(\"http://evil\",\"clic\")"
    assert cells["Summary"].data_type == "s" and cells["Summary"].quotePrefix
    # A duration cell Excel reads as 2 minutes 52 seconds, not 2 hours 52 minutes.
    assert first["Seconds"] == 172 and first["Duration"] == dt.timedelta(seconds=172)
    assert cells["Duration"].number_format == "[h]:mm:ss"
    assert first["Start"] == dt.time(9, 41) and first["Session title"] == "Opening session"
    assert first["Name"] == "Claudia Marisol Henríquez de Mejía" and first["Gender"] == "Female"
    exports.export_speeches(demo_db, tmp_path / "s.csv", sitting_number=1, lang="en")
    text = (tmp_path / "s.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and ",yes," in text and ",0:02:52," in text


def test_speeches_export_gives_a_point_of_orders_reason(demo_db, tmp_path):
    """The acta prints a point of order's reason; the interventions table carries it too,
    in the export's language, and leaves the column empty for every other intervention."""
    for lang, heading, reason in (
        ("es", "Motivo de la moción de orden", "Interpretación"),
        ("en", "Point of order reason", "Interpretation"),
    ):
        out = tmp_path / f"s-{lang}.csv"
        exports.export_speeches(demo_db, out, sitting_number=1, lang=lang)
        with out.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
        reasons = {row[heading] for row in rows}
        assert reasons == {"", f"{reason} — Sin interpretación al francés en las filas del fondo"}
        marked = [row for row in rows if row[heading]]
        assert len(marked) == 1 and len(rows) > 1


def test_export_refuses_other_formats_and_unknown_sittings(demo_db, tmp_path):
    with pytest.raises(RecordsError, match=".csv or .xlsx") as refused:
        exports.export_speeches(demo_db, tmp_path / "s.pdf", lang="en")
    assert refused.value.code == "records.export_format"
    with pytest.raises(RecordsError, match="no session 42") as refused:
        exports.export_attendance(demo_db, tmp_path / "a.csv", sitting_number=42, lang="en")
    assert refused.value.code == "records.no_sitting"
    assert not (tmp_path / "a.csv").exists()
