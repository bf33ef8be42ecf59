"""Who recorded an event, when it took effect and why: set once per command, stamped on every event.

The eventsourcing library stores only (id, version, topic, state), so the metadata travels inside
each event's state as its `meta` field. The entry point (API request, CLI command, policy) opens a
`recording(...)` block; every event triggered inside it carries that metadata.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time
from typing import Any
from uuid import uuid4

from dealtrail.domain.calendar import falls_on
from dealtrail.domain.errors import fail

# The time zones furthest behind and ahead of UTC: a moment falls on some day from its date at
# UTC-12 to its date at UTC+14.


@dataclass(frozen=True)
class EventMetadata:
    actor: str
    correlation_id: str
    causation_id: str | None = None
    effective_at: datetime | None = None
    comment: str | None = None
    idempotency_key: str | None = None
    corrects: int | None = None  # the log position of the event this one corrects

    def as_dict(self) -> dict[str, Any]:
        """What every event's `meta` holds: the fields in their order (so the stored bytes stay
        the same), written out rather than by `dataclasses.asdict`, which deep-copies each value
        (all immutable here) and took a tenth of a command's own time."""
        return {
            "actor": self.actor,
            "correlation_id": self.correlation_id,
            "causation_id": self.causation_id,
            "effective_at": self.effective_at.isoformat() if self.effective_at else None,
            "comment": self.comment,
            "idempotency_key": self.idempotency_key,
            "corrects": self.corrects,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EventMetadata:
        effective_at = data.get("effective_at")
        return cls(
            actor=data["actor"],
            correlation_id=data["correlation_id"],
            causation_id=data.get("causation_id"),
            effective_at=datetime.fromisoformat(effective_at) if effective_at else None,
            comment=data.get("comment"),
            idempotency_key=data.get("idempotency_key"),
            corrects=data.get("corrects"),
        )


class MetadataMissing(RuntimeError):
    """An event was triggered outside any `recording(...)` block: nobody would own it."""


_current: ContextVar[EventMetadata | None] = ContextVar("dealtrail_event_metadata", default=None)


@contextmanager
def recording(
    actor: str,
    *,
    correlation_id: str | None = None,
    causation_id: str | None = None,
    effective_at: datetime | None = None,
    comment: str | None = None,
    corrects: int | None = None,
) -> Iterator[EventMetadata]:
    """Every event triggered inside this block carries this metadata."""
    meta = EventMetadata(
        actor=actor,
        correlation_id=correlation_id or str(uuid4()),
        causation_id=causation_id,
        effective_at=effective_at,
        comment=comment,
        corrects=corrects,
    )
    token = _current.set(meta)
    try:
        yield meta
    finally:
        _current.reset(token)


@contextmanager
def with_idempotency_key(key: str | None) -> Iterator[None]:
    """Adds the command's idempotency key to the metadata of the events it triggers."""
    token = _current.set(replace(current_metadata(), idempotency_key=key))
    try:
        yield
    finally:
        _current.reset(token)


@dataclass(frozen=True)
class BusinessDate:
    """The day a command's fact happened (signed, paid, granted...), and the field giving it."""

    field: str
    day: date


@contextmanager
def effective_from(dated: BusinessDate | None) -> Iterator[None]:
    """Events recorded inside take effect on the command's business date: at the start of its
    day (UTC), or at the `effective_at` the caller gave, which must fall on that day somewhere
    on Earth (a back-dated signature counts from the day it was signed, not from a time that
    contradicts it). Refused before anything is recorded."""
    if dated is None:
        yield
        return
    meta = current_metadata()
    if meta.effective_at is not None:
        if not falls_on(meta.effective_at, dated.day):
            raise fail(
                "effective_at.not_on_business_date",
                "effective_at",
                effective_at=meta.effective_at.isoformat(),
                what=dated.field,
                on=dated.day,
            )
        yield
        return
    token = _current.set(replace(meta, effective_at=datetime.combine(dated.day, time(), UTC)))
    try:
        yield
    finally:
        _current.reset(token)


def day_of_effect() -> date:
    """The day the current command took effect, for a fact given without a date: the day its
    `effective_at` names (as written, in its own offset), else today in UTC."""
    effective_at = current_metadata().effective_at
    return effective_at.date() if effective_at is not None else datetime.now(UTC).date()


def current_metadata() -> EventMetadata:
    meta = _current.get()
    if meta is None:
        raise MetadataMissing("events can only be recorded inside a `recording(...)` block")
    return meta
