"""Approving the minutes of an adjourned sitting: at which sitting they were approved (a
:class:`~encounter_desk.ui.widgets.form_dialog.FormDialog`; the job refuses what it must,
and the form says why inside itself)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from encounter_desk.core import i18n
from encounter_desk.event.sittings import SittingRow
from encounter_desk.ui.widgets.form_dialog import FormDialog, Submit
from encounter_desk.ui.widgets.layout import named


class ApprovalDialog(FormDialog):
    """The sittings at which the minutes of ``sitting`` may be approved: that one or a
    later one (the next, by default — where an assembly usually reads the last minutes)."""

    def __init__(self, parent: QWidget | None, sitting: SittingRow,
                 sittings: Sequence[SittingRow], submit: Submit) -> None:
        super().__init__(parent, submit, "approvalDialog", FormDialog.OK)
        self.setWindowTitle(self.tr("Approve the minutes of session {number}").format(
            number=sitting.number))
        self.ok_button.setText(self.tr("Approve"))
        lang = i18n.language()
        self.where = named(QComboBox(), "approvedAt")
        for row in sittings:
            if row.number >= sitting.number:
                self.where.addItem(self.tr("{number}. {title}").format(
                    number=row.number, title=row.title(lang)), row.id)
        later = next((row.id for row in sittings if row.number > sitting.number), sitting.id)
        self.where.setCurrentIndex(max(0, self.where.findData(later)))
        about = QLabel(self.tr("The minutes are approved now, at the session chosen (it must "
                               "have been opened). The approved minutes say when and where."))
        about.setWordWrap(True)
        self.form.addRow(about)
        self.form.addRow(self.tr("Approved at session"), self.where)
        self.resize(480, 160)

    def values(self) -> dict[str, Any]:
        return {"approved_in": self.where.currentData()}
