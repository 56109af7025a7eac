"""Badge sheets: 1,000 badges on A4 sheets of 8 (target: <= 8 s).

    python bench/bench_badges.py [--participants 1000] [--layout a4-8] [--keep OUT.pdf] [--json]

Builds an event of that many participants spread over every delegation (so every flag is
drawn) in a temporary folder, then times ``write_badges`` end to end: reading the
participants, signing every code, making every QR matrix, fitting names, writing the PDF.
The floor, timed in the same run: a bare reportlab canvas with the same number of pages and
badge slots, each a frame and the name in a built-in font (no flag, no QR, no fitting).
``--badges`` is another name for ``--participants``.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from _common import against_floor, describe, emit, parser, peak_rss_mib, verdict
from _event import build_event

from encounter_desk.desk.badge_pdf import write_badges

TARGET_SECONDS = 8.0


def bare_sheets(path: Path, names: list[str], layout: str) -> None:
    """The floor: ``names`` as frames with a name on pages of the layout's size."""
    from reportlab.lib.pagesizes import A4, A6
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    size = A6 if layout == "a6" else A4
    cols, rows, w, h = (1, 1, 105 * mm, 148 * mm) if layout == "a6" else (2, 4, 95 * mm, 69 * mm)
    c = Canvas(str(path), pagesize=size, pageCompression=1)
    per_page = cols * rows
    for i, name in enumerate(names):
        if i and i % per_page == 0:
            c.showPage()
        row, col = divmod(i % per_page, cols)
        x, y = col * w, size[1] - (row + 1) * h
        c.rect(x, y, w, h)
        c.setFont("Helvetica-Bold", 16)
        c.drawString(x + 5 * mm, y + h / 2, name)
    c.showPage()
    c.save()


def main() -> int:
    cli = parser(__doc__, participants=1000, aliases=("--badges",),
                 participants_help="people in the event, one badge each")
    cli.add_argument("--layout", choices=("a4-8", "a6"), default="a4-8")
    cli.add_argument("--keep", metavar="OUT.pdf", help="keep the PDF here")
    args = cli.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = build_event(Path(tmp) / "bench.sqlite", args.participants)
        out = Path(tmp) / "badges.pdf"
        start = time.perf_counter()
        count = write_badges(db, out, layout=args.layout, lang="es")
        elapsed = time.perf_counter() - start
        size = out.stat().st_size
        if args.keep:
            shutil.copy(out, args.keep)
        db.close()
        names = [f"Dip. María José Núñez Castañeda {i}" for i in range(count)]
        start = time.perf_counter()
        bare_sheets(Path(tmp) / "bare.pdf", names, args.layout)
        floor = time.perf_counter() - start
    figures = against_floor({"duration_s": elapsed}, {"duration_s": floor})
    figures.update(badges=count, layout=args.layout, ms_per_badge=elapsed / count * 1000,
                   pdf_mb=size / 1e6, peak_rss_mib=peak_rss_mib())
    print(describe(f"{count} badges ({args.layout})", figures))
    print(f"    {figures['ms_per_badge']:.1f} ms a badge, PDF {size / 1e6:.1f} MB, "
          f"peak memory (VmHWM) {figures['peak_rss_mib']:.0f} MiB")
    ok = args.layout != "a4-8" or count < 1000 or elapsed <= TARGET_SECONDS
    status = verdict(f"1,000 A4 badges <= {TARGET_SECONDS:g} s", ok)
    emit(args, "badges", args.participants, figures)
    return status


if __name__ == "__main__":
    sys.exit(main())
