"""Per trading event: what was exhibited, pitched and signed there (counts kept by its view), and
where its international projects and partner parties come from."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from typing import Any

from sqlalchemy import Connection, case, func, select

from dealtrail.application.errors import AggregateNotFound
from dealtrail.domain.trading_event import EventCounts, TradingEvent
from dealtrail.infrastructure.views.agreements import agreement_parties
from dealtrail.infrastructure.views.party_tables import parties
from dealtrail.infrastructure.views.trading_events import (
    event_agreements,
    event_international,
    trading_events,
)

COUNTS = [f.name for f in fields(EventCounts)]
LATEST_FIRST = (trading_events.c.starts_on.desc(), trading_events.c.seq)


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
    ).order_by(*LATEST_FIRST)
    return {"rows": [dict(r) for r in conn.execute(query).mappings()]}


def trading_event_countries(
    conn: Connection, as_of: date, event_id: str | None = None
) -> dict[str, Any]:
    """Per country or region, for the event (default the latest that had started by `as_of`,
    else the latest: a planned conference would otherwise be every dashboard's empty default):
    the international projects pitched from it, and the distinct parties from it to agreements
    signed at the event (a natural person counts, by their country). Only places outside the
    event's own country are listed: the map shows where the event reached abroad. Most
    projects first, then most partners, then by code."""
    e = trading_events.c
    chosen = select(e.id, e.country)
    if event_id is None:
        started = case((e.starts_on <= as_of, 0), else_=1)
        chosen = chosen.order_by(started, *LATEST_FIRST)
    else:
        chosen = chosen.where(e.id == event_id)
    event = conn.execute(chosen.limit(1)).first()
    if event is None:
        if event_id is None:
            return {"event_id": None, "rows": []}
        raise AggregateNotFound(TradingEvent, event_id)
    event_id, home = event
    i, a, p = event_international.c, agreement_parties.c, parties.c
    pitched = select(i.country, i.projects).where(i.event_id == event_id)
    projects: dict[str, int] = {country: n for country, n in conn.execute(pitched)}
    signed = (
        select(p.country, func.count(a.party_id.distinct()))
        .select_from(
            event_agreements.join(
                agreement_parties, a.agreement_id == event_agreements.c.agreement_id
            ).join(parties, p.id == a.party_id)
        )
        .where(event_agreements.c.event_id == event_id, p.country != home)
        .group_by(p.country)
    )
    partners: dict[str, int] = {country: n for country, n in conn.execute(signed)}
    rows = [
        {
            "country": country,
            "international_projects": projects.get(country, 0),
            "partner_parties": partners.get(country, 0),
        }
        for country in projects.keys() | partners.keys()
    ]
    rows.sort(key=lambda r: (-r["international_projects"], -r["partner_parties"], r["country"]))
    return {"event_id": event_id, "rows": rows}
