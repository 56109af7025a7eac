"""Lists of speakers: who asks for the floor, who speaks next, for how long, and the record.

A list belongs to a sitting and one of its agenda items (``agenda_item_id`` None: the
sitting's list outside any item). Each command is one short ``db.write()`` transaction
through the ORM (so the audit trail records every step) and returns plain dataclasses from
:mod:`encounter_desk.chair.entries`. Invalid commands raise
:class:`~encounter_desk.chair.errors.SpeakerListError` (a translated sentence and a code)
and write nothing. Every command that marks a moment takes ``at`` (default: the
database's wall clock), so a held sitting can be replayed with its real times.

The commands live by what they change, each module with its rules:

* :mod:`encounter_desk.chair.queue` — asking for the floor (by name or badge), withdrawing,
  reordering, putting the last speaker back;
* :mod:`encounter_desk.chair.requests` — a waiting request's kind or person changed in
  place, a withdrawal undone;
* :mod:`encounter_desk.chair.floor` — giving the floor, pauses, points of order, the end of
  a speech, extra time;
* :mod:`encounter_desk.chair.lists` — closing and reopening a list, its default times, the
  delegations' budgets;
* :mod:`encounter_desk.chair.speech_details` — one speaker's own time, language and
  summary;
* :mod:`encounter_desk.chair.point_reasons` — why a point of order was raised.

This module gathers them, with the reads of :mod:`encounter_desk.chair.queries` and
:mod:`encounter_desk.chair.statistics`, in the one namespace the chair's window and the
CLI use (``from encounter_desk.chair import commands as speakers``).
"""

from __future__ import annotations

from encounter_desk.chair.entries import (
    BudgetRow,
    CurrentSpeech,
    ListSettings,
    ListSnapshot,
    QueueEntry,
    kind_label,
)
from encounter_desk.chair.floor import (
    add_time,
    end_current,
    pause_current,
    resume_current,
    start_next,
    start_speech,
    toggle_pause,
)
from encounter_desk.chair.lists import (
    close_list,
    reopen_list,
    set_budget,
    set_list_times,
    set_only_present,
)
from encounter_desk.chair.point_reasons import set_point_reason
from encounter_desk.chair.presence import not_present, speeches_given
from encounter_desk.chair.queries import (
    budgets,
    current_speech,
    list_settings,
    list_snapshot,
    sitting_speeches,
)
from encounter_desk.chair.queue import (
    add_speaker,
    move_down,
    move_to,
    move_up,
    participant_from_badge,
    readd_last,
    withdraw,
)
from encounter_desk.chair.requests import change_request, undo_withdraw
from encounter_desk.chair.speech_details import (
    adjust_time,
    set_language,
    set_summary,
    set_time_limit,
)
from encounter_desk.chair.statistics import SpeakerTotals, SpeakingStats, speaking_stats
from encounter_desk.storage.models import SpeechKind, SpeechState

__all__ = [
    "BudgetRow",
    "CurrentSpeech",
    "ListSettings",
    "ListSnapshot",
    "QueueEntry",
    "SpeakerTotals",
    "SpeakingStats",
    "SpeechKind",
    "SpeechState",
    "add_speaker",
    "add_time",
    "adjust_time",
    "budgets",
    "change_request",
    "close_list",
    "current_speech",
    "end_current",
    "kind_label",
    "list_settings",
    "list_snapshot",
    "move_down",
    "move_to",
    "move_up",
    "not_present",
    "participant_from_badge",
    "pause_current",
    "readd_last",
    "reopen_list",
    "resume_current",
    "set_budget",
    "set_language",
    "set_list_times",
    "set_only_present",
    "set_point_reason",
    "set_summary",
    "set_time_limit",
    "sitting_speeches",
    "speaking_stats",
    "speeches_given",
    "start_next",
    "start_speech",
    "toggle_pause",
    "undo_withdraw",
    "withdraw",
]
