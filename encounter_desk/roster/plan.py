"""Checking roster rows and planning their changes: the heart of the all-or-nothing import.

:class:`RosterPlanner` reads each row's cells (already mapped to fields), checks every value,
matches the row to a participant already in the event (by email, else by name and
delegation) and records what would change. Nothing is written until :meth:`apply`, which the
importer calls only when no row had a problem.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from encounter_desk.core import names as text
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, translate
from encounter_desk.core.progress import QUIET, Progress
from encounter_desk.event.countries import CountryIndex
from encounter_desk.event.validation import has_name, language_code, too_long, valid_email
from encounter_desk.roster.columns import (
    FIELD_BY_NAME,
    gender_from_title,
    group_for_institution,
    header_label,
    infer_category,
    parse_category,
    parse_gender,
    parse_yes_no,
    split_surnames,
)
from encounter_desk.roster.export import unneutralise
from encounter_desk.roster.read import STRAY_CR, UNREADABLE, formula_without_value
from encounter_desk.storage.models import Category, Delegation, DelegationKind, Participant

_TEXT_ATTRS = {
    "institution": "institution",
    "position": "position",
    "chamber": "chamber",
    "committee": "committee",
    "phone": "phone",
    "note": "desk_note",
}


NO_DELEGATION_CATEGORIES = {Category.STAFF.value, Category.PRESS.value}

# The cells read through a vocabulary: (field, participant attribute, reader giving None
# for a value it does not know, what is wrong then).
_READERS: tuple[tuple[str, str, Callable[[str], Any], str], ...] = (
    ("category", "category", lambda cell: getattr(parse_category(cell), "value", None),
     QT_TRANSLATE_NOOP("Roster", "unknown category «{value}».")),
    ("gender", "gender", lambda cell: getattr(parse_gender(cell), "value", None),
     QT_TRANSLATE_NOOP("Roster", "unknown gender «{value}» (use F, M or X).")),
    ("head_of_delegation", "is_head_of_delegation", parse_yes_no,
     QT_TRANSLATE_NOOP("Roster", "«{value}» in column «{column}» is neither yes nor no.")),
    ("email", "email", lambda cell: cell.lower() if valid_email(cell) else None,
     QT_TRANSLATE_NOOP("Roster", "malformed email «{value}».")),
    ("language", "language", language_code,
     QT_TRANSLATE_NOOP("Roster", "unknown language «{value}».")),
)


BATCH = 1000


@dataclass(frozen=True)
class RowError:
    row: int
    """The row's number in the file (the header is row 1)."""
    message: str
    """What is wrong, translated: "unknown country «Atlantis»."."""

    def __str__(self) -> str:
        return translate("Roster", "Row {row}: {problem}").format(
            row=self.row, problem=self.message
        )


@dataclass(frozen=True)
class PlannedRow:
    row: int
    action: str  # "new" | "update" | "unchanged"
    display_name: str
    delegation_code: str
    changed: tuple[str, ...] = ()


