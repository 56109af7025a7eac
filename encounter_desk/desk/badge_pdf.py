"""Badge sheets as PDF (reportlab): A6, one badge a page, or sheets of 8 with cut marks (Letter or A4).

A badge shows the event's name and dates, the delegation (a member country's name and flag,
or the organization for other groups), the title and name, the role, and the QR code with
its text underneath (a code typed by hand from the badge verifies the same).

* Fonts: DejaVu Sans (regular and bold) ships inside the package (``resources/fonts``), so
  every accent renders the same on Linux, Windows and macOS.
* Names are never cut: the name shrinks down to a minimum on one line, then wraps onto 2
  or 3 balanced lines, then shrinks further; widths are measured with
  :func:`reportlab.pdfbase.pdfmetrics.stringWidth`.
* Flags are PNGs pre-rendered from the ``flag-icons`` SVGs (MIT) in ``resources/flags``
  (``scripts/render_flags.py`` says why not the SVGs at run time); reportlab embeds each
  once per PDF, however many badges show it.
* The QR matrix comes from the ``qrcode`` library (alphanumeric mode, error correction M)
  and is drawn as vector rectangles, so it stays sharp at any print resolution.
"""

from __future__ import annotations

import functools
import io
import itertools
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import qrcode
from qrcode.util import MODE_ALPHA_NUM, QRData
from reportlab.lib import colors
from reportlab.lib.pagesizes import A6
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from encounter_desk.core.files import atomic_output
from encounter_desk.core.fonts import BOLD, REGULAR, register_fonts
from encounter_desk.core.i18n import language, translate
from encounter_desk.core.paper import check_paper, page_size, paper_of
from encounter_desk.core.progress import Progress, or_quiet
from encounter_desk.desk.badges import BadgeData, BadgeError, load_badges
from encounter_desk.event.badge_code import grouped
from encounter_desk.event.event import find_event
from encounter_desk.storage.database import Database

LAYOUTS = ("a6", "a4-8")
FLAG_CODES = ("bz", "ca", "cr", "sv", "us", "gt", "hn", "mx", "ni", "pa", "do")

INK = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#555555")
BAND = colors.HexColor("#1F3A5F")
CUT = colors.HexColor("#888888")

# Sheets of 2 x 4: badges of 95 x 69 mm (A4) or 95 x 64 mm (Letter, which is 18 mm shorter)
# that touch, cut along the grid; the margins keep the cut marks on the printable page.
A4_COLS, A4_ROWS = 2, 4
A4_BADGE_W, A4_BADGE_H = 95 * mm, 69 * mm
SHEET_BADGE_H = {"a4": A4_BADGE_H, "letter": 64 * mm}


# --- resources ----------------------------------------------------------------------------

@functools.cache
def flag_image(iso2: str) -> str | ImageReader | None:
    """A member country's flag (4:3 PNG) for ``Canvas.drawImage``, or None.

    A file name where the package sits on disk: reportlab then embeds each flag once per
    PDF however many badges show it.
    """
    iso2 = iso2.lower()
    if iso2 not in FLAG_CODES:
        return None
    source = resources.files("encounter_desk.resources").joinpath("flags", f"{iso2}.png")
    if isinstance(source, Path) and source.is_file():
        return str(source)
    try:
        return ImageReader(io.BytesIO(source.read_bytes()))
    except (FileNotFoundError, OSError):
        return None


def draw_flag(c: Canvas, iso2: str, x: float, y: float, width: float, height: float) -> bool:
    """Draw a flag in the box with a hairline frame; False when there is no such flag."""
    image = flag_image(iso2)
    if image is None:
        return False
    c.drawImage(image, x, y, width, height)
    c.setStrokeColor(colors.HexColor("#BBBBBB"))
    c.setLineWidth(0.3)
    c.rect(x, y, width, height, stroke=1, fill=0)
    return True


# --- fitting text -------------------------------------------------------------------------

def _width(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font, size)


