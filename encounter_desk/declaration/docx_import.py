"""Reading a draft declaration from a Word file (.docx), as secretariats circulate it.

:func:`read_docx` finds, in the order of the file:

* the **title** (a Title or Heading paragraph near the top, else the first paragraph);
* the **chapeau** ("Las y los legisladores…, reunidos en…,", "We, the lawmakers…");
* the **preamble**: the paragraphs before the first numbered one;
* the words opening the operative part ("Declaramos:", "DECLARE:") when present;
* the **operative paragraphs**: numbered by Word (a numbered list) or by hand ("1.",
  "2)", "3.-"); lettered sub-items (a), b)…) and unnumbered paragraphs stay with the
  paragraph above them;
* the **place and date** line ("Tuxtla Gutiérrez, Chiapas, 6 de septiembre de 2017").

Accents, numbering and order are kept; empty paragraphs are skipped. What it could not
read — tables, pictures, paragraphs after the place and date (signatures), numbers out of
sequence — is listed in the report, never dropped in silence.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from encounter_desk.core import names as text
from encounter_desk.core.i18n import translate
from encounter_desk.declaration.base import DeclarationError, check_language
from encounter_desk.declaration.draft import (
    DraftContent,
    DraftParagraph,
    create_draft,
    fill_language,
)
from encounter_desk.declaration.state import declaration_id
from encounter_desk.storage.database import Database
from encounter_desk.storage.models import DeclarationPart

_NUMBER = re.compile(r"^\s*(\d{1,3})\s*(?:\.\s*-|\.|\)|-|–)\s*")
_LETTER = re.compile(r"^\s*[a-zA-Z]\s*[.)]\s+|^\s*[ivx]{1,4}\s*[.)]\s+")
_CHAPEAU_STARTS = ("las y los", "los y las", "nosotras", "nosotros", "las legisladoras",
                   "los legisladores", "las parlamentarias", "los parlamentarios",
                   "las y los parlamentarios", "las y los legisladores", "we,", "we the",
                   "the lawmakers", "the legislators", "the parliamentarians",
                   "the members of")
_CHAPEAU_WORDS = ("reunidos", "reunidas", "meeting in", "gathered in", "assembled in")
_MONTHS = {
    **{m: i for i, m in enumerate(
        ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
         "septiembre", "octubre", "noviembre", "diciembre"), start=1)},
    "setiembre": 9,
    **{m: i for i, m in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december"), start=1)},
}
_DATE_ES = re.compile(r"(?:\ba\s+)?(\d{1,2})\s+de\s+([a-záéíóú]+)\s+(?:de|del)\s+(\d{4})\.?$",
                      re.IGNORECASE)
_DATE_EN_DMY = re.compile(r"(?:\bon\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
                          r"([a-z]+)\s+(\d{4})\.?$", re.IGNORECASE)
_DATE_EN_MDY = re.compile(r"(?:\bon\s+)?([a-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\.?$",
                          re.IGNORECASE)


@dataclass
class _Line:
    index: int
    """The paragraph's place in the file, from 1 (as the report names it)."""
    text: str
    auto_number: bool
    level: int
    heading: bool


@dataclass
class ImportReport:
    path: Path
    lang: str
    content: DraftContent
    problems: list[str] = field(default_factory=list)
    empty_skipped: int = 0
    replaced: bool = False
    filled_language: bool = False

    def lines(self) -> list[str]:
        c = self.content
        out = [translate("Declaration", "Read from {path}: title, {preamble} preambular and "
                         "{operative} operative paragraphs.").format(
            path=self.path.name, preamble=c.count(DeclarationPart.PREAMBLE),
            operative=c.count(DeclarationPart.OPERATIVE))]
        if self.empty_skipped:
            out.append(translate("Declaration", "Empty paragraphs skipped: {count}.").format(
                count=self.empty_skipped))
        out += self.problems
        return out


def _open(path: Path):  # noqa: ANN202 - a docx Document
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if path.suffix.lower() == ".doc":
        raise DeclarationError(
            translate("Declaration", "{name} is an old Word file (.doc): open it in Word or "
                      "LibreOffice and save it as .docx, then import that.").format(
                name=path.name), code="declaration.old_word")
    if not path.exists():
        raise DeclarationError(translate("Declaration", "There is no file at {path}.").format(
            path=path), code="declaration.no_file")
    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DeclarationError(
            translate("Declaration", "{name} is not a Word file (.docx) that can be read "
                      "({reason}).").format(name=path.name, reason=exc),
            code="declaration.not_docx") from exc


