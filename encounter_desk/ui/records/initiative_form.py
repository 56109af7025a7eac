"""The form of one legislative initiative: delegation, sponsors, title, description, kind,
target date, status and the session where it was pledged (a
:class:`~encounter_desk.ui.widgets.form_dialog.FormDialog`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from encounter_desk.core import i18n
from encounter_desk.event.delegations import DelegationRow
from encounter_desk.event.participants import ParticipantRow
from encounter_desk.event.sittings import SittingRow
from encounter_desk.records import initiatives
from encounter_desk.records.attendance import NOT_EXPECTED
from encounter_desk.records.initiatives import InitiativeRow
from encounter_desk.storage.models import InitiativeKind, InitiativeStatus
from encounter_desk.ui.records.translations_page import language_box
from encounter_desk.ui.widgets.form_dialog import FormDialog, Submit
from encounter_desk.ui.widgets.layout import named


class InitiativeDialog(FormDialog):
    def __init__(
        self,
        parent: QWidget | None,
        delegations: Sequence[DelegationRow],
        people: Sequence[ParticipantRow],
        sittings: Sequence[SittingRow],
        submit: Submit,
        row: InitiativeRow | None = None,
        sitting_id: int | None = None,
        default_date: dt.date | None = None,
    ) -> None:
        super().__init__(parent, submit, "initiativeDialog")
        self.row = row
        self.people = [p for p in people if p.category not in NOT_EXPECTED]
        lang = i18n.language()
        self.setWindowTitle(self.tr("Legislative initiative"))
        self.resize(640, 640)

        self.delegation = named(QComboBox(), "initiativeDelegation")
        self.delegation.addItem(self.tr("(choose the delegation)"), None)
        for d in delegations:
            self.delegation.addItem(d.name(lang), d.id)
        self.sponsors = named(QListWidget(), "initiativeSponsors")
        self.sponsors.setMinimumHeight(110)
        self.language = language_box("initiativeLanguage", row.titles.language if row else "es")
        self.title_box = named(QLineEdit(), "initiativeTitle")
        self.description = named(QPlainTextEdit(), "initiativeDescription")
        self.description.setMaximumHeight(110)
        self.kind = named(QComboBox(), "initiativeKind")
        for value in InitiativeKind:
            self.kind.addItem(initiatives.kind_label(value.value), value.value)
        self.status = named(QComboBox(), "initiativeStatus")
        for value in InitiativeStatus:
            self.status.addItem(initiatives.status_label(value.value), value.value)
        self.has_date = named(QCheckBox(), "initiativeHasDate")
        self.target = named(QDateEdit(), "initiativeTarget")
        self.target.setCalendarPopup(True)
        self.target.setDisplayFormat("yyyy-MM-dd")
        start = default_date or dt.date.today()
        self.target.setDate(QDate(start.year, start.month, start.day))
        date_row = QHBoxLayout()
        date_row.addWidget(self.has_date)
        date_row.addWidget(self.target)
        date_row.addStretch(1)
        self.sitting = named(QComboBox(), "initiativeSitting")
        self.sitting.addItem(self.tr("Not pledged in a session"), None)
        for s in sittings:
            self.sitting.addItem(
                self.tr("{number}. {title}").format(number=s.number, title=s.title(lang)), s.id)

        self.add_rows((self.tr("Delegation"), self.delegation),
                      (self.tr("Lawmakers (sponsors)"), self.sponsors),
                      (self.tr("Language pledged in"), self.language),
                      (self.tr("Title"), self.title_box),
                      (self.tr("Short description"), self.description),
                      (self.tr("Kind"), self.kind),
                      (self.tr("Target date"), date_row),
                      (self.tr("Status"), self.status),
                      (self.tr("Pledged in"), self.sitting))
        self.has_date.setText(self.tr("Has a target date"))

        chosen: set[int] = set()
        if row is not None:
            self.delegation.setCurrentIndex(max(0, self.delegation.findData(row.delegation_id)))
            chosen = {s.participant_id for s in row.sponsors}
            self.title_box.setText(row.title)
            self.description.setPlainText(row.description)
            self.kind.setCurrentIndex(self.kind.findData(row.kind.value))
            self.status.setCurrentIndex(self.status.findData(row.status.value))
            if row.target_date is not None:
                d = row.target_date
                self.target.setDate(QDate(d.year, d.month, d.day))
            self.has_date.setChecked(row.target_date is not None)
            sitting_id = row.sitting_id
        self.sitting.setCurrentIndex(max(0, self.sitting.findData(sitting_id)))
        self._fill_sponsors(chosen)
        self.delegation.currentIndexChanged.connect(lambda _n: self._fill_sponsors(self.chosen()))
        self.has_date.toggled.connect(self.target.setEnabled)
        self.target.setEnabled(self.has_date.isChecked())
        self.title_box.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill_sponsors(self, chosen: set[int]) -> None:
        """The people of the chosen delegation (and anyone already chosen), to tick."""
        delegation_id = self.delegation.currentData()
        self.sponsors.clear()
        for p in self.people:
            if p.delegation_id != delegation_id and p.id not in chosen:
                continue
            label = f"{p.title} {p.display_name}".strip()
            if p.position:
                label = f"{label} — {p.position}"
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if p.id in chosen else Qt.CheckState.Unchecked)
            self.sponsors.addItem(item)

    def chosen(self) -> set[int]:
        return {int(self.sponsors.item(n).data(Qt.ItemDataRole.UserRole))
                for n in range(self.sponsors.count())
                if self.sponsors.item(n).checkState() == Qt.CheckState.Checked}

    def tick_sponsor(self, participant_id: int, on: bool = True) -> None:
        for n in range(self.sponsors.count()):
            item = self.sponsors.item(n)
            if item.data(Qt.ItemDataRole.UserRole) == participant_id:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def values(self) -> dict[str, Any]:
        order = [int(self.sponsors.item(n).data(Qt.ItemDataRole.UserRole))
                 for n in range(self.sponsors.count())]
        chosen = self.chosen()
        target = None
        if self.has_date.isChecked():
            q = self.target.date()
            target = dt.date(q.year(), q.month(), q.day())
        return {
            "delegation_id": self.delegation.currentData(),
            "sponsor_ids": [pid for pid in order if pid in chosen],
            "original_language": self.language.currentData(),
            "title": self.title_box.text(),  # in that language; translations: Translations tab
            "description": self.description.toPlainText(),
            "kind": self.kind.currentData(),
            "target_date": target,
            "status": self.status.currentData(),
            "sitting_id": self.sitting.currentData(),
        }
