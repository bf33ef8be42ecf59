"""The global log, in order of position, filtered: what auditors page or stream through."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from dealtrail.application.ledger import Ledger
from dealtrail.domain.base import metadata_of

PAGE = 500


@dataclass(frozen=True)
class EventFilter:
    aggregate_type: str | None = None  # e.g. "agreement" (the aggregate class, lower case)
    aggregate_id: UUID | None = None
    event_type: str | None = None  # e.g. "Signed"
    actor: str | None = None
    recorded_from: datetime | None = None
    recorded_to: datetime | None = None

    def topic_matches(self, topic: str) -> bool:
        owner, _, name = topic.rpartition(":")[2].partition(".")
        if self.aggregate_type and owner.lower() != self.aggregate_type.lower().replace("_", ""):
            return False
        return not self.event_type or name == self.event_type

    def event_matches(self, event: Any) -> bool:
        if self.aggregate_id and event.originator_id != self.aggregate_id:
            return False
        if self.recorded_from and event.timestamp < self.recorded_from:
            return False
        if self.recorded_to and event.timestamp >= self.recorded_to:
            return False
        if self.actor:
            meta = metadata_of(event)
            return meta is not None and meta.actor == self.actor
        return True


@dataclass(frozen=True)
class LoggedFact:
    position: int
    event: Any


def follow(
    ledger: Ledger, after: int, where: EventFilter
) -> Iterator[tuple[int, LoggedFact | None]]:
    """Every position after `after`, in order, with its event when it matches (else None)."""
    start = after
    while True:
        batch = ledger.recorder.select_notifications(
            start=start, limit=PAGE, inclusive_of_start=False
        )
        for notification in batch:
            fact = None
            if where.topic_matches(notification.topic):
                event = ledger.mapper.to_domain_event(notification)
                if where.event_matches(event):
                    fact = LoggedFact(notification.id, event)
            yield notification.id, fact
        if len(batch) < PAGE:
            return
        start = batch[-1].id


def read_page(
    ledger: Ledger, after: int, limit: int, where: EventFilter, scan: int = 10_000
) -> tuple[list[LoggedFact], int | None]:
    """Up to `limit` matching events after position `after`, scanning at most `scan` positions.
    Returns them and the cursor to continue from (None at the end of the log)."""
    found: list[LoggedFact] = []
    last = after
    for scanned, (position, fact) in enumerate(follow(ledger, after, where), start=1):
        last = position
        if fact is not None:
            found.append(fact)
        if len(found) == limit or scanned == scan:
            head = ledger.recorder.max_notification_id() or 0
            return found, (last if last < head else None)
    return found, None
