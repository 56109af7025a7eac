"""Translations without Qt: one catalogue for the services, the CLI and the UI.

The Spanish catalogue is the Qt Linguist source ``resources/translations/encounter_desk_es.ts``
(English is the source language).  ``pyside6-lupdate`` extracts every string marked with
``translate("Context", "text")`` or ``QT_TRANSLATE_NOOP("Context", "text")`` here and every
``self.tr("text")`` in the widgets; the UI installs a ``QTranslator`` that reads the same
catalogue through :func:`lookup`, so a string is translated once for every front end.
"""

from __future__ import annotations

import logging
import threading
import xml.etree.ElementTree as ET
from collections.abc import Callable
from importlib import resources
from typing import Any

from encounter_desk.core.config import DEFAULT_LANGUAGE, LANGUAGES

log = logging.getLogger(__name__)

_lock = threading.Lock()
_catalogues: dict[str, dict[tuple[str, str], str]] = {}
_language = DEFAULT_LANGUAGE


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """Marks ``text`` for extraction; translate it later with ``translate(context, text)``."""
    return text


def catalogue(language: str) -> dict[tuple[str, str], str]:
    """(context, source) -> translation for ``language``; empty for the source language."""
    with _lock:
        if language not in _catalogues:
            _catalogues[language] = _load(language)
        return _catalogues[language]


def _load(language: str) -> dict[tuple[str, str], str]:
    if language == "en":
        return {}
    name = f"encounter_desk_{language}.ts"
    try:
        data = resources.files("encounter_desk.resources").joinpath("translations", name).read_bytes()
    except (FileNotFoundError, ModuleNotFoundError):
        log.warning("no translation catalogue %s", name)
        return {}
    table: dict[tuple[str, str], str] = {}
    root = ET.fromstring(data)
    for context in root.iter("context"):
        ctx = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            node = message.find("translation")
            if source is None or node is None:
                continue
            if node.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            if node.text:
                table[(ctx, source)] = node.text
    return table


def set_language(language: str) -> None:
    global _language
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language: {language!r}")
    _language = language


def language() -> str:
    return _language


def lookup(context: str, text: str, lang: str | None = None) -> str | None:
    """The translation of ``text`` or None when the catalogue has none."""
    return catalogue(lang or _language).get((context, text))


def translate(context: str, text: str) -> str:
    """``text`` in the current language; the English source when untranslated.

    For a document in another language than the app's (minutes, exports), use
    ``in_language(lang).translate(context, text)``: lupdate extracts both forms, while it
    would silently skip a ``translate(context, text, lang)`` call.
    """
    return lookup(context, text) or text


class Translator:
    """Translations into one given language, whatever the app's language is."""

    def __init__(self, lang: str):
        if lang not in LANGUAGES:
            raise ValueError(f"unsupported language: {lang!r}")
        self.lang = lang

    def translate(self, context: str, text: str) -> str:
        return lookup(context, text, self.lang) or text


def in_language(lang: str | None) -> Translator:
    """A translator for ``lang`` (the app's current language when None)."""
    return Translator(lang or _language)


def bilingual(name: str) -> Callable[[Any, str | None], str]:
    """A method for a record with ``<name>_es`` and ``<name>_en``: its text in a language
    (see :func:`pick`). In a class body: ``title = bilingual("title")``."""

    def text_in(self: Any, lang: str | None = None) -> str:
        return pick(lang, getattr(self, f"{name}_es"), getattr(self, f"{name}_en"))

    text_in.__name__ = name
    text_in.__doc__ = f"The {name} in ``lang`` (default: the current language)."
    return text_in


def pick(lang: str | None, spanish: str | None, english: str | None) -> str:
    """Choose between a record's Spanish and English names, falling back to the other."""
    lang = lang or _language
    if lang == "es":
        return spanish or english or ""
    return english or spanish or ""
