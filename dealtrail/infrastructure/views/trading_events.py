"""Trading events view: conferences with the counts dashboards report, by place, host and name."""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import Any

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Integer,
    String,
    Table,
    select,
)

from dealtrail.application.ports.views import TradingEventQuery
from dealtrail.domain.trading_event import EventCounts, TradingEvent
from dealtrail.infrastructure.views.base import (
    View,
    Writes,
    metadata,
    record_columns,
    sort_key,
    sortable_text,
    utc,
)
from dealtrail.infrastructure.views.sorting import Sorting

COUNTS = [f.name for f in fields(EventCounts)]

trading_events = Table(
    "catalogue_trading_events",
    metadata,
    *record_columns(),
    Column("name", String(300), nullable=False),
    Column("name_key", sortable_text(300), nullable=False, comment="sort by name"),
    Column("city", String(300), nullable=False),
    Column("country", sortable_text(2), nullable=False),
    Column("host_party_id", String(36), nullable=False, index=True),
    Column("starts_on", Date, nullable=False),
    Column("ends_on", Date, nullable=False),
    *(Column(name, Integer, nullable=False) for name in COUNTS),
    Column("modified_at", DateTime(timezone=True), nullable=False),
)


class TradingEventsView(View):
    kind = TradingEvent
    tables = (trading_events,)
    version = 4  # v2: sorting; v3: accent-blind name key; v4: international by event country
    sorting = Sorting(
        trading_events,
        indexed=("country",),
        name="name_key",
        country="country",
        starts_on="starts_on",
        ends_on="ends_on",
        modified_at="modified_at",
        **{name: name for name in COUNTS},
    )

    def write(self, writes: Writes, aggregate: TradingEvent, seq: int) -> None:
        writes.upsert(
            trading_events,
            {
                "id": str(aggregate.id),
                "seq": seq,
                "version": aggregate.version,
                "name": aggregate.name,
                "name_key": sort_key(aggregate.name),
                "city": aggregate.city,
                "country": aggregate.country,
                "host_party_id": aggregate.host_party_id,
                "starts_on": aggregate.starts_on,
                "ends_on": aggregate.ends_on,
                **asdict(aggregate.counts()),
                "modified_at": aggregate.modified_on,
            },
        )

    def search(self, query: TradingEventQuery) -> dict[str, Any]:
        t = trading_events
        statement = select(t)
        if query.q:
            statement = statement.where(t.c.name.icontains(query.q, autoescape=True))
        if query.country:
            statement = statement.where(t.c.country == query.country.upper())
        if query.host_party_id:
            statement = statement.where(t.c.host_party_id == str(query.host_party_id))
        order = self.sorting.order(query.sort, query.after)
        with self.engine.connect() as conn:
            rows = conn.execute(self.sorting.select(statement, order, query.limit)).mappings().all()
        return self.sorting.page(order, list(rows), [_item(r) for r in rows], query.limit)


def _item(row: Any) -> dict[str, Any]:
    item = {k: v for k, v in row.items() if k not in COUNTS and k != "seq"}
    return {**item, "counts": {k: row[k] for k in COUNTS}, "modified_at": utc(row["modified_at"])}
