"""What the desk shows for a scan: the kinds of verdict, their labels, and :class:`Verdict`.

Plain data, safe to hand to a widget or print as JSON. The verdict path that judges and
records a scan is :mod:`encounter_desk.desk.checkin`; the scan log, undo and live counts are
:mod:`encounter_desk.desk.scan_log`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from encounter_desk.core.errors import Refusal
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, bilingual, in_language, language
from encounter_desk.event.event import venue_zone


class VerdictKind(StrEnum):
    ADMITTED = "admitted"
    ADMITTED_ATTENTION = "admitted_attention"
    ALREADY_CHECKED_IN = "already_checked_in"
    REPLACED = "replaced"
    WRONG_EVENT = "wrong_event"
    FORGED = "forged"
    UNKNOWN = "unknown"
    WITHDRAWN = "withdrawn"  # a genuine badge whose accreditation was withdrawn
    NOT_A_BADGE = "not_a_badge"  # a name, a URL: text a badge could never have become

    @property
    def admitted(self) -> bool:
        return self in (VerdictKind.ADMITTED, VerdictKind.ADMITTED_ATTENTION)

    @property
    def refused(self) -> bool:
        return not self.admitted and self is not VerdictKind.ALREADY_CHECKED_IN


VERDICT_LABELS = {
    VerdictKind.ADMITTED: QT_TRANSLATE_NOOP("Desk", "Admitted"),
    VerdictKind.ADMITTED_ATTENTION: QT_TRANSLATE_NOOP("Desk", "Admitted — attention"),
    VerdictKind.ALREADY_CHECKED_IN: QT_TRANSLATE_NOOP("Desk", "Already checked in"),
    VerdictKind.REPLACED: QT_TRANSLATE_NOOP("Desk", "Replaced badge"),
    VerdictKind.WRONG_EVENT: QT_TRANSLATE_NOOP("Desk", "Wrong event"),
    VerdictKind.FORGED: QT_TRANSLATE_NOOP("Desk", "Forged or damaged"),
    VerdictKind.UNKNOWN: QT_TRANSLATE_NOOP("Desk", "Unknown"),
    VerdictKind.WITHDRAWN: QT_TRANSLATE_NOOP("Desk", "Accreditation withdrawn"),
    VerdictKind.NOT_A_BADGE: QT_TRANSLATE_NOOP("Desk", "Not a badge"),
}


class CheckInError(Refusal):
    """A desk action was refused; ``str(error)`` is a translated sentence for the user."""

    default_code = "desk.refused"


def verdict_label(kind: VerdictKind | str, lang: str | None = None) -> str:
    return in_language(lang).translate("Desk", VERDICT_LABELS[VerdictKind(kind)])


# --- what a verdict carries -------------------------------------------------------------

@dataclass(frozen=True)
class PersonLabel:
    """How the desk names a person: title, name, and delegation in both languages."""

    id: int
    title: str
    display_name: str
    delegation_code: str
    delegation_es: str
    delegation_en: str

    delegation = bilingual("delegation")

    @property
    def full_title_name(self) -> str:
        return f"{self.title} {self.display_name}".strip()


@dataclass(frozen=True)
class ParticipantInfo(PersonLabel):
    """The person a verdict is about."""

    delegation_kind: str
    category: str
    position: str
    institution: str
    desk_note: str
    is_head_of_delegation: bool
    badge_serial: int
    withdrawn: bool = False
    withdrawn_reason: str = ""


@dataclass(frozen=True)
class SittingInfo:
    id: int
    number: int
    title_es: str
    title_en: str
    date: dt.date
    start: dt.time
    room: str

    title = bilingual("title")


@dataclass(frozen=True)
class Verdict:
    """What the desk shows for one scan."""

    kind: VerdictKind
    scan_id: int
    scan_uid: str
    at: dt.datetime
    desk: str
    source: str
    participant: ParticipantInfo | None = None
    attention: tuple[str, ...] = ()
    """Why an admission needs attention: "Head of delegation", the desk note."""
    checked_in_at: dt.datetime | None = None
    """already_checked_in: when the person was admitted, and at which desk."""
    checked_in_desk: str = ""
    scanned_serial: int | None = None
    current_serial: int | None = None
    """replaced: the serial on the scanned badge and the one of the newer badge."""
    due_sitting: SittingInfo | None = None
    repeated: bool = False
    """True when this is the answer to a retry of an already recorded scan (same scan_uid)."""
    detail: str = field(default="")
    """Why a code was refused as forged/unknown (a ParseProblem or "serial_ahead"…)."""
    timezone: str = "UTC"
    """The venue's time zone (IANA name): show ``at`` and ``checked_in_at`` in it."""

    def local(self, moment: dt.datetime) -> dt.datetime:
        return moment.astimezone(venue_zone(self.timezone))

    @property
    def admitted(self) -> bool:
        return self.kind.admitted

    def label(self, lang: str | None = None) -> str:
        return verdict_label(self.kind, lang)

    def to_json(self) -> dict[str, Any]:
        participant = None
        if self.participant is not None:
            participant = asdict(self.participant)
        sitting = None
        if self.due_sitting is not None:
            sitting = asdict(self.due_sitting)
            sitting["date"] = self.due_sitting.date.isoformat()
            sitting["start"] = self.due_sitting.start.isoformat(timespec="minutes")
        return {
            "verdict": self.kind.value,
            "label": self.label(),
            "scan_id": self.scan_id,
            "scan_uid": self.scan_uid,
            "at": self.at.isoformat(),
            "desk": self.desk,
            "source": self.source,
            "participant": participant,
            "attention": list(self.attention),
            "checked_in_at": self.checked_in_at.isoformat() if self.checked_in_at else None,
            "checked_in_desk": self.checked_in_desk or None,
            "scanned_serial": self.scanned_serial,
            "current_serial": self.current_serial,
            "due_sitting": sitting,
            "repeated": self.repeated,
            "detail": self.detail or None,
            "timezone": self.timezone,
        }


