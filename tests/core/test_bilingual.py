"""A text in Spanish and English with its original language: what each document prints."""

from __future__ import annotations

import pytest

from encounter_desk.core.bilingual import Bilingual, language_name


def test_a_document_prints_its_own_language_unmarked():
    both = Bilingual("Se aprueba.", "Adopted.", "", "es")
    assert both.marked("es") == "Se aprueba." and both.marked("en") == "Adopted."
    assert both.missing() == ()


def test_an_untranslated_text_is_printed_in_its_original_and_marked():
    english = Bilingual("", "Supports the agenda.", "", "en")
    assert english.marked("es") == "Supports the agenda. [original en inglés]"
    assert english.marked("en") == "Supports the agenda."
    assert english.missing() == ("es",)
    spanish = Bilingual("Apoya la agenda.", "", "", "es")
    assert spanish.marked("en") == "Apoya la agenda. [original in Spanish]"


def test_a_french_original_is_kept_apart_and_marked_in_both_documents():
    french = Bilingual("", "", "Propose un échange.", "fr")
    assert french.original_text == "Propose un échange."
    assert french.marked("es") == "Propose un échange. [original en francés]"
    assert french.marked("en") == "Propose un échange. [original in French]"
    assert french.missing() == ("es", "en")
    # translated into Spanish only: the English document prefers the original
    half = Bilingual("Propone un intercambio.", "", "Propose un échange.", "fr")
    assert half.marked("es") == "Propone un intercambio."
    assert half.marked("en") == "Propose un échange. [original in French]"


def test_a_translation_stands_in_when_the_original_is_missing():
    # summarised in Spanish by the secretary, the French words not taken down
    summary = Bilingual("Propone un intercambio.", "", "", "fr")
    assert summary.marked("en") == "Propone un intercambio. [in Spanish]"
    assert Bilingual().marked("es") == "" and Bilingual().missing() == ()


def test_correcting_the_original_language_moves_the_text_with_it():
    said = Bilingual("Supports the agenda.", "", "", "es")  # typed as if Spanish
    fixed = said.with_language("en")
    assert (fixed.es, fixed.en, fixed.language) == ("", "Supports the agenda.", "en")
    french = Bilingual("", "", "Propose.", "fr").with_language("pt")
    assert (french.original, french.language) == ("Propose.", "pt")
    spanish = Bilingual("", "", "Propone.", "fr").with_language("es")
    assert (spanish.es, spanish.original) == ("Propone.", "")
    # a translation already there stays: only the label of the original changes
    both = Bilingual("Se aprueba.", "Adopted.", "", "es").with_language("en")
    assert (both.es, both.en, both.language) == ("Se aprueba.", "Adopted.", "en")


def test_a_text_in_a_language_not_kept_is_refused():
    with pytest.raises(ValueError):
        Bilingual("", "", "", "fr").with_text("pt", "Texto.")


def test_language_names_in_each_document():
    assert language_name("en", "es") == "inglés" and language_name("es", "en") == "Spanish"
    assert language_name("de", "es") == "DE"
