"""Lists of speakers: the queue rules, the floor, time limits, budgets, the record, restarts."""

from __future__ import annotations

import contextlib
import datetime as dt
import json

import pytest
from sqlalchemy import select

from encounter_desk.chair import (
    entries,
    floor,
    lists,
    queries,
    queue,
    requests,
    speech_details,
    statistics,
)
from encounter_desk.chair.clock import Phase, SpeechClock
from encounter_desk.chair.errors import SpeakerListError
from encounter_desk.storage.database import open_database
from encounter_desk.storage.models import (
    AgendaItem,
    AuditEntry,
    Delegation,
    Participant,
    Sitting,
    Speech,
    SpeechKind,
    SpeechState,
)

T0 = dt.datetime(2017, 9, 4, 15, 0, tzinfo=dt.UTC)
POO = SpeechKind.POINT_OF_ORDER
REPLY = SpeechKind.RIGHT_OF_REPLY
QUESTION = SpeechKind.QUESTION


def t(seconds: float) -> dt.datetime:
    return T0 + dt.timedelta(seconds=seconds)


@contextlib.contextmanager
def refused(code: str, match: str | None = None):
    """The chair's refusal, with its sentence (``match``) and its machine ``code``."""
    with pytest.raises(SpeakerListError, match=match) as info:
        yield info
    assert info.value.code == code


PEOPLE = [
    # key, title, given, first, second, delegation, language
    ("ana", "Dip.", "Ana", "Pérez", "Núñez", "MX", "es"),
    ("luis", "Sen.", "Luis", "Peña", "Ortiz", "MX", "es"),
    ("kate", "M.P.", "Kate", "Wilson", "", "CA", "en"),
    ("marc", "M.P.", "Marc", "Tremblay", "", "CA", "fr"),
    ("rosa", "Dip.", "Rosa", "Cabrera", "López", "GT", "es"),
    ("jose", "Dip.", "José", "Ramírez", "", "GT", "es"),
    ("tom", "Rep.", "Tom", "Baker", "", "US", "en"),
    ("iom", "", "Laura", "Méndez", "", None, "es"),
]


class Room:
    """A sitting with two agenda items and eight people from four delegations."""

    def __init__(self, db):
        self.db = db
        with db.write() as s:
            delegations = {}
            for order, (code, iso2, es, en) in enumerate(
                [
                    ("CA", "CA", "Canadá", "Canada"),
                    ("GT", "GT", "Guatemala", "Guatemala"),
                    ("MX", "MX", "México", "Mexico"),
                    ("US", "US", "Estados Unidos", "United States"),
                ]
            ):
                d = Delegation(
                    code=code,
                    iso2=iso2,
                    name_es=es,
                    name_en=en,
                    canonical_order=order,
                    kind="country",
                    is_member=True,
                )
                s.add(d)
                delegations[code] = d
            s.flush()
            self.delegation = {code: d.id for code, d in delegations.items()}
            people = {}
            for key, title, given, first, second, code, lang in PEOPLE:
                p = Participant(
                    title=title,
                    given_names=given,
                    first_surname=first,
                    second_surname=second,
                    language=lang,
                    delegation_id=delegations[code].id if code else None,
                )
                s.add(p)
                people[key] = p
            sitting = Sitting(
                number=1,
                title_es="Sesión inaugural",
                title_en="Opening session",
                date=dt.date(2017, 9, 4),
                scheduled_start=dt.time(9, 0),
                scheduled_end=None,
                default_speaking_seconds=180,
                warning_seconds=30,
            )
            sitting.agenda_items = [
                AgendaItem(number=1, title_es="Mujeres migrantes", title_en="Migrant women"),
                AgendaItem(number=2, title_es="Hoja de ruta", title_en="Road map"),
            ]
            s.add(sitting)
            s.flush()
            self.p = {key: p.id for key, p in people.items()}
            self.sitting = sitting.id
            self.item = sitting.agenda_items[0].id
            self.item2 = sitting.agenda_items[1].id

    def add(self, who, kind=SpeechKind.STATEMENT, at=0, **kw):
        return queue.add_speaker(
            self.db, self.sitting, self.item, self.p[who], kind=kind, at=t(at), **kw
        )

    def order(self):
        return [(e.name.split()[0], e.kind.value) for e in self.snapshot().waiting]

    def names(self):
        return [e.name.split()[0] for e in self.snapshot().waiting]

    def snapshot(self, at=None):
        return queries.list_snapshot(
            self.db, self.sitting, self.item, now=t(at) if at is not None else None
        )

    def next(self, at):
        return floor.start_next(self.db, self.sitting, self.item, at=t(at))

    def end(self, at):
        return floor.end_current(self.db, self.sitting, at=t(at))

    def speech(self, speech_id):
        with self.db.read() as s:
            return s.get(Speech, speech_id)


@pytest.fixture
def room(db):
    return Room(db)


# --- the order of the list ---------------------------------------------------------------


