"""The Declaration workspace: the drafting session's workbench.

On the left, the text (every paragraph, Spanish and English side by side, as amended so
far), the changes view (words struck out and inserted against the draft) and the adoption
with the documents; on the right, the amendments to the selected paragraph, the chair's
decisions, the interventions on the paragraph, and a preview of the room's screen.

The chair moves the discussion with keys (:data:`SHORTCUTS`, active while this workspace
has the focus) or from the room's window with a clicker; every move and decision is one
job call (:mod:`encounter_desk.declaration`), then the workspace reads the state again. The
workspace holds no database session and catches :class:`Refusal` only.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QLabel,
    QTabWidget,
    QTextBrowser,
    QWidget,
)

from encounter_desk.core import i18n
from encounter_desk.core.errors import Refusal
from encounter_desk.declaration import adoption, amendments, discussion
from encounter_desk.declaration.changes import changes
from encounter_desk.declaration.discussion import Intervention
from encounter_desk.declaration.state import (
    AmendmentRow,
    DeclarationState,
    all_delegations,
    load_state,
    member_delegations,
)
from encounter_desk.declaration.text_view import summary_line
from encounter_desk.event.sittings import list_sittings
from encounter_desk.ui.declaration.adoption_dialog import AdoptionDialog
from encounter_desk.ui.declaration.adoption_page import AdoptionPage
from encounter_desk.ui.declaration.amendments_panel import AmendmentsPanel
from encounter_desk.ui.declaration.documents import DeclarationFiles, FileOpener, open_with_system
from encounter_desk.ui.declaration.draft_editing import DraftEditing
from encounter_desk.ui.declaration.draft_forms import language_box
from encounter_desk.ui.declaration.forms import AmendmentDialog, StatementDialog, WordingDialog
from encounter_desk.ui.declaration.keys import install_keys
from encounter_desk.ui.declaration.marks import changes_html
from encounter_desk.ui.declaration.room_screen import (
    ROOM_LANGUAGE_KEY,
    RoomView,
    RoomWindow,
    room_content,
)
from encounter_desk.ui.declaration.text_page import TextPage
from encounter_desk.ui.shell.settings import app_settings
from encounter_desk.ui.widgets.flow_layout import FlowLayout
from encounter_desk.ui.widgets.layout import hbox, named, pane, scrolling, split, vbox, wrapped
from encounter_desk.ui.widgets.texts import Texts
from encounter_desk.ui.widgets.workspace import AppContext, Workspace

D = TypeVar("D", bound=QDialog)


def opened(dialog: D) -> D:
    """``dialog`` opened (never blocking), for the caller and the tests."""
    dialog.open()
    return dialog


class DeclarationWorkspace(Workspace):
    KEY = "declaration"

    def __init__(self, context: AppContext, parent: QWidget | None = None, *,
                 open_file: FileOpener | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("declarationWorkspace")
        self.db = context.db
        self.messages = context.messages
        self.state: DeclarationState | None = None
        self.interventions: list[Intervention] = []
        self.room: RoomWindow | None = None
        self.files = DeclarationFiles(self, self.db, self.messages,
                                      open_file or open_with_system, self.refresh)
        self.editing = DraftEditing(self)

        self.texts = texts = Texts()
        self.title_label = named(QLabel(), "declarationTitle")
        self.title_label.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.status_label = wrapped("declarationStatus")
        self.type_button = texts.button("typeDraft", lambda: self.tr("Type or paste…"))
        self.import_button = texts.button("importDraft", lambda: self.tr("Import Word…"))
        self.details_button = texts.button("draftDetails", lambda: self.tr("Title, place, date…"))
        self.room_language_label = texts.label(lambda: self.tr("Room screen in"))
        saved = app_settings().value(ROOM_LANGUAGE_KEY) or "es"
        self.room_language = language_box("roomLanguage", str(saved))
        self.room_button = texts.button("showRoomScreen", lambda: self.tr("Room screen (F11)"))

        self.text_page = TextPage()
        self.changes_language = language_box("changesLanguage", i18n.language())
        self.changes_view = named(QTextBrowser(), "changesView")
        changes_page = QWidget()
        changes_layout = vbox(parent=changes_page, margins=0)
        changes_layout.addWidget(self.changes_language, 0, Qt.AlignmentFlag.AlignLeft)
        changes_layout.addWidget(self.changes_view, 1)
        self.adoption_page = AdoptionPage()
        self.tabs = named(QTabWidget(), "declarationTabs")
        texts.tab(self.tabs, self.text_page, lambda: self.tr("Text"))
        texts.tab(self.tabs, changes_page, lambda: self.tr("Changes"))
        texts.tab(self.tabs, self.adoption_page, lambda: self.tr("Adoption and documents"))

        self.amendments = AmendmentsPanel()
        self.preview_box = texts.title(
            QGroupBox(), lambda: self.tr("Room screen (what the projector shows)"))
        self.preview = RoomView(letterbox=self.palette().window().color().name())
        self.preview.setObjectName("roomPreview")
        self.preview.setMaximumHeight(190)
        vbox(self.preview, parent=self.preview_box)
        right = pane((self.amendments, 1), self.preview_box)

        buttons = QWidget()  # they wrap onto a second line on a small screen
        flow = FlowLayout(buttons)
        for widget in (self.type_button, self.import_button, self.details_button,
                       self.room_language_label, self.room_language, self.room_button):
            flow.addWidget(widget)
        top = hbox((vbox(self.title_label, self.status_label), 1), (buttons, 1))
        workbench = split(Qt.Orientation.Horizontal, (self.tabs, 3), (right, 2))
        # a small screen scrolls, never cuts
        vbox(top, (scrolling(workbench), 1), parent=self, margins=6)
        self._connect()
        self.shortcuts = self._install_shortcuts()
        self.retranslate()
        self.refresh()

    # --- wiring ----------------------------------------------------------------------------

    def _connect(self) -> None:
        t, a, d = self.text_page, self.amendments, self.adoption_page
        t.selection_changed.connect(self._paragraph_selected)
        t.discuss_button.clicked.connect(self.discuss_selected)
        t.previous_button.clicked.connect(lambda: self.step_paragraph(-1))
        t.next_button.clicked.connect(lambda: self.step_paragraph(1))
        e = self.editing
        t.edit_button.clicked.connect(e.edit_paragraph)
        t.add_button.clicked.connect(e.add_paragraph)
        t.remove_button.clicked.connect(e.remove_paragraph)
        t.up_button.clicked.connect(lambda: e.move_paragraph(-1))
        t.down_button.clicked.connect(lambda: e.move_paragraph(1))
        t.table.doubleClicked.connect(lambda _index: e.edit_paragraph())
        a.new_button.clicked.connect(self.new_amendment)
        a.edit_button.clicked.connect(self.edit_amendment)
        a.translate_button.clicked.connect(self.add_translation)
        a.discuss_button.clicked.connect(self.discuss_amendment)
        a.accept_button.clicked.connect(lambda: self.decide("accepted"))
        a.amended_button.clicked.connect(self.accept_as_amended)
        a.reject_button.clicked.connect(lambda: self.decide("rejected"))
        a.withdraw_button.clicked.connect(lambda: self.decide("withdrawn"))
        a.reopen_button.clicked.connect(self.reopen)
        d.adopt_button.clicked.connect(self.adopt)
        d.cancel_button.clicked.connect(self.cancel_adoption)
        d.add_statement.clicked.connect(lambda: self.statement(None))
        d.edit_statement.clicked.connect(lambda: self.statement(d.selected_statement()))
        d.remove_statement.clicked.connect(self.remove_statement)
        d.preview_button.clicked.connect(
            lambda: self.files.preview(d.doc_language(), d.paper_size()))
        d.log_preview_button.clicked.connect(
            lambda: self.files.preview(d.doc_language(), d.paper_size(), log_only=True))
        for button, kind in ((d.pdf_button, "pdf"), (d.docx_button, "docx"),
                             (d.akn_button, "akn"), (d.log_button, "log")):
            button.clicked.connect(
                lambda _checked=False, k=kind: self.files.save(k, d.doc_language(),
                                                              d.paper_size()))
        self.type_button.clicked.connect(
            lambda: self.files.type_draft(i18n.language(), self.state is not None))
        self.import_button.clicked.connect(self.files.choose_word_file)
        self.details_button.clicked.connect(e.edit_details)
        self.room_button.clicked.connect(self.show_room)
        self.room_language.activated.connect(lambda _n: self._room_language_chosen())
        self.changes_language.currentIndexChanged.connect(lambda _n: self._show_changes())

    def _install_shortcuts(self) -> list[QShortcut]:
        return install_keys(self, {
            "next_paragraph": lambda: self.step_paragraph(1),
            "previous_paragraph": lambda: self.step_paragraph(-1),
            "next_amendment": lambda: self.step_amendment(1),
            "previous_amendment": lambda: self.step_amendment(-1),
            "discuss": self.discuss_selected,
            "room": self.show_room,
        })

    # --- texts -----------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Declaration")

    def retranslate(self) -> None:
        self.texts.retranslate()  # the text, amendments and adoption pages retranslate themselves
        self._show_heading()
        self._show_changes()

    # --- reading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the declaration again and show it everywhere (selections kept)."""
        try:
            self.state = load_state(self.db)
            self.interventions = discussion.interventions(self.db, self.state)
        except Refusal as exc:
            self.state, self.interventions = None, []
            if exc.code != "declaration.missing":
                self.messages.warn(self, self.tr("Declaration"), str(exc))
        keep = self.text_page.selected()
        self.text_page.set_state(self.state, keep)
        self.amendments.set_state(self.state, self.text_page.selected(), self.interventions)
        self.adoption_page.set_state(self.state)
        self.details_button.setEnabled(self.state is not None)
        self._show_heading()
        self._show_changes()
        self._show_room()

    def _paragraph_selected(self, paragraph_id: int | None) -> None:
        self.amendments.set_state(self.state, paragraph_id, self.interventions)

    def _show_heading(self) -> None:
        if self.state is None:
            self.title_label.setText(self.tr("Declaration"))
            self.status_label.setText(self.tr(
                "There is no draft declaration yet: import it from Word or type it."))
            return
        lang = i18n.language()
        self.title_label.setText(self.state.title(lang) or self.state.title_es
                                 or self.state.title_en)
        self.status_label.setText(summary_line(self.state, lang))

    def _show_changes(self) -> None:
        if self.state is None:
            self.changes_view.clear()
            return
        labels = {
            "amended": self.tr("Amended"), "inserted": self.tr("Inserted"),
            "deleted": self.tr("Deleted"), "unchanged": "",
            "amendments": self.tr("Amendment {numbers}"),
            "after": self.tr("after {code}"),
        }
        legend = self.tr("Against the draft: words struck out in red are deleted, words "
                         "underlined in green are inserted.")
        self.changes_view.setHtml(changes_html(
            changes(self.state, self.changes_language.currentData()), legend, labels))

    # --- acting ----------------------------------------------------------------------------

    def act(self, work: Callable[[], Any]) -> Any:
        """Run a job; a refusal is said, and the workspace reads the state again either way."""
        try:
            return work()
        except Refusal as exc:
            self.messages.warn(self, self.tr("Declaration"), str(exc))
            return None
        finally:
            self.refresh()

    def submit(self, work: Callable[[dict[str, Any]], Any]) -> Callable[[dict], str | None]:
        """A form's submit: None once written (and the workspace refreshed), else the refusal."""
        def submit(values: dict[str, Any]) -> str | None:
            try:
                work(values)
            except Refusal as exc:
                return str(exc)
            self.refresh()
            return None
        return submit

    def _declaration_id(self) -> int | None:
        return self.state.id if self.state is not None else None

    # the discussion

    def discuss_selected(self) -> None:
        paragraph = self.text_page.selected()
        if self.state is not None and paragraph is not None:
            self.act(lambda: discussion.discuss(self.db, self.state.id, paragraph))

    def step_paragraph(self, step: int) -> None:
        if self.state is None:
            return
        moved = self.act(lambda: discussion.step_paragraph(self.db, self.state.id, step))
        if moved is not None:
            self.text_page.select(moved)

    def step_amendment(self, step: int) -> None:
        if self.state is None:
            return
        moved = self.act(lambda: discussion.step_amendment(self.db, self.state.id, step))
        self.text_page.select(self.state.discussion.paragraph_id if self.state else None)
        self.amendments.select(moved)

    def discuss_amendment(self) -> None:
        amendment = self.selected_amendment()
        if amendment is not None:
            self.act(lambda: discussion.discuss(self.db, self.state.id, amendment.paragraph_id,
                                                 amendment.id))

    # amendments

    def new_amendment(self) -> AmendmentDialog | None:
        if self.state is None:
            return None
        return opened(AmendmentDialog(self, self.state.paragraphs, all_delegations(self.db),
                                      self.submit(lambda v: amendments.propose(
                                          self.db, v["paragraph_id"], v["kind"], v["sponsors"],
                                          text_es=v["text_es"], text_en=v["text_en"],
                                          note=v["note"])),
                                      paragraph_id=self.text_page.selected()))

    def edit_amendment(self) -> AmendmentDialog | None:
        row = self.selected_amendment()
        if row is None:
            return None
        return opened(AmendmentDialog(self, self.state.paragraphs, all_delegations(self.db),
                                      self.submit(lambda v: amendments.revise(
                                          self.db, row.id, kind=v["kind"], text_es=v["text_es"],
                                          text_en=v["text_en"], sponsors=v["sponsors"],
                                          note=v["note"])), row=row))

    def selected_amendment(self) -> AmendmentRow | None:
        """The amendment chosen in the panel (None without a declaration)."""
        return self.state.amendment(self.amendments.selected()) if self.state else None

    def decide(self, decision: str) -> None:
        amendment = self.amendments.selected()
        if amendment is not None:
            self.act(lambda: amendments.decide(self.db, amendment, decision))

    def accept_as_amended(self) -> WordingDialog | None:
        row = self.selected_amendment()
        if row is None:
            return None
        return opened(WordingDialog(
            self, self.tr("Amendment {number}: accepted as orally amended").format(
                number=row.number),
            self.submit(lambda v: amendments.decide(self.db, row.id, "accepted_amended",
                                                     final_es=v["text_es"],
                                                     final_en=v["text_en"])),
            text_es=row.text_es, text_en=row.text_en,
            explanation=self.tr("Write the wording as the room agreed it; it enters the text "
                                "instead of the proposal.")))

    def add_translation(self) -> WordingDialog | None:
        row = self.selected_amendment()
        if row is None:
            return None
        lang = "en" if row.wording("es") else "es"
        return opened(WordingDialog(
            self, self.tr("Amendment {number}: translation").format(number=row.number),
            self.submit(lambda v: amendments.complete_translation(
                self.db, row.id, lang, v[f"text_{lang}"])),
            text_es="" if lang == "es" else None, text_en="" if lang == "en" else None,
            explanation=row.wording("es" if lang == "en" else "en")))

    def reopen(self) -> None:
        row = self.selected_amendment()
        if row is not None:
            self.messages.ask(self, self.tr("Reopen an amendment"), self.tr(
                "Reopen amendment {number}? Its decision is erased and it is pending "
                "again.").format(number=row.number),
                lambda: self.act(lambda: amendments.reopen(self.db, row.id)))

    # adoption and statements

    def adopt(self) -> AdoptionDialog | None:
        if self.state is None:
            return None
        return opened(AdoptionDialog(self, member_delegations(self.db), list_sittings(self.db),
                                     self.state.sitting_id, self.submit(
                                         lambda v: adoption.adopt(self.db, self.state.id, **v))))

    def cancel_adoption(self) -> None:
        if self.state is not None:
            self.messages.ask(self, self.tr("Cancel the adoption"), self.tr(
                "Cancel the adoption? Its agreement is removed from the session and the "
                "declaration is a draft again."),
                lambda: self.act(lambda: adoption.cancel_adoption(self.db, self.state.id)))

    def statement(self, statement_id: int | None) -> StatementDialog | None:
        if self.state is None:
            return None
        row = next((s for s in self.state.statements if s.id == statement_id), None)
        if row is None:
            work = lambda v: adoption.add_statement(  # noqa: E731
                self.db, self.state.id, v.pop("delegation_id"), v.pop("kind"), **v)
        else:
            work = lambda v: adoption.update_statement(self.db, row.id, **v)  # noqa: E731
        return opened(StatementDialog(self, self.state.paragraphs, all_delegations(self.db),
                                      self.submit(work), row=row))

    def remove_statement(self) -> None:
        statement = self.adoption_page.selected_statement()
        if statement is not None:
            self.messages.ask(self, self.tr("Remove a statement"), self.tr(
                "Remove this statement?"),
                lambda: self.act(lambda: adoption.delete_statement(self.db, statement)))

    # --- the room --------------------------------------------------------------------------

    def room_language_code(self) -> str:
        return self.room_language.currentData()

    def _room_language_chosen(self) -> None:
        settings = app_settings()
        settings.setValue(ROOM_LANGUAGE_KEY, self.room_language_code())
        settings.sync()
        self._show_room()

    def _show_room(self) -> None:
        content = room_content(self.state, self.room_language_code())
        self.preview.show_content(content)
        if self.room is not None:
            self.room.show_content(content)

    def show_room(self) -> RoomWindow:
        if self.room is None:
            self.room = RoomWindow(self)
            self.room.step_paragraph.connect(self.step_paragraph)
            self.room.step_amendment.connect(self.step_amendment)
        self._show_room()
        self.room.show_on_room_screen()
        return self.room

    def written(self) -> Path | None:
        """The last document written (for tests and the status bar)."""
        return self.files.last_written
