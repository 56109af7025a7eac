"""Roster import and export: encodings, delimiters, XLSX, vocabulary, all or nothing, round trips."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from encounter_desk.core import i18n
from encounter_desk.event import event as events
from encounter_desk.roster import importer as roster
from encounter_desk.roster.columns import (
    gender_from_title,
    group_for_institution,
    parse_category,
    parse_gender,
    split_surnames,
)
from encounter_desk.roster.read import decode, detect_delimiter
from encounter_desk.storage.models import AuditEntry, Participant

DETAILS = events.EventDetails(
    code="TEST-ROSTER",
    name_es="Encuentro de prueba",
    name_en="Test encounter",
    start_date=dt.date(2017, 9, 4),
    end_date=dt.date(2017, 9, 6),
)

GOOD_EN = [
    ["Title", "Given names", "Surnames", "Country", "Institution", "Position", "Email", "Gender"],
    ["Dip.", "Ana Lucía", "Pérez Núñez", "El Salvador", "Asamblea Legislativa", "Diputada",
     "ana.perez@example.sv", "F"],
    ["Sen.", "Jorge", "Castañeda Ruiz", "MEX", "Senado de la República", "Senador",
     "jorge@example.mx", "Hombre"],
    ["H.D.", "Iñaki", "Muñoz de la Cruz", "Panama", "Asamblea Nacional", "Diputado",
     "inaki@example.pa", "m"],
    ["", "Sofía", "Ramírez", "", "ACNUR", "Oficial de protección", "sofia@example.org", ""],
]

GOOD_ES = [
    ["Tratamiento", "Nombres", "Primer apellido", "Segundo apellido", "País", "Organización",
     "Cargo", "Correo electrónico", "Teléfono", "Categoría", "Sexo", "Jefe(a) de delegación",
     "Observaciones"],
    ["Diputada", "María José", "García-Iglesias", "López", "Rep. Dominicana",
     "Cámara de Diputados", "Diputada", "mj@example.do", "+1 809 555 0101", "legisladora",
     "Mujer", "sí", "Silla de ruedas"],
    ["Sr.", "Pedro", "de la Cruz", "Pérez", "EE. UU.", "Embajada", "Consejero", "p@example.us",
     "", "funcionario", "", "no", ""],
]


def write_csv(path: Path, rows: list[list[str]], *, encoding: str = "utf-8",
              delimiter: str = ",") -> Path:
    def quote(cell: str) -> str:
        if any(ch in cell for ch in (delimiter, '"', "\n")):
            return '"' + cell.replace('"', '""') + '"'
        return cell

    text = "\r\n".join(delimiter.join(quote(c) for c in row) for row in rows) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path


def write_xlsx(path: Path, rows: list[list[object]], sheet: str = "Participantes") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


@pytest.fixture
def event_db(db):
    events.create_event(db, DETAILS)
    return db


def people(db) -> dict[str, Participant]:
    with db.read() as s:
        rows = s.scalars(select(Participant)).all()
        for p in rows:
            _ = p.delegation
        return {p.display_name: p for p in rows}


def counts(db) -> tuple[int, int]:
    with db.read() as s:
        return (s.scalar(select(func.count(Participant.id))),
                s.scalar(select(func.count(AuditEntry.id))))


# --- vocabulary --------------------------------------------------------------------------

@pytest.mark.parametrize(("surnames", "first", "second"), [
    ("Pérez Núñez", "Pérez", "Núñez"),
    ("Muñoz de la Cruz", "Muñoz", "de la Cruz"),
    ("de la Cruz Pérez", "de la Cruz", "Pérez"),
    ("García-Iglesias López", "García-Iglesias", "López"),
    ("del Valle", "del Valle", ""),
    ("Ortega y Gasset", "Ortega y Gasset", ""),
    ("Fernández de los Ríos Soto", "Fernández", "de los Ríos Soto"),
    ("Tremblay", "Tremblay", ""),
    ("van der Berg", "van der Berg", ""),
])
def test_compound_spanish_surnames_split_at_the_right_word(surnames, first, second):
    assert split_surnames(surnames) == (first, second)


def test_words_for_gender_category_and_groups():
    assert parse_gender("Femenino") == "F" and parse_gender("MUJER") == "F"
    assert parse_gender("Male") == "M" and parse_gender("x") == "X"
    assert parse_gender("tal vez") is None
    assert parse_category("Legisladora") == "lawmaker"
    assert parse_category("Diputado") == "lawmaker"
    assert parse_category("International organization") == "international"
    assert parse_category("Sociedad civil") == "civil_society"
    assert parse_category("astronauta") is None
    assert gender_from_title("Diputada") == "F" and gender_from_title("Senador") == "M"
    assert gender_from_title("Dip.") is None
    assert group_for_institution("Organización Internacional para las Migraciones (OIM)") == "OI"
    assert group_for_institution("ONU Mujeres") == "OI"
    assert group_for_institution("UN Women") == "OI"
    assert group_for_institution("UNHCR") == "OI"
    assert group_for_institution("Secretaría Técnica de la CRM") == "ST"
    assert group_for_institution("Ministerio de Relaciones Exteriores de El Salvador") == "PPT"
    assert group_for_institution("Un Mundo Sin Fronteras") == "INV"  # "un" is not the UN
    assert group_for_institution("") == "INV"


def test_encoding_and_delimiter_detection():
    assert decode("Pérez".encode("utf-8-sig"))[:2] == ("Pérez", "utf-8")
    assert decode("Pérez".encode("cp1252"))[:2] == ("Pérez", "cp1252")
    assert detect_delimiter("Nombre;Apellidos;País\nAna;Pérez, Núñez;México") == ";"
    assert detect_delimiter("Title,Given names\nDip.,Ana") == ","


# --- good files --------------------------------------------------------------------------

@pytest.mark.parametrize(("encoding", "delimiter"), [
    ("utf-8", ","), ("utf-8-sig", ","), ("cp1252", ","),
    ("utf-8", ";"), ("utf-8-sig", ";"), ("cp1252", ";"),
])
def test_good_csv_in_every_encoding_and_delimiter(event_db, tmp_path, encoding, delimiter):
    path = write_csv(tmp_path / "roster.csv", GOOD_EN, encoding=encoding, delimiter=delimiter)
    report = roster.import_roster(event_db, path)
    assert report.ok, report.lines()
    assert (report.created, report.updated, report.unchanged) == (4, 0, 0)
    found = people(event_db)
    ana = found["Ana Lucía Pérez Núñez"]
    assert (ana.first_surname, ana.second_surname, ana.delegation.code) == ("Pérez", "Núñez", "SV")
    assert ana.gender == "F" and ana.category == "lawmaker"
    inaki = found["Iñaki Muñoz de la Cruz"]
    assert (inaki.first_surname, inaki.second_surname) == ("Muñoz", "de la Cruz")
    assert inaki.gender == "M" and inaki.delegation.code == "PA"
    assert found["Jorge Castañeda Ruiz"].delegation.code == "MX"
    sofia = found["Sofía Ramírez"]
    assert sofia.delegation.code == "OI" and sofia.category == "international"
    assert sofia.gender is None  # the column is there and empty: not guessed


def test_spanish_headers_two_surname_columns_and_every_field(event_db, tmp_path):
    path = write_csv(tmp_path / "lista.csv", GOOD_ES, encoding="cp1252", delimiter=";")
    report = roster.import_roster(event_db, path)
    assert report.ok, report.lines()
    mj = people(event_db)["María José García-Iglesias López"]
    assert mj.delegation.code == "DO"
    assert (mj.title, mj.phone, mj.category, mj.gender) == ("Diputada", "+1 809 555 0101",
                                                            "lawmaker", "F")
    assert mj.is_head_of_delegation is True and mj.desk_note == "Silla de ruedas"
    assert mj.institution == "Cámara de Diputados" and mj.email == "mj@example.do"
    pedro = people(event_db)["Pedro de la Cruz Pérez"]
    assert pedro.delegation.code == "US" and pedro.category == "official"
    assert pedro.is_head_of_delegation is False


def test_xlsx_with_numbers_and_a_title_row_above_the_headers(event_db, tmp_path):
    rows = [
        ["Lista de participantes — I Encuentro Parlamentario"],
        ["Nombre", "Apellidos", "País", "Teléfono", "Jefa de delegación", "Género", "Idioma"],
        ["Patricia", "Tremblay", "Canadá", 15145550123, True, "Femenino", "Français"],
        ["Emily", "Johnson", "Estados Unidos", 12025550199.0, False, "Female", "English"],
    ]
    path = write_xlsx(tmp_path / "lista.xlsx", rows)
    report = roster.import_roster(event_db, path)
    assert report.ok, report.lines()
    found = people(event_db)
    assert found["Patricia Tremblay"].phone == "15145550123"
    assert found["Patricia Tremblay"].is_head_of_delegation is True
    assert found["Patricia Tremblay"].language == "fr"
    assert found["Emily Johnson"].phone == "12025550199"
    assert found["Emily Johnson"].gender == "F"


def test_xlsx_sheet_by_name(event_db, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "Notas"
    wb.active.append(["nada que ver"])
    ws = wb.create_sheet("Personas")
    ws.append(["Given names", "Surnames", "Country"])
    ws.append(["Ana", "Pérez", "Costa Rica"])
    path = tmp_path / "book.xlsx"
    wb.save(path)
    assert not roster.import_roster(event_db, path).ok  # the first sheet has no names
    report = roster.import_roster(event_db, path, sheet="Personas")
    assert report.ok and report.created == 1
    missing = roster.import_roster(event_db, path, sheet="Otra")
    assert "Otra" in missing.file_error and "Personas" in missing.file_error


def test_column_mapping(event_db, tmp_path):
    rows = [["Nombre", "Apellidos", "País", "Cargo actual", "Cosa rara"],
            ["Ana", "Pérez", "México", "Senadora", "x"]]
    path = write_csv(tmp_path / "r.csv", rows)
    report = roster.import_roster(event_db, path, column_map={"Cargo actual": "position",
                                                              "Cosa rara": "ignore"})
    assert report.ok, report.lines()
    assert report.warnings == []
    assert people(event_db)["Ana Pérez"].position == "Senadora"


def test_column_mapping_to_an_unknown_field_is_a_clear_error(event_db, tmp_path):
    path = write_csv(tmp_path / "r.csv", [["Nombre", "Apellidos"], ["Ana", "Pérez"]])
    report = roster.import_roster(event_db, path, column_map={"Cargo actual": "puesto_raro"})
    assert not report.ok
    assert "puesto_raro" in report.file_error and "position" in report.file_error
    report = roster.import_roster(event_db, path, column_map={"No existe": "position"})
    assert "No existe" in report.file_error
    assert counts(event_db)[0] == 0


def test_unrecognised_columns_are_reported_as_ignored(event_db, tmp_path):
    path = write_csv(tmp_path / "r.csv", [["Nombre", "Apellidos", "Talla"], ["Ana", "Pérez", "M"]])
    report = roster.import_roster(event_db, path)
    assert report.ok
    assert any("Talla" in line for line in report.lines())


def test_gender_from_the_spanish_title_only_without_a_gender_column(event_db, tmp_path):
    rows = [["Título", "Nombre", "Apellidos", "País"],
            ["Senadora", "Lucía", "Ortiz", "México"],
            ["Diputado", "Luis", "Ortiz", "México"],
            ["Dip.", "Alex", "Ortiz", "México"]]
    report = roster.import_roster(event_db, write_csv(tmp_path / "r.csv", rows))
    assert report.ok, report.lines()
    found = people(event_db)
    assert found["Lucía Ortiz"].gender == "F"
    assert found["Luis Ortiz"].gender == "M"
    assert found["Alex Ortiz"].gender is None


def test_the_sample_roster_imports_cleanly(event_db, sample_roster):
    report = roster.import_roster(event_db, sample_roster)
    assert report.ok, report.lines()
    assert report.created == 6
    found = people(event_db)
    assert found["Sofía Ramírez"].delegation.code == "OI"
    assert {p.delegation.code for p in found.values()} == {"SV", "MX", "CA", "US", "PA", "OI"}
    assert found["Iñaki Muñoz de la Cruz"].second_surname == "de la Cruz"


def test_the_template_imports(event_db, tmp_path):
    for name in ("template.xlsx", "template.csv"):
        roster.write_template(tmp_path / name)
        report = roster.preview_roster(event_db, tmp_path / name)
        assert report.ok, report.lines()
        assert report.created == 2
    report = roster.import_roster(event_db, tmp_path / "template.xlsx")
    found = people(event_db)
    assert found["Guadalupe Ortiz Villaseñor"].delegation.code == "MX"
    assert found["Tomás de la Cruz Pérez"].delegation.code == "OI"
    assert found["Guadalupe Ortiz Villaseñor"].phone == "+52 55 5345 3000"


# --- bad files ---------------------------------------------------------------------------

BAD = [
    ["Nombre", "Apellidos", "País", "Correo", "Categoría", "Sexo"],
    ["Ana", "Pérez", "México", "ana@example.mx", "", ""],  # row 2: good
    ["", "", "México", "", "", ""],  # 3: no name
    ["Luis", "Soto", "Atlantis", "", "", ""],  # 4: unknown country
    ["Ana", "Pérez", "MX", "", "", ""],  # 5: same name and delegation as row 2
    ["Eva", "Ruiz", "Honduras", "ANA@example.mx", "", ""],  # 6: same email as row 2
    ["Rita", "Mora", "Belice", "", "astronauta", ""],  # 7: unknown category
    ["Raúl", "Vega", "Belize", "", "", "quizá"],  # 8: unknown gender
    ["Iris", "Luna", "Guatemala", "iris@", "", ""],  # 9: malformed email
    ["Olga", "Paz", "Nicaragua", "", "", ""],  # 10: good
]


def test_every_bad_row_is_reported_and_nothing_is_written(event_db, tmp_path):
    before = counts(event_db)
    report = roster.import_roster(event_db, write_csv(tmp_path / "bad.csv", BAD))
    assert not report.ok
    by_row = {e.row: e.message for e in report.errors}
    assert set(by_row) == {3, 4, 5, 6, 7, 8, 9}
    assert "no name" in by_row[3]
    assert "unknown country «Atlantis»" in by_row[4]
    assert "row 2" in by_row[5]
    assert "row 2" in by_row[6]
    assert "astronauta" in by_row[7]
    assert "quizá" in by_row[8]
    assert "iris@" in by_row[9]
    lines = report.lines()
    assert lines[0].startswith("Nothing was imported from bad.csv")
    assert "Row 4: unknown country «Atlantis»." in lines
    assert counts(event_db) == before


def test_unreadable_cells_are_reported(event_db, tmp_path):
    xlsx = tmp_path / "errors.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Nombre", "Apellidos", "País"])
    ws.append(["Ana", "Pérez", "México"])
    ws.append(["Luis", "Soto", "México"])
    ws["C3"] = "#REF!"
    ws["C3"].data_type = "e"
    wb.save(xlsx)
    report = roster.import_roster(event_db, xlsx)
    assert [e.row for e in report.errors] == [3]
    assert "cannot be read" in report.errors[0].message
    # A byte with no meaning in UTF-8 nor Windows-1252 (0x81).
    csv_path = tmp_path / "broken.csv"
    csv_path.write_bytes("Nombre,Apellidos,País\r\nAna,Pérez,México\r\n".encode("cp1252")
                         + b"Luis,So\x81to,M\xe9xico\r\n")
    report = roster.import_roster(event_db, csv_path)
    assert [e.row for e in report.errors] == [3]
    assert counts(event_db)[0] == 0


def test_extra_cells_and_bad_yes_no(event_db, tmp_path):
    rows = [["Nombre", "Apellidos", "País", "Jefe de delegación"],
            ["Ana", "Pérez", "México", "tal vez"],
            ["Luis", "Soto", "México", "no", "sobra"]]
    report = roster.import_roster(event_db, write_csv(tmp_path / "r.csv", rows))
    assert [e.row for e in report.errors] == [2, 3]


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("empty.csv", b"", "empty"),
    ("blank.csv", b" \r\n \r\n", "empty"),
    ("headers.csv", b"Nombre,Apellidos\r\n", "no participants"),
    ("nonames.csv", b"Color,Size\r\nred,M\r\n", "no column of names"),
    ("damaged.xlsx", b"PK\x03\x04 this is not really a zip", "damaged"),
    ("notzip.xlsx", b"hello", "damaged"),
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".xls"),
    ("roster.pdf", b"%PDF-1.4", "not a CSV or XLSX"),
])
def test_unreadable_files_give_one_clear_error(event_db, tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    report = roster.import_roster(event_db, path)
    assert not report.ok and report.errors == []
    assert expected in report.file_error
    assert len(report.lines()) == 1
    assert counts(event_db)[0] == 0


def test_a_missing_file(event_db, tmp_path):
    report = roster.import_roster(event_db, tmp_path / "nowhere.csv")
    assert "no file" in report.file_error


def test_the_event_must_exist(db, tmp_path):
    path = write_csv(tmp_path / "r.csv", GOOD_EN)
    report = roster.import_roster(db, path)
    assert report.file_error == str(events.NoEventError())


def test_duplicate_surname_columns_are_refused(event_db, tmp_path):
    rows = [["Nombre", "Apellidos", "Primer apellido"], ["Ana", "Pérez", "Pérez"]]
    report = roster.import_roster(event_db, write_csv(tmp_path / "r.csv", rows))
    assert "either in one column" in report.file_error
    rows = [["Nombre", "Nombres", "Apellidos"], ["Ana", "Ana", "Pérez"]]
    report = roster.import_roster(event_db, write_csv(tmp_path / "r.csv", rows))
    assert "«Nombre»" in report.file_error and "«Nombres»" in report.file_error


# --- writing: dry run, idempotence, updates, audit ---------------------------------------

def test_dry_run_writes_nothing(event_db, tmp_path):
    before = counts(event_db)
    report = roster.import_roster(event_db, write_csv(tmp_path / "r.csv", GOOD_EN), dry_run=True)
    assert report.ok and report.created == 4 and not report.written
    assert "Nothing was written" in report.lines()[0]
    assert [p.action for p in report.planned] == ["new"] * 4
    assert counts(event_db) == before


def test_import_is_one_audited_transaction_and_idempotent(event_db, tmp_path):
    path = write_csv(tmp_path / "r.csv", GOOD_EN)
    _, audit_before = counts(event_db)
    first = roster.import_roster(event_db, path)
    assert first.created == 4
    n, audit_after = counts(event_db)
    assert n == 4 and audit_after - audit_before == 4
    with event_db.read() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.table_name == "participant")).all()
        assert {e.action for e in entries} == {"insert"}
        assert len({e.at for e in entries}) == 1  # one transaction, one moment
    second = roster.import_roster(event_db, path)
    assert (second.created, second.updated, second.unchanged) == (0, 0, 4)
    assert "0 new, 0 updated, 4 unchanged" in second.lines()[0]
    assert counts(event_db) == (4, audit_after)


def test_an_updated_file_updates_in_place(event_db, tmp_path):
    roster.import_roster(event_db, write_csv(tmp_path / "r.csv", GOOD_EN))
    ids = {name: p.id for name, p in people(event_db).items()}
    with event_db.write() as s:  # the desk added a note the file does not carry
        p = s.scalar(select(Participant).where(Participant.email == "jorge@example.mx"))
        p.desk_note = "Llega tarde"
        p.phone = "555"
    changed = [row[:] for row in GOOD_EN]
    changed[1][5] = "Presidenta de la Comisión"  # Ana: matched by email
    changed[2][6] = "JORGE@EXAMPLE.MX"  # Jorge: email case only, nothing changes
    changed[3][6] = ""  # Iñaki: no email: matched by name and delegation
    changed[3][4] = "Asamblea Nacional de Panamá"
    changed.append(["Hon.", "Dean", "Barrow", "Belize", "House of Representatives", "", "", ""])
    report = roster.import_roster(event_db, write_csv(tmp_path / "r2.csv", changed))
    assert report.ok, report.lines()
    assert (report.created, report.updated, report.unchanged) == (1, 2, 2)
    found = people(event_db)
    assert len(found) == 5
    assert found["Ana Lucía Pérez Núñez"].id == ids["Ana Lucía Pérez Núñez"]
    assert found["Ana Lucía Pérez Núñez"].position == "Presidenta de la Comisión"
    assert found["Iñaki Muñoz de la Cruz"].institution == "Asamblea Nacional de Panamá"
    assert found["Iñaki Muñoz de la Cruz"].email == "inaki@example.pa"  # a blank cell keeps it
    jorge = found["Jorge Castañeda Ruiz"]
    assert (jorge.desk_note, jorge.phone) == ("Llega tarde", "555")  # not in the file: kept


def test_a_renamed_person_is_matched_by_email(event_db, tmp_path):
    roster.import_roster(event_db, write_csv(tmp_path / "r.csv", GOOD_EN))
    changed = [row[:] for row in GOOD_EN]
    # A real change of name, same email. (Dropping the accent alone, "Ana Lucia", is not a
    # change: the accented spelling is kept, see test_roster_strict.py.)
    changed[1][1] = "Ana Luisa"
    report = roster.import_roster(event_db, write_csv(tmp_path / "r2.csv", changed))
    assert report.updated == 1 and counts(event_db)[0] == 4
    assert "Ana Luisa Pérez Núñez" in people(event_db)


def test_an_email_and_a_name_pointing_at_two_people_is_ambiguous(event_db, tmp_path):
    roster.import_roster(event_db, write_csv(tmp_path / "r.csv", GOOD_EN))
    rows = [GOOD_EN[0], ["Sen.", "Jorge", "Castañeda Ruiz", "México", "", "", "ana.perez@example.sv",
                         ""]]
    report = roster.import_roster(event_db, write_csv(tmp_path / "r2.csv", rows))
    assert [e.row for e in report.errors] == [2]
    assert "cannot" in report.errors[0].message or "belongs to" in report.errors[0].message


# --- export ------------------------------------------------------------------------------

@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_export_then_import_changes_nothing(event_db, tmp_path, suffix, lang):
    roster.import_roster(event_db, write_csv(tmp_path / "a.csv", GOOD_EN))
    roster.import_roster(event_db, write_csv(tmp_path / "b.csv", GOOD_ES))
    with event_db.write() as s:
        p = s.scalar(select(Participant).where(Participant.email == "sofia@example.org"))
        p.desk_note = "=HYPERLINK(\"http://evil\")"
        p.phone = "+503 2222 3333"
        p.language = "en"
    i18n.set_language(lang)
    out = tmp_path / f"export{suffix}"
    assert roster.export_roster(event_db, out) == 6
    before = counts(event_db)
    report = roster.import_roster(event_db, out)
    assert report.ok, report.lines()
    assert (report.created, report.updated, report.unchanged) == (0, 0, 6)
    assert counts(event_db) == before


def test_export_neutralises_formulas(event_db, tmp_path):
    roster.import_roster(event_db, write_csv(tmp_path / "a.csv", GOOD_EN))
    with event_db.write() as s:
        p = s.scalar(select(Participant).where(Participant.email == "sofia@example.org"))
        p.desk_note = "=1+2"
        p.position = "@SUM(A1)"
    roster.export_roster(event_db, tmp_path / "out.csv")
    text = (tmp_path / "out.csv").read_text(encoding="utf-8-sig")
    assert ",'=1+2" in text and ",'@SUM(A1)," in text
    roster.export_roster(event_db, tmp_path / "out.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "out.xlsx")
    values = [c.value for row in wb.active.iter_rows() for c in row]
    types = {c.data_type for row in wb.active.iter_rows() for c in row}
    assert "'=1+2" in values and "'@SUM(A1)" in values
    assert "f" not in types  # no cell is a formula
    report = roster.import_roster(event_db, tmp_path / "out.xlsx")
    assert report.unchanged == 4
    assert people(event_db)["Sofía Ramírez"].desk_note == "=1+2"


def test_export_refuses_an_unknown_format(event_db, tmp_path):
    with pytest.raises(roster.RosterFileError, match=".ods"):
        roster.export_roster(event_db, tmp_path / "out.ods")


def test_messages_follow_the_language(event_db, tmp_path):
    i18n.set_language("es")
    report = roster.import_roster(event_db, write_csv(tmp_path / "bad.csv", BAD))
    assert [e.row for e in report.errors] == [3, 4, 5, 6, 7, 8, 9]
    assert any("Atlantis" in line for line in report.lines())


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_the_demo_event_round_trips(db, tmp_path, suffix):
    from encounter_desk.demo import build as demo

    demo.build_demo(db, replace=False)
    out = tmp_path / f"demo{suffix}"
    assert roster.export_roster(db, out) == 120
    before = counts(db)
    report = roster.import_roster(db, out)
    assert report.ok, report.lines()
    assert (report.created, report.updated, report.unchanged) == (0, 0, 120)
    assert counts(db) == before


def test_a_blank_country_keeps_a_known_person_where_they_are(event_db, tmp_path):
    rows = [["Nombre", "Apellidos", "País", "Institución", "Categoría", "Correo"],
            ["Rosa", "Mejía", "Honduras", "Congreso Nacional", "", "rosa@example.hn"],
            ["Iván", "Cruz", "", "Comité organizador", "staff", ""],
            ["Lía", "Paz", "", "Diario del Sur", "prensa", ""]]
    assert roster.import_roster(event_db, write_csv(tmp_path / "a.csv", rows)).ok
    found = people(event_db)
    assert found["Iván Cruz"].delegation is None and found["Lía Paz"].delegation is None
    rows[1][2] = ""  # the country forgotten in a later version of the file
    report = roster.import_roster(event_db, write_csv(tmp_path / "b.csv", rows))
    assert (report.updated, report.unchanged) == (0, 3), report.planned
    assert people(event_db)["Rosa Mejía"].delegation.code == "HN"
