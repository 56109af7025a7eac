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
  ``startTime``, ``endTime``) and ``pointOfOrder`` sections (their reason a ``TLCConcept``
  they refer to, named in their heading, the chair's words in a ``p class="reason"``, and a
  ``ref`` to the speech they interrupted), then ``adjournment``;
* ``meta/analysis``: the quorum verified at the opening and each vote's ``voting`` counts;
  a vote taken by delegation names each delegation's ``vote`` in the body (``by`` its
  ``TLCOrganization``, ``choice`` the count it adds to).

The schema types ``by``/``as``/``refersTo`` as plain URIs, so :func:`check_references`
verifies that each one points to a declared reference (and each internal ``href`` or
``choice`` to an element of the document), and the exporter refuses to write a document
where one does not (:class:`AknError`). The schema itself is not needed at run
time; the tests validate the output against it.
"""

from __future__ import annotations

import datetime as dt
import functools
from importlib import resources
from pathlib import Path

from lxml import etree

from encounter_desk.chair.point_reasons import reason_label
from encounter_desk.core.akn import NS, element, identification, slug
from encounter_desk.core.bilingual import WORKING, Bilingual
from encounter_desk.core.errors import Refusal
from encounter_desk.core.files import atomic_output
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, in_language
from encounter_desk.records.minutes import narrative
from encounter_desk.records.minutes.data import AgreementLine, MinutesData, load_minutes
from encounter_desk.records.minutes.speech_data import AgendaSection, Intervention
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import CATEGORY_LABELS, Category, SpeechKind, Vote

REF_ATTRIBUTES = ("by", "as", "refersTo", "to", "source")
"""Attributes naming a reference declared in ``meta/references``."""
LINK_ATTRIBUTES = ("href", "choice")
"""Attributes linking, when they start with "#", to an element of the document (by eId)."""


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


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _other_versions(parent: etree._Element, texts: Bilingual, lang: str, eid: str) -> None:
    """The text in each other language held, one ``<p>`` each with its ``xml:lang`` (class
    "original" or "translation"): the XML carries both languages, the print one."""
    shown = texts.shown(lang).language
    for code in dict.fromkeys((*WORKING, texts.language)):
        version = texts.text_in(code)
        if code != shown and version:
            p = element(parent, "p", eId=f"{eid}_{code}",
                   class_="original" if code == texts.language else "translation")
            p.set(XML_LANG, code)
            p.text = version


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class _Refs:
    """The references section, filled as the body names people, bodies and roles."""

    def __init__(self, event_slug: str) -> None:
        self.event_slug = event_slug
        self.orgs: dict[str, tuple[str, str]] = {}
        self.people: dict[str, tuple[str, str]] = {}
        self.roles: dict[str, tuple[str, str]] = {}
        self.concepts: dict[str, tuple[str, str]] = {}
        self.events: dict[str, tuple[str, str]] = {}

    def org(self, code: str, name: str) -> str:
        eid = "org-" + slug(code)
        self.orgs.setdefault(eid, (f"/akn/ontology/organizations/{self.event_slug}/{eid}", name))
        return "#" + eid

    def person(self, participant_id: int, name: str) -> str:
        eid = f"person-{participant_id}"
        self.people.setdefault(
            eid, (f"/akn/ontology/persons/{self.event_slug}/{eid}", name))
        return "#" + eid

    def role(self, key: str, label: str) -> str:
        eid = "role-" + slug(key)
        self.roles.setdefault(eid, (f"/akn/ontology/roles/{self.event_slug}/{eid}", label))
        return "#" + eid

    def concept(self, key: str, label: str) -> str:
        eid = "concept-" + slug(key)
        self.concepts.setdefault(eid, (f"/akn/ontology/concepts/{self.event_slug}/{eid}", label))
        return "#" + eid

    def event(self, key: str, label: str) -> str:
        eid = "event-" + slug(key)
        self.events.setdefault(eid, (f"/akn/ontology/events/{self.event_slug}/{eid}", label))
        return "#" + eid

    def write(self, references: etree._Element) -> None:
        for tag, table in (("TLCOrganization", self.orgs), ("TLCPerson", self.people),
                           ("TLCRole", self.roles), ("TLCConcept", self.concepts),
                           ("TLCEvent", self.events)):
            for eid, (href, show) in table.items():
                element(references, tag, eId=eid, href=href, showAs=show or eid)


def build_debate(data: MinutesData) -> etree._ElementTree:
    """The AKN document for gathered minutes (checked: every reference is declared)."""
    h, lang = data.header, data.lang
    tr = in_language(lang)
    event_slug = slug(h.event_code)
    refs = _Refs(event_slug)
    event_ref = refs.org(h.event_code, h.event_name)
    chair_role = refs.role("chair", tr.translate("Minutes", "Chair"))
    secretary_role = refs.role("secretary", tr.translate("Minutes", "Secretariat"))
    categories = {c.value: tr.translate("Category", CATEGORY_LABELS[c]) for c in Category}

    country = "mx"
    name = f"{event_slug}-s{h.sitting_number}"
    day = h.date.isoformat()
    work = f"/akn/{country}/debate/{day}/{name}"

    root = element(None, "akomaNtoso")
    debate = element(root, "debate", name="minutes")
    meta = element(debate, "meta")
    identification(meta, work=work, lang=lang, author=event_ref, day=day, day_name="sitting",
                   country=country, number=str(h.sitting_number))
    _workflow(meta, data, refs, event_ref, tr)
    _analysis(meta, data, refs, event_ref, tr)
    references = element(meta, "references", source=event_ref)

    preface = element(debate, "preface")
    p = element(preface, "p")
    title = element(p, "docTitle")
    title.text = tr.translate("Minutes", "Minutes of session {number}: {title}").format(
        number=h.sitting_number, title=h.sitting_title)
    p = element(preface, "p")
    element(p, "docDate", date=day).text = h.date_text
    p = element(preface, "p")
    element(p, "docNumber").text = h.reference
    for label, person, role in ((tr.translate("Minutes", "Chair"), h.chair, chair_role),
                                (tr.translate("Minutes", "Secretary"), h.secretary,
                                 secretary_role)):
        if person is None:
            continue
        p = element(preface, "p")
        p.text = f"{label}: "
        element(p, "person", refersTo=refs.person(person.participant_id, person.full_name),
           as_=role, eId=f"preface-{role[1:]}").text = person.full_name

    body = element(debate, "debateBody")
    roll = element(body, "rollCall", eId="rollcall")
    element(roll, "heading").text = tr.translate("Minutes", "1. Attendance")
    for block in data.attendance:
        for group in block.groups:
            org = refs.org(group.code or "none", group.name)
            p = element(roll, "p", eId=f"rollcall-{slug(group.code or 'none')}")
            element(p, "organization", refersTo=org).text = group.name
            for line in group.lines:
                span = element(p, "person",
                          refersTo=refs.person(line.participant_id, line.full_name),
                          as_=refs.role(line.category or "participant",
                                        categories.get(line.category, line.category)))
                span.text = line.full_name
                span.tail = f" ({line.status_text}{', ' + line.arrival if line.arrival else ''});"
    totals = element(roll, "p")
    assert data.totals is not None, "the minutes of a sitting not held are refused earlier"
    totals.text = " ".join(data.totals.lines) + " " + data.totals.quorum_text

    chair_id = h.chair.participant_id if h.chair else None
    secretary_id = h.secretary.participant_id if h.secretary else None
    speeches = {i.speech_id: (_speech_eid(section, i), i)
                for section in data.agenda for i in section.interventions}
    for section in data.agenda:
        eid = _section_eid(section)
        sect = element(body, "debateSection", eId=eid, name="agendaItem")
        if section.number is not None:
            element(sect, "num").text = str(section.number)
        element(sect, "heading").text = section.title
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
            attrs = {"by": by, "as_": role, "startTime": _iso(i.started_at)}
            if i.ended_at is not None:
                attrs["endTime"] = _iso(i.ended_at)
            if i.language and i.language != lang:
                attrs[XML_LANG] = i.language
            container = sect
            if i.kind is SpeechKind.POINT_OF_ORDER:
                # Its reason: a concept the point refers to, in its heading, its words.
                reason = refs.concept("point-of-order-" + i.reason,
                                      reason_label(i.reason, lang)) if i.reason else None
                container = element(sect, "pointOfOrder", eId=f"{eid}_poo_{i.number}",
                                    refersTo=reason)
                element(container, "heading").text = i.reason_heading or i.kind_text
                if i.reason_text:
                    element(container, "p", class_="reason").text = i.reason_text
                if i.interrupts_id in speeches:
                    container.append(_interrupted(*speeches[i.interrupts_id], tr))
            tag = "question" if i.kind is SpeechKind.QUESTION else "speech"
            speech = element(container, tag, eId=_speech_eid(section, i), **attrs)
            said_by = element(speech, "from")
            said_by.text = i.full_name
            if i.delegation_code:
                # The speaker's delegation, linked to its TLCOrganization.
                said_by.text += " ("
                org = element(said_by, "organization", refersTo=refs.org(i.delegation_code,
                                                                    i.delegation))
                org.text = i.delegation
                org.tail = ")"
            p = element(speech, "p")
            p.text = i.summary or i.kind_text
            shown = i.summaries.shown(lang).language
            if i.summary and shown != attrs.get(XML_LANG, lang):
                p.set(XML_LANG, shown)
            _other_versions(speech, i.summaries, lang, f"{eid}_spc_{i.number}")
            meta_p = element(speech, "p", class_="record")
            meta_p.text = tr.translate("Minutes", "{kind}, {duration}, language {language}").format(
                kind=i.kind_text, duration=i.duration, language=i.language.upper() or "?")
    for a in data.agreements:
        resolutions = body.find(f"{{{NS}}}resolutions")
        if resolutions is None:
            resolutions = element(body, "resolutions", eId="resolutions")
            element(resolutions, "heading").text = tr.translate("Minutes", "Agreements")
        p = element(resolutions, "p", eId=f"agreement_{a.number}")
        p.text = f"{a.number}. {a.annex_title if a.is_annex else a.text} {a.adoption_text}"
        if not a.is_annex:
            _other_versions(resolutions, a.texts, lang, f"agreement_{a.number}")
        if a.delegation_votes:  # after the text in every language: who voted how
            resolutions.append(_votes_by_delegation(a, refs, lang))
    for n, a in enumerate(data.annexes, start=1):
        # Declarations annexed in full.
        other = element(body, "debateSection", eId=f"annex_{n}", name="annex")
        element(other, "heading").text = tr.translate("Minutes", "Annex {number}: {title}").format(
            number=n, title=a.annex_title)
        for paragraph in (x for x in a.text.split("\n") if x.strip()):
            other.append(_para(paragraph))
    if data.initiatives:
        pledges = element(body, "debateSection", eId="initiatives", name="initiatives")
        element(pledges, "heading").text = tr.translate(
            "Minutes", "Legislative initiatives pledged in this session")
        for k, line in enumerate(data.initiatives, start=1):
            p = element(pledges, "p", eId=f"initiative_{k}")
            org = element(p, "organization", refersTo=refs.org(line.delegation_code, line.delegation))
            org.text = line.delegation
            org.tail = (f": {line.title} ({line.kind_text}; {line.status_text}"
                        + (f"; {line.target_date}" if line.target_date else "") + "). "
                        + line.description)
    adjournment = element(body, "adjournment", eId="adjournment")
    adjournment.append(_para(narrative.closing(data)))

    refs.write(references)
    tree = etree.ElementTree(root)
    check_references(tree)
    return tree


def _workflow(meta: etree._Element, data: MinutesData, refs: _Refs, source: str,
              tr) -> None:  # noqa: ANN001
    """The sitting's life and the minutes' approval status, as workflow steps."""
    h = data.header
    flow = element(meta, "workflow", source=source)
    if h.actual_start_at is not None:
        element(flow, "step", by=source, date=h.actual_start_at.date().isoformat(),
           refersTo=refs.event("opened", tr.translate("Minutes", "Opened")))
    if h.adjourned_at is not None:
        element(flow, "step", by=source, date=h.adjourned_at.date().isoformat(),
           refersTo=refs.event("adjourned", tr.translate("Minutes", "Adjourned")))
    if h.approved_at is not None:
        element(flow, "step", by=source, date=h.approved_at.date().isoformat(),
           refersTo=refs.event("minutes-approved", h.approval_text),
           outcome=refs.concept("approved", tr.translate("Minutes", "APPROVED MINUTES")))
    else:
        element(flow, "step", by=source, date=dt.date.today().isoformat(),
           refersTo=refs.event("minutes-draft", tr.translate("Minutes", "DRAFT MINUTES")),
           outcome=refs.concept("draft", tr.translate("Minutes", "DRAFT MINUTES")))


def _analysis(meta: etree._Element, data: MinutesData, refs: _Refs, source: str,
              tr) -> None:  # noqa: ANN001
    """The quorum verified at the opening and each vote's tally, as parliamentary analysis."""
    totals = data.totals
    votes = [a for a in data.agreements if a.votes_for is not None]
    if (totals is None or not totals.quorum.rule) and not votes:
        return
    parliamentary = element(element(meta, "analysis", source=source), "parliamentary")
    if totals is not None and totals.quorum.rule:
        quorum = totals.quorum
        check = element(parliamentary, "quorumVerification", eId="quorum_opening", href="#rollcall",
                   outcome=refs.concept("quorum-met" if quorum.met else "quorum-not-met",
                                        quorum.text(data.lang)))
        element(check, "quorum", eId="quorum_opening_required", value=str(quorum.required))
        element(check, "count", eId="quorum_opening_present", value=str(quorum.represented),
           refersTo=refs.concept("delegations-represented",
                                 tr.translate("Minutes", "Member delegations represented")))
        element(check, "count", eId="quorum_opening_members", value=str(quorum.members),
           refersTo=refs.concept("member-delegations", tr.translate("Minutes",
                                                                    "Member delegations")))
    for a in votes:
        voting = element(parliamentary, "voting", eId=f"vote_{a.number}", href=f"#agreement_{a.number}",
                    outcome=refs.concept("adopted", tr.translate("Minutes", "Adopted")))
        values = {Vote.FOR: a.votes_for, Vote.AGAINST: a.votes_against,
                  Vote.ABSTAIN: a.abstentions,
                  # the delegations absent from a vote taken by delegation, when any
                  Vote.ABSENT: sum(1 for v in a.delegation_votes if v.vote is Vote.ABSENT)}
        for kind, key, label in VOTE_KEYS:
            if kind is Vote.ABSENT and not values[kind]:
                continue
            element(voting, "count", eId=f"vote_{a.number}_{key}", value=str(values[kind] or 0),
               refersTo=refs.concept(key, tr.translate("Minutes", label)))


