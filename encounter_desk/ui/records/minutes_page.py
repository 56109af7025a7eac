"""Records → Minutes and exports: the minutes of the chosen sitting as PDF (preview or
save), the event report, the Akoma Ntoso debate, attendance and speeches as CSV/XLSX.

PySide6-Essentials has no QtPdf, so the preview writes the PDF to a temporary folder and
opens it with the system's PDF viewer (``open_file``; tests replace it). Every file
chooser goes through the message bridge, so nothing here blocks.
"""

from __future__ import annotations

import html
import logging
import re

from PySide6.QtCore import Qt
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
from encounter_desk.event import event as events
from encounter_desk.event.sittings import SittingRow
from encounter_desk.records import exports
from encounter_desk.records.minutes import akn
from encounter_desk.records.minutes import data as minutes_data
from encounter_desk.records.minutes import pdf as minutes_pdf
from encounter_desk.ui.records.document_output import DocumentOutput, Work
from encounter_desk.ui.widgets.files import FileOpener
from encounter_desk.ui.widgets.layout import hbox, named, vbox, wrapped
from encounter_desk.ui.widgets.retranslating import Retranslating
from encounter_desk.ui.widgets.workspace import AppContext

log = logging.getLogger(__name__)

LANGUAGE_NAMES = (("es", "Español"), ("en", "English"))
"""Each language by its own name, as the Language menu shows them."""


