"""One screen of "how this works" for the desk, the chair and the records.

Each page is a small window with five or six points and the keys that matter. It shows
by itself the first time its workspace is opened on this laptop (remembered in the
settings) and again from Help. It never blocks: it opens with ``show()``, and without
taking the keyboard, so a badge scanned while it is up still reaches the scan field.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from encounter_desk.core import i18n
from encounter_desk.ui.desk.style import legend_html
from encounter_desk.ui.shell import settings
from encounter_desk.ui.widgets.layout import heading, wrapped
from encounter_desk.ui.widgets.retranslating import Retranslating

KEYS = ("desk", "chair", "records")
SEEN_KEY = "howto/{key}_seen"


def seen(key: str) -> bool:
    return settings.saved_flag(SEEN_KEY.format(key=key))


def mark_seen(key: str) -> None:
    settings.remember(SEEN_KEY.format(key=key), True)


class HowToDialog(Retranslating, QDialog):
    """The page for one workspace; its texts follow the app's language."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        if key not in KEYS:
            raise ValueError(key)
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"howto-{key}")
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.heading = heading(1.3)
        self.body = wrapped("howtoBody")
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setMinimumWidth(480)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.buttons)
        self.retranslate()

    def title_text(self) -> str:
        return {
            "desk": self.tr("How the desk works"),
            "chair": self.tr("How the chair works"),
            "records": self.tr("How the records work"),
        }[self.key]

    def points(self) -> list[str]:
        """The page's points (translated); a key in <b>…</b> where one matters."""
        if self.key == "desk":
            return [
                self.tr("Scan a badge: the field at the top always listens, the scanner "
                        "types the code and <b>Enter</b> ends it."),
                self.tr("Read the colour (the same as on the screen):")
                + legend_html(i18n.language()),
                self.tr("No badge? Type two or three letters of the name in the search box "
                        "and choose the person: the same verdict, the same record."),
                self.tr("Someone not on the list: <b>New participant…</b> registers them and "
                        "prints their badge."),
                self.tr("A mistaken check-in: choose the person in the search results and "
                        "undo it, with a reason."),
                self.tr("The counts on the right follow every desk of the room."),
            ]
        if self.key == "chair":
            return [
                self.tr("Add a speaker: <b>Ctrl+F</b>, type a name or scan a badge, "
                        "<b>Enter</b>."),
                self.tr("<b>F5</b> gives the floor to the next speaker; <b>F8</b> ends the "
                        "speech; <b>F6</b> pauses or resumes the clock."),
                self.tr("<b>F7</b> gives 30 seconds more; <b>Shift+F7</b> takes 30 away."),
                self.tr("<b>F9</b> point of order: it is heard at once and the speaker's "
                        "clock waits. <b>Ctrl+R</b> right of reply: it goes next."),
                self.tr("Drag speakers (or <b>Alt+Up</b>/<b>Alt+Down</b>) to change the "
                        "order; <b>Delete</b> withdraws one."),
                self.tr("<b>F11</b> shows the room screen; <b>F1</b> lists every key."),
            ]
        return [
            self.tr("Choose the session: attendance fills in from the desk's check-ins."),
            self.tr("Correct attendance by hand where needed (someone came in late, a "
                    "substitute); every change is kept in the audit trail."),
            self.tr("Write the agreements and initiatives of the session."),
            self.tr("Export the minutes as PDF: a DRAFT watermark until they are final, "
                    "in Spanish or English."),
            self.tr("Attendance and speeches also go out as CSV or Excel files, and the "
                    "debate as Akoma Ntoso."),
        ]

    def retranslate(self) -> None:
        self.setWindowTitle(self.title_text())
        self.heading.setText(self.title_text())
        items = "".join(f"<li style='margin-bottom:6px'>{p}</li>" for p in self.points())
        self.body.setText(f"<ul>{items}</ul>")


class HowToPages(QObject):
    """The three pages of a main window: shown on demand, or once per laptop."""

    def __init__(self, window: QWidget, *, automatic: bool = False) -> None:
        super().__init__(window)
        self.window = window
        self.automatic = automatic
        """Show a workspace's page the first time it is opened on this laptop."""
        self.pages: dict[str, HowToDialog] = {}

    def show(self, key: str) -> HowToDialog:
        """Show (or raise) the page for ``key``; never modal."""
        page = self.pages.get(key)
        if page is None:
            page = HowToDialog(key, self.window)
            self.pages[key] = page
        mark_seen(key)
        if page.isVisible():
            page.raise_()  # already open behind the window: bring it forward
        else:
            page.show()
        return page

    def workspace_shown(self, key: str | None) -> HowToDialog | None:
        """A workspace came on screen: its page, if this laptop has not seen it yet."""
        if not self.automatic or key not in KEYS or seen(key):
            return None
        return self.show(key)
