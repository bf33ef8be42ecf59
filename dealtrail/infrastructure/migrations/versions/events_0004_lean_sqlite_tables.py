"""On SQLite, the two tables every command writes beside its event keep one b-tree each
instead of two, so a command's commit writes fewer pages: the leaves are keyed by their index
as the table's rowid (`leaf_index INTEGER PRIMARY KEY`; it was `BIGINT`, a second b-tree beside
the rowid), and the idempotency records are a `WITHOUT ROWID` table clustered on
`(scope, key)`. Each keeps its columns, constraints and rows; only the layout changes.

A table already in that layout (a store created after `leaves_table` took it) is left alone.
PostgreSQL's tables are unchanged: a heap with its indexes either way.
"""

from __future__ import annotations

from alembic import op

from dealtrail.infrastructure.leaves import SQLITE_TABLE as LEAVES

revision = "events_0004"
down_revision = "events_0003"
branch_labels = None
depends_on = None

IDEMPOTENCY = "dealtrail_idempotency"
LAYOUTS = {
    LEAVES: (
        "CREATE TABLE {name} (leaf_index INTEGER NOT NULL, position BIGINT NOT NULL, "
        "leaf_hash VARCHAR(64) NOT NULL, PRIMARY KEY (leaf_index), UNIQUE (position))",
        "leaf_index, position, leaf_hash",
        "leaf_index INTEGER",
    ),
    IDEMPOTENCY: (
        "CREATE TABLE {name} (scope TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, "
        "originator_id TEXT NOT NULL, originator_version INTEGER NOT NULL, "
        "PRIMARY KEY (scope, key)) WITHOUT ROWID",
        "scope, key, fingerprint, originator_id, originator_version",
        "WITHOUT ROWID",
    ),
}


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    for name, (create, columns, lean) in LAYOUTS.items():
        sql = bind.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
        ).scalar()
        if sql is None or lean in sql:
            continue
        rebuilt = f"{name}_rebuilt"
        # SQLite's driver commits a CREATE at once: one left by an attempt that failed later
        # (the rest rolled back, the old table intact) is dropped before starting again
        bind.exec_driver_sql(f"DROP TABLE IF EXISTS {rebuilt}")
        bind.exec_driver_sql(create.format(name=rebuilt))
        bind.exec_driver_sql(
            f"INSERT INTO {rebuilt} ({columns}) SELECT {columns} FROM {name}"  # noqa: S608 (constants)
        )
        bind.exec_driver_sql(f"DROP TABLE {name}")
        bind.exec_driver_sql(f"ALTER TABLE {rebuilt} RENAME TO {name}")
