"""The workbench's text: every paragraph, Spanish and English side by side, as it now stands.

The list (objectName ``declarationText``) is the :class:`~encounter_desk.ui.declaration.
models.TextModel`. Under it, the chair's moves (discuss the selected paragraph, the previous
or next one) and the secretariat's edits of the draft (a paragraph's wording; adding,
removing and moving paragraphs while no amendment names them).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QWidget,
)

from encounter_desk.declaration.state import DeclarationState
from encounter_desk.ui.declaration.models import ID_ROLE, TextModel
from encounter_desk.ui.widgets.layout import hbox, vbox
from encounter_desk.ui.widgets.retranslating import Retranslating
from encounter_desk.ui.widgets.rows_model import read_only_table
from encounter_desk.ui.widgets.texts import Texts


class TextPage(Retranslating, QWidget):
    selection_changed = Signal(object)  # the draft paragraph's id, or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TextModel(self)
        self.table = read_only_table(self.model, "declarationText")
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TextModel.NAME, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(TextModel.SPANISH, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(TextModel.ENGLISH, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(TextModel.AMENDMENTS, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(TextModel.NAME, 104)
        self.table.setColumnWidth(TextModel.AMENDMENTS, 110)
        self.table.selectionModel().currentRowChanged.connect(
            lambda *_: self.selection_changed.emit(self.selected()))
        # rows as tall as their wrapped text, again whenever a column changes width
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())

        self.texts = texts = Texts()
        self.discuss_button = texts.button(
            "discussParagraph", lambda: self.tr("▶ Discuss this paragraph"),
            tip=lambda: self.tr("Show it in the room (Ctrl+Return)"))
        self.previous_button = texts.button(
            "previousParagraph", lambda: self.tr("◀ Previous"),
            tip=lambda: self.tr("Discuss the previous paragraph (Alt+Up, "
                                "Page Up on the room screen)"))
        self.next_button = texts.button(
            "nextParagraph", lambda: self.tr("Next ▶"),
            tip=lambda: self.tr("Discuss the next paragraph (Alt+Down, Page Down "
                                "on the room screen)"))
        self.edit_button = texts.button("editParagraph", lambda: self.tr("Edit wording…"))
        self.add_button = texts.button("addParagraph", lambda: self.tr("Add paragraph…"))
        self.remove_button = texts.button("removeParagraph", lambda: self.tr("Remove"))
        self.up_button = texts.button("paragraphUp", lambda: self.tr("Move up"))
        self.down_button = texts.button("paragraphDown", lambda: self.tr("Move down"))
        moves = hbox(self.discuss_button, self.previous_button, self.next_button, None,
                     self.edit_button, self.add_button, self.remove_button, self.up_button,
                     self.down_button)
        vbox((self.table, 1), moves, parent=self, margins=0)
        self.retranslate()

    def retranslate(self) -> None:
        self.texts.retranslate()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0,
                                          self.model.columnCount() - 1)

    def set_state(self, state: DeclarationState | None, keep: int | None) -> None:
        """Show ``state``, keeping the paragraph ``keep`` selected (else the one discussed)."""
        self.model.set_state(state)
        self.table.resizeRowsToContents()
        target = keep if keep is not None else (state.discussion.paragraph_id if state else None)
        self.select(target)
        structure = state is not None and not state.amendments and not state.adopted
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setEnabled(structure)
        editable = state is not None and not state.adopted
        self.edit_button.setEnabled(editable)
        for button in (self.discuss_button, self.previous_button, self.next_button):
            button.setEnabled(editable and bool(state.paragraphs))

    def select(self, draft_id: int | None) -> None:
        row = self.model.row_of_draft(draft_id)
        if row < 0:
            return
        index = self.model.index(row, TextModel.SPANISH)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    def selected(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None
