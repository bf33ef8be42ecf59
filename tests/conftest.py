"""Fixtures that build dealtrail on each store: SQLite files in a temp dir, and PostgreSQL.

PostgreSQL tests use DEALTRAIL_TEST_POSTGRES_URL (default: the local server's `test` database),
each in a schema of its own. They skip when the server is unreachable, unless
DEALTRAIL_REQUIRE_POSTGRES=1 (as in CI), when they fail instead.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from dealtrail.infrastructure.settings import Settings

POSTGRES_URL = os.environ.get(
    "DEALTRAIL_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)
REQUIRE_POSTGRES = os.environ.get("DEALTRAIL_REQUIRE_POSTGRES") == "1"


def _postgres_reachable() -> str | None:
    try:
        with psycopg.connect(POSTGRES_URL, connect_timeout=3):
            return None
    except psycopg.Error as error:
        return str(error)


@pytest.fixture(scope="session")
def postgres_url() -> str:
    problem = _postgres_reachable()
    if problem:
        if REQUIRE_POSTGRES:
            pytest.fail(f"PostgreSQL is required but unreachable at {POSTGRES_URL}: {problem}")
        pytest.skip(f"PostgreSQL unreachable at {POSTGRES_URL}")
    return POSTGRES_URL


@pytest.fixture
def postgres_schema(postgres_url: str) -> Iterator[str]:
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    yield schema
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


def _settings(store: str, tmp_path: Path, request: pytest.FixtureRequest) -> Settings:
    if store == "sqlite":
        return Settings(data_dir=tmp_path / "data", snapshot_interval=5)
    schema = request.getfixturevalue("postgres_schema")
    return Settings(
        data_dir=tmp_path / "data",
        database_url=request.getfixturevalue("postgres_url"),
        database_schema=schema,
        snapshot_interval=5,
    )


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """Settings for one store; every test using it runs on SQLite and on PostgreSQL."""
    return _settings(request.param, tmp_path, request)
