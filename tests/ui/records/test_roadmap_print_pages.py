"""Records → Road map and Print, driven through their real widgets on the demo."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt

from encounter_desk.demo import build as demo
from encounter_desk.records.roadmap import forms
from encounter_desk.records.roadmap.commitments import load_commitments
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import Stage
from encounter_desk.ui.records import RecordsWorkspace
from encounter_desk.ui.records.roadmap_page import CommitmentsModel
from encounter_desk.ui.widgets.workspace import AppContext

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture
def records(qtbot, sqlite_db: Database, messages):  # noqa: ANN201
    demo.build_demo(sqlite_db)
    opened: list[Path] = []
    workspace = RecordsWorkspace(AppContext(sqlite_db, messages), open_file=opened.append)
    workspace.opened = opened  # type: ignore[attr-defined]
    qtbot.addWidget(workspace)
    workspace.resize(1280, 800)
    workspace.show()
    qtbot.waitExposed(workspace)
    return workspace


def test_commitments_model(qtmodeltester, sqlite_db):
    demo.build_demo(sqlite_db)
    model = CommitmentsModel()
    model.set_rows(load_commitments(sqlite_db))
    qtmodeltester.check(model)
    overdue = [n for n in range(model.rowCount())
               if model.data(model.index(n, CommitmentsModel.STAGE),
                             Qt.ItemDataRole.ForegroundRole) is not None]
    assert overdue and "overdue" in model.data(model.index(overdue[0], CommitmentsModel.STAGE))


def test_record_a_change_of_stage_and_keep_the_history(qtbot, records):
    page = records.roadmap
    records.tabs.setCurrentWidget(page)
    gt = next(n for n, c in enumerate(page.model.rows) if c.delegation_code == "GT")
    page.table.selectRow(gt)
    before = page.chosen()
    page.stage.setCurrentIndex(page.stage.findData(Stage.FILED.value))
    page.stage_on.setDate(QDate(2018, 4, 2))
    qtbot.keyClicks(page.note, "Expediente 5400")
    qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)
    after = page.chosen()
    assert after.id == before.id and after.stage is Stage.FILED
    assert len(after.history) == len(before.history) + 1
    assert "Expediente 5400" in page.history.text()
    # a date before the last change is refused in words and nothing changes
    page.stage.setCurrentIndex(page.stage.findData(Stage.IN_COMMITTEE.value))
    page.stage_on.setDate(QDate(2017, 1, 1))
    qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)
    assert "cannot come before" in page.status.text() or "anterior" in page.status.text()
    assert page.chosen().stage is Stage.FILED
    # the details
    page.focal_email.setText("nobody")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "nobody" in page.status.text()
    page.focal_email.setText("enlace@congreso.gob.gt")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.chosen().focal_email == "enlace@congreso.gob.gt"


def test_forms_out_and_back_in_from_the_app(qtbot, records, messages, tmp_path):
    page = records.roadmap
    messages.save_paths.append(str(tmp_path / "forms"))
    with qtbot.waitSignal(page.output.jobs.ended):
        qtbot.mouseClick(page.forms_button, Qt.MouseButton.LeftButton)
    files = sorted((tmp_path / "forms").glob("*.xlsx"))
    assert len(files) == 9
    mx = next(f for f in files if "-MX-" in f.name)
    wb = load_workbook(mx)
    ws = wb[forms.SHEET]
    keys = [ws.cell(forms.KEY_ROW, c).value for c in range(1, len(forms.COLUMNS) + 1)]
    ws.cell(forms.FIRST_ROW, keys.index("stage") + 1).value = "Nada"
    wb.save(mx)
    messages.open_paths.append(str(mx))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    report = [s for s in messages.said if s[0] == "report"][-1]
    assert f"{mx.name}, row {forms.FIRST_ROW}" in report[3][0]
    ws.cell(forms.FIRST_ROW, keys.index("stage") + 1).value = "Enacted"
    ws.cell(forms.FIRST_ROW, keys.index("stage_date") + 1).value = "2018-06-01"
    wb.save(mx)
    changed = page.import_files([mx])
    assert changed.written and changed.stage_changes == 1


def test_previews_of_the_report_and_the_print_shop(qtbot, records):
    page = records.roadmap
    with qtbot.waitSignal(page.output.jobs.ended):
        qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    assert records.opened and records.opened[-1].name.startswith("roadmap-")
    assert len(PdfReader(records.opened[-1]).pages) >= 3

    shop = records.print_shop
    shop.language.setCurrentIndex(shop.language.findData("en"))
    shop.paper.setCurrentIndex(shop.paper.findData("a4"))
    for n in range(3):
        with qtbot.waitSignal(shop.output.jobs.ended):
            qtbot.mouseClick(shop.previews[n], Qt.MouseButton.LeftButton)
    certificates, plates, people = records.opened[-3:]
    assert "CERTIFICATE OF ATTENDANCE" in PdfReader(certificates).pages[0].extract_text()
    assert abs(float(PdfReader(plates).pages[0].mediabox.height) - 595.3) < 1  # A4 landscape
    assert "@" in PdfReader(people).pages[0].extract_text()
    shop.public.setChecked(True)
    with qtbot.waitSignal(shop.output.jobs.ended):
        qtbot.mouseClick(shop.previews[2], Qt.MouseButton.LeftButton)
    assert "@" not in " ".join(p.extract_text() for p in PdfReader(records.opened[-1]).pages)


def test_choose_a_delegations_language(qtbot, records, sqlite_db, tmp_path):
    shop = records.print_shop
    shop.delegation.setCurrentIndex(next(
        n for n in range(shop.delegation.count()) if shop.delegation.itemText(n) in (
            "Mexico", "México")))
    shop.delegation_language.setCurrentIndex(shop.delegation_language.findData("en"))
    qtbot.mouseClick(shop.delegation_button, Qt.MouseButton.LeftButton)
    assert "Mexico" in shop.status.text() or "México" in shop.status.text()
    mx = next(p for p in forms.write_forms(sqlite_db, tmp_path) if "-MX-" in p.name)
    ws = load_workbook(mx)[forms.SHEET]
    assert ws.cell(forms.KEY_ROW + 1, 6).value == "Stage reached"  # English now


def test_badges_from_the_print_shop_and_a_cancelled_save_leaves_no_file(qtbot, records,
                                                                       messages, tmp_path):
    import threading

    from PySide6.QtCore import QThreadPool

    from encounter_desk.event import participants

    shop = records.print_shop
    shop.paper.setCurrentIndex(shop.paper.findData("a4"))
    with qtbot.waitSignal(shop.output.jobs.ended):  # written off the GUI thread
        qtbot.mouseClick(shop.previews[shop.BADGES], Qt.MouseButton.LeftButton)
    people = len(participants.list_participants(records.db))
    sheets = PdfReader(records.opened[-1])
    assert len(sheets.pages) == -(-people // 8)
    assert abs(float(sheets.pages[0].mediabox.height) - 841.9) < 1  # A4
    # Cancelled: the job waits behind another in a one-thread pool, is cancelled, then runs.
    pool, gate = QThreadPool(), threading.Event()
    pool.setMaxThreadCount(1)
    pool.start(lambda: gate.wait(10))
    shop.output.jobs.pool = pool
    out = tmp_path / "print"
    out.mkdir()
    messages.save_paths.append(str(out / "badges.pdf"))
    with qtbot.waitSignal(shop.output.jobs.ended):
        qtbot.mouseClick(shop.saves[shop.BADGES], Qt.MouseButton.LeftButton)
        shop.output.jobs.job.dialog.reject()  # Cancel (or Escape)
        gate.set()
    assert list(out.iterdir()) == []  # no PDF, no temporary file
    assert shop.status.text() == "Cancelled: badges.pdf was not written."
    assert messages.warnings() == []
