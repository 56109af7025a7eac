"""Pre-render the member countries' flags to PNG for the badge sheets (run once, by hand).

    apt-get install librsvg2-bin   # rsvg-convert; only this script needs it
    python scripts/render_flags.py

Source: the 4x3 SVGs of the ``flag-icons`` npm package (MIT, see
``resources/flags/LICENSE-flag-icons.txt``: ``npm pack flag-icons``, then
``flags/4x3/xx.svg``), kept beside the PNGs in ``resources/flags``.

Why PNGs and not the SVGs at run time: svglib, the pure-Python SVG reader for reportlab,
drops SVG markers (the stars of the US flag are markers); drawn once per PDF as a
reportlab form XObject its shadings lose their ExtGState resources and poppler reports the
page as broken; drawn inline, the Mexican and Salvadoran coats of arms would make a
1,000-badge PDF tens of megabytes. librsvg renders every flag right; a 320 x 240 PNG is
sharp at the 10-20 mm a badge prints a flag at, and reportlab embeds each image once per
document however many badges show it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

FLAGS = Path(__file__).resolve().parents[1] / "resources" / "flags"
WIDTH, HEIGHT = 320, 240


def main() -> int:
    rsvg = shutil.which("rsvg-convert")
    if rsvg is None:
        print("rsvg-convert is missing: apt-get install librsvg2-bin", file=sys.stderr)
        return 1
    svgs = sorted(FLAGS.glob("*.svg"))
    if not svgs:
        print(f"no SVG flags in {FLAGS}", file=sys.stderr)
        return 1
    for svg in svgs:
        out = svg.with_suffix(".png")
        subprocess.run(
            [rsvg, "-w", str(WIDTH), "-h", str(HEIGHT), "-f", "png", "-o", str(out), str(svg)],
            check=True,
        )
        flatten(out)
        print(out)
    return 0


def flatten(png: Path) -> None:
    """Opaque RGB (flags have no transparency; reportlab then needs no soft mask)."""
    from PIL import Image

    with Image.open(png) as image:
        rgba = image.convert("RGBA")
    flat = Image.new("RGB", rgba.size, "white")
    flat.paste(rgba, mask=rgba.getchannel("A"))
    flat.save(png, optimize=True)


if __name__ == "__main__":
    sys.exit(main())
