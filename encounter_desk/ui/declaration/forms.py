"""The workbench's forms: an amendment, a wording (final or translated), a statement.

Each form is a dialog opened with ``open()`` (never blocking) and saved through a
``submit(values)`` callable that returns None when the job wrote it, or the job's refusal
to show inside the form — then nothing was written and nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from encounter_desk.core import i18n
from encounter_desk.declaration.base import kind_label, statement_label
from encounter_desk.declaration.state import AmendmentRow, DelegationRef, ParagraphRow, StatementRow
from encounter_desk.storage.models import AmendmentKind, StatementKind
from encounter_desk.ui.widgets.form_dialog import FormDialog, Submit


class _Form(FormDialog):
    """A dialog with a form, an error line and Save / Cancel, under ``title``."""

    def __init__(self, parent: QWidget | None, name: str, title: str, submit: Submit) -> None:
        super().__init__(parent, submit, name)
        self.setWindowTitle(title)


def text_box(name: str, value: str = "") -> QPlainTextEdit:
    box = QPlainTextEdit(value)
    box.setObjectName(name)
    box.setTabChangesFocus(True)
    return box


def paragraph_choices(box: QComboBox, paragraphs: Sequence[ParagraphRow], chosen: int | None,
                      whole: str | None = None) -> None:
    """The draft paragraphs as "OP3 — the first words…" in a combo box."""
    lang = i18n.language()
    if whole is not None:
        box.addItem(whole, None)
    for p in paragraphs:
        words = p.text(lang) or p.text("en" if lang == "es" else "es")
        box.addItem(f"{p.code()} — {words[:70]}{'…' if len(words) > 70 else ''}", p.id)
    box.setCurrentIndex(max(0, box.findData(chosen)))


class AmendmentDialog(_Form):
    """A new amendment, or a pending one corrected: paragraph, kind, sponsors, wording."""

    def __init__(self, parent: QWidget | None, paragraphs: Sequence[ParagraphRow],
                 delegations: Sequence[DelegationRef], submit: Submit, *,
                 row: AmendmentRow | None = None, paragraph_id: int | None = None) -> None:
        title = (self.tr("New amendment") if row is None
                 else self.tr("Amendment {number}").format(number=row.number))
        super().__init__(parent, "amendmentDialog", title, submit)
        self.resize(720, 640)
        self.paragraph = QComboBox()
        self.paragraph.setObjectName("amendmentParagraph")
        paragraph_choices(self.paragraph, paragraphs, row.paragraph_id if row else paragraph_id)
        self.paragraph.setEnabled(row is None)
        self.kind = QComboBox()
        self.kind.setObjectName("amendmentKind")
        for kind in AmendmentKind:
            self.kind.addItem(kind_label(kind.value), kind.value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(row.kind if row else "replace")))
        self.sponsors = QListWidget()
        self.sponsors.setObjectName("amendmentSponsors")
        chosen = [s.id for s in row.sponsors] if row else []
        for d in delegations:
            item = QListWidgetItem(d.name())
            item.setData(Qt.ItemDataRole.UserRole, d.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if d.id in chosen
                               else Qt.CheckState.Unchecked)
            self.sponsors.addItem(item)
        self.sponsors.setMinimumHeight(140)
        self.order = chosen[:]
        self.sponsors.itemChanged.connect(self._sponsor_changed)
        self.text_es = text_box("amendmentTextEs", row.text_es if row else "")
        self.text_en = text_box("amendmentTextEn", row.text_en if row else "")
        self.note = text_box("amendmentNote", row.note if row else "")
        self.note.setMaximumHeight(70)
        self.form.addRow(self.tr("Paragraph"), self.paragraph)
        self.form.addRow(self.tr("It would"), self.kind)
        self.form.addRow(self.tr("Proposed by (the first checked proposes, the others "
                                 "co-sponsor)"), self.sponsors)
        self.form.addRow(self.tr("Wording (Spanish)"), self.text_es)
        self.form.addRow(self.tr("Wording (English)"), self.text_en)
        self.form.addRow(self.tr("Explanation"), self.note)
        self.kind.currentIndexChanged.connect(self._enable)
        self._enable()

    def _sponsor_changed(self, item: QListWidgetItem) -> None:
        delegation = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked and delegation not in self.order:
            self.order.append(delegation)
        elif item.checkState() != Qt.CheckState.Checked and delegation in self.order:
            self.order.remove(delegation)

    def check_sponsor(self, delegation_id: int) -> None:
        for index in range(self.sponsors.count()):
            item = self.sponsors.item(index)
            if item.data(Qt.ItemDataRole.UserRole) == delegation_id:
                item.setCheckState(Qt.CheckState.Checked)

    def _enable(self, *_args: object) -> None:
        wording = self.kind.currentData() != AmendmentKind.DELETE.value
        self.text_es.setEnabled(wording)
        self.text_en.setEnabled(wording)

    def values(self) -> dict[str, Any]:
        wording = self.kind.currentData() != AmendmentKind.DELETE.value
        return {
            "paragraph_id": self.paragraph.currentData(),
            "kind": self.kind.currentData(),
            "sponsors": list(self.order),
            "text_es": self.text_es.toPlainText() if wording else "",
            "text_en": self.text_en.toPlainText() if wording else "",
            "note": self.note.toPlainText(),
        }


class WordingDialog(_Form):
    """The final wording of an amendment accepted as orally amended (both languages), or the
    missing translation of one (one language)."""

    def __init__(self, parent: QWidget | None, title: str, submit: Submit, *,
                 text_es: str | None, text_en: str | None, explanation: str) -> None:
        super().__init__(parent, "wordingDialog", title, submit)
        self.resize(680, 420)
        about = QLabel(explanation)
        about.setWordWrap(True)
        self.form.addRow(about)
        self.text_es = text_box("wordingEs", text_es or "") if text_es is not None else None
        self.text_en = text_box("wordingEn", text_en or "") if text_en is not None else None
        if self.text_es is not None:
            self.form.addRow(self.tr("Spanish"), self.text_es)
        if self.text_en is not None:
            self.form.addRow(self.tr("English"), self.text_en)

    def values(self) -> dict[str, Any]:
        return {"text_es": self.text_es.toPlainText() if self.text_es else "",
                "text_en": self.text_en.toPlainText() if self.text_en else ""}


class StatementDialog(_Form):
    """A delegation's reservation or interpretive statement, on a paragraph or the whole."""

    def __init__(self, parent: QWidget | None, paragraphs: Sequence[ParagraphRow],
                 delegations: Sequence[DelegationRef], submit: Submit, *,
                 row: StatementRow | None = None) -> None:
        super().__init__(parent, "statementDialog", self.tr("Reservation or interpretive "
                                                            "statement"), submit)
        self.resize(680, 520)
        self.delegation = QComboBox()
        self.delegation.setObjectName("statementDelegation")
        for d in delegations:
            self.delegation.addItem(d.name(), d.id)
        self.delegation.setCurrentIndex(max(0, self.delegation.findData(
            row.delegation.id if row else None)))
        self.kind = QComboBox()
        self.kind.setObjectName("statementKind")
        for kind in StatementKind:
            self.kind.addItem(statement_label(kind.value), kind.value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(row.kind if row else None)))
        self.paragraph = QComboBox()
        self.paragraph.setObjectName("statementParagraph")
        paragraph_choices(self.paragraph, paragraphs, row.paragraph_id if row else None,
                          whole=self.tr("The declaration as a whole"))
        self.text_es = text_box("statementTextEs", row.text_es if row else "")
        self.text_en = text_box("statementTextEn", row.text_en if row else "")
        self.form.addRow(self.tr("Delegation"), self.delegation)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("On"), self.paragraph)
        self.form.addRow(self.tr("Text (Spanish)"), self.text_es)
        self.form.addRow(self.tr("Text (English)"), self.text_en)

    def values(self) -> dict[str, Any]:
        return {"delegation_id": self.delegation.currentData(), "kind": self.kind.currentData(),
                "paragraph_id": self.paragraph.currentData(),
                "text_es": self.text_es.toPlainText(), "text_en": self.text_en.toPlainText()}
