"""Screenshots for the user guide (docs/guide/), taken offscreen from the app itself.

    python scripts/guide_screenshots.py [OUTPUT_FOLDER]

Writes into docs/guide/img/ (or OUTPUT_FOLDER), in Spanish and English:

* the desk with a verdict — by running ``scripts/desk_screenshots.py`` (``desk-*.png``);
* the chair with a running speech and the room's screen — ``scripts/chair_screenshots.py``
  (``chair.png``, ``projector-*.png``);
* the records workspace on the demo's opening sitting (``records-es.png``,
  ``records-en.png``) and the first page of that sitting's minutes
  (``minutes-es.png``, ``minutes-en.png``, rendered with pdftoppm).

Run it again after any change to the screens; the guide's pages link these files.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]


def _script(name: str):  # noqa: ANN202 - a module
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def records_shots(out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ENCOUNTER_DESK_HOME"] = str(Path(tmp) / "home")
        from PySide6.QtCore import QCoreApplication

        from encounter_desk.demo import build as demo
        from encounter_desk.event import sittings
        from encounter_desk.records.minutes import pdf as minutes_pdf
        from encounter_desk.storage.database import open_database, sqlite_url
        from encounter_desk.ui.shell.app import application, create_main_window

        path = Path(tmp) / "demo.sqlite"
        db = open_database(sqlite_url(path))
        demo.build_demo(db)
        first = sittings.list_sittings(db)[0]
        for lang in ("es", "en"):
            pdf = Path(tmp) / f"minutes-{lang}.pdf"
            minutes_pdf.write_minutes(db, first.id, pdf, lang=lang)
            if shutil.which("pdftoppm"):
                subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1",
                                "-singlefile", str(pdf), str(out / f"minutes-{lang}")], check=True)
                print(out / f"minutes-{lang}.png")
        db.close()

        app = application()
        window = create_main_window(sqlite_url(path), language="es")
        window.resize(1280, 800)
        window.show()
        records = window.show_workspace("records")
        for lang in ("es", "en"):
            window.set_language(lang)
            QCoreApplication.sendPostedEvents()
            app.processEvents()
            records.refresh()
            app.processEvents()
            target = out / f"records-{lang}.png"
            window.grab().save(str(target))
            print(target)
        window.close()


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "docs" / "guide" / "img"
    out.mkdir(parents=True, exist_ok=True)
    home = os.environ.get("ENCOUNTER_DESK_HOME")
    code = _script("desk_screenshots").main(["desk_screenshots.py", str(out)])
    code = code or _script("chair_screenshots").main(["chair_screenshots.py", str(out)])
    if not code:
        records_shots(out)
    if home is not None:
        os.environ["ENCOUNTER_DESK_HOME"] = home
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv))
