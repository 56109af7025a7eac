"""The demo's road map: commitments pledged at the encounter and followed for months.

Eleven commitments of seven delegations, short and medium term, with their indicators,
focal points and histories: some moved along (filed, in committee, approved, one enacted),
one withdrawn, some still where they were pledged — so that the road map report shows
progress, and overdue marks, the way a secretariat would present it at the next encounter.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from encounter_desk.storage.models import (
    Delegation,
    Initiative,
    InitiativeSponsor,
    InitiativeStageChange,
    Participant,
    Sitting,
)
from encounter_desk.storage.models.roadmap import STATUS_OF_STAGE, Stage

D = dt.date
# (delegation, sponsor index, kind, horizon, target, text_es, text_en, indicator,
#  focal point, [(stage, date, source detail)])
COMMITMENTS = (
    ("BZ", 0, "bill", "medium", D(2019, 3, 1),
     "Enmienda a la Ley de Inmigración para proteger a las trabajadoras migrantes víctimas de violencia",
     "Amendment to the Immigration Act protecting migrant women who are victims of violence",
     "Amendment tabled and passed by the House", ("Shanice Flowers", "sflowers@nationalassembly.gov.bz"),
     [("drafted", D(2017, 11, 20), "focal point email"), ("filed", D(2018, 2, 14), "")]),
    ("CA", 0, "agreement_point", "short", D(2018, 3, 8),
     "Moción para un informe del Comité de Ciudadanía e Inmigración sobre mujeres migrantes",
     "Motion for a Citizenship and Immigration Committee study on migrant women",
     "Committee report tabled", ("Émilie Tremblay", "etremblay@parl.gc.ca"),
     [("filed", D(2017, 10, 3), ""), ("in_committee", D(2017, 11, 28), ""),
      ("reported", D(2018, 2, 27), "committee report")]),
    ("CR", 0, "reform", "medium", D(2019, 3, 1),
     "Modificación de la Ley General de Migración: acceso a la salud de las mujeres migrantes embarazadas",
     "Reform of the General Migration Act: health care for pregnant migrant women",
     "Reforma aprobada en segundo debate", ("Laura Jiménez Quesada", "ljimenez@asamblea.go.cr"),
     [("drafted", D(2017, 10, 30), ""), ("filed", D(2017, 12, 5), "expediente 20.611"),
      ("in_committee", D(2018, 1, 16), "")]),
    ("SV", 0, "bill", "short", D(2018, 3, 1),
     "Ley especial para la atención de mujeres migrantes retornadas",
     "Special law on the care of returned migrant women",
     "Ley publicada en el Diario Oficial", ("Ana Patricia Peña Núñez", "apena@asamblea.gob.sv"),
     [("filed", D(2017, 9, 28), ""), ("in_committee", D(2017, 10, 10), ""),
      ("reported", D(2017, 12, 12), ""), ("approved", D(2018, 1, 25), ""),
      ("enacted", D(2018, 2, 22), "Diario Oficial n.º 36")]),
    ("SV", 1, "budget_item", "short", D(2018, 3, 1),
     "Partida presupuestaria para albergues de mujeres migrantes en tránsito",
     "Budget line for shelters of migrant women in transit",
     "Monto asignado en el presupuesto 2018", ("Ana Patricia Peña Núñez", "apena@asamblea.gob.sv"),
     [("approved", D(2017, 12, 20), "Presupuesto General 2018")]),
    ("GT", 0, "bill", "medium", D(2019, 3, 1),
     "Iniciativa de ley contra la trata de mujeres migrantes con fines de explotación laboral",
     "Bill against the trafficking of migrant women for labour exploitation",
     "Dictamen favorable de la Comisión del Migrante", ("Claudia Ixcot", "cixcot@congreso.gob.gt"),
     [("drafted", D(2018, 1, 10), "")]),
    ("HN", 0, "agreement_point", "short", D(2018, 3, 1),
     "Exhorto al Poder Ejecutivo para crear una ventanilla de atención a mujeres migrantes",
     "Exhortation to the Executive to open a help desk for migrant women",
     "Exhorto aprobado por el Pleno", ("Karla Zelaya", "kzelaya@congresonacional.hn"),
     []),
    ("MX", 0, "agreement_point", "short", D(2018, 3, 1),
     "Punto de acuerdo para que el INM informe sobre mujeres migrantes detenidas",
     "Point of agreement asking the INM to report on detained migrant women",
     "Informe entregado al Senado", ("Mariana Cruz de la Peña", "mcruz@senado.gob.mx"),
     [("filed", D(2017, 9, 12), "Gaceta del Senado"), ("approved", D(2017, 10, 26), "")]),
    ("MX", 1, "reform", "medium", D(2019, 3, 1),
     "Modificación de la Ley de Migración sobre la reunificación familiar de mujeres migrantes",
     "Reform of the Migration Act on family reunification of migrant women",
     "Dictamen aprobado en comisiones", ("Mariana Cruz de la Peña", "mcruz@senado.gob.mx"),
     [("filed", D(2017, 11, 7), ""), ("in_committee", D(2017, 11, 9), "")]),
    ("PA", 0, "bill", "medium", D(2019, 3, 1),
     "Anteproyecto de ley de protección de las trabajadoras migrantes en el sector doméstico",
     "Draft bill protecting migrant domestic workers",
     "Proyecto prohijado por la comisión", ("Itzel Batista", "ibatista@asamblea.gob.pa"),
     [("withdrawn", D(2018, 2, 6), "merged with draft bill 512")]),
)


ENGLISH_SPEAKING = ("BZ", "CA", "US")  # delegations that pledge in English


def pledge_commitments(session: Session) -> None:
    """Add the demo's commitments (inside the caller's transaction, after sitting 1)."""
    delegations = {d.code: d for d in session.scalars(select(Delegation))}
    sitting = session.scalar(select(Sitting).order_by(Sitting.number).limit(1))
    pledged = sitting.adjourned_at or dt.datetime(2017, 9, 4, 20, tzinfo=dt.UTC)
    people: dict[int, list[Participant]] = {}
    for p in session.scalars(select(Participant).order_by(Participant.id)):
        people.setdefault(p.delegation_id, []).append(p)
    for (code, sponsor, kind, horizon, target, text_es, text_en, indicator, focal,
         steps) in COMMITMENTS:
        delegation = delegations[code]
        stage = Stage(steps[-1][0]) if steps else Stage.ANNOUNCED
        initiative = Initiative(
            delegation_id=delegation.id, title_es=text_es, title_en=text_en, title_original="",
            description_es="", description_en="", description_original="",
            original_language="en" if code in ENGLISH_SPEAKING else "es", kind=kind,
            target_date=target, status=STATUS_OF_STAGE[stage], sitting_id=sitting.id,
            stage=stage.value, horizon=horizon, indicator=indicator, focal_name=focal[0],
            focal_email=focal[1], text_es=text_es, text_en=text_en,
            created_at=pledged, updated_at=pledged)
        members = people.get(delegation.id, [])
        if members:
            initiative.sponsors = [InitiativeSponsor(
                participant_id=members[min(sponsor, len(members) - 1)].id, position=0)]
        session.add(initiative)
        session.flush()
        previous = Stage.ANNOUNCED
        history = [("announced", pledged.date(), "")] + list(steps)
        for index, (value, day, detail) in enumerate(history):
            session.add(InitiativeStageChange(
                initiative_id=initiative.id, stage=value,
                previous_stage="" if index == 0 else previous.value, changed_on=day,
                source="encounter" if index == 0 else "form",
                source_detail=detail or ("" if index == 0 else f"roadmap-{code}.xlsx"),
                entered_by="Secretaría Técnica", note="",
                recorded_at=dt.datetime.combine(day, dt.time(17), tzinfo=dt.UTC)))
            previous = Stage(value)
    # the opening sitting's initiative joins the road map where it was pledged
    for initiative in session.scalars(select(Initiative).where(Initiative.text_es == "")):
        initiative.text_es = initiative.title
        initiative.indicator = "Proyecto presentado ante el Pleno"
        session.add(InitiativeStageChange(
            initiative_id=initiative.id, stage=initiative.stage, previous_stage="",
            changed_on=pledged.date(), source="encounter", source_detail="",
            entered_by="Secretaría Técnica", note="", recorded_at=pledged))
    session.flush()
