"""The demo's opening sitting, already held: attendance, speeches, agreements, an initiative.

:func:`hold_opening_sitting` writes, for sitting 1 of the demo encounter, what the
secretariat would have recorded on the morning of 4 September 2017: who came (arrival
times from about 08:40 to 09:20 local time, a few excused, a few absent), the list of
speakers that ran (real start times and durations, a point of order, a right of reply, a
question, summaries in Spanish, speakers in Spanish, English and French), the actual
start and the adjournment, two agreements and one legislative initiative. Right after
``encounter-desk demo``, ``encounter-desk minutes 1 out.pdf`` prints complete minutes.

Everything is written through the ORM (so the audit trail sees it) with explicit
timestamps, and the content is the same every time.
"""

from __future__ import annotations

import datetime as dt
import random
import zoneinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from encounter_desk.core.bilingual import Bilingual
from encounter_desk.records.attendance.counts import counts_in
from encounter_desk.storage.models import (
    Adoption,
    Agreement,
    AgreementVote,
    Attendance,
    AttendanceSource,
    AttendanceStatus,
    Category,
    Delegation,
    Event,
    Initiative,
    InitiativeKind,
    InitiativeSponsor,
    InitiativeStatus,
    Participant,
    PointReason,
    Sitting,
    Speech,
    SpeechKind,
    SpeechState,
    Vote,
)

SEED = 20170904
DOOR = "Puerta Salón Chiapas"

# (delegation code, index among its people or "head") -> status other than present.
EXCUSED = (("BZ", 3), ("NI", 2), ("US", 4))
ABSENT = (("HN", 3), ("DO", 3), ("PA", 2))
ROLL_CALL_LATE = (("CR", 2), ("GT", 2))  # came in late, marked at the roll call

# The list of speakers that ran: (agenda item, speaker, kind, start "HH:MM:SS", seconds,
# language, summary). A speaker is (delegation code, index) or a demo key of a sitting.
SPEECHES = (
    (1, ("PPT", 0), SpeechKind.STATEMENT, "09:41:10", 172, "es",
     "Declara abierta la sesión, saluda a las delegaciones de los once países miembros y "
     "constata el quórum con base en el registro de asistencia."),
    (2, ("PPT", 1), SpeechKind.STATEMENT, "09:45:05", 231, "es",
     "Transmite el saludo del Canciller de El Salvador y recuerda el mandato de la "
     "Conferencia Regional sobre Migración sobre la protección de las mujeres migrantes."),
    (3, ("MX", 0), SpeechKind.STATEMENT, "09:50:02", 176, "es",
     "Da la bienvenida a Chiapas, frontera sur de México, y subraya la situación de las "
     "trabajadoras agrícolas y del hogar en tránsito."),
    (3, ("CA", 1), SpeechKind.POINT_OF_ORDER, "09:51:30", 41, "fr",
     "Signale que l'interprétation vers le français ne fonctionne pas dans les rangées du "
     "fond; la présidence suspend brièvement l'intervention jusqu'à son rétablissement."),
    (3, ("MX", 1), SpeechKind.STATEMENT, "09:54:30", 168, "es",
     "Presenta las reformas recientes a la Ley de Migración mexicana en materia de "
     "reunificación familiar y acceso a la justicia de mujeres migrantes."),
    (4, ("GT", 0), SpeechKind.STATEMENT, "09:58:12", 154, "es",
     "Propone añadir a la agenda un punto sobre la niñez migrante no acompañada; apoya el "
     "método de trabajo propuesto por la Presidencia."),
    (4, ("US", 0), SpeechKind.STATEMENT, "10:01:05", 197, "en",
     "Supports the agenda; stresses data on trafficking of women along the corridor and "
     "offers to share state-level legislative experience."),
    (4, ("HN", 0), SpeechKind.RIGHT_OF_REPLY, "10:04:40", 83, "es",
     "Ejerce el derecho de réplica para precisar las cifras de retorno de mujeres "
     "hondureñas citadas por la delegación de los Estados Unidos."),
    (4, ("CR", 0), SpeechKind.STATEMENT, "10:06:30", 149, "es",
     "Respalda el método de trabajo y pide que el Encuentro adopte una hoja de ruta con "
     "indicadores verificables."),
    (5, ("ST", 0), SpeechKind.STATEMENT, "10:09:15", 412, "es",
     "Presenta los resultados esperados: una Declaración sobre Mujeres Migrantes, "
     "iniciativas legislativas concretas y un mecanismo de seguimiento."),
    (5, ("BZ", 0), SpeechKind.QUESTION, "10:16:20", 58, "en",
     "Asks how the follow-up mechanism will report to the RCM Vice-Ministerial meeting."),
    (5, ("DO", 0), SpeechKind.STATEMENT, "10:17:40", 171, "es",
     "Anuncia que la delegación dominicana presentará una iniciativa sobre trabajo "
     "doméstico remunerado de mujeres migrantes."),
    (5, ("CA", 0), SpeechKind.STATEMENT, "10:21:00", 188, "fr",
     "Présente l'expérience du Québec en matière d'accueil des femmes réfugiées et "
     "propose un échange entre commissions parlementaires."),
)

