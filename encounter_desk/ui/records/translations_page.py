"""Records → Translations: the sitting's texts in Spanish and English, side by side.

The list shows every text of the sitting's record (each intervention's summary, each
agreement, each initiative pledged), its original language and whether the Spanish and
the English are there; a count says how many still await a translation. Below, the chosen
text: its original language, and the Spanish | English boxes side by side, the original's
side marked "original", a missing side marked "translation missing". An original in a
third language (French, Portuguese) gets its own box above. Keyboard: arrows in the list,
Enter to write, Tab across the boxes, Ctrl+S to save, Ctrl+Enter to save and go to the
next text awaiting a translation.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableView,
    QWidget,
)

from encounter_desk.core import i18n
from encounter_desk.core.bilingual import LANGUAGE_NAMES, WORKING, language_name
from encounter_desk.core.errors import Refusal
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP
from encounter_desk.records import translations
from encounter_desk.records.translations import TextRow
from encounter_desk.ui.widgets.layout import (
    PROBLEM_COLOUR,
    hbox,
    named,
    problem_label,
    show_status,
    vbox,
)
from encounter_desk.ui.widgets.retranslating import Retranslating
from encounter_desk.ui.widgets.table_model import Column, SittingTableModel
from encounter_desk.ui.widgets.texts import Texts
from encounter_desk.ui.widgets.workspace import AppContext


class TextsModel(SittingTableModel):
    CONTEXT = "TextsModel"
    WHAT, ORIGINAL, SPANISH, ENGLISH = range(4)
    # read-only: the texts are written in the editor below the list
    COLUMNS = tuple(Column(header) for header in (
        QT_TRANSLATE_NOOP("TextsModel", "Text of"), QT_TRANSLATE_NOOP("TextsModel", "Original"),
        QT_TRANSLATE_NOOP("TextsModel", "Spanish"), QT_TRANSLATE_NOOP("TextsModel", "English")))

    only_awaiting = False

    def __init__(self, db: Any, parent: Any = None) -> None:
        super().__init__(db, parent)
        self.all_rows: list[TextRow] = []
        """Every text of the sitting, the filter notwithstanding (for the count)."""

    def fetch_sitting(self, sitting_id: int) -> list[TextRow]:
        rows = translations.sitting_texts(self.db, sitting_id, i18n.language())
        self.all_rows = rows
        return [r for r in rows if r.missing] if self.only_awaiting else rows

    def display(self, row: TextRow, column: int) -> Any:
        if column == self.WHAT:
            return row.label
        if column == self.ORIGINAL:
            return language_name(row.text.language)
        lang = WORKING[column - self.SPANISH]
        version = row.text.text_in(lang)
        if version:
            return " ".join(version.split())
        if lang in row.missing:
            return QCoreApplication.translate("TextsModel", "— translation missing —")
        return ""

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A missing translation in the problem red, seen at a glance down the list."""
        if (role == Qt.ItemDataRole.ForegroundRole and index.isValid()
                and index.column() >= self.SPANISH
                and WORKING[index.column() - self.SPANISH] in self.row_at(index.row()).missing):
            return QBrush(QColor(PROBLEM_COLOUR))
        return super().data(index, role)

    def tooltip(self, row: TextRow, column: int) -> str | None:
        if column >= self.SPANISH:
            return row.text.text_in(WORKING[column - self.SPANISH]) or None
        return super().tooltip(row, column)


def language_box(name: str, code: str = "es") -> QComboBox:
    """The original language of a text: Spanish, English, French, Portuguese (and the one
    ``code`` names if it is another)."""
    box = named(QComboBox(), name)
    set_languages(box, code)
    return box


def set_languages(box: QComboBox, code: str | None) -> None:
    """Fill ``box`` with the languages in the interface's language, ``code`` chosen."""
    box.blockSignals(True)
    box.clear()
    for known in dict.fromkeys((*LANGUAGE_NAMES, code or "es")):
        box.addItem(f"{language_name(known)} ({known})", known)
    box.setCurrentIndex(box.findData(code or "es"))
    box.blockSignals(False)


def _text_box(name: str) -> QPlainTextEdit:
    box = named(QPlainTextEdit(), name)
    box.setTabChangesFocus(True)  # Tab goes on to the next box, as in a form
    box.setMinimumHeight(60)
    box.setMaximumHeight(120)
    return box


