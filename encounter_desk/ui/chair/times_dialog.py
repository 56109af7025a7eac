"""Speaking times of a list: the default of each kind and the delegations' budgets.

Opened with ``open()``; the workspace applies :meth:`TimesDialog.values` when it is
accepted (through :func:`encounter_desk.chair.commands.set_list_times` and
:func:`~encounter_desk.chair.commands.set_budget`). Times are typed as minutes and seconds;
0:00 means no limit (a stopwatch) for a kind, and no budget for a delegation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTime
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from encounter_desk.chair import commands as speakers
from encounter_desk.chair.clock import format_seconds
from encounter_desk.chair.queries import BudgetRow, ListSettings, kind_label
from encounter_desk.core import i18n
from encounter_desk.event.delegations import DelegationRow
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import SpeechKind


@dataclass(frozen=True)
class TimesChoice:
    limits: dict[SpeechKind, int]
    """Seconds per kind (0: no limit)."""
    statement_from_sitting: bool
    budgets: dict[int, int | None]
    """delegation id -> seconds (None: no budget)."""

    def apply(self, db: Database, sitting_id: int, item_id: int | None) -> None:
        """Set these times on the list (the workspace runs it as one chair action)."""
        limits = self.limits
        speakers.set_list_times(
            db, sitting_id, item_id,
            statement=None if self.statement_from_sitting else limits[SpeechKind.STATEMENT],
            reply=limits[SpeechKind.RIGHT_OF_REPLY],
            question=limits[SpeechKind.QUESTION],
            point_of_order=limits[SpeechKind.POINT_OF_ORDER],
        )
        for delegation_id, seconds in self.budgets.items():
            speakers.set_budget(db, sitting_id, item_id, delegation_id, seconds)


def _time_edit(seconds: int | None) -> QTimeEdit:
    edit = QTimeEdit()
    edit.setDisplayFormat("mm:ss")
    edit.setTime(QTime(0, 0).addSecs(int(seconds or 0)))
    return edit


def _seconds(edit: QTimeEdit) -> int:
    return QTime(0, 0).secsTo(edit.time())


class TimesDialog(QDialog):
    def __init__(
        self,
        settings: ListSettings,
        sitting_seconds: int,
        delegations: Sequence[DelegationRow],
        budgets: Sequence[BudgetRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("speakingTimesDialog")
        self.setWindowTitle(self.tr("Speaking times"))
        # Fit a small screen (1024 × 600): the delegations scroll, never the dialog.
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        self.resize(min(460, room.width() - 40) if room else 460,
                    min(560, room.height() - 60) if room else 560)
        self.edits: dict[SpeechKind, QTimeEdit] = {}
        kinds = QGroupBox(self.tr("Default time of each kind (00:00 = no limit)"))
        form = QFormLayout(kinds)
        for kind in SpeechKind:
            edit = _time_edit(settings.limits.get(kind))
            self.edits[kind] = edit
            if kind == SpeechKind.STATEMENT:
                self.from_sitting = QCheckBox(self.tr("The session's default ({time})").format(
                    time=format_seconds(sitting_seconds)))
                self.from_sitting.setChecked(settings.statement_from_sitting)
                self.from_sitting.toggled.connect(lambda on, e=edit: e.setDisabled(on))
                edit.setDisabled(settings.statement_from_sitting)
                row = QHBoxLayout()
                row.addWidget(edit)
                row.addWidget(self.from_sitting)
                form.addRow(kind_label(kind), row)
            else:
                form.addRow(kind_label(kind), edit)

        budgets_box = QGroupBox(self.tr("Delegation budgets on this item (00:00 = none)"))
        self.default_budget = _time_edit(None)
        self.default_budget.setDisplayFormat("HH:mm:ss")
        self.default_budget.setObjectName("defaultBudget")
        self.apply_default = QPushButton(self.tr("Give every delegation"))
        self.apply_default.setObjectName("applyDefaultBudget")
        self.apply_default.setToolTip(self.tr(
            "The same budget for every delegation; change any of them afterwards"))
        self.apply_default.clicked.connect(self.give_every_delegation)
        default_row = QHBoxLayout()
        default_row.addWidget(QLabel(self.tr("Default budget")))
        default_row.addWidget(self.default_budget)
        default_row.addWidget(self.apply_default)
        default_row.addStretch(1)
        inner = QWidget()
        budget_form = QFormLayout(inner)
        budget_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        given = {b.delegation_id: b.seconds for b in budgets}
        self.budget_edits: dict[int, QTimeEdit] = {}
        self.initial_budgets = dict(given)
        lang = i18n.language()
        for d in delegations:
            edit = _time_edit(given.get(d.id))
            edit.setDisplayFormat("HH:mm:ss")
            self.budget_edits[d.id] = edit
            name = QLabel(d.name(lang))
            name.setWordWrap(True)  # a long name takes two lines, the field stays whole
            budget_form.addRow(name, edit)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        box_layout = QVBoxLayout(budgets_box)
        box_layout.addLayout(default_row)
        box_layout.addWidget(scroll)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(kinds)
        layout.addWidget(budgets_box, 1)
        layout.addWidget(buttons)

    def give_every_delegation(self) -> None:
        """The default budget in every delegation's field (each may then be changed)."""
        for edit in self.budget_edits.values():
            edit.setTime(self.default_budget.time())

    def values(self) -> TimesChoice:
        budgets: dict[int, int | None] = {}
        for delegation_id, edit in self.budget_edits.items():
            seconds = _seconds(edit) or None
            if seconds != self.initial_budgets.get(delegation_id):
                budgets[delegation_id] = seconds
        return TimesChoice(
            limits={kind: _seconds(edit) for kind, edit in self.edits.items()},
            statement_from_sitting=self.from_sitting.isChecked(),
            budgets=budgets,
        )
