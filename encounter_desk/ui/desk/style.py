"""The look of each verdict: colour, text colour, symbol.

Colour is never the only sign: every verdict also has its own headline word and its own
symbol, so a colour-blind clerk reads the same difference. The colours are dark enough
for white text (amber takes black text), and far apart in lightness as well as hue.
"""

from __future__ import annotations

from dataclasses import dataclass

from encounter_desk.desk.checkin import VerdictKind

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
    VerdictKind.WITHDRAWN.value: VerdictLook("#4e342e", "#ffffff", "\u26d4"),  # ⛔
    VerdictKind.NOT_A_BADGE.value: VerdictLook("#cfd8dc", "#263238", "\u2315"),  # ⌕ search
}


def look(state: str) -> VerdictLook:
    return LOOKS.get(state, LOOKS[READY])
