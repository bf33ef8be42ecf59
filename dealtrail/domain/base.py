"""The base of every dealtrail aggregate (each event it triggers carries the current metadata),
and of those that move through statuses (the checks their commands share)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, Self
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate, CanInitAggregate, CanMutateAggregate

from dealtrail.domain.calendar import check_on_record, is_future
from dealtrail.domain.errors import fail
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


class Lifecycle(Recorded):
    """A record that moves through statuses (its `status`): a command is refused by the status
    the record is in, and by a business date in the future. A kind of record names its error
    code for that date in the class attribute `date_in_future` (no annotation: an annotated
    aggregate class is made a dataclass)."""

    def _check_status(self, expected: StrEnum, code: str) -> None:
        """Refuses the command (`code`, naming the status) unless the record is `expected`."""
        if self.status != expected:
            raise fail(code, status=self.status)

    def _check_not_in(self, statuses: Collection[StrEnum], code: str) -> None:
        """Refuses the command (`code`, naming the status) if the record is in `statuses`."""
        if self.status in statuses:
            raise fail(code, status=self.status)

    @classmethod
    def _check_not_future(cls, day: date, field: str) -> None:
        """Refuses a business date in the future, or outside the dates on record."""
        if is_future(day):
            raise fail(cls.date_in_future, field, what=field, on=day)
        check_on_record(day, field)


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
