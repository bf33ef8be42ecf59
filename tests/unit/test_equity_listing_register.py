"""Equity listing: the shareholder register, taken at listing and changed only by the listing's
own events (equity rounds issue shares, transfers move them)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import pytest

from dealtrail.domain.board import Board
from dealtrail.domain.equity_listing import EquityListing, ListingStatus
from dealtrail.domain.errors import Conflict, DomainError, Invalid
from dealtrail.domain.financing_round import Instrument
from dealtrail.domain.metadata import recording
from dealtrail.domain.money import Money
from dealtrail.domain.share_register import MAX_SHARES, Holding

from .conftest import event_names, refused
from .listing_builders import (
    ANGEL,
    APPLIED_AT,
    CENTRE,
    CLOSED_ON,
    COMPANY,
    FOUNDER,
    FUND,
    HOLDERS,
    LISTED_ON,
    ROUND_SHARES,
    close_round,
    listing_in,
)

pytestmark = pytest.mark.usefixtures("staff")

PRICE = Money.of("12.50", "CNY")


@pytest.fixture
def approved() -> EquityListing:
    return listing_in(ListingStatus.APPROVED)


@pytest.fixture
def listed() -> EquityListing:
    return listing_in(ListingStatus.LISTED)


def sell(listing: EquityListing, seller: str, buyer: str, shares: int, price: Money = PRICE) -> str:
    return listing.transfer_shares(seller, buyer, shares, price, CLOSED_ON)


def replayed(events: Sequence[Any]) -> EquityListing:
    """A listing rebuilt from nothing but its events."""
    rebuilt = None
    for e in events:
        rebuilt = e.mutate(rebuilt)
    assert isinstance(rebuilt, EquityListing)
    return rebuilt


def test_a_listing_records_the_register_of_shareholders_on_its_listing_date(
    approved: EquityListing,
) -> None:
    approved.admit("800123", LISTED_ON, HOLDERS)

    assert approved.share_register == {FOUNDER: 6_000_000, FUND: 2_000_000}
    assert (approved.total_shares(), approved.register_as_of) == (8_000_000, LISTED_ON)


def test_no_register_is_kept_before_the_listing(approved: EquityListing) -> None:
    assert (approved.share_register, approved.total_shares(), approved.register_as_of) == (
        None,
        None,
        None,
    )


@pytest.mark.parametrize(
    ("holders", "code", "field"),
    [
        ((), "listing.register_empty", "holders"),
        (
            (Holding(FOUNDER, 100), Holding(FUND, 5), Holding(FOUNDER, 1)),
            "listing.duplicate_holder",
            "holders.2.party_id",
        ),
        ((Holding(FOUNDER, 0),), "listing.shares_not_positive", "holders.0.shares"),
        (
            (Holding(FUND, 1), Holding(FOUNDER, -3)),
            "listing.shares_not_positive",
            "holders.1.shares",
        ),
        ((Holding(FOUNDER, True),), "listing.shares_not_positive", "holders.0.shares"),
        ((Holding(FOUNDER, MAX_SHARES + 1),), "listing.too_many_shares", "holders.0.shares"),
        (
            (Holding(FOUNDER, MAX_SHARES), Holding(FUND, 1)),
            "listing.too_many_shares",
            "holders",
        ),
    ],
)
def test_the_register_names_each_holder_once_with_a_positive_bounded_number_of_shares(
    approved: EquityListing, holders: tuple[Holding, ...], code: str, field: str
) -> None:
    with pytest.raises(Invalid) as error:
        approved.admit("800123", LISTED_ON, holders)

    assert (error.value.code, error.value.field) == (code, field)
    assert approved.collect_events() == []
    assert approved.status is ListingStatus.APPROVED


def test_a_register_may_hold_as_many_shares_as_the_bound(approved: EquityListing) -> None:
    approved.admit("800123", LISTED_ON, [Holding(FOUNDER, MAX_SHARES)])

    assert approved.total_shares() == 10**15


def test_an_equity_round_issues_its_shares_to_its_investors(listed: EquityListing) -> None:
    listed.close_financing_round(
        Instrument.COMMON_EQUITY,
        Money.of("5000000", "CNY"),
        [ANGEL, FUND],
        CLOSED_ON,
        shares=[Holding(FUND, 300_000), Holding(ANGEL, 100_000)],
    )

    assert listed.share_register == {FOUNDER: 6_000_000, FUND: 2_300_000, ANGEL: 100_000}
    assert listed.total_shares() == 8_400_000
    [financing] = listed.financing_rounds.values()
    assert financing.shares_issued == (Holding(ANGEL, 100_000), Holding(FUND, 300_000))


@pytest.mark.parametrize("instrument", [Instrument.CONVERTIBLE_NOTE, Instrument.BOND])
def test_a_note_or_a_bond_issues_no_shares_and_leaves_the_register_as_it_was(
    listed: EquityListing, instrument: Instrument
) -> None:
    listed.close_financing_round(instrument, Money.of("1000000", "CNY"), [ANGEL], CLOSED_ON)

    assert listed.share_register == {FOUNDER: 6_000_000, FUND: 2_000_000}
    assert len(event_names(listed)) == 1
    with refused(listed, Invalid, "listing.instrument_issues_no_shares"):
        listed.close_financing_round(
            instrument, Money.of("1000000", "CNY"), [ANGEL], CLOSED_ON, shares=[Holding(ANGEL, 1)]
        )


@pytest.mark.parametrize(
    ("shares", "code", "field"),
    [
        ([], "listing.investor_without_shares", "shares_issued"),
        ([Holding(FUND, 10)], "listing.investor_without_shares", "shares_issued"),
        (
            [Holding(FUND, 10), Holding(ANGEL, 10), Holding(FOUNDER, 10)],
            "listing.shares_to_non_investor",
            "shares_issued.2.party_id",
        ),
        (
            [Holding(FUND, 10), Holding(FUND, 10)],
            "listing.duplicate_holder",
            "shares_issued.1.party_id",
        ),
        (
            [Holding(FUND, 10), Holding(ANGEL, 0)],
            "listing.shares_not_positive",
            "shares_issued.1.shares",
        ),
    ],
)
def test_an_equity_round_names_the_shares_of_each_of_its_investors_and_nobody_else(
    listed: EquityListing, shares: list[Holding], code: str, field: str
) -> None:
    with pytest.raises(Invalid) as error:
        close_round(listed, investors=(FUND, ANGEL), shares=shares)

    assert (error.value.code, error.value.field) == (code, field)
    assert listed.collect_events() == []


def test_a_round_cannot_take_the_register_beyond_the_bound(listed: EquityListing) -> None:
    room = MAX_SHARES - 8_000_000

    with refused(listed, Invalid, "listing.too_many_shares"):
        close_round(listed, shares=[Holding(FUND, room + 1)])
    close_round(listed, shares=[Holding(FUND, room)])

    assert listed.total_shares() == MAX_SHARES


def test_a_transfer_moves_shares_from_seller_to_buyer(listed: EquityListing) -> None:
    sell(listed, FUND, ANGEL, 500_000)
    sell(listed, ANGEL, FOUNDER, 200_000)

    assert listed.share_register == {FOUNDER: 6_200_000, FUND: 1_500_000, ANGEL: 300_000}
    assert listed.total_shares() == 8_000_000


def test_a_seller_that_sells_all_it_holds_leaves_the_register(listed: EquityListing) -> None:
    sell(listed, FUND, ANGEL, 2_000_000)

    assert listed.share_register == {FOUNDER: 6_000_000, ANGEL: 2_000_000}


def test_a_seller_cannot_sell_more_than_it_holds(listed: EquityListing) -> None:
    with pytest.raises(Conflict) as error:
        sell(listed, FUND, ANGEL, 2_000_001)

    assert (error.value.code, error.value.field) == ("listing.exceeds_holding", "shares")
    assert "holds 2000000 shares" in error.value.message
    assert "cannot transfer 2000001" in error.value.message
    assert listed.collect_events() == []
    assert listed.share_register == {FOUNDER: 6_000_000, FUND: 2_000_000}


def test_a_party_that_holds_no_shares_sells_none(listed: EquityListing) -> None:
    with pytest.raises(Conflict) as error:
        sell(listed, ANGEL, FUND, 1)

    assert error.value.code == "listing.exceeds_holding"
    assert "holds 0 shares" in error.value.message
    assert listed.collect_events() == []


def test_shares_issued_by_a_round_can_be_sold_on(listed: EquityListing) -> None:
    close_round(listed, investors=(ANGEL,))

    sell(listed, ANGEL, FOUNDER, ROUND_SHARES)

    assert listed.share_register == {FOUNDER: 6_000_000 + ROUND_SHARES, FUND: 2_000_000}


def test_a_transfer_names_a_bounded_number_of_shares(listed: EquityListing) -> None:
    with refused(listed, Invalid, "listing.too_many_shares"):
        sell(listed, FUND, ANGEL, MAX_SHARES + 1)


def test_the_consideration_is_the_shares_at_the_price_exactly(listed: EquityListing) -> None:
    transfer_id = sell(listed, FUND, ANGEL, 3, Money.of("0.01", "CNY"))

    consideration = listed.share_transfers[transfer_id].consideration
    assert consideration == Money("CNY", Decimal("0.03"))
    assert str(consideration) == "0.03 CNY"


def test_a_consideration_beyond_the_money_limit_is_refused(listed: EquityListing) -> None:
    with pytest.raises(DomainError) as error:
        listed.transfer_shares(ANGEL, FUND, MAX_SHARES, Money.of("1000000", "CNY"), CLOSED_ON)

    assert (type(error.value), error.value.code, error.value.field) == (
        Invalid,
        "listing.consideration_too_large",
        "price_per_share",
    )
    assert listed.collect_events() == []
    with refused(listed, Invalid, "listing.consideration_too_large"):
        sell(listed, FUND, ANGEL, 1_000_000, Money.of("1000000000", "CNY"))


def test_the_register_is_replayed_from_the_events_alone() -> None:
    with recording("staff:test", effective_at=APPLIED_AT):
        listing = EquityListing.apply(COMPANY, CENTRE, Board.GROWTH)
        listing.start_review()
        listing.approve()
    listing.admit("800123", LISTED_ON, HOLDERS)
    close_round(listing, investors=(ANGEL,))
    sell(listing, FOUNDER, ANGEL, 1_000)
    close_round(listing, "1000.00", investors=(FUND,), shares=[Holding(FUND, 7)])

    rebuilt = replayed(listing.collect_events())

    assert rebuilt == listing
    assert rebuilt.share_register == {
        FOUNDER: 5_999_000,
        FUND: 2_000_007,
        ANGEL: ROUND_SHARES + 1_000,
    }


def test_a_register_is_recorded_once(listed: EquityListing) -> None:
    with refused(listed, Conflict, "listing.register_kept"):
        listed.record_register(HOLDERS, LISTED_ON)


def test_the_register_is_recorded_only_for_a_listed_company(approved: EquityListing) -> None:
    with refused(approved, Conflict, "listing.not_listed"):
        approved.record_register(HOLDERS, LISTED_ON)
    delisted = listing_in(ListingStatus.DELISTED)
    with refused(delisted, Conflict, "listing.already_delisted"):
        delisted.record_register(HOLDERS, LISTED_ON)


def test_a_delisted_company_keeps_its_last_register() -> None:
    delisted = listing_in(ListingStatus.DELISTED)

    assert delisted.share_register == {FOUNDER: 6_000_000, FUND: 2_000_000}
    assert event_names(delisted) == []
