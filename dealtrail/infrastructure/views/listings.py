"""Listings view: filter by state, board, centre, company and code or company name; funds raised.

Funds raised are kept one row per listing and currency, in exact text and in the currency's minor
unit, with the number of rounds, so a report can group listings by state or board and sum what
they raised in SQL. `applied_on` is the UTC day the application was recorded. The shareholder
register is kept one row per holder; `total_shares` is null when no register is kept (not listed
yet, or listed before registers were). The company's and the centre's names are joined at read
time from the parties view, so a list names whose listing each row is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import UTC
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Date,
    Integer,
    RowMapping,
    String,
    or_,
    select,
)

from dealtrail.application.ports.views import LISTING_SORT_KEYS, ListingQuery
from dealtrail.domain.equity_listing import EquityListing
from dealtrail.domain.share_register import listed_holders
from dealtrail.infrastructure.views import schema
from dealtrail.infrastructure.views.amounts import amount_values
from dealtrail.infrastructure.views.base import View, Writes, matching, sortable_text, utc
from dealtrail.infrastructure.views.party_names import name_of, with_names
from dealtrail.infrastructure.views.party_tables import parties
from dealtrail.infrastructure.views.sorting import Sorting, owned

listings = schema.record_table(
    "catalogue_listings",
    schema.enum("status"),
    schema.enum("board"),
    Column("centre_id", String(36), nullable=False, index=True),
    Column("company_id", String(36), nullable=False, index=True),
    Column("listing_code", sortable_text(12)),
    Column("listed_on", Date),
    Column("applied_on", Date, nullable=False, index=True),
    Column("rounds", Integer, nullable=False, comment="financing rounds closed"),
    Column("total_shares", BigInteger, comment="in the register; null: no register kept"),
    Column("register_as_of", Date),
)

listing_funds = schema.owned_table(
    "catalogue_listing_funds",
    "listing_id",
    listings,
    Column("currency", String(3), primary_key=True),
    Column("rounds", Integer, nullable=False, comment="financing rounds in this currency"),
    *schema.amount(),
)

listing_holders = schema.owned_table(
    "catalogue_listing_holders",
    "listing_id",
    listings,
    Column("party_id", String(36), primary_key=True),
    Column("shares", BigInteger, nullable=False),
)


class ListingsView(View):
    kind = EquityListing
    tables = (listing_holders, listing_funds, listings)
    version = 6  # v3: sorting; v4: sort keys indexed with seq; v5: the shareholder register;
    # v6: rounds per currency
    sorting = Sorting(listings, LISTING_SORT_KEYS.keys, indexed=("status", "board"))

    def write(self, writes: Writes, aggregate: EquityListing, seq: int) -> None:
        writes.record(
            listings,
            aggregate,
            seq,
            status=str(aggregate.status),
            board=str(aggregate.board),
            centre_id=aggregate.centre_id,
            company_id=aggregate.company_id,
            listing_code=aggregate.listing_code,
            listed_on=aggregate.listed_on,
            applied_on=aggregate.created_on.astimezone(UTC).date(),
            rounds=len(aggregate.financing_rounds),
            total_shares=aggregate.total_shares(),
            register_as_of=aggregate.register_as_of,
        )
        rounds = Counter(r.amount.currency for r in aggregate.financing_rounds.values())
        funds = [
            {"currency": m.currency, "rounds": rounds[m.currency], **amount_values(m)}
            for m in aggregate.funds_raised()
        ]
        writes.replace(listing_funds, "listing_id", str(aggregate.id), funds)
        holders = [
            {"party_id": h.party_id, "shares": h.shares}
            for h in listed_holders(aggregate.share_register or {})
        ]
        writes.replace(listing_holders, "listing_id", str(aggregate.id), holders)

    def search(self, query: ListingQuery) -> dict[str, Any]:
        q = query.q
        company, centre = parties.alias("company"), parties.alias("centre")
        named = select(
            listings, company.c.name.label("company_name"), centre.c.name.label("centre_name")
        ).select_from(
            listings.outerjoin(company, company.c.id == listings.c.company_id).outerjoin(
                centre, centre.c.id == listings.c.centre_id
            )
        )
        statement = matching(
            with_names(with_names(named, company, "company"), centre, "centre"),
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
        return self.sorting.search(self.engine, statement, query, _items)


def _items(conn: Connection, rows: Sequence[RowMapping]) -> list[dict[str, Any]]:
    h = listing_holders.c
    funds = owned(conn, listing_funds.c.listing_id, rows, listing_funds.c.currency)
    holders = owned(conn, h.listing_id, rows, h.shares.desc(), h.party_id)
    return [
        {
            **{c.name: r[c.name] for c in listings.columns},
            "company_name": name_of(r, "company_name", "company"),
            "centre_name": name_of(r, "centre_name", "centre"),
            "modified_at": utc(r["modified_at"]),
            "funds_raised": [{k: f[k] for k in ("amount", "currency")} for f in funds[r["id"]]],
            "register": _register(r, holders[r["id"]]),
        }
        for r in rows
    ]


def _register(row: RowMapping, holders: list[RowMapping]) -> dict[str, Any] | None:
    if row["total_shares"] is None:
        return None
    shares = [{"party_id": h["party_id"], "shares": h["shares"]} for h in holders]
    return {"holders": shares, "total_shares": row["total_shares"], "as_of": row["register_as_of"]}
