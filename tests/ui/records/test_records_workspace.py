"""The Records workspace on the demo encounter, driven through its real widgets."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from lxml import etree
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QPushButton

from encounter_desk.demo import build as demo
from encounter_desk.desk.lookup import venue_zone
from encounter_desk.event import event as events
from encounter_desk.event import sittings
from encounter_desk.records import agreements, attendance, initiatives
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import AttendanceSource, AttendanceStatus
from encounter_desk.ui.records import AttendanceCountsWidget, RecordsWorkspace
from encounter_desk.ui.records.counts_widget import DelegationCountsModel
from encounter_desk.ui.records.roll_call_model import RollCallModel
from encounter_desk.ui.widgets.workspace import AppContext

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


class Clock:
    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def demo_db(db: Database) -> Database:
    demo.build_demo(db)
    return db


@pytest.fixture
def records(qtbot, demo_db: Database, messages):  # noqa: ANN201
    rows = sittings.list_sittings(demo_db)
    zone = venue_zone(events.load_event(demo_db).timezone)
    clock = Clock(dt.datetime.combine(rows[1].date, dt.time(15, 4), zone).astimezone(dt.UTC))
    opened: list[Path] = []
    workspace = RecordsWorkspace(AppContext(demo_db, messages), clock=clock,
                                 open_file=opened.append)
    workspace.opened = opened  # type: ignore[attr-defined]
    workspace.first, workspace.second = rows[0], rows[1]  # type: ignore[attr-defined]
    qtbot.addWidget(workspace)
    workspace.resize(1280, 800)
    workspace.show()
    qtbot.waitExposed(workspace)
    return workspace


def cell(model, row: int, column: int) -> str:
    return model.data(model.index(row, column))


def view_row(page, participant_id: int) -> int:
    source = page.model.row_of_id(participant_id)
    return page.proxy.mapFromSource(page.model.index(source, 0)).row()


# --- attendance ------------------------------------------------------------------------------

def test_the_roll_call_model_by_delegation_in_canonical_order(qtmodeltester, demo_db):
    first = sittings.list_sittings(demo_db)[0]
    model = RollCallModel(demo_db)
    model.set_sitting(first.id)
    qtmodeltester.check(model)
    groups = attendance.roll_call(demo_db, first.id)
    assert model.rowCount() == sum(len(g.entries) for g in groups)
    # Rows follow the roll call: delegations in canonical order, then surname.
    assert [cell(model, n, RollCallModel.DELEGATION) for n in (0, model.rowCount() - 1)] == [
        groups[0].name_en, groups[-1].name_en]
    assert model.headerData(RollCallModel.ARRIVAL, Qt.Orientation.Horizontal) == "Arrived"
    statuses = {cell(model, n, RollCallModel.STATUS) for n in range(model.rowCount())}
    assert {"Present", "Excused", "Absent"} <= statuses
    sources = {cell(model, n, RollCallModel.SOURCE) for n in range(model.rowCount())}
    assert {"Door scan", "Roll call"} <= sources
    # Arrival in venue time: the demo's doors opened from about 08:40.
    arrivals = sorted(t for n in range(model.rowCount())
                      if (t := cell(model, n, RollCallModel.ARRIVAL)))
    assert "08:30" <= arrivals[0] <= "09:00"

    counts = DelegationCountsModel(demo_db)
    counts.set_counts(attendance.live_counts(demo_db, first.id))
    qtmodeltester.check(counts)
    assert counts.rowCount() == len(groups)


def test_keyboard_roll_call_marks_moves_on_and_persists(qtbot, records, demo_db):
    records.select(records.second.id)
    page = records.attendance
    model, table = page.model, page.table
    assert {cell(model, n, RollCallModel.STATUS) for n in range(model.rowCount())} == {
        "Not marked"}
    assert "P present" in page.findChild(QLabel, "rollCallKeys").text()
    table.setFocus()
    first_ids = [model.row_at(page.proxy.mapToSource(page.proxy.index(n, 0)).row()).id
                 for n in range(5)]
    table.setCurrentIndex(page.proxy.index(0, RollCallModel.NAME))
    for key in (Qt.Key.Key_P, Qt.Key.Key_E, Qt.Key.Key_J, Qt.Key.Key_A):
        qtbot.keyClick(table, key)
    assert table.currentIndex().row() == 4  # each mark moved to the next person
    marks = [attendance.attendance_of(demo_db, records.second.id, pid) for pid in first_ids[:4]]
    assert [m.status for m in marks] == [AttendanceStatus.PRESENT, AttendanceStatus.EXCUSED,
                                         AttendanceStatus.EXCUSED, AttendanceStatus.ABSENT]
    assert {m.source for m in marks} == {AttendanceSource.ROLL_CALL}
    assert marks[0].arrived_at == records.attendance.clock()
    assert cell(page.proxy, 0, RollCallModel.STATUS) == "Present"
    assert cell(page.proxy, 0, RollCallModel.ARRIVAL) == "15:04"
    assert cell(page.proxy, 3, RollCallModel.SOURCE) == "Roll call"
    # Up, then Delete: a mark made by mistake is cleared.
    qtbot.keyClick(table, Qt.Key.Key_Up)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert attendance.attendance_of(demo_db, records.second.id, first_ids[3]) is None
    assert cell(page.proxy, 3, RollCallModel.STATUS) == "Not marked"
    # A manual mark is kept as such.
    page.findChild(QComboBox, "markSource").setCurrentIndex(1)
    table.setCurrentIndex(page.proxy.index(4, RollCallModel.NAME))
    qtbot.keyClick(table, Qt.Key.Key_P)
    assert attendance.attendance_of(demo_db, records.second.id,
                                    first_ids[4]).source is AttendanceSource.MANUAL


def test_the_filter_ignores_accents_and_marks_the_person_found(qtbot, records, demo_db):
    records.select(records.second.id)
    page = records.attendance
    wanted = next(row for row in page.model.rows() if "ñ" in row.entry.name.lower())
    plain = wanted.entry.name.lower().replace("ñ", "n")
    for accented, bare in zip("áéíóú", "aeiou", strict=True):
        plain = plain.replace(accented, bare)
    box = page.findChild(QLineEdit, "rollCallFilter")
    qtbot.keyClicks(box, plain)
    assert 1 <= page.proxy.rowCount() < page.model.rowCount()
    assert any(cell(page.proxy, n, RollCallModel.NAME) == wanted.entry.name
               for n in range(page.proxy.rowCount()))
    qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter: to the list, first person selected
    page.select_participant(wanted.id)
    qtbot.keyClick(page.table, Qt.Key.Key_P)
    assert attendance.attendance_of(demo_db, records.second.id,
                                    wanted.id).status is AttendanceStatus.PRESENT


def test_live_counts_and_quorum_follow_the_marks(qtbot, records, demo_db):
    records.select(records.second.id)
    page = records.attendance
    counts = records.findChild(AttendanceCountsWidget, "attendanceCounts")
    quorum = counts.findChild(QLabel, "quorumLabel")
    assert counts.counts.present == 0
    assert quorum.property("met") == "no"
    assert quorum.text().startswith("Quorum not met: 0 of 11")
    groups = attendance.roll_call(demo_db, records.second.id)
    lawmakers = [next(e.participant_id for e in g.entries if e.category == "lawmaker")
                 for g in groups if g.is_member]
    assert len(lawmakers) == 11
    page.table.setFocus()
    for number, pid in enumerate(lawmakers[:6], start=1):
        page.select_participant(pid)
        qtbot.keyClick(page.table, Qt.Key.Key_P)
        assert counts.counts.delegations_represented == number
        assert counts.counts.lawmakers_present == number
    assert quorum.property("met") == "yes"
    assert quorum.text() == ("Quorum met: 6 of 11 member delegations represented "
                             "(6 required).")
    assert "Present: 6 of" in counts.findChild(QLabel, "presentTotal").text()
    assert counts.findChild(QLabel, "delegationsRepresented").text() == (
        "Member delegations represented: 6 of 11")
    # One of them leaves (a mark over the scan): back below quorum.
    page.select_participant(lawmakers[0])
    qtbot.keyClick(page.table, Qt.Key.Key_A)
    assert quorum.property("met") == "no"
    # "Everyone not marked: absent" after the roll call, one transaction.
    page.findChild(QPushButton, "restAbsent").click()
    assert counts.counts.present == 5
    assert counts.counts.absent == counts.counts.expected - 5
    assert all(row.entry.status is not None for row in page.model.rows())


# --- agreements and initiatives --------------------------------------------------------------

def test_agreements_add_edit_delete_with_the_services_refusals_shown(qtbot, records, demo_db,
                                                                     messages):
    records.select(records.second.id)
    records.tabs.setCurrentWidget(records.agreements)
    page = records.agreements
    items = sittings.list_agenda_items(demo_db, records.second.id)
    page.add_button.click()
    form = page.dialog
    assert form is not None and form.isVisible()
    error = form.findChild(QLabel, "formError")
    form.buttons.button(form.buttons.StandardButton.Save).click()  # nothing written yet
    assert error.isVisible() and "Write the text of the agreement" in error.text()
    assert agreements.list_agreements(demo_db, records.second.id) == []

    form.item_box.setCurrentIndex(form.item_box.findData(items[0].id))
    form.findChild(QPlainTextEdit, "agreementTextEs").setPlainText(
        "Se aprueba la hoja de ruta de la Comisión de Niñez Migrante.")
    form.findChild(QComboBox, "agreementAdoption").setCurrentIndex(1)  # by vote
    form.findChild(QLineEdit, "votesFor").setText("nueve")
    form.save()
    assert "whole number" in error.text()
    assert agreements.list_agreements(demo_db, records.second.id) == []
    form.findChild(QLineEdit, "votesFor").setText("9")
    form.findChild(QLineEdit, "votesAgainst").setText("1")
    form.save()
    assert page.dialog is None  # saved and closed
    saved = agreements.list_agreements(demo_db, records.second.id)
    assert len(saved) == 1 and saved[0].votes_for == 9 and saved[0].agenda_item_id == items[0].id
    model = page.agreements
    assert model.rowCount() == 1
    assert cell(model, 0, model.ADOPTION) == (
        "Adopted by vote: 9 in favour, 1 against, 0 abstentions.")

    page.select_source_row(0)
    page.edit_button.click()
    form = page.dialog
    form.findChild(QCheckBox, "agreementAnnex").setChecked(True)
    form.save()
    assert "needs a title" in form.findChild(QLabel, "formError").text()
    form.findChild(QLineEdit, "annexTitle").setText("Declaración de Tuxtla")
    form.save()
    assert agreements.list_agreements(demo_db, records.second.id)[0].annex_title == (
        "Declaración de Tuxtla")
    assert cell(model, 0, model.ANNEX) == "Declaración de Tuxtla"

    # The agenda-item filter: the agreement is under its item, not under another one.
    page.item_box.setCurrentIndex(page.item_box.findData(items[1].id))
    page.item_box.activated.emit(page.item_box.currentIndex())
    assert model.rowCount() == 0
    page.item_box.setCurrentIndex(page.item_box.findData(items[0].id))
    page.item_box.activated.emit(page.item_box.currentIndex())
    assert model.rowCount() == 1

    page.select_source_row(0)
    page.delete_button.click()
    assert messages.kinds()[-1] == "ask"
    assert agreements.list_agreements(demo_db, records.second.id) == []
    assert model.rowCount() == 0


def test_initiatives_add_edit_delete_and_filter(qtbot, records, demo_db):
    records.tabs.setCurrentWidget(records.initiatives)
    page = records.initiatives
    before = len(initiatives.list_initiatives(demo_db))
    assert page.register.rowCount() == before
    page.add_button.click()
    form = page.dialog
    form.findChild(QLineEdit, "initiativeTitle").setText("Reforma a la Ley de Migración")
    form.save()
    assert "Choose the delegation" in form.findChild(QLabel, "formError").text()
    assert len(initiatives.list_initiatives(demo_db)) == before

    box = form.findChild(QComboBox, "initiativeDelegation")
    box.setCurrentIndex(box.findText("Guatemala"))
    assert form.sponsors.count() > 0  # the people of Guatemala, to tick
    sponsor = int(form.sponsors.item(0).data(Qt.ItemDataRole.UserRole))
    form.tick_sponsor(sponsor)
    form.findChild(QComboBox, "initiativeKind").setCurrentIndex(1)  # reform
    form.findChild(QCheckBox, "initiativeHasDate").setChecked(True)
    form.save()
    assert page.dialog is None
    rows = initiatives.list_initiatives(demo_db)
    new = next(r for r in rows if r.title == "Reforma a la Ley de Migración")
    assert new.delegation_es == "Guatemala" and [s.participant_id for s in new.sponsors] == [
        sponsor]
    assert new.kind.value == "reform" and new.target_date is not None
    assert new.sitting_id == records.first.id  # pledged in the session chosen above
    model = page.register
    number = model.row_of_id(new.id)
    assert cell(model, number, model.SPONSORS) == new.sponsor_names()
    assert cell(model, number, model.STATUS) == "Pledged"

    page.select_source_row(number)
    page.edit_button.click()
    form = page.dialog
    status = form.findChild(QComboBox, "initiativeStatus")
    status.setCurrentIndex(status.findData("tabled"))
    form.findChild(QLineEdit, "initiativeTitle").setText("")
    form.save()
    assert "title" in form.findChild(QLabel, "formError").text()
    form.findChild(QLineEdit, "initiativeTitle").setText("Reforma a la Ley de Migración (2018)")
    form.save()
    changed = next(r for r in initiatives.list_initiatives(demo_db) if r.id == new.id)
    assert changed.status.value == "tabled" and changed.title.endswith("(2018)")

    page.filter_box.setText("reforma ley migracion")  # accents and case ignored
    assert page.proxy.rowCount() == 1
    page.filter_box.clear()
    page.select_source_row(model.row_of_id(new.id))
    page.delete_button.click()
    assert len(initiatives.list_initiatives(demo_db)) == before


# --- minutes and exports ---------------------------------------------------------------------

def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_the_minutes_preview_writes_a_pdf_and_opens_it(qtbot, records):
    records.tabs.setCurrentWidget(records.minutes)
    page = records.minutes
    language = page.findChild(QComboBox, "minutesLanguage")
    language.setCurrentIndex(language.findData("es"))
    summary = page.findChild(QLabel, "minutesSummary").text()
    assert "RCM" in summary and "4 de septiembre de 2017" in summary
    with qtbot.waitSignal(page.output.jobs.ended):  # written off the GUI thread
        page.findChild(QPushButton, "previewMinutes").click()
    assert len(records.opened) == 1
    path = records.opened[0]
    assert path.suffix == ".pdf" and path.stat().st_size > 10_000
    text = pdf_text(path)
    assert "4 de septiembre de 2017" in text
    assert "PROYECTO DE ACTA" in text and "BORRADOR" not in text
    assert str(path) in page.findChild(QLabel, "minutesStatus").text()


def test_every_export_writes_its_file_through_the_save_dialog(qtbot, records, messages,
                                                              tmp_path):
    records.tabs.setCurrentWidget(records.minutes)
    page = records.minutes
    final = page.findChild(QCheckBox, "minutesFinal")
    final.setChecked(True)
    messages.save_paths = [str(tmp_path / "acta.pdf"), str(tmp_path / "acta"),
                           str(tmp_path / "informe.pdf"), str(tmp_path / "asistencia.xlsx"),
                           str(tmp_path / "intervenciones.csv"), str(tmp_path / "lista.txt")]
    for name in ("exportMinutes", "exportAkn", "exportEventReport", "exportAttendance",
                 "exportSpeeches", "exportAttendance"):
        with qtbot.waitSignal(page.output.jobs.ended):  # one after the other
            page.findChild(QPushButton, name).click()
    assert messages.save_paths == []

    minutes = pdf_text(tmp_path / "acta.pdf")
    assert "Opening session" in minutes or "Sesión de apertura" in minutes
    assert "DRAFT" not in minutes
    tree = etree.parse(str(tmp_path / "acta.xml"))  # no suffix typed: .xml added
    assert etree.QName(tree.getroot()).localname == "akomaNtoso"
    assert len(PdfReader(str(tmp_path / "informe.pdf")).pages) >= 2
    sheet = openpyxl.load_workbook(tmp_path / "asistencia.xlsx").active
    people = sum(len(g.entries) for g in attendance.roll_call(records.db, records.first.id))
    assert sheet.max_row == 1 + people  # a header and one row a person, session 1 only
    with (tmp_path / "intervenciones.csv").open(encoding="utf-8-sig") as handle:
        speeches = list(csv.reader(handle))
    assert len(speeches) == 1 + 13  # the demo's opening session had 13 interventions
    # A name the exporters do not know is refused in words, and nothing is written.
    assert not (tmp_path / "lista.txt").exists()
    assert messages.said[-1][0] == "warn" and ".csv or .xlsx" in messages.said[-1][2]


def test_the_workspace_reloads_and_keeps_the_session(qtbot, records, demo_db):
    records.select(records.second.id)
    attendance.mark(demo_db, records.second.id,
                    records.attendance.model.row_at(0).id, "present")  # another laptop
    records.context.records_changed.emit()
    assert records.sitting_id == records.second.id
    assert records.attendance.counts.counts.present == 1
    assert records.findChild(QComboBox, "recordsSitting").currentData() == records.second.id


# --- the chair -------------------------------------------------------------------------------

def test_the_chair_shows_live_attendance_of_its_session(qtbot, demo_db, messages):
    from encounter_desk.ui.chair import ChairWorkspace
    from encounter_desk.ui.chair.sounds import ClockSounds

    first, second = sittings.list_sittings(demo_db)[:2]
    context = AppContext(demo_db, messages)
    chair = ChairWorkspace(context, monotonic=lambda: 0.0, sounds=ClockSounds(enabled=False))
    chair.floor.stop_ticking()
    qtbot.addWidget(chair)
    counts = chair.findChild(AttendanceCountsWidget, "attendanceCounts")
    assert counts is not None
    assert chair.stats.tabText(chair.stats.indexOf(counts)) == "Attendance"
    chair.select(first.id)
    assert counts.sitting_id == first.id
    assert counts.findChild(QLabel, "quorumLabel").property("met") == "yes"
    chair.select(second.id)
    assert counts.counts.present == 0
    assert counts.findChild(QLabel, "quorumLabel").property("met") == "no"
    someone = attendance.roll_call(demo_db, second.id)[0].entries[0]
    attendance.mark(demo_db, second.id, someone.participant_id, "present")  # the door desk
    chair.refresh()  # what the change watcher does when another laptop writes
    assert counts.counts.present == 1


def test_another_desk_s_write_redraws_only_what_changed(qtbot, records, demo_db):
    """Another desk's write (the window calls refresh): the roll call on screen keeps its
    selection and scroll and redraws only the rows that changed (no reset); the other
    tabs are read when they are shown, with what changed meanwhile."""
    records.select(records.second.id)
    page = records.attendance
    assert records.tabs.currentWidget() is page
    rows = page.model.rows()
    chosen, marked = rows[5].id, rows[12].id
    page.select_participant(chosen)
    resets, changed = [], []
    page.model.modelReset.connect(lambda: resets.append(True))
    page.model.dataChanged.connect(lambda first, last, *_: changed.append((first.row(), last.row())))
    # Another laptop marks someone present and records an agreement, then the marker moves.
    attendance.mark(demo_db, records.second.id, marked, "present")
    agreement = agreements.create_agreement(
        demo_db, sitting_id=records.second.id, text_es="Acuerdo de otra mesa")
    records.refresh()
    assert resets == []
    assert changed == [(12, 12)]  # that one row, all its columns
    assert page.model.row_at(12).entry.status is AttendanceStatus.PRESENT
    assert page.selected_ids() == [chosen]
    assert records.findChild(AttendanceCountsWidget, "attendanceCounts").counts.present == 1
    # The agreements tab was not read then; shown, it has the new agreement.
    assert agreement.id not in {row.id for row in records.agreements.model.rows()}
    records.tabs.setCurrentWidget(records.agreements)
    assert agreement.id in {row.id for row in records.agreements.model.rows()}
    # Another session chosen: its roll call is laid out anew.
    records.tabs.setCurrentWidget(page)
    records.select(records.first.id)
    assert resets == [True]
