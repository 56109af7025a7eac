"""The reason of a point of order as the chair writes it down: a reason from a short list
and a few words ("other" needs them, the others take them if the chair wants).

:class:`PointReasonFields` sits in the add panel (chosen before Enter, when the chair
already knows) and in :class:`PointReasonDialog`, which sets or corrects it afterwards —
from the list's menu, or with the button and key beside a point of order on the floor.
The rules are the chair's (:func:`encounter_desk.chair.point_reasons.checked_reason`): a
refused reason is said inside the dialog, which keeps what was typed.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from encounter_desk.chair.point_reasons import reason_label
from encounter_desk.storage.models import REASON_TEXT_LENGTH, PointReason
from encounter_desk.ui.widgets.form_dialog import FormDialog, Submit
from encounter_desk.ui.widgets.layout import named


class PointReasonFields(QWidget):
    """A combo (not stated yet, procedure, quorum, interpretation, time, other) and a line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reason_box = named(QComboBox(), "pointReason")
        self.reason_box.addItem("", "")
        for reason in PointReason:
            self.reason_box.addItem("", reason.value)
        self.text = named(QLineEdit(), "pointReasonText")
        self.text.setMaxLength(REASON_TEXT_LENGTH)
        self.text.setClearButtonEnabled(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.reason_box)
        row.addWidget(self.text, 1)
        self.reason_box.currentIndexChanged.connect(lambda _n: self._reason_changed())
        self.retranslate()

    def retranslate(self) -> None:
        self.reason_box.setItemText(0, self.tr("Not stated yet"))
        for n in range(1, self.reason_box.count()):
            self.reason_box.setItemText(n, reason_label(self.reason_box.itemData(n)))
        self._reason_changed()

    def _reason_changed(self) -> None:
        reason = self.reason()
        self.text.setEnabled(bool(reason))  # the words come after a reason
        self.text.setPlaceholderText(
            self.tr("Say which, in a few words") if reason == PointReason.OTHER
            else self.tr("In a few words (optional)"))

    def reason(self) -> str:
        return self.reason_box.currentData() or ""

    def value(self) -> tuple[str, str]:
        """(reason, words); the words only with a reason."""
        reason = self.reason()
        return reason, self.text.text() if reason else ""

    def set_value(self, reason: str, text: str) -> None:
        self.reason_box.setCurrentIndex(max(0, self.reason_box.findData(reason or "")))
        self.text.setText(text)


class PointReasonDialog(FormDialog):
    """Why this point of order was raised; ``submit`` saves it or says why not."""

    def __init__(self, parent: QWidget | None, speaker: str, reason: str, text: str,
                 submit: Submit) -> None:
        super().__init__(parent, submit, "pointReasonDialog", FormDialog.OK)
        self.setWindowTitle(self.tr("Reason of the point of order"))
        self.fields = PointReasonFields()
        self.fields.set_value(reason, text)
        self.fields.text.setMinimumWidth(260)
        self.form.addRow(self.tr("Raised by"), named(QLabel(speaker), "pointSpeaker"))
        self.form.addRow(self.tr("Reason"), self.fields)
        self.fields.reason_box.setFocus()

    def values(self) -> dict[str, str]:
        reason, text = self.fields.value()
        return {"reason": reason, "text": text}
