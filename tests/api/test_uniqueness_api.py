"""Unique things stay unique: a listing code per trading centre, a normalised IP number per office
and kind of number. A second holder is refused (409) naming the record that holds the value, and
nothing of the refused command is recorded."""

from __future__ import annotations

import json
from typing import Any

from werkzeug.test import TestResponse

from .conftest import Api, register_party
from .ip_steps import ASSETS, ok, refused, register_asset
from .listing_steps import APPLIED_AT, APPROVED_AT, LISTED_ON, LISTINGS, Listing, register


def head(auditor: Api) -> int:
    """The log position of the last event recorded."""
    stream = auditor.get("/api/v1/events", headers={"Accept": "application/x-ndjson"})
    lines = stream.get_data(as_text=True).splitlines()
    return json.loads(lines[-1])["position"] if lines else 0


def assert_taken(response: TestResponse, code: str, field: str, existing_id: str) -> None:
    refused(response, 409, code, field)
    assert response.headers["Content-Type"] == "application/problem+json"
    assert response.json["existing_id"] == existing_id
    assert existing_id in response.json["detail"]


def approved_at(api: Api, centre: str, company: str) -> str:
    """The url of a new company's application at `centre`, reviewed and approved."""
    body = {"company_id": register(api, company, "company"), "centre_id": centre}
    applied = api.post(
        LISTINGS, json=body | {"board": "sci_tech_innovation", "effective_at": APPLIED_AT}
    )
    assert applied.status_code == 201, applied.json
    url = f"{LISTINGS}/{applied.json['id']}"
    ok(api.post(f"{url}/review", json={"effective_at": APPLIED_AT}))
    ok(api.post(f"{url}/approval", json={"effective_at": APPROVED_AT}))
    return url


def admit(api: Api, url: str, code: str) -> TestResponse:
    holders = [{"party_id": ok(api.get(url))["company_id"], "shares": 1_000_000}]
    body = {"listing_code": code, "listed_on": LISTED_ON, "holders": holders}
    return api.post(f"{url}/listing", json=body)


def listed_at(api: Api, centre: str, company: str, code: str) -> TestResponse:
    return admit(api, approved_at(api, centre, company), code)


# ---- listing codes -------------------------------------------------------------------------


def test_a_listing_code_taken_at_a_trading_centre_is_refused_naming_the_listing_holding_it(
    staff: Api, auditor: Api
) -> None:
    first = Listing(staff)
    first.listed("SXKC0008")
    url = approved_at(staff, first.centre, "Weihe Semiconductors")
    before = head(auditor)

    second = admit(staff, url, " sxkc0008 ")

    assert_taken(second, "listing.code_taken", "listing_code", first.id)
    assert "SXKC0008" in second.json["detail"]
    assert head(auditor) == before
    assert (ok(staff.get(url))["status"], ok(staff.get(url))["version"]) == ("approved", 3)


def test_the_same_listing_code_is_free_at_another_trading_centre(staff: Api) -> None:
    Listing(staff).listed("SXKC0008")
    other_centre = register(staff, "Gansu Equity Exchange", "trading_centre")

    listed = listed_at(staff, other_centre, "Weihe Semiconductors", "SXKC0008")

    assert listed.status_code == 200, listed.json
    assert listed.json["listing_code"] == "SXKC0008"


def test_a_listing_keeps_its_code_after_delisting(staff: Api) -> None:
    first = Listing(staff)
    first.listed("SXKC0008")
    ok(first.post("delisting", {"reason": "Merged into its parent"}))

    again = listed_at(staff, first.centre, "Weihe Semiconductors", "SXKC0008")

    assert_taken(again, "listing.code_taken", "listing_code", first.id)


# ---- IP numbers ----------------------------------------------------------------------------


def cn_patent(number: str, kind: str = "application") -> dict[str, Any]:
    return {"identifiers": [{"kind": kind, "number": number}]}


def test_an_ip_number_spelt_another_way_is_refused_at_the_same_office_and_kind(
    staff: Api, auditor: Api
) -> None:
    holder = register_party(staff)
    first = register_asset(staff, holder, **cn_patent("CN 2020 1056 6088.9"))
    before = head(auditor)

    for spelling in ("202010566088.9", "cn 2020 1056 6088", "CN202010566088.9"):
        body = {"holder_party_id": holder, "kind": "patent", "jurisdiction": "cn"}
        body |= {"title": "Membrane", **cn_patent(spelling)}
        assert_taken(
            staff.post(ASSETS, json=body),
            "ip_asset.already_registered",
            "identifiers.0.number",
            first["id"],
        )
    assert head(auditor) == before
    assert [a["id"] for a in staff.get(ASSETS).json["items"]] == [first["id"]]


