"""The review of a listing application over HTTP: amendment rounds, approval and rejection."""

from __future__ import annotations

from .conftest import Api
from .listing_steps import Listing, ok, refused

REQUEST = {"what": "Audited accounts for 2025", "due_on": "2026-02-28"}


def under_review(api: Api) -> Listing:
    listing = Listing(api)
    assert ok(listing.post("review"))["status"] == "under_review"
    return listing


def test_review_starts_only_once_on_a_new_application(staff: Api) -> None:
    listing = under_review(staff)

    refused(listing.post("review"), 409, "listing.not_applied")


def test_amendments_are_requested_and_answered_in_rounds_before_approval(staff: Api) -> None:
    listing = under_review(staff)

    requested = ok(listing.post("amendment-requests", REQUEST))
    [request] = requested["amendment_requests"]
    assert request == {
        "request_id": request["request_id"],
        "what": "Audited accounts for 2025",
        "due_on": "2026-02-28",
        "reference": None,
        "outstanding": True,
    }
    refused(listing.post("approval"), 409, "listing.amendments_outstanding")
    answer = f"amendment-requests/{request['request_id']}/response"
    answered = ok(listing.post(answer, {"reference": "DOC-2026-017"}))
    assert answered["amendment_requests"][0]["outstanding"] is False
    refused(
        listing.post(answer, {"reference": "DOC-2026-018"}),
        409,
        "listing.amendment_already_provided",
    )
    second = ok(listing.post("amendment-requests", {"what": "Patents", "due_on": "2026-03-15"}))
    second_id = second["amendment_requests"][1]["request_id"]
    ok(listing.post(f"amendment-requests/{second_id}/response", {"reference": "DOC-2026-031"}))

    approved = listing.post("approval")

    assert ok(approved)["status"] == "approved"
    assert approved.headers["ETag"] == '"7"'
    assert [r["reference"] for r in approved.json["amendment_requests"]] == [
        "DOC-2026-017",
        "DOC-2026-031",
    ]


def test_answering_a_request_that_was_never_made_is_not_found(staff: Api) -> None:
    listing = under_review(staff)

    response = listing.post("amendment-requests/no-such-request/response", {"reference": "DOC-1"})

    refused(response, 404, "listing.unknown_amendment_request")


def test_requests_and_answers_say_what_by_when_and_where(staff: Api) -> None:
    listing = under_review(staff)

    refused(
        listing.post("amendment-requests", {"what": " ", "due_on": "2026-02-28"}),
        422,
        "text.blank",
        "what",
    )
    refused(
        listing.post("amendment-requests", {"what": "Accounts"}), 422, "validation_failed", "due_on"
    )
    refused(
        listing.post("amendment-requests", {**REQUEST, "due_on": "end of March"}),
        422,
        "validation_failed",
        "due_on",
    )
    request_id = ok(listing.post("amendment-requests", REQUEST))["amendment_requests"][0][
        "request_id"
    ]
    answer = f"amendment-requests/{request_id}/response"
    refused(listing.post(answer, {}), 422, "validation_failed", "reference")
    refused(listing.post(answer, {"reference": " "}), 422, "text.blank", "reference")


def test_a_rejection_records_why(staff: Api) -> None:
    listing = under_review(staff)

    rejected = ok(listing.post("rejection", {"reason": "No proprietary technology"}))

    assert (rejected["status"], rejected["status_reason"]) == (
        "rejected",
        "No proprietary technology",
    )
    refused(listing.post("approval"), 409, "listing.not_under_review")
    refused(listing.post("amendment-requests", REQUEST), 409, "listing.not_under_review")


def test_a_rejection_needs_a_reason(staff: Api) -> None:
    listing = under_review(staff)

    refused(listing.post("rejection", {}), 422, "validation_failed", "reason")
    refused(listing.post("rejection", {"reason": "   "}), 422, "text.blank", "reason")


def test_only_an_application_under_review_is_decided(staff: Api) -> None:
    listing = Listing(staff)

    refused(listing.post("approval"), 409, "listing.not_under_review")
    refused(listing.post("rejection", {"reason": "Too early"}), 409, "listing.not_under_review")
    assert ok(staff.get(listing.url))["status"] == "applied"


def test_an_approval_based_on_a_stale_version_is_refused(staff: Api) -> None:
    listing = Listing(staff)
    ok(listing.post("review"))

    response = staff.post(f"{listing.url}/approval", json={}, headers={"If-Match": '"1"'})

    refused(response, 412, "version_mismatch")
