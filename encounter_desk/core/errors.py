"""One way to refuse: :class:`Refusal`, a machine code and a translated sentence.

A refusal is what a person must read: a bad value in a form, a badge of another event, a
disk that is full. The jobs raise it (or one of its subclasses) with a sentence already
translated into the user's language; screens and the CLI catch ``Refusal`` and nothing
broader, show ``str(error)`` and may branch on ``error.code``. A programming error (a bare
``ValueError``, a ``TypeError``, an SQLAlchemy error) is never a refusal: it reaches the
excepthook and the log, not a dialog dressed as a refusal, and no SQL text is shown.
"""

from __future__ import annotations


class Refusal(Exception):
    """A refused request: ``str(error)`` is a sentence for the user, ``code`` is for machines.

    ``code`` is a short dotted name (``"participant.email"``, ``"storage.disk_full"``) that
    tests and callers can compare without depending on the wording or the language.
    """

    default_code = "refused"

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code or self.default_code

    def __str__(self) -> str:
        return self.message
