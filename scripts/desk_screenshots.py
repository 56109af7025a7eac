"""Screenshots of the Registration desk, one per verdict, taken offscreen on the demo event.

    python scripts/desk_screenshots.py [OUTPUT_FOLDER] [--translations DONE.json]

Writes ``desk-<verdict>.png`` (Spanish) and ``desk-<verdict>-en.png`` (English) at
1280 x 800 into docs/screenshots/, for ready, admitted, admitted_attention,
already_checked_in, replaced, wrong_event, forged and unknown. The people are the demo's,
plus one with the longest name of the encounter.

``--translations`` merges extra Spanish translations (the ``fill_ts.py`` JSON format:
a list of {"context", "source", "translation"}) into the catalogue for this run only, to
preview texts that are not yet in ``resources/translations/encounter_desk_es.ts``.
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
VERDICTS = ("ready", "admitted", "admitted_attention", "already_checked_in", "replaced",
            "wrong_event", "forged", "unknown", "withdrawn", "not_a_badge")
LONG_NAME = ("María de los Ángeles", "Fernández de Córdoba y Villaseñor-Echeverría")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--translations", type=Path, action="append", default=[])
    args = parser.parse_args(argv[1:])
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ENCOUNTER_DESK_HOME"] = str(Path(tmp) / "home")
        os.environ.setdefault("ENCOUNTER_DESK_ACTOR", "screenshots")
        from PySide6.QtCore import QCoreApplication

        from encounter_desk.core import i18n
        from encounter_desk.demo import build as demo
        from encounter_desk.desk import badges, checkin
        from encounter_desk.desk.lookup import venue_zone
        from encounter_desk.event import accreditation, badge_code, participants, sittings
        from encounter_desk.event import delegations as delegation_admin
        from encounter_desk.event import event as events
        from encounter_desk.storage.database import open_database, sqlite_url
        from encounter_desk.ui.desk.desk_workspace import DeskWorkspace
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
        event = events.load_event(db)
        first = sittings.list_sittings(db)[0]
        zone = venue_zone(event.timezone)
        now = [dt.datetime.combine(first.date, dt.time(8, 42), zone).astimezone(dt.UTC)]

        def clock() -> dt.datetime:
            return now[0]

        delegations = {d.code: d.id for d in delegation_admin.list_delegations(db)}
        people = participants.list_participants(db)
        long = participants.create_participant(
            db, title="Dip.", given_names=LONG_NAME[0], first_surname=LONG_NAME[1],
            delegation_id=delegations["MX"], category="lawmaker", position="Diputada federal")
        head = next(p for p in people if p.is_head_of_delegation and p.delegation_code == "GT")
        participants.update_participant(
            db, head.id, desk_note="Silla de ruedas: acompañar al salón por la rampa")
        repeat = next(p for p in people if p.delegation_code == "CR")
        replaced = next(p for p in people if p.delegation_code == "CA")
        badges.reissue_badge(db, replaced.id)
        with db.read() as session:  # badges made by hand: signed with this event's key
            ev = events.require_event(session)
            secret, code = ev.secret, ev.code
        old_badge = badge_code.make_code(secret_hex=secret, event_code=code,
                                         participant_id=replaced.id, serial=1)
        unknown_badge = badge_code.make_code(secret_hex=secret, event_code=code,
                                             participant_id=99_999, serial=1)
        other = open_database(sqlite_url(Path(tmp) / "other.sqlite"), actor="screenshots")
        events.create_event(other, events.EventDetails(
            code="OTRO-2018", name_es="Otro encuentro", name_en="Another encounter",
            start_date=dt.date(2018, 5, 2), end_date=dt.date(2018, 5, 3)))
        stranger = participants.create_participant(other, given_names="Ana", first_surname="Ruiz")
        other_badge = badges.badge_code_for(other, stranger.id)
        other.close()
        genuine = badges.badge_code_for(db, long.id)
        forged = genuine[:-3] + ("XYZ" if genuine[-3:] != "XYZ" else "ABC")
        # Someone checked in earlier at another desk, for "already checked in".
        checkin.check_in(db, badges.badge_code_for(db, repeat.id), desk="Mesa 2",
                         clock=lambda: now[0] - dt.timedelta(minutes=27))
        for p in people[:40]:
            if p.id not in (head.id, repeat.id, replaced.id):
                checkin.check_in_participant(db, p.id, desk="Mesa 2", clock=clock)

        withdrawn = next(p for p in people[40:] if p.id not in (head.id, repeat.id, replaced.id))
        accreditation.withdraw(db, withdrawn.id, "Sustituido por su suplente (oficio 12/2017)")

        app = application()
        translators = Translators()
        scans = {
            "admitted": genuine,
            "admitted_attention": badges.badge_code_for(db, head.id),
            "already_checked_in": badges.badge_code_for(db, repeat.id),
            "replaced": old_badge,
            "wrong_event": other_badge,
            "forged": forged,
            "unknown": unknown_badge,
            "withdrawn": badges.badge_code_for(db, withdrawn.id),
            "not_a_badge": "Fernández de Córdoba",
        }
        written = []
        for language in ("es", "en"):
            translators.install(language)
            desk = DeskWorkspace(AppContext(db, MessageBridge()), desk_name="Mesa 1", clock=clock, open_file=lambda p: None)
            desk.resize(1280, 800)
            desk.show()
            for verdict in VERDICTS:
                desk.verdict_panel.show_ready()
                if verdict != "ready":
                    shown = desk.scan(scans[verdict])
                    assert shown is not None and shown.kind.value == verdict, (verdict, shown)
                    if verdict == "admitted":
                        checkin.undo_check_in(db, long.id, "captura de pantalla", desk="Mesa 1")
                    elif verdict == "admitted_attention":
                        checkin.undo_check_in(db, head.id, "captura de pantalla", desk="Mesa 1")
                QCoreApplication.sendPostedEvents()
                app.processEvents()
                suffix = "" if language == "es" else "-en"
                target = args.out / f"desk-{verdict}{suffix}.png"
                if not desk.grab().save(str(target)):
                    print(f"could not write {target}", file=sys.stderr)
                    return 1
                written.append(target)
            desk.close()
            desk.deleteLater()
        db.close()
        for path in written:
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
