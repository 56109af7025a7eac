"""The minutes of a sitting as an Akoma Ntoso 3.0 ``debate`` document (OASIS LegalDocML).

:func:`export_akn` writes ``<akomaNtoso><debate>`` built from the same
:class:`~encounter_desk.records.minutes.data.MinutesData` as the PDF:

* ``meta/identification``: FRBR work, expression (the language) and manifestation, with
  URIs like ``/akn/mx/debate/2017-09-04/rcm-ep-2017-s1/spa@``;
* ``meta/references``: a ``TLCOrganization`` for the event and for every delegation, a
  ``TLCPerson`` for every speaker, chair, secretary and attendee, a ``TLCRole`` for every
  role used (chair, secretary, and the participant categories);
* ``preface``: the title; ``debateBody``: ``rollCall`` (attendance by delegation), one
  ``debateSection`` per agenda item holding ``speech`` elements (``by``, ``as``,
  ``startTime``, ``endTime``) and ``pointOfOrder`` sections, then ``adjournment``.

The schema types ``by``/``as``/``refersTo`` as plain URIs, so :func:`check_references`
verifies that each one points to a declared reference and the exporter refuses to write a
document where one does not (:class:`AknError`). The schema itself is not needed at run
time; the tests validate the output against it.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from importlib import resources
from pathlib import Path

from lxml import etree

from encounter_desk.core import names as text
from encounter_desk.core.errors import Refusal
from encounter_desk.core.i18n import in_language
from encounter_desk.records.minutes.data import MinutesData, load_minutes
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import CATEGORY_LABELS, Category, SpeechKind

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
LANG3 = {"es": "spa", "en": "eng", "fr": "fra"}
REF_ATTRIBUTES = ("by", "as", "refersTo", "to", "source")


class AknError(Refusal):
    """The document would point at something it does not declare."""

    default_code = "akn.invalid"


@functools.cache
def schema() -> etree.XMLSchema:
    """The OASIS Akoma Ntoso 1.0 schema that ships in ``resources/schemas/akn``."""
    folder = resources.files("encounter_desk.resources").joinpath("schemas", "akn")
    with resources.as_file(folder.joinpath("akomantoso30.xsd")) as xsd:
        # the schema imports ./xml.xsd beside it: parse from the folder on disk
        return etree.XMLSchema(etree.parse(str(xsd)))


def _e(parent: etree._Element | None, tag: str, **attrs: str) -> etree._Element:
    attrs = {k.rstrip("_"): v for k, v in attrs.items() if v is not None}
    if parent is None:
        return etree.Element(f"{{{NS}}}{tag}", attrs, nsmap={None: NS})
    return etree.SubElement(parent, f"{{{NS}}}{tag}", attrs)


def _slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.fold(value)).strip("-") or "x"


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class _Refs:
    """The references section, filled as the body names people, bodies and roles."""

    def __init__(self, event_slug: str) -> None:
        self.event_slug = event_slug
        self.orgs: dict[str, tuple[str, str]] = {}
        self.people: dict[str, tuple[str, str]] = {}
        self.roles: dict[str, tuple[str, str]] = {}

    def org(self, code: str, name: str) -> str:
        eid = "org-" + _slug(code)
        self.orgs.setdefault(eid, (f"/akn/ontology/organizations/{self.event_slug}/{eid}", name))
        return "#" + eid

    def person(self, participant_id: int, name: str) -> str:
        eid = f"person-{participant_id}"
        self.people.setdefault(
            eid, (f"/akn/ontology/persons/{self.event_slug}/{eid}", name))
        return "#" + eid

    def role(self, key: str, label: str) -> str:
        eid = "role-" + _slug(key)
        self.roles.setdefault(eid, (f"/akn/ontology/roles/{self.event_slug}/{eid}", label))
        return "#" + eid

    def write(self, references: etree._Element) -> None:
        for tag, table in (("TLCOrganization", self.orgs), ("TLCPerson", self.people),
                           ("TLCRole", self.roles)):
            for eid, (href, show) in table.items():
                _e(references, tag, eId=eid, href=href, showAs=show or eid)


def build_debate(data: MinutesData) -> etree._ElementTree:
    """The AKN document for gathered minutes (checked: every reference is declared)."""
    h, lang = data.header, data.lang
    tr = in_language(lang)
    event_slug = _slug(h.event_code)
    refs = _Refs(event_slug)
    event_ref = refs.org(h.event_code, h.event_name)
    chair_role = refs.role("chair", tr.translate("Minutes", "Chair"))
    secretary_role = refs.role("secretary", tr.translate("Minutes", "Secretariat"))
    categories = {c.value: tr.translate("Category", CATEGORY_LABELS[c]) for c in Category}

    country = "mx"
    name = f"{event_slug}-s{h.sitting_number}"
    day = h.date.isoformat()
    work = f"/akn/{country}/debate/{day}/{name}"
    expression = f"{work}/{LANG3.get(lang, 'spa')}@"

    root = _e(None, "akomaNtoso")
    debate = _e(root, "debate", name="minutes")
    meta = _e(debate, "meta")
    ident = _e(meta, "identification", source=event_ref)
    frbr = _e(ident, "FRBRWork")
    _e(frbr, "FRBRthis", value=f"{work}/!main")
    _e(frbr, "FRBRuri", value=work)
    _e(frbr, "FRBRdate", date=day, name="sitting")
    _e(frbr, "FRBRauthor", href=event_ref)
    _e(frbr, "FRBRcountry", value=country)
    _e(frbr, "FRBRnumber", value=str(h.sitting_number))
    frbr = _e(ident, "FRBRExpression")
    _e(frbr, "FRBRthis", value=f"{expression}/!main")
    _e(frbr, "FRBRuri", value=expression)
    _e(frbr, "FRBRdate", date=day, name="sitting")
    _e(frbr, "FRBRauthor", href=event_ref)
    _e(frbr, "FRBRlanguage", language=LANG3.get(lang, "spa"))
    frbr = _e(ident, "FRBRManifestation")
    _e(frbr, "FRBRthis", value=f"{expression}/!main.xml")
    _e(frbr, "FRBRuri", value=f"{expression}.akn")
    _e(frbr, "FRBRdate", date=dt.date.today().isoformat(), name="generation")
    _e(frbr, "FRBRauthor", href=event_ref)
    references = _e(meta, "references", source=event_ref)

    preface = _e(debate, "preface")
    p = _e(preface, "p")
    title = _e(p, "docTitle")
    title.text = tr.translate("Minutes", "Minutes of session {number}: {title}").format(
        number=h.sitting_number, title=h.sitting_title)
    p = _e(preface, "p")
    _e(p, "docDate", date=day).text = h.date_text
    p = _e(preface, "p")
    _e(p, "docNumber").text = h.reference
    for label, person, role in ((tr.translate("Minutes", "Chair"), h.chair, chair_role),
                                (tr.translate("Minutes", "Secretary"), h.secretary,
                                 secretary_role)):
        if person is None:
            continue
        p = _e(preface, "p")
        p.text = f"{label}: "
        _e(p, "person", refersTo=refs.person(person.participant_id, person.full_name),
           as_=role, eId=f"preface-{role[1:]}").text = person.full_name

    body = _e(debate, "debateBody")
    roll = _e(body, "rollCall", eId="rollcall")
    _e(roll, "heading").text = tr.translate("Minutes", "1. Attendance")
    for block in data.attendance:
        for group in block.groups:
            org = refs.org(group.code or "none", group.name)
            p = _e(roll, "p", eId=f"rollcall-{_slug(group.code or 'none')}")
            _e(p, "organization", refersTo=org).text = group.name
            for line in group.lines:
                span = _e(p, "person",
                          refersTo=refs.person(line.participant_id, line.full_name),
                          as_=refs.role(line.category or "participant",
                                        categories.get(line.category, line.category)))
                span.text = line.full_name
                span.tail = f" ({line.status_text}{', ' + line.arrival if line.arrival else ''});"
    totals = _e(roll, "p")
    totals.text = " ".join(data.totals.lines) + " " + data.totals.quorum_text

    chair_id = h.chair.participant_id if h.chair else None
    secretary_id = h.secretary.participant_id if h.secretary else None
    for section in data.agenda:
        eid = f"dbsect_{section.number if section.number is not None else 0}"
        sect = _e(body, "debateSection", eId=eid, name="agendaItem")
        if section.number is not None:
            _e(sect, "num").text = str(section.number)
        _e(sect, "heading").text = section.title
        if not section.interventions:
            sect.append(_para(tr.translate("Minutes", "No interventions.")))
        for i in section.interventions:
            by = refs.person(i.participant_id, i.full_name)
            if i.participant_id == chair_id:
                role = chair_role
            elif i.participant_id == secretary_id:
                role = secretary_role
            else:
                role = refs.role("delegate-" + (i.delegation_code or "none"),
                                 i.delegation or i.delegation_code)
            if i.delegation_code:
                refs.org(i.delegation_code, i.delegation)
            attrs = {"by": by, "as_": role, "startTime": _iso(i.started_at)}
            if i.ended_at is not None:
                attrs["endTime"] = _iso(i.ended_at)
            container = sect
            if i.kind is SpeechKind.POINT_OF_ORDER:
                container = _e(sect, "pointOfOrder", eId=f"{eid}_poo_{i.number}")
                _e(container, "heading").text = i.kind_text
            speech = _e(container, "speech", eId=f"{eid}_spc_{i.number}", **attrs)
            _e(speech, "from").text = i.full_name + (f" ({i.delegation})" if i.delegation else "")
            p = _e(speech, "p")
            p.text = i.summary or i.kind_text
            meta_p = _e(speech, "p", class_="record")
            meta_p.text = tr.translate("Minutes", "{kind}, {duration}, language {language}").format(
                kind=i.kind_text, duration=i.duration, language=i.language.upper() or "?")
    for a in data.agreements:
        resolutions = body.find(f"{{{NS}}}resolutions")
        if resolutions is None:
            resolutions = _e(body, "resolutions", eId="resolutions")
            _e(resolutions, "heading").text = tr.translate("Minutes", "5. Agreements")
        p = _e(resolutions, "p", eId=f"agreement_{a.number}")
        p.text = f"{a.number}. {a.annex_title if a.is_annex else a.text} {a.adoption_text}"
        for line in (a.text.split("\n") if a.is_annex else ()):  # the annex's own text
            if line:
                _e(resolutions, "p", class_="annex").text = line
    adjournment = _e(body, "adjournment", eId="adjournment")
    if h.adjourned:
        adjournment.append(_para(tr.translate(
            "Minutes", "The chair adjourned the session at {time}.").format(time=h.adjourned)))
    else:
        adjournment.append(_para(tr.translate("Minutes", "The session has not been adjourned yet.")))

    refs.write(references)
    tree = etree.ElementTree(root)
    check_references(tree)
    return tree


def _para(value: str) -> etree._Element:
    p = _e(None, "p")
    p.text = value
    return p


def check_references(tree: etree._ElementTree) -> None:
    """Raise :class:`AknError` unless every by/as/refersTo/to/source names a declared eId."""
    root = tree.getroot()
    references = root.find(f".//{{{NS}}}references")
    declared = set() if references is None else {
        el.get("eId") for el in references if el.get("eId")
    }
    for el in root.iter():
        for attr in REF_ATTRIBUTES:
            value = el.get(attr)
            if value is None:
                continue
            if not value.startswith("#") or value[1:] not in declared:
                raise AknError(
                    in_language(None).translate(
                        "Minutes", "The Akoma Ntoso export points at {ref}, which it does not "
                        "declare (element {element}, attribute {attribute})."
                    ).format(ref=value, element=etree.QName(el).localname, attribute=attr),
                    code="akn.undeclared_reference",
                )


def export_akn(db: Database, sitting_id: int, out: Path, lang: str = "es") -> None:
    """Write the minutes of ``sitting_id`` as an Akoma Ntoso debate to ``out``."""
    tree = build_debate(load_minutes(db, sitting_id, lang=lang))
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tree.write(str(out), xml_declaration=True, encoding="UTF-8", pretty_print=True)
