"""The global log, in order of position, filtered: what auditors page or stream through.

Each event comes with the leaf hash stored with it (read beside the events, one query per batch),
never one recomputed from the row served: after a row is edited around dealtrail, the row no
longer recomputes to its leaf, and whoever checks sees it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from dealtrail.application.ledger import Ledger
from dealtrail.application.ports.leaves import StoredLeaves
from dealtrail.domain.audit.canonical import LoggedEvent
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


UNREADABLE = object()  # a stored row that does not decode (altered around dealtrail?)


@dataclass(frozen=True)
class LoggedFact:
    position: int
    event: Any  # the domain event, decoded from the stored row; None if the row does not decode
    stored: LoggedEvent  # the row as stored: what a leaf hashes
    leaf_hash: bytes | None  # the leaf stored with it (None: no leaf was written with it)


class EventFeed:
    def __init__(self, ledger: Ledger, leaves: StoredLeaves) -> None:
        self.ledger = ledger
        self.leaves = leaves

    def follow(self, after: int, where: EventFilter) -> Iterator[tuple[int, LoggedFact | None]]:
        """Every position after `after`, in order, with its event when it matches (else None)."""
        start = after
        while True:
            batch = self.ledger.recorder.select_notifications(
                start=start, limit=PAGE, inclusive_of_start=False
            )
            leaves: dict[int, bytes] | None = None  # read at the batch's first match
            for notification in batch:
                fact = None
                event = self._match(notification, where)
                if event is not None:
                    if leaves is None:
                        leaves = self.leaves.leaf_hashes(notification.id, batch[-1].id)
                    stored = LoggedEvent.of(notification)
                    decoded = None if event is UNREADABLE else event
                    fact = LoggedFact(notification.id, decoded, stored, leaves.get(notification.id))
                yield notification.id, fact
            if len(batch) < PAGE:
                return
            start = batch[-1].id

    def _match(self, notification: Any, where: EventFilter) -> Any:
        """The decoded event if it matches; UNREADABLE for a row that does not decode (served
        whatever the filters on decoded fields say: an auditor looking for tampering wants it)."""
        if not where.topic_matches(notification.topic):
            return None
        if where.aggregate_id and notification.originator_id != where.aggregate_id:
            return None
        try:
            event = self.ledger.mapper.to_domain_event(notification)
        except Exception:  # any decoding failure: a topic, cipher, compression or JSON error
            return UNREADABLE
        return event if where.event_matches(event) else None

    def page(
        self, after: int, limit: int, where: EventFilter, scan: int = 10_000
    ) -> tuple[list[LoggedFact], int | None]:
        """Up to `limit` matching events after position `after`, scanning at most `scan`
        positions. Returns them and the cursor to continue from (None at the end of the log)."""
        found: list[LoggedFact] = []
        last = after
        for scanned, (position, fact) in enumerate(self.follow(after, where), start=1):
            last = position
            if fact is not None:
                found.append(fact)
            if len(found) == limit or scanned == scan:
                head = self.ledger.recorder.max_notification_id() or 0
                return found, (last if last < head else None)
        return found, None