class TranslationsPage(Retranslating, QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("translationsPage")
        self.db = context.db
        self.model = TextsModel(self.db, self)
        self.texts = texts = Texts()
        self.awaiting_label = named(QLabel(), "translationsAwaiting")
        self.only_awaiting = texts.text(named(QCheckBox(), "translationsOnlyAwaiting"),
                                        lambda: self.tr("Only texts awaiting a translation"))
        self.table = named(QTableView(), "translationsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setMinimumHeight(170)  # five texts or so, even on a 1024 × 600 screen
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)

        self.editor = texts.title(named(QGroupBox(), "translationEditor"),
                                  lambda: self.tr("The text in both languages"))
        self.language_label = texts.label(lambda: self.tr("Original &language"))
        self.language = language_box("translationLanguage")
        self.original_label = QLabel()
        self.original = _text_box("translationOriginal")
        self.original.setMaximumHeight(72)
        self.spanish_label = named(QLabel(), "translationSpanishLabel")
        self.spanish = _text_box("translationSpanish")
        self.english_label = named(QLabel(), "translationEnglishLabel")
        self.english = _text_box("translationEnglish")
        self.save_button = texts.button("translationSave", lambda: self.tr("&Save"),
                                        lambda: self.tr("Ctrl+S"), clicked=self.save)
        self.next_button = texts.button("translationSaveNext",
                                        lambda: self.tr("Save and &next awaiting"),
                                        lambda: self.tr("Ctrl+Enter"), clicked=self.save_and_next)
        self.status = problem_label("translationStatus")
        self.language_label.setBuddy(self.language)
        self.spanish_label.setBuddy(self.spanish)
        self.english_label.setBuddy(self.english)
        vbox(hbox(self.language_label, self.language, None),
             self.original_label, self.original,
             hbox(vbox(self.spanish_label, self.spanish, margins=0),
                  vbox(self.english_label, self.english, margins=0)),
             hbox(self.status, None, self.save_button, self.next_button),
             parent=self.editor)
        vbox(hbox(self.awaiting_label, None, self.only_awaiting), (self.table, 1),
             self.editor, parent=self)

        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.save_and_next)
        self.only_awaiting.toggled.connect(self._filter)
        self.language.currentIndexChanged.connect(lambda _n: self._show_sides())
        for box in (self.spanish, self.english):
            box.textChanged.connect(self._show_sides)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_current())
        self.table.activated.connect(lambda _i: self.spanish.setFocus())
        self.retranslate()
        self._show_current()

    # --- texts ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.model.retranslate()
        self.texts.retranslate()
        set_languages(self.language, self.language.currentData())
        self._show_count()
        self._show_sides()

    def _show_count(self) -> None:
        awaiting = translations.awaiting(self.model.all_rows)
        total = len(self.model.all_rows)
        if awaiting == 1:
            text = self.tr("1 of {total} texts awaits a translation.")
        else:
            text = self.tr("{awaiting} of {total} texts await a translation.")
        show_status(self.awaiting_label, text.format(awaiting=awaiting, total=total),
                    problem=awaiting > 0)

    # --- the list ------------------------------------------------------------------------

    def set_sitting(self, sitting_id: int | None, keep: str | None = None) -> None:
        self.model.set_sitting(sitting_id)
        self.table.resizeColumnsToContents()
        for column in (TextsModel.WHAT, TextsModel.SPANISH):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 320))
        row = self.model.row_of_id(keep) if keep else None
        self.table.selectRow(row if row is not None else 0)
        self._show_count()
        self._show_current()

    def _filter(self, on: bool) -> None:
        self.model.only_awaiting = on
        self.set_sitting(self.model.sitting_id)

    def current(self) -> TextRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def select_text(self, kind: str, record_id: int) -> None:
        row = self.model.row_of_id(f"{kind}:{record_id}")
        if row is not None:
            self.table.selectRow(row)

    # --- the editor ----------------------------------------------------------------------

    def _show_current(self) -> None:
        row = self.current()
        self.editor.setEnabled(row is not None)
        self.status.clear()
        text = row.text if row is not None else None
        set_languages(self.language, text.language if text is not None else "es")
        self.spanish.setPlainText(text.es if text else "")
        self.english.setPlainText(text.en if text else "")
        self.original.setPlainText(text.original if text else "")
        self._show_sides()

    def _show_sides(self) -> None:
        """Which side is the original, which awaits its translation; the third box only
        for an original in another language."""
        code = self.language.currentData() or "es"
        foreign = code not in WORKING
        self.original.setVisible(foreign)
        self.original_label.setVisible(foreign)
        self.original_label.setText(self.tr("Original ({language})").format(
            language=language_name(code)))
        for lang, label, box in (("es", self.spanish_label, self.spanish),
                                 ("en", self.english_label, self.english)):
            name = language_name(lang)
            if lang == code:
                label.setText(self.tr("{language} — original").format(language=name))
            elif box.toPlainText().strip():
                label.setText(self.tr("{language} — translation").format(language=name))
            else:
                label.setText(self.tr("{language} — translation missing").format(language=name))
            box.setPlaceholderText(self.tr("Write the text in {language} here.").format(
                language=name))

    def save(self) -> bool:
        row = self.current()
        if row is None:
            return False
        try:
            translations.save_text(
                self.db, row.kind, row.record_id, language=self.language.currentData() or "",
                es=self.spanish.toPlainText(), en=self.english.toPlainText(),
                original=self.original.toPlainText())
        except Refusal as exc:
            show_status(self.status, str(exc), problem=True)
            return False
        self.set_sitting(self.model.sitting_id, keep=row.id)
        show_status(self.status, self.tr("Saved."))
        return True

    def save_and_next(self) -> None:
        """Save, then go to the next text that still awaits a translation."""
        row = self.current()
        if row is None or not self.save():
            return
        rows = self.model.rows()
        start = (self.model.row_of_id(row.id) or 0) + 1
        for n in list(range(start, len(rows))) + list(range(0, start)):
            if rows[n].missing:
                self.table.selectRow(n)
                break
        missing = self.current().missing if self.current() else ()
        # the first side still to write
        (self.english if missing == ("en",) else self.spanish).setFocus()
