"""The PostgreSQL event recorder: events, tracking and idempotency keys in one transaction."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent
from eventsourcing.postgres import PostgresDatastore, PostgresProcessRecorder
from psycopg import Cursor
from psycopg.rows import DictRow
from psycopg.sql import SQL, Identifier

from dealtrail.application.idempotency import IdempotencyRecord
from dealtrail.infrastructure.idempotency_table import COLUMNS, record_from_row, record_params


class PostgresLedgerRecorder(PostgresProcessRecorder):
    def __init__(self, datastore: PostgresDatastore, *, events_table_name: str = "stored_events"):
        super().__init__(
            datastore,
            events_table_name=events_table_name,
            tracking_table_name=f"{events_table_name}_tracking",
        )
        self.idempotency_table = Identifier(datastore.schema, f"{events_table_name}_idempotency")
        self.events_table = Identifier(datastore.schema, events_table_name)
        self.sql_create_statements.append(
            SQL(
                "CREATE TABLE IF NOT EXISTS {} ("
                "scope text NOT NULL, key text NOT NULL, fingerprint text NOT NULL, "
                "originator_id text NOT NULL, originator_version bigint NOT NULL, "
                "PRIMARY KEY (scope, key))"
            ).format(self.idempotency_table)
        )

    def _insert_events(
        self, curs: Cursor[DictRow], stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> None:
        super()._insert_events(curs, stored_events, **kwargs)
        record: IdempotencyRecord | None = kwargs.get("idempotency")
        if record is not None:
            curs.execute(
                SQL("INSERT INTO {} (" + COLUMNS + ") VALUES (%s,%s,%s,%s,%s)").format(
                    self.idempotency_table
                ),
                record_params(record),
            )

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
