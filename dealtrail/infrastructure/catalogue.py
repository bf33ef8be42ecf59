"""The catalogue: the list views, kept in step with the log by a follower."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar
from uuid import UUID

from eventsourcing.persistence import Notification
from sqlalchemy import Connection, Engine, delete

from dealtrail.application.ledger import Ledger
from dealtrail.infrastructure.follower import LogFollower
from dealtrail.infrastructure.views.base import View

V = TypeVar("V", bound=View)


class Catalogue(LogFollower):
    name = "catalogue"

    def __init__(
        self, engine: Engine, ledger: Ledger, views: list[View], *, inline: bool = True
    ) -> None:
        super().__init__(engine, ledger)
        self.views = {type(v): v for v in views}
        self.by_kind = {v.kind: v for v in views}
        self.inline = inline

    def view(self, cls: type[V]) -> V:
        """The view, caught up with the log first when catching up inline."""
        if self.inline:
            self.catch_up()
        return self.views[cls]  # type: ignore[return-value]

    def rebuild(self) -> int:
        """Empties every view and replays the whole log into them."""
        with self.engine.begin() as conn:
            for view in self.views.values():
                for table in view.tables:
                    conn.execute(delete(table))
            self.reset(conn)
        return self.catch_up()

    def apply(self, conn: Connection, notifications: Sequence[Notification]) -> None:
        """Each aggregate touched by the batch is written once, from its latest state."""
        latest: dict[UUID, tuple[int, int]] = {}
        for n in notifications:
            first_seq = latest.get(n.originator_id, (n.id, 0))[0]
            latest[n.originator_id] = (first_seq, n.originator_version)
        for aggregate_id, (seq, version) in latest.items():
            aggregate = self.ledger.repository.get(aggregate_id, version=version)
            view = self.by_kind.get(type(aggregate))
            if view is not None:
                view.write(conn, aggregate, seq)
