"""The workbench's two lists as Qt models: the text, paragraph by paragraph, and the amendments.

:class:`TextModel` has a row per paragraph in the draft's order, Spanish and English side by
side, as the text stands now: amended paragraphs in their new words, inserted ones after
the paragraph they follow, deleted ones struck through. The first column names the draft
paragraph (PP3, OP2) and, for operative ones, their number in the amended text; a ▶ marks
the paragraph under discussion. :class:`AmendmentsModel` lists amendments with their
sponsors, kind, state and the time of the decision.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, language
from encounter_desk.declaration.base import kind_label, local_time, status_label
from encounter_desk.declaration.changes import ChangedParagraph, changes
from encounter_desk.declaration.state import AmendmentRow, DeclarationState
from encounter_desk.storage.models import AmendmentStatus

AnyIndex = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1

UNDER_DISCUSSION = "\u25b6"
STATE_COLOURS = {
    "amended": "#eef6ee",
    "inserted": "#e3f2e4",
    "deleted": "#fbeaea",
}
STATUS_COLOURS = {
    AmendmentStatus.PENDING.value: "#8a5a00",
    AmendmentStatus.ACCEPTED.value: "#1b5e20",
    AmendmentStatus.ACCEPTED_AMENDED.value: "#1b5e20",
    AmendmentStatus.REJECTED.value: "#b00020",
    AmendmentStatus.WITHDRAWN.value: "#616161",
}


@dataclass(frozen=True)
class TextRow:
    es: ChangedParagraph
    en: ChangedParagraph
    under_discussion: bool
    amendments: int
    pending: int

    @property
    def draft_id(self) -> int:
        return self.es.draft_id


def _tr(text: str) -> str:
    return QCoreApplication.translate("DeclarationModels", text)


class _Table(QAbstractTableModel):
    """A read-only table of ``rows`` under the translated ``HEADERS``."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.rows: list = []

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(self.HEADERS[section])
        return None


class TextModel(_Table):
    NAME, SPANISH, ENGLISH, AMENDMENTS = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("DeclarationModels", "Paragraph"),
        QT_TRANSLATE_NOOP("DeclarationModels", "Spanish"),
        QT_TRANSLATE_NOOP("DeclarationModels", "English"),
        QT_TRANSLATE_NOOP("DeclarationModels", "Amendments"),
    )
    rows: list[TextRow]

    def set_state(self, state: DeclarationState | None) -> None:
        self.beginResetModel()
        self.rows = []
        if state is not None:
            current = state.discussion.paragraph_id
            for es, en in zip(changes(state, "es"), changes(state, "en"), strict=True):
                own = es.state != "inserted"
                on = state.amendments_on(es.draft_id) if own else []
                self.rows.append(TextRow(es, en, own and es.draft_id == current, len(on),
                                         sum(1 for a in on if a.pending)))
        self.endResetModel()

    def row_of_draft(self, draft_id: int | None) -> int:
        """The row of a draft paragraph itself (not of one inserted after it); -1 if none."""
        for index, row in enumerate(self.rows):
            if row.draft_id == draft_id and row.es.state != "inserted":
                return index
        return -1

    def _name(self, row: TextRow) -> str:
        p = row.es
        code = p.draft_code if language() == "es" else row.en.draft_code
        marker = f"{UNDER_DISCUSSION} " if row.under_discussion else ""
        translate = QCoreApplication.translate
        if p.state == "inserted" and p.part == "operative":
            return translate("DeclarationModels", "new after {code}\n{number}.").format(
                code=code, number=p.number)
        if p.state == "inserted":
            return translate("DeclarationModels", "new after {code}").format(code=code)
        if p.state == "deleted":
            return f"{marker}{code}\n" + translate("DeclarationModels", "deleted")
        if p.part == "operative":
            return f"{marker}{code}\n{p.number}."
        return f"{marker}{code}"

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        side = row.es if column == self.SPANISH else row.en
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return self._name(row)
            if column == self.AMENDMENTS:
                if not row.amendments:
                    return ""
                if not row.pending:
                    return str(row.amendments)
                return QCoreApplication.translate(
                    "DeclarationModels", "{count} ({pending} pending)").format(
                    count=row.amendments, pending=row.pending)
            words = side.new_text() if side.state != "deleted" else side.segments[0].text
            return words or QCoreApplication.translate("DeclarationModels",
                                                       "(translation pending)")
        if role == ID_ROLE:
            return row.draft_id
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.SPANISH, self.ENGLISH):
            return side.plain() if side.state == "amended" else None
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = STATE_COLOURS.get(row.es.state)
            if row.under_discussion:
                colour = "#fff4cc"
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setStrikeOut(row.es.state == "deleted" and column in (self.SPANISH,
                                                                        self.ENGLISH))
            font.setBold(column == self.NAME and row.under_discussion)
            font.setItalic(column in (self.SPANISH, self.ENGLISH) and not side.new_text()
                           and side.state != "deleted")
            return font
        if role == Qt.ItemDataRole.ForegroundRole and row.es.state == "deleted":
            return QBrush(QColor("#7a7a7a"))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        return None


class AmendmentsModel(_Table):
    NUMBER, PARAGRAPH, SPONSORS, KIND, STATUS, TIME = range(6)
    HEADERS = (
        QT_TRANSLATE_NOOP("DeclarationModels", "No."),
        QT_TRANSLATE_NOOP("DeclarationModels", "Paragraph"),
        QT_TRANSLATE_NOOP("DeclarationModels", "Proposed by"),
        QT_TRANSLATE_NOOP("DeclarationModels", "Kind"),
        QT_TRANSLATE_NOOP("DeclarationModels", "Decision"),
        QT_TRANSLATE_NOOP("DeclarationModels", "Time"),
    )

    rows: list[AmendmentRow]

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.state: DeclarationState | None = None
        self.current: int | None = None

    def set_rows(self, state: DeclarationState | None, rows: list[AmendmentRow]) -> None:
        self.beginResetModel()
        self.state = state
        self.rows = rows
        self.current = state.discussion.amendment_id if state else None
        self.endResetModel()

    def row_of(self, amendment_id: int | None) -> int:
        return next((i for i, a in enumerate(self.rows) if a.id == amendment_id), -1)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or self.state is None:
            return None
        a = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NUMBER:
                marker = f"{UNDER_DISCUSSION} " if a.id == self.current else ""
                return f"{marker}{a.number}"
            if column == self.PARAGRAPH:
                paragraph = self.state.paragraph(a.paragraph_id)
                return paragraph.code() if paragraph else ""
            if column == self.SPONSORS:
                return a.sponsors_text()
            if column == self.KIND:
                return kind_label(a.kind)
            if column == self.STATUS:
                return status_label(a.status)
            return local_time(a.decided_at, self.state.timezone)
        if role == ID_ROLE:
            return a.id
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            return QBrush(QColor(STATUS_COLOURS[a.status]))
        if role == Qt.ItemDataRole.FontRole and a.id == self.current:
            font = QFont()
            font.setBold(True)
            return font
        return None
