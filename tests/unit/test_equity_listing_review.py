"""Equity listing: the application and its review — amendment rounds, approval, rejection."""

from __future__ import annotations

import pytest

from dealtrail.domain.agreement import Agreement
from dealtrail.domain.amendment_request import AmendmentRequest
from dealtrail.domain.board import Board
from dealtrail.domain.equity_listing import EquityListing, ListingStatus
from dealtrail.domain.errors import Conflict, DomainError, Invalid, Missing

from .conftest import event_names, refused
from .listing_builders import CENTRE, COMPANY, DUE_ON, listing_in

pytestmark = pytest.mark.usefixtures("staff")


@pytest.fixture
def under_review() -> EquityListing:
    return listing_in(ListingStatus.UNDER_REVIEW)


def request(listing: EquityListing, what: str = "Audited accounts for 2024") -> str:
    request_id = listing.request_amendments(what, DUE_ON)
    listing.collect_events()
    return request_id


def test_applying_records_the_company_the_centre_and_the_board() -> None:
    listing = EquityListing.apply(COMPANY, CENTRE, "growth")  # type: ignore[arg-type]

    assert event_names(listing) == ["EquityListing.Applied"]
    assert (listing.company_id, listing.centre_id, listing.board) == (COMPANY, CENTRE, "growth")
    assert listing.board is Board.GROWTH
    assert listing.status is ListingStatus.APPLIED
    assert (listing.listing_code, listing.listed_on, listing.status_reason) == (None, None, None)
    assert listing.funds_raised() == []


def test_applying_for_a_board_the_centre_does_not_have_is_refused() -> None:
    with pytest.raises(DomainError) as error:
        EquityListing.apply(COMPANY, CENTRE, "main_board")  # type: ignore[arg-type]

    assert (type(error.value), error.value.code, error.value.field) == (
        Invalid,
        "listing.unknown_board",
        "board",
    )


def test_an_amendment_request_says_what_and_by_when(under_review: EquityListing) -> None:
    request_id = under_review.request_amendments("  Audited accounts for 2024 ", DUE_ON)

    assert event_names(under_review) == ["EquityListing.AmendmentsRequested"]
    assert under_review.amendment_requests == {
        request_id: AmendmentRequest(request_id, "Audited accounts for 2024", DUE_ON)
    }
    assert under_review.amendment_requests[request_id].is_outstanding
    assert request_id == Agreement.child_id(under_review.id, under_review.version)


def test_an_amendment_request_must_say_what(under_review: EquityListing) -> None:
    with refused(under_review, Invalid, "text.blank"):
        under_review.request_amendments("   ", DUE_ON)


def test_providing_amendments_answers_the_request_with_a_reference(
    under_review: EquityListing,
) -> None:
    request_id = request(under_review)

    under_review.provide_amendments(request_id, " DOC-2025-017 ")

    assert event_names(under_review) == ["EquityListing.AmendmentsProvided"]
    answered = under_review.amendment_requests[request_id]
    assert (answered.reference, answered.is_outstanding) == ("DOC-2025-017", False)


def test_amendments_are_provided_with_a_reference(under_review: EquityListing) -> None:
    request_id = request(under_review)

    with refused(under_review, Invalid, "text.blank"):
        under_review.provide_amendments(request_id, " ")


def test_a_request_is_answered_only_once(under_review: EquityListing) -> None:
    request_id = request(under_review)
    under_review.provide_amendments(request_id, "DOC-2025-017")
    under_review.collect_events()

    with refused(under_review, Conflict, "listing.amendment_already_provided"):
        under_review.provide_amendments(request_id, "DOC-2025-018")


def test_only_a_request_that_was_made_can_be_answered(under_review: EquityListing) -> None:
    request(under_review)

    with refused(under_review, Missing, "listing.unknown_amendment_request"):
        under_review.provide_amendments("no-such-request", "DOC-2025-017")


def test_an_application_is_approved_after_several_answered_rounds(
    under_review: EquityListing,
) -> None:
    for what, reference in [("Audited accounts", "DOC-1"), ("Patent certificates", "DOC-2")]:
        request_id = request(under_review, what)
        under_review.provide_amendments(request_id, reference)

    under_review.approve()

    assert under_review.status is ListingStatus.APPROVED
    assert [r.reference for r in under_review.amendment_requests.values()] == ["DOC-1", "DOC-2"]


def test_approval_waits_for_every_request_to_be_answered(under_review: EquityListing) -> None:
    first = request(under_review, "Audited accounts")
    second = request(under_review, "Patent certificates")
    under_review.provide_amendments(first, "DOC-1")
    under_review.collect_events()

    with refused(under_review, Conflict, "listing.amendments_outstanding"):
        under_review.approve()

    under_review.provide_amendments(second, "DOC-2")
    under_review.approve()
    assert under_review.status is ListingStatus.APPROVED


def test_a_rejection_records_why_even_with_requests_unanswered(
    under_review: EquityListing,
) -> None:
    request(under_review)

    under_review.reject("  No proprietary technology ")

    assert event_names(under_review) == ["EquityListing.Rejected"]
    assert under_review.status is ListingStatus.REJECTED
    assert under_review.status_reason == "No proprietary technology"


def test_a_rejection_needs_a_reason(under_review: EquityListing) -> None:
    with refused(under_review, Invalid, "text.blank"):
        under_review.reject("")
