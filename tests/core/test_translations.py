"""The Spanish catalogue ships complete, in step with the code, with intact placeholders."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers import REPO

from encounter_desk.core import i18n

ROOT = REPO
CATALOGUE = ROOT / "resources" / "translations" / "encounter_desk_es.ts"
PLACEHOLDER = re.compile(r"\{[a-z_]*(?:![rs])?(?::[^}]*)?\}|%\([a-z_]+\)[rsd]|%[sdr]|%n|%\d")


def _messages(path: Path):
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message.findtext("source"), message.find("translation")


def _lupdate() -> str:
    exe = shutil.which("pyside6-lupdate") or str(Path(sys.executable).parent / "pyside6-lupdate")
    if not Path(exe).exists():
        pytest.fail("pyside6-lupdate is missing: PySide6-Essentials is not installed properly")
    return exe


def test_no_entry_is_unfinished_or_empty():
    unfinished = [
        (ctx, src)
        for ctx, src, tr in _messages(CATALOGUE)
        if tr is None or tr.get("type") in ("unfinished",) or not (tr.text or "").strip()
    ]
    assert unfinished == []


def test_catalogue_is_in_step_with_the_code(tmp_path):
    """Every string marked in the code is in the catalogue (run scripts/update_translations.sh)."""
    copy = tmp_path / "es.ts"
    shutil.copy(CATALOGUE, copy)
    sources = sorted(str(p) for p in (ROOT / "encounter_desk").rglob("*.py"))
    result = subprocess.run(
        [_lupdate(), "-locations", "none", *sources, "-ts", str(copy)],
        capture_output=True, text=True, check=True,
    )
    found = re.search(r"\((\d+) new", result.stdout)
    assert found is not None, result.stdout
    assert found.group(1) == "0", result.stdout
    missing = [(ctx, src) for ctx, src, tr in _messages(copy) if tr.get("type") == "unfinished"]
    assert missing == [], "strings in the code that the Spanish catalogue lacks"


def test_placeholders_survive_translation():
    broken = []
    for ctx, src, tr in _messages(CATALOGUE):
        if tr is None or not tr.text:
            continue
        if sorted(PLACEHOLDER.findall(src)) != sorted(PLACEHOLDER.findall(tr.text)):
            broken.append((ctx, src, tr.text))
    assert broken == []


def test_translate_returns_spanish_and_falls_back_to_english():
    assert i18n.in_language("es").translate("Gender", "Female") == "Mujer"
    assert i18n.in_language("en").translate("Gender", "Female") == "Female"
    assert i18n.in_language("es").translate("Nowhere", "Never marked") == "Never marked"
    i18n.set_language("es")
    assert i18n.translate("Gender", "Female") == "Mujer"
    assert i18n.in_language(None).translate("Gender", "Male") == "Hombre"


def _translate_calls():
    import ast

    for path in sorted((ROOT / "encounter_desk").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            if isinstance(func, ast.Name) and func.id == "translate":
                yield path, node
            elif (isinstance(func, ast.Attribute) and func.attr == "translate"
                  and not (isinstance(func.value, ast.Name) and func.value.id == "QCoreApplication")
                  and node.args and isinstance(node.args[0], ast.Constant)
                  and isinstance(node.args[0].value, str)):  # not str.translate(table)
                yield path, node


def test_every_translate_call_is_one_lupdate_can_extract():
    """lupdate skips translate(ctx, text, lang): the language goes through in_language(lang)."""
    bad = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path, node in _translate_calls()
        if len(node.args) != 2 or node.keywords
    ]
    assert bad == []


def test_no_wrapper_hides_literal_strings_from_lupdate():
    """A helper like _t(message) -> translate("Ctx", message) called with a literal hides
    that literal from lupdate; mark it with translate("Ctx", "...") at the call instead."""
    import ast

    hidden = []
    for path in sorted((ROOT / "encounter_desk").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        wrappers = set()
        for fn in ast.walk(tree):
            if not isinstance(fn, ast.FunctionDef):
                continue
            params = {a.arg for a in fn.args.args}
            for node in ast.walk(fn):
                if (isinstance(node, ast.Call) and len(node.args) == 2
                        and isinstance(node.args[1], ast.Name) and node.args[1].id in params
                        and ((isinstance(node.func, ast.Name) and node.func.id == "translate")
                             or (isinstance(node.func, ast.Attribute)
                                 and node.func.attr == "translate"))):
                    wrappers.add(fn.name)
        wrappers.discard("tr")  # Qt's own self.tr("..."), which lupdate extracts
        for node in ast.walk(tree):
            name = (node.func.id if isinstance(getattr(node, "func", None), ast.Name)
                    else getattr(getattr(node, "func", None), "attr", None))
            if (isinstance(node, ast.Call) and name in wrappers and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                hidden.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}(...)")
    assert hidden == []
