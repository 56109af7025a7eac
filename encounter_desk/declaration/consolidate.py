"""The consolidated text: the draft with its accepted amendments applied, never typed.

For each draft paragraph, its accepted amendments apply in the order they were decided: a
replacement gives it new words (the final wording when accepted as orally amended), a
deletion removes it, an insertion adds a new paragraph after it (after those inserted
before). Operative paragraphs are then numbered afresh, 1, 2, …; the draft's own names
(OP3) stay what the amendments refer to.

A replacement worded in one language leaves the other side empty: :attr:`TextParagraph.
missing` says so, and the documents print the other language's words with a note until
the secretariat completes the translation.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from encounter_desk.declaration.state import AmendmentRow, DeclarationState, ParagraphRow
from encounter_desk.storage.models import AmendmentKind, AmendmentStatus, DeclarationPart

DRAFT = "draft"
AMENDED = "amended"
INSERTED = "inserted"


@dataclass(frozen=True)
class TextParagraph:
    part: str
    number: int
    """Its number in the consolidated text, within its part (operative paragraphs: 1., 2.…)."""
    text_es: str
    text_en: str
    draft_id: int
    """The draft paragraph it is (or, when inserted, the one it follows)."""
    origin: str
    """draft | amended | inserted"""
    amendments: tuple[int, ...] = ()
    """The numbers of the accepted amendments that shaped it."""

    def text(self, lang: str) -> str:
        return self.text_es if lang == "es" else self.text_en

    def missing(self, lang: str) -> bool:
        """True when this language has no words here but the other one has."""
        other = self.text_en if lang == "es" else self.text_es
        return not self.text(lang) and bool(other)


@dataclass(frozen=True)
class DeletedParagraph:
    paragraph: ParagraphRow
    amendment: int


@dataclass(frozen=True)
class Consolidated:
    paragraphs: tuple[TextParagraph, ...]
    deleted: tuple[DeletedParagraph, ...]

    def part(self, part: str) -> list[TextParagraph]:
        return [p for p in self.paragraphs if p.part == part]

    @property
    def preamble(self) -> list[TextParagraph]:
        return self.part(DeclarationPart.PREAMBLE)

    @property
    def operative(self) -> list[TextParagraph]:
        return self.part(DeclarationPart.OPERATIVE)

    def missing(self, lang: str) -> list[TextParagraph]:
        return [p for p in self.paragraphs if p.missing(lang)]


def decision_order(amendments: Iterable[AmendmentRow]) -> list[AmendmentRow]:
    """Accepted amendments in the order they were decided (then by number)."""
    accepted = [a for a in amendments if a.accepted]
    return sorted(accepted, key=lambda a: (a.decided_at is None, a.decided_at, a.number))


@dataclass
class _Outcome:
    alive: bool
    text_es: str
    text_en: str
    shaped: list[int]
    inserts: list[AmendmentRow]


def _apply(paragraph: ParagraphRow, accepted: list[AmendmentRow]) -> _Outcome:
    out = _Outcome(True, paragraph.text_es, paragraph.text_en, [], [])
    for a in accepted:
        if a.kind == AmendmentKind.INSERT_AFTER:
            out.inserts.append(a)
        elif a.kind == AmendmentKind.DELETE and a.status == AmendmentStatus.ACCEPTED:
            out.alive = False
            out.shaped.append(a.number)
        else:  # a replacement, or a deletion orally amended into new words
            out.text_es, out.text_en = a.wording("es"), a.wording("en")
            out.alive = True
            out.shaped.append(a.number)
    return out


def paragraph_now(state: DeclarationState, paragraph_id: int,
                  before: AmendmentRow | None = None) -> tuple[bool, str, str]:
    """(still there, Spanish, English) of a draft paragraph as amended so far.

    ``before``: only the amendments accepted before that one count (for a pending one:
    all accepted so far) — the text an amendment is read against."""
    paragraph = state.paragraph(paragraph_id)
    if paragraph is None:
        return False, "", ""
    accepted = decision_order(a for a in state.amendments_on(paragraph_id))
    if before is not None:
        if before.accepted:
            accepted = accepted[:accepted.index(before)]
        accepted = [a for a in accepted if a.id != before.id]
    outcome = _apply(paragraph, accepted)
    return outcome.alive, outcome.text_es, outcome.text_en


def consolidate(state: DeclarationState) -> Consolidated:
    """The declaration as amended so far (or as adopted)."""
    accepted = decision_order(state.amendments)
    paragraphs: list[TextParagraph] = []
    deleted: list[DeletedParagraph] = []
    numbers = {DeclarationPart.PREAMBLE.value: 0, DeclarationPart.OPERATIVE.value: 0}

    def add(part: str, es: str, en: str, draft_id: int, origin: str,
            shaped: tuple[int, ...]) -> None:
        numbers[part] += 1
        paragraphs.append(TextParagraph(part, numbers[part], es, en, draft_id, origin, shaped))

    for p in state.paragraphs:
        outcome = _apply(p, [a for a in accepted if a.paragraph_id == p.id])
        if outcome.alive:
            add(p.part, outcome.text_es, outcome.text_en, p.id,
                AMENDED if outcome.shaped else DRAFT, tuple(outcome.shaped))
        else:
            deleted.append(DeletedParagraph(p, outcome.shaped[-1]))
        for a in outcome.inserts:
            add(p.part, a.wording("es"), a.wording("en"), p.id, INSERTED, (a.number,))
    return Consolidated(tuple(paragraphs), tuple(deleted))
