"""The audit tree's leaves, written by the event recorders in the transaction that stores the
events: no event exists without its leaf, whoever wrote it (a command, a policy, an import).

The table stands beside the events (events.sqlite3 on SQLite, the events' schema on
PostgreSQL); its rows are created by the recorders and by the `events_0002` migration only.
A leaf's index is its place in the tree; its position is the event's place in the log.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eventsourcing.persistence import StoredEvent
from sqlalchemy import BigInteger, Column, Integer, MetaData, String, Table

from dealtrail.domain.audit.canonical import LoggedEvent

SQLITE_TABLE = "dealtrail_leaves"  # in events.sqlite3, beside the events
POSTGRES_TABLE = "dealtrail_events_leaves"  # beside dealtrail_events


def leaves_table(dialect: str) -> Table:
    name = SQLITE_TABLE if dialect == "sqlite" else POSTGRES_TABLE
    return Table(
        name,
        MetaData(),
        # on SQLite the table's rowid (INTEGER, 64-bit there): one b-tree less to write a command
        Column(
            "leaf_index",
            BigInteger().with_variant(Integer, "sqlite"),
            primary_key=True,
            autoincrement=False,
        ),
        Column("position", BigInteger, nullable=False, unique=True),
        Column("leaf_hash", String(64), nullable=False),
    )


def leaf_hashes(
    stored_events: Sequence[StoredEvent], positions: Sequence[int], saving: dict[str, Any]
) -> list[str]:
    """Each event's leaf hash (hex), as recorded at `positions`; also handed back, by position,
    in the save's `leaves` dict if it passed one (the ledger's receipt, not hashed again)."""
    hashes = [
        LoggedEvent(
            position, event.originator_id, event.originator_version, event.topic, event.state
        )
        .leaf_hash()
        .hex()
        for event, position in zip(stored_events, positions, strict=True)
    ]
    receipts: dict[int, str] | None = saving.get("leaves")
    if receipts is not None:
        receipts.update(zip(positions, hashes, strict=True))
    return hashes


# The next index is read in the statement that appends: the events' write lock (SQLite's one
# writer, PostgreSQL's EXCLUSIVE lock on the events table) is held by then, so no other
# transaction can append between the read and the write.
SQLITE_APPEND = (
    f"INSERT INTO {SQLITE_TABLE} (leaf_index, position, leaf_hash) "  # noqa: S608 (constants)
    f"VALUES ((SELECT COALESCE(MAX(leaf_index), -1) + 1 FROM {SQLITE_TABLE}), ?, ?)"
)
POSTGRES_APPEND = (
    "INSERT INTO {} (leaf_index, position, leaf_hash) "
    "SELECT next.index + added.ordinality - 1, added.position, added.leaf_hash "
    "FROM (SELECT COALESCE(MAX(leaf_index), -1) + 1 AS index FROM {}) AS next, "
    "unnest(%s::bigint[], %s::text[]) WITH ORDINALITY AS added(position, leaf_hash, ordinality)"
)