def _balanced(words: Sequence[str], unit: dict[str, float], space: float, lines: int):  # noqa: ANN202
    """Split ``words`` into exactly ``lines`` lines with the narrowest widest line.

    Returns (widest line at size 1, the lines) or None when there are too few words.
    """
    if lines > len(words):
        return None
    best = None
    for cuts in itertools.combinations(range(1, len(words)), lines - 1):
        bounds = (0, *cuts, len(words))
        groups = [words[a:b] for a, b in itertools.pairwise(bounds)]
        widest = max(sum(unit[w] for w in g) + space * (len(g) - 1) for g in groups)
        if best is None or widest < best[0]:
            best = (widest, [" ".join(g) for g in groups])
    return best


def fit_text(
    text: str,
    font: str,
    *,
    width: float,
    height: float,
    max_size: float,
    min_size: float,
    max_lines: int = 3,
    leading: float = 1.15,
    floor: float = 4.0,
) -> tuple[float, list[str]]:
    """(font size, lines) to set ``text`` in a ``width`` x ``height`` box without cutting it.

    First one line, shrinking from ``max_size`` to ``min_size``; then 2..``max_lines``
    balanced lines, again from ``max_size`` down; then smaller than ``min_size`` (down to
    ``floor``); a single word wider than the box is finally broken between characters.
    """
    words = text.split()
    if not words:
        return max_size, []
    unit = {w: _width(w, font, 1.0) for w in words}
    space = _width(" ", font, 1.0)
    steps = int(round((max_size - min_size) / 0.5))
    sizes = [max_size - 0.5 * i for i in range(steps + 1)]
    for lines in range(1, max_lines + 1):
        split = _balanced(words, unit, space, lines)
        if split is None:
            break
        widest, content = split
        for size in sizes:
            if widest * size <= width and lines * size * leading <= height:
                return size, content
    size = min_size
    while size - 0.5 >= floor:
        size -= 0.5
        for lines in range(1, max_lines + 1):
            split = _balanced(words, unit, space, lines)
            if split is None:
                break
            widest, content = split
            if widest * size <= width and lines * size * leading <= height:
                return size, content
    return floor, _hard_wrap(text, font, floor, width)


def _hard_wrap(text: str, font: str, size: float, width: float) -> list[str]:
    lines, current = [], ""
    for char in " ".join(text.split()):
        if current and _width(current + char, font, size) > width:
            lines.append(current.rstrip())
            current = char.lstrip()
        else:
            current += char
    if current:
        lines.append(current)
    return lines


def _draw_lines(
    c: Canvas,
    lines: list[str],
    font: str,
    size: float,
    x: float,
    top: float,
    *,
    width: float,
    align: str = "left",
    leading: float = 1.15,
) -> float:
    """Draw lines from ``top`` downwards; returns the y below the last line."""
    c.setFont(font, size)
    y = top
    for line in lines:
        y -= size * leading
        baseline = y + size * 0.22
        if align == "center":
            c.drawCentredString(x + width / 2, baseline, line)
        else:
            c.drawString(x, baseline, line)
    return y


# --- the QR code --------------------------------------------------------------------------

def qr_matrix(code: str) -> list[list[bool]]:
    """The QR module matrix of ``code`` (alphanumeric mode, error correction M, no border)."""
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    qr.add_data(QRData(code.encode("ascii"), mode=MODE_ALPHA_NUM))
    qr.make(fit=True)
    return qr.get_matrix()


def draw_qr(c: Canvas, code: str, x: float, y: float, size: float) -> None:
    """The QR code in a ``size`` square (quiet zone of 4 modules included) at (x, y)."""
    matrix = qr_matrix(code)
    n = len(matrix)
    module = size / (n + 8)
    left, top = x + 4 * module, y + size - 4 * module
    c.setFillColor(colors.white)
    c.rect(x, y, size, size, stroke=0, fill=1)
    path = c.beginPath()
    for r, row in enumerate(matrix):
        col = 0
        while col < n:
            if row[col]:
                start = col
                while col < n and row[col]:
                    col += 1
                path.rect(left + start * module, top - (r + 1) * module,
                          (col - start) * module, module)
            else:
                col += 1
    c.setFillColor(colors.black)
    c.drawPath(path, stroke=0, fill=1)