def test_the_taken_number_is_named_among_the_numbers_given(staff: Api) -> None:
    holder = register_party(staff)
    first = register_asset(staff, holder, **cn_patent("CN 112345678 A", "publication"))
    numbers = [
        {"kind": "application", "number": "CN 2021 1000 0001"},
        {"kind": "publication", "number": "CN112345678A"},
    ]

    response = staff.post(
        ASSETS,
        json={
            "holder_party_id": holder,
            "kind": "patent",
            "jurisdiction": "CN",
            "title": "Membrane",
            "identifiers": numbers,
        },
    )

    assert_taken(response, "ip_asset.already_registered", "identifiers.1.number", first["id"])


def test_the_same_number_is_free_for_another_kind_of_number_or_another_office(
    staff: Api,
) -> None:
    holder = register_party(staff)
    number = "2020/0123"
    register_asset(staff, holder, jurisdiction="KZ", **cn_patent(number))

    register_asset(staff, holder, jurisdiction="KZ", **cn_patent(number, "publication"))
    register_asset(staff, holder, jurisdiction="UZ", **cn_patent(number))

    assert len(staff.get(ASSETS).json["items"]) == 3


def test_a_grant_number_another_asset_holds_is_refused_and_the_asset_stays_pending(
    staff: Api, auditor: Api
) -> None:
    holder = register_party(staff)
    granted = register_asset(staff, holder, **cn_patent("CN 112345678 B", "grant"))
    pending = register_asset(staff, holder, **cn_patent("CN 2021 1000 0001"))
    url = f"{ASSETS}/{pending['id']}"
    before = head(auditor)

    response = staff.post(
        f"{url}/grant", json={"granted_on": "2021-06-01", "grant_number": "CN112345678B"}
    )

    assert_taken(response, "ip_asset.already_registered", "grant_number", granted["id"])
    assert head(auditor) == before
    assert (ok(staff.get(url))["status"], ok(staff.get(url))["version"]) == ("pending", 1)


def test_a_grant_number_recorded_at_grant_is_unique_from_then_on(staff: Api) -> None:
    holder = register_party(staff)
    asset = register_asset(staff, holder, **cn_patent("CN 2021 1000 0001"))
    grant = {"granted_on": "2021-06-01", "grant_number": "CN 112345679 B"}
    ok(staff.post(f"{ASSETS}/{asset['id']}/grant", json=grant))

    body = {"holder_party_id": holder, "kind": "patent", "jurisdiction": "CN", "title": "Copy"}
    response = staff.post(ASSETS, json=body | cn_patent("CN112345679B", "grant"))

    assert_taken(response, "ip_asset.already_registered", "identifiers.0.number", asset["id"])


# ---- what the log records --------------------------------------------------------------------


def test_a_claim_is_recorded_with_the_command_and_the_receipt_is_the_records_event(
    staff: Api, auditor: Api
) -> None:
    holder = register_party(staff)
    body = {"holder_party_id": holder, "kind": "patent", "jurisdiction": "CN", "title": "M"}
    response = staff.post(
        ASSETS,
        json=body | cn_patent("CN 2020 1056 6088.9"),
        headers={"Idempotency-Key": "register-membrane"},
    )
    assert response.status_code == 201, response.json

    (claim,) = auditor.get("/api/v1/events?aggregate_type=claim").json["items"]
    (registered,) = staff.get(f"{ASSETS}/{response.json['id']}/history").json["items"]
    assert (claim["type"], claim["data"]["holder_id"]) == ("Claimed", response.json["id"])
    assert claim["data"]["key"] == "ip-number:CN:application:CN202010566088.9"
    assert claim["metadata"] == registered["metadata"]
    assert claim["metadata"]["idempotency_key"] == "register-membrane"
    assert claim["position"] < registered["position"]
    assert response.headers["Dealtrail-Log-Position"] == str(registered["position"])

    again = staff.post(
        ASSETS,
        json=body | cn_patent("CN 2020 1056 6088.9"),
        headers={"Idempotency-Key": "register-membrane"},
    )
    assert (again.status_code, again.json) == (201, response.json)
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.headers["Dealtrail-Log-Position"] == str(registered["position"])


def test_admitting_a_listing_again_with_its_key_replays_the_listing(staff: Api) -> None:
    listing = Listing(staff)
    listing.approved()
    body = {"listing_code": "SXKC0008", "listed_on": LISTED_ON, "holders": listing.holders()}
    key = {"Idempotency-Key": "admit-sxkc0008"}

    first = staff.post(f"{listing.url}/listing", json=body, headers=key)
    again = staff.post(f"{listing.url}/listing", json=body, headers=key)

    assert (first.status_code, again.status_code) == (200, 200)
    assert again.json == first.json
    assert again.headers["Idempotent-Replayed"] == "true"