def _numbering(paragraph) -> tuple[bool, int]:  # noqa: ANN001 - a docx Paragraph
    """(numbered by Word, level) from the paragraph's own properties or its style's."""
    ppr = paragraph._p.pPr
    num = ppr.numPr if ppr is not None else None
    style = paragraph.style
    while num is None and style is not None:
        spr = style.element.pPr
        num = spr.numPr if spr is not None else None
        style = style.base_style
    if num is None or num.numId is None or num.numId.val == 0:
        return False, 0
    level = num.ilvl.val if num.ilvl is not None else 0
    return True, int(level)


def _lines(document, problems: list[str]) -> tuple[list[_Line], int]:  # noqa: ANN001
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    out: list[_Line] = []
    empty = 0
    index = 0
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "tbl":
            rows = len(Table(child, document).rows)
            problems.append(translate("Declaration", "A table of {rows} rows after paragraph "
                                      "{index} was not read: type its text as "
                                      "paragraphs.").format(rows=rows, index=index))
            continue
        if tag != "p":
            continue
        index += 1
        p = Paragraph(child, document)
        if child.xpath(".//w:drawing") or child.xpath(".//w:pict"):
            problems.append(translate("Declaration", "A picture in paragraph {index} was not "
                                      "read.").format(index=index))
        value = "\n".join(text.clean(x) for x in p.text.replace("\t", " ").splitlines())
        value = value.strip()
        if not value:
            empty += 1
            continue
        numbered, level = _numbering(p)
        style = (p.style.name or "") if p.style is not None else ""
        nested = re.search(r"List (?:Number|Bullet|Paragraph)? ?(\d)$", style)
        if numbered and nested:  # "List Number 2": Word's second-level list style
            level = max(level, int(nested.group(1)) - 1)
        out.append(_Line(index, value, numbered, level,
                         style.startswith(("Title", "Heading", "Título", "Titulo"))))
    return out, empty


def _is_chapeau(value: str) -> bool:
    folded = text.fold(value)
    return folded.startswith(_CHAPEAU_STARTS) or any(w in folded for w in _CHAPEAU_WORDS)


def _is_intro(value: str) -> bool:
    short = len(value) <= 80 and "\n" not in value
    return short and (value.endswith(":") or (value.isupper() and not value.endswith(".")))


def place_and_date(value: str) -> tuple[str, dt.date] | None:
    """("Tuxtla Gutiérrez, Chiapas", 2017-09-06) from a closing line, or None."""
    for pattern, order in ((_DATE_ES, "dmy"), (_DATE_EN_DMY, "dmy"), (_DATE_EN_MDY, "mdy")):
        found = pattern.search(value.strip())
        if not found:
            continue
        a, b, year = found.groups()
        day, month = (a, b) if order == "dmy" else (b, a)
        number = _MONTHS.get(text.fold(month))
        if number is None:
            continue
        try:
            when = dt.date(int(year), number, int(day))
        except ValueError:
            continue
        place = value[:found.start()].strip().rstrip(",;").strip()
        return place, when
    return None


def read_docx(path: Path, lang: str | None = "es") -> ImportReport:
    """The draft in ``path`` as text of language ``lang`` (None: the language it is written
    in, Spanish or English), with what could not be read."""
    path = Path(path)
    problems: list[str] = []
    lines, empty = _lines(_open(path), problems)
    lang = check_language(lang) if lang is not None else guess_language(
        " ".join(line.text for line in lines))
    return _report(path, lines, empty, problems, lang)


_COMMON = {
    "es": frozenset("de la que el los las y en del para con por una se su al".split()),
    "en": frozenset("the of and to in for with that on by an as its our be".split()),
}


def guess_language(value: str) -> str:
    """"es" or "en", by which language's commonest words the text uses more."""
    words = re.findall(r"[a-záéíóúñü]+", value.casefold())
    scores = {lang: sum(1 for w in words if w in common) for lang, common in _COMMON.items()}
    return "en" if scores["en"] > scores["es"] else "es"


def read_text(value: str, lang: str = "es") -> ImportReport:
    """A draft typed or pasted as plain text: one paragraph a line, the first line the
    title, the operative paragraphs numbered by hand (1., 2., …); read as a Word file is."""
    check_language(lang)
    lines: list[_Line] = []
    empty = 0
    for index, raw in enumerate((value or "").splitlines(), start=1):
        cleaned = text.clean(raw)
        if cleaned:
            lines.append(_Line(index, cleaned, False, 0, False))
        else:
            empty += 1
    name = translate("Declaration", "the typed text")
    return _report(Path(name), lines, empty, [], lang)


