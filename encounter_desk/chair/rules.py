"""Where a new request for the floor goes in a list of speakers: the ordering rules, pure.

The waiting speeches of a list are ordered by a float ``position`` (smaller speaks first).
A new request is placed by its kind:

* **point of order**: ahead of everyone waiting, behind the points of order already
  waiting at the head of the list — so several points of order are heard in the order they
  were asked;
* **right of reply** and **question**: right after the speech they answer. If that speech
  is still waiting, directly behind it (and behind the replies and questions to it asked
  earlier); if it is being given or is over, at the head of the list, behind the points of
  order and the earlier replies and questions to speeches already given;
* **statement**: at the end.

The chair can still move anyone anywhere afterwards; these rules only place a *new*
request. Positions are floats so that a move or an insertion changes one row; when two
neighbours come too close, the caller renumbers the list (:func:`renumbered`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from encounter_desk.storage.models.speeches import SpeechKind

ANSWERING = (SpeechKind.RIGHT_OF_REPLY.value, SpeechKind.QUESTION.value)
MIN_GAP = 1e-6


@dataclass(frozen=True)
class Waiting:
    """A waiting speech as the rules see it (in list order)."""

    id: int
    kind: str
    position: float
    replies_to_id: int | None = None


def _is_front(entry: Waiting, waiting_ids: set[int]) -> bool:
    """Placed at the head by the rules: a point of order, or an answer to a speech given."""
    if entry.kind == SpeechKind.POINT_OF_ORDER:
        return True
    return entry.kind in ANSWERING and entry.replies_to_id not in waiting_ids


def insertion_index(waiting: Sequence[Waiting], kind: str, replies_to_id: int | None = None) -> int:
    """The index in ``waiting`` (in list order) where a new request of ``kind`` goes."""
    kind = SpeechKind(kind)
    if kind == SpeechKind.POINT_OF_ORDER:
        index = 0
        while index < len(waiting) and waiting[index].kind == SpeechKind.POINT_OF_ORDER:
            index += 1
        return index
    if kind in ANSWERING:
        ids = [w.id for w in waiting]
        if replies_to_id is not None and replies_to_id in ids:
            index = ids.index(replies_to_id) + 1
            while (
                index < len(waiting)
                and waiting[index].kind in ANSWERING
                and waiting[index].replies_to_id == replies_to_id
            ):
                index += 1
            return index
        waiting_ids = set(ids)
        index = 0
        while index < len(waiting) and _is_front(waiting[index], waiting_ids):
            index += 1
        return index
    return len(waiting)


def head_index(waiting: Sequence[Waiting]) -> int:
    """Where a speaker put back on the list goes: first, behind the points of order."""
    return insertion_index(waiting, SpeechKind.POINT_OF_ORDER)


def position_at(positions: Sequence[float], index: int) -> float | None:
    """A position between the neighbours at ``index`` (None: too close, renumber first)."""
    if not positions:
        return 1.0
    if index <= 0:
        return positions[0] - 1.0
    if index >= len(positions):
        return positions[-1] + 1.0
    before, after = positions[index - 1], positions[index]
    if after - before < MIN_GAP * 2:
        return None
    return (before + after) / 2


def renumbered(count: int) -> list[float]:
    """Fresh, evenly spaced positions for ``count`` speeches: 1.0, 2.0, …"""
    return [float(n) for n in range(1, count + 1)]
