"""Steps shared by the achievement and trading event API tests."""

from __future__ import annotations

from typing import Any

from werkzeug.test import TestResponse

from .conftest import Api, draft_agreement, sign

ACHIEVEMENTS = "/api/v1/achievements"
EVENTS = "/api/v1/trading-events"
DAY = "2026-11-20"
CONTACT = {"name": "Wang Hong", "email": "wang.hong@example.edu.cn", "phone": "+86 29 8266 8888"}


def ok(response: TestResponse) -> dict[str, Any]:
    assert response.status_code == 200, response.json
    return response.json


def refused(response: TestResponse, status: int, code: str, field: str | None = None) -> None:
    """The response is a problem with this status and code, naming `field` if given."""
    assert (response.status_code, response.json["code"]) == (status, code), response.json
    if field is not None:
        assert [e["field"] for e in response.json["errors"]] == [field], response.json


def register(api: Api, name: str, kind: str = "university", country: str = "CN") -> str:
    response = api.post("/api/v1/parties", json={"name": name, "kind": kind, "country": country})
    assert response.status_code == 201, response.json
    return response.json["id"]


def offer(**changes: Any) -> dict[str, Any]:
    return {
        "title": "High-power laser welding process",
        "field": "advanced_manufacturing",
        "trl": 6,
        "transfer_modes": ["licence", "joint_development"],
        "asking_price": {"amount": "3500000.00", "currency": "CNY"},
        **changes,
    }


def create_achievement(api: Api, owner: str, **changes: Any) -> dict[str, Any]:
    response = api.post(
        ACHIEVEMENTS, json={"owner_party_id": owner, "offer": offer(**changes), "contact": CONTACT}
    )
    assert response.status_code == 201, response.json
    return response.json


def schedule(api: Api, host: str, name: str = "Hard Sci-Tech Trading Conference") -> str:
    response = api.post(
        EVENTS,
        json={
            "host_party_id": host,
            "name": name,
            "city": "Xi'an",
            "country": "CN",
            "starts_on": DAY,
            "ends_on": DAY,
        },
    )
    assert response.status_code == 201, response.json
    return response.json["id"]


def signed_agreement(api: Api, party_ids: list[str], *signed_on: str) -> str:
    """An agreement between `party_ids`, opened and signed by them in turn on these days (all
    of them on the conference day if none given); returns its id."""
    agreement_id = draft_agreement(api, party_ids)["id"]
    ok(api.post(f"/api/v1/agreements/{agreement_id}/opening"))
    for party_id, day in zip(party_ids, signed_on or (DAY,) * len(party_ids), strict=False):
        ok(sign(api, agreement_id, party_id, day))
    return agreement_id
