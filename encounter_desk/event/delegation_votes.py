"""Votes taken by delegation: each member delegation for, against, abstaining or absent.

The declaration's adoption (:mod:`encounter_desk.declaration.adoption`) and an agreement's
vote (:mod:`encounter_desk.records.agreements`) share these rules, worded once:

* :func:`member_votes` — only member delegations vote, and every one of them is accounted
  for (a delegation not in the room is recorded *absent*, never left out);
* :func:`tally` — the counts in favour, against and abstaining, computed from the votes;
* :func:`tally_text` — "10 in favour, 0 against, 1 abstention (Belize)", the noun agreeing
  with its number, with the delegations named after their count when given.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from encounter_desk.core.errors import Refusal
from encounter_desk.core.i18n import in_language, pick, translate
from encounter_desk.storage.models import VOTE_LABELS, Delegation, Vote

TALLIED = (Vote.FOR, Vote.AGAINST, Vote.ABSTAIN)
"""The choices a tally counts, in print order (absent delegations are counted apart)."""


def vote_label(vote: str, lang: str | None = None) -> str:
    """"In favour", "Against", "Abstains", "Absent" in ``lang``."""
    return in_language(lang).translate("Declaration", VOTE_LABELS[Vote(vote)])


def member_votes(session: Session, votes: Mapping[int, str], error: type[Refusal],
                 prefix: str) -> dict[int, Vote]:
    """``votes`` (delegation id -> "for"/"against"/"abstain"/"absent") checked: refused with
    ``error`` (codes ``{prefix}.not_member``, ``{prefix}.vote``, ``{prefix}.votes_missing``)
    unless every member delegation, and only they, has a valid vote."""
    members = list(session.scalars(select(Delegation).where(Delegation.is_member.is_(True))
                                   .order_by(Delegation.canonical_order)))
    member_ids = {d.id for d in members}
    clean: dict[int, Vote] = {}
    for delegation_id, vote in votes.items():
        if delegation_id not in member_ids:
            raise error(translate("Votes", "Only member delegations vote."),
                        code=f"{prefix}.not_member")
        try:
            clean[delegation_id] = Vote(vote)
        except ValueError:
            raise error(translate("Votes", "A delegation votes in favour, against, abstains or "
                                  "is absent, not {vote!r}.").format(vote=vote),
                        code=f"{prefix}.vote") from None
    missing = [pick(None, d.name_es, d.name_en) for d in members if d.id not in clean]
    if missing:
        raise error(translate("Votes", "Say how every member delegation voted; missing: "
                              "{names}.").format(names=", ".join(missing)),
                    code=f"{prefix}.votes_missing")
    return clean


def tally(votes: Mapping[int, Vote]) -> tuple[int, int, int]:
    """(in favour, against, abstentions) counted from each delegation's vote."""
    counts = tuple(sum(1 for v in votes.values() if v is kind) for kind in TALLIED)
    return counts[0], counts[1], counts[2]


def _counted(n: int, one: str, many: str, names: Sequence[str]) -> str:
    text = (one if n == 1 else many).format(count=n)
    return f"{text} ({', '.join(names)})" if names else text


def tally_text(lang: str | None, votes_for: int, against: int, abstentions: int,
               absent: int | None = None,
               names: Mapping[Vote, Sequence[str]] | None = None) -> str:
    """"9 in favour, 1 against, 1 abstention" (and "1 delegation absent"); with ``names``
    (the delegations of each choice), each count is followed by them: "1 abstention
    (Belize)"."""
    t = in_language(lang)
    names = names or {}
    parts = [
        _counted(votes_for, t.translate("Votes", "{count} in favour"),
                 t.translate("Votes", "{count} in favour"), names.get(Vote.FOR, ())),
        _counted(against, t.translate("Votes", "{count} against"),
                 t.translate("Votes", "{count} against"), names.get(Vote.AGAINST, ())),
        _counted(abstentions, t.translate("Votes", "{count} abstention"),
                 t.translate("Votes", "{count} abstentions"), names.get(Vote.ABSTAIN, ())),
    ]
    if absent:
        parts.append(_counted(absent, t.translate("Votes", "{count} delegation absent"),
                              t.translate("Votes", "{count} delegations absent"),
                              names.get(Vote.ABSENT, ())))
    return ", ".join(parts)
