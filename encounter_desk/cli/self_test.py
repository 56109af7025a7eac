"""``encounter-desk --self-test``: the installed app checks itself, start to finish.

It opens a throwaway event in a temporary folder, imports the sample roster that ships in
the package, prints a badge sheet, checks a badge code in, runs a speech on a fake clock,
writes the minutes, and builds the main window offscreen once. One line per step; the
exit code is 0 only when every step worked. Nothing outside the temporary folder is
touched (the app's settings and recent files included). It runs the same way in a
development checkout and in the standalone build (it is what CI runs on the build).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TextIO

from encounter_desk.core import config
from encounter_desk.core.clock import ManualClock
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, translate

SAMPLE_ROSTER = "roster-sample.csv"
T0 = dt.datetime(2017, 9, 4, 15, 0, tzinfo=dt.UTC)
SPEECH_SECONDS = 95


class SelfTestFailure(Exception):
    """A step ran but its result was wrong; the message says what (translated)."""


@dataclass
class Run:
    """What the steps share: the folder, the event file and what each step made."""

    folder: Path
    clock: ManualClock = field(default_factory=lambda: ManualClock(T0))
    db: object = None
    participant_ids: list[int] = field(default_factory=list)
    sitting_id: int | None = None
    desktop: object = None  # the app's launcher (encounter_desk.ui.shell.launcher.DesktopApp)

    @property
    def event_file(self) -> Path:
        return self.folder / "self-test.sqlite"


def sample_roster_bytes() -> bytes:
    """The sample roster that ships inside the package (resources/samples)."""
    return (
        resources.files("encounter_desk.resources").joinpath("samples", SAMPLE_ROSTER).read_bytes()
    )


# --- the steps ------------------------------------------------------------------------------


def open_event(run: Run) -> str:
    from encounter_desk.event import event as events
    from encounter_desk.storage.database import open_database, sqlite_url

    run.db = open_database(sqlite_url(run.event_file), actor="self-test", clock=run.clock.wall)
    events.create_event(
        run.db,
        events.EventDetails(
            code="SELF-TEST", name_es="Prueba del sistema", name_en="Self-test",
            start_date=T0.date(), end_date=T0.date(),
        ),
    )
    if events.load_event(run.db) is None:
        raise SelfTestFailure(translate("SelfTest", "The event was not saved."))
    return str(run.event_file)


def import_roster(run: Run) -> str:
    from encounter_desk.event.participants import list_participants
    from encounter_desk.roster import importer as roster

    path = run.folder / SAMPLE_ROSTER
    path.write_bytes(sample_roster_bytes())
    report = roster.import_roster(run.db, path)
    if not report.ok:
        raise SelfTestFailure("; ".join(report.lines()))
    run.participant_ids = [p.id for p in list_participants(run.db)]
    if not run.participant_ids:
        raise SelfTestFailure(translate("SelfTest", "The roster imported nobody."))
    return translate("SelfTest", "{count} participants").format(count=len(run.participant_ids))


def badge_pdf(run: Run) -> str:
    from encounter_desk.desk.badge_pdf import write_badges

    out = run.folder / "badges.pdf"
    count = write_badges(run.db, out, run.participant_ids[:1], layout="a6")
    data = out.read_bytes()
    if count != 1 or not data.startswith(b"%PDF") or b"%%EOF" not in data[-1024:]:
        raise SelfTestFailure(translate("SelfTest", "The badge sheet is not a complete PDF."))
    return translate("SelfTest", "{size} KiB").format(size=max(1, len(data) // 1024))


def check_in(run: Run) -> str:
    from encounter_desk.desk import badges, checkin
    from encounter_desk.desk.verdict import VerdictKind

    code = badges.badge_code_for(run.db, run.participant_ids[0])
    verdict = checkin.check_in(run.db, code, desk="self-test", clock=run.clock.wall)
    if not verdict.admitted:
        raise SelfTestFailure(verdict.kind.value)
    again = checkin.check_in(run.db, code, desk="self-test", clock=run.clock.wall)
    if again.kind is not VerdictKind.ALREADY_CHECKED_IN:
        raise SelfTestFailure(again.kind.value)
    return verdict.kind.value


def speech(run: Run) -> str:
    from encounter_desk.chair import commands as speakers
    from encounter_desk.chair.clock import Phase, SpeechClock, format_elapsed
    from encounter_desk.event import sittings
    from encounter_desk.records import sitting_life

    sitting = sittings.create_sitting(run.db, date=T0.date())
    run.sitting_id = sitting.id
    sitting_life.open_sitting(run.db, sitting.id, at=run.clock.wall())
    speakers.add_speaker(run.db, sitting.id, None, run.participant_ids[0], at=run.clock.wall())
    current = speakers.start_next(run.db, sitting.id, at=run.clock.wall())
    face = SpeechClock(monotonic=run.clock.monotonic, wall=run.clock.wall)
    face.follow(current.timing, speech_id=current.entry.id)
    run.clock.advance(SPEECH_SECONDS)
    if face.state().phase not in (Phase.RUNNING, Phase.WARNING, Phase.STOPWATCH):
        raise SelfTestFailure(str(face.state().phase))
    if round(face.elapsed()) != SPEECH_SECONDS:
        raise SelfTestFailure(format_elapsed(face.elapsed()))
    speakers.end_current(run.db, sitting.id, at=run.clock.wall())
    sitting_life.adjourn_sitting(run.db, sitting.id, at=run.clock.wall())
    [done] = speakers.sitting_speeches(run.db, sitting.id)
    spoken = done.timing.elapsed_at(run.clock.wall())
    if round(spoken) != SPEECH_SECONDS:
        raise SelfTestFailure(format_elapsed(spoken))
    return format_elapsed(spoken)


def minutes(run: Run) -> str:
    from encounter_desk.records.minutes import pdf as minutes_pdf

    out = run.folder / "minutes.pdf"
    assert run.sitting_id is not None
    minutes_pdf.write_minutes(run.db, run.sitting_id, out, lang="es")
    data = out.read_bytes()
    if not data.startswith(b"%PDF"):
        raise SelfTestFailure(translate("SelfTest", "The minutes are not a PDF."))
    return translate("SelfTest", "{size} KiB").format(size=max(1, len(data) // 1024))


def main_window(run: Run) -> str:
    from encounter_desk.core.i18n import language
    from encounter_desk.storage.database import sqlite_url

    if run.desktop is None:
        raise SelfTestFailure(translate("SelfTest", "The desk did not open."))
    run.db.close()  # type: ignore[attr-defined]
    try:
        return run.desktop.check_window(sqlite_url(run.event_file), language())
    except RuntimeError as exc:
        raise SelfTestFailure(translate("SelfTest", "The desk did not open.")) from exc


STEPS: list[tuple[str, Callable[[Run], str]]] = [
    (QT_TRANSLATE_NOOP("SelfTest", "Open a temporary event"), open_event),
    (QT_TRANSLATE_NOOP("SelfTest", "Import the sample roster"), import_roster),
    (QT_TRANSLATE_NOOP("SelfTest", "Make a badge PDF"), badge_pdf),
    (QT_TRANSLATE_NOOP("SelfTest", "Check a badge code in"), check_in),
    (QT_TRANSLATE_NOOP("SelfTest", "Run a speech on a fake clock"), speech),
    (QT_TRANSLATE_NOOP("SelfTest", "Export the minutes"), minutes),
    (QT_TRANSLATE_NOOP("SelfTest", "Build the main window"), main_window),
]


def run_self_test(out: TextIO | None = None, desktop: object = None) -> int:
    """Run every step (a failed step stops the ones that need it); 0 when all passed."""
    out = out or sys.stdout
    folder = Path(tempfile.mkdtemp(prefix="encounter-desk-self-test-"))
    saved_home = os.environ.get(config.ENV_HOME)
    os.environ[config.ENV_HOME] = str(folder / "home")  # never the user's settings
    run = Run(folder, desktop=desktop)
    failed = 0
    try:
        for name, step in STEPS:
            label = translate("SelfTest", name)
            if failed:
                print(translate("SelfTest", "SKIPPED  {step}").format(step=label), file=out)
                continue
            try:
                detail = step(run)
            except Exception as exc:  # noqa: BLE001 - every failure is reported, none escapes
                failed += 1
                message = str(exc) or type(exc).__name__
                print(translate("SelfTest", "FAILED   {step}: {error}").format(
                    step=label, error=message), file=out)
                traceback.print_exc(file=sys.stderr)
                continue
            print(translate("SelfTest", "ok       {step} ({detail})").format(
                step=label, detail=detail), file=out)
        if failed:
            print(translate("SelfTest", "Self-test failed."), file=out)
        else:
            print(translate("SelfTest", "Self-test passed: every step worked."), file=out)
        return 1 if failed else 0
    finally:
        close = getattr(run.db, "close", None)
        if close is not None:
            close()
        if saved_home is None:
            os.environ.pop(config.ENV_HOME, None)
        else:
            os.environ[config.ENV_HOME] = saved_home
        shutil.rmtree(folder, ignore_errors=True)