def test_statements_queue_in_request_order_and_points_of_order_jump_ahead(room):
    room.add("ana", at=1)
    room.add("kate", at=2)
    room.add("rosa", POO, at=3)
    room.add("tom", at=4)
    room.add("luis", POO, at=5)
    assert room.order() == [
        ("Rosa", "point_of_order"),
        ("Luis", "point_of_order"),
        ("Ana", "statement"),
        ("Kate", "statement"),
        ("Tom", "statement"),
    ]


def test_a_right_of_reply_goes_right_after_the_waiting_speech_it_answers(room):
    ana = room.add("ana")
    kate = room.add("kate")
    room.add("rosa")
    room.add("tom", REPLY, replies_to_id=kate.id)
    room.add("marc", REPLY, replies_to_id=kate.id)
    room.add("jose", QUESTION, replies_to_id=kate.id)
    room.add("luis", QUESTION, replies_to_id=ana.id)
    assert room.names() == ["Ana", "Luis", "Kate", "Tom", "Marc", "José", "Rosa"]
    entry = room.snapshot().waiting[3]
    assert entry.kind == REPLY and entry.replies_to_id == kate.id
    assert entry.replies_to_name == "M.P. Kate Wilson"


def test_replies_to_the_speech_on_the_floor_go_first_behind_points_of_order(room):
    room.add("ana")
    room.add("kate")
    room.add("rosa")
    current = room.next(10)
    assert current.entry.name == "Ana Pérez Núñez"
    reply = room.add("tom", REPLY, at=20)  # answers the speech on the floor by default
    assert reply.replies_to_id == current.entry.id
    room.add("luis", POO, at=21)
    room.add("marc", QUESTION, at=22)
    room.add("jose", REPLY, at=23)
    assert room.order() == [
        ("Luis", "point_of_order"),
        ("Tom", "right_of_reply"),
        ("Marc", "question"),
        ("José", "right_of_reply"),
        ("Kate", "statement"),
        ("Rosa", "statement"),
    ]


def test_a_reply_without_a_speech_on_the_floor_answers_the_last_speech_given(room):
    with refused("speakers.nobody_to_answer", match="nobody has spoken"):
        room.add("tom", REPLY)
    with refused("speakers.nobody_to_question", match="nobody has spoken"):
        room.add("tom", QUESTION)
    room.add("ana")
    room.add("kate")
    first = room.next(0)
    room.next(100)  # Kate
    room.end(200)
    reply = room.add("tom", REPLY, at=210)
    assert reply.replies_to_name == "M.P. Kate Wilson"
    assert reply.replies_to_id != first.entry.id
    with refused("speakers.not_an_answer", match="right of reply or a question"):
        room.add("rosa", replies_to_id=first.entry.id)


def test_a_reply_must_answer_a_speech_of_the_same_list(room):
    other = queue.add_speaker(room.db, room.sitting, room.item2, room.p["ana"])
    with refused("speakers.answer_not_on_list", match="not on this list"):
        room.add("tom", REPLY, replies_to_id=other.id)


def test_withdraw_and_readd_the_last_speaker(room):
    ana = room.add("ana")
    kate = room.add("kate")
    room.add("rosa")
    withdrawn = queue.withdraw(room.db, kate.id, at=t(5))
    assert withdrawn.state == SpeechState.WITHDRAWN
    assert room.names() == ["Ana", "Rosa"]
    assert [e.name for e in room.snapshot().withdrawn] == ["Kate Wilson"]
    with refused("speakers.not_waiting", match="still waiting"):
        queue.withdraw(room.db, kate.id)
    # the last to leave the list was Kate (withdrawn): she is put back first
    back = queue.readd_last(room.db, room.sitting, room.item, at=t(6))
    assert back.name == "Kate Wilson" and back.id != kate.id
    assert room.names() == ["Kate", "Ana", "Rosa"]
    with refused("speakers.already_waiting", match="already waiting"):
        queue.readd_last(room.db, room.sitting, room.item)
    room.next(10)  # Kate
    room.next(100)  # Ana
    room.end(200)
    room.add("luis", POO, at=210)
    again = queue.readd_last(room.db, room.sitting, room.item, at=t(220))
    assert again.participant_id == ana.participant_id
    assert room.names() == ["Luis", "Ana", "Rosa"]  # behind the point of order


def test_readd_with_an_empty_past_is_refused(room):
    with refused("speakers.nobody_to_put_back", match="no one to put back"):
        queue.readd_last(room.db, room.sitting, room.item)


def test_the_same_person_cannot_wait_twice_for_a_statement(room):
    room.add("ana")
    with refused("speakers.already_waiting", match="already waiting"):
        room.add("ana")
    room.add("ana", POO)  # a point of order is another matter
    assert room.order() == [("Ana", "point_of_order"), ("Ana", "statement")]


def test_the_same_person_cannot_wait_twice_with_the_same_kind_of_request(room):
    room.add("ana", POO)
    with refused("speakers.already_waiting", match="already has a request waiting"):
        room.add("ana", POO)
    room.add("rosa", POO)  # someone else may
    assert room.order() == [("Ana", "point_of_order"), ("Rosa", "point_of_order")]


