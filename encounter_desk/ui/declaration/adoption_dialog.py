"""Adopting the declaration: by consensus, by vote of the delegations, or by head count.

The vote by delegation has a row per member delegation, in the conference's order, each
with its vote (in favour, against, abstains, absent): the
:class:`~encounter_desk.ui.widgets.delegation_votes.DelegationVotesBox` agreements use too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from encounter_desk.core.i18n import pick
from encounter_desk.declaration.base import method_label
from encounter_desk.declaration.state import DelegationRef
from encounter_desk.event.sittings import SittingRow
from encounter_desk.storage.models import AdoptionMethod
from encounter_desk.ui.declaration.forms import Submit, _Form
from encounter_desk.ui.widgets.delegation_votes import DelegationVotesBox


class AdoptionDialog(_Form):
    def __init__(self, parent: QWidget | None, members: Sequence[DelegationRef],
                 sittings: Sequence[SittingRow], sitting_id: int | None,
                 submit: Submit) -> None:
        super().__init__(parent, "adoptionDialog", self.tr("Adopt the declaration"), submit)
        self.resize(620, 700)
        self.sitting = QComboBox()
        self.sitting.setObjectName("adoptionSitting")
        for row in sittings:
            self.sitting.addItem(self.tr("Session {number}: {title}").format(
                number=row.number, title=pick(None, row.title_es, row.title_en)), row.id)
        self.sitting.setCurrentIndex(max(0, self.sitting.findData(sitting_id)))
        self.methods = QButtonGroup(self)
        method_row = QHBoxLayout()
        self.method_buttons: dict[str, QRadioButton] = {}
        for method in AdoptionMethod:
            button = QRadioButton(method_label(method.value))
            button.setObjectName(f"adopt_{method.value}")
            self.methods.addButton(button)
            self.method_buttons[method.value] = button
            method_row.addWidget(button)
        self.method_buttons[AdoptionMethod.CONSENSUS.value].setChecked(True)

        self.votes_box = DelegationVotesBox(members)
        self.all_for = self.votes_box.all_for

        self.count_box = QGroupBox(self.tr("Votes counted in the room"))
        counts = QHBoxLayout(self.count_box)
        self.counts: dict[str, QSpinBox] = {}
        for key, label in (("votes_for", self.tr("In favour")),
                           ("votes_against", self.tr("Against")),
                           ("abstentions", self.tr("Abstentions"))):
            spin = QSpinBox()
            spin.setObjectName(key)
            spin.setRange(0, 9999)
            counts.addWidget(QLabel(label))
            counts.addWidget(spin)
            self.counts[key] = spin
        counts.addStretch(1)

        self.form.addRow(self.tr("Session"), self.sitting)
        self.form.addRow(self.tr("Adopted"), method_row)
        self.form.addRow(self.votes_box)
        self.form.addRow(self.count_box)
        about = QLabel(self.tr("The adoption becomes an agreement of the session; the minutes "
                               "print the declaration as its annex. Reservations and "
                               "interpretive statements can be added afterwards."))
        about.setWordWrap(True)
        self.form.addRow(about)
        self.methods.buttonToggled.connect(lambda *_: self._enable())
        self._enable()

    def method(self) -> str:
        return next(m for m, b in self.method_buttons.items() if b.isChecked())

    def choose(self, method: str) -> None:
        self.method_buttons[method].setChecked(True)

    def set_vote(self, delegation_id: int, vote: str) -> None:
        self.votes_box.set_vote(delegation_id, vote)

    def fill_in_favour(self) -> None:
        self.votes_box.fill_in_favour()

    def _enable(self) -> None:
        method = self.method()
        self.votes_box.setVisible(method == AdoptionMethod.DELEGATION_VOTE.value)
        self.count_box.setVisible(method == AdoptionMethod.HEAD_COUNT.value)

    def values(self) -> dict[str, Any]:
        method = self.method()
        values: dict[str, Any] = {"method": method, "sitting_id": self.sitting.currentData()}
        if method == AdoptionMethod.DELEGATION_VOTE.value:
            values["votes"] = self.votes_box.votes()
        elif method == AdoptionMethod.HEAD_COUNT.value:
            values.update({key: spin.value() for key, spin in self.counts.items()})
        return values