class RosterPlanner:
    """Checks each row against the file so far and the event, and plans its change."""

    def __init__(self, session: Session, columns: dict[int, str], width: int, report: Any):
        self.session = session
        self.width = width
        self.columns = columns
        self.fields = set(columns.values())
        self.report = report
        delegations = list(session.scalars(select(Delegation)))
        self.index = CountryIndex(delegations)
        self.by_code = {d.code: d for d in delegations}
        self.by_id = {d.id: d for d in delegations}
        self.by_email: dict[str, list[Participant]] = defaultdict(list)
        self.by_identity: dict[tuple[int | None, str], Participant] = {}
        self.by_name: dict[str, list[Participant]] = defaultdict(list)
        for p in session.scalars(select(Participant)):
            if p.email:
                self.by_email[p.email.lower()].append(p)
            self.by_identity[(p.delegation_id, p.identity_key)] = p
            self.by_name[p.identity_key].append(p)
        self.seen_email: dict[str, int] = {}
        self.seen_identity: dict[tuple[int | None, str], int] = {}
        self.claimed: dict[int, int] = {}
        self.changes: list[tuple[Participant | None, dict[str, Any]]] = []
        self.has_place = bool({"country", "delegation"} & self.fields)

    def error(self, number: int, message: str) -> None:
        self.report.errors.append(RowError(number, message))

    def row(self, number: int, cells: list[str]) -> None:
        before = len(self.report.errors)
        values: dict[str, str] = {}
        for index, fname in self.columns.items():
            raw = cells[index] if index < len(cells) else ""
            if raw is UNREADABLE:
                self.error(
                    number,
                    translate("Roster", "the cell in column «{column}» cannot be read.").format(
                        column=header_label(fname)
                    ),
                )
                continue
            problem = _cell_problem(raw)
            if problem is not None:
                self.error(number, problem.format(column=header_label(fname)))
                continue
            values[fname] = text.clean(unneutralise(text.clean(raw)))
        if any(c is UNREADABLE or c.strip() for c in cells[self.width :]):
            self.error(
                number, translate("Roster", "the row has more cells than the header has columns.")
            )
        if len(self.report.errors) > before:
            return  # an unreadable cell: checking the rest would only add confusing messages
        values_or_none = self._check(number, values)
        if values_or_none is None or len(self.report.errors) > before:
            return
        self._plan(number, *values_or_none)

    def _check(
        self, number: int, v: dict[str, str]
    ) -> tuple[dict[str, Any], tuple[Delegation | None, bool], str] | None:
        given = v.get("given_names", "")
        if v.get("surnames"):
            first, second = split_surnames(v["surnames"])
        else:
            first, second = v.get("first_surname", ""), v.get("second_surname", "")
        ok = True
        if not has_name(given, first):
            self.error(number, translate("Roster", "there is no name."))
            return None
        want: dict[str, Any] = {"given_names": given}
        if v.get("title"):
            want["title"] = v["title"]
        if first or second:
            want["first_surname"], want["second_surname"] = first, second
        for key, attr in _TEXT_ATTRS.items():
            if v.get(key):
                want[attr] = v[key]
        institution = v.get("institution", "")

        place = self._delegation(number, v.get("country", ""), v.get("delegation", ""), institution)
        if place is None:
            ok = False
        for field, attr, parse, problem in _READERS:
            if v.get(field) and not self._read(number, want, field, attr, parse, problem, v[field]):
                ok = False
        for attr, value in want.items():
            limit = too_long(attr, value)
            if limit is not None:
                self.error(
                    number,
                    translate("Roster", "the value of “{column}” is longer than {limit} characters.").format(
                        column=header_label(_column_of(attr)), limit=limit
                    ),
                )
                ok = False
        if not ok or place is None:
            return None
        return want, place, institution

    def _read(self, number: int, want: dict[str, Any], field: str, attr: str,
              parse: Callable[[str], Any], problem: str, value: str) -> bool:
        """``want[attr]`` from the cell ``value`` of ``field``; False (and the row's
        ``problem`` reported) when the cell cannot be read."""
        parsed = parse(value)
        if parsed is None:
            self.error(number, translate("Roster", problem).format(
                value=value, column=header_label(field)))
            return False
        want[attr] = parsed
        return True

    def _delegation(
        self, number: int, country: str, code: str, institution: str
    ) -> tuple[Delegation | None, bool] | None:
        """(delegation, loose) for the row; loose when the row names no country nor group
        (the institution then decides for a new person). None after an error."""
        by_country = by_code = None
        if country:
            by_country = self.index.resolve(country)
            if by_country is None:
                self.error(
                    number, translate("Roster", "unknown country «{value}».").format(value=country)
                )
                return None
        if code:
            by_code = self.by_code.get(code.upper()) or self.index.resolve(code)
            if by_code is None:
                self.error(
                    number, translate("Roster", "unknown delegation «{value}».").format(value=code)
                )
                return None
        if by_country and by_code and by_country.id != by_code.id:
            self.error(
                number,
                translate(
                    "Roster", "the country «{country}» and the delegation «{code}» do not match."
                ).format(country=country, code=code),
            )
            return None
        found = by_country or by_code
        if found is not None:
            return found, False
        group = group_for_institution(institution)
        found = self.by_code.get(group) or self.by_code.get("INV")
        if found is None:
            self.error(
                number,
                translate(
                    "Roster",
                    "there is no country, and the event has no group for "
                    "participants without one ({code}).",
                ).format(code=group),
            )
            return None
        return found, True

    def _plan(
        self,
        number: int,
        want: dict[str, Any],
        place: tuple[Delegation | None, bool],
        institution: str,
    ) -> None:
        delegation, loose = place
        given = want["given_names"]
        identity = text.fold(
            text.full_name(given, want.get("first_surname", ""), want.get("second_surname", ""))
        )
        email = want.get("email", "")
        target = self._match(number, email, identity, delegation, loose)
        if target is False:
            return
        assert target is None or isinstance(target, Participant)
        if target is not None and loose:
            # No country nor group in the row: a known person stays where the desk put them.
            delegation = self.by_id.get(target.delegation_id) if target.delegation_id else None
        elif target is None and loose and want.get("category") in NO_DELEGATION_CATEGORIES:
            delegation = None  # staff and press without a country belong to no delegation
        want["delegation_id"] = delegation.id if delegation is not None else None
        if target is not None and target.id in self.claimed:
            self.error(
                number,
                translate("Roster", "the same person as row {other}.").format(
                    other=self.claimed[target.id]
                ),
            )
            return
        if email and email in self.seen_email:
            self.error(
                number,
                translate("Roster", "the same email as row {other} («{email}»).").format(
                    other=self.seen_email[email], email=email
                ),
            )
            return
        key = (want["delegation_id"], identity)
        if key in self.seen_identity:
            self.error(
                number,
                translate("Roster", "the same name and delegation as row {other}.").format(
                    other=self.seen_identity[key]
                ),
            )
            return
        if email:
            self.seen_email[email] = number
        self.seen_identity[key] = number
        if target is not None:
            self.claimed[target.id] = number

        if "category" not in want and target is None:
            kind = delegation.kind if delegation is not None else DelegationKind.GUEST
            want["category"] = infer_category(kind, want.get("title", ""), institution).value
        if "gender" not in self.fields and (target is None or not target.gender):
            inferred = gender_from_title(want.get("title", ""))
            if inferred is not None:
                want["gender"] = inferred.value
        display = text.full_name(
            given, want.get("first_surname", ""), want.get("second_surname", "")
        )
        code = delegation.code if delegation is not None else ""
        if target is None:
            self.report.created += 1
            self.changes.append((None, want))
            self.report.planned.append(PlannedRow(number, "new", display, code))
            return
        diff = {a: v for a, v in want.items() if not _same(a, getattr(target, a), v)}
        if diff:
            self.report.updated += 1
            self.changes.append((target, diff))
            self.report.planned.append(
                PlannedRow(number, "update", display, code, tuple(sorted(diff)))
            )
        else:
            self.report.unchanged += 1
            self.report.planned.append(PlannedRow(number, "unchanged", display, code))

    def _match(
        self, number: int, email: str, identity: str, delegation: Delegation | None, loose: bool
    ) -> Participant | None | bool:
        """The participant this row describes, None for a new one, False after an error."""
        by_email = self.by_email.get(email, []) if email else []
        if len(by_email) > 1:
            self.error(
                number,
                translate(
                    "Roster",
                    "{count} participants already have the email «{email}»; "
                    "it cannot tell which one to update.",
                ).format(count=len(by_email), email=email),
            )
            return False
        if not loose:
            by_name = self.by_identity.get((delegation.id if delegation else None, identity))
        else:
            # Without a country, the same name outside the member countries is the same
            # person (or, in a file with no country column at all, the same name anywhere).
            named = [
                p
                for p in self.by_name.get(identity, [])
                if not self.has_place
                or p.delegation_id is None
                or self.by_id[p.delegation_id].kind != DelegationKind.COUNTRY
            ]
            if len(named) > 1 and not by_email:
                self.error(
                    number,
                    translate(
                        "Roster",
                        "{count} participants are already called «{name}»; add a "
                        "country or delegation column to tell them apart.",
                    ).format(count=len(named), name=named[0].display_name),
                )
                return False
            by_name = named[0] if len(named) == 1 else None
        if by_email and by_name is not None and by_email[0] is not by_name:
            self.error(
                number,
                translate(
                    "Roster",
                    "the email «{email}» belongs to {one}, but the name and "
                    "delegation are those of {other}.",
                ).format(email=email, one=by_email[0].display_name, other=by_name.display_name),
            )
            return False
        return by_email[0] if by_email else by_name

    def apply(self, progress: Progress = QUIET) -> None:
        """Write the planned changes, flushing (and letting go of) every :data:`BATCH` new
        participants, so that a large roster does not hold them all in the session."""
        fresh: list[Participant] = []
        written = progress.steps(len(self.changes), translate(
            "Roster", "Writing {count} participants…").format(count=len(self.changes)), every=20)
        for index, (target, values) in enumerate(self.changes, start=1):
            written(index)
            if target is None:
                fresh.append(Participant(**values))
                self.session.add(fresh[-1])
            else:
                for attr, value in values.items():
                    setattr(target, attr, value)
            self.changes[index - 1] = (None, {})  # the plan of a written row is done with
            if len(fresh) >= BATCH:
                self._flush(fresh)
        self._flush(fresh)
        self.changes.clear()

    def _flush(self, fresh: list[Participant]) -> None:
        self.session.flush()
        for participant in fresh:
            self.session.expunge(participant)
        fresh.clear()


