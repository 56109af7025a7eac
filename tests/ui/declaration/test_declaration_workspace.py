"""The Declaration workbench on the demo, driven through its real widgets."""

from __future__ import annotations

import datetime as dt
import shutil

import docx
import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QPlainTextEdit, QTableView

from encounter_desk.core import i18n
from encounter_desk.core.clock import ManualClock
from encounter_desk.declaration import amendments as am
from encounter_desk.declaration.state import load_state
from encounter_desk.demo.build import build_demo
from encounter_desk.storage.database import open_database, sqlite_url
from encounter_desk.ui.declaration import DeclarationWorkspace
from encounter_desk.ui.declaration.models import AmendmentsModel, TextModel
from encounter_desk.ui.widgets.workspace import AppContext

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints", "raise")]

DECIDING = dt.datetime(2017, 9, 6, 16, 0, tzinfo=dt.UTC)  # 11:00 in Chiapas


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    db = open_database(sqlite_url(path))
    build_demo(db)
    db.close()
    return path


@pytest.fixture
def demo_db(demo_file, tmp_path):
    path = tmp_path / "event.sqlite"
    shutil.copy(demo_file, path)
    db = open_database(sqlite_url(path))
    db.clock = ManualClock(DECIDING)
    yield db
    db.close()


def _workspace(qtbot, db, messages, opened):
    ws = DeclarationWorkspace(AppContext(db, messages), open_file=opened.append)
    qtbot.addWidget(ws)
    ws.resize(1400, 860)
    ws.show()
    qtbot.waitExposed(ws)
    return ws


@pytest.fixture
def bench(qtbot, demo_db, messages):
    opened = []
    ws = _workspace(qtbot, demo_db, messages, opened)
    ws.opened = opened
    return ws


def _dialog(ws, name):
    found = [d for d in ws.findChildren(QDialog) if d.objectName() == name and d.isVisible()]
    assert found, f"no open {name}"
    return found[-1]


def _click(qtbot, ws, name):
    qtbot.mouseClick(ws.findChild(object, name), Qt.MouseButton.LeftButton)


def _delegation(db, code):
    return next(s.delegation.id for s in load_state(db).signatories if s.delegation.code == code)


def _amendment(db, number):
    return next(a for a in load_state(db).amendments if a.number == number)


def test_the_text_shows_both_languages_and_the_paragraph_under_discussion(bench):
    table = bench.findChild(QTableView, "declarationText")
    model = table.model()
    assert model.rowCount() == 15  # 6 + 8 draft paragraphs and one inserted after OP2
    spanish = model.index(6, TextModel.SPANISH).data()
    english = model.index(6, TextModel.ENGLISH).data()
    assert "reparación del daño" in spanish and "effective access to justice" in english
    assert model.index(8, TextModel.NAME).data() == "new after OP2\n3."
    discussed = [model.index(r, TextModel.NAME).data() for r in range(model.rowCount())
                 if model.index(r, TextModel.NAME).data().startswith("▶")]
    assert discussed == ["▶ OP5\n6."]
    assert model.index(table.currentIndex().row(), TextModel.NAME).data().startswith("▶ OP5")
    amendments = bench.findChild(QTableView, "amendmentList")
    assert amendments.model().rowCount() == 1
    assert amendments.model().index(0, AmendmentsModel.SPONSORS).data() == "Canada"
    assert "comprehensive" in bench.amendments.detail.toPlainText()


def test_the_chair_sees_several_amendments_together_and_all_of_them(bench, qtbot):
    bench.text_page.select(load_state(bench.db).find_code("operative", 1).id)
    model = bench.findChild(QTableView, "amendmentList").model()
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["1"]
    bench.findChild(QCheckBox, "allAmendments").setChecked(True)
    assert model.rowCount() == 7
    statuses = [model.index(r, AmendmentsModel.STATUS).data() for r in range(7)]
    assert statuses.count("Pending") == 3 and "Accepted as orally amended" in statuses


def test_deciding_with_the_buttons_records_the_time_and_updates_text_and_room(bench, qtbot):
    _click(qtbot, bench, "acceptAmendment")
    five = _amendment(bench.db, 5)
    assert five.status == "accepted" and five.decided_at == DECIDING
    assert bench.room_language_code() == "es"
    room = bench.preview.content
    assert room.status == "Aceptada a las 11:00"
    model = bench.findChild(QTableView, "declarationText").model()
    assert "mental health care" in model.index(11, TextModel.ENGLISH).data()
    assert "mental health care" in bench.changes_view.toPlainText()
    _click(qtbot, bench, "reopenAmendment")  # asks first; the test bridge says yes
    assert _amendment(bench.db, 5).pending
    assert bench.messages.kinds()[-1] == "ask"


