"""Following the ledger's log into our own tables, exactly once.

Each batch of notifications and the follower's new position commit in one transaction, and the
batch starts by locking the follower's position row, so concurrent followers (several web
workers, a worker process) never apply an event twice and a crash at any instant loses nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from eventsourcing.persistence import Notification
from sqlalchemy import BigInteger, Column, Connection, Engine, String, Table, insert, select, update

from dealtrail.application.ledger import Ledger
from dealtrail.infrastructure.views.base import metadata

BATCH = 500

positions = Table(
    "projection_positions",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("position", BigInteger, nullable=False),
)


class LogFollower:
    name: str

    def __init__(self, engine: Engine, ledger: Ledger) -> None:
        self.engine = engine
        self.ledger = ledger

    def create_tables(self) -> None:
        metadata.create_all(self.engine)
        with self.engine.begin() as conn:
            if conn.execute(select(positions).where(positions.c.name == self.name)).first() is None:
                conn.execute(insert(positions).values(name=self.name, position=0))

    def position(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(
                select(positions.c.position).where(positions.c.name == self.name)
            ).scalar_one()

    def catch_up(self) -> int:
        """Applies every event recorded since the last catch-up; returns the new position."""
        head = self.ledger.recorder.max_notification_id() or 0
        current = self.position()
        if current >= head:
            return current
        while True:
            with self.engine.begin() as conn:
                conn.execute(  # takes the write lock first: one catch-up at a time
                    update(positions)
                    .where(positions.c.name == self.name)
                    .values(position=positions.c.position)
                )
                start = conn.execute(
                    select(positions.c.position).where(positions.c.name == self.name)
                ).scalar_one()
                notifications = self.ledger.recorder.select_notifications(
                    start=start, limit=BATCH, inclusive_of_start=False
                )
                if not notifications:
                    return start
                self.apply(conn, notifications)
                conn.execute(
                    update(positions)
                    .where(positions.c.name == self.name)
                    .values(position=notifications[-1].id)
                )

    def reset(self, conn: Connection) -> None:
        conn.execute(update(positions).where(positions.c.name == self.name).values(position=0))

    def apply(self, conn: Connection, notifications: Sequence[Notification]) -> None:
        raise NotImplementedError
