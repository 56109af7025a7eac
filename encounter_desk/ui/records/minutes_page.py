"""Records → Minutes and exports: the minutes of the chosen sitting as PDF (preview or
save), the event report, the Akoma Ntoso debate, attendance and speeches as CSV/XLSX.

PySide6-Essentials has no QtPdf, so the preview writes the PDF to a temporary folder and
opens it with the system's PDF viewer (``open_file``; tests replace it). Every file
chooser goes through the message bridge, so nothing here blocks.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QWidget,
)

from encounter_desk.core import i18n
from encounter_desk.core.clock import Clock
from encounter_desk.core.errors import Refusal
from encounter_desk.event import event as events
from encounter_desk.event.sittings import SittingRow, list_sittings
from encounter_desk.records import exports, sitting_life
from encounter_desk.records.minutes import akn, narrative
from encounter_desk.records.minutes import data as minutes_data
from encounter_desk.records.minutes import pdf as minutes_pdf
from encounter_desk.ui.records.approval_form import ApprovalDialog
from encounter_desk.ui.records.document_output import DocumentPage, Work
from encounter_desk.ui.widgets.files import FileOpener
from encounter_desk.ui.widgets.layout import grid, hbox, named, show_status, vbox, wrapped
from encounter_desk.ui.widgets.texts import LANGUAGE_NAMES, Texts
from encounter_desk.ui.widgets.workspace import AppContext


class MinutesPage(DocumentPage):
    def __init__(self, context: AppContext, open_file: FileOpener | None = None,
                 parent: QWidget | None = None, clock: Clock | None = None) -> None:
        """``clock`` times an approval (default: the event file's clock)."""
        super().__init__(context, "minutesStatus", open_file, parent)
        self.clock = clock
        self.sitting: SittingRow | None = None

        self.texts = texts = Texts()
        self.minutes_box = texts.title(QGroupBox(), lambda: self.tr("Minutes of the session"))
        self.language_label = texts.label(lambda: self.tr("Language of the document"))
        self.language = named(QComboBox(), "minutesLanguage")
        for name, code in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.final_box = texts.text(
            named(QCheckBox(), "minutesFinal"), lambda: self.tr("Final (no DRAFT watermark)"),
            tip=lambda: self.tr("Final minutes only once the session is adjourned"))
        self.preview_button = texts.button(
            "previewMinutes", lambda: self.tr("Preview"),
            tip=lambda: self.tr("Write the minutes to a temporary file and "
                                "open them in the PDF viewer"), clicked=self.preview)
        self.pdf_button = texts.button("exportMinutes", lambda: self.tr("Export PDF…"),
                                       clicked=self.export_pdf)
        self.akn_button = texts.button("exportAkn", lambda: self.tr("Akoma Ntoso XML…"),
                                       clicked=self.export_akn)
        self.approve_button = texts.button(
            "approveMinutes", lambda: self.tr("Approve…"),
            tip=lambda: self.tr("Record at which session the minutes of this adjourned "
                                "session were approved"))
        self.minutes_help = texts.text(wrapped(), lambda: self.tr(
            "The minutes print the opening, the attendance by delegation (with institution "
            "and committee), the agenda, each item with its interventions and its agreements "
            "(a vote by delegation names each delegation's vote), the annexes, the "
            "initiatives pledged, the closing and the signature block. Final and approved "
            "minutes only once the session is adjourned."))
        vbox(hbox(self.language_label, self.language, 16, self.final_box, None),
             self.minutes_help,
             hbox(self.preview_button, self.pdf_button, self.akn_button, 16,
                  self.approve_button, None),
             parent=self.minutes_box)
        self.dialog: ApprovalDialog | None = None

        self.exports_box = texts.title(QGroupBox(), lambda: self.tr("Exports"))
        self.all_sessions = texts.text(named(QCheckBox(), "exportAllSessions"), lambda: self.tr(
            "Attendance and speeches of every session, not only this one"))
        self.report_button = texts.button("exportEventReport", lambda: self.tr("Event report…"),
                                          clicked=self.export_report)
        self.attendance_button = texts.button(
            "exportAttendance", lambda: self.tr("Attendance CSV/XLSX…"),
            clicked=lambda: self.export_table("attendance"))
        self.speeches_button = texts.button(
            "exportSpeeches", lambda: self.tr("Speeches CSV/XLSX…"),
            clicked=lambda: self.export_table("speeches"))
        self.exports_help = texts.text(wrapped(), lambda: self.tr(
            "Spreadsheets in the language chosen above: .xlsx for Excel, .csv for any "
            "program. The event report gathers every session, attendance across the "
            "encounter, all agreements and the initiatives road map."))
        exports_grid = grid(((self.exports_help, 4),), ((self.all_sessions, 4),),
                            (self.attendance_button, self.speeches_button, self.report_button),
                            parent=self.exports_box)
        exports_grid.setColumnStretch(3, 1)

        self.summary_box = texts.title(QGroupBox(), lambda: self.tr(
            "What the minutes say (in the document's language)"))
        self.summary = wrapped("minutesSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        vbox(self.summary, parent=self.summary_box)

        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        vbox(self.minutes_box, (self.summary_box, 1), self.exports_box, self.status, parent=self)

        self.language.setCurrentIndex(self.language.findData(i18n.language()))
        self.language.currentIndexChanged.connect(lambda _n: self.show_summary())
        self.final_box.toggled.connect(self._final_toggled)
        self.approve_button.clicked.connect(self.approve)
        self.retranslate()
        self._enable()

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
            (self.tr("Minutes approved"), h.approval_text or not_yet),
            (self.tr("Chair"), h.chair.full_name if h.chair else "—"),
            # "Secretaria" for a woman, as the acta's signature block says it
            (narrative.secretary_title(h.secretary, data.lang),
             h.secretary.full_name if h.secretary else "—"),
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
        for button in (self.preview_button, self.pdf_button, self.akn_button,
                       self.approve_button):
            button.setEnabled(has)

    def lang(self) -> str:
        return self.language.currentData() or "es"

    def _event_code(self) -> str:
        event = events.load_event(self.db)
        code = event.code if event is not None else ""
        return re.sub(r"[^A-Za-z0-9_.-]+", "-", code).strip("-.") or "event"

    # --- final and approved: only once the sitting is adjourned ---------------------------

    def _refused(self, exc: Refusal) -> None:
        show_status(self.status, str(exc), problem=True)
        self.messages.warn(self, self.tr("Minutes"), str(exc))

    def _final_toggled(self, on: bool) -> None:
        if on and self.sitting is not None:
            try:
                sitting_life.check_adjourned(self.db, self.sitting.id)
            except Refusal as exc:
                self.final_box.setChecked(False)  # a draft it stays
                self._refused(exc)
                return
        self.show_summary()

    def approve(self) -> ApprovalDialog | None:
        """Ask at which session the minutes were approved (refused until adjourned)."""
        if self.sitting is None:
            return None
        sitting = self.sitting
        try:
            sitting_life.check_adjourned(self.db, sitting.id)
        except Refusal as exc:
            self._refused(exc)
            return None

        def submit(values: dict) -> str | None:
            try:
                life = sitting_life.approve_minutes(
                    self.db, sitting.id, at=self.clock() if self.clock else None, **values)
            except Refusal as exc:
                return str(exc)
            self.output.say(self.tr("The minutes of session {number} were approved at session "
                              "{at}.").format(number=sitting.number, at=life.approved_in_number))
            self.show_summary()
            return None

        self.dialog = ApprovalDialog(self, sitting, list_sittings(self.db), submit)
        self.dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog.open()
        return self.dialog

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
