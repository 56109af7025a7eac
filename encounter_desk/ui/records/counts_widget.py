"""Live attendance counts of one sitting: by delegation, delegations represented, quorum.

:class:`AttendanceCountsWidget` reads :func:`encounter_desk.records.attendance.live_counts` on
:meth:`~AttendanceCountsWidget.refresh` (one short read). The Records workspace shows it
beside the roll call; the chair embeds it for the sitting on the floor.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QWidget,
)

from encounter_desk.core import i18n
from encounter_desk.core.errors import Refusal
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP
from encounter_desk.records import attendance
from encounter_desk.records.attendance import AttendanceCounts, DelegationCount
from encounter_desk.storage.database import Database
from encounter_desk.ui.widgets.layout import heading, named, vbox, wrapped
from encounter_desk.ui.widgets.retranslating import Retranslating
from encounter_desk.ui.widgets.table_model import Column, RecordTableModel

log = logging.getLogger(__name__)

MET_STYLE = "background: #1b5e20; color: white; font-weight: bold; padding: 6px; border-radius: 4px;"
NOT_MET_STYLE = "background: #b71c1c; color: white; font-weight: bold; padding: 6px; border-radius: 4px;"
NO_RULE_STYLE = "background: #eceff1; color: #263238; padding: 6px; border-radius: 4px;"


@dataclass(frozen=True)
class CountRow:
    id: int
    count: DelegationCount


class DelegationCountsModel(RecordTableModel):
    """One row per delegation: present, excused, absent (not marked included), lawmakers."""

    CONTEXT = "DelegationCountsModel"
    DELEGATION, PRESENT, EXCUSED, ABSENT, LAWMAKERS = range(5)
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("DelegationCountsModel", "Delegation")),
        Column(QT_TRANSLATE_NOOP("DelegationCountsModel", "Present"), kind="number"),
        Column(QT_TRANSLATE_NOOP("DelegationCountsModel", "Excused"), kind="number"),
        Column(QT_TRANSLATE_NOOP("DelegationCountsModel", "Absent"), kind="number"),
        Column(QT_TRANSLATE_NOOP("DelegationCountsModel", "Lawmakers"), kind="number"),
    )

    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(db, parent)
        self._pending: list[CountRow] = []

    def set_counts(self, counts: AttendanceCounts | None) -> None:
        self._pending = [
            CountRow(number, c) for number, c in enumerate(counts.by_delegation if counts else ())
        ]
        self.refresh()

    def fetch(self) -> list[CountRow]:
        return list(self._pending)

    def display(self, row: CountRow, column: int) -> Any:
        c = row.count
        if column == self.DELEGATION:
            return c.name(i18n.language())
        return {
            self.PRESENT: f"{c.present} / {c.expected}",
            self.EXCUSED: c.excused,
            self.ABSENT: c.absent,
            self.LAWMAKERS: c.lawmakers_present,
        }[column]

    def edit_value(self, row: CountRow, column: int) -> Any:
        c = row.count
        return {
            self.DELEGATION: None,
            self.PRESENT: c.present,
            self.EXCUSED: c.excused,
            self.ABSENT: c.absent,
            self.LAWMAKERS: c.lawmakers_present,
        }[column]

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            return self.tr_header(section)  # the whole header when the column is narrow
        return super().headerData(section, orientation, role)

    def tooltip(self, row: CountRow, column: int) -> str | None:
        if column == self.DELEGATION:
            return row.count.name(i18n.language())
        if column == self.LAWMAKERS:
            return QCoreApplication.translate("DelegationCountsModel", "Lawmakers present")
        return None

    def sort_value(self, row: CountRow, column: int) -> Any:
        if column == self.DELEGATION:
            return row.id  # canonical order
        return super().sort_value(row, column)


class AttendanceCountsWidget(Retranslating, QWidget):
    """Present by delegation, delegations represented out of the members, lawmakers
    present, and the event's quorum rule shown met (green) or not met (red)."""

    def __init__(self, db: Database, sitting_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attendanceCounts")
        self.db = db
        self.sitting_id = sitting_id
        self.counts: AttendanceCounts | None = None
        self.problem = ""

        self.heading = heading(1.0)
        self.present_label = wrapped("presentTotal")
        self.delegations_label = wrapped("delegationsRepresented")
        self.lawmakers_label = wrapped("lawmakersPresent")
        self.quorum_label = wrapped("quorumLabel")

        self.model = DelegationCountsModel(db, self)
        self.table = named(QTableView(), "delegationCounts")
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setTextElideMode(Qt.TextElideMode.ElideRight)  # a long translation stays readable
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(DelegationCountsModel.DELEGATION, QHeaderView.ResizeMode.Stretch)
        number = self.fontMetrics().horizontalAdvance("000 / 000") + 16
        for section in range(1, len(DelegationCountsModel.COLUMNS)):
            header.resizeSection(section, max(number if section == 1 else number * 2 // 3, 56))

        vbox(self.heading, self.quorum_label, self.present_label, self.lawmakers_label,
             self.delegations_label, (self.table, 1), parent=self, margins=0)
        self.retranslate()
        self.refresh()

    # --- data ----------------------------------------------------------------------------

    def set_sitting(self, sitting_id: int | None) -> None:
        self.sitting_id = sitting_id
        self.refresh()

    def refresh(self) -> None:
        """Read the counts again (one short read) and show them."""
        self.problem = ""
        if self.sitting_id is None:
            self.counts = None
        else:
            try:
                self.counts = attendance.live_counts(self.db, self.sitting_id)
            except Refusal as exc:
                log.warning("attendance counts unavailable: %s", exc)
                self.counts = None
                self.problem = str(exc)
        self.model.set_counts(self.counts)
        self._show()

    # --- texts ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Attendance now"))
        self.model.retranslate()
        self._show()

    def _show(self) -> None:
        c = self.counts
        if c is None:
            self.present_label.setText(self.problem or self.tr("Choose a session."))
            self.lawmakers_label.clear()
            self.delegations_label.clear()
            self.quorum_label.clear()
            self.quorum_label.setStyleSheet("")
            self.quorum_label.setProperty("met", "none")
            return
        self.present_label.setText(
            self.tr("Present: {present} of {expected} (excused {excused}, absent or not "
                    "marked {absent})").format(
                present=c.present, expected=c.expected, excused=c.excused, absent=c.absent))
        self.lawmakers_label.setText(
            self.tr("Lawmakers present: {present} of {expected}").format(
                present=c.lawmakers_present, expected=c.lawmakers_expected))
        self.delegations_label.setText(
            self.tr("Member delegations represented: {represented} of {members}").format(
                represented=c.delegations_represented, members=c.member_delegations))
        quorum = c.quorum
        lang = i18n.language()
        if quorum is None or quorum.met is None:
            self.quorum_label.setText(
                quorum.text(lang) if quorum is not None else self.tr("No quorum rule"))
            self.quorum_label.setStyleSheet(NO_RULE_STYLE)
            self.quorum_label.setProperty("met", "none")
        else:
            self.quorum_label.setText(quorum.text(lang))
            self.quorum_label.setStyleSheet(MET_STYLE if quorum.met else NOT_MET_STYLE)
            self.quorum_label.setProperty("met", "yes" if quorum.met else "no")
