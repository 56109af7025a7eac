"""What the registers share: choices parsed and named, unknown fields, plain copies of rows."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from encounter_desk.core.copying import copied
from encounter_desk.records.people import NamedPerson, titled_name
from encounter_desk.records.register import (
    RecordsError,
    choice,
    choice_label,
    known_fields,
    long_text,
)
from encounter_desk.storage.models import ADOPTION_LABELS, Adoption


def _refused(value: object) -> RecordsError:
    return RecordsError(f"{value!r} is refused", code="test.choice")


def test_a_choice_is_a_member_of_its_enum_or_a_refusal_with_its_code():
    assert choice(Adoption, "vote", lambda: _refused("vote")) is Adoption.VOTE
    with pytest.raises(RecordsError, match="'acclaim' is refused") as refused:
        choice(Adoption, "acclaim", lambda: _refused("acclaim"))
    assert refused.value.code == "test.choice"


def test_a_choice_is_named_in_the_language_asked_for():
    assert choice_label("Records", ADOPTION_LABELS, "consensus", "en") == "By consensus"
    assert choice_label("Records", ADOPTION_LABELS, Adoption.VOTE, "es") == "Por votación"


def test_unknown_fields_are_refused_by_name():
    known_fields({"a": 1}, frozenset({"a", "b"}), lambda names: RecordsError(names))
    with pytest.raises(RecordsError, match="^colour, size$"):
        known_fields({"size": 1, "a": 2, "colour": 3}, frozenset({"a"}),
                     lambda names: RecordsError(names))


def test_long_text_keeps_one_blank_line_between_paragraphs():
    assert long_text("  One  line \n\n\n\n Two ") == "One line\n\nTwo"


@dataclass(frozen=True)
class _Line(NamedPerson):
    role: str
    source: str


def test_a_plain_row_copies_the_fields_it_is_not_given():
    class Stored:
        participant_id, title, name, role, source = 7, "Dip.", "Ana Pérez", "Chair", "scan"

    line = copied(_Line, Stored(), source="manual")
    assert line == _Line(7, "Dip.", "Ana Pérez", "Chair", "manual")
    assert line.full_name == "Dip. Ana Pérez" == titled_name("Dip.", "Ana Pérez")
    assert titled_name("", "Laura Méndez") == "Laura Méndez"
