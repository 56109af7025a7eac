"""The verdict panel: what the clerk (and the person at the desk) reads from a metre away.

It shows the last verdict in its colour, with a headline word, a symbol, the person's title
and name, their delegation (with its flag) and what the clerk must know: the first session
they are due at, the desk note, when and where they were already checked in, that a newer
badge exists. It holds the verdict until the next one, or until :attr:`hold_timer` fires
(a few seconds), then says it is ready again. Nothing here ever takes the keyboard.

Tests fire the hold timer themselves (``panel.hold_timer.timeout.emit()``); nobody sleeps.
"""

from __future__ import annotations

import time
from importlib import resources

from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from encounter_desk.core import i18n
from encounter_desk.desk import checkin
from encounter_desk.desk.checkin import Verdict, VerdictKind
from encounter_desk.records.attendance import DoorVerdict
from encounter_desk.ui.desk import door
from encounter_desk.ui.desk.style import READY, look
from encounter_desk.ui.widgets.layout import named
from encounter_desk.ui.widgets.retranslating import Retranslating

DEFAULT_HOLD_SECONDS = 6.0
NAME_ONE_LINE = (40, 36, 32)
NAME_POINTS = (36, 32, 28, 24, 20)
"""The name's font sizes, largest first (see :meth:`VerdictPanel._fit_texts`)."""
NAME_LINES = 2
HEADLINE_POINTS = (34, 30, 26, 22)
FLAG_HEIGHT = 48


def _label(points: int, bold: bool = False, name: str = "") -> QLabel:
    label = QLabel()
    font = QFont(label.font())
    font.setPointSize(points)
    font.setBold(bold)
    label.setFont(font)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    if name:
        label.setObjectName(name)
    return label


def fit_label(label: QLabel, sizes: tuple[int, ...], lines: int, width: int) -> bool:
    """Give ``label`` the largest of ``sizes`` at which its text takes at most ``lines``
    lines of ``width`` pixels; the smallest when none does. True when it fits."""
    text = label.text()
    if not text:
        return True
    font = QFont(label.font())
    for points in sizes:
        font.setPointSize(points)
        metrics = QFontMetrics(font)
        rect = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text)
        if rect.height() <= metrics.lineSpacing() * lines + 2 and rect.width() <= width:
            label.setFont(font)
            return True
    label.setFont(font)
    return False


def describe_parts(verdict: Verdict, lang: str) -> tuple[list[str], str]:
    """The job's wording of ``verdict`` (:func:`encounter_desk.desk.checkin.describe`) split
    for the panel: the lines the headline, name and delegation do not already show, and the
    line of the next session ("" when none)."""
    lines = checkin.describe(verdict, lang)
    person = verdict.participant
    shown = 1 + (person is not None) + bool(person is not None and person.delegation(lang))
    if verdict.due_sitting is None:
        return lines[shown:], ""
    return lines[shown:-1], lines[-1]


_flag_cache: dict[str, QPixmap | None] = {}


def flag_pixmap(iso2: str, height: int = FLAG_HEIGHT) -> QPixmap | None:
    """A member country's flag from ``resources/flags`` (4:3), or None."""
    key = f"{iso2}:{height}"
    if key not in _flag_cache:
        pixmap = None
        if iso2 and iso2.isalpha() and len(iso2) == 2:
            try:
                data = resources.files("encounter_desk.resources").joinpath(
                    "flags", f"{iso2.lower()}.png").read_bytes()
            except OSError:  # no flag for this code
                data = b""
            loaded = QPixmap()
            if data and loaded.loadFromData(data):
                pixmap = loaded.scaledToHeight(height, Qt.TransformationMode.SmoothTransformation)
        _flag_cache[key] = pixmap
    return _flag_cache[key]


