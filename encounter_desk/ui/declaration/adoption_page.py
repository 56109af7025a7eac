"""Adoption and documents: how the declaration was adopted, the delegations' reservations and
interpretive statements, and its documents (PDF with preview, Word, Akoma Ntoso, the
amendments log) in Spanish or English, on letter or A4 paper.

PySide6-Essentials has no PDF view: a preview writes the PDF to a temporary folder and
opens it with the system's viewer (``open_file``; the tests replace it), as the minutes do.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from encounter_desk.core import i18n
from encounter_desk.core.i18n import pick
from encounter_desk.declaration.base import statement_label
from encounter_desk.declaration.consolidate import consolidate
from encounter_desk.declaration.document import adoption_text
from encounter_desk.declaration.state import DeclarationState
from encounter_desk.event.delegation_votes import vote_label
from encounter_desk.ui.declaration.draft_forms import language_box
from encounter_desk.ui.widgets.layout import grid, hbox, vbox, wrapped
from encounter_desk.ui.widgets.retranslating import Retranslating
from encounter_desk.ui.widgets.texts import Texts

ID = Qt.ItemDataRole.UserRole


class AdoptionPage(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = texts = Texts()
        self.adoption_box = texts.title(QGroupBox(), lambda: self.tr("Adoption"))
        self.summary = wrapped("adoptionSummary")
        self.adopt_button = texts.button("adoptButton", lambda: self.tr("Adopt…"))
        self.cancel_button = texts.button("cancelAdoption",
                                          lambda: self.tr("Cancel the adoption"))
        vbox(self.summary, hbox(self.adopt_button, self.cancel_button, None),
             parent=self.adoption_box)

        self.statements_box = texts.title(
            QGroupBox(), lambda: self.tr("Reservations and interpretive statements"))
        self.statements = QListWidget()
        self.statements.setObjectName("statementList")
        self.statements.setWordWrap(True)
        self.add_statement = texts.button("addStatement", lambda: self.tr("Add…"))
        self.edit_statement = texts.button("editStatement", lambda: self.tr("Change…"))
        self.remove_statement = texts.button("removeStatement", lambda: self.tr("Remove"))
        vbox(self.statements,
             hbox(self.add_statement, self.edit_statement, self.remove_statement, None),
             parent=self.statements_box)

        self.documents_box = texts.title(QGroupBox(), lambda: self.tr("Documents"))
        self.language_label = texts.label(lambda: self.tr("Language"))
        self.language = language_box("documentLanguage", i18n.language())
        self.paper_label = texts.label(lambda: self.tr("Paper"))
        self.paper = QComboBox()
        self.paper.setObjectName("documentPaper")
        self.paper.addItem("", "letter")
        self.paper.addItem("A4", "a4")
        texts.bind(lambda letter: self.paper.setItemText(0, letter), lambda: self.tr("Letter"))
        self.missing = wrapped("missingTranslations")
        self.missing.setStyleSheet("color: #8a5a00;")
        self.preview_button = texts.button("previewDeclaration", lambda: self.tr("Preview PDF"))
        self.pdf_button = texts.button("saveDeclarationPdf", lambda: self.tr("Save PDF…"))
        self.docx_button = texts.button("saveDeclarationDocx",
                                        lambda: self.tr("Save Word (.docx)…"))
        self.akn_button = texts.button("saveDeclarationAkn", lambda: self.tr("Save Akoma Ntoso…"))
        self.log_preview_button = texts.button("previewAmendmentsLog",
                                               lambda: self.tr("Preview amendments log"))
        self.log_button = texts.button("saveAmendmentsLog",
                                       lambda: self.tr("Save amendments log…"))
        documents = grid(
            (self.language_label, self.language, self.paper_label, self.paper),
            ((self.missing, 4),),
            (self.preview_button, self.pdf_button, self.docx_button, self.akn_button),
            (self.log_preview_button, self.log_button),
            parent=self.documents_box)
        documents.setColumnStretch(4, 1)

        vbox(self.adoption_box, (self.statements_box, 1), self.documents_box, parent=self,
             margins=0)
        self.state: DeclarationState | None = None
        self.language.currentIndexChanged.connect(lambda _n: self._show_missing())
        self.retranslate()

    def retranslate(self) -> None:
        self.texts.retranslate()
        self.set_state(self.state)

    def doc_language(self) -> str:
        return self.language.currentData()

    def paper_size(self) -> str:
        return self.paper.currentData()

    def set_state(self, state: DeclarationState | None) -> None:
        self.state = state
        lang = i18n.language()
        if state is None:
            self.summary.setText(self.tr("There is no draft declaration yet."))
        elif state.adoption is None:
            pending = sum(1 for a in state.amendments if a.pending)
            text = self.tr("Not adopted yet.")
            if pending:
                text += " " + self.tr("{count} amendments are still pending: each is decided "
                                      "or withdrawn before the adoption.").format(count=pending)
            self.summary.setText(text)
        else:
            lines = [html.escape(adoption_text(state.adoption, lang))]
            if state.adoption.votes:
                lines.append(", ".join(
                    f"{html.escape(v.delegation.name())}: "
                    f"{html.escape(vote_label(v.vote))}" for v in state.adoption.votes))
            if state.adoption.agreement_number is not None:
                lines.append(html.escape(self.tr(
                    "Agreement {number} of session {session}; the minutes print the "
                    "declaration as its annex.").format(
                    number=state.adoption.agreement_number,
                    session=state.adoption.sitting_number)))
            self.summary.setText("<br/>".join(lines))
        adopted = state is not None and state.adopted
        self.adopt_button.setEnabled(state is not None and not adopted)
        self.cancel_button.setEnabled(adopted)
        self.statements.clear()
        for s in state.statements if state else ():
            paragraph = state.paragraph(s.paragraph_id)
            on = f" ({paragraph.code()})" if paragraph else ""
            item = QListWidgetItem(f"{statement_label(s.kind)} — {s.delegation.name()}{on}\n"
                                   f"{pick(lang, s.text_es, s.text_en)}")
            item.setData(ID, s.id)
            self.statements.addItem(item)
        for button in (self.add_statement, self.edit_statement, self.remove_statement,
                       self.preview_button, self.pdf_button, self.docx_button, self.akn_button,
                       self.log_preview_button, self.log_button):
            button.setEnabled(state is not None)
        self._show_missing()

    def selected_statement(self) -> int | None:
        item = self.statements.currentItem()
        return item.data(ID) if item is not None else None

    def _show_missing(self) -> None:
        if self.state is None:
            self.missing.clear()
            return
        missing = consolidate(self.state).missing(self.doc_language())
        if not missing:
            self.missing.clear()
            return
        self.missing.setText(self.tr("{count} paragraphs have no text in this language yet: "
                                     "the documents print them in the other language, marked "
                                     "\"translation pending\".").format(count=len(missing)))
