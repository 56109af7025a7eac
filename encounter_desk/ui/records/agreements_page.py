"""Records → Agreements: the decisions of one sitting, per agenda item; add, edit, delete."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHeaderView, QLabel, QWidget

from encounter_desk.core import i18n
from encounter_desk.core.errors import Refusal
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP
from encounter_desk.declaration.state import member_delegations
from encounter_desk.event import sittings
from encounter_desk.event.sittings import AgendaItemRow
from encounter_desk.records import agreements
from encounter_desk.records.agreements import AgreementRow
from encounter_desk.storage.database import Database
from encounter_desk.ui.records.agreement_form import AgreementDialog
from encounter_desk.ui.widgets.layout import hbox, named
from encounter_desk.ui.widgets.table_model import Column, SittingTableModel
from encounter_desk.ui.widgets.table_page import FormTablePage
from encounter_desk.ui.widgets.workspace import AppContext

ALL_ITEMS = -1
"""The agenda-item filter value that shows every agreement of the sitting."""
WHOLE_SESSION = 0
"""The filter value for agreements not tied to an agenda item."""


class AgreementsModel(SittingTableModel):
    CONTEXT = "AgreementsModel"
    NUMBER, ITEM, TEXT, ADOPTION, ANNEX = range(5)
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("AgreementsModel", "No."), kind="number"),
        Column(QT_TRANSLATE_NOOP("AgreementsModel", "Agenda item")),
        Column(QT_TRANSLATE_NOOP("AgreementsModel", "Text")),
        Column(QT_TRANSLATE_NOOP("AgreementsModel", "How adopted")),
        Column(QT_TRANSLATE_NOOP("AgreementsModel", "Annex")),
    )
    COUNTS = (QT_TRANSLATE_NOOP("AgreementsModel", "{total} agreements"),
              QT_TRANSLATE_NOOP("AgreementsModel", "{shown} of {total} agreements"),
              QT_TRANSLATE_NOOP("AgreementsModel", "1 agreement"))
    DELETE = staticmethod(agreements.delete_agreement)
    NAMED = QT_TRANSLATE_NOOP("AgreementsModel", "agreement {number}")

    item_filter = ALL_ITEMS

    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(db, parent)
        self.items: dict[int, AgendaItemRow] = {}

    def set_sitting(self, sitting_id: int | None, items: Sequence[AgendaItemRow] = ()) -> bool:
        """Show the agreements of ``sitting_id``, whose agenda is ``items``."""
        items_now = {item.id: item for item in items}
        if items_now != self.items:
            self.reset_next = True  # the agenda items' titles read differently
        self.items = items_now
        return super().set_sitting(sitting_id)

    def set_item_filter(self, value: int) -> None:
        self.item_filter = value
        self.refresh()

    def fetch_sitting(self, sitting_id: int) -> list[AgreementRow]:
        rows = agreements.list_agreements(self.db, sitting_id)
        if self.item_filter == ALL_ITEMS:
            return rows
        wanted = None if self.item_filter == WHOLE_SESSION else self.item_filter
        return [r for r in rows if r.agenda_item_id == wanted]

    def display(self, row: AgreementRow, column: int) -> Any:
        lang = i18n.language()
        if column == self.NUMBER:
            return row.number
        if column == self.ITEM:
            item = self.items.get(row.agenda_item_id) if row.agenda_item_id else None
            if item is None:
                return QCoreApplication.translate("AgreementsModel", "The whole session")
            return f"{item.number}. {item.title(lang)}"
        if column == self.TEXT:
            return row.text(lang)
        if column == self.ADOPTION:
            return row.adoption_text(lang)
        return row.annex_title

    def edit_value(self, row: AgreementRow, column: int) -> Any:
        return row.number if column == self.NUMBER else None

    def tooltip(self, row: AgreementRow, column: int) -> str | None:
        if column == self.TEXT:
            return row.text(i18n.language())
        return super().tooltip(row, column)


class AgreementsPage(FormTablePage):
    """The agreements of the sitting chosen above; the form adds and edits them."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.agreements = AgreementsModel(context.db)
        self.items: list[AgendaItemRow] = []
        self.item_label = QLabel()
        self.item_box = named(QComboBox(), "agreementItemFilter")
        self.item_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        super().__init__(self.agreements, context.messages, AgreementsModel.NUMBER, parent)
        self.db = context.db
        self.item_box.activated.connect(lambda _n: self._item_chosen())
        self.layout().insertLayout(0, hbox(self.item_label, (self.item_box, 1)))
        self.table.setWordWrap(True)

    def retranslate(self) -> None:
        super().retranslate()
        self.add_button.setText(self.tr("Add agreement…"))
        self.item_label.setText(self.tr("Agenda item"))
        self._fill_items()

    # --- the sitting and its agenda --------------------------------------------------------

    def set_sitting(self, sitting_id: int | None) -> None:
        try:
            self.items = sittings.list_agenda_items(self.db, sitting_id) if sitting_id else []
        except Refusal as exc:
            self.items = []
            self.messages.warn(self, self.tr("Agreements"), str(exc))
        self.agreements.set_sitting(sitting_id, self.items)
        self._fill_items()
        self.fit_columns()

    def refresh(self) -> None:
        self.set_sitting(self.agreements.sitting_id)

    def fit_columns(self, limit: int = 300) -> None:
        """The text takes the room left; the other columns a sensible width; rows grow to
        show the whole text."""
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        self.table.resizeColumnToContents(AgreementsModel.NUMBER)
        for column, width in ((AgreementsModel.ITEM, 240), (AgreementsModel.ADOPTION, 230),
                              (AgreementsModel.ANNEX, 170)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(AgreementsModel.TEXT, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()

    def _fill_items(self) -> None:
        lang = i18n.language()
        current = self.agreements.item_filter
        self.item_box.clear()
        self.item_box.addItem(self.tr("All agenda items"), ALL_ITEMS)
        for item in self.items:
            self.item_box.addItem(
                self.tr("{number}. {title}").format(number=item.number, title=item.title(lang)),
                item.id)
        self.item_box.addItem(self.tr("The whole session (no agenda item)"), WHOLE_SESSION)
        found = self.item_box.findData(current)
        if found < 0:
            self.agreements.set_item_filter(ALL_ITEMS)
            found = 0
        self.item_box.setCurrentIndex(found)

    def _item_chosen(self) -> None:
        self.agreements.set_item_filter(self.item_box.currentData())
        self.fit_columns()

    # --- the form --------------------------------------------------------------------------

    def add_row(self) -> None:
        if self.agreements.sitting_id is None:
            self.messages.warn(self, self.tr("Agreements"), self.tr("Choose a session first."))
            return
        self.open_form(None)

    def open_form(self, row: AgreementRow | None) -> None:
        item = self.agreements.item_filter
        item_id = row.agenda_item_id if row is not None else (item if item > 0 else None)
        self.show_form(AgreementDialog(self, self.items, lambda values: self._submit(row, values),
                                       row, item_id, member_delegations(self.db)))

    def _submit(self, row: AgreementRow | None, values: dict[str, Any]) -> str | None:
        sitting_id = self.agreements.sitting_id
        if sitting_id is None:
            return self.tr("Choose a session first.")
        return self.save_form(row, partial(agreements.create_agreement, self.db, sitting_id),
                              partial(agreements.update_agreement, self.db),
                              AgreementsModel.TEXT, values)
