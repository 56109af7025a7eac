"""What the tests share: fakes, event builders, the PostgreSQL server, subprocess drivers.

``pytest`` puts ``tests/`` on the import path (``pythonpath`` in pyproject.toml), so a test
imports ``from helpers.chair_room import ChairRoom``; nothing edits ``sys.path``.
"""

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
"""The repository's root folder (where pyproject.toml is)."""