def _cell_problem(raw: str) -> str | None:
    """What makes a cell unfit to import (``{column}`` left for the caller), or None."""
    if formula_without_value(raw):
        return translate(
            "Roster", "the cell in column «{column}» holds a formula ({formula}) whose value "
            "was never saved; open the file in a spreadsheet program, save it, and import "
            "again.").replace("{formula}", raw)
    if STRAY_CR in raw:
        return translate(
            "Roster", "the cell in column «{column}» holds a stray line break (a carriage "
            "return alone), which would split the row in two; remove it and import again.")
    if "\n" in raw or "\r" in raw:
        return translate(
            "Roster", "the cell in column «{column}» runs over more than one line; in a CSV "
            "this is usually a quote (\") that is never closed, so the next lines ran into "
            "it. Fix the quotes and import again.")
    bad = next((ch for ch in raw if unicodedata.category(ch) == "Cc" and ch != "\t"), None)
    if bad is not None:
        return translate(
            "Roster", "the cell in column «{column}» holds an invisible control character "
            "({code}); delete it and import again.").replace("{code}", f"U+{ord(bad):04X}")
    return None


def _same(attr: str, old: Any, new: Any) -> bool:
    if attr == "email":
        return (old or "").lower() == (new or "").lower()
    if isinstance(new, str):
        old = text.clean(old)
        return old == new or _only_poorer(old, new)
    return old == new


def _only_poorer(old: str, new: str) -> bool:
    """``new`` spells ``old`` without its accents or in one case only ("JOSE NUNEZ" for
    "José Núñez"): the richer spelling already saved is kept."""
    if not old or text.fold(old) != text.fold(new):
        return False

    def accented(value: str) -> bool:
        return any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFKD", value))

    def mixed_case(value: str) -> bool:
        return not (value.isupper() or value.islower())

    lost = (accented(old) and not accented(new)) or (mixed_case(old) and not mixed_case(new))
    gained = (accented(new) and not accented(old)) or (mixed_case(new) and not mixed_case(old))
    return lost and not gained


def _column_of(attr: str) -> str:
    reverse = {v: k for k, v in _TEXT_ATTRS.items()}
    name = reverse.get(attr, attr)
    return name if name in FIELD_BY_NAME else "given_names"