def describe(verdict: Verdict, lang: str | None = None) -> list[str]:
    """The verdict as a few lines of text (terminal, logs, screen readers)."""
    lang = lang or language()
    lines = [verdict.label(lang)]
    p = verdict.participant
    if p is not None:
        lines.append(p.full_title_name)
        if p.delegation(lang):
            lines.append(p.delegation(lang))
    for note in verdict.attention:
        lines.append(in_language(lang).translate("Desk", "Attention: {note}").format(note=note))
    if verdict.kind is VerdictKind.ALREADY_CHECKED_IN and verdict.checked_in_at:
        lines.append(
            in_language(lang).translate("Desk", "Checked in at {time} (desk {desk})").format(
                time=verdict.local(verdict.checked_in_at).strftime("%H:%M"),
                desk=verdict.checked_in_desk or "?",
            )
        )
    if verdict.kind is VerdictKind.REPLACED:
        lines.append(
            in_language(lang).translate("Desk", "This badge was replaced: a newer badge (number {serial}) exists.").format(serial=verdict.current_serial)
        )
    if verdict.kind is VerdictKind.WRONG_EVENT:
        lines.append(in_language(lang).translate("Desk", "This badge is for another event."))
    if verdict.kind is VerdictKind.FORGED:
        lines.append(in_language(lang).translate("Desk", "The code is not genuine or could not be read whole."))
    if verdict.kind is VerdictKind.UNKNOWN:
        lines.append(in_language(lang).translate("Desk", "This badge belongs to no participant of this event."))
    if verdict.kind is VerdictKind.WITHDRAWN:
        lines.append(in_language(lang).translate(
            "Desk", "The accreditation of this person was withdrawn: {reason}").format(
            reason=verdict.detail or "?"))
    if verdict.kind is VerdictKind.NOT_A_BADGE:
        lines.append(in_language(lang).translate("Desk", "What was read is not shaped like a badge code."))
    if verdict.due_sitting is not None:
        s = verdict.due_sitting
        lines.append(
            in_language(lang).translate("Desk", "Next: session {number}, {title}, {date} {time}").format(
                number=s.number,
                title=s.title(lang),
                date=s.date.isoformat(),
                time=s.start.strftime("%H:%M"),
            )
        )
    return lines
