"""The listings view: list filters, funds raised per currency, rows a report can group."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

from dealtrail.application.commands.listings import (
    ApplyForListing,
    CloseFinancingRound,
    DelistListing,
    SuspendListing,
)
from dealtrail.application.ports.views import ListingQuery
from dealtrail.bootstrap import Services
from dealtrail.domain.board import Board
from dealtrail.domain.financing_round import Instrument
from dealtrail.domain.money import Money
from dealtrail.domain.share_register import Holding
from dealtrail.infrastructure.views.listings import ListingsView, listing_funds, listings
from tests.integration.listing_builders import cast, listed, register

pytestmark = pytest.mark.usefixtures("staff")

CLOSED_ON = date(2026, 6, 30)


def close_round(services: Services, listing_id: Any, investor: str, amount: str, cur: str) -> None:
    close = CloseFinancingRound(
        listing_id=listing_id,
        instrument=Instrument.COMMON_EQUITY,
        amount=Money.of(amount, cur),
        investor_ids=[investor],
        closed_on=CLOSED_ON,
        shares_issued=[Holding(investor, 100_000)],
    )
    services.ledger.handle(close)


def search(services: Services, **query: Any) -> list[str]:
    found = services.read_models.view(ListingsView).search(ListingQuery(limit=10, **query))
    return [item["id"] for item in found["items"]]


def test_listings_are_found_by_state_board_centre_company_and_code_or_name(
    services: Services,
) -> None:
    robotics = cast(services)
    listed_id = listed(services, robotics)
    photonics = register(services, "Chang'an Photonics", "company")
    other_centre = register(services, "Gansu Equity Exchange", "trading_centre")
    apply = ApplyForListing(company_id=photonics, centre_id=other_centre, board=Board.GROWTH)
    applied_id = services.ledger.handle(apply).aggregate_id
    ids = {str(listed_id): "robotics", str(applied_id): "photonics"}

    def names(**query: Any) -> list[str]:
        return [ids[i] for i in search(services, **query)]

    assert names() == ["robotics", "photonics"]
    assert names(status="listed") == ["robotics"]
    assert names(status="applied", board="growth") == ["photonics"]
    assert names(board="sci_tech_innovation", centre=other_centre) == []
    assert names(centre=robotics.centre) == ["robotics"]
    assert names(company=photonics) == ["photonics"]
    assert names(q="8001") == ["robotics"]
    assert names(q="PHOTON") == ["photonics"]
    assert names(q="%") == []


def test_a_listing_shows_its_funds_raised_per_currency(services: Services) -> None:
    who = cast(services)
    listing_id = listed(services, who)
    close_round(services, listing_id, who.fund, "5000000.00", "CNY")
    close_round(services, listing_id, who.angel, "250000", "USD")
    close_round(services, listing_id, who.angel, "1000000.50", "CNY")

    [item] = services.read_models.view(ListingsView).search(ListingQuery(limit=10))["items"]

    assert item["rounds"] == 3
    assert item["funds_raised"] == [
        {"amount": "6000000.50", "currency": "CNY"},
        {"amount": "250000.00", "currency": "USD"},
    ]
    assert (item["listing_code"], item["listed_on"]) == ("800123", date(2026, 3, 2))


def test_funds_raised_can_be_summed_by_state_and_currency_in_sql(services: Services) -> None:
    first, second = cast(services), cast(services, "Chang'an Photonics")
    for who, amount in ((first, "5000000.00"), (second, "1500000.25")):
        listing_id = listed(services, who)
        close_round(services, listing_id, who.fund, amount, "CNY")
    services.ledger.handle(SuspendListing(listing_id=listing_id, reason="Annual report overdue"))
    services.read_models.catch_up()

    report = (
        select(listings.c.status, listing_funds.c.currency, func.sum(listing_funds.c.amount_minor))
        .join(listing_funds, listing_funds.c.listing_id == listings.c.id)
        .group_by(listings.c.status, listing_funds.c.currency)
        .order_by(listings.c.status)
    )
    with services.read_models.engine.connect() as conn:
        rows = [tuple(r) for r in conn.execute(report)]

    assert rows == [("listed", "CNY", 500000000), ("suspended", "CNY", 150000025)]


def test_a_rebuilt_listings_view_equals_the_incrementally_built_one(services: Services) -> None:
    who = cast(services)
    listing_id = listed(services, who)
    services.read_models.catch_up()
    close_round(services, listing_id, who.fund, "5000000.00", "CNY")
    services.ledger.handle(DelistListing(listing_id=listing_id, reason="Acquired"))
    services.read_models.catch_up()

    def rows() -> list[list[dict[str, Any]]]:
        with services.read_models.engine.connect() as conn:
            return [
                [dict(r) for r in conn.execute(select(t).order_by(*t.primary_key)).mappings()]
                for t in (listings, listing_funds)
            ]

    incremental = rows()
    services.read_models.rebuild()

    assert rows() == incremental
    assert incremental[0][0]["status"] == "delisted"


def test_pages_of_listings_follow_the_cursor(services: Services) -> None:
    who = cast(services)
    applications = [
        ApplyForListing(company_id=who.company, centre_id=who.centre, board=board)
        for board in Board
    ]
    ids = [str(services.ledger.handle(apply).aggregate_id) for apply in applications]
    view = services.read_models.view(ListingsView)

    first = view.search(ListingQuery(limit=3))
    second = view.search(ListingQuery(limit=3, after=first["next_after"]))

    assert [i["id"] for i in first["items"] + second["items"]] == ids
    assert second["next_after"] is None