def test_move_to_up_and_down(room):
    ids = {who: room.add(who).id for who in ["ana", "kate", "rosa", "tom"]}
    order = queue.move_to(room.db, ids["tom"], 0)
    assert [e.name.split()[0] for e in order] == ["Tom", "Ana", "Kate", "Rosa"]
    queue.move_down(room.db, ids["tom"])
    assert room.names() == ["Ana", "Tom", "Kate", "Rosa"]
    queue.move_up(room.db, ids["rosa"])
    assert room.names() == ["Ana", "Tom", "Rosa", "Kate"]
    queue.move_up(room.db, ids["ana"])  # already first
    queue.move_to(room.db, ids["ana"], 99)  # clamped to the end
    assert room.names() == ["Tom", "Rosa", "Kate", "Ana"]


def test_many_moves_between_the_same_neighbours_renumber_the_list(room):
    ids = [room.add(who).id for who in ["ana", "kate", "rosa"]]
    for n in range(70):  # each move halves the gap: floats would run out without renumbering
        queue.move_to(room.db, ids[1 + n % 2], 1)
    waiting = room.snapshot().waiting
    assert len({e.position for e in waiting}) == 3
    assert [e.id for e in waiting] == [ids[0], ids[2], ids[1]]


def test_the_pure_placement_rules():
    from encounter_desk.chair.rules import Waiting, head_index, insertion_index, position_at

    waiting = [
        Waiting(1, "point_of_order", 1.0),
        Waiting(2, "right_of_reply", 2.0, replies_to_id=99),  # answers a speech given
        Waiting(3, "statement", 3.0),
        Waiting(4, "question", 4.0, replies_to_id=3),
        Waiting(5, "statement", 5.0),
    ]
    assert insertion_index([], POO) == 0
    assert insertion_index(waiting, POO) == 1
    assert head_index(waiting) == 1
    assert insertion_index(waiting, REPLY, 99) == 2
    assert insertion_index(waiting, REPLY, 42) == 2
    assert insertion_index(waiting, QUESTION, 3) == 4
    assert insertion_index(waiting, REPLY, 5) == 5
    assert insertion_index(waiting, SpeechKind.STATEMENT) == 5
    assert position_at([], 0) == 1.0
    assert position_at([1.0, 2.0], 0) == 0.0
    assert position_at([1.0, 2.0], 1) == 1.5
    assert position_at([1.0, 2.0], 2) == 3.0
    assert position_at([1.0, 1.0 + 1e-7], 1) is None


# --- closed lists --------------------------------------------------------------------------


def test_a_closed_list_refuses_statements_but_takes_points_of_order_and_replies(room):
    ana = room.add("ana")
    settings = lists.close_list(room.db, room.sitting, room.item, at=t(30))
    assert settings.closed and settings.closed_at == t(30)
    assert room.snapshot().closed
    with refused("speakers.list_closed", match="closed") as info:
        room.add("kate")
    assert "Kate Wilson" in str(info.value)
    room.add("rosa", POO)
    room.add("tom", REPLY, replies_to_id=ana.id)
    room.add("marc", QUESTION, replies_to_id=ana.id)
    assert room.names() == ["Rosa", "Ana", "Tom", "Marc"]
    # the other agenda item's list is still open
    queue.add_speaker(room.db, room.sitting, room.item2, room.p["kate"])
    assert not lists.reopen_list(room.db, room.sitting, room.item).closed
    room.add("kate")
    assert room.names()[-1] == "Kate"


def test_a_refused_request_writes_nothing(room):
    lists.close_list(room.db, room.sitting, room.item)
    with room.db.read() as s:
        before = len(s.scalars(select(AuditEntry)).all())
    with refused("speakers.list_closed"):
        room.add("kate")
    with room.db.read() as s:
        assert len(s.scalars(select(AuditEntry)).all()) == before
        assert s.scalars(select(Speech)).all() == []


# --- the floor ---------------------------------------------------------------------------


def test_start_next_ends_the_current_speech_and_records_its_times(room):
    room.add("ana")
    room.add("kate")
    first = room.next(0)
    assert first.entry.state == SpeechState.SPEAKING
    assert first.entry.started_at == t(0)
    assert first.entry.limit_seconds == 180
    second = room.next(150)
    assert second.entry.name == "Kate Wilson"
    done = room.snapshot(at=160).done
    assert [e.name for e in done] == ["Ana Pérez Núñez"]
    assert done[0].ended_at == t(150)
    assert done[0].duration_seconds == 150
    assert done[0].duration_text == "2:30"
    assert not done[0].over_time
    assert room.end(400) is None
    done = room.snapshot().done
    assert done[1].duration_seconds == 250 and done[1].over_time


