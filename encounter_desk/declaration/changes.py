"""The "changes" view: insertions and deletions marked word by word against the draft.

:func:`word_diff` compares two texts as words, spaces and punctuation (``difflib`` on the
tokens), so a changed word is struck out and its replacement marked as inserted, the rest
left as it was — as OpenSlides shows the amendments of a motion. :func:`changes` walks the
whole declaration in the draft's order: unchanged paragraphs, amended ones with their
marks, inserted ones wholly inserted, deleted ones wholly struck out.
:func:`amendment_changes` shows what one amendment would do to its paragraph as it stands.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from encounter_desk.declaration.consolidate import (
    AMENDED,
    DRAFT,
    INSERTED,
    consolidate,
    paragraph_now,
)
from encounter_desk.declaration.state import AmendmentRow, DeclarationState
from encounter_desk.storage.models import AmendmentKind, AmendmentStatus

EQUAL = "equal"
INSERT = "insert"
DELETE = "delete"

UNCHANGED = "unchanged"
DELETED = "deleted"

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class Segment:
    op: str
    """equal | insert | delete"""
    text: str


def tokens(value: str) -> list[str]:
    return _TOKEN.findall(value or "")


def word_diff(old: str, new: str) -> tuple[Segment, ...]:
    """``new`` against ``old``, word by word: equal, deleted and inserted runs, in order."""
    a, b = tokens(old), tokens(new)
    out: list[Segment] = []

    def push(op: str, words: list[str]) -> None:
        if not words:
            return
        joined = "".join(words)
        if out and out[-1].op == op:
            out[-1] = Segment(op, out[-1].text + joined)
        else:
            out.append(Segment(op, joined))

    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            push(EQUAL, a[i1:i2])
        else:
            push(DELETE, a[i1:i2])
            push(INSERT, b[j1:j2])
    return tuple(_absorb_spaces(out))


def _absorb_spaces(segments: list[Segment]) -> list[Segment]:
    """A lone space kept "equal" between a deletion and an insertion reads as noise:
    "~~la~~ ++las++" is clearer as "~~la ~~++las ++"; merge such spaces into the changes."""
    out: list[Segment] = []
    for index, seg in enumerate(segments):
        between = (0 < index < len(segments) - 1 and seg.op == EQUAL and not seg.text.strip()
                   and segments[index - 1].op != EQUAL and segments[index + 1].op != EQUAL)
        if between:
            out.append(Segment(DELETE, seg.text))
            out.append(Segment(INSERT, seg.text))
        else:
            out.append(seg)
    merged: list[Segment] = []
    for seg in out:
        if merged and merged[-1].op == seg.op:
            merged[-1] = Segment(seg.op, merged[-1].text + seg.text)
        else:
            merged.append(seg)
    # deletions first, then insertions, within each changed run
    ordered: list[Segment] = []
    run: list[Segment] = []
    for seg in merged + [Segment(EQUAL, "")]:
        if seg.op == EQUAL:
            ordered.extend(_join(run, DELETE) + _join(run, INSERT))
            run = []
            if seg.text:
                ordered.append(seg)
        else:
            run.append(seg)
    return ordered


def _join(run: list[Segment], op: str) -> list[Segment]:
    joined = "".join(s.text for s in run if s.op == op)
    return [Segment(op, joined)] if joined else []


@dataclass(frozen=True)
class ChangedParagraph:
    part: str
    draft_code: str
    """The draft's name ("OP3"); for an inserted paragraph, the one it follows."""
    number: int | None
    """Its number in the consolidated text; None when deleted."""
    state: str
    """unchanged | amended | inserted | deleted"""
    segments: tuple[Segment, ...]
    amendments: tuple[int, ...] = ()
    draft_id: int = 0
    """The draft paragraph it is (or, inserted, follows): what its amendments target."""

    def new_text(self) -> str:
        """The words as they now stand (nothing, when deleted)."""
        return "".join(seg.text for seg in self.segments if seg.op != DELETE)

    def plain(self, marks: tuple[str, str, str, str] = ("[-", "-]", "{+", "+}")) -> str:
        """The paragraph with its marks as text: ``[-deleted-]{+inserted+}`` by default."""
        out = []
        for seg in self.segments:
            if seg.op == DELETE:
                out.append(f"{marks[0]}{seg.text}{marks[1]}")
            elif seg.op == INSERT:
                out.append(f"{marks[2]}{seg.text}{marks[3]}")
            else:
                out.append(seg.text)
        return "".join(out)


def changes(state: DeclarationState, lang: str) -> list[ChangedParagraph]:
    """Every paragraph in the draft's order with its changes, in ``lang``."""
    text = consolidate(state)
    by_draft: dict[int, list] = {}
    for p in text.paragraphs:
        by_draft.setdefault(p.draft_id, []).append(p)
    deleted = {d.paragraph.id: d.amendment for d in text.deleted}
    out: list[ChangedParagraph] = []
    for draft in state.paragraphs:
        code = draft.code(lang)
        if draft.id in deleted:
            out.append(ChangedParagraph(draft.part, code, None, DELETED,
                                        (Segment(DELETE, draft.text(lang)),),
                                        (deleted[draft.id],), draft.id))
        for p in by_draft.get(draft.id, []):
            if p.origin == INSERTED:
                out.append(ChangedParagraph(p.part, code, p.number, INSERTED,
                                            (Segment(INSERT, p.text(lang)),), p.amendments,
                                            draft.id))
            elif p.origin == AMENDED:
                out.append(ChangedParagraph(p.part, code, p.number, AMENDED,
                                            word_diff(draft.text(lang), p.text(lang)),
                                            p.amendments, draft.id))
            elif p.origin == DRAFT:
                out.append(ChangedParagraph(p.part, code, p.number, UNCHANGED,
                                            (Segment(EQUAL, p.text(lang)),), (), draft.id))
    return out


def amendment_changes(state: DeclarationState, amendment: AmendmentRow,
                      lang: str) -> tuple[Segment, ...]:
    """What ``amendment`` does to its paragraph as it stood before it, in ``lang``."""
    alive, es, en = paragraph_now(state, amendment.paragraph_id, before=amendment)
    current = es if lang == "es" else en
    wording = amendment.wording(lang)
    if amendment.kind == AmendmentKind.INSERT_AFTER:
        return (Segment(INSERT, wording),) if wording else ()
    if amendment.kind == AmendmentKind.DELETE and \
            amendment.status != AmendmentStatus.ACCEPTED_AMENDED:
        return (Segment(DELETE, current),) if current else ()
    if not wording:
        return ()
    if not alive:
        return (Segment(INSERT, wording),)
    return word_diff(current, wording)
