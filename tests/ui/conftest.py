"""Helpers for the GUI tests: an event to show, and a message bridge that answers at once."""

from __future__ import annotations

import datetime as dt

import pytest

from encounter_desk.event import event as events
from encounter_desk.event import participants
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import Category
from encounter_desk.ui.widgets.messages import MessageBridge

DETAILS = events.EventDetails(
    code="TEST-UI",
    name_es="Encuentro de prueba",
    name_en="Test encounter",
    short_name_es="Prueba",
    short_name_en="Test",
    start_date=dt.date(2017, 9, 4),
    end_date=dt.date(2017, 9, 6),
)


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


@pytest.fixture
def messages() -> RecordingMessages:
    return RecordingMessages()


@pytest.fixture
def event_db(db: Database) -> Database:
    """An event with its 16 preset delegations and a few participants with hard names."""
    events.create_event(db, DETAILS)
    from encounter_desk.event import delegations as delegation_admin

    by_code = {d.code: d.id for d in delegation_admin.list_delegations(db)}
    people = [
        ("Dip.", "Ana Lucía", "Pérez", "Núñez", "SV", "F"),
        ("Sen.", "Jorge", "Castañeda", "Ruiz", "MX", "M"),
        ("Hon.", "Patricia", "Tremblay", "", "CA", "F"),
        ("H.D.", "Itzel", "Ñandú", "", "PA", "F"),
        ("Dip.", "Rosa", "Álvarez", "", "CR", "F"),
    ]
    for title, given, first, second, code, gender in people:
        participants.create_participant(
            db,
            title=title,
            given_names=given,
            first_surname=first,
            second_surname=second,
            delegation_id=by_code[code],
            gender=gender,
            category=Category.LAWMAKER.value,
        )
    return db
