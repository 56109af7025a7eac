"""The colours every printed document shares (minutes, declaration, print shop, foot of page)."""

from __future__ import annotations

from reportlab.lib import colors

INK = colors.HexColor("#1A1A1A")
"""Body text."""
MUTED = colors.HexColor("#5A5A5A")
"""Secondary text: notes, the foot of the page."""
ACCENT = colors.HexColor("#1F3A5F")
"""Headings, bands and table heads."""
RULE = colors.HexColor("#B8C2CC")
"""Hairlines and table rules."""
SHADE = colors.HexColor("#EEF2F6")
"""The background of a shaded row or box."""
ALERT = colors.HexColor("#B00020")
"""What went wrong or was struck: time over, a deleted passage."""
