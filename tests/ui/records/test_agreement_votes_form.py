"""Records → Agreements: a vote entered by delegation, the tally counted from it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
)

from encounter_desk.demo import build as demo
from encounter_desk.event import sittings
from encounter_desk.records import agreements
from encounter_desk.storage.database import Database
from encounter_desk.ui.records import RecordsWorkspace
from encounter_desk.ui.widgets.workspace import AppContext

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture
def records(qtbot, db: Database, messages):  # noqa: ANN201
    demo.build_demo(db)
    workspace = RecordsWorkspace(AppContext(db, messages),
                                 clock=lambda: dt.datetime(2017, 9, 5, 15, tzinfo=dt.UTC),
                                 open_file=lambda path: None)
    qtbot.addWidget(workspace)
    workspace.resize(1280, 800)
    workspace.show()
    qtbot.waitExposed(workspace)
    return workspace


def test_a_vote_by_delegation_counts_its_tally_and_is_saved_with_each_vote(qtbot, records, db,
                                                                          tmp_path):
    second = sittings.list_sittings(db)[1]
    records.select(second.id)
    records.tabs.setCurrentWidget(records.agreements)
    page = records.agreements
    page.add_button.click()
    form = page.dialog
    form.findChild(QPlainTextEdit, "agreementTextEs").setPlainText("Se aprueba el informe.")
    by_delegation = form.findChild(QCheckBox, "agreementByDelegation")
    votes_box = form.findChild(QGroupBox, "delegationVotes")
    assert not by_delegation.isVisible()  # consensus: no vote at all
    form.findChild(QComboBox, "agreementAdoption").setCurrentIndex(1)  # by vote
    assert by_delegation.isVisible() and not votes_box.isVisible()
    by_delegation.setChecked(True)
    assert votes_box.isVisible()
    votes_for = form.findChild(QLineEdit, "votesFor")
    assert votes_for.isReadOnly()  # the tally is counted, not typed

    belize = form.findChild(QComboBox, "vote_BZ")
    belize.setCurrentIndex(belize.findData("abstain"))
    canada = form.findChild(QComboBox, "vote_CA")
    canada.setCurrentIndex(canada.findData("against"))
    assert (votes_for.text(), form.findChild(QLineEdit, "abstentions").text()) == ("0", "1")
    form.save()  # nine delegations not accounted for: refused, nothing written
    error = form.findChild(QLabel, "formError")
    assert "Say how every member delegation voted" in error.text() and "Panama" in error.text()
    assert agreements.list_agreements(db, second.id) == []

    qtbot.mouseClick(form.findChild(QPushButton, "allInFavour"), Qt.MouseButton.LeftButton)
    assert (votes_for.text(), form.findChild(QLineEdit, "votesAgainst").text(),
            form.findChild(QLineEdit, "abstentions").text()) == ("9", "1", "1")
    form.grab().save(str(tmp_path / "agreement_by_delegation.png"))
    form.save()
    assert page.dialog is None
    saved = agreements.list_agreements(db, second.id)[0]
    assert (saved.votes_for, saved.votes_against, saved.abstentions) == (9, 1, 1)
    assert {v.code: v.vote.value for v in saved.delegation_votes}["BZ"] == "abstain"
    model = page.agreements
    assert model.data(model.index(0, model.ADOPTION)) == (
        "Adopted by vote of the delegations: 9 in favour, 1 against (Canada), "
        "1 abstention (Belize).")

    # Opened again, the form shows each vote; back to a head count, the votes go.
    page.select_source_row(0)
    page.edit_button.click()
    form = page.dialog
    assert form.findChild(QCheckBox, "agreementByDelegation").isChecked()
    assert form.findChild(QComboBox, "vote_CA").currentData() == "against"
    form.findChild(QCheckBox, "agreementByDelegation").setChecked(False)
    assert not form.findChild(QLineEdit, "votesFor").isReadOnly()
    form.findChild(QLineEdit, "votesFor").setText("20")
    form.save()
    saved = agreements.list_agreements(db, second.id)[0]
    assert saved.delegation_votes == () and saved.votes_for == 20