def _fitted(
    c: Canvas,
    text: str,
    font: str,
    colour: colors.Color,
    x: float,
    top: float,
    *,
    width: float,
    height: float,
    sizes: tuple[float, float],
    max_lines: int,
    align: str = "left",
    leading: float = 1.15,
) -> float:
    """``text`` in ``colour``, at the largest size in ``sizes`` (largest, smallest) that fits
    the box, drawn from ``top`` downwards; returns the y below the last line."""
    c.setFillColor(colour)
    size, lines = fit_text(text, font, width=width, height=height, max_size=sizes[0],
                           min_size=sizes[1], max_lines=max_lines, leading=leading)
    return _draw_lines(c, lines, font, size, x, top, width=width, align=align, leading=leading)


# --- one badge ----------------------------------------------------------------------------

def _delegation_line(badge: BadgeData) -> str:
    if badge.flag:
        return badge.delegation_name
    return badge.organization or badge.delegation_name


def _secondary_line(badge: BadgeData) -> str:
    """For a non-country group with an organization: the group's name, smaller."""
    if badge.flag or not badge.organization:
        return ""
    return badge.delegation_name if badge.delegation_name != badge.organization else ""


def _band(c: Canvas, badge: BadgeData, x: float, y: float, w: float, band_h: float,
          name_max: float, date_size: float) -> float:
    """The coloured band with the event's name and dates along the top edge ``y`` of a
    badge; returns the y of its lower edge."""
    c.setFillColor(BAND)
    c.rect(x, y - band_h, w, band_h, stroke=0, fill=1)
    pad = 3 * mm
    c.setFillColor(colors.white)
    size, lines = fit_text(badge.event_name, BOLD, width=w - 2 * pad,
                           height=band_h - date_size * 1.6 - 2 * mm, max_size=name_max,
                           min_size=name_max * 0.75, max_lines=2)
    block = len(lines) * size * 1.15 + date_size * 1.3
    bottom = _draw_lines(c, lines, BOLD, size, x + pad, y - (band_h - block) / 2,
                         width=w - 2 * pad, align="center")
    c.setFont(REGULAR, date_size)
    c.drawCentredString(x + w / 2, bottom - date_size * 1.0, badge.event_dates)
    return _category_band(c, badge, x, y - band_h, w, band_h * 0.42)


def _category_band(c: Canvas, badge: BadgeData, x: float, y: float, w: float,
                   band_h: float) -> float:
    """The category's band and word below the event's; returns the y of its lower edge."""
    if not badge.category_word:
        return y
    c.setFillColor(colors.HexColor(badge.category_colour))
    c.rect(x, y - band_h, w, band_h, stroke=0, fill=1)
    c.setFillColor(colors.white)
    size, lines = fit_text(badge.category_word, BOLD, width=w - 4 * mm, height=band_h * 0.8,
                           max_size=band_h / mm * 2.2, min_size=5, max_lines=1)
    c.setFont(BOLD, size)
    c.drawCentredString(x + w / 2, y - band_h / 2 - size * 0.35, lines[0] if lines else "")
    return y - band_h


