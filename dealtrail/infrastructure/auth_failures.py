"""Failed authentications per client, in the store's database so every worker shares them.

A client has one row: the start of its current window and its failures in it. A failure is one
upsert (a window that is over starts again at 1); a client at the limit is refused until its
window ends. Windows over are deleted whenever a new one starts. Nothing is written for a
request that authenticates.
"""

from __future__ import annotations

import logging
import math
from datetime import UTC, datetime, timedelta

from sqlalchemy import Column, DateTime, Engine, Integer, String, Table, case, delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import OperationalError

from dealtrail.infrastructure.records import metadata

auth_failures = Table(
    "auth_failures",
    metadata,
    Column("client", String(100), primary_key=True),
    Column("window_start", DateTime(timezone=True), nullable=False, index=True),
    Column("failures", Integer, nullable=False),
)
log = logging.getLogger("dealtrail.auth")


def _utc(moment: datetime) -> datetime:
    """SQLite hands back the stored UTC times without their zone."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class SqlAuthFailures:
    def __init__(self, engine: Engine, limit: int, window_seconds: int) -> None:
        self.engine = engine
        self.limit = limit
        self.window = timedelta(seconds=window_seconds)
        dialect = postgresql if engine.dialect.name == "postgresql" else sqlite
        self._insert = dialect.insert

    def retry_after(self, client: str) -> int | None:
        if self.limit <= 0:
            return None
        query = select(auth_failures.c.window_start, auth_failures.c.failures).where(
            auth_failures.c.client == client[:100]
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        if row is None or row.failures < self.limit:
            return None
        left = (_utc(row.window_start) + self.window - datetime.now(UTC)).total_seconds()
        return math.ceil(left) if left > 0 else None

    def record(self, client: str) -> None:
        if self.limit <= 0:
            return
        now = datetime.now(UTC)
        cutoff = now - self.window
        table = auth_failures
        insert = self._insert(table).values(client=client[:100], window_start=now, failures=1)
        over = table.c.window_start <= cutoff
        upsert = insert.on_conflict_do_update(
            index_elements=[table.c.client],
            set_={
                "failures": case((over, 1), else_=table.c.failures + 1),
                "window_start": case((over, now), else_=table.c.window_start),
            },
        ).returning(table.c.failures)
        try:
            with self.engine.begin() as conn:
                failures = conn.execute(upsert).scalar_one()
                if failures == 1:  # a new window: the windows that are over go
                    conn.execute(delete(table).where(table.c.window_start <= cutoff))
        except OperationalError as error:  # e.g. the store cannot be written: still a refusal
            log.warning("failed authentication not counted: %s", type(error.orig).__name__)
