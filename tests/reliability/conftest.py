"""Reliability tests: several processes, killed processes, broken storage, fuzzing.

Hypothesis profiles: ``default`` (500 examples per property, for a developer's run) and
``ci`` (10,000 examples, selected with ``HYPOTHESIS_PROFILE=ci``).
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "default", max_examples=500, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "ci", max_examples=10_000, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


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
