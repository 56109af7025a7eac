"""Screenshots of the Records workspace and of the desk at a session's door, offscreen, on
the demo event.

    python scripts/records_screenshots.py [OUTPUT_FOLDER] [--translations DONE.json]

Writes, at 1280 x 800, into docs/screenshots/:

* ``records-attendance-es.png`` / ``-en``: the roll call of the demo's opening session
  (already held) with its live counts and quorum;
* ``records-minutes-es.png`` / ``-en``: the minutes and exports tab of that session;
* ``desk-door-es.png`` / ``-en``: the desk at the door of session 2, a badge just read.

``--translations`` merges extra Spanish translations (the ``fill_ts.py`` JSON format:
a list of {"context", "source", "translation"}) into the catalogue for this run only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--translations", type=Path, action="append", default=[])
    args = parser.parse_args(argv[1:])
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ENCOUNTER_DESK_HOME"] = str(Path(tmp) / "home")
        os.environ.setdefault("ENCOUNTER_DESK_ACTOR", "screenshots")
        from PySide6.QtCore import QCoreApplication, Qt

        from encounter_desk.core import i18n
        from encounter_desk.demo import build as demo
        from encounter_desk.desk import badges
        from encounter_desk.desk.lookup import venue_zone
        from encounter_desk.event import event as events
        from encounter_desk.event import participants, sittings
        from encounter_desk.storage.database import open_database, sqlite_url
        from encounter_desk.ui.desk.desk_workspace import DeskWorkspace
        from encounter_desk.ui.records import RecordsWorkspace
        from encounter_desk.ui.shell.app import application
        from encounter_desk.ui.shell.translations import Translators
        from encounter_desk.ui.widgets.messages import MessageBridge
        from encounter_desk.ui.widgets.workspace import AppContext

        table = i18n.catalogue("es")
        for extra_file in args.translations:
            for entry in json.loads(extra_file.read_text(encoding="utf-8")):
                if entry.get("translation"):
                    table[(entry["context"], entry["source"])] = entry["translation"]

        db = open_database(sqlite_url(Path(tmp) / "demo.sqlite"), actor="screenshots")
        demo.build_demo(db)
        first, second = sittings.list_sittings(db)[:2]
        zone = venue_zone(events.load_event(db).timezone)
        door_time = dt.datetime.combine(second.date, dt.time(15, 7), zone).astimezone(dt.UTC)
        lawmakers = [p for p in participants.list_participants(db)
                     if p.category == "lawmaker" and p.delegation_code in ("SV", "MX", "GT")]

        app = application()
        translators = Translators()
        written: list[Path] = []

        def save(widget, name: str) -> bool:  # noqa: ANN001
            QCoreApplication.sendPostedEvents()
            app.processEvents()
            target = args.out / name
            if not widget.grab().save(str(target)):
                print(f"could not write {target}", file=sys.stderr)
                return False
            written.append(target)
            return True

        for language in ("es", "en"):
            translators.install(language)
            records = RecordsWorkspace(AppContext(db, MessageBridge()), open_file=lambda p: None)
            records.resize(1280, 800)
            records.show()
            records.select(first.id)
            page = records.attendance
            # A few people selected down the list, as during a roll call.
            page.table.setCurrentIndex(page.proxy.index(13, 1))
            page.table.setFocus(Qt.FocusReason.OtherFocusReason)
            if not save(records, f"records-attendance-{language}.png"):
                return 1
            records.tabs.setCurrentWidget(records.minutes)
            language_box = records.minutes.language
            language_box.setCurrentIndex(language_box.findData(language))
            if not save(records, f"records-minutes-{language}.png"):
                return 1
            records.close()
            records.deleteLater()

            desk = DeskWorkspace(AppContext(db, MessageBridge()), desk_name="Puerta Salón Chiapas",
                                 clock=lambda: door_time, open_file=lambda p: None)
            desk.resize(1280, 800)
            desk.show()
            desk.set_door(second.id)
            for person in lawmakers[:14]:  # the room filling up
                desk.check_in_person(person.id)
            desk.scan(badges.badge_code_for(db, lawmakers[14 if language == "es" else 15].id))
            if not save(desk, f"desk-door-{language}.png"):
                return 1
            desk.close()
            desk.deleteLater()
        db.close()
        for path in written:
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
