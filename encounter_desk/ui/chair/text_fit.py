"""Text that fits its box: the largest font size at which a text fits a given number of lines.

Used by the painted faces (the clock, the projector): long accented names such as "María
de los Ángeles Fernández de Córdoba y Villaseñor-Echeverría" shrink before they wrap onto
a third line, and are elided only as the last resort.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter

WRAP = Qt.TextFlag.TextWordWrap


def fitted_font(
    base: QFont, text: str, width: float, height: float, *, max_px: int, min_px: int,
    lines: int = 1,
) -> QFont:
    """``base`` at the largest pixel size (from ``max_px`` down to ``min_px``) that fits."""
    font = QFont(base)
    size = max_px
    while True:
        font.setPixelSize(max(1, int(size)))
        metrics = QFontMetricsF(font)
        if lines <= 1:
            fits = metrics.horizontalAdvance(text) <= width and metrics.height() <= height
        else:
            box = metrics.boundingRect(QRectF(0, 0, width, 100_000), int(WRAP), text)
            fits = (
                box.width() <= width + 0.5
                and box.height() <= min(height, metrics.lineSpacing() * lines + 1)
            )
        if fits or size <= min_px:
            return font
        size = max(min_px, int(size * 0.92))


def draw_fitted(
    painter: QPainter, rect: QRect | QRectF, text: str, base: QFont, *, max_px: int,
    min_px: int, lines: int = 1, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
) -> None:
    """Draw ``text`` in ``rect`` at the largest size that fits (elided when nothing does)."""
    if not text:
        return
    rect = QRectF(rect)
    font = fitted_font(
        base, text, rect.width(), rect.height(), max_px=max_px, min_px=min_px, lines=lines
    )
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    flags = int(align | Qt.AlignmentFlag.AlignVCenter)
    if lines <= 1:
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, flags, shown)
    else:
        painter.drawText(rect, flags | int(WRAP), elided_lines(text, metrics, rect.width(), lines))


def elided_lines(text: str, metrics: QFontMetricsF, width: float, lines: int) -> str:
    """``text`` cut at a word and ended with "…" so that it wraps into ``lines`` lines."""
    def fits(candidate: str) -> bool:
        box = metrics.boundingRect(QRectF(0, 0, width, 100_000), int(WRAP), candidate)
        return box.height() <= metrics.lineSpacing() * lines + 1 and box.width() <= width + 0.5

    if fits(text):
        return text
    words = text.split()
    while len(words) > 1:
        words.pop()
        candidate = " ".join(words) + "…"
        if fits(candidate):
            return candidate
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
