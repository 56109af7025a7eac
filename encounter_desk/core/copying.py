"""Taking fields over from one record to another under the same names."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def fields_of(source: object, names: Iterable[str]) -> dict[str, Any]:
    """``{name: source.<name>}`` for each name: what a record takes over unchanged from
    another (a row, a count, a preset), to pass to its constructor with ``**``."""
    return {name: getattr(source, name) for name in names}
