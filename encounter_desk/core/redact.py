"""Keeping passwords out of what is printed and logged.

A PostgreSQL URL carries its password (``postgresql+psycopg://desk:PASSWORD@host/event``).
:func:`mask_passwords` replaces it by ``***`` in any text; :class:`MaskingFormatter` does
so for every log line, whoever wrote it (the app's file log and the CLI's stderr log).
"""

from __future__ import annotations

import logging
import re

_URL_PASSWORD = re.compile(r"(?P<head>\b[a-z][a-z0-9+.-]*://[^\s:/@]*):(?P<secret>[^\s@/]*)@", re.I)


def mask_passwords(text: str) -> str:
    """``text`` with the password of every URL in it (``scheme://user:PASSWORD@host``)
    replaced by ``***``."""
    return _URL_PASSWORD.sub(lambda m: f"{m.group('head')}:***@", text)


class MaskingFormatter(logging.Formatter):
    """No password of a database URL ever reaches a log line, whoever logged it."""

    def format(self, record: logging.LogRecord) -> str:
        return mask_passwords(super().format(record))
