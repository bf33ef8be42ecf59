"""Idempotency-Key: a retried command replays its first response and records nothing more."""

from __future__ import annotations

from typing import Any

from flask import Flask

from dealtrail.application.ports.tokens import Role
from dealtrail.bootstrap import Services

from .conftest import Api, draft_agreement, register_party

PARTIES = "/api/v1/parties"
AGREEMENTS = "/api/v1/agreements"
PARTY = {"name": "Xi'an Jiaotong University", "kind": "university", "country": "CN"}


def keyed(key: str) -> dict[str, str]:
    return {"Idempotency-Key": key}


def history_types(api: Api, url: str) -> list[str]:
    return [e["type"] for e in api.get(f"{url}/history").json["items"]]


def assert_replayed(first: Any, again: Any) -> None:
    assert again.status_code == first.status_code
    assert again.json == first.json
    assert again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    for header in ("ETag", "Dealtrail-Log-Position", "Location"):
        assert again.headers.get(header) == first.headers.get(header), header


def test_registering_twice_with_one_key_registers_one_party(staff: Api) -> None:
    first = staff.post(PARTIES, json=PARTY, headers=keyed("register-xjtu"))
    again = staff.post(PARTIES, json=PARTY, headers=keyed("register-xjtu"))

    assert first.status_code == 201
    assert_replayed(first, again)
    assert [p["id"] for p in staff.get(PARTIES).json["items"]] == [first.json["id"]]
    assert history_types(staff, f"{PARTIES}/{first.json['id']}") == ["Registered"]


def test_a_change_retried_with_its_key_is_recorded_once(staff: Api) -> None:
    url = f"{PARTIES}/{register_party(staff)}"
    body = {"name": "XJTU", "comment": "Short name"}

    first = staff.put(f"{url}/name", json=body, headers=keyed("rename-1"))
    again = staff.put(f"{url}/name", json=body, headers=keyed("rename-1"))

    assert first.status_code == 200
    assert_replayed(first, again)
    assert history_types(staff, url) == ["Registered", "Renamed"]
    renamed = staff.get(f"{url}/history").json["items"][1]["metadata"]
    assert renamed["idempotency_key"] == "rename-1"


def test_a_key_reused_for_another_body_is_refused(staff: Api) -> None:
    first = staff.post(PARTIES, json=PARTY, headers=keyed("register-1"))

    other = staff.post(
        PARTIES, json={**PARTY, "name": "Lanzhou University"}, headers=keyed("register-1")
    )

    assert first.status_code == 201
    assert other.status_code == 422
    assert other.headers["Content-Type"] == "application/problem+json"
    assert other.json["code"] == "idempotency_key_reused"
    assert len(staff.get(PARTIES).json["items"]) == 1


def test_a_key_reused_for_another_aggregate_or_command_is_refused(staff: Api) -> None:
    first, second = register_party(staff), register_party(staff, "Lanzhou University")
    rename = {"name": "XJTU"}
    assert staff.put(f"{PARTIES}/{first}/name", json=rename, headers=keyed("k")).status_code == 200

    elsewhere = staff.put(f"{PARTIES}/{second}/name", json=rename, headers=keyed("k"))
    another = staff.post(
        f"{PARTIES}/{first}/alliances", json={"alliance": "XJTU"}, headers=keyed("k")
    )

    assert elsewhere.json["code"] == another.json["code"] == "idempotency_key_reused"
    assert staff.get(f"{PARTIES}/{second}").json["name"] == "Lanzhou University"
    assert staff.get(f"{PARTIES}/{first}").json["alliances"] == []


def test_keys_belong_to_one_token_so_another_token_may_use_the_same_key(
    app: Flask, services: Services, staff: Api
) -> None:
    info, secret = services.tokens.create("li-na", Role.STAFF, created_by="pytest")
    colleague = Api(app.test_client(), secret)

    mine = staff.post(PARTIES, json=PARTY, headers=keyed("conference-1"))
    theirs = colleague.post(
        PARTIES, json={**PARTY, "name": "Lanzhou University"}, headers=keyed("conference-1")
    )

    assert (mine.status_code, theirs.status_code) == (201, 201)
    assert "Idempotent-Replayed" not in theirs.headers
    assert theirs.json["id"] != mine.json["id"]
    actors = {
        staff.get(f"{PARTIES}/{p['id']}/history").json["items"][0]["metadata"]["actor"]
        for p in (mine.json, theirs.json)
    }
    assert actors == {staff.actor, f"staff:token:{info.token_id}:li-na"}


def test_a_signature_replayed_after_later_changes_returns_the_original_response(
    staff: Api,
) -> None:
    a, b = register_party(staff), register_party(staff, "Academy", "KZ")
    url = f"{AGREEMENTS}/{draft_agreement(staff, [a, b])['id']}"
    staff.post(f"{url}/opening")
    body = {
        "party_id": a,
        "signatory_name": "Wang Shuguo",
        "signatory_title": "President",
        "signed_on": "2026-11-20",
    }
    first = staff.post(f"{url}/signatures", json=body, headers=keyed("sign-uni"))
    last = staff.post(f"{url}/signatures", json={**body, "party_id": b})
    assert last.json["status"] == "effective"

    again = staff.post(f"{url}/signatures", json=body, headers=keyed("sign-uni"))

    assert_replayed(first, again)
    assert (again.json["version"], again.json["status"]) == (3, "open_for_signature")
    assert again.json["position"] == first.json["position"] < last.json["position"]
    assert again.headers["ETag"] == '"3"'
    assert history_types(staff, url) == [
        "Drafted",
        "OpenedForSignature",
        "Signed",
        "Signed",
        "BecameEffective",
    ]


def test_the_last_signature_replays_with_the_position_of_its_last_event(staff: Api) -> None:
    a, b = register_party(staff), register_party(staff, "Academy", "KZ")
    agreement_id = draft_agreement(staff, [a, b])["id"]
    url = f"{AGREEMENTS}/{agreement_id}"
    staff.post(f"{url}/opening")
    staff.post(
        f"{url}/signatures",
        json={
            "party_id": a,
            "signatory_name": "W",
            "signatory_title": "P",
            "signed_on": "2026-11-20",
        },
    )
    body = {
        "party_id": b,
        "signatory_name": "A",
        "signatory_title": "VP",
        "signed_on": "2026-11-20",
    }
    first = staff.post(f"{url}/signatures", json=body, headers=keyed("sign-acad-1"))

    again = staff.post(f"{url}/signatures", json=body, headers=keyed("sign-acad-1"))

    assert_replayed(first, again)
    history = staff.get(f"{url}/history").json["items"]
    assert again.json["position"] == history[-1]["position"]
    assert again.json["version"] == history[-1]["version"] == 5


def test_a_failed_command_does_not_use_up_its_key(staff: Api) -> None:
    url = f"{PARTIES}/{register_party(staff)}"
    name = {"name": "Xi'an Jiaotong University"}

    refused = staff.put(f"{url}/name", json=name, headers=keyed("rename-2"))
    retried = staff.put(f"{url}/name", json={"name": "XJTU"}, headers=keyed("rename-2"))

    assert (refused.status_code, refused.json["code"]) == (409, "party.name_unchanged")
    assert retried.status_code == 200
    assert "Idempotent-Replayed" not in retried.headers


def test_a_blank_or_overlong_key_is_a_bad_request(staff: Api) -> None:
    for key in (" ", "k" * 201):
        response = staff.post(PARTIES, json=PARTY, headers=keyed(key))
        assert (response.status_code, response.json["code"]) == (400, "malformed_request")
    assert staff.get(PARTIES).json["items"] == []
