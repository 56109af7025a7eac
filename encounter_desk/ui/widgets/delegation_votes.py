"""Each member delegation's vote, a row per delegation: the declaration's adoption and an
agreement voted by delegation enter votes with this one box.

No vote is pre-filled — every delegation is accounted for by the secretariat — but "All
others in favour" fills the rows not yet set, for the common case of a vote with a few
exceptions. :attr:`DelegationVotesBox.changed` fires on every change, so a form can show the
tally as it is counted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QPushButton, QWidget

from encounter_desk.event.delegation_votes import tally, vote_label
from encounter_desk.storage.models import Vote


class Voter(Protocol):
    id: int
    code: str

    def name(self, lang: str | None = None) -> str: ...


class DelegationVotesBox(QGroupBox):
    changed = Signal()

    def __init__(self, members: Sequence[Voter], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Vote of each member delegation"))
        self.setObjectName("delegationVotes")
        grid = QGridLayout(self)
        self.boxes: dict[int, QComboBox] = {}
        for row, delegation in enumerate(members):
            box = QComboBox()
            box.setObjectName(f"vote_{delegation.code}")
            box.addItem("—", None)
            for vote in Vote:
                box.addItem(vote_label(vote.value), vote.value)
            box.currentIndexChanged.connect(lambda *_: self.changed.emit())
            grid.addWidget(QLabel(delegation.name()), row, 0)
            grid.addWidget(box, row, 1)
            self.boxes[delegation.id] = box
        self.all_for = QPushButton(self.tr("All others in favour"))
        self.all_for.setObjectName("allInFavour")
        self.all_for.clicked.connect(self.fill_in_favour)
        grid.addWidget(self.all_for, len(members), 1)

    def set_vote(self, delegation_id: int, vote: str | None) -> None:
        box = self.boxes[delegation_id]
        box.setCurrentIndex(max(0, box.findData(vote)))

    def set_votes(self, votes: Mapping[int, str]) -> None:
        for delegation_id in self.boxes:
            self.set_vote(delegation_id, votes.get(delegation_id))

    def fill_in_favour(self) -> None:
        for box in self.boxes.values():
            if box.currentData() is None:
                box.setCurrentIndex(box.findData(Vote.FOR.value))

    def votes(self) -> dict[int, str]:
        """delegation id -> vote, for the delegations whose vote is set."""
        return {d: box.currentData() for d, box in self.boxes.items()
                if box.currentData() is not None}

    def tally(self) -> tuple[int, int, int]:
        """(in favour, against, abstentions) counted from the votes set so far."""
        return tally({d: Vote(v) for d, v in self.votes().items()})
