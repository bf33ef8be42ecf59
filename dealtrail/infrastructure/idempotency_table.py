"""The idempotency table both event recorders keep beside the events, in the same transaction
(created and changed by the migrations' `events` branch)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from dealtrail.application.idempotency import IdempotencyRecord

COLUMNS = "scope, key, fingerprint, originator_id, originator_version"


def record_params(record: IdempotencyRecord) -> tuple[str, str, str, str, int]:
    return (
        record.scope,
        record.key,
        record.fingerprint,
        record.originator_id.hex,
        record.originator_version,
    )


def record_from_row(row: Any) -> IdempotencyRecord:
    return IdempotencyRecord(
        scope=row["scope"],
        key=row["key"],
        fingerprint=row["fingerprint"],
        originator_id=UUID(row["originator_id"]),
        originator_version=row["originator_version"],
    )


# `rekey`: the key renamed in every scope where the new one is free; what is left is dropped
REKEY = (
    "UPDATE {table} SET key={p} WHERE key={p} AND NOT EXISTS "
    "(SELECT 1 FROM {table} AS t WHERE t.scope={table}.scope AND t.key={p})"
)
DROP_KEY = "DELETE FROM {table} WHERE key={p}"