def test_accepted_as_orally_amended_takes_the_final_wording_from_its_form(bench, qtbot):
    _click(qtbot, bench, "acceptAmended")
    dialog = _dialog(bench, "wordingDialog")
    english = dialog.findChild(QPlainTextEdit, "wordingEn")
    assert english.toPlainText().startswith("To guarantee access for migrant women and girls")
    english.setPlainText("To guarantee access to comprehensive health services.")
    dialog.findChild(QPlainTextEdit, "wordingEs").setPlainText(
        "Garantizar el acceso a servicios integrales de salud.")
    dialog.save()
    five = _amendment(bench.db, 5)
    assert five.status == "accepted_amended"
    assert five.final_text_es == "Garantizar el acceso a servicios integrales de salud."
    assert not dialog.isVisible()


def test_a_new_amendment_from_its_form_and_a_refused_one_keeps_what_was_typed(bench, qtbot):
    _click(qtbot, bench, "newAmendment")
    dialog = _dialog(bench, "amendmentDialog")
    dialog.findChild(QComboBox, "amendmentKind").setCurrentIndex(
        dialog.kind.findData("insert_after"))
    dialog.findChild(QPlainTextEdit, "amendmentTextEs").setPlainText(
        "Garantizar la atención psicosocial de las niñas migrantes.")
    dialog.save()  # no delegation checked
    assert dialog.error.isVisible() and "at least one delegation" in dialog.error.text()
    assert len(load_state(bench.db).amendments) == 7
    dialog.check_sponsor(_delegation(bench.db, "PA"))  # proposes
    dialog.check_sponsor(_delegation(bench.db, "NI"))  # co-sponsors
    dialog.save()
    assert not dialog.isVisible()
    new = _amendment(bench.db, 8)
    assert [s.code for s in new.sponsors] == ["PA", "NI"]
    assert new.kind == "insert_after" and new.paragraph_id == load_state(bench.db).find_code(
        "operative", 5).id


