"""A listing over HTTP once approved: listed under a code, suspended, resumed and delisted."""

from __future__ import annotations

from .conftest import Api
from .listing_steps import LISTED_ON, Listing, ok, refused


def approved(api: Api) -> Listing:
    listing = Listing(api)
    listing.approved()
    return listing


def admission(listing: Listing, **body: object) -> dict[str, object]:
    return {"listing_code": "800123", "listed_on": LISTED_ON, "holders": listing.holders(), **body}


def test_an_approved_company_is_listed_under_its_code_from_a_date(staff: Api) -> None:
    listing = approved(staff)

    listed = listing.post("listing", admission(listing, listing_code=" sci800123 "))

    assert ok(listed)["status"] == "listed"
    assert (listed.json["listing_code"], listed.json["listed_on"]) == ("SCI800123", "2026-03-02")
    assert listed.headers["ETag"] == '"4"'
    refused(listing.post("listing", admission(listing)), 409, "listing.not_approved")


def test_a_listing_code_and_date_are_checked(staff: Api) -> None:
    listing = approved(staff)

    refused(
        listing.post("listing", admission(listing, listing_code="800-123")),
        422,
        "listing.invalid_code",
        "listing_code",
    )
    refused(
        listing.post("listing", admission(listing, listed_on="2999-01-01")),
        422,
        "listing.date_in_future",
        "listed_on",
    )
    without_date = admission(listing)
    del without_date["listed_on"]
    refused(listing.post("listing", without_date), 422, "validation_failed", "listed_on")
    assert ok(staff.get(listing.url))["status"] == "approved"


def test_only_an_approved_application_is_listed(staff: Api) -> None:
    listing = Listing(staff)

    refused(listing.post("listing", admission(listing)), 409, "listing.not_approved")


def test_a_suspension_is_lifted_by_a_resumption(staff: Api) -> None:
    listing = Listing(staff)
    listing.listed()

    suspended = ok(listing.post("suspension", {"reason": "Annual report overdue"}))
    assert (suspended["status"], suspended["status_reason"]) == (
        "suspended",
        "Annual report overdue",
    )
    refused(listing.post("suspension", {"reason": "Again"}), 409, "listing.suspended")
    refused(listing.round(), 409, "listing.suspended")
    refused(listing.transfer(), 409, "listing.suspended")
    resumed = ok(listing.post("resumption"))

    assert (resumed["status"], resumed["status_reason"]) == ("listed", None)
    refused(listing.post("resumption"), 409, "listing.not_suspended")


def test_suspension_and_delisting_need_a_reason(staff: Api) -> None:
    listing = Listing(staff)
    listing.listed()

    refused(listing.post("suspension", {}), 422, "validation_failed", "reason")
    refused(listing.post("delisting", {"reason": " "}), 422, "text.blank", "reason")


def test_a_company_that_is_not_listed_is_neither_suspended_nor_delisted(staff: Api) -> None:
    listing = approved(staff)

    refused(listing.post("suspension", {"reason": "Fraud"}), 409, "listing.not_listed")
    refused(listing.post("delisting", {"reason": "Fraud"}), 409, "listing.not_listed")
    refused(listing.post("resumption"), 409, "listing.not_suspended")


def test_delisting_is_final(staff: Api) -> None:
    listing = Listing(staff)
    listing.listed()
    ok(listing.post("suspension", {"reason": "Annual report overdue"}))

    delisted = ok(listing.post("delisting", {"reason": "Company dissolved"}))

    assert (delisted["status"], delisted["status_reason"]) == ("delisted", "Company dissolved")
    assert delisted["listing_code"] == "800123"
    for response in (
        listing.post("delisting", {"reason": "Again"}),
        listing.post("suspension", {"reason": "Again"}),
        listing.post("resumption"),
        listing.round(),
        listing.transfer(),
    ):
        refused(response, 409, "listing.already_delisted")