class VerdictPanel(Retranslating, QFrame):
    """Shows one :class:`~encounter_desk.desk.checkin.Verdict` at a time, or "ready"."""

    returned_to_ready = Signal()

    def __init__(self, parent: QWidget | None = None, hold_seconds: float = DEFAULT_HOLD_SECONDS):
        super().__init__(parent)
        self.setObjectName("verdictPanel")
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumHeight(320)
        self.verdict: Verdict | None = None
        self.door: DoorVerdict | None = None
        """The verdict of a scan at a session's door, when that is what is shown."""
        self.flags: dict[str, str] = {}
        """Delegation code -> ISO alpha-2 of its flag (set by the desk)."""
        self.read_twice = False
        """The badge on screen was read again within a moment: kept up, and said so."""
        self.read_text = ""
        """What the scanner read, shown when it is not a badge (the desk sets it)."""
        self.painted_at = 0.0
        """``time.perf_counter()`` when the panel last finished painting (for the benchmark)."""

        self.hold_timer = QTimer(self)
        self.hold_timer.setSingleShot(True)
        self.hold_timer.timeout.connect(self.show_ready)
        self.set_hold_seconds(hold_seconds)

        self.symbol = _label(60, True, "verdictSymbol")
        self.symbol.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.symbol.setFixedWidth(110)
        self.symbol.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.headline = _label(34, True, "verdictHeadline")
        self.flag = named(QLabel(), "verdictFlag")
        self.flag.setFixedHeight(FLAG_HEIGHT)
        self.name = _label(NAME_ONE_LINE[0], True, "verdictName")
        self.delegation = _label(24, False, "verdictDelegation")
        self.detail = _label(22, True, "verdictDetail")
        self.extra = _label(17, False, "verdictExtra")
        self.footer = _label(12, False, "verdictFooter")

        top = QHBoxLayout()
        top.setSpacing(18)
        top.addWidget(self.symbol)
        top.addWidget(self.headline, 1)
        who = QHBoxLayout()
        who.setSpacing(14)
        who.addWidget(self.flag, 0, Qt.AlignmentFlag.AlignVCenter)
        who.addWidget(self.delegation, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 18)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.name)
        layout.addLayout(who)
        layout.addWidget(self.detail)
        layout.addWidget(self.extra)
        layout.addStretch(1)
        layout.addWidget(self.footer)
        self.show_ready()

    # --- state -----------------------------------------------------------------------------

    @property
    def state(self) -> str:
        """"ready", or the verdict shown (``VerdictKind`` value; a door verdict gives the
        check-in verdict whose look it borrows, see :func:`door.as_checkin`)."""
        if self.door is not None:
            return door.as_checkin(self.door.kind).value
        return self.verdict.kind.value if self.verdict is not None else READY

    def set_hold_seconds(self, seconds: float) -> None:
        self.hold_timer.setInterval(max(500, int(seconds * 1000)))

    def show_verdict(self, verdict: Verdict) -> None:
        self._hold(verdict, None)

    def show_door_verdict(self, verdict: DoorVerdict) -> None:
        """A scan (or search) at a session's door."""
        self._hold(None, verdict)

    def mark_read_twice(self) -> None:
        """The same badge again within a moment (a double read): the first verdict stays."""
        self._hold(self.verdict, self.door, read_twice=True)

    def _hold(self, verdict: Verdict | None, door_verdict: DoorVerdict | None,
              read_twice: bool = False) -> None:
        """Show a verdict for the hold time (then the panel is ready again)."""
        self.verdict, self.door, self.read_twice = verdict, door_verdict, read_twice
        self._render()
        self.hold_timer.start()

    def show_ready(self) -> None:
        was_showing = self.verdict is not None or self.door is not None
        self.hold_timer.stop()
        self.verdict = None
        self.door = None
        self._render()
        if was_showing:
            self.returned_to_ready.emit()

    def text(self) -> str:
        """Everything the panel says, one label a line (tests, screen readers)."""
        parts = (self.headline, self.name, self.delegation, self.detail, self.extra)
        return "\n".join(label.text() for label in parts if label.text())

    # --- drawing ---------------------------------------------------------------------------

    def _render(self) -> None:
        state = self.state
        colours = look(state)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(colours.background))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(colours.foreground))
        self.setPalette(palette)
        self.setProperty("verdict", state)
        self.symbol.setText(colours.symbol)
        if self.door is not None:
            self._render_door(self.door)
            return
        verdict = self.verdict
        if verdict is None:
            self.headline.setText(self.tr("Ready — scan a badge"))
            self._fit_texts()
            self._set_name("")
            self.delegation.setText(self.tr("Or search by name on the right."))
            self._set_flag("")
            self.detail.setText("")
            self.extra.setText("")
            self.footer.setText("")
            self.setAccessibleName(self.headline.text())
            return
        lang = i18n.language()
        p = verdict.participant
        self.headline.setText(self.headline_text(verdict.kind))
        self._fit_texts()
        name = p.full_title_name if p is not None else ""
        if verdict.kind is VerdictKind.NOT_A_BADGE and self.read_text:
            name = f"“{self.read_text[:60]}”"
        self._set_name(name)
        delegation = p.delegation(lang) if p is not None else ""
        if p is not None and p.institution and p.institution != delegation:
            delegation = f"{delegation} · {p.institution}" if delegation else p.institution
        self.delegation.setText(delegation)
        self._set_flag(self.flags.get(p.delegation_code, "") if p is not None else "")
        facts, next_sitting = describe_parts(verdict, lang)
        self.detail.setText(self._detail(verdict, facts))
        self.extra.setText(self._extra(verdict, next_sitting))
        self.footer.setText(self._footer(verdict) + self._twice())
        self.setAccessibleName(self.text())

    def _render_door(self, verdict: DoorVerdict) -> None:
        lang = i18n.language()
        self.headline.setText(door.headline(verdict))
        self._fit_texts()
        self._set_name(f"{verdict.title} {verdict.name}".strip())
        self.delegation.setText(verdict.delegation(lang))
        self._set_flag("")
        self.detail.setText(door.detail(verdict, lang))
        self.extra.setText(door.extra(verdict))
        self.footer.setText(door.footer(verdict) + self._twice())
        self.setAccessibleName(self.text())

    def headline_text(self, kind: VerdictKind) -> str:
        return {
            VerdictKind.ADMITTED: self.tr("ADMITTED"),
            VerdictKind.ADMITTED_ATTENTION: self.tr("ADMITTED — ATTENTION"),
            VerdictKind.ALREADY_CHECKED_IN: self.tr("ALREADY CHECKED IN"),
            VerdictKind.REPLACED: self.tr("BADGE REPLACED"),
            VerdictKind.WRONG_EVENT: self.tr("WRONG EVENT"),
            VerdictKind.FORGED: self.tr("FORGED OR DAMAGED"),
            VerdictKind.UNKNOWN: self.tr("UNKNOWN BADGE"),
            VerdictKind.WITHDRAWN: self.tr("ACCREDITATION WITHDRAWN"),
            VerdictKind.NOT_A_BADGE: self.tr("NOT A BADGE"),
        }[kind]

    def _detail(self, verdict: Verdict, facts: list[str]) -> str:
        """The job's sentences about the verdict, then what the clerk should do about it."""
        advice = {
            VerdictKind.REPLACED: self.tr("Keep this one; only the new badge admits."),
            VerdictKind.FORGED: self.tr("Check the person's identity and search by name."),
            VerdictKind.UNKNOWN: self.tr("Search by name."),
            VerdictKind.WITHDRAWN: self.tr("Do not let them in; call the organisers."),
            VerdictKind.NOT_A_BADGE: self.tr("Search for this name? Press Enter."),
        }.get(verdict.kind)
        if advice:  # it follows the sentence it answers
            facts = [*facts[:-1], f"{facts[-1]} {advice}" if facts else advice]
        return "\n".join(facts)

    def _extra(self, verdict: Verdict, next_sitting: str) -> str:
        if next_sitting or not verdict.admitted:
            return next_sitting
        return self.tr("No more sessions are scheduled.")

    def _twice(self) -> str:
        return " · " + self.tr("read twice") if self.read_twice else ""

    def _footer(self, verdict: Verdict) -> str:
        sources = {
            "scanner": self.tr("badge scan"),
            "camera": self.tr("camera"),
            "search": self.tr("search by name"),
            "walk-in": self.tr("walk-in registration"),
        }
        return self.tr("{time} · {desk} · {source}").format(
            time=verdict.local(verdict.at).strftime("%H:%M:%S"),
            desk=verdict.desk,
            source=sources.get(verdict.source, verdict.source),
        )

    def _set_flag(self, iso2: str) -> None:
        pixmap = flag_pixmap(iso2) if iso2 else None
        if pixmap is None:
            self.flag.clear()
            self.flag.hide()
        else:
            self.flag.setPixmap(pixmap)
            self.flag.setFixedWidth(pixmap.width())
            self.flag.show()

    def _set_name(self, text: str) -> None:
        self.name.setText(text)
        self.name.setVisible(bool(text))
        self._fit_texts()

    def _fit_texts(self) -> None:
        """Largest first: the name on one line if it fits at 32 pt or more, else on two
        lines, shrinking down to 20 pt; past that it wraps further, never cut."""
        width = self._text_width()
        if not fit_label(self.name, NAME_ONE_LINE, 1, width):
            fit_label(self.name, NAME_POINTS, NAME_LINES, width)
        fit_label(self.headline, HEADLINE_POINTS, 1, width - self.symbol.width() - 18)

    def _text_width(self) -> int:
        layout = self.layout()
        inner = layout.contentsMargins() if layout is not None else self.contentsMargins()
        return max(200, self.width() - inner.left() - inner.right() - 4)

    # --- events ----------------------------------------------------------------------------

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802
        super().resizeEvent(event)
        self._fit_texts()

    def paintEvent(self, event) -> None:  # noqa: ANN001, N802
        super().paintEvent(event)
        self.painted_at = time.perf_counter()

    def retranslate(self) -> None:
        self._render()

