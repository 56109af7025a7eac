"""Records → Road map: the commitments after the encounter, their stages and history.

A list of every commitment (delegation, text, instrument, horizon, target date, stage
reached, progress since the encounter, overdue in red). The chosen one shows its history
and two forms: a change of stage (the day it happened and a note; kept, never
overwritten) and its road-map details (horizon, target date, indicator, focal point,
texts). Below: the follow-up forms for the parliaments, the import of a returned form
(all or nothing, its problems listed by row) and the road map report, previewed or saved.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGroupBox,
    QLineEdit,
    QWidget,
)

from encounter_desk.core import i18n
from encounter_desk.core.errors import Refusal
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP
from encounter_desk.records.roadmap import forms
from encounter_desk.records.roadmap import report_pdf as roadmap_pdf
from encounter_desk.records.roadmap.commitments import (
    Commitment,
    horizon_label,
    instrument_label,
    load_commitments,
    set_stage,
    source_label,
    stage_label,
    update_commitment,
)
from encounter_desk.storage.models import Horizon, Stage
from encounter_desk.ui.records.document_output import DocumentPage, Work
from encounter_desk.ui.widgets.files import FileOpener
from encounter_desk.ui.widgets.layout import (
    hbox,
    named,
    refill,
    show_status,
    split,
    vbox,
    wrapped,
)
from encounter_desk.ui.widgets.rows_model import RowsModel, fit_columns, read_only_table
from encounter_desk.ui.widgets.texts import LANGUAGE_NAMES, Texts
from encounter_desk.ui.widgets.workspace import AppContext

OVERDUE = QColor("#B00020")
PAPERS = (("", QT_TRANSLATE_NOOP("Paper", "The event's paper")),
          ("letter", QT_TRANSLATE_NOOP("Paper", "Letter")), ("a4", QT_TRANSLATE_NOOP("Paper", "A4")))


def fill_papers(combo: QComboBox) -> None:
    """The event's paper (the default), Letter and A4, named in the current language."""
    refill(combo, ((i18n.translate("Paper", name), code) for code, name in PAPERS))


class CommitmentsModel(RowsModel):
    NUMBER, DELEGATION, TEXT, INSTRUMENT, HORIZON, TARGET, STAGE, PROGRESS = range(8)
    COLUMN_COUNT = 8
    RIGHT = frozenset({NUMBER, PROGRESS})

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.today = dt.date.today()

    def headers(self) -> Sequence[str]:
        return (self.tr("No."), self.tr("Delegation"), self.tr("Commitment"),
                self.tr("Instrument"), self.tr("Horizon"), self.tr("Target date"),
                self.tr("Stage reached"), self.tr("Since the encounter"))

    def display(self, number: int, column: int) -> Any:  # noqa: ANN401
        return self.cells(self.rows[number], i18n.language())[column]

    def cells(self, c: Commitment, lang: str) -> tuple[Any, ...]:
        """A commitment's cells, in the order of :meth:`headers`."""
        stage = stage_label(c.stage, lang)
        if c.overdue(self.today):
            stage = self.tr("{stage} — overdue").format(stage=stage)
        return (
            c.id,
            c.delegation(lang),
            " ".join(c.text(lang).split()),
            instrument_label(c.instrument, lang),
            horizon_label(c.horizon, lang),
            c.target_date.isoformat() if c.target_date else "",
            stage,
            f"▲{c.steps_forward}" if c.steps_forward else "",
        )

    def role_data(self, number: int, column: int, role: int) -> Any:  # noqa: ANN401
        c: Commitment = self.rows[number]
        if (role == Qt.ItemDataRole.ForegroundRole and column == self.STAGE
                and c.overdue(self.today)):
            return QBrush(OVERDUE)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TEXT:
            return c.text(i18n.language())
        return None


