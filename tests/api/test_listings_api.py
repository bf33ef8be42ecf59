"""Equity listings over HTTP: applying, reading (now, then, history) and listing them."""

from __future__ import annotations

import uuid

from .conftest import Api, register_party
from .listing_steps import LISTINGS, Listing, ok, refused, register


def test_applying_creates_a_listing_with_a_location_and_an_etag(staff: Api) -> None:
    listing = Listing(staff)
    created = listing.applied

    assert created.headers["Location"].endswith(f"{LISTINGS}/{listing.id}")
    assert created.headers["ETag"] == '"1"'
    assert created.json["position"] == int(created.headers["Dealtrail-Log-Position"])
    assert {k: created.json[k] for k in ("status", "board", "company_id", "centre_id")} == {
        "status": "applied",
        "board": "sci_tech_innovation",
        "company_id": listing.company,
        "centre_id": listing.centre,
    }
    assert created.json["funds_raised"] == []
    assert created.json["rounds"] == 0
    assert ok(staff.get(listing.url))["version"] == 1


def test_an_application_names_a_registered_company_and_trading_centre(staff: Api) -> None:
    company = register(staff, "Qinchuan Robotics", "company")
    centre = register(staff, "Shaanxi Equity Trading Centre", "trading_centre")
    university = register_party(staff)
    stranger = str(uuid.uuid4())

    def apply(company_id: str, centre_id: str, board: str = "growth") -> object:
        body = {"company_id": company_id, "centre_id": centre_id, "board": board}
        return staff.post(LISTINGS, json=body)

    refused(apply(stranger, centre), 422, "party.unknown", "company_id")
    refused(apply(university, centre), 422, "listing.not_a_company", "company_id")
    refused(apply(company, stranger), 422, "party.unknown", "centre_id")
    refused(apply(company, university), 422, "listing.not_a_trading_centre", "centre_id")
    refused(apply(company, centre, "main_board"), 422, "validation_failed", "board")
    refused(apply("not-a-uuid", centre), 422, "validation_failed", "company_id")
    refused(staff.post(LISTINGS, json={"board": "growth"}), 422, "validation_failed")
    assert ok(staff.get(LISTINGS))["items"] == []


def test_an_unknown_listing_is_not_found(staff: Api) -> None:
    url = f"{LISTINGS}/{uuid.uuid4()}"

    for response in (staff.get(url), staff.get(f"{url}/history"), staff.post(f"{url}/review")):
        refused(response, 404, "not_found")


def test_a_listing_is_read_as_it_was_at_a_version_and_its_history_says_who_and_why(
    staff: Api, auditor: Api
) -> None:
    listing = Listing(staff)
    listing.listed()
    suspended = listing.post("suspension", {"reason": "Annual report overdue", "comment": "CSRC"})

    assert ok(suspended)["status"] == "suspended"
    assert suspended.headers["ETag"] == '"5"'
    then = auditor.get(f"{listing.url}?version=3")
    assert (ok(then)["status"], then.headers["ETag"]) == ("approved", '"3"')
    refused(auditor.get(f"{listing.url}?version=6"), 404, "not_found")
    recorded = ok(auditor.get(listing.url))["modified_at"]
    assert ok(auditor.get(f"{listing.url}?as_of={recorded.replace('+', '%2B')}"))["version"] == 5
    history = ok(auditor.get(f"{listing.url}/history"))["items"]
    assert [e["type"] for e in history] == [
        "Applied",
        "ReviewStarted",
        "Approved",
        "Listed",
        "Suspended",
    ]
    assert history[3]["data"] == {
        "listing_code": "800123",
        "listed_on": "2026-03-02",
        "register": [
            {"party_id": listing.company, "shares": 8_000_000},
            {"party_id": listing.fund, "shares": 2_000_000},
        ],
    }
    assert history[4]["metadata"]["comment"] == "CSRC"
    assert history[4]["position"] == suspended.json["position"]


def test_listings_are_filtered_by_state_board_centre_company_and_code_or_name(
    staff: Api, dashboard: Api
) -> None:
    robotics = Listing(staff)
    robotics.listed("SCI800123")
    photonics = Listing(staff, "Chang'an Photonics", "growth")
    names = {robotics.id: "robotics", photonics.id: "photonics"}

    def found(query: str) -> list[str]:
        return [names[i["id"]] for i in ok(dashboard.get(f"{LISTINGS}?{query}"))["items"]]

    assert found("") == ["robotics", "photonics"]
    assert found("status=listed") == ["robotics"]
    assert found("status=applied&board=growth") == ["photonics"]
    assert found("board=trading") == []
    assert found(f"centre={photonics.centre}") == ["photonics"]
    assert found(f"company={robotics.company}") == ["robotics"]
    assert found("q=sci800") == ["robotics"]
    assert found("q=photonics") == ["photonics"]
    assert found("limit=1") == ["robotics"]
    after = ok(dashboard.get(f"{LISTINGS}?limit=1"))["next_after"]
    assert found(f"limit=1&after={after}") == ["photonics"]
    refused(dashboard.get(f"{LISTINGS}?status=floating"), 422, "validation_failed", "status")
    refused(dashboard.get(f"{LISTINGS}?centre=nowhere"), 422, "validation_failed", "centre")
    assert dashboard.get(f"{LISTINGS}/{robotics.id}").status_code == 403


def test_the_list_shows_funds_raised_per_currency_and_the_number_of_rounds(
    staff: Api, dashboard: Api
) -> None:
    listing = Listing(staff)
    listing.listed()
    ok(listing.round())
    ok(listing.round({"amount": "300000", "currency": "USD"}, instrument="bond"))
    ok(listing.round({"amount": "0.50", "currency": "CNY"}))

    [item] = ok(dashboard.get(f"{LISTINGS}?status=listed"))["items"]

    assert item["rounds"] == 3
    assert item["funds_raised"] == [
        {"amount": "5000000.50", "currency": "CNY"},
        {"amount": "300000.00", "currency": "USD"},
    ]
    assert ok(staff.get(listing.url))["funds_raised"] == item["funds_raised"]
