"""The base of every dealtrail aggregate: each event it triggers carries the current metadata."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Self
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate, CanInitAggregate, CanMutateAggregate

from dealtrail.domain.metadata import EventMetadata, current_metadata
from dealtrail.domain.unique_key import UniqueKey


class Recorded(Aggregate):
    """An aggregate whose events say who recorded them, when they took effect and why."""

    class Event(Aggregate.Event):
        meta: dict[str, Any] | None

    class Created(Event, Aggregate.Created):
        pass

    @classmethod
    def _create(
        cls,
        event_class: type[CanInitAggregate[Any]],
        *,
        id: Any = None,
        **kwargs: Any,
    ) -> Self:
        kwargs["meta"] = current_metadata().as_dict()
        return super()._create(event_class, id=id, **kwargs)

    def trigger_event(self, event_class: type[CanMutateAggregate[Any]], **kwargs: Any) -> None:
        kwargs["meta"] = current_metadata().as_dict()
        super().trigger_event(event_class, **kwargs)

    def unique_keys(self) -> list[UniqueKey]:
        """The values this record holds that no other record may hold (none, unless a kind of
        record says otherwise); the ledger claims each new one as the record is saved."""
        return []

    @staticmethod
    def child_id(aggregate_id: UUID, version: int) -> str:
        """The id of the part (milestone, roadshow, financing round...) added by the event at
        `version`: derived, so a replayed command names the same part."""
        return str(uuid5(aggregate_id, f"child-{version}"))

    def _next_child_id(self) -> str:
        return self.child_id(self.id, self.version + 1)


def metadata_of(event: object) -> EventMetadata | None:
    """The metadata an event was recorded with (None for events stored without any)."""
    meta = getattr(event, "meta", None)
    return EventMetadata.from_dict(meta) if meta else None


def effective_time(event: Any) -> datetime:
    """When an event took effect: the time its metadata gives, else when it was recorded."""
    meta = metadata_of(event)
    return meta.effective_at if meta and meta.effective_at else event.timestamp


def effective_now() -> datetime:
    """When an event triggered now will take effect: the current command's `effective_at`, else
    now (it is recorded at once)."""
    return current_metadata().effective_at or datetime.now(UTC)
