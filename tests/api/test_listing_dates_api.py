"""The dates of a listing's lifecycle over HTTP: each step on or after the step it follows. Steps
without a business date are dated by `effective_at`, else by when they were recorded."""

from __future__ import annotations

from .conftest import Api
from .listing_steps import APPLIED_AT, LISTED_ON, Listing, ok, refused

BEFORE_LISTING = "2026-03-01T09:00:00+00:00"
AFTER_LISTING = "2026-04-01T09:00:00+00:00"


def listed(api: Api) -> Listing:
    listing = Listing(api)
    listing.listed()
    return listing


def test_a_company_is_not_listed_before_its_approval_recorded_now(staff: Api) -> None:
    listing = Listing(staff)
    ok(listing.post("review"))
    approved = ok(listing.post("approval"))  # no effective_at: it took effect as recorded

    response = listing.post(
        "listing", {"listing_code": "800123", "listed_on": LISTED_ON, "holders": listing.holders()}
    )

    refused(response, 422, "listing.listed_before_approval", "listed_on")
    assert LISTED_ON in response.json["detail"]
    assert approved["modified_at"][:10] in response.json["detail"]
    assert ok(staff.get(listing.url))["version"] == approved["version"]


def test_a_back_dated_approval_lets_an_earlier_listing_be_recorded(staff: Api) -> None:
    listing = Listing(staff)
    ok(listing.post("review", {"effective_at": APPLIED_AT}))
    ok(listing.post("approval", {"effective_at": "2026-03-02T09:00:00+00:00"}))

    body = {"listing_code": "800123", "listed_on": LISTED_ON, "holders": listing.holders()}
    assert ok(listing.post("listing", body))["status"] == "listed"


def test_review_and_decisions_follow_the_application_and_the_review(staff: Api) -> None:
    listing = Listing(staff)  # applied at APPLIED_AT
    refused(
        listing.post("review", {"effective_at": "2026-02-08T09:00:00+00:00"}),
        422,
        "listing.review_started_before_application",
        "effective_at",
    )
    ok(listing.post("review", {"effective_at": "2026-02-10T09:00:00+00:00"}))
    for decision, code, body in (
        ("approval", "listing.approved_before_review", {}),
        ("rejection", "listing.rejected_before_review", {"reason": "Too early"}),
    ):
        refused(
            listing.post(decision, {**body, "effective_at": "2026-02-09T23:00:00+00:00"}),
            422,
            code,
            "effective_at",
        )
    assert ok(staff.get(listing.url))["status"] == "under_review"


def test_suspension_and_delisting_are_not_dated_before_the_listing(staff: Api) -> None:
    listing = listed(staff)
    before = {"reason": "Annual report overdue", "effective_at": BEFORE_LISTING}

    refused(
        listing.post("suspension", before), 422, "listing.suspended_before_listing", "effective_at"
    )
    refused(
        listing.post("delisting", before), 422, "listing.delisted_before_listing", "effective_at"
    )
    assert ok(staff.get(listing.url))["status"] == "listed"


def test_a_resumption_and_a_delisting_follow_the_suspension(staff: Api) -> None:
    listing = listed(staff)
    ok(
        listing.post(
            "suspension", {"reason": "Annual report overdue", "effective_at": AFTER_LISTING}
        )
    )

    refused(
        listing.post("resumption", {"effective_at": BEFORE_LISTING}),
        422,
        "listing.resumed_before_suspension",
        "effective_at",
    )
    refused(
        listing.post("delisting", {"reason": "Dissolved", "effective_at": "2026-03-31T09:00:00Z"}),
        422,
        "listing.delisted_before_suspension",
        "effective_at",
    )
    assert ok(listing.post("resumption"))["status"] == "listed"
