"""Keeps the catalogue views in step with the log, exactly once.

Each batch of events and the new tracking position commit in one transaction, and the batch
starts by locking the tracking row, so concurrent catch-ups (several web workers) never apply
an event twice and a crash at any instant loses nothing.
"""

from __future__ import annotations

from typing import TypeVar
from uuid import UUID

from sqlalchemy import BigInteger, Column, Engine, String, Table, delete, insert, select, update

from dealtrail.application.ledger import Ledger
from dealtrail.infrastructure.views.base import View, metadata

NAME = "catalogue"
BATCH = 500

V = TypeVar("V", bound=View)

positions = Table(
    "projection_positions",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("position", BigInteger, nullable=False),
)


class Catalogue:
    def __init__(
        self, engine: Engine, ledger: Ledger, views: list[View], *, inline: bool = True
    ) -> None:
        self.engine = engine
        self.ledger = ledger
        self.views = {type(v): v for v in views}
        self.by_kind = {v.kind: v for v in views}
        self.inline = inline

    def create_tables(self) -> None:
        metadata.create_all(self.engine)
        with self.engine.begin() as conn:
            if conn.execute(select(positions).where(positions.c.name == NAME)).first() is None:
                conn.execute(insert(positions).values(name=NAME, position=0))

    def view(self, cls: type[V]) -> V:
        """The view, caught up with the log first when catching up inline."""
        if self.inline:
            self.catch_up()
        return self.views[cls]  # type: ignore[return-value]

    def position(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(
                select(positions.c.position).where(positions.c.name == NAME)
            ).scalar_one()

    def rebuild(self) -> int:
        """Empties every view and replays the whole log into them."""
        with self.engine.begin() as conn:
            for view in self.views.values():
                for table in view.tables:
                    conn.execute(delete(table))
            conn.execute(update(positions).where(positions.c.name == NAME).values(position=0))
        return self.catch_up()

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
                    .where(positions.c.name == NAME)
                    .values(position=positions.c.position)
                )
                start = conn.execute(
                    select(positions.c.position).where(positions.c.name == NAME)
                ).scalar_one()
                notifications = self.ledger.recorder.select_notifications(
                    start=start, limit=BATCH, inclusive_of_start=False
                )
                if not notifications:
                    return start
                latest: dict[UUID, tuple[int, int]] = {}
                for n in notifications:
                    first_seq = latest.get(n.originator_id, (n.id, 0))[0]
                    latest[n.originator_id] = (first_seq, n.originator_version)
                for aggregate_id, (seq, version) in latest.items():
                    aggregate = self.ledger.repository.get(aggregate_id, version=version)
                    view = self.by_kind.get(type(aggregate))
                    if view is not None:
                        view.write(conn, aggregate, seq)
                conn.execute(
                    update(positions)
                    .where(positions.c.name == NAME)
                    .values(position=notifications[-1].id)
                )