def _section_eid(section: AgendaSection) -> str:
    return f"dbsect_{section.number if section.number is not None else 0}"


def _speech_eid(section: AgendaSection, i: Intervention) -> str:
    return f"{_section_eid(section)}_spc_{i.number}"


def _interrupted(eid: str, speech: Intervention, tr) -> etree._Element:  # noqa: ANN001
    """"The point of order interrupted the speech of <ref href="#…">…</ref> (09:50).": the
    link from a point of order to the speech it paused."""
    p = element(None, "p", class_="interrupts")
    p.text = tr.translate("Minutes", "The point of order interrupted the speech of") + " "
    ref = element(p, "ref", href="#" + eid)
    ref.text = speech.full_name
    ref.tail = f" ({speech.start})."
    return p


VOTE_KEYS = ((Vote.FOR, "votes-for", QT_TRANSLATE_NOOP("Minutes", "In favour")),
             (Vote.AGAINST, "votes-against", QT_TRANSLATE_NOOP("Minutes", "Against")),
             (Vote.ABSTAIN, "abstentions", QT_TRANSLATE_NOOP("Minutes", "Abstentions")),
             (Vote.ABSENT, "absent", QT_TRANSLATE_NOOP("Minutes", "Absent")))
"""Each choice of a vote: the key of its count (``vote_N_key``) and its label."""