def _date_edit(name: str) -> QDateEdit:
    edit = named(QDateEdit(), name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class RoadmapPage(DocumentPage):
    def __init__(self, context: AppContext, open_file: FileOpener | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, "roadmapStatus", open_file, parent)
        self.model = CommitmentsModel(self)
        self.table = read_only_table(self.model, "roadmapTable")
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.texts = texts = Texts()

        self.history = wrapped("roadmapHistory")
        self.history.setTextFormat(Qt.TextFormat.RichText)
        self.history.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.stage_box = texts.title(QGroupBox(), lambda: self.tr("Change of stage"))
        self.stage = named(QComboBox(), "roadmapStage")
        self.stage_on = _date_edit("roadmapStageDate")
        self.note = texts.placeholder(named(QLineEdit(), "roadmapNote"), lambda: self.tr(
            "Source or reference (gazette, committee report…)"))
        self.record_button = texts.button("roadmapRecordStage",
                                          lambda: self.tr("Record the change"),
                                          clicked=self.record_stage)
        self.stage_form = texts.form((lambda: self.tr("Stage reached"), self.stage),
                                     (lambda: self.tr("On"), self.stage_on),
                                     (lambda: self.tr("Note"), self.note))
        vbox(self.stage_form, hbox(None, self.record_button), parent=self.stage_box)

        self.details_box = texts.title(QGroupBox(), lambda: self.tr("Road map details"))
        self.horizon = named(QComboBox(), "roadmapHorizon")
        self.target = _date_edit("roadmapTarget")
        self.indicator = named(QLineEdit(), "roadmapIndicator")
        self.focal_name = named(QLineEdit(), "roadmapFocalName")
        self.focal_email = named(QLineEdit(), "roadmapFocalEmail")
        self.text_es = named(QLineEdit(), "roadmapTextEs")
        self.text_en = named(QLineEdit(), "roadmapTextEn")
        self.save_button = texts.button("roadmapSaveDetails", lambda: self.tr("Save the details"),
                                        clicked=self.save_details)
        self.details_form = texts.form((lambda: self.tr("Horizon"), self.horizon),
                                       (lambda: self.tr("Target date"), self.target),
                                       (lambda: self.tr("Indicator"), self.indicator),
                                       (lambda: self.tr("Focal point"), self.focal_name),
                                       (lambda: self.tr("Focal point email"), self.focal_email),
                                       (lambda: self.tr("Text in Spanish"), self.text_es),
                                       (lambda: self.tr("Text in English"), self.text_en))
        vbox(self.details_form, hbox(None, self.save_button), parent=self.details_box)

        self.language = named(QComboBox(), "roadmapLanguage")
        for name, code in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(i18n.language()))
        self.paper = named(QComboBox(), "roadmapPaper")
        self.forms_button = texts.button(
            "roadmapWriteForms", lambda: self.tr("Follow-up forms…"),
            tip=lambda: self.tr("One spreadsheet per delegation, in its language, "
                                "to send to its focal point"), clicked=self.write_forms)
        self.import_button = texts.button("roadmapImportForm",
                                          lambda: self.tr("Import a returned form…"),
                                          clicked=self.import_form)
        self.preview_button = texts.button("roadmapPreview", lambda: self.tr("Preview the report"),
                                           clicked=self.preview_report)
        self.report_button = texts.button("roadmapSaveReport", lambda: self.tr("Save the report…"),
                                          clicked=self.save_report)

        side = QWidget()
        vbox(self.history, self.stage_box, self.details_box, None, parent=side, margins=0)
        panes = split(Qt.Orientation.Horizontal, (self.table, 3), (side, 2))
        panes.setSizes([820, 440])
        vbox((panes, 1),
             hbox(self.forms_button, self.import_button, 24, self.language, self.paper,
                  self.preview_button, self.report_button, None),
             self.status, parent=self)

        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self.show_chosen())
        self.retranslate()
        self.refresh()

    # --- texts ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        lang = i18n.language()
        keep = self.stage.currentData(), self.horizon.currentData()
        self.stage.clear()
        for stage in Stage:
            self.stage.addItem(stage_label(stage, lang), stage.value)
        self.horizon.clear()
        for horizon in Horizon:
            self.horizon.addItem(horizon_label(horizon, lang), horizon.value)
        for combo, value in zip((self.stage, self.horizon), keep, strict=True):
            if value is not None:
                combo.setCurrentIndex(combo.findData(value))
        fill_papers(self.paper)
        self.texts.retranslate()
        self.model.retranslate()
        self.show_chosen()

    # --- the list ------------------------------------------------------------------------

    def refresh(self) -> None:
        chosen = self.chosen()
        try:
            rows = load_commitments(self.db)
        except Refusal as exc:
            self.messages.warn(self, self.tr("Road map"), str(exc))
            return
        self.model.set_rows(rows)
        fit_columns(self.table, ((CommitmentsModel.TEXT, 280), (CommitmentsModel.DELEGATION, 120),
                                 (CommitmentsModel.HORIZON, 120)))
        self.choose(chosen.id if chosen else (rows[0].id if rows else None))

    def choose(self, initiative_id: int | None) -> None:
        for number, row in enumerate(self.model.rows):
            if row.id == initiative_id:
                self.table.selectRow(number)
                break
        self.show_chosen()

    def chosen(self) -> Commitment | None:
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def show_chosen(self) -> None:
        c = self.chosen()
        for widget in (self.stage_box, self.details_box):
            widget.setEnabled(c is not None)
        if c is None:
            self.history.setText(self.tr("No commitments yet: add initiatives in the "
                                         "Initiatives tab."))
            return
        lang = i18n.language()
        self.stage.setCurrentIndex(self.stage.findData(c.stage.value))
        self.stage_on.setDate(QDate.currentDate())
        self.note.clear()
        self.horizon.setCurrentIndex(self.horizon.findData(c.horizon.value))
        if c.target_date:
            self.target.setDate(QDate(c.target_date.year, c.target_date.month, c.target_date.day))
        self.indicator.setText(c.indicator)
        self.focal_name.setText(c.focal_name)
        self.focal_email.setText(c.focal_email)
        self.text_es.setText(c.text_es)
        self.text_en.setText(c.text_en)
        lines = "".join(
            f"<tr><td>{s.changed_on.isoformat()}</td><td><b>{html.escape(stage_label(s.stage, lang))}"
            f"</b></td><td>{html.escape(source_label(s.source, lang))}"
            f"{(': ' + html.escape(s.source_detail)) if s.source_detail else ''}</td>"
            f"<td>{html.escape(s.note)}</td></tr>" for s in c.history)
        head = f"<b>{html.escape(c.delegation(lang))}</b> — {html.escape(c.text(lang))}"
        self.history.setText(
            f"{head}<table cellspacing='3'>{lines}</table>" if lines else
            head + "<br/>" + html.escape(self.tr("No change of stage recorded yet.")))

    # --- changes -------------------------------------------------------------------------

    def record_stage(self) -> None:
        c = self.chosen()
        if c is None:
            return
        try:
            saved = set_stage(self.db, c.id, self.stage.currentData(),
                              on=self.stage_on.date().toPython(), note=self.note.text())
        except Refusal as exc:
            show_status(self.status, str(exc), problem=True)
            return
        self.refresh()
        show_status(self.status, self.tr("Commitment {id}: {stage}.").format(
            id=saved.id, stage=stage_label(saved.stage)))

    def save_details(self) -> None:
        c = self.chosen()
        if c is None:
            return
        try:
            update_commitment(
                self.db, c.id, horizon=self.horizon.currentData(),
                target_date=self.target.date().toPython(), indicator=self.indicator.text(),
                focal_name=self.focal_name.text(), focal_email=self.focal_email.text(),
                text_es=self.text_es.text(), text_en=self.text_en.text())
        except Refusal as exc:
            show_status(self.status, str(exc), problem=True)
            return
        self.refresh()
        show_status(self.status, self.tr("Details of commitment {id} saved.").format(id=c.id))

    # --- forms and report ----------------------------------------------------------------

    def write_forms(self) -> None:
        self.output.save(self.tr("Folder for the follow-up forms"), "roadmap-forms",
                         lambda folder, _progress: len(forms.write_forms(self.db, folder)),
                         self.tr("{count} follow-up forms written to {path}"),
                         name_filter=self.tr("Folder (*)"), suffix="")

    def import_form(self) -> None:
        def chosen(path: str) -> None:
            if path:
                self.import_files([Path(path)])

        self.messages.choose_open_file(self, self.tr("Import a returned follow-up form"),
                                       self.tr("Excel workbook (*.xlsx)"), chosen)

    def import_files(self, paths: list[Path]) -> forms.FormImport | None:
        try:
            report = forms.import_forms(self.db, paths)
        except Refusal as exc:
            self.output.failed(str(exc))
            return None
        if report.errors:
            self.messages.show_report(
                self, self.tr("Nothing was imported"),
                self.tr("{count} rows need correcting; nothing was written.").format(
                    count=len(report.errors)), [str(e) for e in report.errors])
            show_status(self.status, self.tr("Nothing was imported."), problem=True)
            return report
        self.refresh()
        show_status(self.status, self.tr("{stages} changes of stage and {fields} other changes "
                                         "recorded.").format(stages=report.stage_changes,
                                                             fields=report.field_changes))
        return report

    def _report(self) -> Work:
        """The report as the screen chooses it now (read here, on the GUI thread)."""
        lang, paper = self.language.currentData(), self.paper.currentData()
        return lambda path, _progress: roadmap_pdf.write_roadmap_report(
            self.db, path, lang=lang, paper=paper)

    def preview_report(self) -> None:
        self.output.preview(f"roadmap-{self.language.currentData()}.pdf", self._report())

    def save_report(self) -> None:
        self.output.save(self.tr("Save the road map report"),
                         f"roadmap-{self.language.currentData()}.pdf", self._report(),
                         self.tr("Road map report written to {path}"))
