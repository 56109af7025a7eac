"""The minutes (PDF) and the Akoma Ntoso XML written on a drive that is really full (a tiny
tmpfs in a private mount namespace): one sentence, no traceback, the earlier file at the
target byte for byte, and nothing else left on the drive."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from helpers.faultfs import cli, needs_namespace, run, run_with_mounts, tiny_disk

pytestmark = [needs_namespace, pytest.mark.slow]


@pytest.fixture(scope="module")
def demo_event(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("event") / "demo.sqlite"
    done = run(cli("--db", str(path), "demo"))
    assert done.returncode == 0, done.stderr
    return path


@pytest.mark.parametrize(("command", "name"), [("minutes", "minutes.pdf"),
                                               ("export-akn", "minutes.xml")])
def test_a_full_drive_keeps_the_earlier_minutes(demo_event, tmp_path, command, name):
    stick = tmp_path / "stick"
    stick.mkdir()
    target = stick / name
    write = " ".join(shlex.quote(a) for a in cli("--db", str(demo_event), command, "1",
                                                 str(target)))
    earlier, after, listing = tmp_path / "earlier", tmp_path / "after", tmp_path / "listing"
    # On the tiny drive: the earlier file, then a filler that takes the rest of the room;
    # then the same command again, and what the drive holds afterwards is copied out.
    done = run_with_mounts(
        [tiny_disk(stick, "512k"), write, f"cp {target} {earlier}",
         f"(dd if=/dev/zero of={stick}/filler bs=4k 2>/dev/null || true)"],
        ["sh", "-c", f"{write}; rc=$?; cp {target} {after}; ls -A {stick} > {listing}; "
                     "exit $rc"],
    )
    assert done.returncode == 1, done.stdout
    assert "is full" in done.stderr and str(target) in done.stderr, done.stderr
    assert "Traceback" not in done.stderr and "Errno" not in done.stderr
    assert earlier.stat().st_size > 0
    assert after.read_bytes() == earlier.read_bytes()
    assert sorted(listing.read_text().split()) == ["filler", name]
