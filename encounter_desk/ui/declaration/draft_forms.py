"""The draft's forms: type or paste it, its details (title, chapeau, place…), one paragraph.

Typing follows the same reading as a Word file (:func:`~encounter_desk.declaration.
docx_import.read_text`): the first line is the title, a line before the operative part may
open it ("Declaramos:"), and the operative paragraphs are numbered by hand (1., 2., …).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QWidget,
)

from encounter_desk.core.i18n import pick
from encounter_desk.declaration.state import DeclarationState, ParagraphRow
from encounter_desk.event.sittings import SittingRow
from encounter_desk.ui.declaration.forms import Submit, _Form, text_box

LANGUAGES = (("es", "Español"), ("en", "English"))


def language_box(name: str, chosen: str) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    for code, label in LANGUAGES:
        box.addItem(label, code)
    box.setCurrentIndex(max(0, box.findData(chosen)))
    return box


class DraftTextDialog(_Form):
    """The draft typed or pasted in one language: a new draft, or the other language of it."""

    def __init__(self, parent: QWidget | None, submit: Submit, *, language: str,
                 has_draft: bool) -> None:
        super().__init__(parent, "draftTextDialog", self.tr("Type or paste the draft"), submit)
        self.resize(760, 620)
        about = QLabel(self.tr(
            "One paragraph a line. The first line is the title; then the chapeau and the "
            "preambular paragraphs; a line such as \"Declaramos:\" may open the operative "
            "part, whose paragraphs are numbered 1., 2., … Lines a), b) stay with the "
            "paragraph above. When a draft exists, this text fills in its other language "
            "paragraph by paragraph."))
        about.setWordWrap(True)
        self.language = language_box("draftLanguage", language)
        self.replace = QCheckBox(self.tr("Replace the draft (its amendments are lost)"))
        self.replace.setObjectName("draftReplace")
        self.replace.setVisible(has_draft)
        self.text = text_box("draftText")
        self.form.addRow(about)
        self.form.addRow(self.tr("Language"), self.language)
        self.form.addRow("", self.replace)
        self.form.addRow(self.text)

    def values(self) -> dict[str, Any]:
        return {"text": self.text.toPlainText(), "lang": self.language.currentData(),
                "replace": self.replace.isChecked()}


class DraftDetailsDialog(_Form):
    """Title, chapeau and operative opening in both languages; place, date, authentic
    language and the session that negotiates it."""

    def __init__(self, parent: QWidget | None, state: DeclarationState,
                 sittings: Sequence[SittingRow], submit: Submit) -> None:
        super().__init__(parent, "draftDetailsDialog", self.tr("The draft's details"), submit)
        self.resize(760, 680)
        self.fields: dict[str, QLineEdit] = {}
        for name in ("title_es", "title_en", "operative_intro_es", "operative_intro_en"):
            self.fields[name] = QLineEdit(getattr(state, name))
            self.fields[name].setObjectName(name)
        self.chapeau_es = text_box("chapeau_es", state.chapeau_es)
        self.chapeau_en = text_box("chapeau_en", state.chapeau_en)
        for box in (self.chapeau_es, self.chapeau_en):
            box.setMaximumHeight(90)
        self.place = QLineEdit(state.place)
        self.place.setObjectName("declarationPlace")
        self.date = QDateEdit()
        self.date.setObjectName("declarationDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        day = state.date or dt.date.today()
        self.date.setDate(QDate(day.year, day.month, day.day))
        self.authentic = language_box("authenticLanguage", state.authentic_language)
        self.sitting = QComboBox()
        self.sitting.setObjectName("declarationSitting")
        self.sitting.addItem(self.tr("(none yet)"), None)
        for row in sittings:
            self.sitting.addItem(self.tr("Session {number}: {title}").format(
                number=row.number, title=pick(None, row.title_es, row.title_en)), row.id)
        self.sitting.setCurrentIndex(max(0, self.sitting.findData(state.sitting_id)))
        self.form.addRow(self.tr("Title (Spanish)"), self.fields["title_es"])
        self.form.addRow(self.tr("Title (English)"), self.fields["title_en"])
        self.form.addRow(self.tr("Chapeau (Spanish)"), self.chapeau_es)
        self.form.addRow(self.tr("Chapeau (English)"), self.chapeau_en)
        self.form.addRow(self.tr("Opening of the operative part (Spanish)"),
                         self.fields["operative_intro_es"])
        self.form.addRow(self.tr("Opening of the operative part (English)"),
                         self.fields["operative_intro_en"])
        self.form.addRow(self.tr("Place"), self.place)
        self.form.addRow(self.tr("Date"), self.date)
        self.form.addRow(self.tr("Authentic text"), self.authentic)
        self.form.addRow(self.tr("Negotiated at"), self.sitting)

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {name: box.text() for name, box in self.fields.items()}
        values.update(chapeau_es=self.chapeau_es.toPlainText(),
                      chapeau_en=self.chapeau_en.toPlainText(), place=self.place.text(),
                      date=self.date.date().toPython(),
                      authentic_language=self.authentic.currentData(),
                      sitting_id=self.sitting.currentData())
        return values


class ParagraphDialog(_Form):
    """One draft paragraph in both languages (a new one also chooses its part)."""

    def __init__(self, parent: QWidget | None, submit: Submit, *,
                 row: ParagraphRow | None = None, part: str = "operative") -> None:
        title = self.tr("New paragraph") if row is None else self.tr("Paragraph {code}").format(
            code=row.code())
        super().__init__(parent, "paragraphDialog", title, submit)
        self.resize(700, 460)
        self.part = QComboBox()
        self.part.setObjectName("paragraphPart")
        self.part.addItem(self.tr("Preamble"), "preamble")
        self.part.addItem(self.tr("Operative part"), "operative")
        self.part.setCurrentIndex(max(0, self.part.findData(row.part if row else part)))
        self.part.setEnabled(row is None)
        self.text_es = text_box("paragraphTextEs", row.text_es if row else "")
        self.text_en = text_box("paragraphTextEn", row.text_en if row else "")
        self.form.addRow(self.tr("Part"), self.part)
        self.form.addRow(self.tr("Spanish"), self.text_es)
        self.form.addRow(self.tr("English"), self.text_en)

    def values(self) -> dict[str, Any]:
        return {"part": self.part.currentData(), "text_es": self.text_es.toPlainText(),
                "text_en": self.text_en.toPlainText()}
