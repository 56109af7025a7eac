"""The declaration as lines of text for a terminal (``encounter-desk declaration show``).

The consolidated text with each paragraph's origin (its draft name, the amendments that
shaped it), a paragraph still untranslated marked, then every amendment with its sponsors,
kind, state and time. With ``changes``, the word-by-word marks against the draft instead:
``[-deleted-]`` and ``{+inserted+}``.
"""

from __future__ import annotations

from collections import Counter

from encounter_desk.core.i18n import in_language
from encounter_desk.declaration.base import kind_label, local_time, status_label
from encounter_desk.declaration.changes import changes as changes_view
from encounter_desk.declaration.consolidate import INSERTED, consolidate
from encounter_desk.declaration.document import build_document, pending_note
from encounter_desk.declaration.state import DeclarationState, load_state
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import AmendmentStatus


def summary_line(state: DeclarationState, lang: str) -> str:
    """"DRAFT · 7 amendments: pending 3; accepted 1; …" or how it was adopted."""
    t = in_language(lang)
    if state.adopted:
        return build_document(state, lang).adoption_text
    counts = Counter(a.status for a in state.amendments)
    line = t.translate("Declaration", "DRAFT")
    if state.amendments:
        parts = "; ".join(f"{status_label(s, lang).lower()} {counts[s]}" for s in AmendmentStatus
                          if counts[s])
        line += " · " + t.translate("Declaration", "{count} amendments: {parts}").format(
            count=len(state.amendments), parts=parts)
    return line


def show_lines(db: Database, lang: str, *, changes: bool = False) -> list[str]:
    state = load_state(db)
    t = in_language(lang)
    doc = build_document(state, lang)
    out = [doc.title, summary_line(state, lang), ""]
    if doc.chapeau:
        out += [doc.chapeau, ""]
    if changes:
        for p in changes_view(state, lang):
            out.append(f"{p.draft_code:>5}  {p.plain()}")
        return out
    text = consolidate(state)
    by_id = {p.id: p for p in state.paragraphs}
    for p in text.paragraphs:
        draft = by_id[p.draft_id]
        if p.origin == INSERTED:
            origin = t.translate("Declaration", "new after {code}, amendment {numbers}").format(
                code=draft.code(lang), numbers=", ".join(str(n) for n in p.amendments))
        elif p.amendments:
            origin = t.translate("Declaration", "{code}, amendment {numbers}").format(
                code=draft.code(lang), numbers=", ".join(str(n) for n in p.amendments))
        else:
            origin = draft.code(lang)
        words = p.text(lang)
        if p.missing(lang):
            words = f"{p.text('en' if lang == 'es' else 'es')} [{pending_note(lang)}]"
        number = f"{p.number}." if p.part == "operative" else ""
        if p.part == "operative" and p.number == 1 and doc.operative_intro:
            out += ["", doc.operative_intro]
        out.append(f"{number:>4} ({origin}) {words}")
    if doc.place_date:
        out += ["", doc.place_date]
    out += ["", t.translate("Declaration", "Amendments")]
    if not state.amendments:
        out.append("  " + t.translate("Declaration", "No amendment has been proposed."))
    for a in state.amendments:
        paragraph = by_id[a.paragraph_id]
        when = local_time(a.decided_at, state.timezone)
        out.append(f"  [{a.number}] {paragraph.code(lang)} · {a.sponsors_text(lang)} · "
                   f"{kind_label(a.kind, lang)} · {status_label(a.status, lang)}"
                   + (f" {when}" if when else ""))
    return out
