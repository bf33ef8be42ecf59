"""How the ledger loads a record: its latest snapshot and the events after it, in one read of the
store (the library reads them in two, each with its own transaction and pooled connection), and
the keys of the data subjects they seal in one look-up (not one a sealed value)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from typing import Any, Protocol, cast
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, ProjectorFunction, Repository
from eventsourcing.persistence import StoredEvent

from dealtrail.application.vault import SubjectVault, keys_held


class LatestReader(Protocol):
    """Implemented by the application recorder."""

    def select_latest(
        self, snapshots: Any, originator_id: UUID, lte: int | None
    ) -> tuple[StoredEvent | None, Sequence[StoredEvent]]:
        """The record's latest snapshot (in the `snapshots` recorder's table) at or before
        version `lte`, if it has one, and its events after that snapshot up to `lte`: read
        together, in one transaction on one connection."""
        ...


class OneReadRepository(Repository[UUID]):
    """eventsourcing's repository, reading a record's snapshot and events together."""

    vault: SubjectVault | None = None  # set by the ledger

    def _reconstruct_aggregate(
        self, aggregate_id: UUID, version: int | None, projector_func: ProjectorFunction[Any, Any]
    ) -> Any:
        if self.snapshot_store is None:
            return super()._reconstruct_aggregate(aggregate_id, version, projector_func)
        reader = cast(LatestReader, self.event_store.recorder)
        snapshot, events = reader.select_latest(self.snapshot_store.recorder, aggregate_id, version)
        snapshots = [] if snapshot is None else [snapshot]
        mapper = self.event_store.mapper
        with keys_held(self.vault, mapper, (stored.state for stored in chain(snapshots, events))):
            aggregate = projector_func(
                None,
                chain(
                    map(self.snapshot_store.mapper.to_domain_event, snapshots),
                    map(mapper.to_domain_event, events),
                ),
            )
        if aggregate is None:
            msg = f"Aggregate {aggregate_id!r} version {version!r} not found."
            raise AggregateNotFoundError(msg)
        return aggregate
