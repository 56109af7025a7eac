"""Build a large event file for the benchmarks (fast: Core inserts, no audit rows)."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from sqlalchemy import insert, select

from encounter_desk.core import names as text
from encounter_desk.event.event import EventDetails, create_event
from encounter_desk.storage.database import Database, open_database, sqlite_url
from encounter_desk.storage.models import CheckIn, Delegation, Participant, Scan, Sitting

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
    """``history`` scans in the log: the first half of the participants checked in, the
    rest a mix of repeats and refusals; then 200 of those not yet admitted get a reissued
    badge (serial 2). Returns how many are checked in."""
    rng = random.Random(11)
    base = dt.datetime(2026, 12, 1, 14, 0, tzinfo=dt.UTC)
    admitted = participants // 2
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
        session.execute(insert(Scan), scans)
        session.execute(insert(CheckIn), checkins)
    with db.write() as session:
        for pid in range(admitted + 1, admitted + 201):
            session.get(Participant, pid).badge_serial = 2
    return admitted


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
