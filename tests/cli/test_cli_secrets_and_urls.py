"""Database URLs: a password never appears in output or logs; an unsupported URL, a wrong
password and an unknown database each get one clear sentence, never a traceback."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from encounter_desk.cli import main as cli
from encounter_desk.core.redact import MaskingFormatter, mask_passwords
from encounter_desk.storage import database
from encounter_desk.storage.errors import server_refusal

SECRET = "Sekret-Núñez-42"


def with_password(url: str) -> str:
    return make_url(url).set(password=SECRET).render_as_string(hide_password=False)


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    monkeypatch.setenv("ENCOUNTER_DESK_LANG", "en")


def test_check_on_a_server_never_prints_the_password(pg_url, capsys):
    url = with_password(pg_url)
    assert cli.main(["--database", url, "check"]) == 0
    out, err = capsys.readouterr()
    assert SECRET not in out + err
    assert "***" in out


@pytest.mark.parametrize("url", [
    f"mysql://desk:{SECRET}@db.local/event",
    f"oracle+cx://desk:{SECRET}@db.local/event",
    "postgres-ql:/broken",
    f"nonsense://desk:{SECRET}@host",
])
def test_an_unsupported_or_mistyped_url_is_one_sentence(url, capsys):
    assert cli.main(["--database", url, "check"]) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in err and SECRET not in out + err
    assert err.startswith("Error: ") and err.count("\n") == 1


def test_an_unknown_database_on_the_server_is_said_so(pg_url, capsys):
    url = with_password(pg_url.rsplit("/", 1)[0] + "/no_such_event_db_13")
    assert cli.main(["--database", url, "check"]) == 1
    err = capsys.readouterr().err
    assert "no database of that name" in err
    assert SECRET not in err and "Traceback" not in err


def test_an_unreachable_server_is_said_so(capsys):
    url = f"postgresql+psycopg://desk:{SECRET}@127.0.0.1:1/event"
    assert cli.main(["--database", url, "check"]) == 1
    err = capsys.readouterr().err
    assert "cannot be reached" in err and SECRET not in err


class _Refused(Exception):
    sqlstate = "28P01"

    def __str__(self) -> str:
        return 'connection failed: FATAL:  password authentication failed for user "desk"'


def test_a_wrong_password_is_not_called_unreachable():
    # The test server trusts every local login, so the server's refusal is built here, as
    # psycopg raises it (SQLSTATE 28P01).
    exc = OperationalError("connect", {}, _Refused())
    refusal = server_refusal(exc, database.describe_url(f"postgresql+psycopg://desk:{SECRET}@h/e"))
    assert refusal.code == "storage.wrong_password"
    assert "refused the user name or password" in str(refusal)
    assert SECRET not in str(refusal) and "cannot be reached" not in str(refusal)


def test_log_lines_never_carry_a_password(caplog):
    record = logging.LogRecord("x", logging.WARNING, __file__, 1, "could not open %s: %s",
                               (f"postgresql+psycopg://desk:{SECRET}@host/event", "gone"), None)
    line = MaskingFormatter("%(message)s").format(record)
    assert SECRET not in line and "desk:***@host" in line
    assert mask_passwords("a sqlite:////tmp/x.sqlite b") == "a sqlite:////tmp/x.sqlite b"


def test_describe_url_of_a_broken_url_still_hides_the_password():
    assert SECRET not in database.describe_url(f"nonsense://desk:{SECRET}@host")
