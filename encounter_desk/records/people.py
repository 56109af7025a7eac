"""How the records name a person: a title and a name, as the minutes and registers print them.

:func:`titled_name` is the one way to join them ("Dip. María José Pérez Núñez"; either
part may be empty); :class:`NamedPerson` is the start of every record line about a
participant (a sponsor, the chair, a line of the roll call or of the minutes).
"""

from __future__ import annotations

from dataclasses import dataclass


def titled_name(title: str, name: str) -> str:
    """ "Dip. María José Pérez Núñez": the title, then the name (either may be empty)."""
    return f"{title} {name}".strip()


@dataclass(frozen=True)
class NamedPerson:
    """A participant as a record line names them."""

    participant_id: int
    title: str
    name: str

    @property
    def full_name(self) -> str:
        return titled_name(self.title, self.name)
