"""Screenshots of the Chair workspace and the room's screen during a speech, offscreen.

    python scripts/chair_screenshots.py [OUTPUT_FOLDER] [--translations DONE.json]

Builds the demo event in a temporary file, puts five speakers on the list of session 2
(the first one the encounter's longest name), gives the floor on a fake clock and saves
into docs/screenshots/: ``chair.png`` (the workspace in English, 1280 x 800, with the
projector in Spanish) and ``projector-normal.png``, ``projector-warning.png``,
``projector-overtime.png`` (the room's screen in Spanish, 1280 x 720).

``--translations`` merges extra Spanish translations (a JSON list of {"context",
"source", "translation"}) into the catalogue for this run only, to preview texts not yet
in ``resources/translations/encounter_desk_es.ts``.
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
START = dt.datetime(2017, 9, 4, 17, 2, 0, tzinfo=dt.UTC)  # 12:02 in Tapachula, session 2


class FakeTime:
    """One fake wall clock and one fake monotonic clock that move together."""

    def __init__(self) -> None:
        self.wall_now = START
        self.mono_now = 1000.0

    def wall(self) -> dt.datetime:
        return self.wall_now

    def monotonic(self) -> float:
        return self.mono_now

    def advance(self, seconds: float) -> None:
        self.wall_now += dt.timedelta(seconds=seconds)
        self.mono_now += seconds


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--translations", type=Path, action="append", default=[])
    args = parser.parse_args(argv[1:])
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ENCOUNTER_DESK_HOME"] = str(Path(tmp) / "home")
        os.environ.setdefault("ENCOUNTER_DESK_ACTOR", "screenshots")
        from sqlalchemy import select

        from encounter_desk.chair import commands as speakers
        from encounter_desk.core import i18n
        from encounter_desk.demo import build as demo
        from encounter_desk.storage.database import open_database, sqlite_url
        from encounter_desk.storage.models import Delegation, Participant, Sitting, SpeechKind
        from encounter_desk.ui.chair.chair_workspace import ChairWorkspace
        from encounter_desk.ui.shell.app import application
        from encounter_desk.ui.shell.translations import Translators
        from encounter_desk.ui.widgets.messages import MessageBridge
        from encounter_desk.ui.widgets.workspace import AppContext

        table = i18n.catalogue("es")
        for extra_file in args.translations:
            for entry in json.loads(extra_file.read_text(encoding="utf-8")):
                if entry.get("translation"):
                    table[(entry["context"], entry["source"])] = entry["translation"]

        app = application()
        Translators().install("en")
        fake = FakeTime()
        db = open_database(sqlite_url(Path(tmp) / "demo.sqlite"), actor="screenshots",
                           clock=fake.wall)
        demo.build_demo(db)
        with db.read() as session:
            sitting = session.scalar(select(Sitting).where(Sitting.number == 2))
            item = sitting.agenda_items[0].id
            sitting_id = sitting.id

            def person(code: str, n: int = 0, surname: str | None = None) -> int:
                query = select(Participant).join(Delegation).where(Delegation.code == code)
                if surname:
                    query = query.where(Participant.first_surname == surname)
                return list(session.scalars(query.order_by(Participant.id)))[n].id

            long_name = person("MX", surname="Fernández de Córdoba")
            others = [person("CA", 0), person("GT", 0), person("US", 1), person("SV", 0)]
        for pid in [long_name, *others]:
            speakers.add_speaker(db, sitting_id, item, pid)
        fake.advance(5)

        context = AppContext(db, MessageBridge())
        workspace = ChairWorkspace(context, monotonic=fake.monotonic, wall=fake.wall)
        workspace.floor.stop_ticking()
        workspace.select(sitting_id, item)
        workspace.floor.set_projector_language("es")
        workspace.resize(1280, 800)
        workspace.show()
        workspace.next_speaker()
        fake.advance(1)
        # a reply waits for the speech on the floor
        speakers.add_speaker(db, sitting_id, item, person_id(db, "HN"),
                             kind=SpeechKind.RIGHT_OF_REPLY)
        workspace.reload()
        workspace.current_panel.summary.setText(
            "Propone un registro regional de mujeres migrantes desaparecidas.")
        fake.advance(40)
        projector = workspace.show_projector()
        projector.showNormal()
        projector.resize(1280, 720)

        def shoot(widget, name: str) -> None:
            workspace.floor.tick()
            app.processEvents()
            widget.grab().save(str(args.out / name))
            print("wrote", args.out / name)

        shoot(workspace, "chair.png")
        shoot(projector, "projector-normal.png")
        limit = workspace.floor.clock.limit_seconds
        assert limit is not None
        fake.advance(limit - workspace.floor.clock.elapsed() - 22)  # 22 s left: the warning
        shoot(projector, "projector-warning.png")
        fake.advance(22 + 12)  # 12 s over: "+0:12"
        shoot(projector, "projector-overtime.png")
        shoot(workspace, "chair-overtime.png")
        workspace.close()
        projector.close()
        db.close()
    return 0


def person_id(db, code: str) -> int:  # noqa: ANN001
    from sqlalchemy import select

    from encounter_desk.storage.models import Delegation, Participant

    with db.read() as session:
        query = select(Participant.id).join(Delegation).where(Delegation.code == code)
        return session.scalars(query.order_by(Participant.id)).first()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
