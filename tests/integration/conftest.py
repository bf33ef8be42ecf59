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
from tests.demo_templates import copy_postgres_demo, copy_sqlite_demo, drop_database
from tests.integration.loaded_demo import Loaded
from tests.integration.old_stores import restore_small_dump, unpack


@pytest.fixture(
    scope="package", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def loaded(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Loaded]:
    """The demo conference, loaded once per store for the whole run, each test process opening
    a copy of it for the package (see tests/demo_templates.py): all of it on SQLite; on
    PostgreSQL with only the achievements the rest of the demo refers to (the whole of it takes
    over 20 s there, mostly in the policies' per-event tracking)."""
    data_dir = tmp_path_factory.mktemp("demo")
    if request.param == "sqlite":
        exhibited = EXHIBITED
        copy_sqlite_demo(tmp_path_factory, exhibited, data_dir)
        settings = Settings(data_dir=data_dir, snapshot_interval=5)
    else:
        exhibited, url = FEWEST, request.getfixturevalue("postgres_url")
        settings = copy_postgres_demo(tmp_path_factory, url, exhibited, data_dir)
    services = bootstrap(settings)
    yield Loaded(services, exhibited)
    services.close()
    if settings.database_url:
        drop_database(request.getfixturevalue("postgres_url"), settings.postgres.dbname)


@pytest.fixture
def services(settings: Settings) -> Iterator[Services]:
    built = bootstrap(settings)
    yield built
    built.close()


@pytest.fixture
def signed(services: Services) -> Services:
    """The demo (without the conference) recorded, and a tree head signed over it."""
    load_demo(services.ledger)
    services.audit.sign_head()
    return services


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
