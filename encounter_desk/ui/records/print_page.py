"""Records → Print: certificates of attendance, name plates, the list of participants, badges.

Each document is previewed (written to a temporary PDF and opened in the system's viewer)
or saved where the user chooses, on Letter or A4. Certificates are in each participant's
language unless one language is chosen for all; the language of a delegation's
certificates and follow-up forms is chosen here too.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QWidget,
)

from encounter_desk.core import i18n
from encounter_desk.core.errors import Refusal
from encounter_desk.desk.badge_pdf import write_badges
from encounter_desk.event import delegations as delegation_admin
from encounter_desk.records.print_shop.certificates import write_certificates
from encounter_desk.records.print_shop.paper import event_paper
from encounter_desk.records.print_shop.participants_list import write_participants_list
from encounter_desk.records.print_shop.tent_cards import write_tent_cards
from encounter_desk.records.roadmap.commitments import set_document_language
from encounter_desk.ui.records.document_output import DocumentPage, Work
from encounter_desk.ui.records.roadmap_page import fill_papers
from encounter_desk.ui.widgets.files import FileOpener
from encounter_desk.ui.widgets.layout import hbox, named, refill, show_status, vbox, wrapped
from encounter_desk.ui.widgets.texts import LANGUAGE_NAMES
from encounter_desk.ui.widgets.workspace import AppContext


class PrintPage(DocumentPage):
    CERTIFICATES, PLATES, LIST, BADGES = range(4)

    def __init__(self, context: AppContext, open_file: FileOpener | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, "printStatus", open_file, parent)

        self.paper_label = QLabel()
        self.paper = named(QComboBox(), "printPaper")
        self.language_label = QLabel()
        self.language = named(QComboBox(), "printLanguage")

        self.boxes = [QGroupBox() for _ in range(4)]
        self.helps = [wrapped() for _ in range(4)]
        self.previews = [named(QPushButton(), f"printPreview{n}") for n in range(4)]
        self.saves = [named(QPushButton(), f"printSave{n}") for n in range(4)]
        self.seats = named(QCheckBox(), "printSeats")
        self.public = named(QCheckBox(), "printPublic")
        self.a6 = named(QCheckBox(), "printBadgesA6")
        extras = {self.PLATES: self.seats, self.LIST: self.public, self.BADGES: self.a6}
        for n, box in enumerate(self.boxes):
            vbox(self.helps[n], extras.get(n, 0),
                 hbox(self.previews[n], self.saves[n], None), parent=box)
            self.previews[n].clicked.connect(lambda _c=False, n=n: self.preview(n))
            self.saves[n].clicked.connect(lambda _c=False, n=n: self.save(n))

        self.delegation_box = QGroupBox()
        self.delegation = named(QComboBox(), "printDelegation")
        self.delegation_language = named(QComboBox(), "printDelegationLanguage")
        self.delegation_help = wrapped()
        self.delegation_button = named(QPushButton(), "printSetDelegationLanguage")
        vbox(self.delegation_help,
             hbox(self.delegation, self.delegation_language, self.delegation_button, None),
             parent=self.delegation_box)
        self.delegation_button.clicked.connect(self.set_delegation_language)

        grid = QGridLayout()
        grid.addWidget(self.boxes[0], 0, 0)
        grid.addWidget(self.boxes[1], 0, 1)
        grid.addWidget(self.boxes[2], 1, 0)
        grid.addWidget(self.delegation_box, 1, 1)
        grid.addWidget(self.boxes[3], 2, 0)
        vbox(hbox(self.paper_label, self.paper, 16, self.language_label, self.language, None),
             grid, None, self.status, parent=self)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        refill(self.language, ((self.tr("Each participant's language"), None), *LANGUAGE_NAMES))
        refill(self.delegation_language, ((self.tr("Usual language"), ""), *LANGUAGE_NAMES))
        fill_papers(self.paper)
        self.paper_label.setText(self.tr("Paper"))
        self.language_label.setText(self.tr("Language"))
        titles = (self.tr("Certificates of attendance"), self.tr("Name plates"),
                  self.tr("List of participants"), self.tr("Badges"))
        helps = (
            self.tr("One page for each participant who attended at least one session, with "
                    "the sessions and their dates, and the signature lines of the Presidency "
                    "Pro Tempore and the Technical Secretariat."),
            self.tr("A folded card per delegation: the flag and the name large, in Spanish on "
                    "one face and in English on the other. Fold along the dotted line."),
            self.tr("By delegation in the official order, heads of delegation first: title, "
                    "name, position, institution and email."),
            self.tr("Everyone's badge with its QR code, eight to a sheet with cut marks, to "
                    "print before the encounter. A badge printed again keeps its code."),
        )
        for n in range(4):
            self.boxes[n].setTitle(titles[n])
            self.helps[n].setText(helps[n])
            self.previews[n].setText(self.tr("Preview"))
            self.saves[n].setText(self.tr("Save PDF…"))
        self.seats.setText(self.tr("A card per person instead of per delegation"))
        self.public.setText(self.tr("Public version, without email addresses"))
        self.a6.setText(self.tr("One badge per A6 page, for badge holders"))
        self.delegation_box.setTitle(self.tr("Language of a delegation's documents"))
        self.delegation_help.setText(self.tr(
            "Certificates and follow-up forms are in English for Belize, Canada and the "
            "United States and in Spanish for the others, unless chosen here. A person's own "
            "language (in their record) comes first."))
        self.delegation_button.setText(self.tr("Apply"))

    def refresh(self) -> None:
        try:
            rows = delegation_admin.list_delegations(self.db)
        except Refusal as exc:
            show_status(self.status, str(exc), problem=True)
            return
        refill(self.delegation, ((row.name_es if i18n.language() == "es" else row.name_en,
                                  row.id) for row in rows))

    # --- documents -----------------------------------------------------------------------

    def _job(self, which: int) -> tuple[str, Work, str]:
        paper = event_paper(self.db, self.paper.currentData() or None)
        lang = self.language.currentData()
        doc_lang = lang or i18n.language()
        if which == self.CERTIFICATES:
            return (f"certificates-{lang or 'each'}-{paper}.pdf",
                    lambda p, progress: write_certificates(
                        self.db, p, lang=lang, paper=paper, progress=progress) or _none(),
                    self.tr("{count} certificates written to {path}"))
        if which == self.PLATES:
            seats = self.seats.isChecked()
            return (f"name-plates{'-seats' if seats else ''}-{paper}.pdf",
                    lambda p, _progress: write_tent_cards(self.db, p, paper=paper, seats=seats),
                    self.tr("{count} name plates written to {path}"))
        if which == self.BADGES:
            layout = "a6" if self.a6.isChecked() else "a4-8"
            return (f"badges-{layout}-{doc_lang}-{paper}.pdf",
                    lambda p, progress: write_badges(self.db, p, None, layout, lang=doc_lang,
                                                     paper=paper, progress=progress),
                    self.tr("{count} badges written to {path}"))
        public = self.public.isChecked()
        return (f"participants{'-public' if public else ''}-{doc_lang}-{paper}.pdf",
                lambda p, progress: write_participants_list(
                    self.db, p, lang=doc_lang, paper=paper, public=public, progress=progress),
                self.tr("List of {count} participants written to {path}"))

    def preview(self, which: int) -> None:
        name, work, _done = self._job(which)
        self.output.preview(name, work, cancellable=which != self.PLATES)

    def save(self, which: int) -> None:
        name, work, done = self._job(which)
        self.output.save(self.boxes[which].title(), name, work, done,
                         cancellable=which != self.PLATES)

    def set_delegation_language(self) -> None:
        delegation_id = self.delegation.currentData()
        if delegation_id is None:
            return
        try:
            set_document_language(self.db, delegation_id, self.delegation_language.currentData())
        except Refusal as exc:
            show_status(self.status, str(exc), problem=True)
            return
        show_status(self.status, self.tr("The documents of {delegation} will be in {language}.")
                    .format(delegation=self.delegation.currentText(),
                            language=self.delegation_language.currentText()))


def _none() -> int:
    from encounter_desk.records.register import RecordsError

    raise RecordsError(i18n.translate("Print", "Nobody has attended a session yet: there are "
                                      "no certificates to print."), code="print.no_attendance")