def draw_badge_landscape(c: Canvas, badge: BadgeData,
                         x: float, y: float, w: float, h: float) -> None:
    """A 95 x 69 mm (A4 sheets) or 95 x 64 mm (Letter) badge with its bottom-left corner at
    (x, y)."""
    below_band = _band(c, badge, x, y + h, w, 12 * mm, 9.5, 7)
    pad = 4 * mm
    qr_size = 31 * mm
    qr_x = x + w - qr_size - 2 * mm
    qr_y = y + 5 * mm
    draw_qr(c, badge.code, qr_x, qr_y, qr_size)
    c.setFillColor(MUTED)
    c.setFont(REGULAR, 5.5)
    c.drawCentredString(qr_x + qr_size / 2, y + 2.6 * mm, grouped(badge.code))

    text_x = x + pad
    text_w = qr_x - text_x - 2 * mm
    cursor = below_band - 3 * mm
    # delegation: flag and country, or the organization and (smaller) its group
    secondary = _secondary_line(badge)
    row_h = 7.5 * mm if not secondary else 11 * mm
    label_x, label_w = text_x, text_w
    if badge.flag and draw_flag(c, badge.flag, text_x, cursor - row_h, row_h * 4 / 3, row_h):
        label_x = text_x + row_h * 4 / 3 + 2 * mm
        label_w = text_w - (label_x - text_x)
    c.setFillColor(INK)
    main_h = row_h - (3.2 * mm if secondary else 0)
    size, lines = fit_text(_delegation_line(badge), BOLD, width=label_w, height=main_h,
                           max_size=10, min_size=7.5, max_lines=2)
    used = len(lines) * size * 1.15
    block_top = cursor - max(0.0, (main_h - used) / 2) if not secondary else cursor
    bottom = _draw_lines(c, lines, BOLD, size, label_x, block_top, width=label_w)
    if secondary:
        _fitted(c, secondary, REGULAR, MUTED, label_x, bottom, width=label_w, height=3.2 * mm,
                sizes=(7, 5.5), max_lines=1)
    cursor -= row_h + 3 * mm

    # title and name
    c.setFillColor(MUTED)
    if badge.title:
        cursor = _draw_lines(c, [badge.title], REGULAR, 8, text_x, cursor, width=text_w)
    role_reserve = 9 * mm
    cursor = _fitted(c, badge.name, BOLD, INK, text_x, cursor, width=text_w,
                     height=cursor - (y + role_reserve), sizes=(17, 12), max_lines=3,
                     leading=1.12)

    # role
    _fitted(c, badge.role, REGULAR, MUTED, text_x, cursor - 1 * mm, width=text_w,
            height=role_reserve - 2 * mm, sizes=(8, 6.5), max_lines=2)


def draw_badge_portrait(c: Canvas, badge: BadgeData,
                        x: float, y: float, w: float, h: float) -> None:
    """An A6 badge (105 x 148 mm) with its bottom-left corner at (x, y)."""
    below_band = _band(c, badge, x, y + h, w, 22 * mm, 13, 9)
    pad = 7 * mm
    text_w = w - 2 * pad
    cursor = below_band - 6 * mm

    # delegation: flag above the name, centred
    if badge.flag:
        flag_h = 15 * mm
        flag_w = flag_h * 4 / 3
        if draw_flag(c, badge.flag, x + (w - flag_w) / 2, cursor - flag_h, flag_w, flag_h):
            cursor -= flag_h + 2 * mm
    cursor = _fitted(c, _delegation_line(badge), BOLD, INK, x + pad, cursor, width=text_w,
                     height=12 * mm, sizes=(14, 10), max_lines=2, align="center")
    secondary = _secondary_line(badge)
    if secondary:
        cursor = _fitted(c, secondary, REGULAR, MUTED, x + pad, cursor, width=text_w,
                         height=5 * mm, sizes=(9, 7), max_lines=1, align="center")
    cursor -= 5 * mm

    qr_size = 42 * mm
    qr_y = y + 8 * mm
    draw_qr(c, badge.code, x + (w - qr_size) / 2, qr_y, qr_size)
    c.setFillColor(MUTED)
    c.setFont(REGULAR, 7)
    c.drawCentredString(x + w / 2, y + 4.5 * mm, grouped(badge.code))

    if badge.title:
        c.setFillColor(MUTED)
        cursor = _draw_lines(c, [badge.title], REGULAR, 11, x + pad, cursor, width=text_w,
                             align="center")
    role_reserve = 11 * mm
    cursor = _fitted(c, badge.name, BOLD, INK, x + pad, cursor, width=text_w,
                     height=cursor - (qr_y + qr_size + role_reserve + 2 * mm), sizes=(24, 16),
                     max_lines=3, align="center", leading=1.12)
    _fitted(c, badge.role, REGULAR, MUTED, x + pad, cursor - 1.5 * mm, width=text_w,
            height=role_reserve, sizes=(11, 8), max_lines=2, align="center")


# --- sheets -------------------------------------------------------------------------------

