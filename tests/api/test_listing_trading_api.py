"""What is recorded over HTTP while a company is listed: financing rounds and share transfers."""

from __future__ import annotations

import uuid

from .conftest import Api, draft_agreement, register_party
from .listing_steps import Listing, ok, refused


def listed(api: Api) -> Listing:
    listing = Listing(api)
    listing.listed()
    return listing


def test_a_financing_round_records_instrument_amount_investors_and_agreement(
    staff: Api,
) -> None:
    listing = listed(staff)
    agreement = draft_agreement(staff, [listing.company, listing.fund])

    shares = [
        {"party_id": listing.fund, "shares": 300_000},
        {"party_id": listing.angel, "shares": 100_000},
    ]
    response = listing.round(
        investor_ids=[listing.fund, listing.angel],
        agreement_id=agreement["id"],
        shares_issued=shares,
    )

    [financing] = ok(response)["financing_rounds"]
    assert financing == {
        "round_id": financing["round_id"],
        "instrument": "preferred_equity",
        "amount": {"amount": "5000000.00", "currency": "CNY"},
        "investor_ids": [listing.fund, listing.angel],
        "agreement_id": agreement["id"],
        "closed_on": "2026-06-30",
        "shares_issued": shares,
    }
    assert (response.json["rounds"], response.json["funds_raised"]) == (
        1,
        [{"amount": "5000000.00", "currency": "CNY"}],
    )
    assert response.headers["ETag"] == '"5"'


def test_a_round_names_registered_investors_and_an_existing_agreement(staff: Api) -> None:
    listing = listed(staff)
    stranger = str(uuid.uuid4())

    refused(
        listing.round(investor_ids=[listing.fund, stranger]), 422, "party.unknown", "investor_ids.1"
    )
    refused(listing.round(investor_ids=[]), 422, "listing.no_investors", "investor_ids")
    refused(
        listing.round(investor_ids=[listing.fund, listing.fund]),
        422,
        "listing.duplicate_investor",
        "investor_ids",
    )
    refused(listing.round(agreement_id=stranger), 422, "listing.unknown_agreement", "agreement_id")
    refused(listing.round(investor_ids=["nobody"]), 422, "validation_failed", "investor_ids.0")
    assert ok(staff.get(listing.url))["financing_rounds"] == []


def test_a_round_raises_an_exact_amount_with_a_known_instrument(staff: Api) -> None:
    listing = listed(staff)

    refused(
        listing.round({"amount": "0", "currency": "CNY"}), 422, "listing.nothing_raised", "amount"
    )
    refused(
        listing.round({"amount": "0.001", "currency": "CNY"}),
        422,
        "money.too_precise",
        "amount.amount",
    )
    refused(listing.round(instrument="warrant"), 422, "validation_failed", "instrument")
    refused(listing.round(closed_on="2026-03-01"), 422, "listing.dated_before_listing", "closed_on")
    refused(listing.round(closed_on="2999-01-01"), 422, "listing.date_in_future", "closed_on")


def test_a_share_transfer_records_who_how_many_at_what_price_and_when(staff: Api) -> None:
    listing = listed(staff)

    [transfer] = ok(listing.transfer())["share_transfers"]

    assert transfer == {
        "transfer_id": transfer["transfer_id"],
        "from_party_id": listing.fund,
        "to_party_id": listing.angel,
        "shares": 10_000,
        "price_per_share": {"amount": "12.50", "currency": "CNY"},
        "consideration": {"amount": "125000.00", "currency": "CNY"},
        "transferred_on": "2026-07-01",
    }


def test_shares_move_between_two_different_registered_parties(staff: Api) -> None:
    listing = listed(staff)
    university = register_party(staff)

    refused(listing.transfer(to_party_id=str(uuid.uuid4())), 422, "party.unknown", "to_party_id")
    refused(
        listing.transfer(from_party_id=str(uuid.uuid4())), 422, "party.unknown", "from_party_id"
    )
    refused(
        listing.transfer(to_party_id=listing.fund), 422, "listing.transfer_to_self", "to_party_id"
    )
    ok(listing.transfer(to_party_id=university))


def test_a_transfer_moves_a_positive_whole_number_of_shares(staff: Api) -> None:
    listing = listed(staff)

    refused(listing.transfer(shares=0), 422, "listing.shares_not_positive", "shares")
    refused(listing.transfer(shares=-5), 422, "listing.shares_not_positive", "shares")
    for shares in (1.5, "100"):
        refused(listing.transfer(shares=shares), 422, "validation_failed", "shares")
    refused(listing.transfer(shares=10**16), 422, "listing.too_many_shares", "shares")
    refused(
        listing.transfer(price_per_share={"amount": "1.00", "currency": "XYZ"}),
        422,
        "money.unknown_currency",
        "price_per_share.currency",
    )


def test_nothing_is_recorded_before_the_company_is_listed(staff: Api) -> None:
    listing = Listing(staff)

    refused(listing.round(), 409, "listing.not_listed")
    refused(listing.transfer(), 409, "listing.not_listed")


def test_a_replayed_round_is_recorded_once(staff: Api) -> None:
    listing = listed(staff)
    headers = {"Idempotency-Key": "round-a-2026"}
    body = {
        "instrument": "common_equity",
        "amount": {"amount": "1000000", "currency": "CNY"},
        "investor_ids": [listing.fund],
        "shares_issued": [{"party_id": listing.fund, "shares": 100_000}],
        "closed_on": "2026-06-30",
    }

    first = staff.post(f"{listing.url}/financing-rounds", json=body, headers=headers)
    again = staff.post(f"{listing.url}/financing-rounds", json=body, headers=headers)

    assert ok(first) == ok(again)
    assert again.headers["Idempotent-Replayed"] == "true"
    assert ok(staff.get(listing.url))["rounds"] == 1
