"""Walk-in registration at the desk: register a person, check them in, print their badge.

The three steps are separate calls so that the desk can show the verdict at once and then
print; each is one short transaction of its own service (:mod:`encounter_desk.event.participants`,
:mod:`encounter_desk.desk.checkin`, :mod:`encounter_desk.desk.badges`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from encounter_desk.core import config
from encounter_desk.core.clock import Clock
from encounter_desk.core.errors import Refusal
from encounter_desk.core.i18n import translate
from encounter_desk.core.names import fold
from encounter_desk.desk.checkin import check_in_participant
from encounter_desk.desk.verdict import Verdict
from encounter_desk.event import participants
from encounter_desk.event.participants import ParticipantRow
from encounter_desk.storage.database import Database


@dataclass(frozen=True)
class WalkIn:
    participant: ParticipantRow
    verdict: Verdict


def register_walk_in(
    db: Database, values: dict[str, Any], *, desk: str, clock: Clock | None = None
) -> WalkIn:
    """Register a new participant and check them in (source "walk-in").

    Raises a :class:`~encounter_desk.core.errors.Refusal` when a value is wrong (nothing is
    written then), as :func:`encounter_desk.event.participants.create_participant` does.
    """
    if not values.get("category"):
        # Never a default: a lawmaker counts towards quorum, a journalist does not.
        raise Refusal(translate("Desk", "Choose the person's category (lawmaker, press, "
                                "staff…): it decides what their badge says and what they "
                                "count towards."), "participant.category_needed")
    person = participants.create_participant(db, **values)
    verdict = check_in_participant(db, person.id, desk=desk, source="walk-in", clock=clock)
    return WalkIn(person, verdict)


def badge_folder() -> Path:
    """Where the desk writes the badges it prints at once (the user's data folder)."""
    folder = config.data_dir() / "badges"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")[:40] or "badge"


def write_walk_in_badge(
    db: Database,
    participant: ParticipantRow,
    folder: Path | None = None,
    *,
    now: dt.datetime | None = None,
    lang: str | None = None,
) -> Path:
    """Write one A6 badge (one page, for a badge holder) and return the PDF's path."""
    from encounter_desk.desk.badge_pdf import write_badges  # reportlab loads when printing
    folder = folder or badge_folder()
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    out = Path(folder) / f"badge-{participant.id}-{_slug(participant.display_name)}-{stamp}.pdf"
    write_badges(db, out, [participant.id], layout="a6", lang=lang)
    return out
