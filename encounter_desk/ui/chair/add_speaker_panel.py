"""Putting someone on the list: type a name, pick a delegation, or scan a badge.

One field takes all three inputs: letters search as you type (the desk's search: accents,
case and typos forgiven); a badge scanner typing a code and Enter adds the badge's owner
at once; Enter after a name adds the highlighted person (the best match by default).
Choosing a delegation lists its people. The kind of intervention is chosen beside it; a
right of reply or a question names the speech it answers (by default the one on the
floor, or else the last one given); in the same row, a point of order takes its reason
when the chair already knows it (else "not stated yet", to be given later).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QWidget,
)

from encounter_desk.chair.queries import QueueEntry, kind_label
from encounter_desk.core import i18n
from encounter_desk.event import badge_code
from encounter_desk.event.delegations import DelegationRow
from encounter_desk.event.participants import ParticipantRow
from encounter_desk.event.people_search import SearchIndex
from encounter_desk.storage.models import SpeechKind
from encounter_desk.ui.chair.looks import kind_look
from encounter_desk.ui.chair.point_reason_form import PointReasonFields
from encounter_desk.ui.widgets.layout import named, refill
from encounter_desk.ui.widgets.texts import Texts

BADGE_PROBLEMS = (badge_code.ParseProblem.BAD_CHECK, badge_code.ParseProblem.BAD_VERSION)
MAX_RESULTS = 30
ANSWERING = (SpeechKind.RIGHT_OF_REPLY, SpeechKind.QUESTION)


def looks_like_badge(text: str) -> bool:
    """A badge code (or a damaged one), rather than a name being typed."""
    parsed = badge_code.parse_code(text)
    return isinstance(parsed, badge_code.ParsedCode) or parsed.problem in BADGE_PROBLEMS


class AddSpeakerPanel(QGroupBox):
    add_requested = Signal(int)  # participant id (kind and answer: see kind(), replies_to())
    badge_scanned = Signal(str)  # the raw code

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addSpeakerPanel")
        self.index = SearchIndex()
        self.people: dict[int, ParticipantRow] = {}
        """The people found since the last refresh, each read once (a key typed reads only
        those not read yet)."""
        self.lookup: Callable[[Sequence[int]], list[ParticipantRow]] = lambda ids: []
        """Reads the people with these ids: set by the chair."""
        self.members: Callable[[int], list[ParticipantRow]] = lambda delegation_id: []
        """Reads a delegation's people in name order: set by the chair."""
        self.needs_index: Callable[[], None] = lambda: None
        self.delegations: list[DelegationRow] = []

        self.texts = texts = Texts()
        texts.title(self, lambda: self.tr("Add a speaker"))
        self.search = texts.placeholder(named(QLineEdit(), "speakerSearch"),
                                        lambda: self.tr("Type a name or scan a badge, then Enter"))
        self.search.setClearButtonEnabled(True)
        self.delegation = named(QComboBox(), "speakerDelegation")
        self.delegation.setMinimumContentsLength(12)
        self.delegation.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind_label = texts.label(lambda: self.tr("Kind"))
        self.kind_box = named(QComboBox(), "speakerKind")
        for kind in SpeechKind:
            self.kind_box.addItem("", kind.value)
        self.answer_label = QLabel()
        self.answer_box = named(QComboBox(), "speakerRepliesTo")
        self.reason_fields = PointReasonFields()
        self.answer_or_reason = QStackedWidget()  # one row: what a kind asks for
        self.answer_or_reason.addWidget(self.answer_box)
        self.answer_or_reason.addWidget(self.reason_fields)
        self.results = named(QListWidget(), "speakerResults")
        self.results.setMaximumHeight(96)
        self.results.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.results.hide()  # shown while a search finds someone
        self.add_button = texts.button("addSpeakerButton", lambda: self.tr("Add to the list"),
                                       clicked=self._add_selected)

        grid = QGridLayout(self)
        grid.setContentsMargins(6, 6, 6, 6)
        grid.addWidget(self.search, 0, 0, 1, 2)
        grid.addWidget(self.delegation, 0, 2)
        grid.setColumnStretch(2, 0)
        grid.addWidget(self.results, 1, 0, 1, 3)
        grid.addWidget(self.kind_label, 2, 0)
        grid.addWidget(self.kind_box, 2, 1, 1, 2)
        grid.addWidget(self.answer_label, 3, 0)
        grid.addWidget(self.answer_or_reason, 3, 1, 1, 2)
        grid.addWidget(self.add_button, 4, 0, 1, 3)
        grid.setColumnStretch(1, 1)

        self.search.textEdited.connect(self._update_results)
        self.search.installEventFilter(self)
        self.delegation.activated.connect(lambda _n: self._update_results())
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        self.results.itemActivated.connect(lambda _item: self._add_selected())
        self.reason_fields.text.returnPressed.connect(self._add_selected)
        self._answers: list[QueueEntry] = []
        self.retranslate()
        self._kind_changed()

    # --- what the chair chose ------------------------------------------------------------

    def kind(self) -> SpeechKind:
        return SpeechKind(self.kind_box.currentData())

    def set_kind(self, kind: SpeechKind) -> None:
        self.kind_box.setCurrentIndex(self.kind_box.findData(kind.value))

    def replies_to(self) -> int | None:
        if self.kind() not in ANSWERING:
            return None
        return self.answer_box.currentData()

    def request(self) -> dict[str, object]:
        """What :func:`~encounter_desk.chair.commands.add_speaker` takes of the chair's
        choice: the kind, the speech answered, a point of order's reason and words."""
        kind = self.kind()
        reason, text = (self.reason_fields.value() if kind == SpeechKind.POINT_OF_ORDER
                        else ("", ""))
        return {"kind": kind, "replies_to_id": self.replies_to(), "reason": reason,
                "reason_text": text}

    def selected_person(self) -> int | None:
        item = self.results.currentItem() or self.results.item(0)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    # --- data ----------------------------------------------------------------------------

    def set_delegations(self, delegations: Sequence[DelegationRow]) -> None:
        """The delegations to choose from (those with people); the people shown are read
        again, as they are now."""
        self.delegations = [d for d in delegations if d.participants]
        self.people.clear()
        self._fill_delegations()
        self._update_results(keep=True)

    def set_index(self, index: SearchIndex, *, search: bool = True) -> None:
        """The people search (loaded in steps, then kept current by the chair)."""
        self.index = index
        if search:
            self.people.clear()  # read again as they are now
            self._update_results(keep=True)

    def person(self, participant_id: int) -> ParticipantRow | None:
        """A person shown in the results, else read now (a badge scanned, say)."""
        if participant_id not in self.people:
            self.people.update((p.id, p) for p in self.lookup([participant_id]))
        return self.people.get(participant_id)

    def set_answerable(self, entries: Sequence[QueueEntry]) -> None:
        """The speeches a reply or a question may answer, the latest first."""
        self._answers = list(entries)
        self._fill_answers()

    def reset_after_add(self) -> None:
        self.search.clear()
        self.results.clear()
        self.results.hide()
        self.set_kind(SpeechKind.STATEMENT)
        self.reason_fields.set_value("", "")
        self.search.setFocus()

    def focus_for(self, kind: SpeechKind) -> None:
        """Ready to add a ``kind`` (the point-of-order and right-of-reply shortcuts)."""
        self.set_kind(kind)
        self.answer_box.setCurrentIndex(0)
        self.reason_fields.set_value("", "")
        self.search.setFocus()
        self.search.selectAll()

    # --- texts ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.texts.retranslate()
        self.reason_fields.retranslate()
        self._kind_changed()  # the answer label says what the kind asks for
        for n in range(self.kind_box.count()):
            kind = SpeechKind(self.kind_box.itemData(n))
            self.kind_box.setItemText(n, f"{kind_look(kind).symbol}  {kind_label(kind)}")
        self._fill_delegations()
        self._fill_answers()

    def _fill_delegations(self) -> None:
        lang = i18n.language()
        refill(self.delegation, ((self.tr("Any delegation"), None),
                                 *((d.name(lang), d.id) for d in self.delegations)))

    def _fill_answers(self) -> None:
        refill(self.answer_box, ((self.tr("The speech on the floor, or the last one"), None),
                                 *((f"{e.speaker} ({e.delegation_name()})", e.id)
                                   for e in self._answers)))

    def _kind_changed(self) -> None:
        """The row under the kind: the speech a reply answers, or a point's reason."""
        point = self.kind() == SpeechKind.POINT_OF_ORDER
        self.answer_or_reason.setCurrentWidget(self.reason_fields if point else self.answer_box)
        self.answer_label.setText(self.tr("Reason") if point else self.tr("Answers"))
        enabled = point or self.kind() in ANSWERING
        self.answer_or_reason.setEnabled(enabled)
        self.answer_label.setEnabled(enabled)

    # --- searching -----------------------------------------------------------------------

    def _update_results(self, *, keep: bool = False) -> None:
        """The people found for what is typed (or the chosen delegation's), the best first;
        ``keep``: the person chosen in the list stays chosen if still found (a refresh
        because another desk wrote must not move the chair's choice before Enter)."""
        chosen = self.selected_person() if keep and self.results.currentItem() else None
        query = self.search.text()
        delegation_id = self.delegation.currentData()
        if looks_like_badge(query):
            self.results.clear()
            self.results.hide()
            return
        if query.strip():
            self.needs_index()  # typed before the index was whole: finished now
            hits = [hit.id for hit in self.index.search(query, limit=200)]
            # The people shown, read once: the best hits, or those of the chosen delegation.
            wanted = hits if delegation_id is not None else hits[:MAX_RESULTS]
            missing = [pid for pid in wanted if pid not in self.people]
            if missing:
                self.people.update((p.id, p) for p in self.lookup(missing))
            people = [self.people[pid] for pid in wanted if pid in self.people
                      and delegation_id in (None, self.people[pid].delegation_id)]
        elif delegation_id is not None:
            people = self.members(delegation_id)
        else:
            people = []
        self.people.update((p.id, p) for p in people)
        self.results.clear()
        lang = i18n.language()
        for person in people[:MAX_RESULTS]:
            pid = person.id
            who = f"{person.title} {person.display_name}".strip()
            where = person.delegation_name(lang)
            item = QListWidgetItem(f"{who} — {where}" if where else who)
            item.setData(Qt.ItemDataRole.UserRole, pid)
            item.setToolTip(item.text())  # the whole name when the list elides it
            self.results.addItem(item)
        if self.results.count():
            rows = [self.results.item(n).data(Qt.ItemDataRole.UserRole)
                    for n in range(self.results.count())]
            self.results.setCurrentRow(rows.index(chosen) if chosen in rows else 0)
        # Nothing found, nothing shown: on a small screen the list of speakers gets the room.
        self.results.setVisible(self.results.count() > 0)

    def _add_selected(self) -> None:
        person = self.selected_person()
        if person is not None:
            self.add_requested.emit(person)

    def _enter(self) -> None:
        text = self.search.text()
        if looks_like_badge(text):
            self.search.clear()
            self.badge_scanned.emit(text)
            return
        self._add_selected()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._enter()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.count():
                row = self.results.currentRow() + (1 if key == Qt.Key.Key_Down else -1)
                self.results.setCurrentRow(max(0, min(row, self.results.count() - 1)))
                return True
        return super().eventFilter(watched, event)
