"""The shareholder register over HTTP: taken at listing, changed by equity rounds and transfers,
shown by the listing and the list; refused commands record nothing."""

from __future__ import annotations

import uuid
from typing import Any

from .conftest import Api
from .listing_steps import FUND_SHARES, LISTINGS, ROUND_SHARES, Listing, ok, refused

PRICE = {"amount": "12.50", "currency": "CNY"}


def listed(api: Api) -> Listing:
    listing = Listing(api)
    listing.listed()
    return listing


def register_of(listing: dict[str, Any]) -> dict[str, int]:
    return {h["party_id"]: h["shares"] for h in listing["register"]["holders"]}


def unchanged(api: Api, listing: Listing, before: dict[str, Any]) -> None:
    """The refused command recorded nothing: the same version, the same register."""
    now = ok(api.get(listing.url))
    assert (now["version"], now["register"]) == (before["version"], before["register"])


def test_a_listing_records_its_register_and_shows_it_largest_holding_first(
    staff: Api, dashboard: Api
) -> None:
    listing = Listing(staff)

    response = listing.listed()

    register = {
        "holders": [
            {"party_id": listing.company, "shares": 8_000_000},
            {"party_id": listing.fund, "shares": FUND_SHARES},
        ],
        "total_shares": 10_000_000,
        "as_of": "2026-03-02",
    }
    assert response["register"] == register
    assert ok(staff.get(listing.url))["register"] == register
    [item] = ok(dashboard.get(f"{LISTINGS}?status=listed"))["items"]
    assert item["register"] == register


def test_no_register_is_shown_before_the_listing(staff: Api, dashboard: Api) -> None:
    listing = Listing(staff)

    assert ok(staff.get(listing.url))["register"] is None
    [item] = ok(dashboard.get(LISTINGS))["items"]
    assert item["register"] is None


def test_the_register_names_registered_parties_once_each_with_positive_shares(
    staff: Api,
) -> None:
    listing = Listing(staff)
    before = listing.approved()

    def admit(holders: Any) -> Any:
        body = {"listing_code": "800123", "listed_on": "2026-03-02", "holders": holders}
        return listing.post("listing", body)

    fund, company = listing.fund, listing.company
    stranger = str(uuid.uuid4())
    refused(
        admit([{"party_id": fund, "shares": 5}, {"party_id": stranger, "shares": 5}]),
        422,
        "party.unknown",
        "holders.1.party_id",
    )
    refused(
        admit([{"party_id": fund, "shares": 5}, {"party_id": fund, "shares": 7}]),
        422,
        "listing.duplicate_holder",
        "holders.1.party_id",
    )
    refused(admit([]), 422, "listing.register_empty", "holders")
    refused(
        admit([{"party_id": company, "shares": 0}]),
        422,
        "listing.shares_not_positive",
        "holders.0.shares",
    )
    refused(
        admit([{"party_id": company, "shares": 10**15 + 1}]),
        422,
        "listing.too_many_shares",
        "holders.0.shares",
    )
    refused(
        admit([{"party_id": company, "shares": 10**15}, {"party_id": fund, "shares": 1}]),
        422,
        "listing.too_many_shares",
        "holders",
    )
    refused(
        admit([{"party_id": company, "shares": "100"}]),
        422,
        "validation_failed",
        "holders.0.shares",
    )
    refused(admit([{"party_id": "nobody", "shares": 1}]), 422, "validation_failed")
    without = listing.post("listing", {"listing_code": "800123", "listed_on": "2026-03-02"})
    refused(without, 422, "validation_failed", "holders")
    after = ok(staff.get(listing.url))
    assert (after["status"], after["version"], after["register"]) == ("approved", 3, None)
    assert before["version"] == 3


def test_transfers_that_fit_move_shares_and_the_list_follows(staff: Api, dashboard: Api) -> None:
    listing = listed(staff)

    ok(listing.transfer(shares=1_500_000))
    moved = ok(listing.transfer(from_party_id=listing.angel, to_party_id=listing.company, shares=1))

    assert register_of(moved) == {
        listing.company: 8_000_001,
        listing.fund: 500_000,
        listing.angel: 1_499_999,
    }
    assert moved["register"]["total_shares"] == 10_000_000
    [item] = ok(dashboard.get(f"{LISTINGS}?status=listed"))["items"]
    assert item["register"] == moved["register"]


