"""The house keeps its shape: no import cycles, no module too long to read in one sitting.

The layers themselves are import-linter contracts (pyproject.toml, run by .ci/run).
"""

from __future__ import annotations

import grimp
from helpers import REPO

PACKAGE = REPO / "encounter_desk"
DATA = {"demo/data.py"}  # data, not code: allowed to be long
MAX_LINES = 500


def test_no_import_cycles():
    # imports made only for type annotations (under TYPE_CHECKING) never run: not counted
    graph = grimp.build_graph("encounter_desk", exclude_type_checking_imports=True)
    cycles = []
    for module in sorted(graph.modules):
        for imported in graph.find_modules_directly_imported_by(module):
            if imported != module and graph.chain_exists(imported, module, as_packages=False):
                cycles.append((module, imported))
    assert cycles == []


def test_no_module_over_five_hundred_lines_except_data():
    long = {
        path.relative_to(PACKAGE).as_posix(): n
        for path in PACKAGE.rglob("*.py")
        if "migrations" not in path.parts
        and (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert {name: n for name, n in long.items() if name not in DATA} == {}
