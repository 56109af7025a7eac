"""Records → Translations: the secretary writes the missing side, Spanish | English, by keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from encounter_desk.demo import build as demo
from encounter_desk.event import sittings
from encounter_desk.records import agreements, initiatives, translations
from encounter_desk.ui.records import RecordsWorkspace
from encounter_desk.ui.records.translations_page import TextsModel
from encounter_desk.ui.widgets.layout import PROBLEM_COLOUR
from encounter_desk.ui.widgets.workspace import AppContext

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture
def records(qtbot, db, messages):  # noqa: ANN201
    demo.build_demo(db)
    workspace = RecordsWorkspace(AppContext(db, messages))
    qtbot.addWidget(workspace)
    workspace.resize(1280, 800)
    workspace.select(sittings.list_sittings(db)[0].id)
    workspace.tabs.setCurrentWidget(workspace.translations)
    workspace.show()
    qtbot.waitExposed(workspace)
    return workspace


def row_labelled(page, start: str) -> int:
    rows = page.model.rows()
    return next(n for n, r in enumerate(rows) if r.label.startswith(start))


def test_the_list_says_what_awaits_a_translation(records, qtmodeltester):
    page = records.translations
    qtmodeltester.check(page.model)
    assert records.tabs.tabText(records.tabs.indexOf(page)) == "Translations"
    assert page.awaiting_label.text() == "8 of 27 texts await a translation."
    n = row_labelled(page, "Intervention 11 ")
    assert page.model.data(page.model.index(n, TextsModel.ORIGINAL)) == "English"
    assert page.model.data(page.model.index(n, TextsModel.SPANISH)) == "— translation missing —"
    red = Qt.ItemDataRole.ForegroundRole
    assert page.model.data(page.model.index(n, TextsModel.SPANISH), red).color().name() == \
        PROBLEM_COLOUR
    assert page.model.data(page.model.index(n, TextsModel.ENGLISH), red) is None
    page.only_awaiting.setChecked(True)
    assert page.model.rowCount() == 8 and all(r.missing for r in page.model.rows())


def test_the_original_side_is_marked_and_a_french_original_has_its_own_box(records):
    page = records.translations
    page.table.selectRow(row_labelled(page, "Intervention 11 "))
    assert page.english_label.text() == "English — original"
    assert page.spanish_label.text() == "Spanish — translation missing"
    assert not page.original.isVisibleTo(page)
    page.table.selectRow(row_labelled(page, "Intervention 13 "))
    assert page.language.currentData() == "fr" and page.original.isVisibleTo(page)
    assert page.original.toPlainText().startswith("Présente l'expérience du Québec")
    assert page.english_label.text() == "English — translation missing"


def test_typing_a_translation_and_saving_with_the_keyboard(records, qtbot):
    page = records.translations
    page.table.setFocus()
    page.table.selectRow(row_labelled(page, "Intervention 11 "))
    record_id = page.current().record_id
    page.table.activated.emit(page.table.currentIndex())  # Enter on the row: to the text
    assert page.spanish.hasFocus()
    qtbot.keyClicks(page.spanish, "Pregunta sobre el mecanismo.")
    assert page.spanish_label.text() == "Spanish — translation"
    qtbot.keyClick(page.spanish, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert page.status.text() == "Saved."
    assert page.awaiting_label.text() == "7 of 27 texts await a translation."
    assert page.current().record_id == record_id  # kept on the text just saved
    saved = next(r for r in translations.sitting_texts(records.db, records.sitting_id)
                 if r.record_id == record_id and r.kind == "summary")
    assert saved.text.es == "Pregunta sobre el mecanismo."


def test_save_and_next_walks_the_texts_awaiting_a_translation(records, qtbot):
    page = records.translations
    page.table.selectRow(row_labelled(page, "Intervention 12 "))
    page.english.setPlainText("Announces a bill on paid domestic work of migrant women.")
    qtbot.keyClick(page.english, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert page.current().label.startswith("Intervention 13 "), page.status.text()
    assert page.spanish.hasFocus()
    assert page.awaiting_label.text() == "7 of 27 texts await a translation."
    # on past the agreements, translated already, to the initiative's description
    page.spanish.setPlainText("Presenta la experiencia de Quebec.")
    page.english.setPlainText("Presents Quebec's experience.")
    page.next_button.click()
    assert page.current().label == "Initiative (description) — Dominican Republic"
    assert page.english.hasFocus()
    # and from the last one round to the first text still awaiting one
    page.english.setPlainText("Recognises paid domestic work of migrant women.")
    page.next_button.click()
    assert page.current().label.startswith("Intervention 4 ") and page.english.hasFocus()


def test_a_refusal_is_shown_and_the_typing_kept(records, qtbot):
    page = records.translations
    page.table.selectRow(row_labelled(page, "Agreement 1"))
    page.spanish.clear()
    page.english.clear()
    page.save_button.click()
    assert page.status.text() == "This text cannot be left empty."
    agreement = next(a for a in agreements.list_agreements(records.db, records.sitting_id)
                     if a.number == 1)
    assert agreement.text_es.startswith("Se aprueba la agenda")
    page.language.setCurrentIndex(page.language.findData("pt"))
    page.english.setPlainText("Adopted.")
    page.save_button.click()
    assert page.status.text() == "Write the text in its original language too."
    assert page.english.toPlainText() == "Adopted."


def test_an_agreement_added_meanwhile_is_listed_when_the_tab_is_shown_again(records):
    page = records.translations
    records.tabs.setCurrentWidget(records.agreements)
    agreements.create_agreement(records.db, records.sitting_id, text_en="Thanks to Chiapas.")
    records.tabs.setCurrentWidget(page)
    n = row_labelled(page, "Agreement 3")
    assert page.model.data(page.model.index(n, TextsModel.ORIGINAL)) == "English"
    assert page.awaiting_label.text() == "9 of 28 texts await a translation."


def test_an_initiative_pledged_in_english_is_kept_as_an_english_original(records, qtbot):
    records.tabs.setCurrentWidget(records.initiatives)
    page = records.initiatives
    page.add_button.click()
    form = page.dialog
    delegation = form.findChild(QComboBox, "initiativeDelegation")
    delegation.setCurrentIndex(delegation.findText("Belize"))
    language = form.findChild(QComboBox, "initiativeLanguage")
    assert language.currentData() == "es" and language.count() == 4
    language.setCurrentIndex(language.findData("en"))
    form.findChild(QLineEdit, "initiativeTitle").setText("Domestic Workers Protection Bill")
    form.save()
    assert page.dialog is None
    made = next(r for r in initiatives.list_initiatives(records.db)
                if r.title == "Domestic Workers Protection Bill")
    assert (made.titles.en, made.titles.es, made.titles.language) == (
        "Domestic Workers Protection Bill", "", "en")
    assert made.title_in("es") == "Domestic Workers Protection Bill [original en inglés]"
    # it awaits its Spanish in the Translations tab
    records.tabs.setCurrentWidget(records.translations)
    rows = records.translations.model.rows()
    title = next(r for r in rows if r.kind == "initiative_title" and r.record_id == made.id)
    assert title.missing == ("es",)
