"""The colour legend of the how-to page and the user guide is the verdict panel's own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from encounter_desk.desk.checkin import VerdictKind
from encounter_desk.ui.desk.style import COLOUR_WORDS, LOOKS, legend_markdown

GUIDE = Path(__file__).parents[3] / "docs" / "guide"
LEGEND = re.compile(r"<!-- legend:[^>]*-->\n(.*?)<!-- /legend -->", re.S)


def test_every_verdict_colour_has_a_word_and_every_word_a_verdict():
    backgrounds = {LOOKS[kind.value].background for kind in VerdictKind}
    assert backgrounds == set(COLOUR_WORDS)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_guides_legend_is_drawn_from_the_panels_colours(lang):
    text = (GUIDE / lang / "desk.md").read_text(encoding="utf-8")
    found = LEGEND.search(text)
    assert found is not None, "the legend markers are missing from the guide"
    assert found.group(1) == legend_markdown(lang), (
        f"docs/guide/{lang}/desk.md: the legend no longer matches the verdict panel; "
        "paste legend_markdown() from encounter_desk/ui/desk/style.py")
    for kind in VerdictKind:
        assert LOOKS[kind.value].background in found.group(1)


def test_the_how_to_page_shows_the_same_colours(qtbot):
    from encounter_desk.ui.shell.howto import HowToDialog

    dialog = HowToDialog("desk")
    qtbot.addWidget(dialog)
    text = dialog.body.text()
    for kind in VerdictKind:
        assert LOOKS[kind.value].background in text
    assert "Amber</b>: let them in" not in text  # the old, wrong legend
