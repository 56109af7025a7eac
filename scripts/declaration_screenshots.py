"""Screenshots of the Declaration workspace, taken offscreen from the app on the demo.

    python scripts/declaration_screenshots.py [OUTPUT_FOLDER]

Builds the demo in a temporary file, puts amendment 7 (Belize and Nicaragua, on operative
paragraph 8) under discussion, and writes into docs/screenshots/ (or OUTPUT_FOLDER):

* ``declaration-workbench-es.png`` and ``-en.png`` — the workbench at 1280 × 800;
* ``declaration-changes-en.png`` — the changes view against the draft;
* ``declaration-room-es.png`` — the room's screen at 1280 × 720.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]


def main(out: Path) -> None:
    with tempfile.TemporaryDirectory() as home:
        os.environ["ENCOUNTER_DESK_HOME"] = home
        from PySide6.QtWidgets import QApplication

        from encounter_desk.core import i18n
        from encounter_desk.declaration import discussion
        from encounter_desk.declaration.state import load_state
        from encounter_desk.demo.build import build_demo
        from encounter_desk.storage.database import open_database, sqlite_url
        from encounter_desk.ui.declaration import DeclarationWorkspace
        from encounter_desk.ui.shell.translations import Translators
        from encounter_desk.ui.widgets.messages import MessageBridge
        from encounter_desk.ui.widgets.workspace import AppContext

        app = QApplication.instance() or QApplication([])
        translators = Translators()
        db = open_database(sqlite_url(Path(home) / "demo.sqlite"))
        build_demo(db)
        state = load_state(db)
        seven = next(a for a in state.amendments if a.number == 7)
        discussion.discuss(db, state.id, seven.paragraph_id, seven.id)
        out.mkdir(parents=True, exist_ok=True)
        for lang in ("es", "en"):
            i18n.set_language(lang)
            translators.install(lang)
            bench = DeclarationWorkspace(AppContext(db, MessageBridge()),
                                         open_file=lambda _path: None)
            bench.room_language.setCurrentIndex(bench.room_language.findData(lang))
            bench.room_language.activated.emit(bench.room_language.currentIndex())
            bench.resize(1280, 800)
            bench.show()
            app.processEvents()
            bench.grab().save(str(out / f"declaration-workbench-{lang}.png"), "PNG", 0)
            if lang == "en":
                bench.tabs.setCurrentIndex(1)
                app.processEvents()
                bench.grab().save(str(out / "declaration-changes-en.png"), "PNG", 0)
            if lang == "es":
                room = bench.show_room()
                room.resize(1280, 720)
                app.processEvents()
                room.grab().save(str(out / "declaration-room-es.png"), "PNG", 0)
                room.close()
            bench.close()
        db.close()
    print(f"screenshots written to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
