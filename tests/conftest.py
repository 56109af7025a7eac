"""Test configuration: headless Qt, an isolated user data folder, temporary event files."""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Headless by default: the test configuration sets it, not the person running the tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

import pytest  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402

from encounter_desk.core import i18n  # noqa: E402
from encounter_desk.storage.database import Database, open_database, sqlite_url  # noqa: E402

SAMPLE_ROSTER = Path(__file__).resolve().parents[1] / "resources" / "samples" / "roster-sample.csv"


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
def sqlite_db(db_path) -> Database:
    """An event database in a SQLite file, for what only a file has (pragmas, backups…)."""
    database = open_database(sqlite_url(db_path), actor="tester@desk")
    yield database
    database.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, db_path) -> Database:
    """A fresh event database at head: each test using it runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        url = sqlite_url(db_path)
    else:
        url = request.getfixturevalue("pg_url_at_head")
    database = open_database(url, actor="tester@desk")
    yield database
    database.close()


@pytest.fixture
def sample_roster() -> Path:
    """The sample roster that ships with the app (resources/samples), as a file."""
    return SAMPLE_ROSTER


# Hypothesis: ``default`` (500 examples per property, for a developer's run) and ``ci``
# (10,000 examples, selected with ``HYPOTHESIS_PROFILE=ci``, as .ci/run does).
settings.register_profile(
    "default", max_examples=500, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "ci", max_examples=10_000, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))



def pytest_collection_modifyitems(config, items):
    """Mark every test that talks to PostgreSQL ``postgresql``, so a quick run can skip them."""
    for item in items:
        params = getattr(item, "callspec", None)
        on_server = params is not None and "postgresql" in params.params.values()
        if on_server or {"pg_server", "pg_url", "private_pg"} & set(item.fixturenames):
            item.add_marker(pytest.mark.postgresql)


def pytest_report_header(config):
    return f"python {sys.version.split()[0]}, QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']}"


# --- PostgreSQL --------------------------------------------------------------------------

@pytest.fixture(scope="session")
def pg_server():
    """A real PostgreSQL server for the session; on CI a missing server fails the run."""
    from helpers.pg_server import PostgresServer, find_bin_dir

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


def _admin_dsn(pg_server: str) -> str:
    from sqlalchemy.engine import make_url

    base = make_url(pg_server + "/postgres")
    return base.set(drivername="postgresql").render_as_string(hide_password=False)


def _new_pg_database(pg_server: str, template: str | None = None):
    import psycopg

    global _pg_counter
    _pg_counter += 1
    name = f"t{os.getpid()}_{_pg_counter}"
    clause = f' TEMPLATE "{template}"' if template else ""
    with psycopg.connect(_admin_dsn(pg_server), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"{clause}')
    yield f"{pg_server}/{name}"
    with psycopg.connect(_admin_dsn(pg_server), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_url(pg_server) -> str:
    """The URL of a new, empty PostgreSQL database for one test."""
    yield from _new_pg_database(pg_server)


@pytest.fixture(scope="session")
def pg_template(pg_server) -> str:
    """A database migrated to head once per session, copied for each test (fast)."""
    import psycopg

    name = f"template_{os.getpid()}"
    with psycopg.connect(_admin_dsn(pg_server), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    open_database(f"{pg_server}/{name}").close()
    yield name
    with psycopg.connect(_admin_dsn(pg_server), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_url_at_head(pg_server, pg_template) -> str:
    """The URL of a new PostgreSQL database already at the newest schema, empty of data."""
    yield from _new_pg_database(pg_server, pg_template)


@pytest.fixture
def private_pg():
    """A PostgreSQL server of this test's own, which the test may stop."""
    from helpers.pg_server import PostgresServer, find_bin_dir

    bin_dir = find_bin_dir()
    if bin_dir is None:
        message = "no PostgreSQL server binaries (initdb, pg_ctl) on this machine"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    server = PostgresServer(bin_dir)
    server.start()
    try:
        yield server
    finally:
        server.stop()
