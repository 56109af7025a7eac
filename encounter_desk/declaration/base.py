"""What every part of the declaration shares: the refusal, the labels, paragraph names.

A draft paragraph is named by its part and its place in the draft, as delegations refer
to it across the table: "PP3" (the third preambular paragraph), "OP2" (the second operative
paragraph; "PO2" in Spanish). Those names stay the draft's even after amendments insert or
delete paragraphs; the consolidated text numbers its operative paragraphs afresh.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import zoneinfo
from typing import TypeVar

from sqlalchemy.orm import Session

from encounter_desk.core import names as text
from encounter_desk.core.errors import Refusal
from encounter_desk.core.i18n import in_language, translate
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import (
    ADOPTION_METHOD_LABELS,
    AMENDMENT_KIND_LABELS,
    AMENDMENT_STATUS_LABELS,
    STATEMENT_KIND_LABELS,
    AdoptionMethod,
    AmendmentKind,
    AmendmentStatus,
    DeclarationParagraph,
    DeclarationPart,
    Delegation,
    StatementKind,
)

LANGUAGES = ("es", "en")
E = TypeVar("E", bound=enum.Enum)
R = TypeVar("R")


class DeclarationError(Refusal):
    """Bad input for the declaration; the message is for the user and nothing was written."""

    default_code = "declaration.refused"


def choice(kind: type[E], value: str, message: str, code: str, name: str) -> E:
    """``value`` as a member of the enum ``kind``, or a refusal saying ``message``
    (translated; its placeholder ``name`` stands for what was given)."""
    try:
        return kind(value)
    except ValueError:
        raise DeclarationError(message.format(**{name: value}), code=code) from None


def require_row(session: Session, model: type[R], row_id: int, message: str, code: str) -> R:
    """Row ``row_id`` of ``model``, or a refusal saying ``message`` (translated; ``{id}``
    stands for the id)."""
    row = session.get(model, row_id)
    if row is None:
        raise DeclarationError(message.format(id=row_id), code=code)
    return row


def require_delegation(session: Session, delegation_id: int) -> Delegation:
    return require_row(session, Delegation, delegation_id,
                       translate("Declaration", "There is no delegation {id}."),
                       "declaration.delegation")


def require_paragraph(session: Session, paragraph_id: int,
                      declaration_id: int | None = None) -> DeclarationParagraph:
    """A paragraph of the draft (of declaration ``declaration_id`` when given), or a refusal."""
    p = session.get(DeclarationParagraph, paragraph_id)
    if p is None or declaration_id is not None and p.declaration_id != declaration_id:
        raise DeclarationError(translate("Declaration", "There is no paragraph {id} in the "
                                         "draft.").format(id=paragraph_id),
                               code="declaration.no_paragraph")
    return p


def other_language(lang: str) -> str:
    return "en" if lang == "es" else "es"


def language_name(lang: str, in_lang: str | None = None) -> str:
    t = in_language(in_lang)
    return t.translate("Declaration", "Spanish") if lang == "es" else t.translate(
        "Declaration", "English")


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise DeclarationError(
            translate("Declaration", "The declaration is written in Spanish (es) and English "
                      "(en), not {lang!r}.").format(lang=lang), code="declaration.language")
    return lang


def moment(db: Database, at: dt.datetime | None) -> dt.datetime:
    """``at`` (an aware moment, to record what happened earlier) or now on the event's clock."""
    if at is None:
        return db.clock()
    if at.tzinfo is None:
        raise DeclarationError(translate("Declaration", "A moment without a time zone cannot "
                                         "be recorded."))
    return at


def local_time(at: dt.datetime | None, timezone: str) -> str:
    """"10:42": a recorded moment on the venue's clock."""
    if at is None:
        return ""
    try:
        zone = zoneinfo.ZoneInfo(timezone or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = dt.UTC
    return at.astimezone(zone).strftime("%H:%M")


def paragraph_text(value: str | None) -> str:
    """One paragraph: each line cleaned, empty lines dropped (lines are sub-items a), b)…)."""
    lines = [text.clean(line) for line in (value or "").splitlines()]
    return "\n".join(line for line in lines if line)


# --- labels in a given language ----------------------------------------------------------

def kind_label(kind: str, lang: str | None = None) -> str:
    return in_language(lang).translate("Declaration", AMENDMENT_KIND_LABELS[AmendmentKind(kind)])


def status_label(status: str, lang: str | None = None) -> str:
    return in_language(lang).translate(
        "Declaration", AMENDMENT_STATUS_LABELS[AmendmentStatus(status)])


def method_label(method: str, lang: str | None = None) -> str:
    return in_language(lang).translate(
        "Declaration", ADOPTION_METHOD_LABELS[AdoptionMethod(method)])


def statement_label(kind: str, lang: str | None = None) -> str:
    return in_language(lang).translate(
        "Declaration", STATEMENT_KIND_LABELS[StatementKind(kind)])


# --- naming draft paragraphs -------------------------------------------------------------

def paragraph_code(part: str, position: int, lang: str | None = None) -> str:
    """"PP3" / "OP2" ("PO2" in Spanish): the short name of a draft paragraph."""
    t = in_language(lang)
    if part == DeclarationPart.PREAMBLE:
        return t.translate("Declaration", "PP{number}").format(number=position)
    return t.translate("Declaration", "OP{number}").format(number=position)


def paragraph_name(part: str, position: int, lang: str | None = None) -> str:
    """"preambular paragraph 3" / "operative paragraph 2", for sentences."""
    t = in_language(lang)
    if part == DeclarationPart.PREAMBLE:
        return t.translate("Declaration", "preambular paragraph {number}").format(
            number=position)
    return t.translate("Declaration", "operative paragraph {number}").format(number=position)


_CODE = re.compile(r"^\s*(pp|op|po)\s*[-.]?\s*(\d+)\s*$", re.IGNORECASE)


def parse_paragraph_code(value: str) -> tuple[str, int]:
    """"OP3", "op 3", "PO3" (Spanish), "PP1" -> (part, position); a refusal otherwise."""
    found = _CODE.match(value or "")
    if not found or int(found.group(2)) < 1:
        raise DeclarationError(
            translate("Declaration", "{value!r} names no paragraph: write PP and the number "
                      "of a preambular paragraph (PP2) or OP and the number of an operative "
                      "one (OP3).").format(value=value), code="declaration.paragraph_code")
    part = DeclarationPart.PREAMBLE if found.group(1).lower() == "pp" else DeclarationPart.OPERATIVE
    return part.value, int(found.group(2))
