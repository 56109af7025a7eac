"""Qt reads the same catalogue as the services and the CLI (``encounter_desk.core.i18n``).

:class:`CatalogueTranslator` answers Qt's ``tr()``/``translate()`` calls from
``resources/translations/encounter_desk_<lang>.ts`` through :func:`encounter_desk.core.i18n.lookup`,
so one catalogue serves every front end. Qt's own catalogue (``qtbase_es.qm``) translates the
standard dialog buttons.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from encounter_desk.core import i18n

log = logging.getLogger(__name__)

class CatalogueTranslator(QTranslator):
    """A translator backed by :mod:`encounter_desk.core.i18n` for one language."""

    def __init__(self, language: str, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._language = language

    def language(self) -> str:
        return self._language

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        # Never empty: installing it must send LanguageChange even before the catalogue is full.
        return False

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ANN001, N802
        if isinstance(context, bytes):
            context = context.decode("utf-8")
        # Untranslated: the source itself. (An empty string would be taken as the translation
        # and blank the label; returning None crashes PySide.) This translator is installed
        # first, so Qt consults it last, after Qt's own catalogue.
        return i18n.lookup(str(context), str(source), self._language) or str(source)


class Translators:
    """The translators installed on the application; switch languages with :meth:`install`."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []

    def install(self, language: str) -> None:
        """Set the language for the services and for Qt; widgets get a LanguageChange event."""
        app = QCoreApplication.instance()
        i18n.set_language(language)
        QLocale.setDefault(QLocale(QLocale.Language.Spanish if language == "es" else QLocale.Language.English))
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed = []
        # Qt consults the translator installed last first: ours answers every string (the
        # source when untranslated), so it goes first and Qt's catalogue after it.
        ours = CatalogueTranslator(language, app)
        app.installTranslator(ours)  # never empty: always sends LanguageChange
        self._installed.append(ours)
        qt_catalogue = _qt_translator(language, app)
        if qt_catalogue is not None:
            app.installTranslator(qt_catalogue)
            self._installed.append(qt_catalogue)


def _qt_translator(language: str, parent) -> QTranslator | None:  # noqa: ANN001
    if language == "en":
        return None
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    candidate = folder / f"qtbase_{language}.qm"
    if not candidate.is_file():
        log.info("no Qt catalogue %s", candidate)
        return None
    translator = QTranslator(parent)
    if not translator.load(str(candidate)):
        log.warning("could not load %s", candidate)
        return None
    return translator
