"""A point of order carries its reason (issue 14): the rules, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers.events import DETAILS, add_people

from encounter_desk.chair import commands as speakers
from encounter_desk.chair import point_reasons
from encounter_desk.chair.errors import SpeakerListError
from encounter_desk.event import event as events
from encounter_desk.event import sittings
from encounter_desk.storage.models import REASON_TEXT_LENGTH, PointReason, SpeechKind

T0 = dt.datetime(2017, 9, 4, 15, 0, tzinfo=dt.UTC)
POO = SpeechKind.POINT_OF_ORDER


class Room:
    def __init__(self, db) -> None:
        self.db = db
        events.create_event(db, DETAILS)
        self.p = add_people(db)
        self.sitting = sittings.create_sitting(
            db, title_es="Sesión inaugural", title_en="Opening session").id
        self.item = sittings.create_agenda_item(
            db, self.sitting, title_es="Mujeres migrantes", title_en="Migrant women").id

    def add(self, who: str, kind=SpeechKind.STATEMENT, seconds: float = 0, **kw):  # noqa: ANN003
        return speakers.add_speaker(self.db, self.sitting, self.item, self.p[who], kind=kind,
                                    at=T0 + dt.timedelta(seconds=seconds), **kw)

    def waiting(self) -> list[tuple[str, str, str]]:
        return [(e.name.split()[0], e.reason, e.reason_text)
                for e in speakers.list_snapshot(self.db, self.sitting, self.item).waiting]


@pytest.fixture
def room(db) -> Room:
    return Room(db)


def refused(code: str):  # noqa: ANN201
    return pytest.raises(SpeakerListError, match=".", check=lambda e: e.code == code)


def test_a_point_of_order_is_added_with_its_reason_and_words(room):
    entry = room.add("ana", POO, reason="quorum",
                     reason_text="  the vote was\n taken without   quorum ")
    assert (entry.reason, entry.reason_text) == ("quorum", "the vote was taken without quorum")
    assert room.waiting() == [("Ana", "quorum", "the vote was taken without quorum")]
    # other reasons take their words only if the chair wants them
    assert room.add("jorge", POO, reason=PointReason.TIME).reason_text == ""
    # and the chair may not know it yet: F9, the name, Enter
    assert room.add("rosa", POO).reason == ""


def test_other_needs_its_words_and_words_need_a_reason(room):
    with refused("speakers.reason_other_needs_text"):
        room.add("ana", POO, reason="other")
    with refused("speakers.reason_other_needs_text"):
        room.add("ana", POO, reason="other", reason_text="   \n ")
    with refused("speakers.reason_missing"):
        room.add("ana", POO, reason_text="the microphones")
    with refused("speakers.reason"):
        room.add("ana", POO, reason="boredom")
    assert room.waiting() == []  # a refused request writes nothing
    assert room.add("ana", POO, reason="other", reason_text="the microphones").reason == "other"


def test_the_words_are_at_most_two_hundred_characters(room):
    with refused("speakers.reason_too_long") as info:
        room.add("ana", POO, reason="procedure", reason_text="x" * (REASON_TEXT_LENGTH + 1))
    assert "200" in str(info.value) and "201" in str(info.value)
    entry = room.add("ana", POO, reason="procedure", reason_text="x" * REASON_TEXT_LENGTH)
    assert len(entry.reason_text) == REASON_TEXT_LENGTH
    with refused("speakers.reason_too_long"):
        point_reasons.set_point_reason(room.db, entry.id, "procedure", "y" * 201)
    assert room.waiting()[0][2] == "x" * REASON_TEXT_LENGTH


def test_only_a_point_of_order_has_a_reason(room):
    with refused("speakers.reason_not_point_of_order"):
        room.add("ana", reason="quorum")
    statement = room.add("ana")
    with refused("speakers.reason_not_point_of_order"):
        point_reasons.set_point_reason(room.db, statement.id, "quorum", "")
    # clearing what it does not have is no change
    assert point_reasons.set_point_reason(room.db, statement.id, None).reason == ""


def test_the_reason_is_set_and_changed_while_waiting_on_the_floor_and_after(room):
    room.add("ana")
    speakers.start_next(room.db, room.sitting, room.item, at=T0)
    point = room.add("jorge", POO, seconds=10)
    speakers.start_speech(room.db, point.id, at=T0 + dt.timedelta(seconds=11))
    on_floor = point_reasons.set_point_reason(room.db, point.id, "interpretation",
                                              "no French in the back rows")
    assert speakers.current_speech(room.db, room.sitting).entry.reason == "interpretation"
    assert on_floor.reason_text == "no French in the back rows"
    speakers.end_current(room.db, room.sitting, at=T0 + dt.timedelta(seconds=40))
    given = point_reasons.set_point_reason(room.db, point.id, "procedure", "")
    assert (given.reason, given.reason_text) == ("procedure", "")
    cleared = point_reasons.set_point_reason(room.db, point.id, "", "")
    assert (cleared.reason, cleared.reason_text) == ("", "")


def test_changing_the_kind_in_place_drops_the_reason_and_readding_keeps_it(room):
    point = room.add("ana", POO, reason="quorum", reason_text="count again")
    changed = speakers.change_request(room.db, point.id, kind=SpeechKind.STATEMENT)
    assert (changed.reason, changed.reason_text) == ("", "")
    again = speakers.change_request(room.db, point.id, kind=POO)
    assert again.reason == ""  # to be said again
    point_reasons.set_point_reason(room.db, point.id, "quorum", "count again")
    speakers.withdraw(room.db, point.id, at=T0 + dt.timedelta(seconds=5))
    back = speakers.readd_last(room.db, room.sitting, room.item, at=T0 + dt.timedelta(seconds=6))
    assert (back.reason, back.reason_text) == ("quorum", "count again")


def test_the_wording_in_both_languages():
    assert point_reasons.reason_label("quorum", "es") == "Quórum"
    assert point_reasons.point_of_order_line("quorum", "se pide verificar", "es") == (
        "Moción de orden (quórum): se pide verificar")
    assert point_reasons.point_of_order_line("interpretation", "", "en") == (
        "Point of order (interpretation)")
    assert point_reasons.point_of_order_line("other", "los micrófonos", "es") == (
        "Moción de orden: los micrófonos")
    assert point_reasons.point_of_order_line("", "", "es") == ""
    assert point_reasons.reason_note("time", "", "en") == "Time"
    assert point_reasons.reason_note("procedure", "item 3 first", "es") == (
        "Procedimiento — item 3 first")
    assert point_reasons.reason_note("other", "the lights", "en") == "the lights"
    assert point_reasons.reason_note("", "", "en") == ""
