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

from dealtrail.application.sorting import CREATED
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

    def search(
        self,
        *,
        limit: int,
        sort: str = CREATED,
        after: str | None = None,
        q: str | None = None,
        country: str | None = None,
        host_party_id: Any = None,
    ) -> dict[str, Any]:
        query = select(trading_events)
        if q:
            query = query.where(trading_events.c.name.icontains(q, autoescape=True))
        if country:
            query = query.where(trading_events.c.country == country.upper())
        if host_party_id:
            query = query.where(trading_events.c.host_party_id == str(host_party_id))
        order = self.sorting.order(sort, after)
        with self.engine.connect() as conn:
            rows = conn.execute(self.sorting.select(query, order, limit)).mappings().all()
        return self.sorting.page(order, list(rows), [_item(r) for r in rows], limit)


def _item(row: Any) -> dict[str, Any]:
    item = {k: v for k, v in row.items() if k not in COUNTS and k != "seq"}
    return {**item, "counts": {k: row[k] for k in COUNTS}, "modified_at": utc(row["modified_at"])}