def _votes_by_delegation(a: AgreementLine, refs: _Refs, lang: str) -> etree._Element:
    """"In favour: Costa Rica, …; Abstentions: Belize.": each delegation's ``<vote>``, by the
    delegation's organization, its ``choice`` the count it adds to in the ``<voting>``."""
    tr = in_language(lang)
    p = element(None, "p", eId=f"agreement_{a.number}_votes", class_="votes")
    p.text = ""
    last: etree._Element | None = None
    for kind, key, label in VOTE_KEYS:
        mine = [v for v in a.delegation_votes if v.vote is kind]
        if not mine:
            continue
        lead = ("; " if last is not None else "") + tr.translate("Minutes", label) + ": "
        if last is None:
            p.text = lead
        else:
            last.tail = (last.tail or "") + lead
        for n, v in enumerate(mine):
            if n:
                last.tail = ", "  # type: ignore[union-attr]
            last = element(p, "vote", by=refs.org(v.code, v.name(lang)),
                      choice=f"#vote_{a.number}_{key}")
            last.text = v.name(lang)
    if last is not None:
        last.tail = (last.tail or "") + "."
    return p


def _para(value: str) -> etree._Element:
    p = element(None, "p")
    p.text = value
    return p


def check_references(tree: etree._ElementTree) -> None:
    """Raise :class:`AknError` unless every by/as/refersTo/to/source names a declared eId."""
    root = tree.getroot()
    references = root.find(f".//{{{NS}}}references")
    declared = set() if references is None else {
        el.get("eId") for el in references if el.get("eId")
    }
    ids = {el.get("eId") for el in root.iter() if el.get("eId")}
    for el in root.iter():
        for attr in (*REF_ATTRIBUTES, *LINK_ATTRIBUTES):
            value = el.get(attr)
            if value is None or (attr in LINK_ATTRIBUTES and not value.startswith("#")):
                continue
            known = ids if attr in LINK_ATTRIBUTES else declared
            # refersTo may name several references, separated by spaces
            for ref in value.split() if attr == "refersTo" else (value,):
                if not ref.startswith("#") or ref[1:] not in known:
                    raise AknError(
                        in_language(None).translate(
                            "Minutes", "The Akoma Ntoso export points at {ref}, which it does "
                            "not declare (element {element}, attribute {attribute})."
                        ).format(ref=ref, element=etree.QName(el).localname, attribute=attr),
                        code="akn.undeclared_reference",
                    )


def validate(tree: etree._ElementTree) -> None:
    """Refused (``akn.invalid``) unless ``tree`` is valid against the shipped OASIS schema:
    nothing is written that an archive would reject."""
    checker = schema()
    if not checker.validate(tree):
        error = checker.error_log.last_error
        raise AknError(
            in_language(None).translate(
                "Minutes", "The Akoma Ntoso document is not valid ({detail}); nothing was "
                "written.").format(detail=f"{error.line}: {error.message}" if error else "?"),
            code="akn.invalid",
        )


def export_akn(db: Database, sitting_id: int, out: Path, lang: str = "es") -> None:
    """Write the minutes of ``sitting_id`` as an Akoma Ntoso debate to ``out``."""
    tree = build_debate(load_minutes(db, sitting_id, lang=lang))
    validate(tree)
    # Serialised in memory first: lxml reports a full disk as its own SerialisationError,
    # Python's write as an OSError that atomic_output puts into words.
    data = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    with atomic_output(Path(out)) as tmp:
        tmp.write_bytes(data)
