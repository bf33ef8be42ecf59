from __future__ import annotations

import fcntl
import os
import shutil
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


def _copy_loaded_sqlite_demo(factory: pytest.TempPathFactory, settings: Settings) -> None:
    """Copies into `settings.data_dir` the SQLite store the first test process to need it
    loaded the whole demo into (the test processes of a run share the parent of their
    temporary directories; a run in one process keeps it in its own)."""
    base = factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    loaded_dir, done = shared / "demo-sqlite", shared / "demo-sqlite.done"
    with open(shared / "demo-sqlite.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(loaded_dir, ignore_errors=True)
            services = bootstrap(Settings(data_dir=loaded_dir, snapshot_interval=5))
            try:
                load_demo(services.ledger, conference=True, exhibited=EXHIBITED)
            finally:
                services.close()
            done.touch()
    shutil.copytree(loaded_dir, settings.data_dir, dirs_exist_ok=True)


@pytest.fixture(
    scope="package", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def loaded(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Loaded]:
    """The demo conference, loaded once per store for the package: all of it on SQLite (loaded
    once for the whole run, each test process opening a copy); on PostgreSQL with only the
    achievements the rest of the demo refers to (the whole of it takes over 20 s there, mostly
    in the policies' per-event tracking)."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("demo"), snapshot_interval=5)
    exhibited = EXHIBITED
    if request.param == "sqlite":
        _copy_loaded_sqlite_demo(tmp_path_factory, settings)
    if request.param == "postgres":
        url, schema = request.getfixturevalue("postgres_url"), f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {schema}")
        settings = Settings(
            settings.data_dir, database_url=url, database_schema=schema, snapshot_interval=5
        )
        exhibited = FEWEST
    services = bootstrap(settings)
    if request.param == "postgres":
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