def test_keys_move_the_discussion_and_the_room_follows(bench, qtbot):
    room = bench.show_room()
    assert room.objectName() == "declarationRoomWindow" and room.isVisible()
    assert room.content.paragraph == "Párrafo operativo 5"
    assert room.content.amendment.startswith("Enmienda 5 · Canadá · Sustituir")
    qtbot.keyClick(bench.text_page.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert room.content.paragraph == "Párrafo operativo 6" and room.content.amendment == ""
    assert load_state(bench.db).discussion.paragraph_id == bench.text_page.selected()
    qtbot.keyClick(bench.text_page.table, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert room.content.amendment.startswith("Enmienda 4 · Costa Rica, Panamá")
    assert room.content.status.startswith("Retirada a las 10:40")
    qtbot.keyClick(room, Qt.Key.Key_PageUp)  # a clicker on the room's window
    assert room.content.paragraph == "Párrafo operativo 5"
    bench.room_language.setCurrentIndex(bench.room_language.findData("en"))
    bench.room_language.activated.emit(bench.room_language.currentIndex())
    assert room.content.paragraph == "Operative paragraph 5"


def test_adoption_by_vote_of_delegations_from_its_dialog(bench, qtbot, messages):
    for number in (5, 6, 7):
        am.decide(bench.db, _amendment(bench.db, number).id, "rejected")
    bench.refresh()
    _click(qtbot, bench, "adoptButton")
    dialog = _dialog(bench, "adoptionDialog")
    dialog.choose("delegation_vote")
    dialog.set_vote(_delegation(bench.db, "US"), "against")
    dialog.save()
    assert "Say how every member delegation voted" in dialog.error.text()
    _click(qtbot, dialog, "allInFavour")
    dialog.save()
    adoption = load_state(bench.db).adoption
    assert adoption.method == "delegation_vote" and adoption.votes_for == 10
    assert "10 in favour, 1 against" in bench.adoption_page.summary.text()
    assert bench.room_language_code() == "es"
    assert bench.preview.content.idle == "La declaración fue adoptada."
    _click(qtbot, bench, "cancelAdoption")
    assert load_state(bench.db).adoption is None


def test_documents_preview_and_save(bench, qtbot, messages, tmp_path):
    bench.tabs.setCurrentIndex(2)
    _click(qtbot, bench, "previewDeclaration")
    assert bench.opened and bench.opened[-1].name == "declaration-en.pdf"
    assert bench.opened[-1].stat().st_size > 10_000
    messages.save_paths.append(str(tmp_path / "out.docx"))
    _click(qtbot, bench, "saveDeclarationDocx")
    assert docx.Document(str(tmp_path / "out.docx")).paragraphs[0].text == \
        "Declaration on Migrant Women"
    messages.save_paths.append(str(tmp_path / "out.xml"))
    _click(qtbot, bench, "saveDeclarationAkn")
    assert b"<statement" in (tmp_path / "out.xml").read_bytes()
    _click(qtbot, bench, "previewAmendmentsLog")
    assert bench.opened[-1].name == "amendments-en.pdf"


def test_a_statement_from_its_form_prints_after_the_declaration(bench, qtbot):
    bench.tabs.setCurrentIndex(2)
    _click(qtbot, bench, "addStatement")
    dialog = _dialog(bench, "statementDialog")
    dialog.delegation.setCurrentIndex(dialog.delegation.findData(_delegation(bench.db, "US")))
    dialog.findChild(QPlainTextEdit, "statementTextEn").setPlainText(
        "The United States reserves its position on preambular paragraph 3.")
    dialog.save()
    assert bench.adoption_page.statements.count() == 1
    assert "Reservation — United States" in bench.adoption_page.statements.item(0).text()


def test_an_event_without_a_declaration_imports_one_from_word(qtbot, event_db, messages,
                                                                tmp_path):
    ws = _workspace(qtbot, event_db, messages, [])
    assert "no draft declaration yet" in ws.status_label.text()
    assert not ws.amendments.new_button.isEnabled()
    path = tmp_path / "borrador.docx"
    document = docx.Document()
    document.add_paragraph("Declaración de prueba", style="Title")
    document.add_paragraph("Considerando la situación de las niñas migrantes;")
    document.add_paragraph("Declaramos:")
    document.add_paragraph("Primer párrafo operativo.", style="List Number")
    document.save(str(path))
    messages.open_paths.append(str(path))
    _click(qtbot, ws, "importDraft")
    assert messages.kinds()[-1] == "report"
    assert ws.title_label.text() == "Declaración de prueba"
    assert ws.text_page.model.rowCount() == 2
    assert load_state(event_db).authentic_language == "es"  # read as Spanish


def test_a_draft_typed_in_the_workbench(qtbot, event_db, messages):
    ws = _workspace(qtbot, event_db, messages, [])
    _click(qtbot, ws, "typeDraft")
    dialog = _dialog(ws, "draftTextDialog")
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.text.setPlainText("Declaration on Migrant Women\nRecognizing their contribution;\n"
                             "Declare:\n1. To protect migrant women.\n2. To follow up.")
    dialog.save()
    assert not dialog.isVisible()
    state = load_state(event_db)
    assert state.title_en == "Declaration on Migrant Women"
    assert [p.code("en") for p in state.paragraphs] == ["PP1", "OP1", "OP2"]
    assert ws.findChild(QTableView, "declarationText").model().rowCount() == 3


def test_the_workbench_speaks_spanish(qtbot, demo_db, messages):
    i18n.set_language("es")
    from encounter_desk.ui.shell.translations import Translators

    translators = Translators()
    translators.install("es")
    try:
        ws = _workspace(qtbot, demo_db, messages, [])
        assert ws.title() == "Declaración"
        assert ws.title_label.text() == "Declaración sobre Mujeres Migrantes"
        assert ws.status_label.text().startswith("PROYECTO · 7 enmiendas")
        assert ws.amendments.accept_button.text() == "Aceptada"
        model = ws.findChild(QTableView, "amendmentList").model()
        assert model.headerData(AmendmentsModel.SPONSORS, Qt.Orientation.Horizontal) == \
            "Propuesta por"
    finally:
        translators.install("en")
        i18n.set_language("en")


def test_a_language_switch_retranslates_the_workbench_at_once(qtbot, demo_db, messages):
    """The texts each page declares with Texts follow a live switch, both ways."""
    from encounter_desk.ui.shell.translations import Translators

    ws = _workspace(qtbot, demo_db, messages, [])
    es = i18n.in_language("es")
    translators = Translators()
    translators.install("es")
    QCoreApplication.sendPostedEvents()  # the LanguageChange events
    try:
        assert ws.amendments.accept_button.text() == "Aceptada"
        assert ws.text_page.discuss_button.text() == es.translate(
            "TextPage", "▶ Discuss this paragraph") != "▶ Discuss this paragraph"
        assert ws.text_page.next_button.toolTip() == es.translate(
            "TextPage", "Discuss the next paragraph (Alt+Down, Page Down on the room screen)")
        assert ws.adoption_page.documents_box.title() == es.translate("AdoptionPage", "Documents")
        assert ws.adoption_page.paper.itemText(0) == es.translate("AdoptionPage", "Letter")
        assert ws.tabs.tabText(1) == es.translate("DeclarationWorkspace", "Changes") != "Changes"
        assert ws.room_button.text() == es.translate("DeclarationWorkspace", "Room screen (F11)")
    finally:
        translators.install("en")
        QCoreApplication.sendPostedEvents()
    assert ws.amendments.accept_button.text() == "Accepted"
    assert ws.tabs.tabText(1) == "Changes"
    assert ws.adoption_page.paper.itemText(0) == "Letter"


def test_the_two_lists_are_sound_qt_models(qtmodeltester, demo_db):
    state = load_state(demo_db)
    text = TextModel()
    text.set_state(state)
    qtmodeltester.check(text)
    amendments = AmendmentsModel()
    amendments.set_rows(state, list(state.amendments))
    qtmodeltester.check(amendments)
    assert amendments.rowCount() == 7 and text.rowCount() == 15
