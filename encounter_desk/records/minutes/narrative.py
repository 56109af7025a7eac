"""The acta's prose: the opening, the closing and the signature block, in the document's language.

The register is that of Latin American legislative minutes: "En Tuxtla Gutiérrez, Chiapas,
siendo las 09:41 horas del 4 de septiembre de 2017, en el Salón Chiapas, bajo la presidencia
de…, actuando como Secretaria…, verificado el quórum con la presencia de 11 de las 11
delegaciones miembro, se declaró abierta la sesión." Titles agree with the person's gender
(Presidenta/Presidente, Secretaria/Secretario). Each function takes the gathered
:class:`~encounter_desk.records.minutes.data.MinutesData` and returns plain text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from encounter_desk.core.i18n import in_language
from encounter_desk.records.minutes.context import PersonRef

if TYPE_CHECKING:
    from encounter_desk.records.minutes.data import MinutesData

FEMININE_ES = {
    "Presidente": "Presidenta",
    "Secretario": "Secretaria",
    "Jefe de delegación": "Jefa de delegación",
}
"""Spanish titles agree with the person: the catalogue holds the masculine form."""


def gendered(text: str, gender: str | None, lang: str) -> str:
    """``text`` (a title already in ``lang``) in its feminine form for a woman, in Spanish."""
    if lang == "es" and gender == "F":
        return FEMININE_ES.get(text, text)
    return text


def chair_title(person: PersonRef | None, lang: str) -> str:
    """"Presidenta" for a woman, "Presidente" otherwise ("President" in English)."""
    title = in_language(lang).translate("Minutes", "President")
    return gendered(title, person.gender if person else None, lang)


def secretary_title(person: PersonRef | None, lang: str) -> str:
    """"Secretaria" for a woman, "Secretario" otherwise ("Secretary" in English)."""
    title = in_language(lang).translate("Minutes", "Secretary")
    return gendered(title, person.gender if person else None, lang)


def head_of_delegation(gender: str | None, lang: str) -> str:
    """"Jefa de delegación" / "Jefe de delegación" / "Head of delegation"."""
    return gendered(in_language(lang).translate("Minutes", "Head of delegation"), gender, lang)


def _who(person: PersonRef) -> str:
    return person.full_name + (f" ({person.delegation})" if person.delegation else "")


def city_of(data: MinutesData) -> str:
    return data.header.city or data.header.place


def opening(data: MinutesData) -> str:
    """The opening paragraph, with the quorum verified when the sitting was opened."""
    h, lang = data.header, data.lang
    tr = in_language(lang)
    text = tr.translate("Minutes", "In {city}, at {time} on {date}").format(
        city=city_of(data), time=h.actual_start, date=h.date_text)
    if h.room:
        text += tr.translate("Minutes", ", in {room}").format(room=h.room)
    if h.chair is not None:
        text += tr.translate("Minutes", ", with {chair} presiding").format(chair=_who(h.chair))
    if h.secretary is not None:
        text += tr.translate("Minutes", ", {secretary} acting as {title}").format(
            secretary=_who(h.secretary), title=secretary_title(h.secretary, lang))
    totals = data.totals
    if totals is not None and totals.quorum.rule:
        text += tr.translate(
            "Minutes", ", the quorum having been verified with {represented} of the {members} "
            "member delegations represented").format(
            represented=totals.quorum.represented, members=totals.quorum.members)
    return text + tr.translate("Minutes", ", the session was declared open.")


def recesses(data: MinutesData) -> str:
    tr = in_language(data.lang)
    out = []
    for start, end in data.header.recesses:
        if end:
            out.append(tr.translate(
                "Minutes", "The session was suspended from {start} to {end}.").format(
                start=start, end=end))
        else:
            out.append(tr.translate(
                "Minutes", "The session has been suspended since {start}.").format(start=start))
    return " ".join(out)


def closing(data: MinutesData) -> str:
    """"No habiendo más asuntos que tratar, se levantó la sesión a las 13:05 horas."."""
    tr = in_language(data.lang)
    if not data.header.adjourned:
        return tr.translate("Minutes", "The session has not been adjourned yet.")
    return tr.translate(
        "Minutes", "There being no further business, the session was adjourned at {time}."
    ).format(time=data.header.adjourned)


def signed_at(data: MinutesData) -> str:
    """Place and date of signature: "Tuxtla Gutiérrez, Chiapas, a 4 de septiembre de 2017"."""
    tr = in_language(data.lang)
    return tr.translate("Minutes", "{city}, {date}").format(
        city=city_of(data), date=data.header.date_text)
