from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from dealtrail.bootstrap import Services, bootstrap
from dealtrail.demo.achievements import EXHIBITED, FEWEST
from dealtrail.demo.load import load_demo
from dealtrail.domain.metadata import recording
from dealtrail.infrastructure.settings import Settings
from tests.integration.loaded_demo import Loaded
from tests.integration.old_stores import restore_small_dump, unpack


@pytest.fixture(
    scope="package", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def loaded(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Loaded]:
    """The demo conference, loaded once per store for the package: all of it on SQLite; on
    PostgreSQL with only the achievements the rest of the demo refers to (the whole of it takes
    over 20 s there, mostly in the policies' per-event tracking)."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("demo"), snapshot_interval=5)
    exhibited = EXHIBITED
    if request.param == "postgres":
        url, schema = request.getfixturevalue("postgres_url"), f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {schema}")
        settings = Settings(
            settings.data_dir, database_url=url, database_schema=schema, snapshot_interval=5
        )
        exhibited = FEWEST
    services = bootstrap(settings)
    load_demo(services.ledger, conference=True, exhibited=exhibited)
    yield Loaded(services, exhibited)
    services.close()
    if settings.database_url:
        with psycopg.connect(settings.database_url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {settings.database_schema} CASCADE")


@pytest.fixture
def services(settings: Settings) -> Iterator[Services]:
    built = bootstrap(settings)
    yield built
    built.close()


@pytest.fixture
def staff() -> Iterator[None]:
    with recording("staff:test", comment="integration test"):
        yield


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def old_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Settings]:
    """A copy of the small store made before migrations, on SQLite or in a PostgreSQL schema."""
    data_dir = tmp_path / "old"
    if request.param == "sqlite":
        unpack("small-sqlite.tgz", data_dir)
        yield Settings(data_dir=data_dir)
        return
    url = request.getfixturevalue("postgres_url")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    restore_small_dump(url, schema, data_dir)
    try:
        yield Settings(data_dir=data_dir, database_url=url, database_schema=schema)
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")
