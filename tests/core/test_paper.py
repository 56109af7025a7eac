"""Paper: Letter in Mexico and the region, A4 elsewhere, a chosen paper wins, bad names refused."""

from __future__ import annotations

import pytest

from encounter_desk.core.errors import Refusal
from encounter_desk.core.paper import check_paper, default_paper, page_size, paper_of


@pytest.mark.parametrize("country", ["México", "Mexico", "Guatemala", "Panamá", "Costa Rica",
                                     "República Dominicana"])
def test_letter_in_mexico_and_the_region(country):
    assert default_paper(country) == "letter"


@pytest.mark.parametrize("country", ["España", "Argentina", "France", ""])
def test_a4_elsewhere(country):
    assert default_paper(country) == "a4"


def test_a_chosen_paper_wins_and_sizes_are_in_points():
    assert paper_of("a4", "México") == "a4" and paper_of("", "México") == "letter"
    assert page_size("letter") == (612, 792)
    assert [round(x) for x in page_size("A4")] == [595, 842]


def test_an_unknown_paper_is_refused():
    with pytest.raises(Refusal) as refused:
        check_paper("legal")
    assert refused.value.code == "paper.unknown" and "letter or a4" in str(refused.value)
