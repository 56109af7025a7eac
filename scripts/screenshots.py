"""Screenshots of the app for the README, taken offscreen on the demo event.

    python scripts/screenshots.py [OUTPUT_FOLDER]

Writes setup-es.png and setup-en.png (Setup → Participants) into docs/screenshots/.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        # Keep the user's own settings and recent files out of it.
        os.environ["ENCOUNTER_DESK_HOME"] = str(Path(tmp) / "home")
        os.environ.setdefault("ENCOUNTER_DESK_ACTOR", "screenshots")
        from PySide6.QtCore import QCoreApplication

        from encounter_desk.demo import build as demo
        from encounter_desk.storage.database import open_database, sqlite_url
        from encounter_desk.ui.shell.app import application, create_main_window

        path = Path(tmp) / "demo.sqlite"
        db = open_database(sqlite_url(path))
        demo.build_demo(db)
        db.close()

        app = application()
        window = create_main_window(sqlite_url(path), language="es")
        window.resize(1440, 860)
        window.show()
        setup = window.show_workspace("setup")
        setup.show_tab("participants")
        for language in ("es", "en"):
            window.set_language(language)
            QCoreApplication.sendPostedEvents()
            app.processEvents()
            setup.participants.fit_columns()
            app.processEvents()
            target = out / f"setup-{language}.png"
            window.grab().save(str(target))
            print(target)
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