def test_invalid_operations_are_refused_with_a_sentence(room):
    with refused("speakers.nobody_waiting", match="Nobody is waiting"):
        room.next(0)
    with refused("speakers.nobody_on_floor", match="Nobody has the floor"):
        room.end(0)
    with refused("speakers.nobody_on_floor", match="Nobody has the floor"):
        floor.pause_current(room.db, room.sitting)
    with refused("speakers.nobody_on_floor", match="Nobody has the floor"):
        floor.add_time(room.db, room.sitting, 30)
    room.add("ana")
    room.next(0)
    with refused("speakers.already_running", match="already running"):
        floor.resume_current(room.db, room.sitting, at=t(1))
    floor.pause_current(room.db, room.sitting, at=t(2))
    with refused("speakers.already_paused", match="already paused"):
        floor.pause_current(room.db, room.sitting, at=t(3))
    with refused("speakers.kind", match="not a kind"):
        room.add("kate", kind="filibuster")
    with refused("speakers.naive_moment", match="time zone"):
        queue.add_speaker(
            room.db, room.sitting, room.item, room.p["kate"], at=dt.datetime(2017, 9, 4, 9)
        )
    with refused("speakers.item_not_in_sitting", match="not part of the session"):
        queue.add_speaker(room.db, room.sitting, 9999, room.p["kate"])
    with refused("speakers.participant_gone", match="no longer registered"):
        queue.add_speaker(room.db, room.sitting, room.item, 9999)
    with refused("speakers.sitting_gone", match="no longer exists"):
        queries.list_snapshot(room.db, 9999)


def test_pause_and_resume_are_recorded(room):
    room.add("ana")
    room.next(0)
    paused = floor.pause_current(room.db, room.sitting, at=t(40))
    assert paused.paused and paused.elapsed == 40
    assert queries.current_speech(room.db, room.sitting, now=t(100)).elapsed == 40
    resumed = floor.toggle_pause(room.db, room.sitting, at=t(70))
    assert not resumed.paused
    assert resumed.entry.paused_seconds == 30 and resumed.entry.pause_count == 1
    assert queries.current_speech(room.db, room.sitting, now=t(100)).elapsed == 70
    floor.toggle_pause(room.db, room.sitting, at=t(110))
    room.end(150)  # ended while paused: the running pause counts as a pause
    entry = room.snapshot().done[0]
    assert entry.pause_count == 2
    assert entry.paused_seconds == 70
    assert entry.duration_seconds == 80


def test_a_point_of_order_pauses_the_speaker_who_resumes_after_it(room):
    room.add("ana")
    room.add("kate")
    room.next(0)
    room.add("rosa", POO, at=50)
    poo = room.next(60)
    assert poo.entry.kind == POO and poo.entry.name == "Rosa Cabrera López"
    assert poo.interrupted is not None and poo.interrupted.name == "Ana Pérez Núñez"
    assert poo.interrupted.state == SpeechState.PAUSED
    assert poo.entry.limit_seconds == 60
    back = room.end(95)
    assert back is not None and back.entry.name == "Ana Pérez Núñez"
    assert back.entry.state == SpeechState.SPEAKING
    assert back.elapsed == 60
    assert queries.current_speech(room.db, room.sitting, now=t(100)).elapsed == 65
    ana = room.speech(back.entry.id)
    assert ana.pause_count == 1 and ana.paused_seconds == 35
    assert room.names() == ["Kate"]


def test_points_of_order_in_a_row_then_the_interrupted_speaker_then_the_list(room):
    room.add("ana")
    room.add("kate")
    room.next(0)
    room.add("rosa", POO, at=10)
    room.add("luis", POO, at=11)
    assert room.next(20).entry.name.startswith("Rosa")
    second = room.next(40)  # Rosa's point ends, Luis's is heard: Ana still waits
    assert second.entry.name.startswith("Luis")
    assert second.interrupted.name.startswith("Ana")
    back = room.next(70)  # no point of order left: Ana gets the floor back
    assert back.entry.name.startswith("Ana") and back.elapsed == 20
    assert room.names() == ["Kate"]
    assert room.next(100).entry.name.startswith("Kate")
    done = room.snapshot().done  # in the order the speeches began
    assert [e.name.split()[0] for e in done] == ["Ana", "Rosa", "Luis"]
    assert done[0].duration_seconds == 50 and done[0].pause_count == 1


def test_a_point_of_order_with_nobody_speaking_and_a_chosen_speaker(room):
    room.add("rosa", POO)
    poo = room.next(0)
    assert poo.interrupted is None
    assert room.end(30) is None
    # the chair picks someone out of turn while a point of order interrupts a speaker
    room.add("ana")
    kate = room.add("kate")
    room.next(40)  # Ana
    room.add("luis", POO, at=50)
    room.next(55)
    chosen = floor.start_speech(room.db, kate.id, at=t(70))
    assert chosen.entry.name == "Kate Wilson" and chosen.interrupted is None
    ana = [e for e in room.snapshot().done if e.name.startswith("Ana")][0]
    assert ana.state == SpeechState.DONE and ana.duration_seconds == 15


# --- time limits -------------------------------------------------------------------------


