"""Records: attendance, agreements, initiatives and the minutes of each sitting.

A session selector on top (number and title in the interface's language) and the tabs:
the keyboard roll call with the live counts, the agreements per agenda item, the register
of legislative initiatives, the texts of the record in Spanish and English side by side,
the minutes with the exports, the road map and the print shop. Each tab is its own module;
this one only chooses the sitting and passes it on.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QTabWidget, QWidget

from encounter_desk.core import i18n
from encounter_desk.core.clock import Clock
from encounter_desk.core.errors import Refusal
from encounter_desk.event import sittings
from encounter_desk.records import attendance
from encounter_desk.ui.desk import identity
from encounter_desk.ui.records.agreements_page import AgreementsPage
from encounter_desk.ui.records.attendance_page import AttendancePage
from encounter_desk.ui.records.initiatives_page import InitiativesPage
from encounter_desk.ui.records.minutes_page import MinutesPage
from encounter_desk.ui.records.print_page import PrintPage
from encounter_desk.ui.records.roadmap_page import RoadmapPage
from encounter_desk.ui.records.translations_page import TranslationsPage
from encounter_desk.ui.widgets.files import FileOpener
from encounter_desk.ui.widgets.layout import hbox, named, scrolling, vbox
from encounter_desk.ui.widgets.sitting_choice import SittingChoice
from encounter_desk.ui.widgets.workspace import AppContext, Workspace

SITTING_KEY = "records/sitting"


class RecordsWorkspace(Workspace):
    KEY = "records"

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        clock: Clock | None = None,
        open_file: FileOpener | None = None,
    ) -> None:
        """``clock`` times the marks (default: the event file's clock); ``open_file`` opens
        a previewed PDF (default: the system's viewer). Tests inject both."""
        super().__init__(context, parent)
        self.setObjectName("recordsWorkspace")
        self.db = context.db
        self.messages = context.messages
        self.sitting_id: int | None = None
        self.sitting_label = QLabel()
        self.sitting_box = SittingChoice(SITTING_KEY, "recordsSitting", 40)
        self.sitting_box.chosen.connect(self.select)
        self.when_label = named(QLabel(), "recordsSittingWhen")

        self.attendance = AttendancePage(context, clock=clock)
        self.agreements = AgreementsPage(context)
        self.initiatives = InitiativesPage(context)
        self.translations = TranslationsPage(context)
        self.minutes = MinutesPage(context, open_file=open_file, clock=clock)
        self.roadmap = RoadmapPage(context, open_file=open_file)
        self.print_shop = PrintPage(context, open_file=open_file)
        self.tabs = named(QTabWidget(), "recordsTabs")
        for page in (self.attendance, self.agreements, self.initiatives, self.translations,
                     self.minutes, self.roadmap, self.print_shop):
            self.tabs.addTab(page, "")
        # texts changed in another tab (an agreement, a summary) are listed afresh
        self._stale: set[QWidget] = set()
        """Tabs whose records changed while another tab was shown: read when shown."""
        self.tabs.currentChanged.connect(self._tab_shown)

        vbox(hbox(self.sitting_label, self.sitting_box, (self.when_label, 1)),
             (scrolling(self.tabs), 1), parent=self, margins=6)
        self.retranslate()
        self.refresh()

    # --- texts ---------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Records")

    def retranslate(self) -> None:
        self.sitting_label.setText(self.tr("Session"))
        for page, text in ((self.attendance, self.tr("Attendance")),
                           (self.agreements, self.tr("Agreements")),
                           (self.initiatives, self.tr("Initiatives")),
                           (self.translations, self.tr("Translations")),
                           (self.minutes, self.tr("Minutes and exports")),
                           (self.roadmap, self.tr("Road map")),
                           (self.print_shop, self.tr("Print"))):
            self.tabs.setTabText(self.tabs.indexOf(page), text)
        self.sitting_box.empty_text = self.tr("No sessions yet: add them in Setup")
        if self.sitting_box.rows:
            self.sitting_box.show_sittings(self.sitting_id)
        self._show_when()

    # --- the sitting ---------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the sessions again and the tab on screen (selection kept); the other tabs
        are read when shown. Another desk's write moves the change marker every few seconds:
        reading every tab of a 10,000-person event each time froze the window 1.7 s."""
        try:
            rows = sittings.list_sittings(self.db)
        except Refusal as exc:
            self.messages.warn(self, self.tr("Records"), str(exc))
            return
        self.sitting_box.set_rows(rows)
        if self.sitting_id not in self.sitting_box.rows:
            self.sitting_id = self.sitting_box.saved()
        self.sitting_box.show_sittings(self.sitting_id)
        self._stale = set(self._loaders()) - {self.tabs.currentWidget()}
        self._loaders().get(self.tabs.currentWidget(), lambda: None)()
        self._show_when()

    def take_scan(self, raw: str, scan_uid: str) -> bool:
        """A scanner's burst during the roll call: the person is marked present (as at the
        session's door). Elsewhere in Records a badge has no use here: False."""
        if self.tabs.currentWidget() is not self.attendance or self.sitting_id is None:
            return False
        try:
            verdict = attendance.record_door_scan(
                self.db, self.sitting_id, raw, desk=identity.saved_desk_name(),
                scan_uid=scan_uid)
        except Refusal as exc:
            self.messages.warn(self, self.tr("Roll call"), str(exc))
            return True
        self.attendance.set_sitting(self.sitting_id)
        if verdict.participant_id is not None:
            self.attendance.select_participant(verdict.participant_id)
        if not verdict.kind.present:
            self.messages.warn(self, self.tr("Roll call"), verdict.message(i18n.language()))
        return True

    def select(self, sitting_id: int) -> None:
        """Show the records of ``sitting_id``."""
        if sitting_id not in self.sitting_box.rows:
            raise KeyError(sitting_id)
        self.sitting_id = sitting_id
        self.sitting_box.show_sittings(sitting_id)
        self._load()

    def _loaders(self) -> dict[QWidget, Callable[[], None]]:
        """How each tab reads the chosen session's records again."""
        return {
            self.attendance: lambda: self.attendance.set_sitting(self.sitting_id),
            self.agreements: lambda: self.agreements.set_sitting(self.sitting_id),
            self.initiatives: lambda: (self.initiatives.set_sitting(self.sitting_id),
                                       self.initiatives.refresh()),
            self.translations: self._load_translations,
            self.minutes: lambda: self.minutes.set_sitting(self.sitting_box.row()),
            self.roadmap: self.roadmap.refresh,
            self.print_shop: self.print_shop.refresh,
        }

    def _load(self) -> None:
        self._stale = set()
        for load in self._loaders().values():
            load()
        self._show_when()

    def _load_translations(self) -> None:
        current = self.translations.current()
        self.translations.set_sitting(self.sitting_id, keep=current.id if current else None)

    def _tab_shown(self, _index: int) -> None:
        page = self.tabs.currentWidget()
        if page in self._stale:  # changed elsewhere while another tab was shown
            self._stale.discard(page)
            self._loaders()[page]()
        elif page is self.translations:  # texts changed in another tab are listed afresh
            self._load_translations()

    def _show_when(self) -> None:
        row = self.sitting_box.row()
        if row is None:
            self.when_label.clear()
            return
        text = self.tr("{date}, {time}").format(
            date=row.date.isoformat(), time=row.scheduled_start.strftime("%H:%M"))
        if row.room:
            text = self.tr("{when} — {room}").format(when=text, room=row.room)
        self.when_label.setText(text)
