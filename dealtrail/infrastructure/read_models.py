"""The read models: every list view, kept in step with the log by one follower."""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, TypeVar
from uuid import UUID

from eventsourcing.persistence import Notification, OperationalError
from sqlalchemy import Column, Connection, Engine, Integer, String, Table, delete, insert, select
from sqlalchemy.exc import OperationalError as SqlOperationalError

from dealtrail.application.followers import VIEWS
from dealtrail.application.ledger import Ledger
from dealtrail.application.vault import keys_held
from dealtrail.infrastructure.follower import LogFollower
from dealtrail.infrastructure.views.base import View, Writes, metadata

V = TypeVar("V", bound=View)
CARRIED = 2_000  # aggregates carried between batches of one catch-up, at most

logger = logging.getLogger(__name__)

schema_versions = Table(
    "catalogue_schema_versions",
    metadata,
    Column("view", String(100), primary_key=True),
    Column("version", Integer, nullable=False),
)


def _key(view: View) -> str:
    return type(view).__name__


class ReadModels(LogFollower):
    name = VIEWS  # "catalogue": what operators and its stored position know it by

    def __init__(
        self, engine: Engine, ledger: Ledger, views: list[View], *, inline: bool = True
    ) -> None:
        super().__init__(engine, ledger)
        self.views = {type(v): v for v in views}
        self.by_kind: dict[type, list[View]] = {}
        for view in views:
            self.by_kind.setdefault(view.kind, []).append(view)
        self.inline = inline
        self._local = threading.local()  # what a catch-up carries, per thread

    def create_tables(self) -> None:
        """Creates missing tables. When the views' schema versions differ from those the store
        was built with (a view changed, or one was added), every view is dropped and rebuilt
        from the log: read models are rebuilt, never patched by hand."""
        metadata.create_all(self.engine, tables=[schema_versions])
        current = {_key(v): v.version for v in self.views.values()}
        with self.engine.begin() as conn:
            stored = {row.view: row.version for row in conn.execute(select(schema_versions))}
            if stored and stored != current:
                logger.warning("views schema changed (%s -> %s): rebuilding", stored, current)
                for view in self.views.values():
                    metadata.drop_all(conn, tables=list(view.tables))
                self.reset(conn)
            if stored != current:
                conn.execute(delete(schema_versions))
                conn.execute(
                    insert(schema_versions), [{"view": k, "version": v} for k, v in current.items()]
                )
        super().create_tables()

    def view(self, cls: type[V]) -> V:
        """The view, caught up with the log first when catching up inline. If the store cannot
        take the catch-up (read-only or full, or its lock not granted in time) the view is read
        as it stands, as when the followers run elsewhere; a read that must reflect a command
        sends Dealtrail-Min-Position."""
        if self.inline:
            try:
                self.catch_up()
            except (OperationalError, SqlOperationalError) as error:
                logger.warning("views catch-up failed, views read as they stand: %s", error)
        return self.views[cls]  # type: ignore[return-value]

    def rebuild(self, progress: Callable[[int], None] | None = None) -> int:
        """Empties every view and replays the whole log into them."""
        with self.engine.begin() as conn:
            for view in self.views.values():
                for table in view.tables:
                    conn.execute(delete(table))
            self.reset(conn)
        return self.catch_up(progress)

    def catch_up(self, progress: Callable[[int], None] | None = None) -> int:
        """As the follower does, carrying the aggregates it writes from one batch to the next:
        a later batch applies only its own events to them instead of reloading each from the
        store. They are carried for this catch-up only, so nothing read here outlives it (a
        name erased meanwhile is not kept in memory)."""
        self._local.carried = OrderedDict()
        try:
            return super().catch_up(progress)
        finally:
            self._local.carried = OrderedDict()

    def apply(self, conn: Connection, notifications: Sequence[Notification]) -> None:
        """Each aggregate touched by the batch is written once, from its state after its last
        event in the batch: the batch's own events (each decoded once) applied to it."""
        touched: dict[UUID, list[Any]] = {}
        created: dict[UUID, int] = {}  # the first position of each in the batch
        for notification, event in zip(notifications, self._decoded(notifications), strict=True):
            touched.setdefault(notification.originator_id, []).append(event)
            created.setdefault(notification.originator_id, notification.id)
        new = frozenset(str(k) for k, e in touched.items() if e[0].originator_version == 1)
        writes = Writes(new)
        for aggregate_id, events in touched.items():
            aggregate = self._advanced(aggregate_id, events)
            for view in self.by_kind.get(type(aggregate), ()):
                view.write(writes, aggregate, created[aggregate_id])
        writes.flush(conn)

    def _decoded(self, notifications: Sequence[Notification]) -> list[Any]:
        """The batch's domain events, the keys of the subjects they seal read in one look-up."""
        mapper = self.ledger.mapper
        with keys_held(self.ledger.vault, mapper, (n.state for n in notifications)):
            return [mapper.to_domain_event(n) for n in notifications]

    def _advanced(self, aggregate_id: UUID, events: list[Any]) -> Any:
        """The aggregate as of the last of `events`, its events in this batch, applied to it as
        it was just before the first: carried from an earlier batch, nothing if the first
        creates it, else loaded from the store (up to that version: snapshot and events)."""
        carried: OrderedDict[UUID, Any] = getattr(self._local, "carried", OrderedDict())
        aggregate = carried.pop(aggregate_id, None)
        first = events[0].originator_version
        if aggregate is None or aggregate.version + 1 != first:
            repository = self.ledger.repository
            aggregate = None if first == 1 else repository.get(aggregate_id, version=first - 1)
        for event in events:
            aggregate = event.mutate(aggregate)
        carried[aggregate_id] = aggregate
        if len(carried) > CARRIED:
            carried.popitem(last=False)  # the least recently written
        return aggregate