def test_times_per_sitting_per_kind_and_per_speaker(room):
    settings = queries.list_settings(room.db, room.sitting, room.item)
    assert settings.limits == {SpeechKind.STATEMENT: 180, REPLY: 90, QUESTION: 60, POO: 60}
    assert settings.statement_from_sitting and not settings.closed
    assert settings.warning_seconds == 30
    ana = room.add("ana")
    kate = room.add("kate", limit_seconds=300)
    assert ana.limit_seconds == 180 and not ana.custom_limit
    assert kate.limit_seconds == 300 and kate.custom_limit
    reply = room.add("tom", REPLY, replies_to_id=ana.id)
    assert reply.limit_seconds == 90
    settings = lists.set_list_times(room.db, room.sitting, room.item, statement=240, reply=120)
    assert settings.limits[SpeechKind.STATEMENT] == 240 and not settings.statement_from_sitting
    waiting = {e.name.split()[0]: e for e in room.snapshot().waiting}
    assert waiting["Ana"].limit_seconds == 240  # the default follows the list's setting
    assert waiting["Kate"].limit_seconds == 300  # the chair's own time stays
    assert waiting["Tom"].limit_seconds == 120
    extended = speech_details.adjust_time(room.db, ana.id, 60)
    assert extended.limit_seconds == 300 and extended.custom_limit
    cut = speech_details.set_time_limit(room.db, kate.id, 120)
    assert cut.limit_seconds == 120
    lists.set_list_times(room.db, room.sitting, room.item, statement=None)
    assert (
        queries.list_settings(room.db, room.sitting, room.item).limits[SpeechKind.STATEMENT] == 180
    )
    with refused("speakers.seconds", match="whole number of seconds"):
        lists.set_list_times(room.db, room.sitting, room.item, reply=-5)
    with refused("speakers.seconds", match="whole number of seconds"):
        speech_details.set_time_limit(room.db, kate.id, 10**9)


def test_zero_means_a_stopwatch(room):
    lists.set_list_times(room.db, room.sitting, room.item, statement=0)
    room.add("ana")
    current = room.next(0)
    assert current.entry.limit_seconds is None
    state = current.timing.state_at(t(75), current.warning_seconds)
    assert state.phase == Phase.STOPWATCH and state.text == "1:15"
    with refused("speakers.stopwatch", match="stopwatch"):
        floor.add_time(room.db, room.sitting, 30)


def test_add_and_remove_time_while_the_speech_runs(room):
    room.add("ana")
    room.next(0)
    more = floor.add_time(room.db, room.sitting, 30, at=t(170))
    assert more.entry.limit_seconds == 210
    assert more.timing.state_at(t(170), 30).text == "0:40"
    less = floor.add_time(room.db, room.sitting, -60, at=t(171))
    assert less.entry.limit_seconds == 150
    state = less.timing.state_at(t(171), 30)
    assert state.phase == Phase.OVERTIME and state.text == "+0:21"
    room.end(200)
    done = room.snapshot().done[0]
    with refused("speakers.speech_over", match="over"):
        speech_details.adjust_time(room.db, done.id, 30)


# --- budgets -----------------------------------------------------------------------------


def test_delegation_budgets_count_down_across_statements_but_not_points_of_order(room):
    mx = room.delegation["MX"]
    row = lists.set_budget(room.db, room.sitting, room.item, mx, 300)
    assert row.seconds == 300 and row.used == 0 and row.remaining == 300
    assert row.delegation_name("es") == "México" and row.flag == "mx"
    room.add("ana")
    room.add("luis")
    room.add("kate")
    room.next(0)  # Ana (MX): 180 s, within the 300 s budget
    live = queries.current_speech(room.db, room.sitting, now=t(100))
    assert live.budget_seconds == 300 and live.budget_used_before == 0
    assert live.budget_remaining() == 200
    room.add("luis", POO, at=100)
    room.next(110)  # Luis's point of order: uses no budget
    room.end(150)  # Ana resumes at 110 s spoken
    room.next(220)  # Ana ends with 180 s spoken; Luis's statement starts
    rows = queries.budgets(room.db, room.sitting, room.item, now=t(220))
    assert [(r.delegation_code, r.used) for r in rows] == [("MX", 180)]
    luis = queries.current_speech(room.db, room.sitting, now=t(220))
    assert luis.entry.name.startswith("Luis")
    assert luis.entry.limit_seconds == 120  # what is left of the budget, not the 180 s default
    assert luis.budget_used_before == 180
    assert luis.budget_remaining(30) == 90
    room.next(360)  # Luis spoke 140 s: 20 s past the budget
    rows = queries.budgets(room.db, room.sitting, room.item)
    assert rows[0].used == 320 and rows[0].remaining == -20
    # Kate's delegation has no budget: the plain default applies
    kate = queries.current_speech(room.db, room.sitting, now=t(361))
    assert kate.entry.limit_seconds == 180 and kate.budget_seconds is None
    assert lists.set_budget(room.db, room.sitting, room.item, mx, None) is None
    assert queries.budgets(room.db, room.sitting, room.item) == []


def test_a_budget_belongs_to_one_agenda_item(room):
    mx = room.delegation["MX"]
    lists.set_budget(room.db, room.sitting, room.item, mx, 100)
    queue.add_speaker(room.db, room.sitting, room.item2, room.p["ana"])
    current = floor.start_next(room.db, room.sitting, room.item2, at=t(0))
    assert current.entry.limit_seconds == 180 and current.budget_seconds is None
    row = lists.set_budget(room.db, room.sitting, room.item, mx, 200)
    assert row.seconds == 200 and row.used == 0


# --- the record --------------------------------------------------------------------------


