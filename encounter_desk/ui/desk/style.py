"""The look of each verdict: colour, text colour, symbol.

Colour is never the only sign: every verdict also has its own headline word and its own
symbol, so a colour-blind clerk reads the same difference. The colours are dark enough
for white text (amber takes black text), and far apart in lightness as well as hue.
"""

from __future__ import annotations

from dataclasses import dataclass

from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, in_language
from encounter_desk.desk.checkin import VerdictKind
from encounter_desk.desk.verdict import verdict_label

READY = "ready"


@dataclass(frozen=True)
class VerdictLook:
    background: str
    foreground: str
    symbol: str


LOOKS: dict[str, VerdictLook] = {
    READY: VerdictLook("#eceff1", "#263238", "\u25a6"),  # ▦ a QR code
    VerdictKind.ADMITTED.value: VerdictLook("#1b5e20", "#ffffff", "\u2714"),  # ✔
    VerdictKind.ADMITTED_ATTENTION.value: VerdictLook("#0d47a1", "#ffffff", "\u2605"),  # ★
    VerdictKind.ALREADY_CHECKED_IN.value: VerdictLook("#ffb300", "#1a1a1a", "\u21ba"),  # ↺
    VerdictKind.REPLACED.value: VerdictLook("#c62828", "#ffffff", "\u2298"),  # ⊘
    VerdictKind.WRONG_EVENT.value: VerdictLook("#6a1b9a", "#ffffff", "\u21c4"),  # ⇄
    VerdictKind.FORGED.value: VerdictLook("#1c1c1c", "#ffffff", "\u2716"),  # ✖
    VerdictKind.UNKNOWN.value: VerdictLook("#546e7a", "#ffffff", "?"),
    VerdictKind.WITHDRAWN.value: VerdictLook("#4e342e", "#ffffff", "\u2297"),  # ⊗
    VerdictKind.NOT_A_BADGE.value: VerdictLook("#cfd8dc", "#263238", "\u2315"),  # ⌕ search
}


def look(state: str) -> VerdictLook:
    return LOOKS.get(state, LOOKS[READY])


# --- the legend: what each colour means, for the how-to page and the user guide ------------

LEGEND_CONTEXT = "VerdictLegend"
COLOUR_WORDS = {
    "#1b5e20": QT_TRANSLATE_NOOP("VerdictLegend", "green"),
    "#0d47a1": QT_TRANSLATE_NOOP("VerdictLegend", "blue"),
    "#ffb300": QT_TRANSLATE_NOOP("VerdictLegend", "amber"),
    "#c62828": QT_TRANSLATE_NOOP("VerdictLegend", "red"),
    "#6a1b9a": QT_TRANSLATE_NOOP("VerdictLegend", "purple"),
    "#1c1c1c": QT_TRANSLATE_NOOP("VerdictLegend", "black"),
    "#546e7a": QT_TRANSLATE_NOOP("VerdictLegend", "grey"),
    "#4e342e": QT_TRANSLATE_NOOP("VerdictLegend", "brown"),
    "#cfd8dc": QT_TRANSLATE_NOOP("VerdictLegend", "light grey"),
}
"""The word for each verdict colour (every background in LOOKS has one: a test checks)."""

ADVICE = {
    VerdictKind.ADMITTED: QT_TRANSLATE_NOOP("VerdictLegend", "let the person in"),
    VerdictKind.ADMITTED_ATTENTION: QT_TRANSLATE_NOOP(
        "VerdictLegend", "let them in and read the note aloud"),
    VerdictKind.ALREADY_CHECKED_IN: QT_TRANSLATE_NOOP(
        "VerdictLegend", "they were admitted before (the time and desk are shown): let them "
        "in if it is the same person"),
    VerdictKind.REPLACED: QT_TRANSLATE_NOOP(
        "VerdictLegend", "stop: an old badge, only the new one admits; keep this one"),
    VerdictKind.WRONG_EVENT: QT_TRANSLATE_NOOP("VerdictLegend", "stop: a badge of another event"),
    VerdictKind.FORGED: QT_TRANSLATE_NOOP(
        "VerdictLegend", "stop: check the person's identity and search by name"),
    VerdictKind.UNKNOWN: QT_TRANSLATE_NOOP("VerdictLegend", "stop: search by name"),
    VerdictKind.WITHDRAWN: QT_TRANSLATE_NOOP(
        "VerdictLegend", "stop: the accreditation was withdrawn; call the organisers"),
    VerdictKind.NOT_A_BADGE: QT_TRANSLATE_NOOP(
        "VerdictLegend", "not a badge (a name, a web address): Enter searches for it"),
}


LEGEND_HEADERS = (QT_TRANSLATE_NOOP("VerdictLegend", "Colour"),
                  QT_TRANSLATE_NOOP("VerdictLegend", "Verdict"),
                  QT_TRANSLATE_NOOP("VerdictLegend", "What to do"))


def legend(lang: str) -> list[tuple[VerdictLook, str, str, str]]:
    """(look, colour word, verdict, advice) for every verdict, in ``lang``."""
    tr = in_language(lang).translate
    return [(LOOKS[kind.value], tr(LEGEND_CONTEXT, COLOUR_WORDS[LOOKS[kind.value].background]),
             verdict_label(kind, lang), tr(LEGEND_CONTEXT, ADVICE[kind])) for kind in VerdictKind]


def legend_html(lang: str) -> str:
    """The legend as rich text: each colour drawn as the panel draws it."""
    rows = "".join(
        f'<tr><td style="background:{look.background};color:{look.foreground}">'
        f"&nbsp;{look.symbol}&nbsp;<b>{colour}</b>&nbsp;</td><td>&nbsp;<b>{verdict}</b>: "
        f"{advice}</td></tr>" for look, colour, verdict, advice in legend(lang))
    return f"<table cellspacing='2'>{rows}</table>"


def legend_markdown(lang: str) -> str:
    """The legend as the user guide prints it (docs/guide/LANG/desk.md)."""
    tr = in_language(lang).translate
    head = "| " + " | ".join(tr(LEGEND_CONTEXT, h) for h in LEGEND_HEADERS) + " |\n|---|---|---|\n"
    return head + "".join(
        f"| {look.symbol} **{colour}** (`{look.background}`) | {verdict} | {advice} |\n"
        for look, colour, verdict, advice in legend(lang))
