"""The audit tree's leaves move beside the events, where the recorders write each event's leaf
in the transaction that stores it (dealtrail/infrastructure/leaves.py).

A store made before this revision kept its leaves in `audit_leaves`, appended by a follower
some time after each command. They are copied as they are (a leaf written before an event was
altered keeps the evidence of it), and the events the follower had not reached yet get their
leaves now, from the bytes stored. `records_0002` then drops `audit_leaves`; `upgrade_stores`
runs this branch first.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from alembic import op

from dealtrail.domain.audit.canonical import LoggedEvent
from dealtrail.infrastructure.leaves import leaves_table
from dealtrail.infrastructure.store_format import EVENTS

revision = "events_0002"
down_revision = "events_0001"
branch_labels = None
depends_on = None

OLD_LEAVES = "audit_leaves"
PAGE = 1000


def upgrade() -> None:
    bind = op.get_bind()
    dialect = bind.dialect.name
    leaves = leaves_table(dialect)
    leaves.create(bind, checkfirst=True)
    events_table, position_column = EVENTS[dialect]
    if not sa.inspect(bind).has_table(events_table):
        return  # a new store: the recorders write every leaf
    for page in _pages(_old_leaves(bind)):
        bind.execute(sa.insert(leaves), page)
    last = bind.execute(
        sa.select(sa.func.max(leaves.c.leaf_index), sa.func.max(leaves.c.position))
    ).one()
    index, after = (last[0] + 1, last[1]) if last[0] is not None else (0, None)
    rows = bind.exec_driver_sql(
        f"SELECT {position_column}, originator_id, originator_version, topic, state "  # noqa: S608
        f"FROM {events_table}"
        + ("" if after is None else f" WHERE {position_column} > {int(after)}")
        + f" ORDER BY {position_column}"
    )
    for page in _pages(_leaf(row) for row in rows):
        for row in page:
            row["leaf_index"] = index
            index += 1
        bind.execute(sa.insert(leaves), page)


def _old_leaves(bind: sa.Connection) -> Iterator[dict[str, Any]]:
    """The leaves the audit follower appended before this revision, if the store has any."""
    columns = "SELECT leaf_index, position, leaf_hash FROM audit_leaves ORDER BY leaf_index"
    if bind.dialect.name != "sqlite":
        if sa.inspect(bind).has_table(OLD_LEAVES):
            yield from (row._asdict() for row in bind.execute(sa.text(columns)))
        return
    # On SQLite they were in the other database file, beside the views.
    events_file = bind.engine.url.database
    records_file = Path(events_file or "").with_name("dealtrail.sqlite3")
    if not events_file or not records_file.exists():
        return
    records = sqlite3.connect(f"file:{records_file}?mode=ro", uri=True)
    try:
        found = records.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (OLD_LEAVES,)
        ).fetchone()
        if found:
            for leaf_index, position, leaf_hash in records.execute(columns):
                yield {"leaf_index": leaf_index, "position": position, "leaf_hash": leaf_hash}
    finally:
        records.close()


def _leaf(row: Any) -> dict[str, Any]:
    position, originator_id, version, topic, state = row
    event = LoggedEvent(
        position,
        originator_id if isinstance(originator_id, UUID) else UUID(originator_id),
        version,
        topic,
        bytes(state),
    )
    return {"position": position, "leaf_hash": event.leaf_hash().hex()}


def _pages(rows: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    page: list[dict[str, Any]] = []
    for row in rows:
        page.append(row)
        if len(page) == PAGE:
            yield page
            page = []
    if page:
        yield page
