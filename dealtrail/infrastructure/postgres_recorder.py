"""The PostgreSQL event recorder: events, their audit leaves, tracking and idempotency keys in
one transaction.

Also how the event store behaves while the server is down or restarting: LedgerPostgresFactory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import Any
from urllib.parse import parse_qsl
from uuid import UUID

from eventsourcing.persistence import InterfaceError, OperationalError, StoredEvent
from eventsourcing.postgres import (
    PostgresAggregateRecorder,
    PostgresDatastore,
    PostgresFactory,
    PostgresProcessRecorder,
)
from eventsourcing.utils import Environment, EnvType, retry
from psycopg import Connection, Cursor
from psycopg import Error as DatabaseError
from psycopg.rows import DictRow
from psycopg.sql import SQL, Composed, Identifier

from dealtrail.application.idempotency import IdempotencyRecord
from dealtrail.infrastructure.idempotency_table import (
    COLUMNS,
    DROP_KEY,
    REKEY,
    record_from_row,
    record_params,
)
from dealtrail.infrastructure.leaves import POSTGRES_APPEND, POSTGRES_TABLE, leaf_hashes

# eventsourcing tries a store call ten times when the connection fails, each attempt first
# waiting for a pooled connection: while the server is down one call then takes ~12 s, and a
# request making a few such calls outlives gunicorn's 30 s worker timeout (the worker is killed
# and the client gets no answer). One retry is enough to ride over a connection cut mid-call; a
# longer outage is the client's to wait out, after a 503 with Retry-After.
ATTEMPTS = 2
# While the server is down the pool re-dials with a growing back-off, for up to five minutes by
# default, so after a long outage it reconnects up to minutes after the server is back. Giving
# up a dial sooner lets the next request start a fresh one at once.
RECONNECT_WITHIN_SECONDS = 10.0
# The env key of the libpq parameters beyond host, port, dbname, user and password (sslmode,
# application_name, ...), which eventsourcing's factory does not read: url-encoded.
CONNECT_OPTIONS = "DEALTRAIL_POSTGRES_CONNECT_OPTIONS"


def fewer_attempts(method: Callable[..., Any]) -> Callable[..., Any]:
    """eventsourcing's own retrying method, retried at most ATTEMPTS times instead."""
    return retry((InterfaceError, OperationalError), max_attempts=ATTEMPTS, wait=0.2)(
        method.__wrapped__  # type: ignore[attr-defined]
    )


