"""Admins issue and revoke tokens over the API; each act is recorded as an event."""

from __future__ import annotations

from tests.api.conftest import Api


def test_an_issued_token_works_once_shown_and_stops_when_revoked(admin: Api, auditor: Api) -> None:
    issued = admin.post("/api/v1/tokens", json={"name": "Li Na", "role": "staff"})
    assert issued.status_code == 201, issued.json
    secret, token_id = issued.json["secret"], issued.json["token_id"]
    li_na = Api(admin.client, secret)
    body = {"name": "Tashkent TU", "kind": "university", "country": "UZ"}
    assert li_na.post("/api/v1/parties", json=body).status_code == 201
    listed = {t["token_id"]: t for t in admin.get("/api/v1/tokens").json}
    assert "secret" not in listed[token_id] and listed[token_id]["revoked_at"] is None

    revoked = admin.delete(f"/api/v1/tokens/{token_id}")

    assert revoked.status_code == 200 and revoked.json["revoked_at"] is not None
    assert li_na.get("/api/v1/parties").status_code == 401
    assert admin.delete(f"/api/v1/tokens/{token_id}").status_code == 404
    events = auditor.get("/api/v1/events?aggregate_type=api_token").json["items"]
    assert [(e["type"], e["metadata"]["actor"]) for e in events] == [
        ("Issued", admin.actor),
        ("Revoked", admin.actor),
    ]
    assert secret not in str(events)


def test_only_admins_manage_tokens(staff: Api, auditor: Api) -> None:
    assert staff.get("/api/v1/tokens").status_code == 403
    assert auditor.post("/api/v1/tokens", json={"name": "x", "role": "admin"}).status_code == 403


def test_a_token_name_is_trimmed_and_is_the_actor_of_what_its_holder_records(
    admin: Api, auditor: Api
) -> None:
    issued = admin.post("/api/v1/tokens", json={"name": "  Li Na ", "role": "staff"})
    assert issued.status_code == 201, issued.json
    assert issued.json["name"] == "Li Na"
    li_na = Api(admin.client, issued.json["secret"])
    body = {"name": "Tashkent TU", "kind": "university", "country": "UZ"}
    party_id = li_na.post("/api/v1/parties", json=body).json["id"]

    (registered,) = auditor.get(f"/api/v1/parties/{party_id}/history").json["items"]
    assert registered["metadata"]["actor"] == f"staff:token:{issued.json['token_id']}:Li Na"


def test_a_token_name_longer_than_an_actor_can_hold_is_refused(admin: Api, auditor: Api) -> None:
    tokens = admin.get("/api/v1/tokens").json
    too_long = admin.post("/api/v1/tokens", json={"name": "n" * 191, "role": "admin"})

    assert (too_long.status_code, too_long.json["code"]) == (422, "validation_failed")
    assert [e["field"] for e in too_long.json["errors"]] == ["name"]
    assert admin.get("/api/v1/tokens").json == tokens
    longest = admin.post("/api/v1/tokens", json={"name": "n" * 190, "role": "admin"})
    assert longest.status_code == 201, longest.json
    by_longest = Api(admin.client, longest.json["secret"])
    again = by_longest.post("/api/v1/tokens", json={"name": "Li Na", "role": "staff"})
    assert again.status_code == 201, again.json
    by_longest_id = longest.json["token_id"]
    assert again.json["created_by"] == f"admin:token:{by_longest_id}:" + "n" * 190


def _issue(admin: Api) -> tuple[str, Api]:
    issued = admin.post("/api/v1/tokens", json={"name": "Li Na", "role": "staff"})
    assert issued.status_code == 201, issued.json
    return issued.json["token_id"], Api(admin.client, issued.json["secret"])


def _token_events(auditor: Api) -> list[str]:
    events = auditor.get("/api/v1/events?aggregate_type=api_token").json["items"]
    return [e["type"] for e in events]


def test_a_revocation_refused_for_a_stale_if_match_leaves_the_token_working(
    admin: Api, auditor: Api
) -> None:
    token_id, li_na = _issue(admin)

    refused = admin.delete(f"/api/v1/tokens/{token_id}", headers={"If-Match": '"2"'})

    assert refused.status_code == 412, refused.json
    assert li_na.get("/api/v1/parties").status_code == 200
    listed = {t["token_id"]: t for t in admin.get("/api/v1/tokens").json}
    assert listed[token_id]["revoked_at"] is None
    assert _token_events(auditor) == ["Issued"]


def test_a_revocation_retried_with_its_idempotency_key_replays_and_records_once(
    admin: Api, auditor: Api
) -> None:
    token_id, li_na = _issue(admin)
    key = {"Idempotency-Key": "revoke-li-na-1"}

    first = admin.delete(f"/api/v1/tokens/{token_id}", headers=key)
    again = admin.delete(f"/api/v1/tokens/{token_id}", headers=key)

    assert (first.status_code, again.status_code) == (200, 200), again.json
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.headers["Dealtrail-Leaf-Hash"] == first.headers["Dealtrail-Leaf-Hash"]
    assert again.headers["Dealtrail-Receipt"] == first.headers["Dealtrail-Receipt"]
    assert li_na.get("/api/v1/parties").status_code == 401
    assert _token_events(auditor) == ["Issued", "Revoked"]