# The secretariat's translations of the summaries, by the speech's start: (Spanish, English);
# None where it is the original or not translated yet (the minutes mark those).
SUMMARY_TRANSLATIONS = {
    "09:41:10": (None,
                 "Declares the sitting open, greets the delegations of the eleven member "
                 "countries and verifies the quorum from the attendance register."),
    "09:45:05": (None,
                 "Conveys the greetings of the Foreign Minister of El Salvador and recalls the "
                 "mandate of the Regional Conference on Migration on protecting migrant women."),
    "09:50:02": (None,
                 "Welcomes the delegations to Chiapas, Mexico's southern border, and highlights "
                 "the situation of women farm and domestic workers in transit."),
    "09:51:30": ("Señala que la interpretación al francés no funciona en las filas del fondo; "
                 "la Presidencia suspende brevemente la intervención hasta que se restablece.",
                 None),
    "09:54:30": (None,
                 "Presents Mexico's recent amendments to the Migration Act on family "
                 "reunification and migrant women's access to justice."),
    "10:01:05": ("Apoya la agenda; destaca los datos sobre la trata de mujeres a lo largo del "
                 "corredor y ofrece compartir la experiencia legislativa de los estados.",
                 None),
    "10:09:15": (None,
                 "Presents the expected results: a Declaration on Migrant Women, concrete "
                 "legislative initiatives and a follow-up mechanism."),
}

ACTUAL_START = "09:41:00"
ADJOURNED = "10:27:30"


# The agreements adopted: (agenda item, Spanish, English, votes in favour, against and
# abstentions; None: by consensus), numbered in this order.
AGREEMENTS = (
    (4,
     "Se aprueba la agenda del Encuentro con la inclusión de un punto sobre la niñez migrante "
     "no acompañada, y el método de trabajo propuesto por la Presidencia Pro-Tempore.",
     "The agenda of the Encounter is adopted, with an item on unaccompanied migrant children "
     "added, together with the methods of work proposed by the Presidency Pro-Tempore.",
     None),
    (5,
     "Se encomienda a la Secretaría Técnica preparar el proyecto de Declaración sobre Mujeres "
     "Migrantes y la matriz de seguimiento de las iniciativas legislativas, para su examen en "
     "la sesión de clausura.",
     "The Technical Secretariat is asked to prepare the draft Declaration on Migrant Women and "
     "the follow-up matrix of legislative initiatives, for consideration at the closing "
     "sitting.",
     (10, 0, 1)),
)
BY_DELEGATION = {2: {"BZ": Vote.ABSTAIN.value}}
"""Agreements voted by delegation (by number): the delegations that did not vote in favour;
every other member delegation voted in favour (the tally above is counted from these)."""


def _moment(day: dt.date, hhmmss: str, zone: dt.tzinfo) -> dt.datetime:
    h, m, s = (int(x) for x in hhmmss.split(":"))
    return dt.datetime.combine(day, dt.time(h, m, s), tzinfo=zone).astimezone(dt.UTC)