class PostgresLedgerRecorder(PostgresProcessRecorder):
    insert_events = fewer_attempts(PostgresProcessRecorder.insert_events)
    select_events = fewer_attempts(PostgresProcessRecorder.select_events)
    select_notifications = fewer_attempts(PostgresProcessRecorder.select_notifications)
    max_notification_id = fewer_attempts(PostgresProcessRecorder.max_notification_id)
    insert_tracking = fewer_attempts(PostgresProcessRecorder.insert_tracking)
    max_tracking_id = fewer_attempts(PostgresProcessRecorder.max_tracking_id)
    has_tracking_id = fewer_attempts(PostgresProcessRecorder.has_tracking_id)

    def __init__(self, datastore: PostgresDatastore, *, events_table_name: str = "stored_events"):
        super().__init__(
            datastore,
            events_table_name=events_table_name,
            tracking_table_name=f"{events_table_name}_tracking",
        )
        # created (and changed) by the stores' migrations, not here
        self.idempotency_table = Identifier(datastore.schema, f"{events_table_name}_idempotency")
        self.events_table = Identifier(datastore.schema, events_table_name)
        self.leaves_table = Identifier(datastore.schema, POSTGRES_TABLE)
        # Composed once: formatting a statement on every command costs more than running it
        insert = "INSERT INTO {} (" + COLUMNS + ") VALUES (%s,%s,%s,%s,%s)"
        self.insert_idempotency = SQL(insert).format(self.idempotency_table)
        self.append_leaves = SQL(POSTGRES_APPEND).format(self.leaves_table, self.leaves_table)
        self.latest_queries: dict[tuple[str, bool], tuple[Composed, Composed]] = {}
        if datastore.enable_db_functions:  # that path inserts the events without their leaves
            raise ValueError("dealtrail's recorder does not use PostgreSQL insert functions")

    def _insert_stored_events(
        self, curs: Cursor[DictRow], stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> None:
        """The events, then the command's idempotency record. Here rather than in _insert_events
        (which eventsourcing pipelines before this step, outside the block that turns a
        constraint violation into an IntegrityError): a key just recorded by a concurrent retry
        of the same command must be an IntegrityError, so that the ledger returns the first
        result, not an OperationalError("pipeline aborted"). Taken after the table lock, too, so
        the other transaction has committed by then. Its own cursor: `curs` has yet to hand
        back the new notification ids."""
        super()._insert_stored_events(curs, stored_events, **kwargs)
        record: IdempotencyRecord | None = kwargs.get("idempotency")
        if record is not None:
            with synced_on_error(curs.connection), curs.connection.cursor() as insert:
                insert.execute(self.insert_idempotency, record_params(record))

    def _fetch_ids_after_insert_events(
        self, curs: Cursor[DictRow], stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        """The new notification ids, and then, still under the table lock and in the same
        transaction, the events' leaves."""
        positions = super()._fetch_ids_after_insert_events(curs, stored_events, **kwargs)
        assert positions is not None
        with synced_on_error(curs.connection), curs.connection.cursor() as append:
            append.execute(
                self.append_leaves,
                (list(positions), leaf_hashes(stored_events, positions, kwargs)),
            )
        return positions

    @retry((InterfaceError, OperationalError), max_attempts=ATTEMPTS, wait=0.2)
    def select_latest(
        self, snapshots: PostgresAggregateRecorder, originator_id: UUID, lte: int | None
    ) -> tuple[StoredEvent | None, list[StoredEvent]]:
        """The record's latest snapshot up to `lte` and its events after it, on one pooled
        connection (the ledger's `LatestReader`): one connection check, not two. Like the
        library's two reads, not one snapshot of the store: the events read are all those after
        the snapshot read, whatever was written in between."""
        snapshot_query, events_query = self._latest_queries(snapshots.events_table_name, lte)
        params = [] if lte is None else [lte]
        with self.datastore.get_connection() as conn, conn.cursor() as curs:
            curs.execute(snapshot_query, [originator_id, *params], prepare=True)
            found = [_stored(row) for row in curs.fetchall()]
            after = found[0].originator_version if found else 0
            curs.execute(events_query, [originator_id, after, *params], prepare=True)
            return (found[0] if found else None), [_stored(row) for row in curs.fetchall()]

    def _latest_queries(self, snapshots_table: str, lte: int | None) -> tuple[Composed, Composed]:
        """`select_latest`'s two statements, composed once for each table and bound."""
        key = (snapshots_table, lte is None)
        if key not in self.latest_queries:
            upto = SQL("" if lte is None else " AND originator_version<=%s")
            self.latest_queries[key] = (
                SQL(
                    "SELECT * FROM {} WHERE originator_id=%s{} "
                    "ORDER BY originator_version DESC LIMIT 1"
                ).format(Identifier(self.datastore.schema, snapshots_table), upto),
                SQL(
                    "SELECT * FROM {} WHERE originator_id=%s AND originator_version>%s{} "
                    "ORDER BY originator_version ASC"
                ).format(self.events_table, upto),
            )
        return self.latest_queries[key]

    def idempotency_record(self, scope: str, key: str) -> IdempotencyRecord | None:
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(
                SQL("SELECT " + COLUMNS + " FROM {} WHERE scope=%s AND key=%s").format(
                    self.idempotency_table
                ),
                (scope, key),
            )
            row = curs.fetchone()
        return record_from_row(row) if row else None

    def rekey(self, old: str, new: str) -> None:
        table = self.idempotency_table
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(SQL(REKEY.format(table="{t}", p="%s")).format(t=table), (new, old, new))
            curs.execute(SQL(DROP_KEY.format(table="{t}", p="%s")).format(t=table), (old,))

    def notification_ids(self, originator_id: UUID, gt: int, lte: int) -> dict[int, int]:
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(
                SQL(
                    "SELECT originator_version, notification_id FROM {} WHERE originator_id=%s "
                    "AND originator_version>%s AND originator_version<=%s"
                ).format(self.events_table),
                (originator_id, gt, lte),
            )
            return {r["originator_version"]: r["notification_id"] for r in curs.fetchall()}


@contextmanager
def synced_on_error(conn: Connection[Any]) -> Iterator[None]:
    """Statements of ours in eventsourcing's pipelined insert: an error they raise (their own,
    or the events' conflict arriving meanwhile, whichever the server answered first) is raised
    after the pipeline is synced. eventsourcing syncs only after its own insert; a pipeline
    left unsynced after an error raises PipelineAborted as it exits, in place of the error (a
    lost race then read as an outage: retried, then a 503, instead of a 409)."""
    try:
        yield
    except DatabaseError:
        with suppress(DatabaseError), conn.pipeline() as pipeline:
            pipeline.sync()  # what it raises (the aborted statements) is not news
        raise


def _stored(row: DictRow) -> StoredEvent:
    return StoredEvent(
        originator_id=row["originator_id"],
        originator_version=row["originator_version"],
        topic=row["topic"],
        state=bytes(row["state"]),
    )


class PostgresSnapshotRecorder(PostgresAggregateRecorder):
    insert_events = fewer_attempts(PostgresAggregateRecorder.insert_events)
    select_events = fewer_attempts(PostgresAggregateRecorder.select_events)

    def delete_events(self, originator_id: UUID) -> None:
        """Deletes the record's snapshots (a data subject's erasure: they are a cache)."""
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(
                SQL("DELETE FROM {}.{} WHERE originator_id=%s").format(
                    Identifier(self.datastore.schema), Identifier(self.events_table_name)
                ),
                (originator_id,),
            )


class LedgerPostgresFactory(PostgresFactory):
    """eventsourcing's PostgreSQL module, with the retries and reconnection bounded above, and
    the URL's other libpq parameters (CONNECT_OPTIONS) on every pooled connection."""

    aggregate_recorder_class = PostgresSnapshotRecorder  # the snapshots

    def __init__(self, env: Environment | EnvType | None) -> None:
        super().__init__(env)
        pool = self.datastore.pool
        pool.reconnect_timeout = RECONNECT_WITHIN_SECONDS
        assert isinstance(pool.kwargs, dict)  # the datastore gives the pool its keywords
        pool.kwargs.update(parse_qsl(self.env.get(CONNECT_OPTIONS) or ""))