def test_language_and_summary(room):
    marc = room.add("marc")
    assert marc.language == "fr"  # the participant's own language by default
    kate = room.add("kate", language="es")
    assert kate.language == "es"
    assert speech_details.set_language(room.db, marc.id, "EN").language == "en"
    with refused("speakers.language", match="language code"):
        speech_details.set_language(room.db, marc.id, "english!")
    entry = speech_details.set_summary(room.db, marc.id, "  Proposes a  road map\nfor 2018. ")
    assert entry.summary == "Proposes a road map for 2018."


def test_every_step_is_in_the_audit_trail(room):
    ana = room.add("ana")
    room.next(0)
    room.end(90)
    with room.db.read() as s:
        trail = s.scalars(
            select(AuditEntry).where(
                AuditEntry.table_name == "speech", AuditEntry.row_id == str(ana.id)
            )
        ).all()
    actions = [e.action for e in trail]
    assert actions[0] == "insert" and actions.count("update") == 2
    states = [json.loads(e.changes).get("state") for e in trail[1:]]
    assert states == [["waiting", "speaking"], ["speaking", "done"]]


def test_snapshot_has_what_the_chair_and_the_projector_show(room):
    lists.close_list(room.db, room.sitting, room.item)
    lists.reopen_list(room.db, room.sitting, room.item)
    room.add("ana")
    room.add("kate")
    room.add("rosa")
    room.add("iom")
    room.next(0)
    snap = room.snapshot(at=42)
    assert snap.sitting_title("es") == "Sesión inaugural" and snap.sitting_number == 1
    assert snap.agenda_title("en") == "Migrant women" and snap.agenda_item_number == 1
    assert not snap.closed
    current = snap.current
    assert current.elapsed == 42 and current.warning_seconds == 30
    entry = current.entry
    assert (entry.title, entry.name, entry.speaker) == (
        "Dip.",
        "Ana Pérez Núñez",
        "Dip. Ana Pérez Núñez",
    )
    assert entry.delegation_name("es") == "México" and entry.flag == "mx"
    assert entry.kind_label == "Statement"
    assert [e.name.split()[0] for e in snap.next_speakers(2)] == ["Kate", "Rosa"]
    laura = snap.waiting[-1]
    assert laura.delegation_id is None and laura.flag == "" and laura.delegation_name() == ""
    # the same speech, seen from the other agenda item's list, is still the sitting's current
    other = queries.list_snapshot(room.db, room.sitting, room.item2, now=t(42))
    assert other.current.entry.id == entry.id and other.waiting == []


def test_first_speech_flags_and_todays_totals(room):
    room.add("ana", at=0)
    room.add("kate", at=0)
    room.next(0)  # Ana
    room.add("luis", POO, at=5)
    room.next(10)  # Luis, point of order
    room.end(20)  # Ana resumes
    room.next(100)  # Kate
    room.add("ana", at=110)
    room.add("luis", at=111)
    waiting = room.snapshot().waiting
    # a point of order is not a first speech: Luis still has his first statement to come
    assert [(e.name.split()[0], e.first_of_sitting) for e in waiting] == [
        ("Ana", False),
        ("Luis", True),
    ]
    room.next(200)  # Ana again
    room.next(260)  # Luis
    room.end(300)
    done = room.snapshot().done
    assert [(e.name.split()[0], e.kind.value, e.first_of_sitting) for e in done] == [
        ("Ana", "statement", True),
        ("Luis", "point_of_order", False),
        ("Kate", "statement", True),
        ("Ana", "statement", False),
        ("Luis", "statement", True),
    ]
    stats = statistics.speaking_stats(room.db, dt.date(2017, 9, 4), now=t(300))
    ana, luis, kate = (stats.person(room.p[k]) for k in ("ana", "luis", "kate"))
    assert (ana.speeches, ana.seconds) == (2, 90 + 60)
    assert (luis.speeches, luis.seconds) == (2, 10 + 40)
    assert (kate.speeches, kate.seconds) == (1, 100)
    assert ana.label() == "Dip. Ana Pérez Núñez" and ana.delegation_code == "MX"
    mx = stats.delegation(room.delegation["MX"])
    assert (mx.speeches, mx.seconds) == (4, 200)
    assert mx.label("es") == "México"
    assert [d.delegation_code for d in stats.delegations] == ["CA", "MX"]  # canonical order
    assert statistics.speaking_stats(room.db, dt.date(2017, 9, 5)).people == []
    # a speech still on the floor counts with its time so far
    room.add("tom", at=300)
    room.next(310)
    live = statistics.speaking_stats(room.db, sitting_id=room.sitting, now=t(335))
    assert live.person(room.p["tom"]).seconds == 25


def test_sitting_speeches_for_the_minutes(room):
    room.add("ana")
    queue.add_speaker(room.db, room.sitting, room.item2, room.p["kate"], at=t(1))
    room.next(0)
    room.end(60)
    floor.start_next(room.db, room.sitting, room.item2, at=t(70))
    floor.end_current(room.db, room.sitting, at=t(100))
    record = queries.sitting_speeches(room.db, room.sitting)
    assert [(e.name.split()[0], e.agenda_item_id, e.duration_seconds) for e in record] == [
        ("Ana", room.item, 60),
        ("Kate", room.item2, 30),
    ]


