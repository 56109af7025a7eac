"""What every Akoma Ntoso 3.0 document of the app shares (the minutes' ``debate``, the
declaration's ``statement``): the namespace, elements, reference slugs and the FRBR
identification of the work, its expression in a language and the manifestation written."""

from __future__ import annotations

import datetime as dt
import re

from lxml import etree

from encounter_desk.core import names as text

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
LANG3 = {"es": "spa", "en": "eng", "fr": "fra"}


def element(parent: etree._Element | None, tag: str, content: str | None = None,
            **attrs: str | None) -> etree._Element:
    """A new AKN element (the root when ``parent`` is None); attributes left None are not
    written, a trailing ``_`` is dropped from a name (``as_``)."""
    attrs = {k.rstrip("_"): v for k, v in attrs.items() if v is not None}
    node = (etree.Element(f"{{{NS}}}{tag}", attrs, nsmap={None: NS}) if parent is None
            else etree.SubElement(parent, f"{{{NS}}}{tag}", attrs))
    if content is not None:
        node.text = content
    return node


def slug(value: str) -> str:
    """"rcm-ep-2017": a name for URIs and eIds (accents folded, lowercase, dashes)."""
    return re.sub(r"[^a-z0-9]+", "-", text.fold(value)).strip("-") or "x"


def identification(meta: etree._Element, *, work: str, lang: str, author: str, day: str,
                   day_name: str, country: str, number: str | None = None) -> etree._Element:
    """``meta/identification``: the FRBR work (``work`` is its URI), its expression in
    ``lang`` and the manifestation generated today, each by ``author`` (a reference)."""
    lang3 = LANG3.get(lang, "spa")
    expression = f"{work}/{lang3}@"
    ident = element(meta, "identification", source=author)
    for tag, this, uri in (
        ("FRBRWork", f"{work}/!main", work),
        ("FRBRExpression", f"{expression}/!main", expression),
        ("FRBRManifestation", f"{expression}/!main.xml", f"{expression}.akn"),
    ):
        frbr = element(ident, tag)
        element(frbr, "FRBRthis", value=this)
        element(frbr, "FRBRuri", value=uri)
        if tag == "FRBRManifestation":
            element(frbr, "FRBRdate", date=dt.date.today().isoformat(), name="generation")
        else:
            element(frbr, "FRBRdate", date=day, name=day_name)
        element(frbr, "FRBRauthor", href=author)
        if tag == "FRBRWork":
            element(frbr, "FRBRcountry", value=country)
            if number is not None:
                element(frbr, "FRBRnumber", value=number)
        if tag == "FRBRExpression":
            element(frbr, "FRBRlanguage", language=lang3)
    return ident
