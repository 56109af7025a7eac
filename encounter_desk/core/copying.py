"""Taking fields over from one record to another under the same names."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from typing import Any, TypeVar

Plain = TypeVar("Plain")


def fields_of(source: object, names: Iterable[str]) -> dict[str, Any]:
    """``{name: source.<name>}`` for each name: what a record takes over unchanged from
    another (a row, a count, a preset), to pass to its constructor with ``**``."""
    return {name: getattr(source, name) for name in names}


def copied(cls: type[Plain], original: object, /, **values: Any) -> Plain:
    """The dataclass ``cls`` made of ``values``, each other field copied from the attribute
    of the same name on ``original`` (a stored row, or a plain row of another kind)."""
    names = [f.name for f in fields(cls) if f.name not in values]  # type: ignore[arg-type]
    return cls(**fields_of(original, names), **values)
