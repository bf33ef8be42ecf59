"""Equity listings for the domain unit tests: a robotics company applying to list on the sci-tech
innovation board of a provincial equity trading centre, its shareholders and the investors in its
rounds."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime

from dealtrail.domain.board import Board
from dealtrail.domain.equity_listing import EquityListing, ListingStatus
from dealtrail.domain.financing_round import Instrument
from dealtrail.domain.metadata import recording
from dealtrail.domain.money import Money
from dealtrail.domain.share_register import Holding

COMPANY = "party:qinchuan-robotics"
CENTRE = "party:shaanxi-equity-trading-centre"
FUND = "party:silk-road-fund"
ANGEL = "party:xjtu-alumni-angels"
FOUNDER = "party:founder"

# The register at listing: the founder, and the fund that invested before the listing.
HOLDERS = (Holding(FOUNDER, 6_000_000), Holding(FUND, 2_000_000))
ROUND_SHARES = 500_000  # issued to each investor of an equity round

DUE_ON = date(2025, 2, 28)
APPLIED_AT = datetime(2025, 1, 6, 9, tzinfo=UTC)  # applied, reviewed and approved: back-dated
LISTED_ON = date(2025, 4, 1)
CLOSED_ON = date(2025, 6, 30)

# Statuses a listing reaches on the main path, in order; rejection ends the other branch.
MAIN_PATH = [
    ListingStatus.APPLIED,
    ListingStatus.UNDER_REVIEW,
    ListingStatus.APPROVED,
    ListingStatus.LISTED,
    ListingStatus.SUSPENDED,
    ListingStatus.DELISTED,
]


def listing_in(status: ListingStatus = ListingStatus.APPLIED) -> EquityListing:
    """A listing brought to `status` by the shortest path, its events already collected; its
    application, review and approval took effect at APPLIED_AT, before the listing. Call it
    inside a `recording(...)` block (the `staff` fixture): later steps take effect as recorded."""
    steps = [] if status == ListingStatus.REJECTED else MAIN_PATH[1 : MAIN_PATH.index(status) + 1]
    with recording("staff:test", effective_at=APPLIED_AT):
        listing = EquityListing.apply(COMPANY, CENTRE, Board.SCI_TECH_INNOVATION)
        if status == ListingStatus.REJECTED:
            listing.start_review()
            listing.reject("The company has no proprietary technology")
        for step in steps[:2]:
            _STEPS[step](listing)
    for step in steps[2:]:
        _STEPS[step](listing)
    assert listing.status == status
    listing.collect_events()
    return listing


def close_round(
    listing: EquityListing,
    amount: str = "5000000.00",
    currency: str = "CNY",
    investors: tuple[str, ...] = (FUND,),
    closed_on: date = CLOSED_ON,
    shares: Sequence[Holding] | None = None,
) -> str:
    """A preferred equity round issuing ROUND_SHARES to each investor (unless `shares` says)."""
    issued = [Holding(i, ROUND_SHARES) for i in investors] if shares is None else shares
    return listing.close_financing_round(
        Instrument.PREFERRED_EQUITY, Money.of(amount, currency), investors, closed_on, None, issued
    )


def transfer(listing: EquityListing, shares: int = 10_000, on: date = CLOSED_ON) -> str:
    return listing.transfer_shares(FUND, ANGEL, shares, Money.of("12.50", "CNY"), on)


_STEPS = {
    ListingStatus.UNDER_REVIEW: lambda x: x.start_review(),
    ListingStatus.APPROVED: lambda x: x.approve(),
    ListingStatus.LISTED: lambda x: x.admit("800123", LISTED_ON, HOLDERS),
    ListingStatus.SUSPENDED: lambda x: x.suspend("Annual report overdue"),
    ListingStatus.DELISTED: lambda x: x.delist("Company dissolved"),
}
