"""On SQLite the leaves and idempotency tables keep one b-tree each (`events_0004`): a new
store is made so, and a store made before is rebuilt so with every row it held."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from dealtrail.application.commands.parties import RegisterParty, RenameParty
from dealtrail.application.ledger import Options
from dealtrail.bootstrap import bootstrap
from dealtrail.domain.metadata import recording
from dealtrail.infrastructure.settings import Settings
from tests.integration.cli_runs import run_cli

# The layouts events_0001 to events_0003 made: a BIGINT key beside the rowid, and a rowid table.
OLD_LAYOUT = {
    "dealtrail_leaves": (
        "CREATE TABLE dealtrail_leaves (leaf_index BIGINT NOT NULL, position BIGINT NOT NULL, "
        "leaf_hash VARCHAR(64) NOT NULL, PRIMARY KEY (leaf_index), UNIQUE (position))"
    ),
    "dealtrail_idempotency": (
        "CREATE TABLE dealtrail_idempotency (scope TEXT NOT NULL, key TEXT NOT NULL, "
        "fingerprint TEXT NOT NULL, originator_id TEXT NOT NULL, "
        "originator_version INTEGER NOT NULL, PRIMARY KEY (scope, key))"
    ),
}


def _events_db(settings: Settings) -> Path:
    return settings.data_dir / "events.sqlite3"


def _layout(settings: Settings) -> dict[str, str]:
    with closing(sqlite3.connect(_events_db(settings))) as conn:
        return dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'"))


def _rows(settings: Settings) -> dict[str, list[tuple[object, ...]]]:
    with closing(sqlite3.connect(_events_db(settings))) as conn:
        return {
            name: conn.execute(f"SELECT * FROM {name} ORDER BY 1, 2").fetchall()
            for name in OLD_LAYOUT
        }


def _is_lean(layout: dict[str, str]) -> bool:
    return (
        "leaf_index INTEGER" in layout["dealtrail_leaves"]
        and layout["dealtrail_idempotency"].endswith("WITHOUT ROWID")
    )


def _record_some(settings: Settings) -> None:
    services = bootstrap(settings)
    try:
        for n in range(3):
            with recording("staff:test"):
                register = RegisterParty(name=f"Lab {n}", kind="university", country="CN")
                made = services.ledger.handle(register, Options(idempotency_key=f"r{n}"))
                rename = RenameParty(party_id=made.aggregate_id, name=f"Lab {n}b")
                services.ledger.handle(rename, Options(idempotency_key=f"n{n}"))
    finally:
        services.close()


def _back_to_the_old_layout(settings: Settings) -> None:
    with closing(sqlite3.connect(_events_db(settings))) as conn:
        for name, create in OLD_LAYOUT.items():
            conn.execute(f"ALTER TABLE {name} RENAME TO {name}_new")
            conn.execute(create)
            conn.execute(f"INSERT INTO {name} SELECT * FROM {name}_new")
            conn.execute(f"DROP TABLE {name}_new")
        conn.execute("UPDATE alembic_version SET version_num = 'events_0003'")
        conn.commit()


def test_a_new_store_keeps_its_leaves_and_idempotency_records_in_one_b_tree_each(
    tmp_path: Path,
) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    bootstrap(settings).close()

    assert _is_lean(_layout(settings))


def test_a_store_made_before_is_rebuilt_lean_with_every_row_and_still_verifies(
    tmp_path: Path,
) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    _record_some(settings)
    before = _rows(settings)
    _back_to_the_old_layout(settings)
    assert not _is_lean(_layout(settings))
    with closing(sqlite3.connect(_events_db(settings))) as conn:  # left by a failed attempt
        conn.execute("CREATE TABLE dealtrail_leaves_rebuilt (leaf_index INTEGER PRIMARY KEY)")
        conn.execute("INSERT INTO dealtrail_leaves_rebuilt VALUES (7)")
        conn.commit()

    bootstrap(settings).close()  # opening the store migrates it

    assert _is_lean(_layout(settings))
    assert "dealtrail_leaves_rebuilt" not in _layout(settings)
    assert _rows(settings) == before
    assert len(before["dealtrail_leaves"]) == 6 and len(before["dealtrail_idempotency"]) == 6
    verified = run_cli(settings, "audit", "verify")
    assert verified.exit_code == 0, verified.output
