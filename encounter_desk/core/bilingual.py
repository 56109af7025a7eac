"""Texts held in Spanish and English, with the language they were first given in.

The encounter works in Spanish and English; a speech may be given in French or Portuguese.
A record's text (a speech's summary, an agreement, an initiative's title) is kept in three
columns, ``<name>_es``, ``<name>_en`` and ``<name>_original`` — the last one only for an
original in a third language — beside the record's original language. The original is
therefore never lost, a translation sits beside it, and a document in one language shows
its own text, else the original marked "[original en inglés]", else the other working
language marked "[en inglés]" (:meth:`Bilingual.shown`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, NamedTuple

from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, in_language

WORKING = ("es", "en")

# The languages a text may be given in, with their names as the documents print them.
LANGUAGE_NAMES = {
    "es": QT_TRANSLATE_NOOP("Languages", "Spanish"),
    "en": QT_TRANSLATE_NOOP("Languages", "English"),
    "fr": QT_TRANSLATE_NOOP("Languages", "French"),
    "pt": QT_TRANSLATE_NOOP("Languages", "Portuguese"),
}


def language_name(code: str, lang: str | None = None) -> str:
    """"inglés" / "English" for "en"; an unknown code as it is, upper-cased."""
    name = LANGUAGE_NAMES.get(code)
    return in_language(lang).translate("Languages", name) if name else code.upper()


def column_suffix(lang: str, original_language: str) -> str | None:
    """The column that holds a text in ``lang``: "es", "en", "original", or None (not kept)."""
    if lang in WORKING:
        return lang
    return "original" if lang == original_language else None


class Shown(NamedTuple):
    """The text a document in one language prints, its language, and its mark ("" if none)."""

    text: str
    language: str
    mark: str


@dataclass(frozen=True)
class Bilingual:
    es: str = ""
    en: str = ""
    original: str = ""
    """The text in ``language`` when that is neither Spanish nor English."""
    language: str = "es"
    """The language the text was first given in."""

    @classmethod
    def of(cls, record: Any, name: str, language: str) -> Bilingual:
        """The text ``name`` of a record with ``<name>_es``, ``<name>_en``, ``<name>_original``."""
        return cls(getattr(record, f"{name}_es") or "", getattr(record, f"{name}_en") or "",
                   getattr(record, f"{name}_original") or "", language or "es")

    def write(self, record: Any, name: str) -> None:
        """Put this text back into the record's three columns (the original only if foreign)."""
        setattr(record, f"{name}_es", self.es)
        setattr(record, f"{name}_en", self.en)
        setattr(record, f"{name}_original", "" if self.language in WORKING else self.original)

    def with_text(self, lang: str, text: str) -> Bilingual:
        """This text with its version in ``lang`` replaced (a working or the original language)."""
        suffix = column_suffix(lang, self.language)
        if suffix is None:
            raise ValueError(f"no column for {lang!r} (original {self.language!r})")
        return replace(self, **{suffix: text})

    def with_language(self, language: str) -> Bilingual:
        """The original language corrected: the original text moves along to the new
        language's column when that one is empty (it was in the new language all along)."""
        moved = replace(self, language=language)
        if self.original_text and not moved.original_text:
            old = column_suffix(self.language, self.language)
            moved = replace(moved, **{old: ""}).with_text(language, self.original_text)
        return moved

    def text_in(self, lang: str) -> str:
        """The text in exactly ``lang`` ("" when there is none)."""
        suffix = column_suffix(lang, self.language)
        return getattr(self, suffix) if suffix else ""

    @property
    def original_text(self) -> str:
        return self.text_in(self.language)

    def is_empty(self) -> bool:
        return not (self.es or self.en or self.original_text)

    def missing(self) -> tuple[str, ...]:
        """The working languages a text that exists still lacks (its translations to do)."""
        if self.is_empty():
            return ()
        return tuple(lang for lang in WORKING if not self.text_in(lang))

    def shown(self, lang: str) -> Shown:
        """What a document in ``lang`` prints: its own text, else the original, else the other."""
        own = self.text_in(lang)
        if own:
            return Shown(own, lang, "")
        tr = in_language(lang)
        if self.original_text:
            template = tr.translate("Languages", "[original in {language}]")
            return Shown(self.original_text, self.language,
                         template.format(language=language_name(self.language, lang)))
        for other in WORKING:
            if self.text_in(other):
                template = tr.translate("Languages", "[in {language}]")
                return Shown(self.text_in(other), other,
                             template.format(language=language_name(other, lang)))
        return Shown("", lang, "")

    def marked(self, lang: str) -> str:
        """The text for a document in ``lang`` with its mark, e.g. "… [original en inglés]"."""
        text, _language, mark = self.shown(lang)
        return f"{text} {mark}" if mark and text else text
