"""The SQLite event recorder: events, their audit leaves, policy tracking and idempotency records
in one transaction."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent
from eventsourcing.sqlite import (
    SQLiteAggregateRecorder,
    SQLiteConnection,
    SQLiteCursor,
    SQLiteFactory,
    SQLiteProcessRecorder,
)

from dealtrail.application.idempotency import IdempotencyRecord
from dealtrail.infrastructure.idempotency_table import (
    COLUMNS,
    DROP_KEY,
    REKEY,
    record_from_row,
    record_params,
)
from dealtrail.infrastructure.leaves import SQLITE_APPEND, leaf_hashes
from dealtrail.infrastructure.sqlite_datastore import ReopeningDatastore

TABLE = "dealtrail_idempotency"  # in events.sqlite3, beside the events


class SQLiteLedgerRecorder(SQLiteProcessRecorder):
    """The idempotency and leaves tables are created (and changed) by the stores' migrations,
    not here."""

    def _insert_events(
        self, c: SQLiteCursor, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        positions = super()._insert_events(c, stored_events, **kwargs)
        record: IdempotencyRecord | None = kwargs.get("idempotency")
        if record is not None:
            c.execute(f"INSERT INTO {TABLE} ({COLUMNS}) VALUES (?,?,?,?,?)", record_params(record))
        if stored_events:
            assert positions is not None  # the application recorder returns the rowids
            hashes = leaf_hashes(stored_events, positions, kwargs)
            c.executemany(SQLITE_APPEND, list(zip(positions, hashes, strict=True)))
        return positions

    def select_latest(
        self, snapshots: SQLiteAggregateRecorder, originator_id: UUID, lte: int | None
    ) -> tuple[StoredEvent | None, list[StoredEvent]]:
        """The record's latest snapshot up to `lte` and its events after it, in one read
        transaction (the ledger's `LatestReader`)."""
        upto, params = ("", []) if lte is None else (" AND originator_version<=?", [lte])
        with self.datastore.transaction(commit=False) as c:
            c.execute(
                f"SELECT * FROM {snapshots.events_table_name} WHERE originator_id=?{upto} "
                "ORDER BY originator_version DESC LIMIT 1",
                [originator_id.hex, *params],
            )
            found = [self._stored(row) for row in c.fetchall()]
            after = found[0].originator_version if found else 0
            c.execute(
                f"SELECT * FROM {self.events_table_name} WHERE originator_id=? "
                f"AND originator_version>?{upto} ORDER BY originator_version ASC",
                [originator_id.hex, after, *params],
            )
            return (found[0] if found else None), [self._stored(row) for row in c.fetchall()]

    def _stored(self, row: Any) -> StoredEvent:
        return StoredEvent(
            originator_id=self.convert_originator_id(row["originator_id"]),
            originator_version=row["originator_version"],
            topic=row["topic"],
            state=row["state"],
        )

    def idempotency_record(self, scope: str, key: str) -> IdempotencyRecord | None:
        with self.datastore.transaction(commit=False) as c:
            c.execute(f"SELECT {COLUMNS} FROM {TABLE} WHERE scope=? AND key=?", (scope, key))
            row = c.fetchone()
        return record_from_row(row) if row else None

    def rekey(self, old: str, new: str) -> None:
        with self.datastore.get_connection(commit=True) as conn:
            scrubbing(conn)
            with conn.transaction(commit=True) as c:
                c.execute(REKEY.format(table=TABLE, p="?"), (new, old, new))
                c.execute(DROP_KEY.format(table=TABLE, p="?"), (old,))
            checkpoint(conn)

    def notification_ids(self, originator_id: UUID, gt: int, lte: int) -> dict[int, int]:
        with self.datastore.transaction(commit=False) as c:
            c.execute(
                f"SELECT originator_version, rowid FROM {self.events_table_name} "
                "WHERE originator_id=? AND originator_version>? AND originator_version<=?",
                (originator_id.hex, gt, lte),
            )
            return {row[0]: row[1] for row in c.fetchall()}


class SQLiteSnapshotRecorder(SQLiteAggregateRecorder):
    """The snapshots, which a data subject's erasure deletes (they are a cache)."""

    def delete_events(self, originator_id: UUID) -> None:
        """Deletes the record's snapshots, overwriting their bytes (secure_delete), and empties
        the write-ahead log, which would still hold them."""
        with self.datastore.get_connection(commit=True) as conn:
            scrubbing(conn)
            with conn.transaction(commit=True) as c:
                c.execute(
                    f"DELETE FROM {self.events_table_name} WHERE originator_id=?",
                    (originator_id.hex,),
                )
            checkpoint(conn)


def scrubbing(conn: SQLiteConnection) -> None:
    """What `conn` deletes or overwrites next is overwritten in the file too (secure_delete)."""
    conn._sqlite_conn.execute("PRAGMA secure_delete=ON")  # the library has no other way


def checkpoint(conn: SQLiteConnection) -> None:
    """Empties the write-ahead log, which would still hold the pages as they were."""
    conn._sqlite_conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


class LedgerSQLiteFactory(SQLiteFactory):
    """eventsourcing's SQLite module, with snapshots that can be deleted and connections
    re-opened after the files could not be written."""

    aggregate_recorder_class = SQLiteSnapshotRecorder

    def __init__(self, env: Any) -> None:
        super().__init__(env)
        self.datastore = ReopeningDatastore(self.datastore)
