"""Equity listing: financing rounds and share transfers recorded while listed; funds raised."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from freezegun import freeze_time

from dealtrail.domain.equity_listing import EquityListing, ListingStatus
from dealtrail.domain.errors import DomainError, Invalid
from dealtrail.domain.financing_round import FinancingRound, Instrument
from dealtrail.domain.money import Money
from dealtrail.domain.share_transfer import ShareTransfer

from .conftest import event_names, refused
from .listing_builders import ANGEL, CLOSED_ON, FUND, LISTED_ON, close_round, listing_in, transfer

pytestmark = pytest.mark.usefixtures("staff")


@pytest.fixture
def listed() -> EquityListing:
    return listing_in(ListingStatus.LISTED)


def test_a_financing_round_records_instrument_amount_investors_and_agreement(
    listed: EquityListing,
) -> None:
    round_id = listed.close_financing_round(
        Instrument.CONVERTIBLE_NOTE,
        Money.of("3000000", "CNY"),
        [FUND, ANGEL],
        CLOSED_ON,
        agreement_id="agreement:series-a",
    )

    assert event_names(listed) == ["EquityListing.FinancingRoundClosed"]
    assert listed.financing_rounds == {
        round_id: FinancingRound(
            round_id,
            Instrument.CONVERTIBLE_NOTE,
            Money.of("3000000.00", "CNY"),
            (FUND, ANGEL),
            CLOSED_ON,
            "agreement:series-a",
        )
    }


def test_funds_raised_are_summed_per_currency(listed: EquityListing) -> None:
    first = close_round(listed, "5000000.00", "CNY")
    second = close_round(listed, "750000.00", "USD")
    close_round(listed, "2500000.50", "CNY")

    assert first != second
    assert listed.funds_raised() == [Money.of("7500000.50", "CNY"), Money.of("750000", "USD")]
    assert len(listed.financing_rounds) == 3


@pytest.mark.parametrize(
    ("investors", "code"),
    [((), "listing.no_investors"), ((FUND, ANGEL, FUND), "listing.duplicate_investor")],
)
def test_a_round_names_each_investor_once_and_at_least_one(
    listed: EquityListing, investors: tuple[str, ...], code: str
) -> None:
    with refused(listed, Invalid, code):
        close_round(listed, investors=investors)


def test_a_round_must_raise_something(listed: EquityListing) -> None:
    with refused(listed, Invalid, "listing.nothing_raised"):
        close_round(listed, "0.00")


def test_a_round_uses_a_known_instrument(listed: EquityListing) -> None:
    with refused(listed, Invalid, "listing.unknown_instrument"):
        listed.close_financing_round(
            "warrant",  # type: ignore[arg-type]
            Money.of("1000", "CNY"),
            [FUND],
            CLOSED_ON,
        )


def test_a_share_transfer_records_who_how_many_at_what_price_and_when(
    listed: EquityListing,
) -> None:
    transfer_id = transfer(listed, shares=250_000)

    assert event_names(listed) == ["EquityListing.SharesTransferred"]
    assert listed.share_transfers == {
        transfer_id: ShareTransfer(
            transfer_id, FUND, ANGEL, 250_000, Money.of("12.50", "CNY"), CLOSED_ON
        )
    }
    assert listed.funds_raised() == []


@pytest.mark.parametrize("shares", [0, -100, True])
def test_a_transfer_moves_a_positive_whole_number_of_shares(
    listed: EquityListing, shares: int
) -> None:
    with refused(listed, Invalid, "listing.shares_not_positive"):
        transfer(listed, shares=shares)


def test_a_party_cannot_transfer_shares_to_itself(listed: EquityListing) -> None:
    with pytest.raises(DomainError) as error:
        listed.transfer_shares(FUND, FUND, 100, Money.of("12.50", "CNY"), CLOSED_ON)

    assert (type(error.value), error.value.code, error.value.field) == (
        Invalid,
        "listing.transfer_to_self",
        "to_party_id",
    )
    assert listed.collect_events() == []


def test_nothing_is_dated_before_the_listing(listed: EquityListing) -> None:
    day_before = LISTED_ON - timedelta(days=1)

    with refused(listed, Invalid, "listing.dated_before_listing"):
        close_round(listed, closed_on=day_before)
    with refused(listed, Invalid, "listing.dated_before_listing"):
        transfer(listed, on=day_before)


@freeze_time("2025-06-30 09:00:00")
def test_nothing_is_dated_in_the_future(listed: EquityListing) -> None:
    with refused(listed, Invalid, "listing.date_in_future"):
        close_round(listed, closed_on=date(2025, 7, 2))
    with refused(listed, Invalid, "listing.date_in_future"):
        transfer(listed, on=date(2025, 7, 2))


def test_rounds_and_transfers_on_the_listing_date_are_accepted(listed: EquityListing) -> None:
    close_round(listed, closed_on=LISTED_ON)
    transfer(listed, on=LISTED_ON)

    assert len(event_names(listed)) == 2
