"""Insertions and deletions as the eye reads them: HTML for the views, the room and the lists.

Deleted words are struck through in red, inserted words underlined in green, as track
changes in a word processor and OpenSlides' amendment view show them; the colours are also
said in words in each view's legend, so they never carry the meaning alone.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from encounter_desk.declaration.changes import DELETE, INSERT, ChangedParagraph, Segment

INSERTED = "#1b5e20"
DELETED = "#b00020"
INSERTED_ON_DARK = "#9be7a0"
DELETED_ON_DARK = "#ff8a80"


def segments_html(segments: Iterable[Segment], *, dark: bool = False) -> str:
    """One paragraph's segments as HTML: <ins> in green, <del> in red, the rest plain."""
    inserted = INSERTED_ON_DARK if dark else INSERTED
    deleted = DELETED_ON_DARK if dark else DELETED
    out = []
    for seg in segments:
        words = html.escape(seg.text).replace("\n", "<br/>")
        if seg.op == INSERT:
            out.append(f'<span style="color:{inserted}; text-decoration:underline;">'
                       f"{words}</span>")
        elif seg.op == DELETE:
            out.append(f'<span style="color:{deleted}; text-decoration:line-through;">'
                       f"{words}</span>")
        else:
            out.append(words)
    return "".join(out)


def changes_html(paragraphs: Iterable[ChangedParagraph], legend: str,
                 labels: dict[str, str]) -> str:
    """The whole declaration's changes view: a row per paragraph, its draft name, its
    number in the amended text and the amendments that changed it."""
    rows = [f'<p style="color:#555;">{html.escape(legend)}</p>',
            '<table cellspacing="0" cellpadding="6" width="100%">']
    for p in paragraphs:
        badge = labels.get(p.state, "")
        note = html.escape(badge)
        if p.amendments:
            note += "<br/>" + html.escape(labels["amendments"].format(
                numbers=", ".join(str(n) for n in p.amendments)))
        number = f"{p.number}." if p.number is not None and p.part == "operative" else ""
        name = labels["after"].format(code=p.draft_code) if p.state == "inserted" \
            else p.draft_code
        shade = "#f4f8f4" if p.state in ("inserted", "amended") else (
            "#fbf1f1" if p.state == "deleted" else "#ffffff")
        rows.append(
            f'<tr style="background:{shade};">'
            f'<td width="80" valign="top"><b>{html.escape(name)}</b><br/>'
            f'<span style="color:#555;">{html.escape(number)}</span></td>'
            f'<td valign="top">{segments_html(p.segments)}</td>'
            f'<td width="150" valign="top" style="color:#555;">{note}</td></tr>')
    rows.append("</table>")
    return "\n".join(rows)