def hold_opening_sitting(session: Session, *, number: int = 1) -> Sitting:
    """Record sitting ``number`` of the demo as held (inside the caller's transaction)."""
    event = session.scalar(select(Event).order_by(Event.id).limit(1))
    sitting = session.scalar(select(Sitting).where(Sitting.number == number))
    if event is None or sitting is None:
        raise ValueError(f"the demo has no sitting {number}")
    zone = zoneinfo.ZoneInfo(event.timezone)
    rng = random.Random(SEED)
    day = sitting.date

    delegations = {d.code: d for d in session.scalars(select(Delegation))}
    codes = {d.id: code for code, d in delegations.items()}
    people: dict[str, list[Participant]] = {}
    for p in session.scalars(select(Participant).order_by(Participant.id)):
        people.setdefault(codes.get(p.delegation_id, ""), []).append(p)

    def person(key: tuple[str, int]) -> Participant:
        return people[key[0]][key[1]]

    excused = {person(k).id for k in EXCUSED}
    absent = {person(k).id for k in ABSENT}
    late = {person(k).id for k in ROLL_CALL_LATE}
    first_arrival = _moment(day, "08:40:00", zone)
    for code, members in people.items():
        for p in members:
            if code == "" or p.category in (Category.STAFF.value, Category.PRESS.value):
                continue
            if p.id in excused or p.id in absent:
                status = AttendanceStatus.EXCUSED if p.id in excused else AttendanceStatus.ABSENT
                session.add(Attendance(
                    sitting_id=sitting.id, participant_id=p.id, status=status.value,
                    arrived_at=None, source=AttendanceSource.MANUAL.value,
                    recorded_by="secretaria", desk="", updated_at=_moment(day, "09:45:00", zone),
                ))
                continue
            if p.id in late:
                arrived = _moment(day, "09:43:00", zone)
                source, desk = AttendanceSource.ROLL_CALL, ""
            else:
                arrived = first_arrival + dt.timedelta(seconds=rng.randrange(0, 40 * 60))
                source, desk = AttendanceSource.SCAN, DOOR
            session.add(Attendance(
                sitting_id=sitting.id, participant_id=p.id, status=AttendanceStatus.PRESENT.value,
                arrived_at=arrived, source=source.value, recorded_by="secretaria", desk=desk,
                updated_at=arrived,
            ))

    items = {item.number: item for item in sitting.agenda_items}
    sitting.actual_start = _moment(day, ACTUAL_START, zone)
    sitting.adjourned_at = _moment(day, ADJOURNED, zone)
    session.flush()
    members = sum(1 for d in delegations.values() if d.is_member)
    quorum = counts_in(session, sitting.id, members, event.quorum_rule or "").quorum
    assert quorum is not None
    sitting.quorum_represented, sitting.quorum_members = quorum.represented, quorum.members
    sitting.quorum_met = quorum.met
    speeches: list[Speech] = []
    for position, (item_no, who, kind, start, seconds, lang, summary) in enumerate(SPEECHES):
        speaker = person(who)
        started = _moment(day, start, zone)
        limit = {
            SpeechKind.STATEMENT: sitting.default_speaking_seconds,
            SpeechKind.RIGHT_OF_REPLY: 90,
            SpeechKind.QUESTION: 60,
            SpeechKind.POINT_OF_ORDER: 60,
        }[kind]
        speech = Speech(
            sitting_id=sitting.id,
            agenda_item_id=items[item_no].id,
            participant_id=speaker.id,
            delegation_id=speaker.delegation_id,
            kind=kind.value,
            state=SpeechState.DONE.value,
            position=float(position),
            requested_at=started - dt.timedelta(minutes=5),
            started_at=started,
            ended_at=started + dt.timedelta(seconds=seconds),
            paused_seconds=0.0,
            pause_count=0,
            limit_seconds=limit,
            custom_limit=False,
            language=lang,
        )
        es, en = SUMMARY_TRANSLATIONS.get(start, (None, None))
        Bilingual(es or "", en or "", "", lang).with_text(lang, summary).write(speech, "summary")
        speeches.append(speech)
        session.add(speech)
    session.flush()
    # The point of order paused the Mexican host's first speech; the reply answers the US.
    by_start = {s.started_at: s for s in speeches}
    host = by_start[_moment(day, "09:50:02", zone)]
    point = by_start[_moment(day, "09:51:30", zone)]
    point.interrupts_id = host.id
    point.reason = PointReason.INTERPRETATION.value
    point.reason_text = "Sin interpretación al francés en las filas del fondo"
    pause = (point.ended_at - point.started_at).total_seconds()
    host.paused_seconds = pause
    host.pause_count = 1
    host.ended_at = host.ended_at + dt.timedelta(seconds=pause)
    reply = by_start[_moment(day, "10:04:40", zone)]
    reply.replies_to_id = by_start[_moment(day, "10:01:05", zone)].id
    question = by_start[_moment(day, "10:16:20", zone)]
    question.replies_to_id = by_start[_moment(day, "10:09:15", zone)].id

    created = sitting.adjourned_at
    for number, (item_no, text_es, text_en, votes) in enumerate(AGREEMENTS, start=1):
        votes_for, votes_against, abstentions = votes or (None, None, None)
        others = BY_DELEGATION.get(number)
        session.add(Agreement(
            sitting_id=sitting.id, agenda_item_id=items[item_no].id, number=number,
            text_es=text_es, text_en=text_en, text_original="", original_language="es",
            adoption=(Adoption.VOTE if votes else Adoption.CONSENSUS).value,
            votes_for=votes_for, votes_against=votes_against, abstentions=abstentions,
            is_annex=False, annex_title="", created_at=created,
            delegation_votes=[] if others is None else [
                AgreementVote(delegation_id=d.id, vote=others.get(code, Vote.FOR.value))
                for code, d in delegations.items() if d.is_member],
        ))
    dominican = people["DO"]
    initiative = Initiative(
        delegation_id=delegations["DO"].id,
        original_language="es",
        title_es="Ley de protección de las trabajadoras domésticas migrantes",
        title_en="Act on the protection of migrant domestic workers",
        title_original="",
        # not translated yet: the English minutes print it marked "[original in Spanish]"
        description_es="Reconoce el trabajo doméstico remunerado de mujeres migrantes, con "
                       "contrato escrito, seguridad social y acceso a la inspección laboral "
                       "sin importar la situación migratoria.",
        description_en="",
        description_original="",
        kind=InitiativeKind.BILL.value,
        target_date=dt.date(2018, 3, 31),
        status=InitiativeStatus.PLEDGED.value,
        sitting_id=sitting.id,
        created_at=created,
        updated_at=created,
    )
    initiative.sponsors = [
        InitiativeSponsor(participant_id=dominican[0].id, position=0),
        InitiativeSponsor(participant_id=dominican[1].id, position=1),
    ]
    session.add(initiative)
    session.flush()
    return sitting