def _cut_marks(c: Canvas, left: float, bottom: float, badge_h: float) -> None:
    """Short marks in the margins along every cut line of the 2 x 4 grid."""
    c.setStrokeColor(CUT)
    c.setLineWidth(0.4)
    gap, length = 1.5 * mm, 5 * mm
    right = left + A4_COLS * A4_BADGE_W
    top = bottom + A4_ROWS * badge_h
    for i in range(A4_COLS + 1):
        x = left + i * A4_BADGE_W
        c.line(x, top + gap, x, top + gap + length)
        c.line(x, bottom - gap, x, bottom - gap - length)
    for j in range(A4_ROWS + 1):
        y = bottom + j * badge_h
        c.line(left - gap, y, left - gap - length, y)
        c.line(right + gap, y, right + gap + length, y)


def check_layout(layout: str) -> None:
    if layout not in LAYOUTS:
        raise BadgeError(translate("Badges", "Unknown badge layout {layout}; use one of: "
                                   "{choices}.").format(layout=layout, choices=", ".join(LAYOUTS)),
                         "badge.layout")


def render_badges(badges: Sequence[BadgeData], out: Path, layout: str = "a4-8",
                  paper: str = "a4", progress: Progress | None = None) -> int:
    """Draw ``badges`` into the PDF ``out``; returns the number of pages. Sheets of 8 go on
    ``paper`` ("letter" or "a4"); A6 badges are their own paper."""
    check_layout(layout)
    check_paper(paper)
    register_fonts()
    progress = or_quiet(progress)
    with atomic_output(Path(out)) as tmp:
        c, pages = _render(badges, tmp, layout, paper, progress)
        progress.saving(Path(out).name)
        c.save()
    return pages


def _render(badges: Sequence[BadgeData], path: Path, layout: str, paper: str,
            progress: Progress) -> tuple[Canvas, int]:
    drawn = progress.steps(len(badges), translate("Badges", "Drawing {count} badges…").format(
        count=len(badges)))
    size = A6 if layout == "a6" else page_size(paper)
    badge_h = SHEET_BADGE_H[paper]
    c = Canvas(str(path), pagesize=size, pageCompression=1, initialFontName=REGULAR)
    c.setTitle(translate("Badges", "Badges"))
    c.setCreator("Encounter Desk")
    if badges:
        c.setSubject(badges[0].event_name)
    left = (size[0] - A4_COLS * A4_BADGE_W) / 2
    bottom = (size[1] - A4_ROWS * badge_h) / 2
    per_page = 1 if layout == "a6" else A4_COLS * A4_ROWS
    for start in range(0, len(badges), per_page):
        for i, badge in enumerate(badges[start : start + per_page]):
            if layout == "a6":
                draw_badge_portrait(c, badge, 0, 0, size[0], size[1])
            else:
                row, col = divmod(i, A4_COLS)
                draw_badge_landscape(c, badge, left + col * A4_BADGE_W,
                                     bottom + (A4_ROWS - 1 - row) * badge_h, A4_BADGE_W, badge_h)
            drawn(start + i + 1)
        if layout != "a6":
            _cut_marks(c, left, bottom, badge_h)
        c.showPage()
    return c, -(-len(badges) // per_page)  # the pages: sheets rounded up


def write_badges(
    db: Database,
    out: Path,
    participant_ids: list[int] | None = None,
    layout: str = "a4-8",
    *,
    lang: str | None = None,
    paper: str | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the badges of ``participant_ids`` (everyone when None) to the PDF ``out``.

    ``layout`` is ``"a6"`` (one badge a page, for badge holders) or ``"a4-8"`` (A4 sheets
    of 8 with cut marks) on ``paper`` ("letter" or "a4"; default: the event's). Returns the
    number of badges written. Raises :class:`~encounter_desk.desk.badges.BadgeError` for an
    unknown participant or layout, or when there is nobody to print; nothing is written then.
    ``progress`` hears of every badge; cancelling it leaves no file.
    """
    lang = lang or language()
    check_layout(layout)
    if paper is not None:
        check_paper(paper)
    with db.read() as session:
        badges = load_badges(session, participant_ids, lang)
        event = find_event(session)
        paper = paper or (paper_of(event.paper, event.country) if event else "a4")
    if not badges:
        raise BadgeError(translate("Badges", "There are no participants to print badges for."),
                         "badge.nobody")
    render_badges(badges, Path(out), layout, paper, progress)
    return len(badges)
