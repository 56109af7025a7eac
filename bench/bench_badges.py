"""Badge sheets: 1,000 badges on A4 sheets of 8 (target: <= 8 s).

    python bench/bench_badges.py [--badges 1000] [--layout a4-8] [--keep OUT.pdf]

Builds an event of that many participants spread over every delegation (so every flag is
drawn) in a temporary folder, then times ``write_badges`` end to end: reading the
participants, signing every code, making every QR matrix, fitting names, writing the PDF.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _event import build_event  # noqa: E402

from encounter_desk.desk.badge_pdf import write_badges  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--badges", type=int, default=1000)
    parser.add_argument("--layout", choices=("a4-8", "a6"), default="a4-8")
    parser.add_argument("--keep", metavar="OUT.pdf", help="keep the PDF here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = build_event(Path(tmp) / "bench.sqlite", args.badges)
        out = Path(tmp) / "badges.pdf"
        start = time.perf_counter()
        count = write_badges(db, out, layout=args.layout, lang="es")
        elapsed = time.perf_counter() - start
        size = out.stat().st_size
        if args.keep:
            shutil.copy(out, args.keep)
        db.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{count} badges ({args.layout}) in {elapsed:.2f} s "
          f"({elapsed / count * 1000:.1f} ms a badge), PDF {size / 1e6:.1f} MB, "
          f"peak memory {peak_mb:.0f} MB")
    ok = args.layout != "a4-8" or args.badges < 1000 or elapsed <= 8.0
    print("target 1,000 A4 badges <= 8 s:", "met" if ok else "MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
