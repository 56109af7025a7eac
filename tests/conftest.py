"""Test configuration: headless Qt, an isolated user data folder, temporary event files."""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Headless by default: the test configuration sets it, not the person running the tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

import pytest  # noqa: E402

from encounter_desk import i18n  # noqa: E402
from encounter_desk.db import Database, open_database, sqlite_url  # noqa: E402

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Every test gets its own user data folder and starts in English."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("ENCOUNTER_DESK_HOME", str(home))
    monkeypatch.setenv("ENCOUNTER_DESK_ACTOR", "tester@desk")
    monkeypatch.setenv("ENCOUNTER_DESK_LANG", "en")
    monkeypatch.delenv("ENCOUNTER_DESK_DATABASE", raising=False)
    i18n.set_language("en")
    yield home
    i18n.set_language("en")


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "event.sqlite"


@pytest.fixture
def db(db_path) -> Database:
    database = open_database(sqlite_url(db_path), actor="tester@desk")
    yield database
    database.close()


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"the shared folder is missing: {SHARED}")
    return SHARED


def pytest_report_header(config):
    return f"python {sys.version.split()[0]}, QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']}"


# --- PostgreSQL --------------------------------------------------------------------------

@pytest.fixture(scope="session")
def pg_server():
    """A real PostgreSQL server for the session; on CI a missing server fails the run."""
    sys.path.insert(0, str(Path(__file__).parent))
    from pg_server import PostgresServer, find_bin_dir

    url = os.environ.get("ENCOUNTER_DESK_TEST_PG_URL")
    if url:
        yield url.rsplit("/", 1)[0]
        return
    bin_dir = find_bin_dir()
    if bin_dir is None:
        message = "no PostgreSQL server binaries (initdb, pg_ctl) on this machine"
        if os.environ.get("CI"):
            pytest.fail(message + ": CI must test both databases")
        pytest.skip(message + " (set ENCOUNTER_DESK_TEST_PG_URL or install postgresql)")
    server = PostgresServer(bin_dir)
    server.start()
    try:
        yield server.url("").rstrip("/")
    finally:
        server.stop()


_pg_counter = 0


@pytest.fixture
def pg_url(pg_server) -> str:
    """The URL of a new, empty PostgreSQL database for one test."""
    import psycopg
    from sqlalchemy.engine import make_url

    global _pg_counter
    _pg_counter += 1
    name = f"t{os.getpid()}_{_pg_counter}"
    base = make_url(pg_server + "/postgres")
    dsn = base.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield f"{pg_server}/{name}"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
