"""Reads the stored leaves of a range of log positions in one query: what the event feed serves
beside each event, so a client can check the event against the leaf written with it."""

from __future__ import annotations

from sqlalchemy import Engine, select

from dealtrail.infrastructure.leaves import leaves_table


class SqlStoredLeaves:
    def __init__(self, events_engine: Engine) -> None:
        self.engine = events_engine
        self.table = leaves_table(events_engine.dialect.name)

    def leaf_hashes(self, first: int, last: int) -> dict[int, bytes]:
        column = self.table.c.position
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(column, self.table.c.leaf_hash).where(column.between(first, last))
            ).all()
        return {row.position: bytes.fromhex(row.leaf_hash) for row in rows}
