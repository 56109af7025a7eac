"""Screenshots of the whole window on small screens: 1024 × 600, and 1366 × 768 at 125 %.

    python scripts/small_screen_screenshots.py [OUTPUT_FOLDER]

Each picture is taken in a process of its own (``QT_SCALE_FACTOR`` is read when Qt
starts), offscreen, on the demo event with the encounter's longest name at the floor and
four more waiting. Writes ``small-{chair,records}-1024x600-{en,es}.png`` and
``small-chair-1366x768@125-{en,es}.png`` into docs/screenshots/, and at 1024 × 600
``small-chair-point-of-order-1024x600-{en,es}.png``: a point of order on the floor with
its reason, the long name's clock paused.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHOTS = (
    # (screen width, height, scale, workspaces)
    (1024, 600, "1", ("chair", "records")),
    (1366, 768, "1.25", ("chair",)),
)


def shoot(out: Path, width: int, height: int, workspaces: tuple[str, ...], lang: str) -> None:
    """In this process: the main window at the screen's size (in logical pixels)."""
    from sqlalchemy import select

    from encounter_desk.chair import commands as speakers
    from encounter_desk.demo import build as demo
    from encounter_desk.storage.database import open_database, sqlite_url
    from encounter_desk.storage.models import Delegation, Participant, Sitting
    from encounter_desk.ui.shell.app import application, create_main_window

    app = application()
    path = Path(os.environ["ENCOUNTER_DESK_HOME"]) / "demo.sqlite"
    db = open_database(sqlite_url(path), actor="screenshots")
    demo.build_demo(db)
    with db.read() as session:
        sitting = session.scalar(select(Sitting).where(Sitting.number == 2))
        item = sitting.agenda_items[0].id
        ids = list(session.scalars(
            select(Participant.id).join(Delegation).order_by(Participant.id)))[:6]
        long_name = session.scalar(select(Participant.id).where(
            Participant.first_surname == "Fernández de Córdoba"))
        sitting_id = sitting.id
    for pid in [long_name, *ids[:4]]:
        speakers.add_speaker(db, sitting_id, item, pid)
    speakers.start_next(db, sitting_id, item)
    db.close()
    window = create_main_window(sqlite_url(path), language=lang)
    scale = float(os.environ.get("QT_SCALE_FACTOR", "1"))
    window.resize(round(width / scale), round(height / scale) - 30)  # a taskbar's worth less
    window.show()
    for key in workspaces:
        workspace = window.show_workspace(key)
        if key == "chair":
            workspace.select(sitting_id, item)
        for _ in range(3):
            app.processEvents()
        tag = f"{width}x{height}" + ("" if scale == 1 else f"@{round(scale * 100)}")
        target = out / f"small-{key}-{tag}-{lang}.png"
        window.grab().save(str(target))
        print("wrote", target, window.size().toTuple(), window.minimumSizeHint().toTuple())
        if key == "chair" and width == 1024:
            point_of_order(window, workspace, sitting_id, item, ids[5], lang,
                           out / f"small-chair-point-of-order-{tag}-{lang}.png")
    window.close()


REASON_WORDS = {
    "es": "No llega la interpretación al francés a las filas del fondo del Salón Chiapas",
    "en": "No interpretation into French reaches the back rows of the Salón Chiapas",
}


def point_of_order(window, workspace, sitting_id, item, who, lang, target) -> None:  # noqa: ANN001
    """A point of order heard at once, its reason given (Ctrl+Shift+M), then the picture."""
    from encounter_desk.chair import commands as speakers
    from encounter_desk.ui.shell.app import application

    point = speakers.add_speaker(workspace.db, sitting_id, item, who, kind="point_of_order")
    speakers.start_speech(workspace.db, point.id)
    speakers.set_point_reason(workspace.db, point.id, "interpretation", REASON_WORDS[lang])
    workspace.reload()
    for _ in range(3):
        application().processEvents()
    window.grab().save(str(target))
    print("wrote", target)


def main(argv: list[str]) -> int:
    if len(argv) > 2 and argv[1] == "--one":
        _flag, out, width, height, lang, *workspaces = argv[1:]
        shoot(Path(out), int(width), int(height), tuple(workspaces), lang)
        return 0
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    for width, height, scale, workspaces in SHOTS:
        for lang in ("en", "es"):
            with tempfile.TemporaryDirectory() as tmp:
                env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR=scale,
                           ENCOUNTER_DESK_HOME=tmp, ENCOUNTER_DESK_ACTOR="screenshots")
                subprocess.run([sys.executable, __file__, "--one", str(out), str(width),
                                str(height), lang, *workspaces], env=env, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