class MinutesPage(Retranslating, QWidget):
    def __init__(self, context: AppContext, open_file: FileOpener | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = context.db
        self.messages = context.messages
        self.sitting: SittingRow | None = None

        self.minutes_box = QGroupBox()
        self.language_label = QLabel()
        self.language = named(QComboBox(), "minutesLanguage")
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.final_box = named(QCheckBox(), "minutesFinal")
        self.preview_button = named(QPushButton(), "previewMinutes")
        self.pdf_button = named(QPushButton(), "exportMinutes")
        self.akn_button = named(QPushButton(), "exportAkn")
        self.minutes_help = wrapped()
        vbox(hbox(self.language_label, self.language, 16, self.final_box, None),
             self.minutes_help,
             hbox(self.preview_button, self.pdf_button, self.akn_button, None),
             parent=self.minutes_box)

        self.exports_box = QGroupBox()
        self.all_sessions = named(QCheckBox(), "exportAllSessions")
        self.report_button = named(QPushButton(), "exportEventReport")
        self.attendance_button = named(QPushButton(), "exportAttendance")
        self.speeches_button = named(QPushButton(), "exportSpeeches")
        self.exports_help = wrapped()
        grid = QGridLayout(self.exports_box)
        grid.addWidget(self.exports_help, 0, 0, 1, 4)
        grid.addWidget(self.all_sessions, 1, 0, 1, 4)
        grid.addWidget(self.attendance_button, 2, 0)
        grid.addWidget(self.speeches_button, 2, 1)
        grid.addWidget(self.report_button, 2, 2)
        grid.setColumnStretch(3, 1)

        self.summary_box = QGroupBox()
        self.summary = wrapped("minutesSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        vbox(self.summary, parent=self.summary_box)

        self.status = wrapped("minutesStatus")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.output = DocumentOutput(self, self.messages, self.status, open_file)

        vbox(self.minutes_box, (self.summary_box, 1), self.exports_box, self.status, parent=self)

        self.preview_button.clicked.connect(self.preview)
        self.pdf_button.clicked.connect(self.export_pdf)
        self.akn_button.clicked.connect(self.export_akn)
        self.report_button.clicked.connect(self.export_report)
        self.attendance_button.clicked.connect(lambda: self.export_table("attendance"))
        self.speeches_button.clicked.connect(lambda: self.export_table("speeches"))
        self.language.setCurrentIndex(self.language.findData(i18n.language()))
        self.language.currentIndexChanged.connect(lambda _n: self.show_summary())
        self.final_box.toggled.connect(lambda _on: self.show_summary())
        self.retranslate()
        self._enable()

    # --- texts ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.minutes_box.setTitle(self.tr("Minutes of the session"))
        self.summary_box.setTitle(self.tr("What the minutes say (in the document's language)"))
        self.language_label.setText(self.tr("Language of the document"))
        self.final_box.setText(self.tr("Final (no DRAFT watermark)"))
        self.minutes_help.setText(self.tr(
            "The minutes print the attendance by delegation, the agenda, every intervention "
            "with its time, speaking time by delegation and by gender, the agreements and "
            "the initiatives pledged, and the signature block."))
        self.preview_button.setText(self.tr("Preview"))
        self.preview_button.setToolTip(self.tr("Write the minutes to a temporary file and "
                                               "open them in the PDF viewer"))
        self.pdf_button.setText(self.tr("Export PDF…"))
        self.akn_button.setText(self.tr("Akoma Ntoso XML…"))
        self.exports_box.setTitle(self.tr("Exports"))
        self.exports_help.setText(self.tr(
            "Spreadsheets in the language chosen above: .xlsx for Excel, .csv for any "
            "program. The event report gathers every session, attendance across the "
            "encounter, all agreements and the initiatives road map."))
        self.all_sessions.setText(self.tr("Attendance and speeches of every session, not "
                                          "only this one"))
        self.report_button.setText(self.tr("Event report…"))
        self.attendance_button.setText(self.tr("Attendance CSV/XLSX…"))
        self.speeches_button.setText(self.tr("Speeches CSV/XLSX…"))

    # --- state ---------------------------------------------------------------------------

    def set_sitting(self, sitting: SittingRow | None) -> None:
        self.sitting = sitting
        self._enable()
        self.show_summary()

    def show_summary(self) -> None:
        """The facts of the minutes, read from the same data the PDF prints."""
        if self.sitting is None:
            self.summary.setText(self.tr("Choose a session."))
            return
        try:
            data = minutes_data.load_minutes(self.db, self.sitting.id, lang=self.lang(),
                                             final=self.final_box.isChecked())
        except Refusal as exc:
            self.summary.setText(html.escape(str(exc)))
            return
        self.summary.setText(self.summary_html(data))

    def summary_html(self, data: minutes_data.MinutesData) -> str:
        """Two columns of facts: what the header, the totals and the record will print."""
        h, totals = data.header, data.totals
        not_yet = self.tr("not yet")
        rows = [
            (self.tr("Reference"), h.reference + ("" if h.final else "  ·  " + self.tr("draft"))),
            (self.tr("Session"), f"{h.sitting_number}. {h.sitting_title}"),
            (self.tr("Date and place"), ", ".join(x for x in (h.date_text, h.place) if x)),
            (self.tr("Scheduled"), f"{h.scheduled_start}–{h.scheduled_end}".strip("–")),
            (self.tr("Opened"), h.actual_start or not_yet),
            (self.tr("Adjourned"), h.adjourned or not_yet),
            (self.tr("Chair"), h.chair.full_name if h.chair else "—"),
            (self.tr("Secretary"), h.secretary.full_name if h.secretary else "—"),
            (self.tr("Attendance"), " · ".join(totals.lines)),
            (self.tr("Quorum"), totals.quorum_text),
            (self.tr("Interventions"), self.tr("{count} ({time} in all)").format(
                count=data.interventions_count, time=data.total_speaking)),
            (self.tr("Agreements"), str(len(data.agreements))),
            (self.tr("Initiatives pledged"), str(len(data.initiatives))),
        ]
        cells = "".join(
            f"<tr><td style='padding-right:14px'><b>{html.escape(k)}</b></td>"
            f"<td>{html.escape(v)}</td></tr>" for k, v in rows)
        return f"<table cellspacing='2'>{cells}</table>"

    def _enable(self) -> None:
        has = self.sitting is not None
        for button in (self.preview_button, self.pdf_button, self.akn_button):
            button.setEnabled(has)

    def lang(self) -> str:
        return self.language.currentData() or "es"

    def _event_code(self) -> str:
        event = events.load_event(self.db)
        code = event.code if event is not None else ""
        return re.sub(r"[^A-Za-z0-9_.-]+", "-", code).strip("-.") or "event"

    # --- the minutes ---------------------------------------------------------------------

    def _minutes_name(self, suffix: str) -> str:
        assert self.sitting is not None
        kind = "" if self.final_box.isChecked() else "-draft"
        return f"{self._event_code()}-S{self.sitting.number}-{self.lang()}{kind}{suffix}"

    def preview(self) -> None:
        """Write the minutes to a temporary PDF and open it with the system viewer."""
        if self.sitting is None:
            return
        sitting_id, lang, final = self.sitting.id, self.lang(), self.final_box.isChecked()
        self.output.preview(
            self._minutes_name(".pdf"),
            lambda p, _progress: minutes_pdf.write_minutes(self.db, sitting_id, p, lang=lang,
                                                           final=final),
            said=self.tr("Preview of the minutes of session {number} opened from {path}").format(
                number=self.sitting.number, path="{path}"))

    def export_pdf(self) -> None:
        if self.sitting is None:
            return
        sitting_id, lang, final = self.sitting.id, self.lang(), self.final_box.isChecked()
        self._save(self.tr("Save the minutes"), self.tr("PDF (*.pdf)"),
                   self._minutes_name(".pdf"), ".pdf",
                   lambda p, _progress: minutes_pdf.write_minutes(self.db, sitting_id, p,
                                                                  lang=lang, final=final),
                   self.tr("Minutes of session {number} written to {path}"))

    def export_akn(self) -> None:
        if self.sitting is None:
            return
        sitting_id, lang = self.sitting.id, self.lang()
        self._save(self.tr("Save the Akoma Ntoso document"), self.tr("Akoma Ntoso XML (*.xml)"),
                   self._minutes_name(".xml").replace("-draft", ""), ".xml",
                   lambda p, _progress: akn.export_akn(self.db, sitting_id, p, lang),
                   self.tr("Akoma Ntoso debate of session {number} written to {path}"))

    def export_report(self) -> None:
        lang = self.lang()
        self._save(self.tr("Save the event report"), self.tr("PDF (*.pdf)"),
                   f"{self._event_code()}-report-{lang}.pdf", ".pdf",
                   lambda p, progress: minutes_pdf.write_event_report(self.db, p, lang,
                                                                      progress=progress),
                   self.tr("Event report written to {path}"), cancellable=True)

    def export_table(self, which: str) -> None:
        lang = self.lang()
        every = self.all_sessions.isChecked() or self.sitting is None
        number = None if every else self.sitting.number
        scope = "all" if number is None else f"S{number}"
        writer = exports.export_attendance if which == "attendance" else exports.export_speeches
        title = (self.tr("Save the attendance") if which == "attendance"
                 else self.tr("Save the speeches"))
        done = (self.tr("Attendance written to {path}") if which == "attendance"
                else self.tr("Speeches written to {path}"))
        self._save(title, self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
                   f"{self._event_code()}-{which}-{scope}-{lang}.xlsx", ".xlsx",
                   lambda p, _progress: writer(self.db, p, sitting_number=number, lang=lang),
                   done)

    def _save(self, title: str, name_filter: str, suggested: str, suffix: str,
              work: Work, done: str, *, cancellable: bool = False) -> None:
        number = self.sitting.number if self.sitting is not None else 0
        self.output.save(title, suggested, work,
                         done.format(number=number, path="{path}", count="{count}"),
                         name_filter=name_filter, suffix=suffix, cancellable=cancellable)
