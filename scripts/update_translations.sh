#!/usr/bin/env bash
# Re-extract every translatable string into the Spanish catalogue (keeps existing translations).
# Then translate the new entries (pyside6-linguist, or edit the .ts) and run the tests:
# tests/core/test_translations.py fails while any entry is unfinished.
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=$(command -v pyside6-lupdate || echo .venv/bin/pyside6-lupdate)
files=$(git ls-files 'encounter_desk/*.py'; git ls-files --others --exclude-standard 'encounter_desk/*.py')
"$lupdate" -no-obsolete -locations none $files -ts resources/translations/encounter_desk_es.ts
