"""Attendance per sitting: door scans, the chair's roll call, manual marks, live counts, quorum.

Every participant has at most one ``attendance`` row per sitting (a UNIQUE constraint in
the database). Three ways fill it, and the row keeps which one did (``source``):

* :func:`record_door_scan` / :func:`record_door_participant` — a badge read (or a person
  found by search) at the sitting's door (:mod:`.door`). It records a ``scan`` row with
  the sitting's id (the desk's log keeps every read, refused ones too) and makes the
  person present. It does **not** check the person in at the event: that is the
  registration desk's job.
* :func:`mark_many` — the roll call: a whole list of marks in one transaction
  (:mod:`.marks`; who is expected and their marks: :mod:`.roll_call`).
* :func:`mark` — one manual mark by the secretariat (:mod:`.marks`, with the rules every
  mark follows).

:mod:`.counts` counts present, excused and absent by delegation and says whether the
quorum is met. This package gathers the public names of its modules, so that
``from encounter_desk.records import attendance; attendance.mark(...)`` reads as one job.
"""

from __future__ import annotations

from encounter_desk.records.attendance.counts import (
    QUORUM_RULE_LABELS,
    QUORUM_RULES,
    AttendanceCounts,
    DelegationCount,
    Quorum,
    counts_in,
    live_counts,
    quorum_of,
)
from encounter_desk.records.attendance.door import (
    DOOR_VERDICT_LABELS,
    DoorVerdict,
    DoorVerdictKind,
    record_door_participant,
    record_door_scan,
    zone_of,
)
from encounter_desk.records.attendance.marks import (
    AttendanceError,
    AttendanceMark,
    attendance_of,
    clear_mark,
    mark,
    mark_many,
    source_label,
    status_label,
)
from encounter_desk.records.attendance.roll_call import (
    NOT_EXPECTED,
    RollCallEntry,
    RollCallGroup,
    roll_call,
    roll_call_in,
)

__all__ = [
    "DOOR_VERDICT_LABELS",
    "NOT_EXPECTED",
    "QUORUM_RULES",
    "QUORUM_RULE_LABELS",
    "AttendanceCounts",
    "AttendanceError",
    "AttendanceMark",
    "DelegationCount",
    "DoorVerdict",
    "DoorVerdictKind",
    "Quorum",
    "RollCallEntry",
    "RollCallGroup",
    "attendance_of",
    "clear_mark",
    "counts_in",
    "live_counts",
    "mark",
    "mark_many",
    "quorum_of",
    "record_door_participant",
    "record_door_scan",
    "roll_call",
    "roll_call_in",
    "source_label",
    "status_label",
    "zone_of",
]
