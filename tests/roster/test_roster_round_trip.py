"""Every roster the app exports imports back: the forms and the importer follow one set of rules.

People are registered through the same job the forms and the walk-in desk call
(:func:`encounter_desk.event.participants.create_participant`), with odd but valid values;
their export, CSV or XLSX, in English or Spanish, imports back changing nothing. A value one
path refuses, the other refuses too.
"""

from __future__ import annotations

import datetime as dt

import pytest

from encounter_desk.core import i18n
from encounter_desk.core.errors import Refusal
from encounter_desk.event import delegations, participants
from encounter_desk.event import event as events
from encounter_desk.roster import importer as roster
from encounter_desk.roster.export import neutralise, unneutralise

DETAILS = events.EventDetails(
    code="TRIP", name_es="Ida y vuelta", name_en="Round trip",
    start_date=dt.date(2017, 9, 4), end_date=dt.date(2017, 9, 6),
)


@pytest.fixture
def event_db(db):
    events.create_event(db, DETAILS)
    return db


def _delegation(db, code: str) -> int:
    return next(d.id for d in delegations.list_delegations(db) if d.code == code)


def _register_odd_people(db) -> int:
    mx, oi, inv = (_delegation(db, c) for c in ("MX", "OI", "INV"))
    people = [
        # Accents, ñ, a compound second surname, an upper-case email.
        dict(title="Dip.", given_names="José Ángel", first_surname="Núñez",
             second_surname="de la Peña", delegation_id=mx, email="Jose.Nunez@Example.MX",
             is_head_of_delegation=True, gender="M", language="Español"),
        # The same name in another delegation is another person.
        dict(given_names="José Ángel", first_surname="Núñez", delegation_id=oi,
             category="international", institution="OIM", language="fr"),
        # Only a surname, only a given name.
        dict(first_surname="Tremblay", delegation_id=mx, phone="+1 (613) 555-0199"),
        dict(given_names="Xochitl", delegation_id=inv, category="guest"),
        # No delegation at all: staff and a lawmaker without a country.
        dict(given_names="Iván", first_surname="O'Brien", category="staff"),
        dict(given_names="Zoë", first_surname="Lévesque-Côté", email="zoe@parl.example.ca"),
        # Cells a spreadsheet would run as formulas, and their escaped look-alikes.
        dict(given_names="Ana", first_surname="Paz", delegation_id=mx,
             desk_note="=HYPERLINK(\"http://evil\")", position="@SUM(A1)",
             institution="-", committee="'=1+2", chamber="'Asamblea"),
        # Text as long as its column allows.
        dict(given_names="L" * 120, first_surname="M" * 120, delegation_id=mx,
             title="T" * 40, institution="I" * 200, email="a" * 180 + "@example.org"),
    ]
    for values in people:
        participants.create_participant(db, **values)
    return len(people)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_participant_the_app_saves_exports_and_imports_back(event_db, tmp_path, suffix,
                                                                   lang):
    count = _register_odd_people(event_db)
    before = participants.list_participants(event_db)
    i18n.set_language(lang)
    out = tmp_path / f"roster{suffix}"
    assert roster.export_roster(event_db, out) == count
    report = roster.import_roster(event_db, out)
    assert report.ok, report.lines()
    assert (report.created, report.updated, report.unchanged) == (0, 0, count), report.planned
    assert participants.list_participants(event_db) == before


@pytest.mark.parametrize("value", ["'=1+2", "''=x", "'abc", "=1", "'", "-", "@x", "''"])
def test_escaping_formulas_is_undone_exactly(value):
    assert unneutralise(neutralise(value)) == value


@pytest.mark.parametrize(("email", "valid"), [
    ("ana@mail.example", True),
    ("ana.perez+desk@sub.mail.example", True),
    ("ana@mail.example.", False),  # a trailing dot
    ("ana@", False),
    ("ana@mail", False),
    ("ana@@mail.example", False),
    ("ana,luis@mail.example", False),
    ("<ana@mail.example>", False),
])
def test_the_form_and_the_importer_agree_on_emails(event_db, tmp_path, email, valid):
    try:
        participants.create_participant(event_db, given_names="Ana", email=email)
        saved = True
    except Refusal as refused:
        assert refused.code == "participant.email"
        saved = False
    path = tmp_path / "one.csv"
    path.write_text(f'Given names,Surnames,Email\nLuis,Mora,"{email}"\n', encoding="utf-8")
    imported = roster.import_roster(event_db, path, dry_run=True).ok
    assert saved is imported is valid


@pytest.mark.parametrize(("value", "code"), [("Deutsch", None), ("Français", "fr"),
                                             ("ES", "es"), ("it", "it")])
def test_the_form_and_the_importer_agree_on_languages(event_db, tmp_path, value, code):
    try:
        saved = participants.create_participant(event_db, given_names="Ana", language=value)
    except Refusal as refused:
        assert refused.code == "participant.language"
        saved = None
    path = tmp_path / "one.csv"
    path.write_text(f"Given names,Surnames,Language\nLuis,Mora,{value}\n", encoding="utf-8")
    report = roster.import_roster(event_db, path)
    assert report.ok is (code is not None)
    if code is not None:
        assert saved.language == code
        luis = next(p for p in participants.list_participants(event_db) if p.given_names == "Luis")
        assert luis.language == code


def test_an_email_names_one_participant_in_the_form_as_in_the_importer(event_db):
    participants.create_participant(event_db, given_names="Ana", email="ana@mail.example")
    with pytest.raises(Refusal, match="already the email of Ana") as refused:
        participants.create_participant(event_db, given_names="Luis", email="ANA@mail.example")
    assert refused.value.code == "participant.email_taken"


def test_a_value_longer_than_its_column_is_refused_at_save_time(event_db):
    with pytest.raises(Refusal, match="longer than 40 characters") as refused:
        participants.create_participant(event_db, given_names="Ana", title="T" * 41)
    assert refused.value.code == "participant.too_long"