def test_replaying_an_hour_long_sitting_records_every_duration_exactly(room):
    """Sixty speeches with pauses and points of order, replayed with given moments."""
    import random

    rng = random.Random(4)
    people = list(room.p)
    now = 0.0
    truth = {}
    for n in range(60):
        who = people[n % len(people)]
        entry = room.add(who, at=now) if n % 9 else room.add(who, POO, at=now)
        now += rng.randint(1, 5)
        room.next(now)
        spoken = 0.0
        for _ in range(rng.randint(0, 2)):
            run = rng.randint(5_000, 60_000) / 1000
            now += run
            spoken += run
            floor.pause_current(room.db, room.sitting, at=t(now))
            now += rng.randint(500, 20_000) / 1000
            floor.resume_current(room.db, room.sitting, at=t(now))
        run = rng.randint(5_000, 90_000) / 1000
        now += run
        spoken += run
        room.end(now)
        truth[entry.id] = spoken
    assert now > 3600
    done = {e.id: e for e in room.snapshot().done}
    assert len(done) == 60
    for speech_id, spoken in truth.items():
        assert done[speech_id].duration_seconds == pytest.approx(spoken, abs=1e-3)
    total = sum(e.duration_seconds for e in done.values())
    assert abs(total - sum(truth.values())) < 0.1


def test_a_badge_scanned_at_the_chair_finds_the_speaker(room):
    from encounter_desk.event import badge_code
    from encounter_desk.event.event import EventDetails, create_event

    with refused("speakers.no_event", match="no event"):
        queue.participant_from_badge(room.db, "anything")
    details = EventDetails(
        code="RCM2017",
        name_es="Encuentro",
        name_en="Encounter",
        start_date=dt.date(2017, 9, 4),
        end_date=dt.date(2017, 9, 6),
    )
    event = create_event(room.db, details, presets=())
    code = badge_code.make_code(
        secret_hex=event.secret, event_code=event.code, participant_id=room.p["rosa"], serial=1
    )
    assert queue.participant_from_badge(room.db, code.lower()) == room.p["rosa"]
    with refused("speakers.badge_unreadable", match="damaged"):
        queue.participant_from_badge(room.db, code[:-3] + "000")
    other = badge_code.make_code(
        secret_hex=event.secret, event_code="OTHER", participant_id=room.p["rosa"], serial=1
    )
    with refused("speakers.badge_wrong_event", match="another event"):
        queue.participant_from_badge(room.db, other)
    with room.db.write() as s:
        s.get(Participant, room.p["rosa"]).badge_serial = 2
    with refused("speakers.badge_replaced", match="replaced"):
        queue.participant_from_badge(room.db, code)


def test_kinds_are_named_in_the_language_asked_for(room):
    entry = room.add("rosa", POO)
    assert entry.kind_label == "Point of order"
    assert entries.kind_label(POO, "en") == "Point of order"
    assert entry.kind_text("en") == "Point of order"


# --- restarts ----------------------------------------------------------------------------


def test_reopening_the_file_resumes_the_speech_with_the_right_elapsed_time(room):
    room.add("ana")
    room.next(0)
    floor.pause_current(room.db, room.sitting, at=t(50))
    floor.resume_current(room.db, room.sitting, at=t(60))
    room.db.close()  # the app closes (or crashes) mid-speech

    wall_now = t(130)
    reopened = open_database(room.db.url, actor="chair", clock=lambda: wall_now)
    try:
        current = queries.current_speech(reopened, room.sitting)
        assert current is not None and current.entry.name == "Ana Pérez Núñez"
        assert current.elapsed == 120
        assert current.as_of == wall_now

        class Mono:
            now = 5.0

            def __call__(self):
                return self.now

        mono = Mono()
        face = SpeechClock(
            monotonic=mono, wall=lambda: wall_now, warning_seconds=current.warning_seconds
        )
        face.follow(current.timing, speech_id=current.entry.id)
        assert face.state().text == "1:00"
        mono.now += 35
        assert face.state().phase == Phase.WARNING and face.state().text == "0:25"
        # and the speech goes on in the reopened file
        ended = floor.end_current(reopened, room.sitting, at=t(200))
        assert ended is None
        done = queries.list_snapshot(reopened, room.sitting, room.item).done[0]
        assert done.duration_seconds == 190 and done.over_time
    finally:
        reopened.close()


def test_reopening_during_a_pause_keeps_the_clock_paused(room):
    room.add("ana")
    room.next(0)
    floor.pause_current(room.db, room.sitting, at=t(80))
    room.db.close()
    reopened = open_database(room.db.url, actor="chair", clock=lambda: t(500))
    try:
        current = queries.current_speech(reopened, room.sitting)
        assert current.paused and current.elapsed == 80
        back = floor.resume_current(reopened, room.sitting)
        assert back.entry.paused_seconds == 420
        assert queries.current_speech(reopened, room.sitting, now=t(510)).elapsed == 90
    finally:
        reopened.close()


