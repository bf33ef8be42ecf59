"""Fixtures that build dealtrail on each store: SQLite files in a temp dir, and PostgreSQL.

PostgreSQL tests use DEALTRAIL_TEST_POSTGRES_URL (default: the local server's `test` database),
each in a schema of its own. They skip when the server is unreachable, unless
DEALTRAIL_REQUIRE_POSTGRES=1 (as in CI), when they fail instead.

A `settings` test on PostgreSQL gets an empty store, but not always a new schema: creating
dealtrail's thirty tables and dropping them again was most of such a test's time, so each test
process keeps the schemas its tests used, emptied (see StorePool). Likewise a `settings` test on
SQLite gets a copy of an empty store built once per test process (see SqliteTemplate).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from dealtrail.infrastructure.settings import Settings
from tests.demo_templates import drop_postgres_templates
from tests.slow_first import slow_first
from tests.sqlite_template import SqliteTemplate
from tests.store_pool import StorePool

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


@pytest.fixture(scope="session")
def store_pool(postgres_url: str) -> Iterator[StorePool]:
    pool = StorePool(postgres_url)
    yield pool
    pool.close()


@pytest.fixture
def postgres_store_schema(store_pool: StorePool) -> Iterator[str]:
    """A schema holding an empty store: new, or one an earlier test used, emptied."""
    schema = store_pool.take()
    yield schema
    store_pool.give_back(schema)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> SqliteTemplate:
    return SqliteTemplate(tmp_path_factory.mktemp("sqlite-template"))


def _settings(store: str, tmp_path: Path, request: pytest.FixtureRequest) -> Settings:
    if store == "sqlite":
        request.getfixturevalue("sqlite_template").copy_to(tmp_path / "data")
        return Settings(data_dir=tmp_path / "data", snapshot_interval=5)
    schema = request.getfixturevalue("postgres_store_schema")
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


def pytest_sessionfinish(session: pytest.Session) -> None:
    """The run's controlling process (the only one, or xdist's) drops the PostgreSQL demo
    templates its test processes loaded (tests/demo_templates.py)."""
    if hasattr(session.config, "workerinput"):
        return
    factory = session.config._tmp_path_factory  # type: ignore[attr-defined]
    shared = factory.getbasetemp()
    if any(shared.glob("demo-postgres-*/database")):
        drop_postgres_templates(shared, POSTGRES_URL)


@pytest.hookimpl(optionalhook=True)  # pytest-xdist's, in the controlling process
def pytest_configure_node(node: Any) -> None:
    """Tells each test process the scheduler (its own `--dist` option is reset to "no")."""
    node.workerinput["dist"] = node.config.getoption("dist")


@pytest.hookimpl(trylast=True)  # after pytest's own ordering (by fixtures' scopes)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    slow_first(config, items)
