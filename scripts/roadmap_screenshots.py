"""Pictures of the road map and the print shop on the demo event, offscreen.

    python scripts/roadmap_screenshots.py [OUTPUT_FOLDER] [--pages FOLDER]

Writes into docs/screenshots/ (1280 x 800 for the screens, 70 dpi for the pages):

* ``records-roadmap-es.png``, ``records-print-en.png``: the Road map and Print tabs;
* ``roadmap-report-es-1.png`` … : the first pages of the road map report (Spanish);
* ``certificate-es.png``, ``certificate-en.png``: a certificate in each language;
* ``name-plate.png``: a name plate (Mexico), both faces.

``--pages FOLDER`` also renders every page of the report there (for looking, not for the
repository). Rendering a PDF needs ``pdftoppm`` (poppler-utils).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]


def render(pdf: Path, target: Path, *, first: int = 1, last: int | None = None,
           dpi: int = 70) -> list[Path]:
    prefix = target.with_suffix("")
    args = ["pdftoppm", "-r", str(dpi), "-png", "-f", str(first)]
    if last is not None:
        args += ["-l", str(last)]
    subprocess.run([*args, str(pdf), str(prefix)], check=True)
    return sorted(prefix.parent.glob(prefix.name + "-*.png"))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--pages", type=Path)
    args = parser.parse_args(argv[1:])
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        os.environ["ENCOUNTER_DESK_HOME"] = str(tmp / "home")
        from PySide6.QtCore import QCoreApplication

        from encounter_desk.demo import build as demo
        from encounter_desk.records.print_shop.certificates import (
            certificates_in,
            write_certificates,
        )
        from encounter_desk.records.print_shop.tent_cards import write_tent_cards
        from encounter_desk.records.roadmap.report_pdf import write_roadmap_report
        from encounter_desk.storage.database import open_database, sqlite_url
        from encounter_desk.ui.records import RecordsWorkspace
        from encounter_desk.ui.shell.app import application
        from encounter_desk.ui.shell.translations import Translators
        from encounter_desk.ui.widgets.messages import MessageBridge
        from encounter_desk.ui.widgets.workspace import AppContext

        db = open_database(sqlite_url(tmp / "demo.sqlite"), actor="Secretaría Técnica")
        demo.build_demo(db)
        app = application()
        translators = Translators()
        for language, tab in (("es", "roadmap"), ("en", "print_shop")):
            translators.install(language)
            records = RecordsWorkspace(AppContext(db, MessageBridge()), open_file=lambda p: None)
            records.resize(1280, 800)
            records.show()
            records.tabs.setCurrentWidget(getattr(records, tab))
            if tab == "roadmap":
                page = records.roadmap
                page.choose(next(c.id for c in page.model.rows if c.delegation_code == "SV"))
            QCoreApplication.sendPostedEvents()
            app.processEvents()
            name = f"records-{tab.replace('_shop', '')}-{language}.png"
            records.grab().save(str(args.out / name))
            print(args.out / name)
            records.close()

        report = tmp / "roadmap-es.pdf"
        write_roadmap_report(db, report, lang="es")
        for path in render(report, args.out / "roadmap-report-es.png", last=2):
            print(path)
        if args.pages:
            args.pages.mkdir(parents=True, exist_ok=True)
            render(report, args.pages / "roadmap-report-es.png")
        with db.read() as session:
            certs = certificates_in(session)
        for lang in ("es", "en"):
            pick = next(c for c in certs if c.lang == lang and len(c.name) > 24)
            pdf = tmp / f"certificate-{lang}.pdf"
            write_certificates(db, pdf, participant_ids=[pick.participant_id])
            (page,) = render(pdf, tmp / f"certificate-{lang}.png")
            page.replace(args.out / f"certificate-{lang}.png")
            print(args.out / f"certificate-{lang}.png")
        plates = tmp / "plates.pdf"
        write_tent_cards(db, plates)
        (page,) = render(plates, tmp / "plate.png", first=8, last=8, dpi=50)
        page.replace(args.out / "name-plate.png")
        print(args.out / "name-plate.png")
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
