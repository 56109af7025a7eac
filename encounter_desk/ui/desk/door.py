"""The desk at a sitting's door: a scan there records attendance at that session, not the
event check-in (see :func:`encounter_desk.records.attendance.record_door_scan`).

:class:`DoorSelector` is the combo in the desk's header ("Event check-in" or "Door of
session N"); the functions below give the verdict panel its texts for a
:class:`~encounter_desk.records.attendance.DoorVerdict`, in the same colours, symbols and sounds
as the check-in verdicts they correspond to.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from encounter_desk.desk.checkin import VerdictKind
from encounter_desk.event.sittings import SittingRow
from encounter_desk.records.attendance import DoorVerdict, DoorVerdictKind

CONTEXT = "DeskDoor"

_RENAMED = {
    DoorVerdictKind.PRESENT: VerdictKind.ADMITTED,
    DoorVerdictKind.ALREADY_PRESENT: VerdictKind.ALREADY_CHECKED_IN,
}
"""The door verdicts whose check-in twin has another name; the others share its name."""


def as_checkin(kind: DoorVerdictKind) -> VerdictKind:
    """The check-in verdict whose look and sound a door verdict borrows."""
    return _RENAMED.get(kind) or VerdictKind[kind.name]


def headline(verdict: DoorVerdict) -> str:
    kind = verdict.kind
    if kind is DoorVerdictKind.PRESENT:
        return QCoreApplication.translate("DeskDoor", "PRESENT — SESSION {number}").format(
            number=verdict.sitting_number
        )
    return {
        DoorVerdictKind.ALREADY_PRESENT: QCoreApplication.translate("DeskDoor", "ALREADY PRESENT"),
        DoorVerdictKind.REPLACED: QCoreApplication.translate("DeskDoor", "BADGE REPLACED"),
        DoorVerdictKind.WRONG_EVENT: QCoreApplication.translate("DeskDoor", "WRONG EVENT"),
        DoorVerdictKind.FORGED: QCoreApplication.translate("DeskDoor", "FORGED OR DAMAGED"),
        DoorVerdictKind.UNKNOWN: QCoreApplication.translate("DeskDoor", "UNKNOWN BADGE"),
        DoorVerdictKind.WITHDRAWN: QCoreApplication.translate(
            "DeskDoor", "ACCREDITATION WITHDRAWN"),
    }[kind]


def detail(verdict: DoorVerdict, lang: str) -> str:
    kind = verdict.kind
    if kind.present:
        return verdict.message(lang)  # "Present since 09:12"
    if kind is DoorVerdictKind.REPLACED:
        return QCoreApplication.translate(
            "DeskDoor",
            "This badge was replaced: a newer badge exists. Only the new badge records attendance.",
        )
    if kind is DoorVerdictKind.WRONG_EVENT:
        return QCoreApplication.translate("DeskDoor", "This badge is for another event.")
    if kind is DoorVerdictKind.FORGED:
        return QCoreApplication.translate(
            "DeskDoor",
            "The code is not genuine or could not be read whole. Check the "
            "person's identity and search by name.",
        )
    if kind is DoorVerdictKind.WITHDRAWN:
        return QCoreApplication.translate(
            "DeskDoor", "The accreditation of this person was withdrawn: it records no "
            "attendance.")
    return QCoreApplication.translate(
        "DeskDoor", "This badge belongs to no participant of this event. Search by name."
    )


def extra(verdict: DoorVerdict) -> str:
    if verdict.kind is DoorVerdictKind.PRESENT:
        return QCoreApplication.translate(
            "DeskDoor", "Attendance recorded for session {number}."
        ).format(number=verdict.sitting_number)
    if verdict.kind is DoorVerdictKind.ALREADY_PRESENT:
        return QCoreApplication.translate(
            "DeskDoor", "Nothing changed: the first arrival time is kept."
        )
    return QCoreApplication.translate("DeskDoor", "Not recorded as present.")


def footer(verdict: DoorVerdict) -> str:
    return QCoreApplication.translate(
        "DeskDoor", "{time} · {desk} · door of session {number}"
    ).format(
        time=verdict.local(verdict.at).strftime("%H:%M:%S"),
        desk=verdict.desk,
        number=verdict.sitting_number,
    )


class DoorSelector(QComboBox):
    """Where the desk's scans go: the event check-in, or the door of one session."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskDoor")
        # The header keeps its width whatever the titles: the list opens wider to show them.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(22)
        self.rows: list[SittingRow] = []
        self.fill([], "en")

    def sitting_id(self) -> int | None:
        return self.currentData()

    def sitting(self) -> SittingRow | None:
        return next((r for r in self.rows if r.id == self.currentData()), None)

    def fill(self, rows: Sequence[SittingRow], lang: str) -> None:
        """List the sessions again (after a reload or a language switch), keeping the choice."""
        current = self.currentData()
        self.rows = list(rows)
        self.blockSignals(True)
        self.clear()
        self.addItem(QCoreApplication.translate("DeskDoor", "Event check-in"), None)
        for row in self.rows:
            self.addItem(
                QCoreApplication.translate("DeskDoor", "Door of session {number}: {title}").format(
                    number=row.number, title=row.title(lang)
                ),
                row.id,
            )
        found = self.findData(current)
        self.setCurrentIndex(found if found >= 0 else 0)
        self.blockSignals(False)
        self.view().setMinimumWidth(self.view().sizeHintForColumn(0) + 24)
        if found < 0 and current is not None:
            self.currentIndexChanged.emit(0)

    def choose(self, sitting_id: int | None) -> None:
        found = self.findData(sitting_id)
        if found < 0:
            raise KeyError(sitting_id)
        self.setCurrentIndex(found)
