"""Trading events view: conferences with the counts dashboards report, by place, host and name.

Besides the counts, each event keeps where its international projects came from (a row per
country or region), who presented projects there and the agreements signed there, so a report
can map the event's reach and a map country can list exactly the parties behind it: the
agreements' parties and their countries are in the agreements and parties views.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, fields
from typing import Any

from sqlalchemy import Column, Connection, Date, Integer, RowMapping, String, select

from dealtrail.application.ports.views import TRADING_EVENT_SORT_KEYS, TradingEventQuery
from dealtrail.domain.trading_event import EventCounts, TradingEvent
from dealtrail.infrastructure.views import schema
from dealtrail.infrastructure.views.base import (
    View,
    Writes,
    matching,
    sortable_text,
    title_values,
    utc,
)
from dealtrail.infrastructure.views.sorting import Sorting

COUNTS = [f.name for f in fields(EventCounts)]

trading_events = schema.record_table(
    "catalogue_trading_events",
    *schema.title("name"),
    Column("city", String(300), nullable=False),
    schema.country("country"),
    Column("host_party_id", String(36), nullable=False, index=True),
    Column("starts_on", Date, nullable=False),
    Column("ends_on", Date, nullable=False),
    *(Column(name, Integer, nullable=False) for name in COUNTS),
)

event_international = schema.owned_table(
    "catalogue_event_international",
    "event_id",
    trading_events,
    Column("country", sortable_text(2), primary_key=True, comment="the presenters' country"),
    Column("projects", Integer, nullable=False, comment="international projects pitched"),
)

event_agreements = schema.owned_table(
    "catalogue_event_agreements",
    "event_id",
    trading_events,
    Column("agreement_id", String(36), primary_key=True, comment="signed at the event"),
)


event_presenters = schema.owned_table(
    "catalogue_event_presenters",
    "event_id",
    trading_events,
    Column("party_id", String(36), primary_key=True, index=True, comment="presented a project"),
)


class TradingEventsView(View):
    kind = TradingEvent
    tables = (event_agreements, event_international, event_presenters, trading_events)
    version = 6  # v2: sorting; v3: accent-blind name key; v4: international by event country;
    # v5: international projects by country, agreements signed; v6: presenters
    sorting = Sorting(trading_events, TRADING_EVENT_SORT_KEYS.keys, indexed=("country",))

    def write(self, writes: Writes, aggregate: TradingEvent, seq: int) -> None:
        writes.record(
            trading_events,
            aggregate,
            seq,
            **title_values(aggregate.name, "name"),
            city=aggregate.city,
            country=aggregate.country,
            host_party_id=aggregate.host_party_id,
            starts_on=aggregate.starts_on,
            ends_on=aggregate.ends_on,
            **asdict(aggregate.counts()),
        )
        event_id = str(aggregate.id)
        international = aggregate.international_by_country()
        writes.replace(
            event_international,
            "event_id",
            event_id,
            [{"country": c, "projects": n} for c, n in international.items()],
        )
        presenters = sorted({s.presenter_party_id for s in aggregate.pitches()})
        writes.replace(
            event_presenters, "event_id", event_id, [{"party_id": p} for p in presenters]
        )
        signed = [{"agreement_id": a} for a in aggregate.agreements_signed]
        writes.replace(event_agreements, "event_id", event_id, signed)

    def search(self, query: TradingEventQuery) -> dict[str, Any]:
        t = trading_events
        statement = matching(
            select(t),
            (t.c.country, query.country.upper() if query.country else None),
            (t.c.host_party_id, query.host_party_id),
        )
        if query.q:
            statement = statement.where(t.c.name.icontains(query.q, autoescape=True))
        return self.sorting.search(self.engine, statement, query, _items)


def _items(_: Connection, rows: Sequence[RowMapping]) -> list[dict[str, Any]]:
    return [
        {
            **{k: v for k, v in row.items() if k not in COUNTS and k != "seq"},
            "counts": {k: row[k] for k in COUNTS},
            "modified_at": utc(row["modified_at"]),
        }
        for row in rows
    ]
