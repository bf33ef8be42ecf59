"""Equity listing: each step of the lifecycle is dated on or after the step it follows. The listing
is dated by its business date; the other steps by when they took effect (`effective_at`, else
when they were recorded), so recording after the fact means back-dating with `effective_at`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta

import pytest
from freezegun import freeze_time

from dealtrail.domain.board import Board
from dealtrail.domain.equity_listing import EquityListing, ListingStatus
from dealtrail.domain.errors import Invalid
from dealtrail.domain.metadata import recording

from .conftest import event_names
from .listing_builders import (
    APPLIED_AT,
    CENTRE,
    COMPANY,
    HOLDERS,
    LISTED_ON,
    listing_in,
)

pytestmark = pytest.mark.usefixtures("staff")

LISTED_AT = datetime.combine(LISTED_ON, datetime.min.time(), UTC)


@contextmanager
def effective(at: datetime) -> Iterator[None]:
    with recording("staff:test", effective_at=at):
        yield


def refused_as(listing: EquityListing, code: str, field: str, act: Callable[[], object]) -> Invalid:
    with pytest.raises(Invalid) as error:
        act()
    assert (error.value.code, error.value.field) == (code, field)
    assert listing.collect_events() == []
    return error.value


def test_a_company_cannot_be_listed_before_its_approval() -> None:
    approved = listing_in(ListingStatus.APPROVED)  # approved 2025-01-06 09:00 UTC

    error = refused_as(
        approved,
        "listing.listed_before_approval",
        "listed_on",
        lambda: approved.admit("800123", date(2025, 1, 4), HOLDERS),
    )

    assert "2025-01-04" in error.message
    assert "2025-01-06 09:00 UTC" in error.message
    assert approved.status is ListingStatus.APPROVED


@pytest.mark.parametrize("listed_on", [date(2025, 1, 5), date(2025, 1, 6)])
def test_a_listing_on_the_day_of_the_approval_in_any_time_zone_is_accepted(
    listed_on: date,
) -> None:
    """09:00 UTC on 6 January is still 5 January in UTC-12."""
    approved = listing_in(ListingStatus.APPROVED)

    approved.admit("800123", listed_on, HOLDERS)

    assert approved.status is ListingStatus.LISTED


def test_an_approval_recorded_now_for_a_listing_long_ago_is_refused() -> None:
    with effective(APPLIED_AT):
        listing = EquityListing.apply(COMPANY, CENTRE, Board.GROWTH)
        listing.start_review()
    listing.approve()  # takes effect as recorded: now
    listing.collect_events()

    refused_as(
        listing,
        "listing.listed_before_approval",
        "listed_on",
        lambda: listing.admit("800123", LISTED_ON, HOLDERS),
    )


def test_back_dated_steps_are_accepted_in_their_order() -> None:
    with effective(APPLIED_AT):
        listing = EquityListing.apply(COMPANY, CENTRE, Board.GROWTH)
    with effective(APPLIED_AT + timedelta(days=7)):
        listing.start_review()
    with effective(APPLIED_AT + timedelta(days=30)):
        listing.approve()
    listing.admit("800123", LISTED_ON, HOLDERS)
    with effective(LISTED_AT + timedelta(days=90)):
        listing.suspend("Annual report overdue")
    with effective(LISTED_AT + timedelta(days=120)):
        listing.resume()
    listing.delist("Acquired by a listed group")

    assert listing.status is ListingStatus.DELISTED
    assert (listing.last_step, listing.listed_on) == ("delisting", LISTED_ON)


def test_a_review_cannot_start_before_the_application() -> None:
    listing = listing_in(ListingStatus.APPLIED)

    with effective(APPLIED_AT - timedelta(minutes=1)):
        refused_as(
            listing,
            "listing.review_started_before_application",
            "effective_at",
            listing.start_review,
        )


@pytest.mark.parametrize(
    ("code", "act"),
    [
        ("listing.approved_before_review", lambda x: x.approve()),
        ("listing.rejected_before_review", lambda x: x.reject("No proprietary technology")),
    ],
)
def test_a_decision_cannot_precede_the_review(
    code: str, act: Callable[[EquityListing], object]
) -> None:
    listing = listing_in(ListingStatus.UNDER_REVIEW)

    with effective(APPLIED_AT - timedelta(days=1)):
        error = refused_as(listing, code, "effective_at", lambda: act(listing))

    assert "2025-01-05 09:00 UTC" in error.message
    assert "2025-01-06 09:00 UTC" in error.message
    assert listing.status is ListingStatus.UNDER_REVIEW


@pytest.mark.parametrize(
    ("status", "code", "act"),
    [
        (ListingStatus.LISTED, "listing.suspended_before_listing", lambda x: x.suspend("Overdue")),
        (ListingStatus.LISTED, "listing.delisted_before_listing", lambda x: x.delist("Dissolved")),
        (ListingStatus.SUSPENDED, "listing.resumed_before_suspension", lambda x: x.resume()),
        (ListingStatus.SUSPENDED, "listing.delisted_before_suspension", lambda x: x.delist("Gone")),
    ],
)
def test_suspension_resumption_and_delisting_follow_the_step_before(
    status: ListingStatus, code: str, act: Callable[[EquityListing], object]
) -> None:
    with effective(LISTED_AT + timedelta(days=10)):
        listing = listing_in(ListingStatus.LISTED)
        if status is ListingStatus.SUSPENDED:
            listing.suspend("Annual report overdue")
            listing.collect_events()

    with effective(LISTED_AT - timedelta(days=2)):
        refused_as(listing, code, "effective_at", lambda: act(listing))
    assert listing.status is status


def test_after_a_resumption_the_next_step_follows_the_resumption() -> None:
    listing = listing_in(ListingStatus.LISTED)
    with effective(datetime(2026, 5, 1, 9, tzinfo=UTC)):
        listing.suspend("Annual report overdue")
    with effective(datetime(2026, 5, 4, 9, tzinfo=UTC)):
        listing.resume()
    listing.collect_events()

    with effective(datetime(2026, 5, 2, 9, tzinfo=UTC)):
        refused_as(
            listing,
            "listing.suspended_before_resumption",
            "effective_at",
            lambda: listing.suspend("Overdue"),
        )
        refused_as(
            listing,
            "listing.delisted_before_resumption",
            "effective_at",
            lambda: listing.delist("Dissolved"),
        )


def test_a_suspension_on_the_listing_date_is_accepted() -> None:
    listed = listing_in(ListingStatus.LISTED)

    with effective(LISTED_AT - timedelta(hours=13)):  # already 1 April in UTC+14
        listed.suspend("Price anomaly")

    assert event_names(listed) == ["EquityListing.Suspended"]


@freeze_time("2025-04-01 02:00:00")
def test_a_step_recorded_on_the_listing_date_in_utc_plus_14_follows_the_listing() -> None:
    """It is 1 April already in Kiribati: a listing dated today there is not in the future, and
    a suspension recorded at once does not precede it."""
    listed = listing_in(ListingStatus.LISTED)

    listed.suspend("Price anomaly")

    assert listed.status is ListingStatus.SUSPENDED
