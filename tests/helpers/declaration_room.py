"""A small encounter with a draft declaration, for the declaration's tests (jobs and GUI).

:func:`build_room` makes the event (its 11 member delegations and the other groups), a
head of delegation with an accented name for a few members, a drafting sitting, and a
draft of 3 preambular and 4 operative paragraphs in Spanish and English.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from encounter_desk.core.clock import ManualClock
from encounter_desk.declaration.draft import DraftContent, DraftParagraph, create_draft
from encounter_desk.declaration.state import load_state
from encounter_desk.event import delegations as delegation_admin
from encounter_desk.event import event as events
from encounter_desk.event import participants, sittings
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import Category

DETAILS = events.EventDetails(
    code="TEST-DEC",
    name_es="Encuentro de prueba",
    name_en="Test encounter",
    start_date=dt.date(2017, 9, 4),
    end_date=dt.date(2017, 9, 6),
    city="Tuxtla Gutiérrez, Chiapas",
    country="México",
)

HEADS = (
    ("Sen.", "María José", "Pérez", "Núñez", "MX", "F"),
    ("Hon.", "Patricia", "Tremblay", "", "CA", "F"),
    ("Dip.", "Ana Lucía", "Peña", "Castañeda", "SV", "F"),
    ("H.D.", "Itzel", "Ñandú", "", "PA", "F"),
)

PREAMBLE = (
    ("Considerando que las mujeres representan casi la mitad de las personas migrantes de "
     "la región;",
     "Considering that women account for almost half of the migrants of the region;"),
    ("Reconociendo la contribución económica, social y cultural de las mujeres migrantes;",
     "Recognizing the economic, social and cultural contribution of migrant women;"),
    ("Preocupadas por la violencia de género en las rutas migratorias;",
     "Concerned about gender-based violence along migration routes;"),
)
OPERATIVE = (
    ("Instamos a los Estados a garantizar el acceso a la justicia de las mujeres migrantes.",
     "We urge States to guarantee access to justice for migrant women."),
    ("Promoveremos reformas legislativas para asegurar el trabajo decente.",
     "We will promote legislative reforms to ensure decent work."),
    ("Exhortamos a fortalecer los servicios consulares con perspectiva de género.",
     "We call for consular services with a gender perspective to be strengthened."),
    ("Acordamos dar seguimiento a esta Declaración en el próximo Encuentro.",
     "We agree to follow up this Declaration at the next Encounter."),
)


@dataclass
class Room:
    db: Database
    clock: ManualClock
    declaration_id: int
    sitting_id: int
    delegations: dict[str, int]
    heads: dict[str, int]

    def paragraph(self, code: str) -> int:
        from encounter_desk.declaration.base import parse_paragraph_code

        part, position = parse_paragraph_code(code)
        return load_state(self.db, self.declaration_id).find_code(part, position).id


def draft_content() -> DraftContent:
    return DraftContent(
        title_es="Declaración sobre Mujeres Migrantes",
        title_en="Declaration on Migrant Women",
        chapeau_es="Las y los legisladores de los países miembros de la CRM, reunidos en "
                   "Tuxtla Gutiérrez, Chiapas,",
        chapeau_en="We, the lawmakers of the member countries of the RCM, meeting in Tuxtla "
                   "Gutiérrez, Chiapas,",
        operative_intro_es="Declaramos:",
        operative_intro_en="Declare:",
        paragraphs=[DraftParagraph("preamble", es, en) for es, en in PREAMBLE]
        + [DraftParagraph("operative", es, en) for es, en in OPERATIVE],
    )


def build_room(db: Database, clock: ManualClock | None = None) -> Room:
    clock = clock or ManualClock(dt.datetime(2017, 9, 6, 15, 30, tzinfo=dt.UTC))
    db.clock = clock
    events.create_event(db, DETAILS)
    codes = {d.code: d.id for d in delegation_admin.list_delegations(db)}
    heads = {}
    for title, given, first, second, code, gender in HEADS:
        row = participants.create_participant(
            db, title=title, given_names=given, first_surname=first, second_surname=second,
            delegation_id=codes[code], gender=gender, category=Category.LAWMAKER.value,
            is_head_of_delegation=True)
        heads[code] = row.id
    sitting = sittings.create_sitting(
        db, title_es="Adopción de la Declaración", title_en="Adoption of the Declaration",
        date=dt.date(2017, 9, 6))
    declaration_id = create_draft(db, draft_content(), sitting_id=sitting.id)
    return Room(db, clock, declaration_id, sitting.id, codes, heads)
