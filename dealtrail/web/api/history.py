"""An aggregate's events with their metadata, as auditors read them."""

from __future__ import annotations

import re
from dataclasses import asdict, fields, is_dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any
from uuid import UUID

from dealtrail.application.ledger import Ledger
from dealtrail.domain.base import Recorded, metadata_of
from dealtrail.domain.personal import Personal

_ENVELOPE = {"originator_id", "originator_version", "timestamp", "meta", "originator_topic"}


def jsonable(value: Any) -> Any:
    """Event field values as plain JSON: exact decimals as strings, dates as ISO 8601."""
    if isinstance(value, Personal):
        return str(value)
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal | UUID):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def history_page(
    ledger: Ledger, kind: type[Recorded], aggregate_id: UUID, after: int, limit: int
) -> dict[str, Any]:
    events = ledger.history(kind, aggregate_id, after, limit)
    positions = ledger.positions(aggregate_id, after, after + len(events)) if events else {}
    items = [entry(e, positions.get(e.originator_version)) for e in events]
    next_after = events[-1].originator_version if len(events) == limit else None
    return {"items": items, "next_after": next_after}


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def entry(event: Any, position: int | None) -> dict[str, Any]:
    """One event as auditors read it: what happened, to what, who recorded it, when and why."""
    meta = metadata_of(event)
    return {
        "position": position,
        "aggregate_type": _snake(type(event).__qualname__.split(".")[0]),
        "aggregate_id": str(event.originator_id),
        "version": event.originator_version,
        "type": type(event).__name__,
        "recorded_at": event.timestamp,
        "metadata": {**asdict(meta), "effective_at": jsonable(meta.effective_at)} if meta else None,
        "data": {k: jsonable(v) for k, v in vars(event).items() if k not in _ENVELOPE},
    }