def test_the_same_list_on_postgresql(pg_url):
    database = open_database(pg_url, actor="chair")
    try:
        room = Room(database)
        lists.set_budget(database, room.sitting, room.item, room.delegation["MX"], 200)
        room.add("ana", at=0)
        room.add("kate", at=1)
        room.next(2)
        room.add("rosa", POO, at=10)
        room.add("tom", REPLY, at=11)
        assert room.order() == [
            ("Rosa", "point_of_order"),
            ("Tom", "right_of_reply"),
            ("Kate", "statement"),
        ]
        room.next(20)
        back = room.end(50)
        assert back.entry.name.startswith("Ana") and back.elapsed == 18
        lists.close_list(database, room.sitting, room.item)
        with refused("speakers.list_closed", match="closed"):
            room.add("luis")
        room.next(100)  # Tom's reply
        snap = room.snapshot(at=110)
        assert snap.closed and snap.current.entry.name.startswith("Tom")
        assert [(b.delegation_code, b.used) for b in snap.budgets] == [("MX", 68)]
        assert snap.done[0].duration_seconds == 68 and snap.done[0].first_of_sitting
    finally:
        database.close()


# --- a request changed in place, a withdrawal undone ----------------------------------------

def test_a_waiting_request_changes_kind_and_keeps_its_place(room):
    room.add("ana")
    kate = room.add("kate")
    room.add("rosa")
    room.next(10)  # Ana speaks
    changed = requests.change_request(room.db, kate.id, kind=REPLY)
    assert changed.id == kate.id and changed.kind == REPLY
    assert room.order() == [("Kate", "right_of_reply"), ("Rosa", "statement")]
    assert room.speech(kate.id).replies_to_id is not None  # answers Ana, on the floor
    requests.change_request(room.db, kate.id, kind=SpeechKind.STATEMENT)
    assert room.speech(kate.id).replies_to_id is None
    with refused("speakers.kind"):
        requests.change_request(room.db, kate.id, kind="speech")


def test_a_waiting_request_changes_person_in_place(room):
    room.add("ana")
    kate = room.add("kate")
    room.add("rosa")
    changed = requests.change_request(room.db, kate.id, participant_id=room.p["marc"])
    assert changed.name.startswith("Marc")
    assert room.names() == ["Ana", "Marc", "Rosa"]
    assert room.speech(kate.id).language == "fr"
    with refused("speakers.already_waiting"):  # Rosa already waits for a statement
        requests.change_request(room.db, kate.id, participant_id=room.p["rosa"])
    assert room.names() == ["Ana", "Marc", "Rosa"]


def test_a_withdrawal_is_undone_in_its_old_place(room):
    room.add("ana")
    kate = room.add("kate", at=1)
    room.add("rosa", at=2)
    queue.withdraw(room.db, kate.id, at=t(3))
    assert room.names() == ["Ana", "Rosa"]
    back = requests.undo_withdraw(room.db, kate.id)
    assert back.id == kate.id and back.state == SpeechState.WAITING
    assert room.names() == ["Ana", "Kate", "Rosa"]
    assert room.speech(kate.id).withdrawn_at is None
    with refused("speakers.not_withdrawn"):
        requests.undo_withdraw(room.db, kate.id)


def test_an_undone_withdrawal_never_makes_a_second_request(room):
    kate = room.add("kate")
    queue.withdraw(room.db, kate.id, at=t(3))
    room.add("kate", at=4)  # she asked again meanwhile
    with refused("speakers.already_waiting"):
        requests.undo_withdraw(room.db, kate.id)


# --- presence -------------------------------------------------------------------------------

def test_a_list_for_present_participants_only_refuses_the_others(room):
    from encounter_desk.chair import presence
    from encounter_desk.records.attendance import marks

    assert presence.not_present(room.db, room.sitting, [room.p["ana"], room.p["kate"]]) == {
        room.p["ana"], room.p["kate"]}
    room.add("kate")  # allowed by default: the chair is only told
    settings = lists.set_only_present(room.db, room.sitting, room.item, True)
    assert settings.only_present
    with refused("speakers.not_present", match="not marked present"):
        room.add("ana")
    marks.mark(room.db, room.sitting, room.p["ana"], "present", at=t(1))
    assert presence.not_present(room.db, room.sitting, [room.p["ana"]]) == set()
    room.add("ana", at=2)
    kate = room.snapshot().waiting[0]
    with refused("speakers.not_present"):  # her place cannot go to someone absent either
        requests.change_request(room.db, kate.id, participant_id=room.p["rosa"])
    lists.set_only_present(room.db, room.sitting, room.item, False)
    assert not queries.list_settings(room.db, room.sitting, room.item).only_present


def test_speeches_given_counts_who_had_the_floor(room):
    from encounter_desk.chair import presence

    room.add("ana")
    room.add("kate")
    assert presence.speeches_given(room.db, room.sitting, room.p["ana"]) == 0
    room.next(10)
    assert presence.speeches_given(room.db, room.sitting, room.p["ana"]) == 1
    room.end(20)
    assert presence.speeches_given(room.db, room.sitting, room.p["ana"]) == 1
    assert presence.speeches_given(room.db, room.sitting, room.p["kate"]) == 0
