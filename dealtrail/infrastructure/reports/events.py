"""Per trading event: what was exhibited, pitched and signed there (counts kept by its view)."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from sqlalchemy import Connection, select

from dealtrail.domain.trading_event import EventCounts
from dealtrail.infrastructure.views.trading_events import trading_events

COUNTS = [f.name for f in fields(EventCounts)]


def trading_event_counts(conn: Connection) -> dict[str, Any]:
    """One row per trading event, latest first; `international_countries` is the number of
    distinct countries or regions the international projects were presented from."""
    e = trading_events.c
    query = select(
        e.id.label("event_id"),
        e.name,
        e.city,
        e.country,
        e.starts_on,
        e.ends_on,
        *(e[name] for name in COUNTS),
    ).order_by(e.starts_on.desc(), e.seq)
    return {"rows": [dict(r) for r in conn.execute(query).mappings()]}
