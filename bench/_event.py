"""Build large events for the benchmarks (fast: Core inserts, no audit rows): people, a
scan history, sittings with attendance and speeches, and a roster CSV to import."""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

from sqlalchemy import insert, select

from encounter_desk.core import names as text
from encounter_desk.event.event import EventDetails, create_event
from encounter_desk.storage.database import Database, open_database, sqlite_url
from encounter_desk.storage.models import (
    AgendaItem,
    Agreement,
    Attendance,
    CheckIn,
    Delegation,
    Participant,
    Scan,
    Sitting,
    Speech,
)

GIVEN = ["María José", "José Luis", "Ana", "Juan Carlos", "Guadalupe", "Ñeco", "Françoise",
         "María Fernanda de los Ángeles", "Luis", "Sofía", "Jean-Pierre", "Carmen"]
SURNAMES = ["Pérez", "Núñez", "González", "Rodríguez-Saavedra", "López", "Castañeda",
            "Zúñiga", "Ibáñez", "Smith", "Lévesque", "Hernández", "Villalobos"]


def build_event(path: Path, participants: int, *, seed: int = 7) -> Database:
    db = open_database(sqlite_url(path), actor="bench")
    create_event(
        db,
        EventDetails(
            code="RCM-BENCH",
            name_es="Encuentro Parlamentario de la Conferencia Regional sobre Migración",
            name_en="Parliamentary Encounter of the Regional Conference on Migration",
            short_name_es="Encuentro Parlamentario RCM",
            short_name_en="RCM Parliamentary Encounter",
            start_date=dt.date(2026, 12, 1),
            end_date=dt.date(2026, 12, 3),
        ),
    )
    rng = random.Random(seed)
    with db.write() as session:
        delegations = list(session.scalars(select(Delegation.id)))
        rows = []
        for i in range(participants):
            given = rng.choice(GIVEN)
            first, second = rng.choice(SURNAMES), rng.choice(SURNAMES)
            display = text.full_name(given, first, second) + f" {i}"
            sort = text.sort_name(given, first, second) + f" {i}"
            rows.append(
                {
                    "title": rng.choice(["Dip.", "Sen.", "Hon.", ""]),
                    "given_names": given,
                    "first_surname": first,
                    "second_surname": f"{second} {i}",
                    "display_name": display,
                    "sort_name": sort,
                    "sort_key": text.collation_key(sort),
                    "identity_key": text.fold(display),
                    "delegation_id": delegations[i % len(delegations)],
                    "category": "lawmaker",
                    "institution": "",
                    "position": "",
                    "chamber": "",
                    "committee": "",
                    "is_head_of_delegation": i % 50 == 0,
                    "email": "",
                    "phone": "",
                    "desk_note": "Silla de ruedas" if i % 97 == 0 else "",
                    "language": "es",
                    "badge_serial": 1,
                    "created_at": dt.datetime(2026, 11, 1, tzinfo=dt.UTC),
                    "updated_at": dt.datetime(2026, 11, 1, tzinfo=dt.UTC),
                }
            )
        if rows:  # an executemany of no rows is a single INSERT of defaults
            session.execute(insert(Participant), rows)
        for n in range(1, 6):
            session.add(
                Sitting(number=n, title_es=f"Sesión {n}", title_en=f"Session {n}",
                        date=dt.date(2026, 12, 1 + (n - 1) // 2),
                        scheduled_start=dt.time(9 + 4 * ((n - 1) % 2), 0),
                        scheduled_end=dt.time(12 + 4 * ((n - 1) % 2), 0))
            )
    return db


def add_scan_history(db, participants: int, history: int, make) -> int:  # noqa: ANN001
    """``history`` scans in the log: the first ``min(participants // 2, history)``
    participants checked in, the rest of the scans a mix of repeats and refusals; then up to
    200 of those not yet admitted get a reissued badge (serial 2, see :func:`reissued`).
    Returns how many are checked in."""
    rng = random.Random(11)
    base = dt.datetime(2026, 12, 1, 14, 0, tzinfo=dt.UTC)
    admitted = min(participants // 2, history)
    scans, checkins = [], []
    for i in range(history):
        pid = (i % admitted) + 1 if i < admitted else rng.randint(1, admitted)
        verdict = "admitted" if i < admitted else rng.choice(
            ["already_checked_in", "forged", "wrong_event"])
        scans.append({
            "id": i + 1, "scan_uid": f"h{i:08d}", "raw": make(pid), "raw_length": 24,
            "source": "scanner", "verdict": verdict,
            "participant_id": pid if verdict in ("admitted", "already_checked_in") else None,
            "badge_serial": 1, "related_scan_id": None, "desk": f"desk {i % 4 + 1}",
            "at": base + dt.timedelta(seconds=i), "sitting_id": None, "undone_at": None,
            "undo_reason": "", "undone_by": "",
        })
        if i < admitted:
            checkins.append({"participant_id": pid, "scan_id": i + 1,
                             "at": base + dt.timedelta(seconds=i), "desk": "desk 1"})
    with db.write() as session:
        if scans:  # an executemany of no rows is a single INSERT of defaults
            session.execute(insert(Scan), scans)
        if checkins:
            session.execute(insert(CheckIn), checkins)
    with db.write() as session:
        for pid in reissued(participants, admitted):
            session.get(Participant, pid).badge_serial = 2
    return admitted


def reissued(participants: int, admitted: int) -> range:
    """The participants whose badge was replaced (serial 2): 200 after the admitted ones."""
    return range(admitted + 1, min(admitted + 200, participants) + 1)


def scan_options(cli, scans: int) -> None:  # noqa: ANN001
    """``--history`` and ``--scans``, for the benchmarks that replay a desk's scans."""
    cli.add_argument("--history", type=int, default=50_000, help="scans already in the log")
    cli.add_argument("--scans", type=int, default=scans, help="scans timed")


def scan_workload(make, participants: int, admitted: int, count: int,  # noqa: ANN001
                  rng: random.Random) -> list[str]:
    """``count`` badge codes as a desk reads them after :func:`add_scan_history`: 60 % first
    scans, then repeats, old badges of reissued people, damaged codes and another event's
    badge (a kind with nobody to draw from gives its share to the next)."""
    from encounter_desk.event import badge_code

    old = reissued(participants, admitted)
    fresh = list(range(old.stop, participants + 1))
    rng.shuffle(fresh)
    other = badge_code.make_code(secret_hex="00" * 32, event_code="OTHER-EVENT",
                                 participant_id=5, serial=1)
    workload = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.6 and fresh:
            workload.append(make(fresh.pop()))
        elif roll < 0.8 and admitted:
            workload.append(make(rng.randint(1, admitted)))
        elif roll < 0.87 and old:
            workload.append(make(rng.choice(old), 1))
        elif roll < 0.94:
            c = make(rng.randint(1, participants))
            workload.append(c[:-1] + ("0" if c[-1] != "0" else "1"))
        else:
            workload.append(other)
    return workload


def badge_maker(db):  # noqa: ANN001, ANN201
    """A function (participant id, serial=1) -> that participant's badge code in ``db``."""
    from encounter_desk.event import badge_code
    from encounter_desk.storage.models import Event

    with db.read() as session:
        event = session.scalar(select(Event))
    secret, code = event.secret, event.code

    def make(pid: int, serial: int = 1) -> str:
        return badge_code.make_code(secret_hex=secret, event_code=code,
                                    participant_id=pid, serial=serial)

    return make


SUMMARY = ("Presenta la posición de su delegación sobre la protección de las mujeres migrantes "
           "en tránsito y propone una reforma a la ley de migración.")


def add_sitting_records(db, attendees: int, interventions: int,  # noqa: ANN001
                        sittings: int) -> list[int]:
    """Fill ``sittings`` sittings with an agenda, the attendance of the first ``attendees``
    participants, ``interventions`` finished speeches and three agreements each (Core
    inserts). Returns the sittings' ids."""
    rng = random.Random(11)
    ids = []
    with db.write() as session:
        people = list(session.execute(select(Participant.id, Participant.delegation_id)))
        for n in range(1, sittings + 1):
            day = dt.date(2026, 12, 1) + dt.timedelta(days=(n - 1) // 2)
            sitting = session.scalar(select(Sitting).where(Sitting.number == n))
            if sitting is None:  # build_event makes five
                sitting = Sitting(number=n, title_es=f"Sesión {n}", title_en=f"Sitting {n}",
                                  date=day, scheduled_start=dt.time(9, 0))
            day = sitting.date
            sitting.room = "Salón Chiapas"
            sitting.agenda_items = [
                AgendaItem(number=k, title_es=f"Punto {k} del orden del día",
                           title_en=f"Agenda item {k}") for k in range(1, 7)
            ]
            session.add(sitting)
            session.flush()
            ids.append(sitting.id)
            start = dt.datetime.combine(day, dt.time(15, 0), tzinfo=dt.UTC)
            sitting.actual_start = start
            rows = []
            for pid, _ in people[:attendees]:
                roll = rng.random()
                status = "present" if roll < 0.85 else ("excused" if roll < 0.93 else "absent")
                rows.append({
                    "sitting_id": sitting.id, "participant_id": pid, "status": status,
                    "arrived_at": start - dt.timedelta(minutes=rng.randrange(40))
                    if status == "present" else None,
                    "source": "scan", "recorded_by": "bench", "desk": "door",
                    "scan_id": None, "updated_at": start,
                })
            session.execute(insert(Attendance), rows)
            moment = start
            speech_rows = []
            items = [i.id for i in sitting.agenda_items]
            for k in range(interventions):
                pid, did = people[rng.randrange(min(attendees, len(people)))]
                seconds = rng.randrange(40, 300)
                speech_rows.append({
                    "sitting_id": sitting.id, "agenda_item_id": items[k * len(items)
                                                                      // interventions],
                    "participant_id": pid, "delegation_id": did,
                    "kind": rng.choice(["statement"] * 6 + ["right_of_reply", "question",
                                                             "point_of_order"]),
                    "state": "done", "position": float(k), "requested_at": moment,
                    "started_at": moment, "ended_at": moment + dt.timedelta(seconds=seconds),
                    "paused_at": None, "paused_seconds": 0.0, "pause_count": 0,
                    "limit_seconds": 180, "custom_limit": False,
                    "language": rng.choice(["es", "en", "fr"]), "summary": SUMMARY,
                    "replies_to_id": None, "interrupts_id": None, "withdrawn_at": None,
                })
                moment += dt.timedelta(seconds=seconds + 20)
            session.execute(insert(Speech), speech_rows)
            sitting.adjourned_at = moment
            for k in range(1, 4):
                session.add(Agreement(sitting_id=sitting.id, number=k,
                                      text_es=f"Acuerdo {k}: " + SUMMARY, text_en="",
                                      adoption="consensus", is_annex=False, annex_title=""))
    return ids


ROSTER_GIVEN = ["Ana", "María José", "Jorge", "Iñaki", "Sofía", "Patricia", "Emily", "Luis", "Núria",
         "José Ángel", "Camille", "Dean", "Guadalupe", "Tomás", "Beatriz", "Óscar"]
ROSTER_SURNAMES = ["Pérez", "Núñez", "Castañeda", "Muñoz de la Cruz", "García-Iglesias", "Tremblay",
            "Johnson", "de los Ríos", "Peña", "Ortiz", "Villaseñor", "López", "Barrow", "Soto"]
COUNTRIES = ["México", "Mexico", "MX", "EE. UU.", "Canadá", "Belize", "Costa Rica",
             "El Salvador", "Guatemala", "Honduras", "Nicaragua", "Panamá", "Rep. Dominicana", ""]
INSTITUTIONS = ["Senado de la República", "Asamblea Legislativa", "House of Commons",
                "Organización Internacional para las Migraciones (OIM)", "ACNUR", "ONU Mujeres"]


def write_roster_csv(path: Path, rows: int, seed: int = 7) -> None:
    """A roster of ``rows`` people as a secretariat sends it: CSV, semicolons, UTF-8 with a
    BOM, Spanish headers, countries spelt several ways."""
    rnd = random.Random(seed)
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh, delimiter=";")
        out.writerow(["Tratamiento", "Nombres", "Apellidos", "País", "Institución", "Cargo",
                      "Correo electrónico", "Teléfono", "Sexo"])
        for i in range(rows):
            given = rnd.choice(ROSTER_GIVEN)
            surnames = f"{rnd.choice(ROSTER_SURNAMES)} {rnd.choice(ROSTER_SURNAMES)}"
            out.writerow(["Dip.", f"{given} {i}", surnames, rnd.choice(COUNTRIES),
                          rnd.choice(INSTITUTIONS), "Integrante de comisión",
                          f"persona{i}@example.org", f"+503 2{i:07d}", rnd.choice("FMX ")])
