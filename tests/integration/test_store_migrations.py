"""The tables that cannot be rebuilt from the log are migrated, never recreated: a store made
before migrations (tests/fixtures/stores, made by commit 9be8743) opens with today's code, is
upgraded to the latest revision and still reads; a new store and an upgraded one have one shape.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import psycopg
import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select

from dealtrail.bootstrap import bootstrap
from dealtrail.domain.audit.merkle import verify_inclusion
from dealtrail.infrastructure.database import create_database_engine, create_events_engine
from dealtrail.infrastructure.migrations.upgrade import migrations_config
from dealtrail.infrastructure.records import metadata as records
from dealtrail.infrastructure.settings import Settings
from dealtrail.web.app import create_app
from tests.integration.cli_runs import run_cli
from tests.integration.old_stores import (
    latest_revisions,
    shape,
    small_store_facts,
    versions,
)

SPAWN = multiprocessing.get_context("spawn")
BASELINES = ("records_0001", "events_0001")
SIGNED_BY_THE_INDIVIDUAL = {"signatory_name": "Zhang Wei", "signatory_title": "Inventor"}


@pytest.fixture
def new_store(old_store: Settings, request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """An empty store of the same kind as `old_store`."""
    if old_store.postgres is None:
        return Settings(data_dir=tmp_path / "new")
    schema = request.getfixturevalue("postgres_schema")
    return Settings(tmp_path / "new", database_url=old_store.database_url, database_schema=schema)


def _facts(settings: Settings) -> dict[str, Any]:
    return small_store_facts("sqlite" if settings.postgres is None else "postgres")


def test_opening_a_store_made_before_migrations_upgrades_it_to_the_latest_revision(
    old_store: Settings,
) -> None:
    assert all(not held for held in versions(old_store).values())

    bootstrap(old_store).close()

    assert versions(old_store) == latest_revisions(old_store)


def test_a_store_made_before_migrations_is_adopted_as_it_is(old_store: Settings) -> None:
    before = shape(old_store)
    _upgrade_to_the_baselines(old_store)

    tables_but_the_version = {
        db: {item for item in items if "alembic_version" not in item}
        for db, items in shape(old_store).items()
    }
    assert tables_but_the_version == before


def _upgrade_to_the_baselines(settings: Settings) -> None:
    """What the baselines do; the revisions after them change what they say they change."""
    if settings.postgres is not None:
        stores = [(create_database_engine(settings), settings.database_schema, BASELINES)]
    else:
        stores = [
            (create_database_engine(settings), None, BASELINES[:1]),
            (create_events_engine(settings), None, BASELINES[1:]),
        ]
    for engine, schema, targets in stores:
        try:
            with engine.begin() as conn:
                config = migrations_config()
                config.attributes.update(connection=conn, schema=schema)
                for target in targets:
                    command.upgrade(config, target)
        finally:
            engine.dispose()


def test_the_leaves_of_a_store_made_before_them_move_beside_its_events(
    old_store: Settings,
) -> None:
    before = _old_leaves(old_store)
    assert len(before) == 8

    services = bootstrap(old_store)
    try:
        moved = services.audit.leaves()
        assert [(leaf.index, leaf.position, leaf.leaf_hash.hex()) for leaf in moved] == before
        assert services.audit.verify().ok
        assert services.audit.position() == 8  # the last event under the fixture's signed head
    finally:
        services.close()
    assert not any("audit_leaves" in item for items in shape(old_store).values() for item in items)


def test_the_subtrees_of_a_store_made_before_them_are_stored_from_its_leaves(
    old_store: Settings,
) -> None:
    services = bootstrap(old_store)
    try:
        trail = services.audit
        stored = trail.stored
        with stored.engine.connect() as conn:
            rows = conn.execute(select(stored.nodes)).all()
        tree = trail.tree()  # rebuilt from every leaf
        assert tree.size == 8
        assert {(r.level, r.node_index): r.node_hash for r in rows} == {
            (level, index): hashed.hex()
            for level, row in enumerate(tree.levels[1:], start=1)
            for index, hashed in enumerate(row)
        }
        [head] = trail.heads()  # the fixture's, signed before the subtrees were stored
        assert trail.sign_head() == head  # the stored subtrees give its root: no fork
        for leaf in trail.leaves():
            root, path = trail.inclusion_proof(leaf, 8)
            assert verify_inclusion(leaf.leaf_hash, leaf.index, 8, path, head.head.root_hash)
            assert (root, path) == (tree.root(), tree.inclusion_proof(leaf.index))
    finally:
        services.close()


def _old_leaves(settings: Settings) -> list[tuple[int, int, str]]:
    statement = "SELECT leaf_index, position, leaf_hash FROM audit_leaves ORDER BY leaf_index"
    if settings.postgres is None:
        with closing(sqlite3.connect(settings.data_dir / "dealtrail.sqlite3")) as conn:
            return [tuple(row) for row in conn.execute(statement)]
    with psycopg.connect(settings.database_url) as conn:
        conn.execute(f"SET search_path TO {settings.database_schema}")
        return [tuple(row) for row in conn.execute(statement)]


def test_everything_a_store_made_before_migrations_holds_still_reads(old_store: Settings) -> None:
    facts = _facts(old_store)
    verified = run_cli(old_store, "audit", "verify")  # the store's first opening: upgraded
    assert verified.exit_code == 0, verified.output
    assert "OK: the log is exactly what was recorded" in verified.output

    services = bootstrap(old_store)
    try:
        client = create_app({"DEALTRAIL_SETTINGS": old_store, "TESTING": True}, services)
        client = client.test_client()
        auth = {"Authorization": f"Bearer {facts['staff_token']}"}
        agreement = f"/api/v1/agreements/{facts['agreement_id']}"
        signed = {"party_id": facts["individual_id"], "signed_on": "2026-11-20"}
        head = services.ledger.recorder.max_notification_id()

        again = client.post(
            f"{agreement}/signatures",
            json={**signed, **SIGNED_BY_THE_INDIVIDUAL},
            headers={**auth, "Idempotency-Key": "fixture-sign-1"},
        )
        assert again.status_code == 200, again.json
        assert again.headers["Idempotent-Replayed"] == "true"
        assert (again.headers["ETag"], again.json["position"]) == ('"5"', 8)
        assert services.ledger.recorder.max_notification_id() == head

        signatures = client.get(agreement, headers=auth).json["signatures"]
        signatories = [s["signatory_name"] for s in signatures]
        assert signatories == ["Li Hua", "Zhang Wei"]  # unsealed with the vault's keys
        found = client.get("/api/v1/parties?q=zhang", headers=auth).json["items"]
        assert [(p["id"], p["name"]) for p in found] == [(facts["individual_id"], "Zhang Wei")]
    finally:
        services.close()


def test_an_upgraded_store_has_the_shape_of_a_new_one(
    old_store: Settings, new_store: Settings
) -> None:
    bootstrap(old_store).close()
    bootstrap(new_store).close()

    assert shape(old_store) == shape(new_store)


def test_the_migrated_tables_are_those_the_code_declares(settings: Settings) -> None:
    bootstrap(settings).close()
    engine = create_database_engine(settings)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(
                conn, opts={"compare_type": True, "include_name": _records_only}
            )
            assert compare_metadata(context, records) == []
    finally:
        engine.dispose()


def _records_only(name: str | None, kind: str, _parent: Any) -> bool:
    """The views are not migrated: they are created from their own metadata."""
    return kind != "table" or name in records.tables


def _start(settings: Settings, start: Any, outcomes: Any) -> None:
    """One process's first start: it builds its services once both are ready to."""
    start.wait()
    try:
        bootstrap(settings).close()
    except Exception as error:  # reported, to fail the test with what went wrong
        outcomes.put(repr(error))
    else:
        outcomes.put("started")


@pytest.mark.postgres
def test_two_processes_starting_at_once_on_an_empty_schema_both_start(
    postgres_url: str, postgres_schema: str, tmp_path: Path
) -> None:
    settings = Settings(
        tmp_path / "data", database_url=postgres_url, database_schema=postgres_schema
    )
    start, outcomes = SPAWN.Barrier(2), SPAWN.Queue()
    processes = [SPAWN.Process(target=_start, args=(settings, start, outcomes)) for _ in range(2)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=120)

    assert [outcomes.get(timeout=1) for _ in processes] == ["started", "started"]
    assert versions(settings) == latest_revisions(settings)
