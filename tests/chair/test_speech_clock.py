"""The speech clock: arithmetic over injected clocks, no ticks counted, no sleeps."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from encounter_desk.chair.clock import (
    ClockState,
    Phase,
    SpeechClock,
    SpeechTiming,
    alerts,
    format_duration,
    format_elapsed,
    format_remaining,
    format_seconds,
)
from encounter_desk.chair.errors import SpeakerListError
from encounter_desk.core.clock import ManualClock

T0 = dt.datetime(2017, 9, 4, 15, 0, tzinfo=dt.UTC)


@pytest.fixture
def time() -> ManualClock:
    """The one fake clock: its monotonic side drives the face, its wall side the record."""
    return ManualClock(T0, seconds=48_213.625)


@pytest.fixture
def clock(time) -> SpeechClock:
    return SpeechClock(monotonic=time.monotonic, wall=time.wall, warning_seconds=30)


# --- the face ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("remaining", "text"),
    [
        (161, "2:41"),
        (160.2, "2:41"),
        (5, "0:05"),
        (0.4, "0:01"),
        (0, "+0:00"),
        (-0.6, "+0:00"),
        (-12, "+0:12"),
        (-12.9, "+0:12"),
        (-75, "+1:15"),
        (3725, "1:02:05"),
    ],
)
def test_format_remaining(remaining, text):
    assert format_remaining(remaining) == text


def test_other_formats():
    assert format_seconds(0) == "0:00"
    assert format_seconds(59) == "0:59"
    assert format_seconds(600) == "10:00"
    assert format_elapsed(59.99) == "0:59"
    assert format_elapsed(-3) == "0:00"
    assert format_duration(187.6) == "3:08"
    assert format_duration(None) == ""


def test_idle_clock_shows_the_time_the_next_speaker_gets(clock):
    clock.reset(180)
    state = clock.state()
    assert state.phase == Phase.IDLE
    assert state.text == "3:00"
    assert state.elapsed == 0
    assert not state.overtime and not state.warning


def test_countdown_running_warning_and_overtime(clock, time):
    clock.start(180)
    assert clock.state().phase == Phase.RUNNING
    assert clock.state().text == "3:00"
    time.advance(19.3)
    assert clock.state().text == "2:41"
    time.advance(130.7)  # 150 s elapsed: 30 s left, the warning begins
    state = clock.state()
    assert state.phase == Phase.WARNING and state.warning
    assert state.text == "0:30"
    time.advance(25)
    assert clock.state().text == "0:05"
    time.advance(4.5)
    assert clock.state().text == "0:01"
    assert clock.state().phase == Phase.WARNING
    time.advance(0.5)  # exactly zero: time is up
    assert clock.state().phase == Phase.OVERTIME
    assert clock.state().text == "+0:00"
    time.advance(12.4)
    state = clock.state()
    assert state.phase == Phase.OVERTIME and state.overtime
    assert state.text == "+0:12"
    assert state.remaining == pytest.approx(-12.4)


def test_pause_freezes_the_clock_and_resume_continues(clock, time):
    clock.start(180)
    time.advance(40)
    clock.pause()
    assert clock.state().phase == Phase.PAUSED
    time.advance(300)  # a long point of order
    assert clock.elapsed() == pytest.approx(40)
    assert clock.state().text == "2:20"
    clock.pause()  # pausing twice changes nothing
    clock.resume()
    time.advance(20)
    assert clock.elapsed() == pytest.approx(60)
    assert clock.state().phase == Phase.RUNNING
    clock.resume()  # resuming twice changes nothing
    time.advance(1)
    assert clock.elapsed() == pytest.approx(61)


def test_paused_in_the_warning_time_still_says_warning(clock, time):
    clock.start(60)
    time.advance(45)
    clock.pause()
    state = clock.state()
    assert state.phase == Phase.PAUSED
    assert state.warning and not state.overtime


def test_add_and_remove_time_while_running(clock, time):
    clock.start(180)
    time.advance(170)
    assert clock.state().phase == Phase.WARNING
    clock.add_time(30)
    assert clock.limit_seconds == 210
    assert clock.state().text == "0:40"
    assert clock.state().phase == Phase.RUNNING
    clock.add_time(-60)
    assert clock.state().phase == Phase.OVERTIME
    assert clock.state().text == "+0:20"
    clock.add_time(-1000)  # never below zero
    assert clock.limit_seconds == 0
    assert clock.elapsed() == pytest.approx(170)  # elapsed time is never touched


def test_stopwatch_counts_up_and_has_no_limit_to_change(clock, time):
    clock.start(None)
    time.advance(75.8)
    state = clock.state()
    assert state.phase == Phase.STOPWATCH
    assert state.remaining is None and not state.overtime and not state.warning
    assert state.text == "1:15"
    with pytest.raises(SpeakerListError, match="stopwatch") as refused:
        clock.add_time(30)
    assert refused.value.code == "clock.stopwatch"
    clock.set_limit(120)
    assert clock.state().phase == Phase.RUNNING
    assert clock.state().text == "0:45"


def test_stop_keeps_the_final_time_on_the_face(clock, time):
    clock.start(180)
    time.advance(200)
    clock.stop()
    time.advance(50)
    state = clock.state()
    assert state.phase == Phase.STOPPED
    assert state.text == "+0:20"
    clock.resume()  # an ended speech does not run again
    time.advance(5)
    assert clock.elapsed() == pytest.approx(200)


def test_alerts_for_the_optional_sounds():
    def at(remaining: float) -> ClockState:
        return ClockState(Phase.RUNNING, 180 - remaining, 180, 30)

    assert alerts(at(31), at(30.5)) == []
    assert alerts(at(30.1), at(29.9)) == ["warning"]
    assert alerts(at(0.2), at(-0.1)) == ["zero"]
    assert alerts(at(31), at(-1)) == ["warning", "zero"]  # a late repaint jumps both
    assert alerts(None, at(10)) == []
    stopwatch = ClockState(Phase.STOPWATCH, 10, None, 30)
    assert alerts(stopwatch, stopwatch) == []


# --- never counting ticks ----------------------------------------------------------------


def test_an_hour_long_sitting_of_sixty_speeches_does_not_drift(clock, time):
    """60 speeches with pauses over more than an hour, read by an irregular repaint timer.

    The truth is kept in whole milliseconds (exact integers); the clock reads a float
    monotonic clock that started far from zero, as real ones do.
    """
    rng = random.Random(2017)
    truth_total_ms = 0
    shown_total = 0.0
    wall_ms = 0
    for _ in range(60):
        limit = rng.choice([60, 90, 180, 300])
        clock.start(limit)
        spoken_ms = 0
        last = -1.0
        for _segment in range(rng.randint(1, 4)):
            run_ms = rng.randint(5_000, 40_000)
            # a repaint timer that fires late and irregularly only reads the clock
            done = 0
            while done < run_ms:
                step = min(run_ms - done, rng.randint(40, 260))
                time.advance(step / 1000)
                done += step
                reading = clock.elapsed()
                assert reading >= last  # never goes backwards
                last = reading
            spoken_ms += run_ms
            clock.pause()
            pause_ms = rng.randint(1_000, 30_000)
            time.advance(pause_ms / 1000)
            wall_ms += run_ms + pause_ms
            clock.resume()
        clock.stop()
        assert clock.elapsed() == pytest.approx(spoken_ms / 1000, abs=1e-6)
        truth_total_ms += spoken_ms
        shown_total += clock.elapsed()
        gap_ms = rng.randint(2_000, 20_000)  # the next speaker walks to the microphone
        time.advance(gap_ms / 1000)
        wall_ms += gap_ms
    assert wall_ms > 3600 * 1000  # more than an hour went by
    assert abs(shown_total - truth_total_ms / 1000) < 0.1
    assert abs(shown_total - truth_total_ms / 1000) < 1e-5  # in fact, float rounding only


def test_one_speech_running_an_hour_with_a_hundred_pauses(clock, time):
    clock.start(None)
    truth = 0.0
    for n in range(100):
        time.advance(30.017)
        truth += 30.017
        clock.pause()
        time.advance(3.3 + n % 7)
        clock.resume()
    time.advance(600.5)
    truth += 600.5
    assert truth > 3600
    assert abs(clock.elapsed() - truth) < 0.1
    assert clock.state().text == format_elapsed(truth)


# --- the stored record, restarts and following the services ------------------------------


def test_timing_elapsed_from_stored_wall_clock_moments():
    timing = SpeechTiming(started_at=T0, paused_seconds=20.0, limit_seconds=180)
    assert timing.running
    assert timing.elapsed_at(T0 + dt.timedelta(seconds=100)) == pytest.approx(80)
    paused = SpeechTiming(
        started_at=T0,
        paused_at=T0 + dt.timedelta(seconds=70),
        paused_seconds=20.0,
        limit_seconds=180,
    )
    assert not paused.running
    assert paused.elapsed_at(T0 + dt.timedelta(seconds=500)) == pytest.approx(50)
    ended = SpeechTiming(
        started_at=T0, ended_at=T0 + dt.timedelta(seconds=200), paused_seconds=10, limit_seconds=180
    )
    assert ended.elapsed_at(T0 + dt.timedelta(hours=5)) == pytest.approx(190)
    state = ended.state_at(T0 + dt.timedelta(hours=5), 30)
    assert state.phase == Phase.STOPPED and state.text == "+0:10"
    assert SpeechTiming(started_at=None).elapsed_at(T0) == 0


def test_load_after_a_restart_takes_the_elapsed_time_from_the_wall_clock(clock, time):
    time.now = T0 + dt.timedelta(seconds=130)
    stored = SpeechTiming(started_at=T0, paused_seconds=10.0, limit_seconds=180)
    clock.load(stored, speech_id=7)
    assert clock.elapsed() == pytest.approx(120)
    assert clock.state().text == "1:00"
    time.advance(35)
    assert clock.elapsed() == pytest.approx(155)
    assert clock.state().phase == Phase.WARNING


def test_follow_mirrors_the_record_without_jumping_when_the_wall_clock_changes(clock, time):
    timing = SpeechTiming(started_at=T0, limit_seconds=180)
    clock.follow(timing, speech_id=1)
    assert clock.elapsed() == 0
    time.advance(50)
    time.advance_wall(3600)  # somebody sets the laptop's clock an hour ahead mid-speech
    paused = SpeechTiming(
        started_at=T0, paused_at=time.now, limit_seconds=180
    )  # what the service recorded
    clock.follow(paused, speech_id=1)
    assert clock.state().phase == Phase.PAUSED
    assert clock.elapsed() == pytest.approx(50)  # the face did not jump by an hour
    time.advance(10)
    clock.follow(SpeechTiming(started_at=T0, paused_seconds=10, limit_seconds=210), speech_id=1)
    assert clock.running and clock.limit_seconds == 210
    time.advance(5)
    assert clock.elapsed() == pytest.approx(55)
    clock.follow(
        SpeechTiming(started_at=T0, ended_at=time.now, paused_seconds=10, limit_seconds=210),
        speech_id=1,
    )
    assert clock.state().phase == Phase.STOPPED
    # another speech: anchored anew from its own record
    time.now = T0 + dt.timedelta(seconds=1000)
    clock.follow(
        SpeechTiming(started_at=T0 + dt.timedelta(seconds=990), limit_seconds=60), speech_id=2
    )
    assert clock.speech_id == 2
    assert clock.elapsed() == pytest.approx(10)
    clock.follow(None)
    assert clock.state().phase == Phase.IDLE


def test_default_time_sources_are_the_real_ones():
    clock = SpeechClock()
    clock.start(180)
    assert 0 <= clock.elapsed() < 5
    assert clock.state().phase == Phase.RUNNING
