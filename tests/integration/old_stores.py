"""Stores made by earlier versions of dealtrail (tests/fixtures/stores): copies for a test to
open, and what a store holds, compared across stores."""

from __future__ import annotations

import json
import sqlite3
import tarfile
from contextlib import closing
from pathlib import Path
from typing import Any

import psycopg
from alembic.script import ScriptDirectory
from psycopg import sql

from dealtrail.infrastructure.migrations.upgrade import migrations_config
from dealtrail.infrastructure.settings import Settings
from tests.store_pool import SHAPE_ITEMS

FIXTURES = Path(__file__).parents[1] / "fixtures" / "stores"
SQLITE_FILES = ("dealtrail.sqlite3", "events.sqlite3")
DUMPED_SCHEMA = "dealtrail_fixture"  # the schema small-postgres.sql was dumped from


def small_store_facts(store: str) -> dict[str, Any]:
    """The small store's staff token and record ids (small.json), for "sqlite" or "postgres"."""
    facts: dict[str, Any] = json.loads((FIXTURES / "small.json").read_text())[store]
    return facts


def unpack(archive: str, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    with tarfile.open(FIXTURES / archive) as tar:
        tar.extractall(data_dir, filter="data")


def restore_small_dump(url: str, schema: str, data_dir: Path) -> None:
    """small-postgres.sql into `schema` (created by the dump), its signing key into `data_dir`.
    psql's own commands (`\\restrict`) are left out: psycopg runs the SQL."""
    text = (FIXTURES / "small-postgres.sql").read_text()
    statements = "\n".join(line for line in text.splitlines() if not line.startswith("\\"))
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(statements.replace(DUMPED_SCHEMA, schema).encode())
    data_dir.mkdir(parents=True)
    key = (FIXTURES / "small-postgres-audit-signing-key.pem").read_bytes()
    (data_dir / "audit-signing-key.pem").write_bytes(key)


def latest_revisions(settings: Settings) -> dict[str, set[str]]:
    """The head of each branch, by database, as `versions` reports them when up to date."""
    script = ScriptDirectory.from_config(migrations_config())
    records, events = (script.get_revision(f"{b}@head") for b in ("records", "events"))
    assert records is not None and events is not None
    if settings.postgres is None:
        return {"dealtrail.sqlite3": {records.revision}, "events.sqlite3": {events.revision}}
    return {"schema": {records.revision, events.revision}}


def versions(settings: Settings) -> dict[str, set[str]]:
    """The revisions each database's alembic_version holds (none without the table)."""
    if settings.postgres is None:
        return {name: _sqlite_versions(settings.data_dir / name) for name in SQLITE_FILES}
    schema = settings.database_schema
    assert settings.database_url is not None
    with psycopg.connect(settings.database_url) as conn:
        found = conn.execute("SELECT to_regclass(%s)", (f"{schema}.alembic_version",)).fetchone()
        if found == (None,):
            return {"schema": set()}
        table = sql.Identifier(schema, "alembic_version")
        rows = conn.execute(sql.SQL("SELECT version_num FROM {}").format(table)).fetchall()
    return {"schema": {row[0] for row in rows}}


def _sqlite_versions(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as conn:
        found = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'alembic_version'")
        if not found.fetchall():
            return set()
        return {row[0] for row in conn.execute("SELECT version_num FROM alembic_version")}


def shape(settings: Settings) -> dict[str, set[str]]:
    """Every table, column, index, constraint (and, on PostgreSQL, function and type) of each
    database, the schema's own name left out so that two schemas compare."""
    if settings.postgres is None:
        return {name: _sqlite_shape(settings.data_dir / name) for name in SQLITE_FILES}
    schema = settings.database_schema
    assert settings.database_url is not None
    with psycopg.connect(settings.database_url) as conn:
        rows = conn.execute(SHAPE_ITEMS, {"schema": schema}).fetchall()
    return {"schema": {item.replace(schema, "<schema>") for (item,) in rows}}


def _sqlite_shape(path: Path) -> set[str]:
    """sqlite_master's rows: the SQL that would create each table and index, as it was given."""
    with closing(sqlite3.connect(path)) as conn:
        rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return {" ".join(str(column) for column in row) for row in rows}
