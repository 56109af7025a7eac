"""The README's Quick start stays true: two commands, the test command that CI runs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _quick_start() -> str:
    return README.split("## Quick start", 1)[1].split("\n## ", 1)[0]


def test_quick_start_has_exactly_two_commands():
    blocks = re.findall(r"```\n(.*?)\n```", _quick_start(), flags=re.S)
    assert len(blocks) == 2
    install_and_open, run_tests = blocks
    assert "pip install -e ." in install_and_open and " demo " in install_and_open
    assert "--open" in install_and_open
    assert 'pip install -e ".[test]"' in run_tests and "pytest" in run_tests


def test_ci_runs_the_readme_test_command_between_its_markers():
    marked = re.search(r"<!-- test-command -->\n```\n(.*?)\n```\n<!-- /test-command -->",
                       README, flags=re.S)
    assert marked is not None
    ci = (ROOT / ".ci" / "run").read_text()
    assert "<!-- test-command -->" in ci and 'bash -c "$test_command"' in ci


def test_every_cli_command_is_documented():
    from encounter_desk.cli import main as cli

    parser = cli.build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name in sub.choices:
        assert f"`{name}" in README, f"README does not document `{name}`"


def test_pictures_the_readme_shows_exist():
    for target in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", README):
        assert (ROOT / target).exists(), target


def test_every_package_is_listed_for_installation():
    # pyproject.toml lists the packages explicitly (resources/ is mapped into the package);
    # a package missing there would be absent from a wheel and from the standalone app.
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "encounter_desk").rglob("__init__.py")
    }
    assert on_disk <= listed, f"packages missing from pyproject.toml: {sorted(on_disk - listed)}"
