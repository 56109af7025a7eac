"""Badges: the signed code of each participant's badge, reissuing a badge, badge sheets.

* The code itself (format, signing, parsing) is in :mod:`encounter_desk.event.badge_code`.
* The PDF sheets are drawn and written by :mod:`encounter_desk.desk.badge_pdf`
  (``write_badges``; it loads reportlab, so import it where a sheet is printed).

This module is the service the desk and the CLI call: it reads the event and the
participants from the database and hands back plain data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from encounter_desk.core.errors import Refusal
from encounter_desk.core.i18n import in_language, translate
from encounter_desk.event import badge_code
from encounter_desk.event.event import require_event
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import Delegation, Event, Participant


class BadgeError(Refusal):
    """A badge could not be made; ``str(error)`` is a translated sentence for the user."""

    default_code = "badge.refused"


def _no_participant(participant_id: int) -> BadgeError:
    return BadgeError(
        translate("Badges", "There is no participant number {id}.").format(id=participant_id),
        "badge.no_participant",
    )


def code_for(event: Event, participant: Participant) -> str:
    """The text of ``participant``'s current badge QR code."""
    return badge_code.make_code(
        secret_hex=event.secret,
        event_code=event.code,
        participant_id=participant.id,
        serial=participant.badge_serial,
    )


def badge_code_for(db: Database, participant_id: int) -> str:
    """The current badge code of one participant (what their QR holds)."""
    with db.read() as session:
        event = require_event(session)
        participant = session.get(Participant, participant_id)
        if participant is None:
            raise _no_participant(participant_id)
        return code_for(event, participant)


def reissue_badge(db: Database, participant_id: int) -> int:
    """Raise the participant's badge serial (lost badge, misspelt name); returns the new one.

    From then on the old badge's code is refused as *replaced*; the new one works. The
    change goes through the ORM, so the audit trail records it.
    """
    with db.write() as session:
        require_event(session)
        participant = session.get(Participant, participant_id)
        if participant is None:
            raise _no_participant(participant_id)
        if participant.badge_serial >= badge_code.MAX_SERIAL:
            raise BadgeError(
                translate("Badges", "This badge has been reissued too many times."),
                "badge.serial_exhausted",
            )
        participant.badge_serial += 1
        return participant.badge_serial


@dataclass(frozen=True)
class BadgeData:
    """Everything printed on one badge."""

    participant_id: int
    code: str
    title: str
    name: str
    role: str
    delegation_name: str
    delegation_code: str
    flag: str | None
    """Lower-case ISO alpha-2 of a member country's flag, None for other groups."""
    organization: str
    event_name: str
    event_dates: str
    event_code: str
    category_word: str = ""
    """The category band's word, in both languages ("DELEGACIÓN / DELEGATE")."""
    category_colour: str = "#455a64"


CATEGORY_BANDS: dict[str, tuple[str, str]] = {
    # category: (the band's colour, its word in both languages: the door reads either)
    "lawmaker": ("#0d47a1", "DELEGACIÓN / DELEGATE"),
    "official": ("#00695c", "DELEGACIÓN · GOBIERNO / DELEGATE · GOVERNMENT"),
    "international": ("#6a1b9a", "OBSERVADOR / OBSERVER"),
    "civil_society": ("#8d6e63", "OBSERVADOR · SOC. CIVIL / OBSERVER · CIVIL SOCIETY"),
    "secretariat": ("#37474f", "SECRETARÍA / SECRETARIAT"),
    "staff": ("#2e7d32", "ORGANIZACIÓN / STAFF"),
    "press": ("#c62828", "PRENSA / PRESS"),
    "guest": ("#ef6c00", "INVITADO / GUEST"),
}
"""Each category's band on the badge: the door of the plenary tells them apart at a glance
(colour is never alone: the word says it too). Bilingual by design, not translated."""


@dataclass(frozen=True)
class EventBadgeInfo:
    name: str
    dates: str
    code: str


def _event_dates(start: dt.date, end: dt.date, lang: str) -> str:
    from babel.dates import format_date

    locale = "es" if lang == "es" else "en"
    if start == end:
        return format_date(start, "long", locale=locale)
    if (start.year, start.month) == (end.year, end.month):
        if locale == "es":
            return f"{start.day}–{format_date(end, 'long', locale=locale)}"
        return f"{format_date(start, 'MMMM d', locale=locale)}–{end.day}, {end.year}"
    return f"{format_date(start, 'medium', locale=locale)} – {format_date(end, 'medium', locale=locale)}"


def _role(participant: Participant, lang: str) -> str:
    from encounter_desk.storage.models import CATEGORY_LABELS

    if participant.position:
        return participant.position
    source = CATEGORY_LABELS.get(participant.category, participant.category)
    return in_language(lang).translate("Category", source)


def load_badges(
    session: Session, participant_ids: list[int] | None, lang: str
) -> list[BadgeData]:
    """The badges of the given participants (all, in list order, when None)."""
    event = require_event(session)
    query = select(Participant, Delegation).outerjoin(
        Delegation, Participant.delegation_id == Delegation.id
    )
    if participant_ids is not None:
        wanted = list(dict.fromkeys(participant_ids))
        rows = {p.id: (p, d) for p, d in session.execute(query.where(Participant.id.in_(wanted)))}
        missing = [pid for pid in wanted if pid not in rows]
        if missing:
            raise _no_participant(missing[0])
        ordered = [rows[pid] for pid in wanted]
    else:
        ordered = list(
            session.execute(
                query.order_by(
                    Delegation.canonical_order.is_(None),  # people of no delegation last
                    Delegation.canonical_order,
                    Participant.sort_key,
                    Participant.id,
                )
            ).tuples()
        )
    name = event.short_name_es if lang == "es" else event.short_name_en
    name = name or event.name(lang)
    dates = _event_dates(event.start_date, event.end_date, lang)
    badges = []
    for participant, delegation in ordered:
        is_country = delegation is not None and delegation.kind == "country"
        badges.append(
            BadgeData(
                participant_id=participant.id,
                code=code_for(event, participant),
                title=participant.title,
                name=participant.display_name,
                role=_role(participant, lang),
                delegation_name=delegation.name(lang) if delegation else "",
                delegation_code=delegation.code if delegation else "",
                flag=(delegation.iso2 or "").lower() or None if is_country else None,
                organization=participant.institution,
                event_name=name,
                event_dates=dates,
                event_code=event.code,
                category_word=CATEGORY_BANDS.get(participant.category, ("", ""))[1],
                category_colour=CATEGORY_BANDS.get(participant.category, ("#455a64", ""))[0],
            )
        )
    return badges
