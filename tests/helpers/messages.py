"""The one recording message bridge: what the app would have said, answered at once.

Screens talk to the user through ``ui.widgets.messages.MessageBridge``; tests hand them this
one, which keeps every message in ``said`` (kind, title, text…) and answers questions and
file choosers from what the test put in ``answer_yes``, ``open_paths`` and ``save_paths``.
"""

from __future__ import annotations

from encounter_desk.ui.widgets.messages import MessageBridge


class RecordingMessages(MessageBridge):
    """Records what the app says and answers without a dialog."""

    def __init__(self) -> None:
        super().__init__()
        self.said: list[tuple] = []
        self.answer_yes = True
        self.accept_reports = True
        self.open_paths: list[str] = []
        self.save_paths: list[str] = []

    def inform(self, parent, title, text):  # noqa: ANN001
        self.said.append(("inform", title, text))

    def warn(self, parent, title, text, details=""):  # noqa: ANN001
        self.said.append(("warn", title, text))

    def ask(self, parent, title, text, on_yes, yes_text=None):  # noqa: ANN001
        self.said.append(("ask", title, text))
        if self.answer_yes:
            on_yes()

    def show_report(self, parent, title, summary, lines, on_accept=None, accept_text=None):  # noqa: ANN001
        self.said.append(("report", title, summary, list(lines), accept_text))
        if on_accept is not None and self.accept_reports:
            on_accept()

    def choose_open_file(self, parent, title, name_filter, on_chosen):  # noqa: ANN001
        on_chosen(self.open_paths.pop(0))

    def choose_save_file(self, parent, title, name_filter, suggested, on_chosen,  # noqa: ANN001
                         confirm_overwrite=True):
        on_chosen(self.save_paths.pop(0))

    def kinds(self) -> list[str]:
        return [entry[0] for entry in self.said]

    def warnings(self) -> list[tuple[str, str]]:
        """(title, text) of every warning, in order."""
        return [(entry[1], entry[2]) for entry in self.said if entry[0] == "warn"]
