"""Why a point of order was raised: a word of :class:`PointReason` and a few words.

The chair often learns the reason only once the person speaks (F9 gives them the floor at
once), so a point of order may wait or speak with its reason "not stated yet" ("") and
get it later with :func:`set_point_reason`, while it waits, on the floor or once given.
:func:`checked_reason` is the one rule every way in goes through (adding, putting back,
changing in place): only a point of order has a reason; "other" needs its words; the
words come after a reason and are at most :data:`REASON_TEXT_LENGTH` characters.

The wording lives here too: :func:`reason_note` for the chair's screens ("Quorum — the
vote was taken without quorum"), :func:`point_of_order_heading` and
:func:`point_of_order_line` for the minutes ("Moción de orden (quórum): …").
"""

from __future__ import annotations

from encounter_desk.chair.checks import require_speech, speech_kind
from encounter_desk.chair.entries import QueueEntry, entry_of, kind_label
from encounter_desk.chair.errors import SpeakerListError
from encounter_desk.core.i18n import in_language, translate
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import (
    POINT_REASON_LABELS,
    REASON_TEXT_LENGTH,
    PointReason,
    SpeechKind,
)


def point_reason(value: str | PointReason | None) -> PointReason | None:
    """The reason named by ``value`` (None or "": not stated); refuses an unknown word."""
    if value is None or value == "":
        return None
    try:
        return PointReason(value)
    except ValueError:
        raise SpeakerListError(
            translate(
                "Speakers",
                "{reason} is not a reason for a point of order: give procedure, quorum, "
                "interpretation, time or other.",
            ).format(reason=value),
            code="speakers.reason",
        ) from None


def checked_reason(
    kind: str | SpeechKind, reason: str | PointReason | None, text: str | None,
) -> tuple[str, str]:
    """The (reason, words) to store for a speech of ``kind``: ("", "") when none is given.

    The words are tidied (runs of spaces and line breaks become one space)."""
    chosen = point_reason(reason)
    words = " ".join((text or "").split())
    if chosen is None and not words:
        return "", ""
    if speech_kind(kind) != SpeechKind.POINT_OF_ORDER:
        raise SpeakerListError(
            translate("Speakers", "Only a point of order has a reason."),
            code="speakers.reason_not_point_of_order",
        )
    if len(words) > REASON_TEXT_LENGTH:
        raise SpeakerListError(
            translate(
                "Speakers",
                "The reason of a point of order takes at most {most} characters; "
                "this one has {count}.",
            ).format(most=REASON_TEXT_LENGTH, count=len(words)),
            code="speakers.reason_too_long",
        )
    if chosen is None:
        raise SpeakerListError(
            translate("Speakers", "Choose the reason of the point of order before its words."),
            code="speakers.reason_missing",
        )
    if chosen == PointReason.OTHER and not words:
        raise SpeakerListError(
            translate(
                "Speakers", "A point of order for another reason needs a few words saying which."
            ),
            code="speakers.reason_other_needs_text",
        )
    return chosen.value, words


def set_point_reason(
    db: Database, speech_id: int, reason: str | PointReason | None, text: str | None = "",
) -> QueueEntry:
    """Record (or correct, or clear with None) why a point of order was raised, whether it
    is waiting, on the floor or already given."""
    with db.write() as session:
        speech = require_speech(session, speech_id)
        value, words = checked_reason(speech.kind, reason, text)
        if (speech.reason, speech.reason_text) != (value, words):
            speech.reason, speech.reason_text = value, words
        return entry_of(session, speech)


# --- wording ---------------------------------------------------------------------------


def reason_label(reason: str | PointReason, lang: str | None = None) -> str:
    """The reason's name in ``lang`` (default: the current language): "Quorum"; "" for none."""
    chosen = point_reason(reason)
    if chosen is None:
        return ""
    return in_language(lang).translate("PointReason", POINT_REASON_LABELS[chosen])


def reason_note(reason: str, text: str, lang: str | None = None) -> str:
    """What the chair reads: "Quorum — the vote was taken without quorum", "Quorum", or for
    "other" its words alone; "" when the reason is not stated."""
    if not reason:
        return ""
    if reason == PointReason.OTHER:
        return text
    label = reason_label(reason, lang)
    return f"{label} — {text}" if text else label


def point_of_order_heading(reason: str, lang: str | None = None) -> str:
    """"Point of order (quorum)" / "Moción de orden (quórum)"; "Point of order" alone when
    the reason is not stated or is "other" (its words say it)."""
    kind = kind_label(SpeechKind.POINT_OF_ORDER, lang)
    if not reason or reason == PointReason.OTHER:
        return kind
    return in_language(lang).translate("Speakers", "{kind} ({reason})").format(
        kind=kind, reason=reason_label(reason, lang).lower())


def point_of_order_line(reason: str, text: str, lang: str | None = None) -> str:
    """"Moción de orden (quórum): la votación se tomó sin quórum" — the minutes' line; ""
    when the reason is not stated."""
    if not reason:
        return ""
    heading = point_of_order_heading(reason, lang)
    return f"{heading}: {text}" if text else heading
