"""The demo conference, loaded once per test run on each store and copied for each test process.

Loading the demo is the slowest set-up of the suite (seconds on SQLite, more on PostgreSQL, where
each command waits for its commit). The first test process of a run to need a store's demo loads
it, under a file lock in the directory the run's test processes share; the others wait for it and
then copy it: on SQLite its files, on PostgreSQL its database (`CREATE DATABASE ... TEMPLATE`, a
copy of the template's pages: the same rows, sequences, tracking and audit tree tables, and the
same schema name, so the copy is the loaded store itself). The data directory of the loaded store
(its audit signing key) is copied along.

The PostgreSQL template is a database of its own (a copy needs one without other connections);
the run's controlling process drops it when the run ends (`drop_postgres_template`).
"""

from __future__ import annotations

import fcntl
import os
import shutil
import uuid
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest
from psycopg import sql
from sqlalchemy.engine import make_url

from dealtrail.bootstrap import bootstrap
from dealtrail.demo.load import load_demo
from dealtrail.infrastructure.settings import Settings

SCHEMA = "demo"  # the schema of the loaded store in the template and in each copy
SQLITE, POSTGRES = "demo-sqlite", "demo-postgres"


def run_directory(base: Path) -> Path:
    """The directory the test processes of a run share (`base`: a process's basetemp): the
    parent of theirs under xdist; a run in one process keeps its own."""
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def once_per_run(factory: pytest.TempPathFactory, name: str, build: Callable[[Path], None]) -> Path:
    """The directory `build` filled, built by the first test process that asks for it."""
    shared = run_directory(factory.getbasetemp())
    built, done = shared / name, shared / f"{name}.done"
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(built, ignore_errors=True)
            built.mkdir()
            build(built)
            done.touch()
    return built


def load(settings: Settings, exhibited: int) -> None:
    services = bootstrap(settings)
    try:
        load_demo(services.ledger, conference=True, exhibited=exhibited)
    finally:
        services.close()


def copy_sqlite_demo(factory: pytest.TempPathFactory, exhibited: int, data_dir: Path) -> None:
    """Copies into `data_dir` the SQLite store the demo was loaded into for this run."""

    def build(built: Path) -> None:
        load(Settings(data_dir=built / "data", snapshot_interval=5), exhibited)

    built = once_per_run(factory, f"{SQLITE}-{exhibited}", build)
    shutil.copytree(built / "data", data_dir, dirs_exist_ok=True)


def database_url(url: str, database: str) -> str:
    return make_url(url).set(database=database).render_as_string(hide_password=False)


def copy_postgres_demo(
    factory: pytest.TempPathFactory, url: str, exhibited: int, data_dir: Path
) -> Settings:
    """A new database holding a copy of the PostgreSQL store the demo was loaded into for this
    run; the settings of the copy (data directory `data_dir`). Drop it with `drop_database`."""

    def build(built: Path) -> None:
        template = f"t_demo_{uuid.uuid4().hex[:12]}"
        (built / "database").write_text(template)  # first: dropped at the end even if half-made
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(template)))
        with psycopg.connect(database_url(url, template), autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(SCHEMA)))
        settings = Settings(
            built / "data",
            database_url=database_url(url, template),
            database_schema=SCHEMA,
            snapshot_interval=5,
        )
        load(settings, exhibited)
        with psycopg.connect(url, autocommit=True) as conn:  # a copy needs none left open
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                (template,),
            )

    built = once_per_run(factory, f"{POSTGRES}-{exhibited}", build)
    template, copy = (built / "database").read_text(), f"t_demo_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(copy), sql.Identifier(template)
            )
        )
    shutil.copytree(built / "data", data_dir, dirs_exist_ok=True)
    return Settings(
        data_dir,
        database_url=database_url(url, copy),
        database_schema=SCHEMA,
        snapshot_interval=5,
    )


def drop_database(url: str, database: str) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(database))
        )


def drop_postgres_templates(shared: Path, url: str) -> None:
    """Drops the PostgreSQL templates this run loaded (its controlling process, at the end)."""
    for made in shared.glob(f"{POSTGRES}-*/database"):
        drop_database(url, made.read_text())
