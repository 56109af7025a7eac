"""The room screen on a laptop with two (or three) screens.

Qt reads the offscreen platform's screens only when it starts (and makes the first by
name the primary one: Windows' names, DISPLAY1…, keep the laptop's screen first), so each case runs the
Chair in a process of its own (tests/helpers/room_screen_run.py) with
``QT_QPA_PLATFORM="offscreen:configfile=…"`` and reads back what it saw.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from helpers import REPO

pytestmark = pytest.mark.gui

LAPTOP = {"name": "DISPLAY1", "x": 0, "y": 0, "width": 1366, "height": 768}
HDMI = {"name": "DISPLAY2", "x": 1366, "y": 0, "width": 1920, "height": 1080}
SMALL = {"name": "DISPLAY3", "x": 3286, "y": 0, "width": 1280, "height": 720}


def run_with_screens(tmp_path, screens, choice=""):
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": [
        dict(s, logicalDpi=96, logicalBaseDpi=96, dpr=1) for s in screens]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               ENCOUNTER_DESK_HOME=str(tmp_path / "home"),
               PYTHONPATH=os.pathsep.join([str(REPO / "tests"), os.environ.get("PYTHONPATH", "")]))
    done = subprocess.run(
        [sys.executable, str(REPO / "tests" / "helpers" / "room_screen_run.py"), str(tmp_path),
         choice], env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def two_screens(tmp_path_factory):
    return run_with_screens(tmp_path_factory.mktemp("two"), [LAPTOP, HDMI])


def test_f11_puts_the_room_screen_full_screen_on_the_second_screen(two_screens):
    assert sorted(two_screens["screens"]) == ["DISPLAY1", "DISPLAY2"]
    shown = two_screens["after_f11"]
    assert shown["visible"] and shown["full_screen"]
    assert shown["screen"] == "DISPLAY2"
    assert shown["geometry"] == [1366, 0, 1920, 1080]


def test_opening_the_room_screen_leaves_the_keyboard_with_the_chair(two_screens):
    assert two_screens["before"]["focus_in_chair"]
    assert two_screens["after_f11"]["active_is_chair"]
    assert two_screens["after_f11"]["focus_in_chair"]
    assert not two_screens["after_f11"]["paused"]
    assert two_screens["after_f6"]["paused"]  # F6 works right after F11


def test_unplugging_the_second_screen_falls_back_to_a_window_and_back(two_screens):
    gone = two_screens["unplugged"]
    assert gone["visible"] and not gone["full_screen"]
    assert gone["screen"] == "DISPLAY1"
    assert two_screens["unplugged_fits"]
    assert gone["active_is_chair"]
    back = two_screens["plugged_back"]
    assert back["full_screen"] and back["screen"] == "DISPLAY2"
    assert not two_screens["closed"]["visible"]  # Shift+F11


def test_the_screen_chosen_in_setup_is_the_one_used(tmp_path):
    seen = run_with_screens(tmp_path, [LAPTOP, HDMI, SMALL], choice="DISPLAY3")
    assert seen["after_f11"]["screen"] == "DISPLAY3"
    assert seen["after_f11"]["geometry"] == [3286, 0, 1280, 720]
    # that one unplugged: the other spare screen serves, still full screen
    assert seen["unplugged"]["screen"] == "DISPLAY2" and seen["unplugged"]["full_screen"]
