"""Equity listing: listed under a code, suspended and resumed, delisted for good."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from freezegun import freeze_time

from dealtrail.domain.equity_listing import EquityListing, ListingStatus
from dealtrail.domain.errors import Invalid

from .conftest import event_names, refused
from .listing_builders import HOLDERS, LISTED_ON, listing_in

pytestmark = pytest.mark.usefixtures("staff")


@pytest.fixture
def approved() -> EquityListing:
    return listing_in(ListingStatus.APPROVED)


@pytest.fixture
def listed() -> EquityListing:
    return listing_in(ListingStatus.LISTED)


def test_listing_an_approved_company_records_its_code_and_date(approved: EquityListing) -> None:
    approved.admit(" sci800123 ", LISTED_ON, HOLDERS)

    assert event_names(approved) == ["EquityListing.Listed"]
    assert approved.status is ListingStatus.LISTED
    assert (approved.listing_code, approved.listed_on) == ("SCI800123", LISTED_ON)


@pytest.mark.parametrize("code", ["", "  ", "801", "800-123", "800 123", "ABCDEFGHIJKLM", "股权"])
def test_a_listing_code_is_four_to_twelve_letters_or_digits(
    approved: EquityListing, code: str
) -> None:
    with refused(approved, Invalid, "listing.invalid_code"):
        approved.admit(code, LISTED_ON, HOLDERS)


@freeze_time("2025-04-01 09:00:00")
def test_a_listing_cannot_be_dated_in_the_future(approved: EquityListing) -> None:
    with refused(approved, Invalid, "listing.date_in_future"):
        approved.admit("800123", date(2025, 4, 3), HOLDERS)


def test_a_suspension_records_why(listed: EquityListing) -> None:
    listed.suspend(" Annual report overdue ")

    assert event_names(listed) == ["EquityListing.Suspended"]
    assert (listed.status, listed.status_reason) == (
        ListingStatus.SUSPENDED,
        "Annual report overdue",
    )


def test_resuming_lists_the_company_again_under_the_same_code() -> None:
    suspended = listing_in(ListingStatus.SUSPENDED)

    suspended.resume()

    assert event_names(suspended) == ["EquityListing.Resumed"]
    assert (suspended.status, suspended.status_reason) == (ListingStatus.LISTED, None)
    assert (suspended.listing_code, suspended.listed_on) == ("800123", LISTED_ON)


def test_a_listing_can_be_suspended_and_resumed_more_than_once(listed: EquityListing) -> None:
    for reason in ("Annual report overdue", "Major restructuring"):
        listed.suspend(reason)
        listed.resume()

    assert [name.split(".")[1] for name in event_names(listed)] == [
        "Suspended",
        "Resumed",
        "Suspended",
        "Resumed",
    ]


@pytest.mark.parametrize("status", [ListingStatus.LISTED, ListingStatus.SUSPENDED])
def test_delisting_records_why_and_keeps_the_code(status: ListingStatus) -> None:
    listing = listing_in(status)

    listing.delist(" Acquired by a listed group ")

    assert event_names(listing) == ["EquityListing.Delisted"]
    assert (listing.status, listing.status_reason) == (
        ListingStatus.DELISTED,
        "Acquired by a listed group",
    )
    assert listing.listing_code == "800123"


@pytest.mark.parametrize(
    ("status", "act"),
    [
        (ListingStatus.LISTED, lambda x: x.suspend(" ")),
        (ListingStatus.LISTED, lambda x: x.delist("")),
        (ListingStatus.SUSPENDED, lambda x: x.delist("\t")),
    ],
)
def test_suspending_and_delisting_need_a_reason(
    status: ListingStatus, act: Callable[[EquityListing], object]
) -> None:
    listing = listing_in(status)

    with refused(listing, Invalid, "text.blank"):
        act(listing)
