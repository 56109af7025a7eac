"""The amendments beside the text: those to the selected paragraph (or all), one in detail,
and the chair's decisions.

The list (objectName ``amendmentList``) shows the selected paragraph's amendments together,
as the chair weighs them; "All amendments" shows every one. The detail marks what the
selected amendment does to the paragraph as it stands, in Spanish and in English. The
decision buttons act on the selected amendment; under them, the interventions made on the
paragraph (speeches of the drafting session tied to it).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QTextBrowser,
    QWidget,
)

from encounter_desk.core import i18n
from encounter_desk.declaration.base import (
    kind_label,
    language_name,
    local_time,
    paragraph_name,
    status_label,
)
from encounter_desk.declaration.changes import amendment_changes
from encounter_desk.declaration.discussion import Intervention
from encounter_desk.declaration.state import AmendmentRow, DeclarationState
from encounter_desk.storage.models import AmendmentStatus
from encounter_desk.ui.declaration.marks import segments_html
from encounter_desk.ui.declaration.models import ID_ROLE, AmendmentsModel
from encounter_desk.ui.widgets.layout import grid, hbox, named, vbox
from encounter_desk.ui.widgets.retranslating import Retranslating
from encounter_desk.ui.widgets.rows_model import read_only_table
from encounter_desk.ui.widgets.texts import Texts


class AmendmentsPanel(Retranslating, QWidget):
    selection_changed = Signal(object)  # the amendment's id, or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state: DeclarationState | None = None
        self.paragraph_id: int | None = None
        self.texts = texts = Texts()
        self.heading = named(QLabel(), "amendmentsHeading")
        self.all_box = texts.text(named(QCheckBox(), "allAmendments"),
                                  lambda: self.tr("All amendments"))
        self.all_box.toggled.connect(lambda _on: self._fill(self.selected()))
        self.model = AmendmentsModel(self)
        self.table = read_only_table(self.model, "amendmentList")
        self.table.horizontalHeader().setSectionResizeMode(
            AmendmentsModel.SPONSORS, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(110)
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.detail = QTextBrowser()
        self.detail.setObjectName("amendmentDetail")
        self.detail.setOpenLinks(False)

        self.new_button = texts.button("newAmendment", lambda: self.tr("New amendment…"))
        self.edit_button = texts.button("editAmendment", lambda: self.tr("Correct…"))
        self.translate_button = texts.button("addTranslation",
                                             lambda: self.tr("Add translation…"))
        self.discuss_button = texts.button(
            "discussAmendment", lambda: self.tr("▶ Show in the room"),
            tip=lambda: self.tr("Put this amendment under discussion "
                                "(Alt+Right / Alt+Left step through them)"))
        self.accept_button = texts.button("acceptAmendment", lambda: self.tr("Accepted"))
        self.amended_button = texts.button("acceptAmended",
                                           lambda: self.tr("Accepted as orally amended…"))
        self.reject_button = texts.button("rejectAmendment", lambda: self.tr("Rejected"))
        self.withdraw_button = texts.button("withdrawAmendment", lambda: self.tr("Withdrawn"))
        self.reopen_button = texts.button("reopenAmendment", lambda: self.tr("Reopen"))
        self.accept_button.setStyleSheet("color: #1b5e20; font-weight: bold;")
        self.reject_button.setStyleSheet("color: #b00020; font-weight: bold;")
        edits = hbox(self.new_button, self.edit_button, self.translate_button,
                     self.discuss_button, None)
        self.decide_label = texts.label(lambda: self.tr("The chair's decision:"))
        decisions = grid(((self.decide_label, 3),),
                         (self.accept_button, self.amended_button, self.reject_button),
                         (self.withdraw_button, None, self.reopen_button))
        self.interventions_label = texts.label(lambda: self.tr("Interventions on this paragraph"))
        self.interventions = QListWidget()
        self.interventions.setObjectName("interventionsList")
        self.interventions.setMaximumHeight(88)

        vbox(hbox((self.heading, 1), self.all_box), (self.table, 1), (self.detail, 3), edits,
             decisions, self.interventions_label, self.interventions, parent=self, margins=0)
        self.retranslate()

    def retranslate(self) -> None:
        self.texts.retranslate()
        self._show_heading()
        self._show_detail()

    # --- filling ---------------------------------------------------------------------------

    def set_state(self, state: DeclarationState | None, paragraph_id: int | None,
                  interventions: list[Intervention]) -> None:
        keep = self.selected()
        self.state = state
        self.paragraph_id = paragraph_id
        self._fill(keep)
        lang = i18n.language()
        self.interventions.clear()
        for i in interventions:
            if i.paragraph_id != paragraph_id:
                continue
            amendment = state.amendment(i.amendment_id) if state else None
            on = self.tr(" (on amendment {number})").format(number=amendment.number) \
                if amendment else ""
            who = f"{i.speaker} — {i.delegation(lang)}" if i.delegation(lang) else i.speaker
            self.interventions.addItem(
                f"{local_time(i.started_at, state.timezone)}  {who}{on}")

    def _rows(self) -> list[AmendmentRow]:
        if self.state is None:
            return []
        if self.all_box.isChecked() or self.paragraph_id is None:
            return list(self.state.amendments)
        return self.state.amendments_on(self.paragraph_id)

    def _fill(self, keep: int | None) -> None:
        self.model.set_rows(self.state, self._rows())
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(
            AmendmentsModel.SPONSORS, QHeaderView.ResizeMode.Stretch)
        current = self.state.discussion.amendment_id if self.state else None
        row = self.model.row_of(keep if self.model.row_of(keep) >= 0 else current)
        if row < 0 and self.model.rows:
            row = 0
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        self._show_heading()
        self._show_detail()

    def select(self, amendment_id: int | None) -> None:
        row = self.model.row_of(amendment_id)
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)

    def selected(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def _selected(self, *_args: object) -> None:
        self._show_detail()
        self.selection_changed.emit(self.selected())

    # --- texts -----------------------------------------------------------------------------

    def _show_heading(self) -> None:
        paragraph = self.state.paragraph(self.paragraph_id) if self.state else None
        if self.all_box.isChecked() or paragraph is None:
            self.heading.setText(self.tr("<b>Amendments</b> ({count})").format(
                count=len(self.model.rows)))
        else:
            self.heading.setText(self.tr("<b>Amendments to {paragraph}</b> ({count})").format(
                paragraph=paragraph.code(), count=len(self.model.rows)))
        self._enable()

    def _enable(self) -> None:
        amendment = self.state.amendment(self.selected()) if self.state else None
        open_ = self.state is not None and not self.state.adopted
        pending = open_ and amendment is not None and amendment.pending
        self.new_button.setEnabled(open_ and bool(self.state and self.state.paragraphs))
        for button in (self.edit_button, self.accept_button, self.amended_button,
                       self.reject_button, self.withdraw_button):
            button.setEnabled(pending)
        self.reopen_button.setEnabled(open_ and amendment is not None and not amendment.pending)
        self.discuss_button.setEnabled(open_ and amendment is not None)
        missing = amendment is not None and bool(amendment.wording("es")) != bool(
            amendment.wording("en"))
        self.translate_button.setEnabled(open_ and missing)

    def _show_detail(self) -> None:
        self._enable()
        state = self.state
        amendment = state.amendment(self.selected()) if state else None
        if amendment is None:
            hint = self.tr("Select an amendment to see what it does to the paragraph.")
            self.detail.setHtml(f"<p style='color:#555;'>{html.escape(hint)}</p>")
            return
        paragraph = state.paragraph(amendment.paragraph_id)
        lang = i18n.language()
        heading = self.tr("Amendment {number}").format(number=amendment.number)
        what = f"{kind_label(amendment.kind)} {paragraph_name(paragraph.part, paragraph.position, lang)}"
        sponsors = self.tr("Proposed by {sponsors}").format(sponsors=amendment.sponsors_text())
        parts = [
            f"<h3>{html.escape(heading)} — {html.escape(what)}</h3>",
            f"<p>{html.escape(sponsors)} · {html.escape(self._status_text(amendment))}</p>",
        ]
        none_yet = self.tr("No wording in this language yet.")
        for side in ("es", "en"):
            parts.append(f"<h4>{html.escape(language_name(side))}</h4>")
            segments = amendment_changes(state, amendment, side)
            if segments:
                parts.append(f"<p>{segments_html(segments)}</p>")
            else:
                parts.append(f"<p style='color:#8a5a00;'><i>{html.escape(none_yet)}</i></p>")
        if amendment.status == AmendmentStatus.ACCEPTED_AMENDED:
            final = self.tr("Accepted as orally amended: the final wording is shown.")
            parts.append(f"<p><b>{html.escape(final)}</b></p>")
        if amendment.note:
            parts.append(f"<p style='color:#555;'>{html.escape(amendment.note)}</p>")
        legend = self.tr("Struck out in red: words deleted. Underlined in green: words inserted.")
        parts.append(f"<p style='color:#555;'>{html.escape(legend)}</p>")
        self.detail.setHtml("\n".join(parts))

    def _status_text(self, amendment: AmendmentRow) -> str:
        status = status_label(amendment.status)
        if amendment.decided_at is None or self.state is None:
            return status
        return self.tr("{status} at {time}").format(
            status=status, time=local_time(amendment.decided_at, self.state.timezone))
