"""IP transfers by asset kind, mode and status; listings by state with the funds they raised;
funds raised per board."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func, select

from dealtrail.domain.equity_listing import ListingStatus
from dealtrail.domain.transfer_terms import TransferStatus
from dealtrail.infrastructure.reports.periods import lifecycle_order
from dealtrail.infrastructure.views.amounts import from_minor
from dealtrail.infrastructure.views.ip_transfers import ip_transfers
from dealtrail.infrastructure.views.listings import listing_funds, listings


def ip_transfers_by_kind(conn: Connection) -> dict[str, Any]:
    """How many IP transfers there are of each asset kind, mode and status."""
    t = ip_transfers.c
    order = lifecycle_order(TransferStatus)
    query = select(t.asset_kind, t.mode, t.status, func.count().label("count")).group_by(
        t.asset_kind, t.mode, t.status
    )
    rows = [dict(r) for r in conn.execute(query).mappings()]
    rows.sort(key=lambda r: (r["asset_kind"], r["mode"], order[r["status"]]))
    return {"rows": rows}


def listings_by_state(conn: Connection) -> dict[str, Any]:
    """Per state: how many listings are in it and, per currency, what they raised in financing
    rounds. A state whose listings raised nothing has one row with no currency; one whose
    listings raised money in several currencies has a row per currency (with the same count)."""
    lc, fc = listings.c, listing_funds.c
    by_status = select(lc.status, func.count()).group_by(lc.status)
    counts = {status: count for status, count in conn.execute(by_status)}
    raised = conn.execute(
        select(lc.status, fc.currency, func.sum(fc.amount_minor).label("minor"))
        .select_from(listing_funds.join(listings, lc.id == fc.listing_id))
        .group_by(lc.status, fc.currency)
        .order_by(fc.currency)
    ).mappings()
    funds: dict[str, list[dict[str, Any]]] = {}
    for r in raised:
        amount = from_minor(r["minor"], r["currency"])
        funds.setdefault(r["status"], []).append(
            {"currency": r["currency"], "funds_raised": amount}
        )
    order = lifecycle_order(ListingStatus)
    rows = [
        {"status": status, "listings": counts[status], **money}
        for status in sorted(counts, key=order.__getitem__)
        for money in funds.get(status, [{"currency": None, "funds_raised": None}])
    ]
    return {"rows": rows}


def funds_raised(conn: Connection) -> dict[str, Any]:
    """Per board and currency: the listings that raised money in it in financing rounds, their
    rounds and what they raised; by board, then currency."""
    lc, fc = listings.c, listing_funds.c
    query = (
        select(
            lc.board,
            fc.currency,
            func.count().label("listings"),  # a listing has one row per currency
            func.sum(fc.rounds).label("rounds"),
            func.sum(fc.amount_minor).label("minor"),
        )
        .select_from(listing_funds.join(listings, lc.id == fc.listing_id))
        .group_by(lc.board, fc.currency)
        .order_by(lc.board, fc.currency)
    )
    rows = [
        {
            "board": r["board"],
            "currency": r["currency"],
            "listings": r["listings"],
            "rounds": int(r["rounds"]),
            "funds_raised": from_minor(r["minor"], r["currency"]),
        }
        for r in conn.execute(query).mappings()
    ]
    return {"rows": rows}