def test_a_seller_selling_all_it_holds_leaves_the_register(staff: Api) -> None:
    listing = listed(staff)

    sold = ok(listing.transfer(shares=FUND_SHARES))

    assert register_of(sold) == {listing.company: 8_000_000, listing.angel: FUND_SHARES}


def test_over_selling_is_refused_with_the_holding_and_the_shares_asked(staff: Api) -> None:
    listing = listed(staff)
    before = ok(staff.get(listing.url))

    response = listing.transfer(shares=FUND_SHARES + 1)

    refused(response, 409, "listing.exceeds_holding", "shares")
    assert f"holds {FUND_SHARES} shares" in response.json["detail"]
    assert f"cannot transfer {FUND_SHARES + 1}" in response.json["detail"]
    refused(
        listing.transfer(from_party_id=listing.angel, to_party_id=listing.fund),
        409,
        "listing.exceeds_holding",
        "shares",
    )
    unchanged(staff, listing, before)
    assert ok(staff.get(listing.url))["share_transfers"] == []


def test_a_quadrillion_shares_at_a_million_yuan_are_refused_whoever_sells(staff: Api) -> None:
    listing = listed(staff)
    before = ok(staff.get(listing.url))
    million = {"amount": "1000000", "currency": "CNY"}

    refused(
        listing.transfer(
            from_party_id=listing.angel,
            to_party_id=listing.fund,
            shares=10**15,
            price_per_share=million,
        ),
        422,
        "listing.consideration_too_large",
        "price_per_share",
    )
    cent = {"amount": "0.01", "currency": "CNY"}
    refused(
        listing.transfer(
            from_party_id=listing.angel,
            to_party_id=listing.fund,
            shares=10**15,
            price_per_share=cent,
        ),
        409,
        "listing.exceeds_holding",
        "shares",
    )
    unchanged(staff, listing, before)


def test_the_consideration_is_shown_exactly(staff: Api) -> None:
    listing = listed(staff)

    [transfer] = ok(
        listing.transfer(shares=3, price_per_share={"amount": "0.01", "currency": "CNY"})
    )["share_transfers"]

    assert transfer["consideration"] == {"amount": "0.03", "currency": "CNY"}


def test_an_equity_round_adds_its_shares_and_a_bond_adds_none(staff: Api) -> None:
    listing = listed(staff)

    raised = ok(listing.round())
    assert register_of(raised)[listing.fund] == FUND_SHARES + ROUND_SHARES
    assert raised["register"]["total_shares"] == 10_000_000 + ROUND_SHARES
    [financing] = raised["financing_rounds"]
    assert financing["shares_issued"] == [{"party_id": listing.fund, "shares": ROUND_SHARES}]

    bond = ok(listing.round({"amount": "300000", "currency": "USD"}, instrument="bond"))
    assert bond["register"] == raised["register"]
    assert bond["financing_rounds"][1]["shares_issued"] == []

    sold_on = ok(listing.transfer(shares=FUND_SHARES + ROUND_SHARES))
    assert listing.fund not in register_of(sold_on)


def test_a_round_names_the_shares_its_instrument_issues(staff: Api) -> None:
    listing = listed(staff)
    before = ok(staff.get(listing.url))

    refused(
        listing.round(shares_issued=[]), 422, "listing.investor_without_shares", "shares_issued"
    )
    refused(
        listing.round(
            instrument="convertible_note", shares_issued=[{"party_id": listing.fund, "shares": 1}]
        ),
        422,
        "listing.instrument_issues_no_shares",
        "shares_issued",
    )
    refused(
        listing.round(
            shares_issued=[
                {"party_id": listing.fund, "shares": 1},
                {"party_id": listing.angel, "shares": 1},
            ]
        ),
        422,
        "listing.shares_to_non_investor",
        "shares_issued.1.party_id",
    )
    refused(
        listing.round(shares_issued=[{"party_id": listing.fund, "shares": 10**15}]),
        422,
        "listing.too_many_shares",
        "shares_issued",
    )
    unchanged(staff, listing, before)
    assert ok(staff.get(listing.url))["financing_rounds"] == []


def test_rounds_and_transfers_are_dated_from_the_listing(staff: Api) -> None:
    listing = listed(staff)

    refused(
        listing.transfer(transferred_on="2026-03-01"),
        422,
        "listing.dated_before_listing",
        "transferred_on",
    )
    refused(listing.round(closed_on="2026-03-01"), 422, "listing.dated_before_listing", "closed_on")
    ok(listing.transfer(transferred_on="2026-03-02"))
