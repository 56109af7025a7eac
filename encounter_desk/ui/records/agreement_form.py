"""The form of one agreement: agenda item, text, how adopted, annex (a
:class:`~encounter_desk.ui.widgets.form_dialog.FormDialog`).

A vote is entered as a tally counted in the room, or by delegation: each member
delegation's vote in a :class:`~encounter_desk.ui.widgets.delegation_votes.DelegationVotesBox`,
the tally then counted from it as the votes are set (the count boxes show it, read-only) and
checked again by the job when saved."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from encounter_desk.core import i18n
from encounter_desk.event.sittings import AgendaItemRow
from encounter_desk.records.agreements import AgreementRow, adoption_label
from encounter_desk.storage.models import Adoption
from encounter_desk.ui.widgets.delegation_votes import DelegationVotesBox, Voter
from encounter_desk.ui.widgets.form_dialog import FormDialog, Submit
from encounter_desk.ui.widgets.layout import named


class AgreementDialog(FormDialog):
    def __init__(self, parent: QWidget | None, items: Sequence[AgendaItemRow],
                 submit: Submit, row: AgreementRow | None = None,
                 item_id: int | None = None, members: Sequence[Voter] = ()) -> None:
        super().__init__(parent, submit, "agreementDialog")
        self.row = row
        lang = i18n.language()
        self.setWindowTitle(self.tr("Agreement") if row is None
                            else self.tr("Agreement {number}").format(number=row.number))
        self.resize(620, 560)

        self.item_box = named(QComboBox(), "agreementItem")
        self.item_box.addItem(self.tr("The whole session"), None)
        for item in items:
            self.item_box.addItem(
                self.tr("{number}. {title}").format(number=item.number, title=item.title(lang)),
                item.id)
        chosen = row.agenda_item_id if row is not None else item_id
        self.item_box.setCurrentIndex(max(0, self.item_box.findData(chosen)))
        self.number = named(QSpinBox(), "agreementNumber")
        self.number.setRange(0, 999)
        self.number.setSpecialValueText(self.tr("next free number"))
        self.text_es = named(QPlainTextEdit(), "agreementTextEs")
        self.text_en = named(QPlainTextEdit(), "agreementTextEn")
        self.adoption = named(QComboBox(), "agreementAdoption")
        for value in Adoption:
            self.adoption.addItem(adoption_label(value.value), value.value)
        self.votes_for = named(QLineEdit(), "votesFor")
        self.votes_against = named(QLineEdit(), "votesAgainst")
        self.abstentions = named(QLineEdit(), "abstentions")
        votes = QHBoxLayout()
        self.for_label, self.against_label, self.abstain_label = QLabel(), QLabel(), QLabel()
        for label, box in ((self.for_label, self.votes_for),
                           (self.against_label, self.votes_against),
                           (self.abstain_label, self.abstentions)):
            box.setMaximumWidth(70)
            votes.addWidget(label)
            votes.addWidget(box)
        votes.addStretch(1)
        self.by_delegation = named(QCheckBox(self.tr("Vote taken by delegation")),
                                   "agreementByDelegation")
        self.by_delegation.setEnabled(bool(members))
        self.delegation_votes = DelegationVotesBox(members)
        self.delegation_votes.changed.connect(self._count)
        self.annex = named(QCheckBox(self.tr("A declaration printed in full as an annex")),
                           "agreementAnnex")
        self.annex_title = named(QLineEdit(), "annexTitle")

        self.add_rows((self.tr("Agenda item"), self.item_box),
                      (self.tr("Number"), self.number),
                      (self.tr("Text (Spanish)"), self.text_es),
                      (self.tr("Text (English)"), self.text_en),
                      (self.tr("Adopted"), self.adoption),
                      ("", self.by_delegation),
                      (self.delegation_votes,),
                      (self.tr("Votes"), votes),
                      ("", self.annex),
                      (self.tr("Annex title"), self.annex_title))
        self.for_label.setText(self.tr("In favour"))
        self.against_label.setText(self.tr("Against"))
        self.abstain_label.setText(self.tr("Abstentions"))

        if row is not None:
            self.number.setValue(row.number)
            self.text_es.setPlainText(row.text_es)
            self.text_en.setPlainText(row.text_en)
            self.adoption.setCurrentIndex(self.adoption.findData(row.adoption.value))
            for box, value in ((self.votes_for, row.votes_for),
                               (self.votes_against, row.votes_against),
                               (self.abstentions, row.abstentions)):
                box.setText("" if value is None else str(value))
            if row.delegation_votes:
                self.by_delegation.setChecked(True)
                self.delegation_votes.set_votes(
                    {v.delegation_id: v.vote.value for v in row.delegation_votes})
            self.annex.setChecked(row.is_annex)
            self.annex_title.setText(row.annex_title)
        self.adoption.currentIndexChanged.connect(self._enable)
        self.annex.toggled.connect(self._enable)
        self.by_delegation.toggled.connect(self._enable)
        self._enable()
        self.text_es.setFocus(Qt.FocusReason.OtherFocusReason)

    def _enable(self, *_args: object) -> None:
        vote = self.adoption.currentData() == Adoption.VOTE.value
        by_delegation = vote and self.by_delegation.isChecked()
        self.by_delegation.setVisible(vote)
        self.delegation_votes.setVisible(by_delegation)
        for box in (self.votes_for, self.votes_against, self.abstentions):
            box.setEnabled(vote)
            box.setReadOnly(by_delegation)  # counted from the delegations' votes
        self.annex_title.setEnabled(self.annex.isChecked())
        self._count()

    def _count(self) -> None:
        """The tally counted from the delegations' votes, shown in the count boxes."""
        if not (self.adoption.currentData() == Adoption.VOTE.value
                and self.by_delegation.isChecked()):
            return
        for box, value in zip((self.votes_for, self.votes_against, self.abstentions),
                              self.delegation_votes.tally(), strict=True):
            box.setText(str(value))

    def values(self) -> dict[str, Any]:
        vote = self.adoption.currentData() == Adoption.VOTE.value
        values: dict[str, Any] = {
            "agenda_item_id": self.item_box.currentData(),
            "text_es": self.text_es.toPlainText(),
            "text_en": self.text_en.toPlainText(),
            "adoption": self.adoption.currentData(),
            "votes_for": self.votes_for.text().strip() if vote else None,
            "votes_against": self.votes_against.text().strip() if vote else None,
            "abstentions": self.abstentions.text().strip() if vote else None,
            "delegation_votes": self.delegation_votes.votes()
            if vote and self.by_delegation.isChecked() else {},
            "is_annex": self.annex.isChecked(),
            "annex_title": self.annex_title.text() if self.annex.isChecked() else "",
        }
        if self.number.value() > 0:
            values["number"] = self.number.value()
        return values
