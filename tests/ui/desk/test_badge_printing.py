"""A badge straight to a printer: Qt's print dialog chooses, the system's queue prints."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from helpers.events import DETAILS, add_people
from helpers.messages import RecordingMessages
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPushButton

from encounter_desk.core.errors import Refusal
from encounter_desk.event import event as events
from encounter_desk.ui.desk.desk_workspace import DeskWorkspace
from encounter_desk.ui.widgets import printing
from encounter_desk.ui.widgets.long_job import JobRunner
from encounter_desk.ui.widgets.printing import print_pdf
from encounter_desk.ui.widgets.workspace import AppContext


class FakeChoice:
    def __init__(self, name: str, copies: int) -> None:
        self.name, self.copies = name, copies

    def printerName(self) -> str:  # noqa: N802
        return self.name

    def copyCount(self) -> int:  # noqa: N802
        return self.copies


class FakeDialog(QObject):
    """Stands for QPrintDialog: ``open()`` returns at once; the test accepts or rejects."""

    accepted = Signal()

    def __init__(self, name: str = "Zebra-Mesa-1", copies: int = 2) -> None:
        super().__init__()
        self.choice = FakeChoice(name, copies)
        self.opened = False

    def printer(self) -> FakeChoice:
        return self.choice

    def setAttribute(self, *_args) -> None:  # noqa: N802
        pass

    def open(self) -> None:
        self.opened = True


@pytest.fixture
def pdf(tmp_path: Path) -> Path:
    path = tmp_path / "badge.pdf"
    path.write_bytes(b"%PDF-1.4 badge")
    return path


def test_the_chosen_printer_and_copies_go_to_the_queue(qtbot, pdf):
    messages, sent, said, jobs = RecordingMessages(), [], [], JobRunner(None)
    dialog = FakeDialog("Zebra-Mesa-1", 3)
    print_pdf(None, pdf, messages, submit=lambda *args: sent.append(args),
              dialog_factory=lambda _parent: dialog, printers=lambda: ["Zebra-Mesa-1"],
              on_printed=said.append, jobs=jobs)
    assert dialog.opened and sent == []  # nothing printed until the clerk accepts
    with qtbot.waitSignal(jobs.ended):  # the queue is called off the GUI thread
        dialog.accepted.emit()
        assert jobs.busy and not jobs.job.dialog.cancellable  # a queued badge stays queued
    assert sent == [("Zebra-Mesa-1", 3, pdf)]
    assert messages.said == [] and "Zebra-Mesa-1" in said[0]


def test_no_printer_says_so_at_once_and_offers_the_pdf(qtbot, pdf):
    messages, sent, opened = RecordingMessages(), [], []
    print_pdf(None, pdf, messages, submit=lambda *args: sent.append(args),
              dialog_factory=lambda _parent: pytest.fail("no dialog without a printer"),
              printers=list, fallback=opened.append, jobs=JobRunner(None))
    assert sent == [] and opened == [pdf]
    kind, _title, text = messages.said[0]
    assert kind == "inform"
    assert text.startswith("No printer is installed on this laptop") and str(pdf) in text


def test_a_refused_queue_is_reported_with_its_sentence(qtbot, pdf):
    messages = RecordingMessages()

    def refuse(_name, _copies, _path):
        raise Refusal("The print queue refused the badge for Zebra: lp: Unknown destination",
                      code="print.refused")

    dialog, jobs = FakeDialog("Zebra"), JobRunner(None)
    print_pdf(None, pdf, messages, submit=refuse, dialog_factory=lambda _parent: dialog,
              printers=lambda: ["Zebra"], jobs=jobs)
    with qtbot.waitSignal(jobs.ended):
        dialog.accepted.emit()
    assert messages.warnings() == [("Print the badge",
                                    "The print queue refused the badge for Zebra: "
                                    "lp: Unknown destination")]


def test_a_failing_lp_becomes_a_refusal(monkeypatch, pdf):
    calls = []

    def run(command, **kwargs):
        calls.append((command, kwargs["timeout"]))
        return subprocess.CompletedProcess(command, 1, "", "lp: The printer or class does not exist.\n")

    monkeypatch.setattr(printing.sys, "platform", "linux")
    monkeypatch.setattr(printing.subprocess, "run", run)
    with pytest.raises(Refusal) as caught:
        printing.submit_to_queue("Zebra", 2, pdf)
    assert caught.value.code == "print.refused"
    assert str(caught.value) == ("The print queue refused the badge for Zebra: "
                                 "lp: The printer or class does not exist.")
    assert calls == [(["lp", "-n", "2", "-d", "Zebra", str(pdf)], printing.QUEUE_TIMEOUT_SECONDS)]


def test_lp_missing_falls_back_to_lpr_then_says_the_queue_is_missing(monkeypatch, pdf):
    tried = []

    def run(command, **_kwargs):
        tried.append(command[0])
        raise FileNotFoundError(command[0])

    monkeypatch.setattr(printing.sys, "platform", "linux")
    monkeypatch.setattr(printing.subprocess, "run", run)
    with pytest.raises(Refusal) as caught:
        printing.submit_to_queue("Zebra", 1, pdf)
    assert tried == ["lp", "lpr"]
    assert caught.value.code == "print.no_lp" and str(pdf) in str(caught.value)


def test_a_queue_that_hangs_is_given_up_after_the_timeout(monkeypatch, pdf):
    def run(command, **kwargs):
        raise subprocess.TimeoutExpired(command, kwargs["timeout"])

    monkeypatch.setattr(printing.sys, "platform", "linux")
    monkeypatch.setattr(printing.subprocess, "run", run)
    with pytest.raises(Refusal) as caught:
        printing.submit_to_queue("Zebra", 1, pdf)
    assert caught.value.code == "print.timeout"


def test_the_desk_prints_the_walk_in_badge_and_a_search_result(qtbot, db, tmp_path):
    events.create_event(db, DETAILS)
    someone = next(iter(add_people(db).values()))
    opened: list[Path] = []
    desk = DeskWorkspace(AppContext(db, RecordingMessages()), desk_name="Mesa 1",
                         open_file=opened.append, badge_folder=tmp_path / "badges")
    qtbot.addWidget(desk)
    calls = []
    desk.print_pdf = lambda parent, path, messages, **kw: calls.append(path)
    button = desk.findChild(QPushButton, "printBadgeButton")
    assert button is not None and not button.isEnabled()  # no badge written yet
    desk.search.print_requested.emit(someone)
    assert len(calls) == 1 and calls[0].read_bytes().startswith(b"%PDF")
    assert opened == []  # to the printer, not the viewer
    assert button.isEnabled()
    button.click()
    assert calls[1] == calls[0] == desk.last_badge
