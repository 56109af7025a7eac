"""The declaration as an Akoma Ntoso 3.0 ``statement`` (OASIS LegalDocML).

``<akomaNtoso><statement name="declaration">``:

* ``meta``: FRBR work, expression (the language) and manifestation, with URIs like
  ``/akn/mx/statement/2017-09-06/rcm-ep-2017-declaration/spa@``; ``references`` declare
  the event, every delegation named, the heads of delegation who sign, their role and
  the place;
* ``preface``: the title and its status (draft or adopted);
* ``preamble``: the chapeau (a ``formula``), the ``recitals`` and the words opening the
  operative part;
* ``mainBody``: one ``paragraph`` per operative paragraph, numbered as adopted;
* ``conclusions``: place and date, how it was adopted and each delegation's vote, the
  reservations and interpretive statements, and a ``signature`` per head of delegation.

Every ``refersTo``/``as``/``href`` that points inside the document names a declared
reference (checked before writing); the tests validate the output against the schema
shipped in ``resources/schemas/akn``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lxml import etree

from encounter_desk.core.akn import element, identification, slug
from encounter_desk.core.i18n import in_language, translate
from encounter_desk.declaration.base import DeclarationError
from encounter_desk.declaration.document import DeclarationDocument, build_document
from encounter_desk.declaration.state import DeclarationState, load_state
from encounter_desk.storage.database import Database


def _paragraphs(parent: etree._Element, value: str) -> None:
    for line in value.split("\n"):
        element(parent, "p", line)


class _References:
    def __init__(self, base: str) -> None:
        self.base = base
        self.rows: dict[str, tuple[str, str, str]] = {}

    def add(self, tag: str, kind: str, key: str, show: str) -> str:
        eid = f"{kind}-{slug(key)}"
        self.rows.setdefault(eid, (tag, f"/akn/ontology/{kind}s/{self.base}/{eid}", show or eid))
        return "#" + eid

    def write(self, references: etree._Element) -> None:
        order = ("TLCOrganization", "TLCPerson", "TLCRole", "TLCLocation")
        for tag in order:
            for eid, (kind, href, show) in self.rows.items():
                if kind == tag:
                    element(references, tag, eId=eid, href=href, showAs=show)


def build_statement(state: DeclarationState, doc: DeclarationDocument) -> etree._ElementTree:
    lang = doc.lang
    t = in_language(lang)
    event_slug = slug(state.event_code or "event")
    refs = _References(event_slug)
    author = refs.add("TLCOrganization", "organization", state.event_code or "event",
                      doc.event_name)
    day = state.date_or_default()
    day_text = (day or dt.date.today()).isoformat()
    work = f"/akn/mx/statement/{day_text}/{event_slug}-declaration"

    root = element(None, "akomaNtoso")
    statement = element(root, "statement", name="declaration")
    meta = element(statement, "meta")
    identification(meta, work=work, lang=lang, author=author, day=day_text,
                   day_name="adoption" if doc.adopted else "draft", country="mx")
    references = element(meta, "references", source=author)

    preface = element(statement, "preface")
    element(element(preface, "p"), "docTitle", doc.title)
    status = doc.labels["draft_heading"] if doc.draft_label else t.translate(
        "Declaration", "Adopted")
    element(element(preface, "p"), "docStatus", status)

    preamble = element(statement, "preamble")
    if doc.chapeau:
        _paragraphs(element(preamble, "formula", name="chapeau"), doc.chapeau)
    if doc.preamble:
        recitals = element(preamble, "recitals", eId="recs_1")
        for number, item in enumerate(doc.preamble, start=1):
            recital = element(recitals, "recital", eId=f"recs_1__rec_{number}")
            _paragraphs(recital, item.text)
    if doc.operative_intro:
        _paragraphs(element(preamble, "formula", name="enactingFormula"), doc.operative_intro)

    body = element(statement, "mainBody")
    for item in doc.operative:
        paragraph = element(body, "paragraph", eId=f"para_{item.number}")
        element(paragraph, "num", f"{item.number}.")
        _paragraphs(element(paragraph, "content"), item.text)

    _conclusions(statement, state, doc, refs)
    refs.write(references)
    tree = etree.ElementTree(root)
    check_references(tree)
    return tree


def _conclusions(statement: etree._Element, state: DeclarationState, doc: DeclarationDocument,
                 refs: _References) -> None:
    conclusions = element(statement, "conclusions")
    day = state.date_or_default()
    if doc.place_date:
        p = element(conclusions, "p")
        if state.place:
            element(p, "location", state.place, refersTo=refs.add("TLCLocation", "location",
                                                             state.place, state.place))
            if day:
                p[-1].tail = ", "
        if day:
            element(p, "date", doc.place_date[len(state.place):].lstrip(", ") or day.isoformat(),
                date=day.isoformat())
    if doc.adoption_text:
        element(conclusions, "p", doc.adoption_text)
    votes = state.adoption.votes if doc.votes and state.adoption else ()
    for row, (who, vote) in zip(votes, doc.votes, strict=True):
        p = element(conclusions, "p", class_="vote")
        element(p, "organization", who, refersTo=refs.add(
            "TLCOrganization", "organization", row.delegation.code, who)).tail = f": {vote}"
    if doc.statements:
        block = element(conclusions, "blockContainer", eId="statements")
        element(block, "p", doc.statements_heading, class_="heading")
        for item in doc.statements:
            element(block, "p", item.heading, class_="statementHeading")
            _paragraphs(block, item.text)
    head = refs.add("TLCRole", "role", "head-of-delegation",
                    in_language(doc.lang).translate("Declaration", "Head of delegation"))
    for signatory, line in zip(state.signatories, doc.signatures, strict=True):
        p = element(conclusions, "p", class_="signature")
        sign = element(p, "signature")
        if line.name:
            element(sign, "person", line.name,
                refersTo=refs.add("TLCPerson", "person", f"{signatory.delegation.code}-head",
                                  line.name), as_=head).tail = " — "
        element(sign, "organization", line.delegation,
            refersTo=refs.add("TLCOrganization", "organization", signatory.delegation.code,
                              line.delegation))


def check_references(tree: etree._ElementTree) -> None:
    """Refuse a document whose refersTo/as/href/source points at an undeclared reference."""
    root = tree.getroot()
    declared = {el.get("eId") for el in root.iter() if el.get("eId")}
    for el in root.iter():
        for attr in ("refersTo", "as", "source", "href", "by"):
            value = el.get(attr)
            if value and value.startswith("#") and value[1:] not in declared:
                raise DeclarationError(
                    translate("Declaration", "The Akoma Ntoso export points at {ref}, which it "
                              "does not declare.").format(ref=value), code="declaration.akn")


def write_declaration_akn(db: Database, out: Path, lang: str = "es",
                          declaration_id: int | None = None) -> Path:
    state = load_state(db, declaration_id)
    tree = build_statement(state, build_document(state, lang))
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tree.write(str(out), xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return out
