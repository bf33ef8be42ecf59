"""Listings view: filter by state, board, centre, company and code or company name; funds raised.

Funds raised are kept one row per listing and currency, in exact text and in the currency's minor
unit, so a report can group listings by state and sum what they raised in SQL. `applied_on` is
the UTC day the application was recorded. The shareholder register is kept one row per holder;
`total_shares` is null when no register is kept (not listed yet, or listed before registers were).
"""

from __future__ import annotations

from datetime import UTC
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Table,
    or_,
    select,
)

from dealtrail.application.ports.views import ListingQuery
from dealtrail.domain.equity_listing import EquityListing
from dealtrail.domain.share_register import listed_holders
from dealtrail.infrastructure.views.amounts import minor_units
from dealtrail.infrastructure.views.base import (
    View,
    Writes,
    matching,
    metadata,
    record_columns,
    sortable_text,
    utc,
)
from dealtrail.infrastructure.views.parties import parties
from dealtrail.infrastructure.views.sorting import Sorting

listings = Table(
    "catalogue_listings",
    metadata,
    *record_columns(),
    Column("status", sortable_text(40), nullable=False),
    Column("board", sortable_text(40), nullable=False),
    Column("centre_id", String(36), nullable=False, index=True),
    Column("company_id", String(36), nullable=False, index=True),
    Column("listing_code", sortable_text(12)),
    Column("listed_on", Date),
    Column("applied_on", Date, nullable=False, index=True),
    Column("rounds", Integer, nullable=False, comment="financing rounds closed"),
    Column("total_shares", BigInteger, comment="in the register; null: no register kept"),
    Column("register_as_of", Date),
    Column("modified_at", DateTime(timezone=True), nullable=False),
)

listing_funds = Table(
    "catalogue_listing_funds",
    metadata,
    Column("listing_id", ForeignKey("catalogue_listings.id"), primary_key=True),
    Column("currency", String(3), primary_key=True),
    Column("amount", String(40), nullable=False, comment="exact decimal"),
    Column("amount_minor", BigInteger, nullable=False, comment="in minor units, for sums"),
)

listing_holders = Table(
    "catalogue_listing_holders",
    metadata,
    Column("listing_id", ForeignKey("catalogue_listings.id"), primary_key=True),
    Column("party_id", String(36), primary_key=True),
    Column("shares", BigInteger, nullable=False),
)


class ListingsView(View):
    kind = EquityListing
    tables = (listing_holders, listing_funds, listings)
    version = 5  # v3: sorting; v4: sort keys indexed with seq; v5: the shareholder register
    sorting = Sorting(
        listings,
        indexed=("status", "board"),
        status="status",
        board="board",
        listing_code="listing_code",
        listed_on="listed_on",
        rounds="rounds",
        modified_at="modified_at",
    )

    def write(self, writes: Writes, aggregate: EquityListing, seq: int) -> None:
        listing_id = str(aggregate.id)
        writes.upsert(
            listings,
            {
                "id": listing_id,
                "seq": seq,
                "version": aggregate.version,
                "status": str(aggregate.status),
                "board": str(aggregate.board),
                "centre_id": aggregate.centre_id,
                "company_id": aggregate.company_id,
                "listing_code": aggregate.listing_code,
                "listed_on": aggregate.listed_on,
                "applied_on": aggregate.created_on.astimezone(UTC).date(),
                "rounds": len(aggregate.financing_rounds),
                "total_shares": aggregate.total_shares(),
                "register_as_of": aggregate.register_as_of,
                "modified_at": aggregate.modified_on,
            },
        )
        funds = [
            {"currency": m.currency, "amount": str(m.amount), "amount_minor": minor_units(m)}
            for m in aggregate.funds_raised()
        ]
        writes.replace(listing_funds, "listing_id", listing_id, funds)
        holders = [
            {"party_id": h.party_id, "shares": h.shares}
            for h in listed_holders(aggregate.share_register or {})
        ]
        writes.replace(listing_holders, "listing_id", listing_id, holders)

    def search(self, query: ListingQuery) -> dict[str, Any]:
        q = query.q
        statement = matching(
            select(listings),
            (listings.c.status, query.status),
            (listings.c.board, query.board),
            (listings.c.centre_id, query.centre),
            (listings.c.company_id, query.company),
        )
        if q:
            named = select(parties.c.id).where(parties.c.name.icontains(q, autoescape=True))
            statement = statement.where(
                or_(
                    listings.c.listing_code.icontains(q, autoescape=True),
                    listings.c.company_id.in_(named),
                )
            )
        order = self.sorting.order(query.sort, query.after)
        with self.engine.connect() as conn:
            rows = conn.execute(self.sorting.select(statement, order, query.limit)).mappings().all()
            ids = [r["id"] for r in rows]
            funds: dict[str, list[dict[str, str]]] = {i: [] for i in ids}
            for f in conn.execute(
                select(listing_funds)
                .where(listing_funds.c.listing_id.in_(ids))
                .order_by(listing_funds.c.currency)
            ).mappings():
                funds[f["listing_id"]].append({"amount": f["amount"], "currency": f["currency"]})
            holders: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
            for h in conn.execute(
                select(listing_holders)
                .where(listing_holders.c.listing_id.in_(ids))
                .order_by(listing_holders.c.shares.desc(), listing_holders.c.party_id)
            ).mappings():
                holders[h["listing_id"]].append({"party_id": h["party_id"], "shares": h["shares"]})
        items = [
            {
                **r,
                "modified_at": utc(r["modified_at"]),
                "funds_raised": funds[r["id"]],
                "register": _register(r, holders[r["id"]]),
            }
            for r in rows
        ]
        return self.sorting.page(order, list(rows), items, query.limit)


def _register(row: Any, holders: list[dict[str, Any]]) -> dict[str, Any] | None:
    if row["total_shares"] is None:
        return None
    return {"holders": holders, "total_shares": row["total_shares"], "as_of": row["register_as_of"]}
