"""The canvas every PDF of the app prints on: "page X of Y" needs the total.

:class:`CountedPagesCanvas` keeps each page as it is drawn and, when the document is
saved, stamps every page (:meth:`~CountedPagesCanvas.stamp`: the foot of the page, a
watermark) once the number of pages is known.
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from encounter_desk.core.colours import MUTED, RULE


class CountedPagesCanvas(Canvas):
    """Keeps its pages and calls :meth:`stamp` on each when saved, in its own graphics state."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self.saveState()
            self.stamp(number, total)
            self.restoreState()
            super().showPage()
        super().save()

    def stamp(self, number: int, total: int) -> None:
        """Draw what page ``number`` of ``total`` carries once the total is known."""
        raise NotImplementedError

    def foot(self, *, reference: str, page: str, font: str, margin: float, rule_y: float,
             text_y: float) -> None:
        """A rule across the foot, the reference on the left and ``page`` on the right."""
        width = self._pagesize[0]
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(margin, rule_y, width - margin, rule_y)
        self.setFillColor(MUTED)
        self.setFont(font, 8)
        self.drawString(margin, text_y, reference)
        self.drawRightString(width - margin, text_y, page)
