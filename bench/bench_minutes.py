"""Minutes and event report at scale: 500 attendees and 300 interventions per sitting.

    python bench/bench_minutes.py [--participants 500] [--interventions 300] [--sittings 5]
                                  [--json]

Builds a temporary SQLite event (Core inserts, no audit rows) whose participants all attend
every sitting, then times ``write_minutes`` for one sitting (target <= 1.5 s) and
``write_event_report`` for all the sittings (target <= 5 s), and prints the figures with the
peak Python memory of each. The floor of each, timed in the same run: a bare reportlab
document (SimpleDocTemplate, built-in font) of as many pages, each full of plain paragraphs. ``--attendees`` is another name for ``--participants``. With
``--json`` the last line holds the minutes' figures at the top and the report's under
``"event_report"``.
"""

from __future__ import annotations

import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from _common import against_floor, describe, emit, parser, verdict
from _event import add_sitting_records, build_event

from encounter_desk.records.minutes.pdf import write_event_report, write_minutes

TARGET_MINUTES = 1.5
TARGET_REPORT = 5.0
PARAGRAPHS_A_PAGE = 30


def bare_document(path: Path, pages: int) -> None:
    """The floor: a plain reportlab document of ``pages`` pages full of paragraphs."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    body = getSampleStyleSheet()["BodyText"]
    story = []
    for page in range(pages):
        if page:
            story.append(PageBreak())
        story += [Paragraph(f"{k}. Dip. María José Núñez Castañeda (México), presente", body)
                  for k in range(PARAGRAPHS_A_PAGE)]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def timed(label: str, work, out: Path) -> dict[str, float]:  # noqa: ANN001
    """Best of three timed runs of ``work`` (which writes ``out``), then one more under
    tracemalloc for the peak memory (tracemalloc slows Python down several times, so it
    never runs while timing); then the floor's best of three, for as many pages."""
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        work()
        runs.append(time.perf_counter() - started)
    tracemalloc.start()
    work()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    floors, count = [], pages(out)
    for _ in range(3):
        started = time.perf_counter()
        bare_document(out.with_name("bare.pdf"), count)
        floors.append(time.perf_counter() - started)
    figures = against_floor({"duration_s": min(runs), "worst_s": max(runs)},
                            {"duration_s": min(floors)})
    figures.update(peak_python_mib=peak / 2**20, pages=count,
                   floor_pages=pages(out.with_name("bare.pdf")))
    print(describe(f"{label} (best of 3)", figures))
    print(f"    worst {max(runs):.2f} s, peak Python memory {peak / 2**20:.1f} MiB")
    return figures


def main() -> int:
    cli = parser(__doc__, participants=500, aliases=("--attendees",),
                 participants_help="people in the event, all attending every sitting")
    cli.add_argument("--interventions", type=int, default=300, help="speeches a sitting")
    cli.add_argument("--sittings", type=int, default=5)
    args = cli.parse_args()
    people, speeches, count = args.participants, args.interventions, args.sittings
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = build_event(folder / "bench.sqlite", people)
        ids = add_sitting_records(db, people, speeches, count)
        # Untimed warm-up: font registration and module imports happen once per process.
        write_minutes(db, ids[0], folder / "warm.pdf", lang="es")
        bare_document(folder / "warm-bare.pdf", 1)
        minutes = timed(
            f"minutes, {people} attendees and {speeches} interventions",
            lambda: write_minutes(db, ids[0], folder / "minutes.pdf", lang="es"),
            folder / "minutes.pdf")
        report = timed(
            f"event report, {count} such sittings",
            lambda: write_event_report(db, folder / "report.pdf", lang="es"),
            folder / "report.pdf")
        print(f"pages: minutes {minutes['pages']}, event report {report['pages']}")
        db.close()
    ok = minutes["duration_s"] <= TARGET_MINUTES and report["duration_s"] <= TARGET_REPORT
    status = verdict(f"minutes <= {TARGET_MINUTES} s, report <= {TARGET_REPORT} s", ok)
    emit(args, "minutes", people, {"interventions": speeches, "sittings": count, **minutes,
                                   "event_report": report})
    return status


if __name__ == "__main__":
    sys.exit(main())