def _report(path: Path, lines: list[_Line], empty: int, problems: list[str],
            lang: str) -> ImportReport:
    if not lines:
        raise DeclarationError(translate("Declaration", "{name} holds no text.").format(
            name=path.name), code="declaration.empty_file")
    title_at = next((i for i, line in enumerate(lines[:3]) if line.heading), 0)
    title = lines[title_at].text.replace("\n", " ")
    rest = lines[title_at + 1:]
    if title_at:
        problems.append(translate("Declaration", "The text before the title was not read: "
                                  "{text}").format(text=" / ".join(x.text for x in
                                                                   lines[:title_at])))
    first = next((i for i, line in enumerate(rest) if _starts_paragraph(line)), None)
    if first is None:
        first = next((i + 1 for i, line in enumerate(rest) if _is_intro(line.text)), None)
    if first is None or first >= len(rest):
        raise DeclarationError(
            translate("Declaration", "{name} has no numbered paragraph: number the operative "
                      "paragraphs (1., 2., … or a Word numbered list) and import it "
                      "again.").format(name=path.name), code="declaration.no_operative")
    before, after = rest[:first], rest[first:]
    content = DraftContent()
    setattr(content, f"title_{lang}", title)
    if before and _is_intro(before[-1].text):
        setattr(content, f"operative_intro_{lang}", before.pop().text)
    if before and _is_chapeau(before[0].text):
        setattr(content, f"chapeau_{lang}", before.pop(0).text)
    for line in before:
        content.paragraphs.append(DraftParagraph(DeclarationPart.PREAMBLE.value,
                                                 **{f"text_{lang}": line.text}))
    _operative(after, content, lang, problems)
    return ImportReport(path, lang, content, problems, empty)


def _starts_paragraph(line: _Line) -> bool:
    """A numbered operative paragraph: by hand ("3."), or a first-level Word list item that
    is not lettered by hand ("a)" is a sub-item whatever its list style)."""
    if _NUMBER.match(line.text):
        return True
    return line.auto_number and line.level == 0 and not _LETTER.match(line.text)


def _operative(lines: list[_Line], content: DraftContent, lang: str,
               problems: list[str]) -> None:
    key = f"text_{lang}"
    current: DraftParagraph | None = None
    expected = 1
    for position, line in enumerate(lines):
        closing = place_and_date(line.text) if len(line.text) <= 160 else None
        if closing is not None and not _NUMBER.match(line.text):
            content.place, content.date = closing
            left = lines[position + 1:]
            if left:
                problems.append(translate("Declaration", "{count} paragraphs after the place "
                                          "and date were not read (signatures?), from "
                                          "paragraph {index}.").format(
                    count=len(left), index=left[0].index))
            return
        literal = _NUMBER.match(line.text)
        if _starts_paragraph(line):
            body = line.text[literal.end():] if literal else line.text
            if literal and int(literal.group(1)) != expected:
                problems.append(translate("Declaration", "Paragraph {index} is numbered {got} "
                                          "where {expected} was expected: the paragraphs are "
                                          "kept in the order of the file.").format(
                    index=line.index, got=literal.group(1), expected=expected))
            current = DraftParagraph(DeclarationPart.OPERATIVE.value, **{key: body})
            content.paragraphs.append(current)
            expected += 1
        elif current is None:
            current = DraftParagraph(DeclarationPart.OPERATIVE.value, **{key: line.text})
            content.paragraphs.append(current)
            expected += 1
        else:
            if not (line.auto_number or _LETTER.match(line.text)):
                problems.append(translate("Declaration", "Paragraph {index} has no number: it "
                                          "was kept as part of operative paragraph "
                                          "{number}.").format(index=line.index,
                                                              number=expected - 1))
            setattr(current, key, f"{getattr(current, key)}\n{line.text}")


def import_docx(db: Database, path: Path, lang: str = "es", *, replace: bool = False,
                authentic_language: str | None = None,
                sitting_id: int | None = None) -> ImportReport:
    """Read ``path`` and write it as the draft (or as the draft's ``lang`` side when the
    draft exists and has the same paragraphs); returns what was read and what was not."""
    return write_report(db, read_docx(path, lang), replace=replace,
                        authentic_language=authentic_language, sitting_id=sitting_id)


def write_report(db: Database, report: ImportReport, *, replace: bool = False,
                 authentic_language: str | None = None,
                 sitting_id: int | None = None) -> ImportReport:
    """Write what was read as the draft, or as the existing draft's other language."""
    lang = report.lang
    existing = declaration_id(db)
    if existing is None or replace:
        create_draft(db, report.content, authentic_language=authentic_language or lang,
                     sitting_id=sitting_id, replace=replace)
        report.replaced = existing is not None
    else:
        fill_language(db, existing, lang, report.content)
        report.filled_language = True
    return report
